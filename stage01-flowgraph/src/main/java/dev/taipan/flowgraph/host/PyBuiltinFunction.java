package dev.taipan.flowgraph.host;

/**
 * A function written in Java: a built-in ({@code len}), or a method of a built-in type
 * ({@code list.append}), which binds to its receiver like a Python function does. Its body
 * gets the receiver, if any, as {@code args[0]}.
 */
public final class PyBuiltinFunction extends PyObject {

    @FunctionalInterface
    public interface Body {
        PyObject call(PyObject[] args, String[] kwnames);
    }

    final String name;
    /** The type a method belongs to, for its {@code __qualname__}; null for functions. */
    PyType owner;
    final Body body;
    /** A method of a built-in type: looked up on an instance, it binds like a function. */
    final boolean isMethod;

    PyBuiltinFunction(String name, boolean isMethod, Body body) {
        this.name = name;
        this.body = body;
        this.isMethod = isMethod;
    }

    @Override
    public PyType type() {
        return isMethod ? Types.METHOD_DESCRIPTOR : Types.BUILTIN_FUNCTION;
    }

    @Override
    public PyObject call(PyObject[] args, String[] kwnames) {
        return body.call(args, kwnames);
    }

    @Override
    PyObject getSlot(String n) {
        return switch (n) {
            case "__name__" -> PyStr.of(name);
            case "__qualname__" -> PyStr.of(owner == null ? name : owner.name() + "." + name);
            case "__module__" -> owner == null ? PyStr.of("builtins") : PySingleton.NONE;
            case "__doc__" -> PySingleton.NONE;
            default -> null;
        };
    }

    @Override
    String repr() {
        return isMethod ? "<method '" + name + "'>" : "<built-in function " + name + ">";
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
