package dev.taipan.flowgraph.host;

/** {@code staticmethod(f)}: looked up on a class or an instance, it gives {@code f} unbound. */
public final class PyStaticMethod extends PyObject {
    final PyObject function;

    PyStaticMethod(PyObject function) {
        this.function = function;
    }

    public PyObject function() {
        return function;
    }

    @Override
    public PyType type() {
        return Types.STATICMETHOD;
    }

    @Override
    public PyObject call(PyObject[] args, String[] kwnames) {
        return function.call(args, kwnames);
    }

    @Override
    PyObject getSlot(String name) {
        return name.equals("__func__") ? function : null;
    }
}
