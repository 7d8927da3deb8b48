package dev.taipan.flowgraph.host;

import java.math.BigInteger;

/**
 * An instance of a user class that inherits from {@code int} (the support package's
 * {@code r_uint} is one): an int value plus a type and a {@code __dict__}.
 */
final class PyIntSubclass extends PyInt {
    private final PyType type;
    private final PyDict dict = new PyDict();

    PyIntSubclass(PyType type, PyInt value) {
        super(value.bigValue());
        this.type = type;
    }

    PyIntSubclass(PyType type, BigInteger value) {
        super(value);
        this.type = type;
    }

    @Override
    public PyType type() {
        return type;
    }

    @Override
    public PyDict dict() {
        return dict;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyObject p ? Ops.eqBool(this, p) : super.equals(o);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(Ops.hash(this));
    }
}
