package dev.taipan.flowgraph.host;

import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.syntax.Ast;
import java.util.List;

/**
 * The host interpreter seen as an object space: Python's {@code operator} module, one public
 * method per high-level operation ({@code add}, {@code getattr}, {@code iter}, ...), with
 * exactly the host's semantics. The catalogue of operations
 * ({@link dev.taipan.flowgraph.operation.HLOp}) runs them: the flow space to constant-fold
 * operations on constants, the graph interpreter to execute flow graphs, so neither
 * re-implements Python. Python errors come out as {@link PyException}.
 *
 * <p>Nothing here needs a "current" interpreter: what depends on one interpreter (its
 * builtins, its modules) is asked of that {@link HostInterpreter} explicitly.
 */
public final class HostSpace {
    private HostSpace() {}

    // ---------------------------------------------------------------- the operations
    // One method per high-level operation (dev.taipan.flowgraph.operation.HLOp runs them):
    // Python's operator module, for the flow space's folder and the graph interpreter.

    public static PyObject binary(Ast.Operator o, PyObject a, PyObject b) {
        return Ops.binary(o.ordinal(), a, b);
    }

    public static PyObject inplace(Ast.Operator o, PyObject a, PyObject b) {
        return Ops.inplace(o.ordinal(), a, b);
    }

    public static PyObject compare(Ast.CmpOperator c, PyObject a, PyObject b) {
        return Ops.compare(c.ordinal(), a, b);
    }

    public static PyObject unary(Ast.UnaryOperator u, PyObject v) {
        return Ops.unary(u.ordinal(), v);
    }

    /** {@code item in container}. */
    public static PyObject contains(PyObject container, PyObject item) {
        return PyBool.of(Ops.contains(container, item));
    }

    /** {@code bool(v)}. */
    public static PyObject truth(PyObject v) {
        return PyBool.of(Ops.truthy(v));
    }

    public static PyObject getattr(PyObject obj, PyObject name) {
        return Attr.get(obj, ((PyStr) name).value);
    }

    public static PyObject setattr(PyObject obj, PyObject name, PyObject value) {
        Attr.set(obj, ((PyStr) name).value, value);
        return PySingleton.NONE;
    }

    public static PyObject delattr(PyObject obj, PyObject name) {
        Attr.delete(obj, ((PyStr) name).value);
        return PySingleton.NONE;
    }

    public static PyObject getitem(PyObject obj, PyObject key) {
        return Ops.getitem(obj, key);
    }

    public static PyObject setitem(PyObject obj, PyObject key, PyObject value) {
        Ops.setitem(obj, key, value);
        return PySingleton.NONE;
    }

    public static PyObject delitem(PyObject obj, PyObject key) {
        Ops.delitem(obj, key);
        return PySingleton.NONE;
    }

    public static PyObject iter(PyObject v) {
        return Ops.iter(v);
    }

    /** The next item; StopIteration at the end. */
    public static PyObject next(PyObject it) {
        PyObject v = Ops.next(it);
        if (v == null) {
            throw PyErrors.of(Types.STOP_ITERATION);
        }
        return v;
    }

    public static PyObject len(PyObject v) {
        return PyInt.of(Ops.len(v));
    }

    public static PyObject hash(PyObject v) {
        return PyInt.of(Ops.hash(v));
    }

    /** {@code str(v)} as a host str. */
    public static PyObject strOf(PyObject v) {
        return PyStr.of(Ops.str(v));
    }

    /** {@code repr(v)} as a host str. */
    public static PyObject reprOf(PyObject v) {
        return PyStr.of(Ops.repr(v));
    }

    /** {@code ascii(v)} as a host str. */
    public static PyObject asciiOf(PyObject v) {
        return PyStr.of(Ops.ascii(v));
    }

    /** {@code format(v, spec)}; an exact str with an empty spec is itself. */
    public static PyObject format(PyObject v, PyObject spec) {
        return spec == PyStr.EMPTY && v instanceof PyStr s && s.type() == Types.STR ? s
                : PyStr.of(Ops.format(v, ((PyStr) spec).value));
    }

    public static PyObject newlist(PyObject[] items) {
        return new PyList(new java.util.ArrayList<>(List.of(items)));
    }

    public static PyObject newtuple(PyObject[] items) {
        return items.length == 0 ? PyTuple.EMPTY : new PyTuple(items.clone());
    }

    /** Keys and values alternate. */
    public static PyObject newdict(PyObject[] keysAndValues) {
        PyDict d = new PyDict();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            d.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return d;
    }

    public static PyObject newset(PyObject[] items) {
        PySet s = new PySet(false);
        for (PyObject o : items) {
            s.add(o);
        }
        return s;
    }

    public static PyObject newslice(PyObject start, PyObject stop, PyObject step) {
        return new PySlice(start, stop, step);
    }

    /** Whether the exception (class or instance) matches an except clause's class or tuple of classes. */
    public static PyObject exceptionMatch(PyObject exc, PyObject cls) {
        return PyBool.of(Ops.exceptionMatches(exc, cls));
    }

    /** A constant of a code object ({@link Code#consts()}) as a host object. */
    public static PyObject constant(Object javaConstant) {
        return Ops.fromConstant(javaConstant);
    }

    /** The items of any iterable, as {@code list(v)} would give them. */
    public static java.util.List<PyObject> iterate(PyObject v) {
        return Ops.toList(v);
    }

    /** Python's truth test. */
    public static boolean isTrue(PyObject v) {
        return Ops.truthy(v);
    }

    /** {@code str(v)} as Java text. */
    public static String str(PyObject v) {
        return Ops.str(v);
    }

    /** {@code repr(v)} as Java text. */
    public static String repr(PyObject v) {
        return Ops.repr(v);
    }

    /**
     * Binds a call's arguments to {@code fn}'s parameters (defaults, keywords, {@code *args},
     * {@code **kwargs}, CPython's messages): the initial values of its fast locals.
     */
    public static PyObject[] bindArguments(PyFunction fn, PyObject[] args, String[] kwnames) {
        PyObject[] fast = new PyObject[fn.code.varnames().size()];
        ArgBinder.bind(fn, fast, args, kwnames);
        return fast;
    }

    /** {@code raise v}: v itself when it is an exception instance, else v() for an exception class. */
    public static PyBaseException exceptionFrom(PyObject v) {
        return Ops.makeException(v);
    }

    /** Records that {@code exc} passed through a frame of {@code code} at {@code line}. */
    public static void addTraceback(PyBaseException exc, Code code, int line) {
        exc.traceback.add(new PyBaseException.TracebackEntry(code, line));
    }

    /** A new RecursionError, as the host raises it past its recursion limit. */
    public static PyException recursionError() {
        return PyErrors.recursion();
    }

    /** A new TypeError with {@code message}, to raise as a {@link PyException}. */
    public static PyException typeError(String message) {
        return PyErrors.typeError(message);
    }
}
