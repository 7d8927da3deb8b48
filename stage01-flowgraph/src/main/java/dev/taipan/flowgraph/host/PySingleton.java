package dev.taipan.flowgraph.host;

/** {@code None}, {@code NotImplemented} and {@code Ellipsis}: objects that are only a name. */
public final class PySingleton extends PyObject {
    public static final PySingleton NONE = new PySingleton("None", Types.NONE_TYPE);
    public static final PySingleton NOT_IMPLEMENTED = new PySingleton("NotImplemented", Types.NOT_IMPLEMENTED_TYPE);
    public static final PySingleton ELLIPSIS = new PySingleton("Ellipsis", Types.ELLIPSIS_TYPE);

    private final String name;
    private final PyType type;

    private PySingleton(String name, PyType type) {
        this.name = name;
        this.type = type;
    }

    @Override
    public PyType type() {
        return type;
    }

    @Override
    String repr() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
