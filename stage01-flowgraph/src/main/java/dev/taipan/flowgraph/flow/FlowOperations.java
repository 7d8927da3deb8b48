package dev.taipan.flowgraph.flow;

import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.HostSpace;
import dev.taipan.flowgraph.host.PyBuiltinFunction;
import dev.taipan.flowgraph.host.PyBytes;
import dev.taipan.flowgraph.host.PyException;
import dev.taipan.flowgraph.host.PyExtensionObject;
import dev.taipan.flowgraph.host.PyFloat;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyInstance;
import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.host.PyList;
import dev.taipan.flowgraph.host.PyModule;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyRange;
import dev.taipan.flowgraph.host.PySingleton;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.flowgraph.host.PyTuple;
import dev.taipan.flowgraph.host.PyType;
import dev.taipan.flowgraph.operation.HLOp;
import java.util.List;
import java.util.Set;

/**
 * What the flow space may do now instead of recording: constant folding. An operation whose
 * arguments are all constants is computed at translation time, with the host's semantics
 * ({@link HostSpace}), when that cannot change the program's meaning:
 *
 * <ul>
 *   <li>pure operations ({@link HLOp#pure()}: {@code add}, {@code lt}, {@code getitem},
 *       {@code bool}, ...) on immutable constants (numbers, strs, None, tuples of those, classes, functions);</li>
 *   <li>{@code getattr} on modules, classes and frozen prebuilt constants (instances whose
 *       class says {@code _freeze_()}): that is how {@code module.CONST}, {@code Class.attr}
 *       and {@code Class.method} become constants;</li>
 *   <li>calls to a whitelist of pure builtins ({@code len}, {@code abs}, {@code chr}, ...).</li>
 * </ul>
 *
 * Mutable constants (a prebuilt list, an instance) are never folded through: the program may
 * change them at run time. If folding raises, the operation is recorded and raises at run time.
 */
final class FlowOperations {
    /**
     * Not {@code hash}: a str's hash is the host's here and the low level's own once translated
     * (as CPython's differs between runs), and {@code hash("b") == hash(s)} must hold in one run.
     */
    private static final Set<String> PURE_BUILTINS = Set.of("len", "abs", "min", "max", "chr", "ord", "str", "int",
            "float", "bool", "repr", "isinstance", "issubclass", "range", "tuple", "divmod", "hex", "oct", "bin");
    private static final Set<String> FORBIDDEN_BUILTINS = Set.of("exec", "eval", "compile", "globals", "locals",
            "vars", "setattr", "delattr");

    private final HostInterpreter host;
    private final PyType baseException;
    private final PyType stopIteration;

    FlowOperations(HostInterpreter host) {
        this.host = host;
        this.baseException = (PyType) host.builtin("BaseException");
        this.stopIteration = (PyType) host.builtin("StopIteration");
    }

    HostInterpreter host() {
        return host;
    }

    PyType baseException() {
        return baseException;
    }

    PyType stopIteration() {
        return stopIteration;
    }

    /** The folded result, or null when the operation must be recorded. */
    Value tryFold(HLOp op, List<Value> args) {
        PyObject[] values = new PyObject[args.size()];
        for (int i = 0; i < values.length; i++) {
            if (!(args.get(i) instanceof Constant(Object v)) || !(v instanceof PyObject o)) {
                return null;
            }
            values[i] = o;
        }
        boolean foldable = switch (op) {
            case GETATTR -> isFrozen(values[0]);
            case SIMPLE_CALL -> values[0] instanceof PyBuiltinFunction f && PURE_BUILTINS.contains(builtinName(f))
                    && host.builtin(builtinName(f)) == f && allImmutable(values, 1)
                    || values[0] instanceof PyType t && t.isBuiltin() && PURE_BUILTINS.contains(t.name())
                    && allImmutable(values, 1);
            default -> op.pure() && allImmutable(values, 0);
        };
        if (!foldable) {
            return null;
        }
        try {
            PyObject r = op == HLOp.SIMPLE_CALL
                    ? values[0].call(java.util.Arrays.copyOfRange(values, 1, values.length), null)
                    : op.apply(values);
            if (r instanceof PyInt big && !big.fitsLong() && java.util.Arrays.stream(values)
                    .allMatch(v -> !(v instanceof PyInt i) || i.fitsLong())) {
                // RPy's ints are machine words: an operation on words that leaves them overflows,
                // which ovfcheck() must see happen (PyPy's flow space does not fold it either)
                return null;
            }
            return Constant.of(r);
        } catch (PyException e) {
            return null;   // recorded: it raises when it runs
        }
    }

    private static String builtinName(PyBuiltinFunction f) {
        try {
            return HostSpace.str(HostSpace.getattr(f, PyStr.of("__name__")));
        } catch (PyException e) {
            return "";
        }
    }

    /** Objects the program cannot change at run time: safe to compute with now. */
    static boolean isImmutable(PyObject o) {
        return switch (o) {
            case PyInt i -> true;
            case PyFloat f -> true;
            case PyStr s -> s.type().isBuiltin();
            case PyBytes b -> true;
            case PySingleton s -> true;
            case PyType t -> true;
            case PyFunction f -> true;
            case PyBuiltinFunction f -> true;
            case PyRange r -> true;
            case PyModule m -> true;
            case PyTuple t -> t.type().isBuiltin() && t.items().stream().allMatch(FlowOperations::isImmutable);
            default -> isFrozen(o) || o instanceof PyInstance && isUnrollingIterable(o);
        };
    }

    private static boolean allImmutable(PyObject[] values, int from) {
        for (int i = from; i < values.length; i++) {
            if (!isImmutable(values[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Modules, classes, instances whose class has {@code _freeze_()} returning True, and
     * extension objects that say they are frozen: attributes are constants.
     */
    static boolean isFrozen(PyObject o) {
        if (o instanceof PyModule || o instanceof PyType) {
            return true;
        }
        if (o instanceof PyExtensionObject e) {
            return e.isFrozen();
        }
        if (o instanceof PyInstance) {
            PyObject f = o.type().lookup("_freeze_");
            if (f != null) {
                try {
                    return HostSpace.isTrue(f.call(new PyObject[] {o}, null));
                } catch (PyException e) {
                    return false;
                }
            }
        }
        return false;
    }

    /** An instance of {@code rpython.rlib.unroll.unrolling_iterable}. */
    static boolean isUnrollingIterable(PyObject o) {
        for (PyType t : o.type().mro()) {
            if (t.name().equals("unrolling_iterable") && o.dict() != null && o.dict().getStr("_items") instanceof PyList) {
                return true;
            }
        }
        return false;
    }

    static List<PyObject> unrollingItems(PyObject o) {
        return List.copyOf(((PyList) o.dict().getStr("_items")).items());
    }

    /** Calls RPython forbids outright, reported with the call's line. */
    void checkCallable(PyObject f, FlowContext ctx) {
        if (f instanceof PyBuiltinFunction b) {
            String name = builtinName(b);
            if (FORBIDDEN_BUILTINS.contains(name) && host.builtin(name) == f) {
                throw ctx.error(ctx.currentLine(), "call to " + name + "()",
                        "RPython code is translated ahead of time: " + name + "() would need the interpreter at run time.");
            }
        }
    }
}
