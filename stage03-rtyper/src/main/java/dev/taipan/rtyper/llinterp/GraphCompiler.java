package dev.taipan.rtyper.llinterp;

import static dev.taipan.rtyper.llinterp.OperationCompiler.check;

import dev.taipan.flowgraph.flow.Block;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
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
        /** The blocks some jump enters, still to compile: a block run only inside a superblock never is. */
        private final ArrayDeque<Block> toDefine = new ArrayDeque<>();
        private final Set<Block> defined = Collections.newSetFromMap(new IdentityHashMap<>());
        private Map<Block, List<Link>> entries;

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
            entries = fg.mkentrymap();
            shareSlots(reachable);
            defined.add(fg.startblock);
            toDefine.add(fg.startblock);
            while (!toDefine.isEmpty()) {
                define(toDefine.poll());
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

        /**
         * Compiles {@code b} into its code block, and with it, as one <b>superblock</b>, the
         * blocks it goes on to that nothing else enters and that need no move to enter (slot
         * sharing makes that most of them): the exception transform cuts a block after every
         * call that can raise, and running the pieces as one saves a dispatch and a jump each.
         * The pending-exception test between two pieces becomes a guard instruction
         * ({@link PendingGuard}) that leaves the superblock only when an exception is pending.
         * Exception links stay on the last piece's last operation, the only one they cover.
         */
        private void define(Block b) {
            List<Instr> instrs = new ArrayList<>();
            List<SpaceOperation> ops = new ArrayList<>();
            Set<Block> merged = Collections.newSetFromMap(new IdentityHashMap<>());
            Block at = b;
            var handlers = new ArrayList<Handler>();
            Exit exit;
            while (true) {
                merged.add(at);
                PendingCheck pendingTest = pending == null ? null : PendingCheck.at(at, pending);
                // the test of a pending exception is the exit's or a guard's: its two operations are not run
                List<SpaceOperation> run = pendingTest == null ? at.operations : at.operations.subList(0, at.operations.size() - 2);
                for (SpaceOperation op : run) {
                    try {
                        instrs.add(operations.compile(op));
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException(op + ": " + e.getMessage(), e);
                    }
                    ops.add(op);
                }
                check(!at.exits.isEmpty(), "a block with no exits: " + at);
                if (at.canRaise()) {
                    check(!at.operations.isEmpty() && at.raisingOp().op().canRaise(),
                            "exception links after an operation that cannot raise: " + at);
                    exit = new Exit.Goto(jump(at.exits.getFirst()));
                    for (Link l : at.exits.subList(1, at.exits.size())) {
                        handlers.add(handler(l));
                    }
                    break;
                }
                Link next;
                if (at.exitswitch == null) {
                    check(at.exits.size() == 1, "a block without exitswitch has one exit: " + at);
                    next = at.exits.getFirst();
                } else if (pendingTest != null) {
                    if (!goesOn(pendingTest.clear(), merged)) {
                        exit = new Exit.Pending(pending, jump(pendingTest.raised()), jump(pendingTest.clear()));
                        break;
                    }
                    Jump raised = jump(pendingTest.raised());
                    if (!run.isEmpty() && instrs.getLast() instanceof CallInstr.Direct(var callee, var args, var result)) {
                        instrs.set(instrs.size() - 1, new CallInstr.DirectChecked(callee, args, result, pending, raised));
                    } else if (!run.isEmpty() && instrs.getLast() instanceof CallInstr.StackCheck) {
                        instrs.set(instrs.size() - 1, new CallInstr.StackCheckChecked(pending, raised));
                    } else {
                        instrs.add(new PendingGuard(pending, raised));
                        ops.add(at.operations.getLast());
                    }
                    next = pendingTest.clear();
                } else {
                    exit = branch(at);
                    break;
                }
                if (!goesOn(next, merged)) {
                    exit = new Exit.Goto(jump(next));
                    break;
                }
                at = next.target;
            }
            blocks.get(b).define(instrs.toArray(Instr[]::new), ops.toArray(SpaceOperation[]::new), exit,
                    handlers.toArray(Handler[]::new));
        }

        /** Whether the superblock may go on through {@code l}: its target has no other way in, and nothing to move. */
        private boolean goesOn(Link l, Set<Block> merged) {
            Block t = l.target;
            if (t == fg.startblock || t == fg.returnblock || t == fg.exceptblock || merged.contains(t)
                    || entries.getOrDefault(t, List.of()).size() != 1) {
                return false;
            }
            for (int k = 0; k < l.args.size(); k++) {
                if (slots.of(l.args.get(k)) != slots.of(t.inputargs.get(k))) {
                    return false;
                }
            }
            return true;
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
            if (l.target != fg.returnblock && l.target != fg.exceptblock && defined.add(l.target)) {
                toDefine.add(l.target);
            }
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
