package dev.taipan.flowgraph.flow;

import dev.taipan.flowgraph.host.PyBool;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The invariant checker next to the model it checks (PyPy's {@code checkgraph}). Tests run it
 * after building every graph and after every transformation, so that a broken pass fails where
 * it breaks the graph, not three stages later.
 *
 * <ul>
 *   <li>the return block has one input argument, the except block two; neither has operations
 *       or exits, and they are the only blocks without exits;</li>
 *   <li>SSA: every variable is defined once in the whole graph (an input argument or an
 *       operation's result), and used only in the block that defines it, after its definition;</li>
 *   <li>every link passes exactly as many values as its target has input arguments, and knows
 *       the block it leaves;</li>
 *   <li>exits agree with the exitswitch: one unconditional exit; or a {@code False} and a
 *       {@code True} exit on a variable defined in the block; or, for
 *       {@link Constant#LAST_EXCEPTION}, a block with at least one operation, a normal first
 *       exit and then exception links with an exception class as exit case and two fresh
 *       variables ({@code last_exception}, {@code last_exc_value}) that only that link uses.
 *       The raising operation's result is not passed along exception links (it does not exist
 *       when the operation raised).</li>
 * </ul>
 */
public final class CheckGraph {
    private CheckGraph() {}

    /** Thrown for a broken invariant: a bug in whatever built or transformed the graph. */
    public static final class GraphError extends RuntimeException {
        GraphError(FunctionGraph g, Block b, String message) {
            super(g.name + ": " + message + (b == null ? "" : " in " + describe(b)));
        }

        private static String describe(Block b) {
            StringBuilder sb = new StringBuilder(b.toString());
            for (SpaceOperation op : b.operations) {
                sb.append("\n    ").append(op);
            }
            return sb.toString();
        }
    }

    public static void checkgraph(FunctionGraph g) {
        check(g, g.returnblock.inputargs.size() == 1 && g.returnblock.operations.isEmpty() && g.returnblock.exits.isEmpty(),
                g.returnblock, () -> "malformed return block");
        check(g, g.exceptblock.inputargs.size() == 2 && g.exceptblock.operations.isEmpty() && g.exceptblock.exits.isEmpty(),
                g.exceptblock, () -> "malformed except block");
        List<Block> blocks = g.iterblocks();
        Set<Block> inGraph = Collections.newSetFromMap(new IdentityHashMap<>(blocks.size()));
        inGraph.addAll(blocks);
        int variables = 0;
        for (Block b : blocks) {
            variables += b.inputargs.size() + b.operations.size();
        }
        // sized once: the graphs after inlining have thousands of variables, and growing the
        // table step by step was a tenth of a fuzz run's time
        Set<Variable> definedSomewhere = Collections.newSetFromMap(new IdentityHashMap<>(variables));
        for (Block b : blocks) {
            Set<Variable> defined = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Variable v : b.inputargs) {
                check(g, v != null, b, () -> "null input argument");
                check(g, definedSomewhere.add(v), b, () -> "variable " + v + " defined twice");
                defined.add(v);
            }
            for (SpaceOperation op : b.operations) {
                for (Value a : op.args()) {
                    checkUse(g, b, defined, a, () -> "operation " + op);
                }
                check(g, op.result() != null, b, () -> "operation without result: " + op);
                check(g, definedSomewhere.add(op.result()), b, () -> "variable " + op.result() + " defined twice");
                defined.add(op.result());
            }
            if (b.exits.isEmpty()) {
                check(g, b == g.returnblock || b == g.exceptblock, b, () -> "a block without exits that is not final");
                check(g, b.exitswitch == null, b, () -> "final block with an exitswitch");
                continue;
            }
            check(g, b != g.returnblock && b != g.exceptblock, b, () -> "final block with exits");
            for (Link l : b.exits) {
                check(g, l.prevblock == b, b, () -> "link whose prevblock is another block");
                check(g, inGraph.contains(l.target), b, () -> "link to a block outside the graph");
                check(g, l.args.size() == l.target.inputargs.size(), b,
                        () -> "link passes " + l.args.size() + " values to a block taking " + l.target.inputargs.size());
            }
            checkExits(g, b, defined);
        }
    }

    private static void checkExits(FunctionGraph g, Block b, Set<Variable> defined) {
        if (b.exitswitch == null) {
            check(g, b.exits.size() == 1 && b.exits.getFirst().exitcase == null && !b.exits.getFirst().isException(),
                    b, () -> "a block without exitswitch must have one plain exit");
            checkArgs(g, b, defined, b.exits.getFirst(), null);
        } else if (b.canRaise()) {
            check(g, !b.operations.isEmpty(), b, () -> "c_last_exception on a block without operations");
            check(g, b.exits.size() >= 2, b, () -> "c_last_exception needs a normal exit and exception exits");
            Link normal = b.exits.getFirst();
            check(g, normal.exitcase == null && !normal.isException(), b, () -> "the first exit of a raising block must be normal");
            checkArgs(g, b, defined, normal, null);
            Set<Object> cases = new HashSet<>();
            Variable raised = b.raisingOp().result();
            for (Link l : b.exits.subList(1, b.exits.size())) {
                // a class in a flow graph; the class's vtable (an LLConstant) once the rtyper has passed
                check(g, l.exitcase != null && !(l.exitcase instanceof PyBool), b,
                        () -> "exception link without an exception class: " + l.exitcase);
                check(g, cases.add(l.exitcase), b, () -> "two exception links for " + l.exitcase);
                check(g, l.isException() && l.lastExcValue != null && l.lastException != l.lastExcValue, b,
                        () -> "exception link without last_exception/last_exc_value");
                check(g, !defined.contains(l.lastException) && !defined.contains(l.lastExcValue), b,
                        () -> "last_exception variables must be fresh");
                check(g, !l.args.contains(raised), b, () -> "an exception link passes the result of the operation that raised");
                checkArgs(g, b, defined, l, l);
            }
        } else {
            check(g, b.exitswitch instanceof Variable v && defined.contains(v), b, () -> "exitswitch not defined in the block");
            check(g, b.exits.size() == 2, b, () -> "a switch on a bool needs two exits");
            check(g, b.exits.get(0).exitcase == PyBool.FALSE && b.exits.get(1).exitcase == PyBool.TRUE, b,
                    () -> "a switch on a bool needs a False exit then a True exit");
            for (Link l : b.exits) {
                check(g, !l.isException(), b, () -> "last_exception on a link of a bool switch");
                checkArgs(g, b, defined, l, null);
            }
        }
    }

    private static void checkArgs(FunctionGraph g, Block b, Set<Variable> defined, Link l, Link exceptional) {
        for (Value a : l.args) {
            if (exceptional != null && (a == exceptional.lastException || a == exceptional.lastExcValue)) {
                continue;
            }
            checkUse(g, b, defined, a, () -> "link to " + l.target);
        }
    }

    private static void checkUse(FunctionGraph g, Block b, Set<Variable> defined, Value a, Supplier<String> where) {
        check(g, a != null, b, () -> "null value in " + where.get());
        if (a instanceof Variable v) {
            check(g, defined.contains(v), b,
                    () -> "variable " + v + " used before its definition, or outside its block, in " + where.get());
        }
    }

    /** The message is built only for a broken graph: built eagerly, for every use of every variable, it cost more than the checks. */
    private static void check(FunctionGraph g, boolean ok, Block b, Supplier<String> message) {
        if (!ok) {
            throw new GraphError(g, b, message.get());
        }
    }

    /** PyPy's {@code mkentrymap}, for symmetry with {@link #checkgraph}. */
    public static Map<Block, List<Link>> mkentrymap(FunctionGraph g) {
        return g.mkentrymap();
    }
}
