package dev.taipan.flowgraph.host;

/** {@code classmethod(f)}: looked up on a class or an instance, it binds {@code f} to the class. */
public final class PyClassMethod extends PyObject {
    final PyObject function;

    PyClassMethod(PyObject function) {
        this.function = function;
    }

    public PyObject function() {
        return function;
    }

    @Override
    public PyType type() {
        return Types.CLASSMETHOD;
    }

    @Override
    PyObject getSlot(String name) {
        return name.equals("__func__") ? function : null;
    }
}
