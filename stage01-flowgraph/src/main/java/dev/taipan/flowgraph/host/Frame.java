package dev.taipan.flowgraph.host;

import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.bytecode.Opcode;

/**
 * The execution state of one code object: fast locals, cells, the value stack, the program
 * counter, and for module and class bodies the namespace that LOAD_NAME/STORE_NAME use. Because
 * the exception table replaces CPython 2's block stack, this is the whole state: a generator
 * suspends by keeping its Frame, and the flow space's FrameState is an abstract copy of exactly
 * these fields.
 */
final class Frame {
    private static final PyCell[] NO_CELLS = new PyCell[0];

    final Interp interp;
    final PyCode pycode;
    final Code code;
    final PyDict globals;
    final PyDict builtins;
    /** The namespace of a module or class body; null in a function. */
    final PyDict locals;
    final PyObject[] fast;
    final PyCell[] cells;
    final PyObject[] stack;
    int sp;
    int pc;
    /** The pc of the instruction being executed (for tracebacks and handler lookup). */
    int lastPc;
    Frame back;
    PyFunction function;
    /** Set by YIELD_VALUE/YIELD_FROM when the eval loop returns a yielded value. */
    boolean yielded;
    /** An exception thrown into a suspended generator, raised when it resumes. */
    PyException pendingThrow;

    Frame(Interp interp, PyCode pycode, PyDict globals, PyDict locals, PyCell[] closure) {
        this.interp = interp;
        this.pycode = pycode;
        this.code = pycode.code;
        this.globals = globals;
        this.builtins = interp.builtinsDict;
        this.locals = locals;
        this.fast = new PyObject[pycode.nlocals];
        int ncell = pycode.ncellvars;
        if (pycode.ncells == 0) {
            this.cells = NO_CELLS;
        } else {
            this.cells = new PyCell[pycode.ncells];
            for (int i = 0; i < ncell; i++) {
                cells[i] = new PyCell();
            }
            if (closure != null) {
                System.arraycopy(closure, 0, cells, ncell, closure.length);
            }
        }
        this.stack = new PyObject[pycode.stackSize];
    }

    int currentLine() {
        int at = Math.max(0, Math.min(lastPc, code.length() - Opcode.SIZE));
        return code.lineAt(at);
    }

    /** {@code f_locals}/{@code locals()}: the namespace, or a snapshot of a function's variables. */
    PyDict localsDict() {
        if (locals != null) {
            return locals;
        }
        PyDict d = new PyDict();
        for (int i = 0; i < fast.length; i++) {
            if (fast[i] != null) {
                d.putStr(code.varnames().get(i), fast[i]);
            }
        }
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != null && cells[i].contents != null) {
                d.putStr(code.cellName(i), cells[i].contents);
            }
        }
        return d;
    }
}
