package dev.taipan.flowgraph.host;

import dev.taipan.flowgraph.syntax.PyRepr;

/**
 * Python's {@code str}, over a Java String. Characters are UTF-16 code units, which is exact
 * for the Basic Multilingual Plane and for RPy's byte strings (chars 0..255). One-character
 * strings of Latin-1 are cached, so indexing a string allocates nothing.
 */
public class PyStr extends PyObject {
    private static final PyStr[] CHARS = new PyStr[256];
    public static final PyStr EMPTY = new PyStr("");

    static {
        for (int i = 0; i < CHARS.length; i++) {
            CHARS[i] = new PyStr(String.valueOf((char) i));
        }
    }

    final String value;

    PyStr(String value) {
        this.value = value;
    }

    public static PyStr of(String s) {
        if (s.length() == 1 && s.charAt(0) < 256) {
            return CHARS[s.charAt(0)];
        }
        return s.isEmpty() ? EMPTY : new PyStr(s);
    }

    public static PyStr of(char c) {
        return c < 256 ? CHARS[c] : new PyStr(String.valueOf(c));
    }

    public String value() {
        return value;
    }

    @Override
    public PyType type() {
        return Types.STR;
    }

    @Override
    String repr() {
        return PyRepr.str(value);
    }

    @Override
    String str() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyStr p ? p.value.equals(value) : o instanceof String s && s.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** An instance of a user class derived from str. */
    static final class Subclass extends PyStr {
        private final PyType type;
        private final PyDict dict = new PyDict();

        Subclass(PyType type, String value) {
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
