package dev.taipan.flowgraph.host;

import java.util.Arrays;
import java.util.List;

/** Python's {@code tuple}: an immutable array of objects. */
public class PyTuple extends PyObject {
    public static final PyTuple EMPTY = new PyTuple(new PyObject[0]);

    final PyObject[] items;
    /** CALL_KW's constant tuple of keyword names, converted once. */
    private String[] names;

    public PyTuple(PyObject... items) {
        this.items = items;
    }

    static PyTuple of(List<PyObject> items) {
        return items.isEmpty() ? EMPTY : new PyTuple(items.toArray(new PyObject[0]));
    }

    public int size() {
        return items.length;
    }

    public PyObject get(int i) {
        return items[i];
    }

    public List<PyObject> items() {
        return List.of(items);
    }

    String[] asNames() {
        String[] n = names;
        if (n == null) {
            n = new String[items.length];
            for (int i = 0; i < n.length; i++) {
                n[i] = ((PyStr) items[i]).value;
            }
            names = n;
        }
        return n;
    }

    @Override
    public PyType type() {
        return Types.TUPLE;
    }

    @Override
    String repr() {
        if (items.length == 1) {
            return "(" + Ops.repr(items[0]) + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < items.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(Ops.repr(items[i]));
        }
        return sb.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PyTuple t) || t.items.length != items.length) {
            return false;
        }
        for (int i = 0; i < items.length; i++) {
            if (items[i] != t.items[i] && !Ops.eqBool(items[i], t.items[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(Ops.hash(this));
    }

    @Override
    public String toString() {
        return Arrays.toString(items);
    }

    /** An instance of a user class derived from tuple. */
    static final class Subclass extends PyTuple {
        private final PyType type;
        private final PyDict dict = new PyDict();

        Subclass(PyType type, PyObject[] items) {
            super(items);
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
