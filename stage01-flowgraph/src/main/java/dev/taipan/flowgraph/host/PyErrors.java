package dev.taipan.flowgraph.host;

/** Factories for the exceptions the interpreter raises itself, with CPython's wording. */
final class PyErrors {
    private PyErrors() {}

    static PyException of(PyType type, String message) {
        return new PyException(new PyBaseException(type, new PyTuple(PyStr.of(message))));
    }

    static PyException of(PyType type, PyObject... args) {
        return new PyException(new PyBaseException(type, new PyTuple(args)));
    }

    static PyException typeError(String m) {
        return of(Types.TYPE_ERROR, m);
    }

    static PyException valueError(String m) {
        return of(Types.VALUE_ERROR, m);
    }

    static PyException indexError(String m) {
        return of(Types.INDEX_ERROR, m);
    }

    static PyException keyError(PyObject key) {
        return of(Types.KEY_ERROR, key);
    }

    static PyException attributeError(String m) {
        return of(Types.ATTRIBUTE_ERROR, m);
    }

    static PyException nameError(String name) {
        return of(Types.NAME_ERROR, "name '" + name + "' is not defined");
    }

    /** A NameError raised by the eval loop in frame {@code f}: it can suggest a close name. */
    static PyException nameError(String name, Frame f) {
        PyException e = nameError(name);
        e.value().missingName = name;
        e.value().nameFrame = f;
        return e;
    }

    static PyException zeroDivision(String m) {
        return of(Types.ZERO_DIVISION_ERROR, m);
    }

    static PyException overflow(String m) {
        return of(Types.OVERFLOW_ERROR, m);
    }

    static PyException runtimeError(String m) {
        return of(Types.RUNTIME_ERROR, m);
    }

    static PyException recursion() {
        return of(Types.RECURSION_ERROR, "maximum recursion depth exceeded");
    }

    static PyException stopIteration() {
        return of(Types.STOP_ITERATION);
    }

    static PyException notCallable(PyObject o) {
        return typeError("'" + o.type().name() + "' object is not callable");
    }

    static PyException unboundLocal(String name) {
        return of(Types.UNBOUND_LOCAL_ERROR,
                "cannot access local variable '" + name + "' where it is not associated with a value");
    }

    static PyException osError(PyType type, int errno, String strerror, String filename) {
        return of(type, PyInt.of(errno), PyStr.of(strerror), PyStr.of(filename));
    }
}
