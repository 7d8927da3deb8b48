package dev.taipan.rtyper.llinterp;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Builds low-level graphs by hand, as the rtyper will build them, for tests that must not
 * depend on the rtyper. A graph's blocks are made with {@link #block(LowLevelType...)} (typed
 * input arguments), filled with {@link BlockBuilder#op} (typed results, the current source
 * line), and closed with a jump, a branch or exception links to {@link Target}s:
 *
 * <pre>{@code
 * var g = new GraphBuilder("fib", SIGNED, SIGNED);
 * var start = g.start();
 * var small = start.op(INT_LT, BOOL, start.arg(0), signed(2));
 * var big = g.block(SIGNED);
 * start.branch(small, g.toReturn(start.arg(0)), big.with(start.arg(0)));
 * var a = big.op(DIRECT_CALL, SIGNED, g.fn(), big.op(INT_SUB, SIGNED, big.arg(0), signed(1)));
 * ...
 * }</pre>
 */
public final class GraphBuilder {

    /** Where a link goes and what it passes. */
    public record Target(Block block, List<Value> args) {
    }

    /** What an exception link binds: the class (a vtable pointer) and the instance. */
    public record Caught(Variable etype, Variable evalue) {
    }

    /** An exception link: for exceptions of class {@code vtable} (or a subclass), go where {@code to} says. */
    public record Catch(Prebuilt vtable, Function<Caught, Target> to) {
    }

    private final LowLevelGraph graph;
    private int line = 1;

    public GraphBuilder(String name, LowLevelType result, LowLevelType... args) {
        this(name, null, result, args);
    }

    /** A graph of the host function {@code source}: tracebacks show its file and source lines. */
    public GraphBuilder(String name, PyFunction source, LowLevelType result, LowLevelType... args) {
        var params = new ArrayList<Variable>();
        for (int k = 0; k < args.length; k++) {
            params.add(new Variable("a" + k));
        }
        var fg = new FunctionGraph(name, new Block(params), source, source == null ? null : source.code());
        graph = new LowLevelGraph(name, fg, new FuncType(List.of(args), result));
        for (int k = 0; k < args.length; k++) {
            graph.setType(params.get(k), args[k]);
        }
        graph.setType(fg.returnblock.inputargs.getFirst(), result);
        graph.setType(fg.exceptblock.inputargs.get(0), ToyExceptions.VTABLE_PTR);
        graph.setType(fg.exceptblock.inputargs.get(1), ToyExceptions.INSTANCE_PTR);
    }

    public LowLevelGraph graph() {
        return graph;
    }

    /** The function constant of this graph, for {@code direct_call} or to store as a function pointer. */
    public Constant fn() {
        return fn(graph);
    }

    public static Constant fn(LowLevelGraph g) {
        return LLConstant.of(g, new Ptr(g.signature()));
    }

    /** The line the next operations and links are at (for tracebacks). */
    public GraphBuilder at(int line) {
        this.line = line;
        return this;
    }

    public BlockBuilder start() {
        return new BlockBuilder(graph.graph().startblock);
    }

    /** A new block taking arguments of these types. */
    public BlockBuilder block(LowLevelType... types) {
        var args = new ArrayList<Variable>();
        for (LowLevelType t : types) {
            Variable v = new Variable();
            graph.setType(v, t);
            args.add(v);
        }
        return new BlockBuilder(new Block(args));
    }

    public Target toReturn(Value result) {
        return new Target(graph.graph().returnblock, List.of(result));
    }

    public Target toRaise(Value etype, Value evalue) {
        return new Target(graph.graph().exceptblock, List.of(etype, evalue));
    }

    public static Constant signed(long v) {
        return LLConstant.signed(v);
    }

    public static Constant of(Object v, LowLevelType type) {
        return LLConstant.of(v, type);
    }

    /** A {@code Void} constant: a field name, a type, a text. */
    public static Constant v(Object translationTimeValue) {
        return LLConstant.voidOf(translationTimeValue);
    }

    /** One block being filled. */
    public final class BlockBuilder {
        private final Block block;

        BlockBuilder(Block block) {
            this.block = block;
        }

        public Block block() {
            return block;
        }

        public Variable arg(int k) {
            return block.inputargs.get(k);
        }

        /** Appends {@code result = op(args)}, the result of type {@code type}. */
        public Variable op(LLOp op, LowLevelType type, Value... args) {
            Variable result = new Variable();
            graph.setType(result, type);
            block.operations.add(new SpaceOperation(op, List.of(args), result, line));
            return result;
        }

        /** Appends an operation with no result ({@code Void}). */
        public void op(LLOp op, Value... args) {
            op(op, Primitive.VOID, args);
        }

        /** A link to this block passing {@code args}. */
        public Target with(Value... args) {
            return new Target(block, List.of(args));
        }

        public void jump(Target to) {
            block.closeblock(link(to, null));
        }

        /** Ends with a switch on {@code cond}: the {@code False} link first, as the flow space orders them. */
        public void branch(Value cond, Target ifTrue, Target ifFalse) {
            block.exitswitch = cond;
            block.closeblock(link(ifFalse, Boolean.FALSE), link(ifTrue, Boolean.TRUE));
        }

        /** Ends with the last operation covered: {@code normal} if it returns, the first matching catch if it raises. */
        public void catching(Target normal, Catch... catches) {
            block.exitswitch = Constant.LAST_EXCEPTION;
            var links = new ArrayList<Link>(List.of(link(normal, null)));
            for (Catch c : catches) {
                Variable etype = new Variable("etype");
                Variable evalue = new Variable("evalue");
                graph.setType(etype, ToyExceptions.VTABLE_PTR);
                graph.setType(evalue, ToyExceptions.INSTANCE_PTR);
                Target to = c.to().apply(new Caught(etype, evalue));
                Link l = Link.exceptional(to.args(), to.block(), new LLConstant(c.vtable(), ToyExceptions.VTABLE_PTR), etype, evalue);
                l.line = line;
                links.add(l);
            }
            block.closeblock(links);
        }

        private Link link(Target to, Object exitcase) {
            Link l = new Link(to.args(), to.block(), exitcase);
            l.line = line;
            return l;
        }
    }
}
