package dev.taipan.flowgraph.host;

import dev.taipan.flowgraph.bytecode.Code;

/**
 * A code object as a Python value ({@code f.__code__}, MAKE_FUNCTION's operand). It also holds
 * what the eval loop derives from a {@link Code} once: its constants as Python objects and its
 * names as an array.
 */
public final class PyCode extends PyObject {
    final Code code;
    final PyObject[] consts;
    final String[] names;

    PyCode(Code code) {
        this.code = code;
        this.names = code.names().toArray(String[]::new);
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
