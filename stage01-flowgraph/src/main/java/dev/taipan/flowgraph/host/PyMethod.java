package dev.taipan.flowgraph.host;

/** A bound method: a function and the object it was looked up on ({@code obj.m}). */
public final class PyMethod extends PyObject {
    final PyObject function;
    final PyObject self;

    PyMethod(PyObject function, PyObject self) {
        this.function = function;
        this.self = self;
    }

    public PyObject function() {
        return function;
    }

    public PyObject self() {
        return self;
    }

    @Override
    public PyType type() {
        // CPython shows a bound built-in method as a builtin_function_or_method
        return function instanceof PyBuiltinFunction ? Types.BUILTIN_FUNCTION : Types.METHOD;
    }

    @Override
    public PyObject call(PyObject[] args, String[] kwnames) {
        return function.call(Ops.prepend(self, args), kwnames);
    }

    @Override
    PyObject getSlot(String name) {
        return switch (name) {
            case "__self__" -> self;
            case "__func__" -> function;
            case "__name__", "__qualname__", "__doc__", "__module__" -> Attr.get(function, name);
            default -> null;
        };
    }

    @Override
    String repr() {
        String n = function instanceof PyFunction f ? f.qualname : function instanceof PyBuiltinFunction b ? b.name : "?";
        return "<bound method " + n + " of " + Ops.repr(self) + ">";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyMethod m && m.function == function && m.self == self;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(function) * 31 + System.identityHashCode(self);
    }
}
