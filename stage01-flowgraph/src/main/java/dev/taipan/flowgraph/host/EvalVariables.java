package dev.taipan.flowgraph.host;

import dev.taipan.flowgraph.bytecode.Code;

/**
 * The eval loop's constants-and-variables family: the instructions that move values between the
 * stack and a frame's storage (see {@link Frame}). Fast locals and cells are slots found by
 * index; globals, builtins and the namespace of a module or class body are dicts searched by
 * name. The loop itself does the stores and the loads that cannot fail; here are the loads and
 * deletes that can, each raising the error CPython raises, and the two lookup chains.
 */
final class EvalVariables {
    private EvalVariables() {}

    /** LOAD_FAST: an unset slot is a local read before its assignment. */
    static PyObject loadFast(PyObject[] fast, Code code, int i) {
        PyObject v = fast[i];
        if (v == null) {
            throw PyErrors.unboundLocal(code.varnames().get(i));
        }
        return v;
    }

    static void deleteFast(PyObject[] fast, Code code, int i) {
        if (fast[i] == null) {
            throw PyErrors.unboundLocal(code.varnames().get(i));
        }
        fast[i] = null;
    }

    static PyObject loadDeref(PyCell[] cells, Code code, int i) {
        PyObject v = cells[i].contents;
        if (v == null) {
            throw unboundCell(code, i);
        }
        return v;
    }

    static void deleteDeref(PyCell[] cells, Code code, int i) {
        if (cells[i].contents == null) {
            throw unboundCell(code, i);
        }
        cells[i].contents = null;
    }

    /**
     * LOAD_CLASSDEREF: a class body reads a name that a method closes over; the class namespace
     * may have its own value, which wins.
     */
    static PyObject loadClassDeref(Frame f, int i) {
        PyObject v = f.locals.getStr(f.code.cellName(i));
        return v != null ? v : loadDeref(f.cells, f.code, i);
    }

    /** LOAD_GLOBAL: the module's globals, then builtins. */
    static PyObject loadGlobal(Frame f, String name) {
        PyObject v = f.globals.getStr(name);
        if (v == null) {
            v = f.builtins.getStr(name);
            if (v == null) {
                throw PyErrors.nameError(name, f);
            }
        }
        return v;
    }

    /** LOAD_NAME, in module and class bodies: the body's namespace, then globals, then builtins. */
    static PyObject loadName(Frame f, String name) {
        PyObject v = f.locals.getStr(name);
        return v != null ? v : loadGlobal(f, name);
    }

    /** DELETE_GLOBAL and DELETE_NAME: deleting a name that is not there is a NameError. */
    static void deleteName(PyDict namespace, String name, Frame f) {
        if (namespace.map.remove(name) == null) {
            throw PyErrors.nameError(name, f);
        }
    }

    /** A cell read before assignment: the function's own variable, or one it closes over. */
    private static PyException unboundCell(Code code, int i) {
        String name = code.cellName(i);
        if (i < code.cellvars().size()) {
            return PyErrors.unboundLocal(name);
        }
        return PyErrors.of(Types.NAME_ERROR, "cannot access free variable '" + name
                + "' where it is not associated with a value in enclosing scope");
    }
}
