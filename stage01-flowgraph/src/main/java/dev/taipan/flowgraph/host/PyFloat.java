package dev.taipan.flowgraph.host;

import dev.taipan.flowgraph.syntax.PyRepr;

/** Python's {@code float}: an IEEE double; repr and str are the shortest round-trip digits. */
public class PyFloat extends PyObject {
    final double value;

    public PyFloat(double value) {
        this.value = value;
    }

    public static PyFloat of(double v) {
        return new PyFloat(v);
    }

    public double value() {
        return value;
    }

    @Override
    public PyType type() {
        return Types.FLOAT;
    }

    @Override
    String repr() {
        return PyRepr.floatRepr(value);
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof PyFloat f) {
            return f.value == value;
        }
        if (o instanceof PyInt i) {
            return Arith.compareIntFloat(i, value) == 0;
        }
        return false;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(Arith.hashFloat(value));
    }

    /** An instance of a user class derived from float. */
    static final class Subclass extends PyFloat {
        private final PyType type;
        private final PyDict dict = new PyDict();

        Subclass(PyType type, double value) {
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
    }
}
