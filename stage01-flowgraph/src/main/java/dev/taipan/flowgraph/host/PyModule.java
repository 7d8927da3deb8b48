package dev.taipan.flowgraph.host;

/**
 * A module: a name and a dict that is also the globals of the code that ran in it. After
 * import time, the flow space reads functions, classes and prebuilt constants from here.
 */
public final class PyModule extends PyObject {
    final String name;
    final PyDict dict;

    PyModule(String name, PyDict dict) {
        this.name = name;
        this.dict = dict;
        if (dict.getStr("__name__") == null) {
            dict.putStr("__name__", PyStr.of(name));
        }
    }

    public String name() {
        return name;
    }

    @Override
    public PyDict dict() {
        return dict;
    }

    /** A module-level variable, or null. */
    public PyObject get(String attribute) {
        return dict.getStr(attribute);
    }

    @Override
    public PyType type() {
        return Types.MODULE;
    }

    @Override
    String repr() {
        PyObject file = dict.getStr("__file__");
        return file instanceof PyStr f ? "<module '" + name + "' from '" + f.value + "'>"
                : "<module '" + name + "' (built-in)>";
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
