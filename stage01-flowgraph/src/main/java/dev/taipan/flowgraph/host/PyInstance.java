package dev.taipan.flowgraph.host;

/**
 * An instance of a user class whose layout is plain {@code object}: a type and a
 * {@code __dict__}. What the flow space sees as a prebuilt instance.
 */
public final class PyInstance extends PyObject {
    private PyType type;
    final PyDict dict = new PyDict();

    PyInstance(PyType type) {
        this.type = type;
    }

    @Override
    public PyType type() {
        return type;
    }

    void setType(PyType t) {
        this.type = t;
    }

    @Override
    public PyDict dict() {
        return dict;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof PyObject p ? Ops.eqBool(this, p) : o instanceof String s && Ops.eqBool(this, PyStr.of(s));
    }

    @Override
    public int hashCode() {
        return Long.hashCode(Ops.hash(this));
    }
}
