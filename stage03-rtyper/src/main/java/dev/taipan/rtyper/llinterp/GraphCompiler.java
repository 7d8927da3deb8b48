package dev.taipan.rtyper.llinterp;

import static dev.taipan.rtyper.llinterp.OperationCompiler.check;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.flowgraph.host.PyBool;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.memory.Heap;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Compiles a low-level graph into {@link GraphCode}, once, the first time it is called. The
 * graph's variables and constants get frame slots ({@link Slots}), each operation an
 * instruction ({@link OperationCompiler}), each block a {@link CodeBlock}, each link a
 * {@link Jump}: after this, running the graph looks nothing up.
 *
 * <p>Why compile at all? PyPy's {@code llinterp.py} walks the graph itself, a dictionary of
 * variables per frame and a method found by name per operation, and runs about 7,000 calls a
 * second: fine for PyPy's tests, hopeless for running a program. Compiling first is the
 * classic cure (a "closure compiler", or pre-decoded threaded code): decisions that depend only
 * on the graph are taken once, and what runs per operation is an array access, a virtual call
 * and the operation itself.
 *
 * <p>Exit switches: a {@code Bool} (or {@code Signed}, zero being false) variable choosing
 * between links whose cases are {@code False} and {@code True}, as Java {@code Boolean}s or as
 * the flow space's {@code PyBool}s. Switches on integer values (several cases and a default,
 * PyPy's for {@code if/elif} chains on one integer) are not supported yet.
 */
final class GraphCompiler {

    private final Heap heap;
    private final FunctionTable functions;
    private final Exceptions exceptions;
    private final PendingException pending;
    private final TracebackRing ring;
    private final PrintStream out;
    private final SystemCalls system;
    private final ToLongFunction<LLConstant> words;

    GraphCompiler(Heap heap, FunctionTable functions, Exceptions exceptions, PendingException pending, TracebackRing ring, PrintStream out,
                  SystemCalls system,
                  ToLongFunction<LLConstant> words) {
        this.heap = heap;
        this.functions = functions;
        this.exceptions = exceptions;
        this.pending = pending;
        this.ring = ring;
        this.out = out;
        this.system = system;
        this.words = words;
    }

    GraphCode compile(LowLevelGraph graph) {
        try {
            return new Unit(graph).compile();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot run " + graph.name() + ": " + e.getMessage(), e);
        }
    }

    /** The compilation of one graph: its slots and its blocks. */
    private final class Unit {
        private final LowLevelGraph graph;
        private final FunctionGraph fg;
        private final Slots slots = new Slots(words);
        private final OperationCompiler operations;
        private final Map<Block, CodeBlock> blocks = new IdentityHashMap<>();

        Unit(LowLevelGraph graph) {
            this.graph = graph;
            this.fg = graph.graph();
            this.operations = new OperationCompiler(graph, slots, heap, functions, pending, ring, out, system);
        }

        GraphCode compile() {
            List<Block> reachable = fg.iterblocks();
            for (Block b : reachable) {
                blocks.put(b, new CodeBlock());
            }
            blocks.putIfAbsent(fg.returnblock, new CodeBlock());
            blocks.putIfAbsent(fg.exceptblock, new CodeBlock());
            shareSlots(reachable);
            for (Block b : reachable) {
                if (b != fg.returnblock && b != fg.exceptblock) {
                    define(b);
                }
            }
            List<LowLevelType> signature = graph.signature().args();
            check(fg.startblock.inputargs.size() == signature.size(),
                    "the start block takes " + fg.startblock.inputargs.size() + " arguments, the signature " + signature.size());
            int[] params = new int[signature.size()];
            for (int k = 0; k < params.length; k++) {
                params[k] = slots.of(fg.startblock.inputargs.get(k));
            }
            int result = slots.of(fg.returnblock.inputargs.getFirst());
            int etype = slots.of(fg.exceptblock.inputargs.get(0));
            int evalue = slots.of(fg.exceptblock.inputargs.get(1));
            return new GraphCode(graph, exceptions, ring, slots.template(), params, blocks.get(fg.startblock),
                    blocks.get(fg.returnblock), blocks.get(fg.exceptblock), result, etype, evalue);
        }

        /**
         * The input arguments of a block that one link enters share the slots of what it passes
         * ({@link Slots#share}); the blocks in {@code iterblocks} order, a block mostly after the
         * one that enters it, so that chains of such blocks share one slot. The start block's
         * arguments are the parameters, and the return and except blocks' are read by name.
         */
        private void shareSlots(List<Block> reachable) {
            Map<Block, List<Link>> entries = fg.mkentrymap();
            for (Block b : reachable) {
                List<Link> in = entries.getOrDefault(b, List.of());
                if (b == fg.startblock || b == fg.returnblock || b == fg.exceptblock || in.size() != 1) {
                    continue;
                }
                Link l = in.getFirst();
                Set<Variable> passed = Collections.newSetFromMap(new IdentityHashMap<>());
                for (int k = 0; k < b.inputargs.size(); k++) {
                    if (l.args.get(k) instanceof Variable v && v != l.lastException && v != l.lastExcValue && passed.add(v)) {
                        slots.share(b.inputargs.get(k), v);
                    }
                }
            }
        }

        private void define(Block b) {
            SpaceOperation[] ops = b.operations.toArray(SpaceOperation[]::new);
            PendingCheck pendingTest = pending == null ? null : PendingCheck.at(b, pending);
            if (pendingTest != null) {   // the test is the exit's: its two operations are not run
                ops = Arrays.copyOf(ops, ops.length - 2);
            }
            var instrs = new Instr[ops.length];
            for (int i = 0; i < ops.length; i++) {
                try {
                    instrs[i] = operations.compile(ops[i]);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(ops[i] + ": " + e.getMessage(), e);
                }
            }
            check(!b.exits.isEmpty(), "a block with no exits: " + b);
            var handlers = new ArrayList<Handler>();
            Exit exit;
            if (b.canRaise()) {
                check(!b.operations.isEmpty() && b.raisingOp().op().canRaise(),
                        "exception links after an operation that cannot raise: " + b);
                exit = new Exit.Goto(jump(b.exits.getFirst()));
                for (Link l : b.exits.subList(1, b.exits.size())) {
                    handlers.add(handler(l));
                }
            } else if (b.exitswitch == null) {
                check(b.exits.size() == 1, "a block without exitswitch has one exit: " + b);
                exit = new Exit.Goto(jump(b.exits.getFirst()));
            } else if (pendingTest != null) {
                exit = new Exit.Pending(pending, jump(pendingTest.raised()), jump(pendingTest.clear()));
            } else {
                exit = branch(b);
            }
            blocks.get(b).define(instrs, ops, exit, handlers.toArray(Handler[]::new));
        }

        private Exit branch(Block b) {
            LowLevelType type = graph.typeOf(b.exitswitch);
            check(type == Primitive.BOOL || type == Primitive.SIGNED, "a switch on a " + type + " is not supported");
            check(b.exits.size() == 2, "a switch with " + b.exits.size() + " exits is not supported yet: " + b);
            Link first = b.exits.get(0);
            Link second = b.exits.get(1);
            check(truth(first) != truth(second), "a switch with two links for " + first.exitcase + ": " + b);
            Jump ifFalse = jump(truth(first) ? second : first);
            Jump ifTrue = jump(truth(first) ? first : second);
            return new Exit.Branch(slots.of(b.exitswitch), ifFalse, ifTrue);
        }

        private boolean truth(Link l) {
            return switch (l.exitcase) {
                case Boolean b -> b;
                case PyBool b -> b == PyBool.TRUE;
                case null, default -> throw new IllegalArgumentException(
                        "a switch case " + l.exitcase + " (only False and True are supported yet)");
            };
        }

        private Handler handler(Link l) {
            // the case is a value, as a flow graph's is the class itself: here the class's vtable
            if (!(l.exitcase instanceof LLConstant k && k.value() instanceof Prebuilt)) {
                throw new IllegalArgumentException("an exception link whose case " + l.exitcase + " is not a vtable constant");
            }
            int etype = l.lastException == null ? -1 : slots.of(l.lastException);
            int evalue = l.lastExcValue == null ? -1 : slots.of(l.lastExcValue);
            return new Handler(exceptions, words.applyAsLong(k), etype, evalue, jump(l));
        }

        /**
         * The moves of a link. They happen all at once in the graph's meaning; done one by one,
         * a move must not overwrite a slot that a later move reads (a loop passing {@code (b, a)}
         * to its own {@code (a, b)}): then every argument goes through a spare slot first.
         */
        private Jump jump(Link l) {
            return jump(l, Collections.newSetFromMap(new IdentityHashMap<>()));
        }

        private Jump jump(Link l, Set<Block> seen) {
            List<Integer> from = new ArrayList<>();
            List<Integer> to = new ArrayList<>();
            check(l.args.size() == l.target.inputargs.size(), "a link passes " + l.args.size() + " arguments to a block taking "
                    + l.target.inputargs.size());
            for (int k = 0; k < l.args.size(); k++) {
                int source = slots.of(l.args.get(k));
                int target = slots.of(l.target.inputargs.get(k));
                if (source != target) {
                    from.add(source);
                    to.add(target);
                }
            }
            if (overwritesBeforeRead(from, to)) {
                int n = from.size();
                for (int k = 0; k < n; k++) {
                    int spare = slots.spare();
                    from.add(spare);
                    to.add(to.get(k));
                    to.set(k, spare);
                }
            }
            if (from.isEmpty() && passesThrough(l.target) && seen.add(l.target)) {
                Jump next = jump(l.target.exits.getFirst(), seen);
                if (next.from().length == 0) {
                    return next;
                }
            }
            int[] f = from.stream().mapToInt(Integer::intValue).toArray();
            int[] t = to.stream().mapToInt(Integer::intValue).toArray();
            return new Jump(f, t, blocks.get(l.target), graph.inlined().where(graph, l));
        }

        /**
         * Whether a jump into {@code b} may go straight on to where {@code b} goes (jump
         * threading): {@code b} does nothing but jump, as the blocks the passes leave where they
         * cut a block (after a {@code stack_check}, before a join) do. Only a jump that moves
         * nothing on either link is threaded, which slot sharing makes the common case.
         */
        private boolean passesThrough(Block b) {
            return b != fg.returnblock && b != fg.exceptblock && b.operations.isEmpty() && b.exitswitch == null
                    && b.exits.size() == 1;
        }

        private static boolean overwritesBeforeRead(List<Integer> from, List<Integer> to) {
            var written = new HashSet<Integer>();
            for (int k = 0; k < from.size(); k++) {
                if (written.contains(from.get(k))) {
                    return true;
                }
                written.add(to.get(k));
            }
            return false;
        }
    }
}
