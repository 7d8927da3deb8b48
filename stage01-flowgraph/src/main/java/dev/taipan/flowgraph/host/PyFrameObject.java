package dev.taipan.flowgraph.host;

/**
 * What {@code sys._getframe()} returns: a view of a live {@link Frame}. The support package's
 * {@code import_from_mixin} writes into {@code sys._getframe(1).f_locals} from a class body,
 * so for module and class frames {@code f_locals} is the live namespace itself.
 */
final class PyFrameObject extends PyObject {
    private final Frame frame;

    PyFrameObject(Frame frame) {
        this.frame = frame;
    }

    @Override
    public PyType type() {
        return Types.FRAME;
    }

    @Override
    PyObject getSlot(String name) {
        return switch (name) {
            case "f_locals" -> frame.localsDict();
            case "f_globals" -> frame.globals;
            case "f_back" -> frame.back == null ? PySingleton.NONE : new PyFrameObject(frame.back);
            case "f_code" -> frame.pycode;
            case "f_lineno" -> PyInt.of(frame.currentLine());
            case "f_builtins" -> frame.builtins;
            default -> null;
        };
    }

    @Override
    String repr() {
        return "<frame at " + Ops.address(this) + ", file '" + frame.code.source().name() + "', line "
                + frame.currentLine() + ", code " + frame.code.name() + ">";
    }
}
