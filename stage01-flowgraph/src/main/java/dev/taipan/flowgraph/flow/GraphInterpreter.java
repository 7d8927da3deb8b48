package dev.taipan.flowgraph.flow;

import dev.taipan.flowgraph.host.HostSpace;
import dev.taipan.flowgraph.host.PyBaseException;
import dev.taipan.flowgraph.host.PyBool;
import dev.taipan.flowgraph.host.PyBuiltinFunction;
import dev.taipan.flowgraph.host.PyException;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyMethod;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PySingleton;
import dev.taipan.flowgraph.host.PyStaticMethod;
import dev.taipan.flowgraph.host.PyType;
import dev.taipan.flowgraph.operation.HLOp;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs flow graphs concretely: the interpreter that proves the flow space right (Essentials of
 * Compilation's "an interpreter for every IR"). Each operation is executed with the host's
 * semantics ({@link HostSpace}); a call to a Python function runs that function's graph, built
 * on demand by the {@link TranslationContext}; a bound method, or a user class's
 * {@code __init__}, likewise. Built-in functions and methods are the host's.
 *
 * <p>An exception raised by an operation follows the block's exception links when the
 * operation is the last of a {@link Constant#LAST_EXCEPTION} block and a link's class matches;
 * otherwise it leaves the graph, as it would leave a Python frame. Each graph a Python
 * exception passes through adds a traceback entry (file, line of the operation, function), so
 * uncaught errors print as the host interpreter prints them.
 *
 * <p>Two optional hooks let a later stage run the graphs <em>it</em> works on and watch the run
 * (stage 02's soundness check: every value a variable takes must be one its annotation allows).
 * A {@link Linker} chooses the graph each call runs, since the annotator may have made several
 * copies of one function (specialisation); an {@link Observer} sees every value bound to a
 * variable. Without them the interpreter runs the translator's one graph per function, and
 * watching costs one null test per binding.
 *
 * <p>Runs inside {@code HostInterpreter.runInside}, for the host's large stack: a deep RPy
 * recursion is a deep Java recursion here.
 */
public final class GraphInterpreter {

    /** Which graph a call runs. */
    @FunctionalInterface
    public interface Linker {
        /**
         * The graph to run for {@code f} called by the operation {@code site} (null for a call
         * from outside any graph, such as the entry point's); null to call {@code f} as the host
         * calls it, without a graph (a function the later stage treats as a builtin).
         */
        FunctionGraph graphFor(SpaceOperation site, PyFunction f);
    }

    /** Sees every value bound to a variable: a block's input arguments on entry, each operation's result. */
    @FunctionalInterface
    public interface Observer {
        void bound(FunctionGraph graph, Variable variable, PyObject value);
    }

    /**
     * How deep graphs may call each other before RecursionError: the host's default limit, as
     * CPython's. A translated program has no Python stack to count; stage 05 checks the machine
     * stack's depth instead, and raises the same error.
     */
    static final int RECURSION_LIMIT = 1000;

    private final Linker linker;
    private final Observer observer;
    private int depth;

    public GraphInterpreter(TranslationContext translator) {
        this((site, f) -> translator.buildflowgraph(f), null);
    }

    /** Runs the graphs {@code linker} chooses; {@code observer} (may be null) watches. */
    public GraphInterpreter(Linker linker, Observer observer) {
        this.linker = linker;
        this.observer = observer;
    }

    /**
     * Calls any host callable; Python functions run through their flow graphs (a generator
     * function has none: building its graph raises the FlowingError that says so).
     */
    public PyObject call(PyObject f, PyObject[] args, String[] kwnames) {
        return call(null, f, args, kwnames);
    }

    private PyObject call(SpaceOperation site, PyObject f, PyObject[] args, String[] kwnames) {
        if (f instanceof PyFunction pf) {
            FunctionGraph g = linker.graphFor(site, pf);
            if (g == null) {
                return pf.call(args, kwnames);
            }
            PyObject[] fast = HostSpace.bindArguments(pf, args, kwnames);
            if (depth >= RECURSION_LIMIT) {
                throw HostSpace.recursionError();
            }
            depth++;
            try {
                return eval(g, Arrays.copyOf(fast, pf.code().totalArgCount()));
            } finally {
                depth--;
            }
        }
        if (f instanceof PyMethod m && m.function() instanceof PyFunction) {
            PyObject[] all = new PyObject[args.length + 1];
            all[0] = m.self();
            System.arraycopy(args, 0, all, 1, args.length);
            return call(site, m.function(), all, kwnames);
        }
        if (f instanceof PyType t && !t.isBuiltin() && t.lookup("__init__") instanceof PyFunction init
                && isBuiltinNew(t.lookup("__new__"))) {
            PyObject[] newArgs = new PyObject[args.length + 1];
            newArgs[0] = t;
            System.arraycopy(args, 0, newArgs, 1, args.length);
            PyObject obj = t.lookup("__new__").call(newArgs, kwnames);
            if (obj.type().isSubtypeOf(t)) {
                PyObject[] initArgs = new PyObject[args.length + 1];
                initArgs[0] = obj;
                System.arraycopy(args, 0, initArgs, 1, args.length);
                PyObject r = call(site, init, initArgs, kwnames);
                if (r != PySingleton.NONE) {
                    throw HostSpace.typeError("__init__() should return None, not '" + r.type().name() + "'");
                }
            }
            return obj;
        }
        return f.call(args, kwnames);
    }

    private static boolean isBuiltinNew(PyObject n) {
        return n instanceof PyBuiltinFunction || n instanceof PyStaticMethod sm && sm.function() instanceof PyBuiltinFunction;
    }

    /** Runs one graph with its start block's arguments. */
    public PyObject eval(FunctionGraph g, PyObject[] args) {
        Map<Variable, PyObject> env = new IdentityHashMap<>();
        Set<PyBaseException> caughtHere = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<PyBaseException, Integer> createdAt = new IdentityHashMap<>();
        Block block = g.startblock;
        bind(g, env, block.inputargs, Arrays.asList(args));
        int lastLine = g.code.firstLine();
        while (true) {
            if (block == g.returnblock) {
                return env.get(block.inputargs.getFirst());
            }
            if (block == g.exceptblock) {
                PyObject v = env.get(block.inputargs.get(1));
                PyBaseException exc = (PyBaseException) v;
                if (!caughtHere.contains(exc)) {
                    HostSpace.addTraceback(exc, g.code, createdAt.getOrDefault(exc, lastLine));
                }
                throw new PyException(exc);
            }
            PyException raised = null;
            List<SpaceOperation> ops = block.operations;
            for (int i = 0; i < ops.size(); i++) {
                SpaceOperation op = ops.get(i);
                lastLine = op.line();
                try {
                    PyObject r = execute(op, env);
                    env.put(op.result(), r);
                    if (observer != null) {
                        observer.bound(g, op.result(), r);
                    }
                    if (r instanceof PyBaseException e && op.op() == HLOp.SIMPLE_CALL) {
                        createdAt.putIfAbsent(e, op.line());
                    }
                } catch (PyException e) {
                    HostSpace.addTraceback(e.value(), g.code, op.line());
                    if (block.canRaise() && i == ops.size() - 1) {
                        raised = e;
                    } else {
                        throw e;
                    }
                }
            }
            Link next = null;
            if (raised != null) {
                PyBaseException exc = raised.value();
                for (Link l : block.exits.subList(1, block.exits.size())) {
                    if (exc.type().isSubtypeOf((PyType) l.exitcase)) {
                        next = l;
                        break;
                    }
                }
                if (next == null) {
                    throw raised;
                }
                caughtHere.add(exc);
                env.put(next.lastException, exc.type());
                env.put(next.lastExcValue, exc);
            } else if (block.exitswitch == null || block.canRaise()) {
                next = block.exits.getFirst();
            } else {
                PyObject v = value(env, block.exitswitch);
                boolean truth = v == PyBool.TRUE || v != PyBool.FALSE && HostSpace.isTrue(v);
                for (Link l : block.exits) {
                    if (l.exitcase == PyBool.of(truth)) {
                        next = l;
                    }
                }
            }
            PyObject[] passed = new PyObject[next.args.size()];
            for (int i = 0; i < passed.length; i++) {
                passed[i] = value(env, next.args.get(i));
            }
            block = next.target;
            env = new IdentityHashMap<>();
            bind(g, env, block.inputargs, Arrays.asList(passed));
        }
    }

    private void bind(FunctionGraph g, Map<Variable, PyObject> env, List<Variable> vars, List<PyObject> values) {
        for (int i = 0; i < vars.size(); i++) {
            env.put(vars.get(i), values.get(i));
            if (observer != null) {
                observer.bound(g, vars.get(i), values.get(i));
            }
        }
    }

    private static PyObject value(Map<Variable, PyObject> env, Value v) {
        return switch (v) {
            case Variable var -> env.get(var);
            case Constant c -> (PyObject) c.value();
        };
    }

    private PyObject execute(SpaceOperation op, Map<Variable, PyObject> env) {
        List<Value> a = op.args();
        switch ((HLOp) op.op()) {
            case SIMPLE_CALL -> {
                PyObject f = value(env, a.getFirst());
                PyObject[] args = new PyObject[a.size() - 1];
                for (int i = 1; i < a.size(); i++) {
                    args[i - 1] = value(env, a.get(i));
                }
                return call(op, f, args, null);
            }
            case CALL_ARGS -> {
                PyObject f = value(env, a.getFirst());
                CallShape shape = (CallShape) ((Constant) a.get(1)).value();
                java.util.List<PyObject> args = new java.util.ArrayList<>();
                for (int i = 2; i < a.size(); i++) {
                    args.add(value(env, a.get(i)));
                }
                if (shape.star()) {
                    // f(a, *rest): rest's items follow the positional arguments
                    args.addAll(dev.taipan.flowgraph.host.HostSpace.iterate(args.removeLast()));
                }
                return call(op, f, args.toArray(new PyObject[0]), shape.keywords().toArray(new String[0]));
            }
            default -> {
                PyObject[] args = new PyObject[a.size()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = value(env, a.get(i));
                }
                return ((HLOp) op.op()).apply(args);
            }
        }
    }
}
