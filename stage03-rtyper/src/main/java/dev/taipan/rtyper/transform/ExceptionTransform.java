package dev.taipan.rtyper.transform;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.rtyper.Exercised;
import dev.taipan.rtyper.image.Image;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.image.Section;
import dev.taipan.rtyper.llgraph.ExceptionData;
import dev.taipan.rtyper.llgraph.InlinedFrames;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Struct;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exception transform (PyPy's {@code translator/exceptiontransform.py}): after it, no graph
 * has an exception link, and a backend needs no unwinding. An exception becomes the
 * <b>pending exception</b>, two words of a prebuilt struct in the image,
 * {@code exc_data {exc_type, exc_value}}:
 *
 * <ul>
 *   <li>a {@code raise} (a link into the except block) stores the class and the instance there
 *       and returns the graph's <b>error value</b> (-1, null, ...: PyPy's; no caller reads it);</li>
 *   <li>after every call that can raise ({@link RaiseAnalysis}), the caller loads
 *       {@code exc_type}: null, it goes on; otherwise it returns its own error value, the
 *       exception still pending; or, inside a {@code try}, tests the class against each
 *       {@code except} clause in turn (the rtyper's range check, {@link ClassRange}), clears
 *       the pending exception and enters the first handler that matches;</li>
 *   <li>an operation that raises by itself becomes a test and a branch: an {@code _ovf}
 *       operation the wrapping one and its overflow test ({@link OverflowTest}), raising the
 *       prebuilt {@code OverflowError}; a {@code malloc} a null test of its result (PyPy's
 *       "alloc shortcut": an allocator that fails leaves {@code MemoryError} pending).</li>
 * </ul>
 *
 * <p>The <b>debug traceback</b> keeps reports as they were: {@code debug_start_traceback} where
 * an exception is raised, {@code debug_record_traceback} where it leaves a call, and
 * {@code debug_reraise_traceback} where a handler raises the exception it caught, found as
 * PyPy finds it, by following the raised value back through the links to a
 * {@code last_exc_value}. Each stands where the call or the raise it reports stood
 * ({@link InlinedFrames#where}): in code inlined from a callee, the callee's frames too, as the
 * llinterp reports them without the transform.
 *
 * <p>It is the last pass before a backend: inlining, malloc removal and constant folding
 * reason better about exception links than about the tests that replace them.
 */
public final class ExceptionTransform implements GraphPass {

    public static final String NAME = "exceptiontransform";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "exceptions become a pending-exception struct and explicit checks after calls: no exception links left";
    }

    @Override
    public LowLevelProgram apply(LowLevelProgram program) {
        if (program.exceptions().pendingException() != null) {
            throw new IllegalArgumentException("the program is exception-transformed already");
        }
        FunctionGraph any = program.entry().graph();
        Ptr etype = (Ptr) program.entry().typeOf(any.exceptblock.inputargs.get(0));
        Ptr evalue = (Ptr) program.entry().typeOf(any.exceptblock.inputargs.get(1));
        Struct type = Struct.of("exc_data", new Field("exc_type", etype), new Field("exc_value", evalue));
        Prebuilt excData = new Prebuilt(type, Section.DATA);
        List<Prebuilt> objects = new ArrayList<>(program.image().objects());
        objects.add(excData);
        Image image = Exercised.IMAGE_LINKER.current().link(objects);
        var protocol = new Protocol(LLConstant.of(excData, new Ptr(type)), etype, evalue, program.exceptions());
        var calls = new CallGraph(program.graphs());
        program.graphs().stream().filter(calls::isRecursive).forEach(ExceptionTransform::checkStack);
        var analysis = RaiseAnalysis.of(program.graphs());
        for (LowLevelGraph g : program.graphs()) {
            new OneGraph(g, protocol, analysis).transform();
            NoExceptionLinks.check(g);
        }
        return new LowLevelProgram(program.graphs(), program.entry(), image, new PendingExceptions(program.exceptions(), excData));
    }

    /**
     * The start block checks the stack first: deep recursion raises RecursionError in the
     * caller, at its call, as the llinterp raised it before the transform. A start block that a
     * loop enters again gets a new one in front, which checks once per call, not per iteration.
     */
    private static void checkStack(LowLevelGraph g) {
        FunctionGraph fg = g.graph();
        GraphEdit edit = new GraphEdit(g);
        int line = fg.code == null ? 0 : fg.code.firstLine();
        if (fg.mkentrymap().get(fg.startblock).isEmpty()) {
            List<SpaceOperation> check = new ArrayList<>();
            edit.add(check, LLOp.STACK_CHECK, Primitive.VOID, line);
            fg.startblock.operations.addAll(0, check);
            return;
        }
        List<Variable> params = fg.startblock.inputargs.stream().map(edit::copy).toList();
        Block check = new Block(params);
        edit.add(check.operations, LLOp.STACK_CHECK, Primitive.VOID, line);
        check.closeblock(new Link(params, fg.startblock, null));
        fg.startblock = check;
    }

    /** What the transformed graphs use: {@code exc_data}, the types of its two fields, the prebuilt {@code OverflowError}. */
    private record Protocol(Constant excData, Ptr etype, Ptr evalue, ExceptionData exceptions) {
        Constant overflowType() {
            return LLConstant.of(exceptions.vtable("OverflowError"), etype);
        }

        Constant overflowValue() {
            return LLConstant.of(exceptions.instance("OverflowError"), evalue);
        }
    }

    /** How an operation that can raise tells its caller: through the pending exception, a null result, or an overflow test. */
    private enum Kind { CALL, ALLOC, OVERFLOW, STACK }

    private static Kind kind(SpaceOperation op) {
        if (OverflowTest.handles(op)) {
            return Kind.OVERFLOW;
        }
        return switch (op.op()) {
            case LLOp.DIRECT_CALL, LLOp.INDIRECT_CALL -> Kind.CALL;
            case LLOp.MALLOC, LLOp.MALLOC_VARSIZE -> Kind.ALLOC;
            case LLOp.STACK_CHECK -> Kind.STACK;
            default -> throw new IllegalStateException("the exception transform does not know how " + op.opname() + " raises");
        };
    }

    /** The value a graph returns with an exception pending (PyPy's {@code error_value}); callers never read it. */
    static Constant errorValue(LowLevelType type) {
        return LLConstant.of(switch (type) {
            case Primitive.SIGNED, Primitive.UNSIGNED -> (Object) (-1L);
            case Primitive.ADDRESS -> 0L;   // NULL, as PyPy's error_value
            case Primitive.FLOAT -> -1.0;
            case Primitive.BOOL -> true;
            case Primitive.CHAR -> (char) 255;
            case Primitive.VOID -> null;
            case Ptr _ -> null;
            default -> throw new IllegalArgumentException("a graph returning a " + type);
        }, type);
    }

    /** The transformation of one graph. */
    private static final class OneGraph {
        private final FunctionGraph fg;
        private final GraphEdit edit;
        private final InlinedFrames inlined;
        private final Protocol p;
        private final RaiseAnalysis analysis;
        private final Constant error;

        OneGraph(LowLevelGraph g, Protocol p, RaiseAnalysis analysis) {
            this.fg = g.graph();
            this.edit = new GraphEdit(g);
            this.inlined = g.inlined();
            this.p = p;
            this.analysis = analysis;
            this.error = errorValue(g.typeOf(fg.returnblock.inputargs.getFirst()));
        }

        void transform() {
            Map<Block, List<Link>> entries = fg.mkentrymap();
            List<Link> raises = List.copyOf(entries.getOrDefault(fg.exceptblock, List.of()));
            List<Boolean> reraises = raises.stream().map(l -> comesFromLastException(entries, l)).toList();
            List<Block> blocks = fg.iterblocks().stream().filter(b -> b != fg.returnblock && b != fg.exceptblock).toList();
            for (int k = 0; k < raises.size(); k++) {
                raise(raises.get(k), reraises.get(k));
            }
            blocks.forEach(this::transform);
        }

        /**
         * Whether the instance a link raises is one a handler of this graph caught (PyPy's
         * {@code comes_from_last_exception}): followed back through casts and block arguments to
         * an exception link's {@code last_exc_value}, or to the instance of a callee's raise that
         * inlining routed to a handler here, whose traceback it started. Then it is a re-raise,
         * its traceback kept.
         */
        private static boolean comesFromLastException(Map<Block, List<Link>> entries, Link raise) {
            Map<Link, Set<Value>> seen = new IdentityHashMap<>();
            ArrayDeque<Map.Entry<Link, Value>> todo = new ArrayDeque<>();
            todo.add(Map.entry(raise, raise.args.get(1)));
            while (!todo.isEmpty()) {
                Link l = todo.peek().getKey();
                Value v = todo.poll().getValue();
                if (!seen.computeIfAbsent(l, k -> new LinkedHashSet<>()).add(v)) {
                    continue;
                }
                if (l.lastExcValue != null && v == l.lastExcValue) {
                    return true;
                }
                Block b = l.prevblock;
                for (SpaceOperation op : b.operations.reversed()) {
                    if (op.op() == LLOp.DEBUG_START_TRACEBACK && op.args().getFirst() == v && v != null) {
                        return true;   // a raise inlined from a callee and routed to this handler (InlineCallSite)
                    }
                    if (op.result() == v) {
                        v = op.op() == LLOp.CAST_POINTER || op.op() == LLOp.SAME_AS ? op.args().getFirst() : null;
                    }
                }
                for (Link in : entries.getOrDefault(b, List.of())) {
                    for (int k = 0; k < b.inputargs.size(); k++) {
                        if (b.inputargs.get(k) == v) {
                            todo.add(Map.entry(in, in.args.get(k)));
                        }
                    }
                }
            }
            return false;
        }

        /** A link into the except block: store the exception, record where, return the error value. */
        private void raise(Link l, boolean reraise) {
            int line = InlinedFrames.line(l);
            Variable etype = edit.copy(fg.exceptblock.inputargs.get(0));
            Variable evalue = edit.copy(fg.exceptblock.inputargs.get(1));
            Block b = new Block(List.of(etype, evalue));
            store(b.operations, etype, evalue, line);
            Variable debug = edit.add(b.operations, reraise ? LLOp.DEBUG_RERAISE_TRACEBACK : LLOp.DEBUG_START_TRACEBACK,
                    Primitive.VOID, line, evalue);
            inlined.sameWhere(debug, l);
            b.closeblock(returnError());
            l.target = b;
        }

        private void transform(Block b) {
            boolean covered = b.canRaise();
            Block last = b;
            for (int i = b.operations.size() - (covered ? 2 : 1); i >= 0; i--) {
                SpaceOperation op = b.operations.get(i);
                if (analysis.canRaise(op)) {
                    Link normal = edit.splitAfter(b, i);
                    if (last == b) {
                        last = normal.target;
                    }
                    propagate(b, op, normal);
                }
            }
            if (covered) {
                catchAt(last);
            }
        }

        /** {@code b} ends with {@code op}, which can raise and is in no {@code try}: on an exception, return. */
        private void propagate(Block b, SpaceOperation op, Link normal) {
            int line = op.line();
            if (kind(op) == Kind.OVERFLOW) {
                b.operations.removeLast();
                Variable overflow = OverflowTest.expand(edit, b.operations, op);
                GraphEdit.branch(b, overflow, normal, new Link(List.of(), raiseOverflow(op, List.of(), List.of()), null));
                return;
            }
            Variable ok = succeeded(b, op);
            Block back = new Block(List.of());
            if (kind(op) != Kind.STACK) {   // the RecursionError is the caller's, at its call
                Variable evalue = edit.add(back.operations, LLOp.GETFIELD, p.evalue(), line, p.excData(), LLConstant.voidOf("exc_value"));
                inlined.sameWhere(edit.add(back.operations, LLOp.DEBUG_RECORD_TRACEBACK, Primitive.VOID, line, evalue), op);
            }
            back.closeblock(returnError());
            GraphEdit.branch(b, ok, new Link(List.of(), back, null), normal);
        }

        /** {@code b} ends with {@code op} inside a {@code try}: on an exception, the first matching handler, or return. */
        private void catchAt(Block b) {
            SpaceOperation op = b.raisingOp();
            Link normal = b.exits.getFirst();
            List<Link> handlers = List.copyOf(b.exits.subList(1, b.exits.size()));
            if (!analysis.canRaise(op)) {
                Link plain = new Link(normal.args, normal.target, null);
                plain.line = normal.line;
                b.exitswitch = null;
                b.closeblock(plain);
                return;
            }
            List<Variable> carried = carried(handlers);
            Link caught;
            if (kind(op) == Kind.OVERFLOW) {
                b.operations.removeLast();
                Variable overflow = OverflowTest.expand(edit, b.operations, op);
                caught = new Link(carried, raiseOverflow(op, handlers, carried), null);
                GraphEdit.branch(b, overflow, normal, caught);
            } else {
                Variable ok = succeeded(b, op);
                caught = new Link(carried, match(op, handlers, carried), null);
                GraphEdit.branch(b, ok, caught, normal);
            }
        }

        /** Appends the test that {@code op} did not raise: nothing pending after a call, a non-null result of an allocation. */
        private Variable succeeded(Block b, SpaceOperation op) {
            int line = op.line();
            if (kind(op) == Kind.ALLOC) {
                return edit.add(b.operations, LLOp.PTR_NONZERO, Primitive.BOOL, line, op.result());
            }
            Variable etype = edit.add(b.operations, LLOp.GETFIELD, p.etype(), line, p.excData(), LLConstant.voidOf("exc_type"));
            return edit.add(b.operations, LLOp.PTR_ISZERO, Primitive.BOOL, line, etype);
        }

        /**
         * The handlers after a call, as a chain of blocks: the pending exception loaded and its
         * frame recorded, then one class test per handler, in order; the one that matches
         * clears the pending exception and enters its handler; if none does, the graph returns
         * with it still pending. Every block of the chain carries what the handlers use.
         */
        private Block match(SpaceOperation call, List<Link> handlers, List<Variable> carried) {
            int line = call.line();
            Map<Variable, Value> vars = new IdentityHashMap<>();
            Block first = new Block(copies(carried, vars));
            Variable etype = edit.add(first.operations, LLOp.GETFIELD, p.etype(), line, p.excData(), LLConstant.voidOf("exc_type"));
            Variable evalue = edit.add(first.operations, LLOp.GETFIELD, p.evalue(), line, p.excData(), LLConstant.voidOf("exc_value"));
            inlined.sameWhere(edit.add(first.operations, LLOp.DEBUG_RECORD_TRACEBACK, Primitive.VOID, line, evalue), call);
            Block test = first;
            for (int k = 0; k < handlers.size(); k++) {
                Link h = handlers.get(k);
                Variable matches = ClassRange.of(h.exitcase).test(edit, test.operations, etype, line);
                List<Value> passed = new ArrayList<>(List.of(etype, evalue));
                passed.addAll(GraphEdit.rename(List.<Value>copyOf(carried), vars));
                Map<Variable, Value> inClear = new IdentityHashMap<>();
                Block clear = new Block(copies(List.of(etype, evalue), carried, inClear));
                store(clear.operations, LLConstant.nullOf(p.etype()), LLConstant.nullOf(p.evalue()), line);
                clear.closeblock(enter(h, clear.inputargs.get(0), clear.inputargs.get(1), inClear));
                if (k == handlers.size() - 1) {
                    GraphEdit.branch(test, matches, returnError(), new Link(passed, clear, null));
                } else {
                    Map<Variable, Value> inNext = new IdentityHashMap<>();
                    Block nextTest = new Block(copies(List.of(etype, evalue), carried, inNext));
                    GraphEdit.branch(test, matches, new Link(passed, nextTest, null), new Link(passed, clear, null));
                    etype = nextTest.inputargs.get(0);
                    evalue = nextTest.inputargs.get(1);
                    vars = inNext;
                    test = nextTest;
                }
            }
            return first;
        }

        /**
         * An overflow: its class is known now, so the handler that catches it is too (the first
         * whose range includes {@code OverflowError}'s) and no test is made at run time. The
         * block starts the traceback, and enters that handler, or stores the exception and returns.
         */
        private Block raiseOverflow(SpaceOperation ovf, List<Link> handlers, List<Variable> carried) {
            int line = ovf.line();
            Map<Variable, Value> vars = new IdentityHashMap<>();
            Block b = new Block(copies(carried, vars));
            Constant etype = p.overflowType();
            Constant evalue = p.overflowValue();
            inlined.sameWhere(edit.add(b.operations, LLOp.DEBUG_START_TRACEBACK, Primitive.VOID, line, evalue), ovf);
            ClassRange overflow = ClassRange.of(p.exceptions().vtable("OverflowError"));
            for (Link h : handlers) {
                if (ClassRange.of(h.exitcase).includes(overflow)) {
                    b.closeblock(enter(h, etype, evalue, vars));
                    return b;
                }
            }
            store(b.operations, etype, evalue, line);
            b.closeblock(returnError());
            return b;
        }

        /** The link into handler {@code h}'s target, its exception variables now {@code etype} and {@code evalue}. */
        private static Link enter(Link h, Value etype, Value evalue, Map<Variable, Value> vars) {
            List<Value> args = new ArrayList<>();
            for (Value a : h.args) {
                args.add(a == h.lastException ? etype : a == h.lastExcValue ? evalue
                        : a instanceof Variable v ? vars.getOrDefault(v, v) : a);
            }
            Link l = new Link(args, h.target, null);
            l.line = h.line;
            return l;
        }

        /** The variables of the raising block the handlers' links pass on, in order. */
        private static List<Variable> carried(List<Link> handlers) {
            Set<Variable> out = new LinkedHashSet<>();
            for (Link h : handlers) {
                for (Value a : h.args) {
                    if (a instanceof Variable v && v != h.lastException && v != h.lastExcValue) {
                        out.add(v);
                    }
                }
            }
            return List.copyOf(out);
        }

        private List<Variable> copies(List<Variable> vars, Map<Variable, Value> renamed) {
            return copies(List.of(), vars, renamed);
        }

        /** Fresh input arguments for a new block: copies of {@code first}, then of {@code vars}, recorded in {@code renamed}. */
        private List<Variable> copies(List<Variable> first, List<Variable> vars, Map<Variable, Value> renamed) {
            List<Variable> out = new ArrayList<>();
            first.forEach(v -> out.add(edit.copy(v)));
            for (Variable v : vars) {
                Variable c = edit.copy(v);
                renamed.put(v, c);
                out.add(c);
            }
            return out;
        }

        private void store(List<SpaceOperation> ops, Value etype, Value evalue, int line) {
            edit.add(ops, LLOp.SETFIELD, Primitive.VOID, line, p.excData(), LLConstant.voidOf("exc_type"), etype);
            edit.add(ops, LLOp.SETFIELD, Primitive.VOID, line, p.excData(), LLConstant.voidOf("exc_value"), evalue);
        }

        private Link returnError() {
            return new Link(List.of(error), fg.returnblock, null);
        }
    }
}
