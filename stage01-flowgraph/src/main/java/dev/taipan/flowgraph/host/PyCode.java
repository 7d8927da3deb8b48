package dev.taipan.flowgraph.host;

import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.bytecode.Opcode;

/**
 * A code object as a Python value ({@code f.__code__}, MAKE_FUNCTION's operand). It also holds
 * what the eval loop derives from a {@link Code} once: its instructions decoded, its constants
 * as Python objects and its names as an array.
 */
public final class PyCode extends PyObject {
    final Code code;
    /**
     * The instruction at byte offset {@code pc} is {@code ops[pc / 4]} with argument
     * {@code args[pc / 4]}: decoded once here rather than from four bytes at every execution.
     */
    final Opcode[] ops;
    final int[] args;
    final PyObject[] consts;
    final String[] names;
    /** Frame sizes, read on every call. */
    final int nlocals;
    final int ncellvars;
    final int ncells;
    final int stackSize;
    /**
     * Inline caches of the attribute instructions, one slot per instruction (CPython 3.11's
     * specialisation, simplified): the type an instruction last saw on an instance, that type's
     * version then, and what the type's MRO holds under the name (null: nothing).
     */
    final PyType[] cacheType;
    /** For zero-argument super(): the cell slot of {@code __class__} and of the first argument, or -1. */
    final int classCellIndex;
    final int firstArgCellIndex;
    final int[] cacheVersion;
    final PyObject[] cacheValue;

    PyCode(Code code) {
        this.code = code;
        this.names = code.names().toArray(String[]::new);
        // interned, so that dict lookups by name mostly succeed on the identity check
        for (int i = 0; i < names.length; i++) {
            names[i] = names[i].intern();
        }
        this.nlocals = code.varnames().size();
        this.ncellvars = code.cellvars().size();
        this.ncells = ncellvars + code.freevars().size();
        this.stackSize = code.stackSize() + 1;
        int free = code.freevars().indexOf("__class__");
        this.classCellIndex = free < 0 ? -1 : ncellvars + free;
        this.firstArgCellIndex = code.varnames().isEmpty() ? -1 : code.cellvars().indexOf(code.varnames().get(0));
        int n = code.length() / Opcode.SIZE;
        this.ops = new Opcode[n];
        this.args = new int[n];
        for (int i = 0; i < n; i++) {
            ops[i] = code.opcodeAt(i * Opcode.SIZE);
            args[i] = code.argAt(i * Opcode.SIZE);
        }
        this.cacheType = new PyType[n];
        this.cacheVersion = new int[n];
        this.cacheValue = new PyObject[n];
        this.consts = new PyObject[code.consts().size()];
        for (int i = 0; i < consts.length; i++) {
            consts[i] = Ops.fromConstant(code.consts().get(i));
        }
    }

    public Code code() {
        return code;
    }

    @Override
    public PyType type() {
        return Types.CODE;
    }

    @Override
    PyObject getSlot(String name) {
        return switch (name) {
            case "co_name" -> PyStr.of(code.name());
            case "co_qualname" -> PyStr.of(code.qualname());
            case "co_filename" -> PyStr.of(code.source().name());
            case "co_firstlineno" -> PyInt.of(code.firstLine());
            case "co_argcount" -> PyInt.of(code.argCount());
            case "co_varnames" -> Ops.strTuple(code.varnames());
            case "co_freevars" -> Ops.strTuple(code.freevars());
            case "co_cellvars" -> Ops.strTuple(code.cellvars());
            case "co_flags" -> PyInt.of(code.flags());
            default -> null;
        };
    }

    @Override
    String repr() {
        return "<code object " + code.name() + " at " + Ops.address(this) + ", file \"" + code.source().name()
                + "\", line " + code.firstLine() + ">";
    }
}
