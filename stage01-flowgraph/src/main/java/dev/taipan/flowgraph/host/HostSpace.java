package dev.taipan.flowgraph.host;

import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.syntax.Ast;
import java.util.List;
import java.util.Map;

/**
 * The host interpreter seen as an object space: every flow-space operation ({@code add},
 * {@code getattr}, {@code iter}, ...) under its PyPy name, with exactly the host's semantics.
 * The flow space calls it to constant-fold operations on constants, and the graph interpreter
 * calls it to execute the operations of a flow graph, so neither re-implements Python.
 *
 * <p>These methods must run where a host interpreter is current (inside
 * {@link HostInterpreter#runInside}): built-in lookups and printing need it. Python errors
 * come out as {@link PyException}.
 */
public final class HostSpace {
    private HostSpace() {}

    private static final Map<String, Integer> BINARY = new java.util.HashMap<>();
    private static final Map<String, Integer> COMPARE = new java.util.HashMap<>();
    private static final Map<String, Integer> UNARY = new java.util.HashMap<>();

    static {
        for (Ast.Operator o : Ast.Operator.values()) {
            BINARY.put(o.opname, o.ordinal());
        }
        for (Ast.CmpOperator o : Ast.CmpOperator.values()) {
            if (o.ordinal() < 6) {
                COMPARE.put(o.opname, o.ordinal());
            }
        }
        for (Ast.UnaryOperator o : Ast.UnaryOperator.values()) {
            UNARY.put(o.opname, o.ordinal());
        }
    }

    /** Whether {@code opname} names an operation {@link #apply} implements. */
    public static boolean isOperation(String opname) {
        return BINARY.containsKey(opname) || COMPARE.containsKey(opname) || UNARY.containsKey(opname)
                || opname.startsWith("inplace_") && BINARY.containsKey(opname.substring(8))
                || SIMPLE.contains(opname);
    }

    private static final java.util.Set<String> SIMPLE = java.util.Set.of("is_", "is_not", "contains", "bool",
            "getattr", "setattr", "delattr", "getitem", "setitem", "delitem", "iter", "next", "len", "hash",
            "str", "repr", "ascii", "format", "newlist", "newtuple", "newdict", "newset", "newslice", "type",
            "exception_match", "same_as");

    /**
     * Applies the flow-space operation {@code opname} to {@code args}. Calls are not here
     * ({@code simple_call} and {@code call_args} are the caller's business: the graph interpreter
     * runs PyFunctions through their graphs). {@code next} raises StopIteration at the end.
     */
    public static PyObject apply(String opname, PyObject... a) {
        Integer b = BINARY.get(opname);
        if (b != null) {
            return Ops.binary(b, a[0], a[1]);
        }
        if (opname.startsWith("inplace_")) {
            return Ops.inplace(BINARY.get(opname.substring(8)), a[0], a[1]);
        }
        Integer c = COMPARE.get(opname);
        if (c != null) {
            return Ops.compare(c, a[0], a[1]);
        }
        Integer u = UNARY.get(opname);
        if (u != null) {
            return Ops.unary(u, a[0]);
        }
        return switch (opname) {
            case "is_" -> PyBool.of(a[0] == a[1]);
            case "is_not" -> PyBool.of(a[0] != a[1]);
            case "contains" -> PyBool.of(Ops.contains(a[0], a[1]));
            case "bool" -> PyBool.of(Ops.truthy(a[0]));
            case "getattr" -> Attr.get(a[0], ((PyStr) a[1]).value);
            case "setattr" -> {
                Attr.set(a[0], ((PyStr) a[1]).value, a[2]);
                yield PySingleton.NONE;
            }
            case "delattr" -> {
                Attr.delete(a[0], ((PyStr) a[1]).value);
                yield PySingleton.NONE;
            }
            case "getitem" -> Ops.getitem(a[0], a[1]);
            case "setitem" -> {
                Ops.setitem(a[0], a[1], a[2]);
                yield PySingleton.NONE;
            }
            case "delitem" -> {
                Ops.delitem(a[0], a[1]);
                yield PySingleton.NONE;
            }
            case "iter" -> Ops.iter(a[0]);
            case "next" -> {
                PyObject v = Ops.next(a[0]);
                if (v == null) {
                    throw PyErrors.of(Types.STOP_ITERATION);
                }
                yield v;
            }
            case "len" -> PyInt.of(Ops.len(a[0]));
            case "hash" -> PyInt.of(Ops.hash(a[0]));
            case "str" -> PyStr.of(Ops.str(a[0]));
            case "repr" -> PyStr.of(Ops.repr(a[0]));
            case "ascii" -> PyStr.of(Ops.ascii(a[0]));
            case "format" -> a[1] == PyStr.EMPTY && a[0] instanceof PyStr s && s.type() == Types.STR ? s
                    : PyStr.of(Ops.format(a[0], ((PyStr) a[1]).value));
            case "newlist" -> new PyList(new java.util.ArrayList<>(List.of(a)));
            case "newtuple" -> a.length == 0 ? PyTuple.EMPTY : new PyTuple(a.clone());
            case "newdict" -> {
                PyDict d = new PyDict();
                for (int i = 0; i < a.length; i += 2) {
                    d.put(a[i], a[i + 1]);
                }
                yield d;
            }
            case "newset" -> {
                PySet s = new PySet(false);
                for (PyObject o : a) {
                    s.add(o);
                }
                yield s;
            }
            case "newslice" -> new PySlice(a[0], a[1], a[2]);
            case "type" -> a[0].type();
            case "exception_match" -> PyBool.of(Ops.exceptionMatches(a[0], a[1]));
            case "same_as" -> a[0];
            default -> throw new IllegalArgumentException("not a flow-space operation: " + opname);
        };
    }

    /** A constant of a code object ({@link Code#consts()}) as a host object. */
    public static PyObject constant(Object javaConstant) {
        return Ops.fromConstant(javaConstant);
    }

    /** A name in the builtins of the current interpreter, or null. */
    public static PyObject builtin(String name) {
        return Interp.current().builtinsDict.getStr(name);
    }

    /** Python's truth test. */
    /** The items of any iterable, as {@code list(v)} would give them. */
    public static java.util.List<PyObject> iterate(PyObject v) {
        return Ops.toList(v);
    }

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

    /** Python's {@code import} statement, run now, for a function's globals. */
    public static PyObject importName(String name, PyDict globals, PyObject fromlist, int level) {
        return Interp.current().importer.importName(name, globals, fromlist, level);
    }

    /** {@code from module import name}. */
    public static PyObject importFrom(PyObject module, String name) {
        return Interp.current().importer.importFrom(module, name);
    }
}
