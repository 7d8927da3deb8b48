package dev.taipan.rtyper.llgraph;

import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.LowLevelType;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A low-level graph: the same {@link FunctionGraph} model as the flow space's, after the rtyper
 * rewrote it. Its operations are low-level ones ({@code LLOp}), its constants
 * {@link LLConstant}s, and every variable has a low-level type (PyPy's {@code concretetype},
 * kept here beside the graph rather than in stage 01's {@code Variable}). An exception leaves
 * a low-level graph as in a flow graph: through the except block, whose two input arguments are
 * the exception's class (a vtable pointer) and its instance.
 */
public final class LowLevelGraph {
    private final String name;
    private final FunctionGraph graph;
    private final FuncType signature;
    private final Map<Variable, LowLevelType> types = new IdentityHashMap<>();
    private final InlinedFrames inlined = new InlinedFrames();

    public LowLevelGraph(String name, FunctionGraph graph, FuncType signature) {
        this.name = name;
        this.graph = graph;
        this.signature = signature;
    }

    /** The name this function has at the low level (specialised copies are told apart). */
    public String name() {
        return name;
    }

    public FunctionGraph graph() {
        return graph;
    }

    /** The types of the arguments and of the result. */
    public FuncType signature() {
        return signature;
    }

    public void setType(Variable v, LowLevelType t) {
        types.put(v, t);
    }

    /** The low-level type of a variable or constant of this graph. */
    public LowLevelType typeOf(Value v) {
        return switch (v) {
            case Variable var -> {
                LowLevelType t = types.get(var);
                if (t == null) {
                    throw new IllegalStateException(name + ": variable " + var + " has no low-level type");
                }
                yield t;
            }
            case Constant c when c.value() instanceof LLConstant k -> k.type();
            case Constant c -> throw new IllegalStateException(name + ": constant " + c + " is not low-level");
        };
    }

    /** Whether the variable has a low-level type yet (the rtyper's checker asks). */
    public boolean hasType(Variable v) {
        return types.containsKey(v);
    }

    /** The frames of the callees inlined into this graph, for tracebacks (empty before inlining). */
    public InlinedFrames inlined() {
        return inlined;
    }

    /**
     * A copy of this graph as it is now (new blocks and variables, their types, the frames inlined
     * into it), under the same name and signature: what the inliner copies from when it puts a
     * function into itself, since it rewrites the original meanwhile.
     */
    public LowLevelGraph copy() {
        Map<Variable, Variable> vars = new IdentityHashMap<>();
        Map<Link, Link> links = new IdentityHashMap<>();
        LowLevelGraph c = new LowLevelGraph(name, graph.copygraph(vars, links), signature);
        vars.forEach((v, copy) -> {
            if (types.containsKey(v)) {
                c.types.put(copy, types.get(v));
            }
            c.inlined.set(copy, inlined.of(v));
        });
        links.forEach((l, copy) -> c.inlined.set(copy, inlined.of(l)));
        return c;
    }

    @Override
    public String toString() {
        return "<LowLevelGraph " + name + " " + signature + ">";
    }
}
