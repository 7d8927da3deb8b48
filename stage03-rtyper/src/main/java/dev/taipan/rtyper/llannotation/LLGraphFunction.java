package dev.taipan.rtyper.llannotation;

import dev.taipan.annotator.Annotator;
import dev.taipan.annotator.Describe;
import dev.taipan.annotator.SomeValue;
import dev.taipan.flowgraph.host.HostSpace;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lltype.FuncType;
import java.util.List;

/**
 * A low-level graph the rtyper already has, handed to an RPy helper as a constant function:
 * PyPy's {@code hop.inputconst(Void, r_item.ll_str)}, where a helper that loops over a container
 * calls one function per item type. {@code rformat.ll_list_repr(ITEM_REPR, ...)} calls
 * {@code ITEM_REPR(items[i])}, and the rtyper passes the graph that turns one item into its
 * repr: {@code repr} of a tuple, an instance's {@code __repr__} through its vtable, a nested
 * list, each a graph of its own. So the loop is written once, in RPy, and each item type gets
 * its own specialised copy of it (the helper is annotated per constant, as per type), with a
 * {@code direct_call} where the item is turned into text. The graph's low-level signature is its
 * annotation: a call passes values of its argument types and gets one of its result type.
 */
public record LLGraphFunction(LowLevelGraph graph) implements LLFunction {

    /** The graph as a host object, one per call: keep it to get the same helper graph again. */
    public static LLHostFunction host(LowLevelGraph graph) {
        return new LLHostFunction(new LLGraphFunction(graph));
    }

    @Override
    public String pyName() {
        return graph.name();
    }

    @Override
    public PyObject callOnHost(PyObject[] args) {
        throw HostSpace.typeError(pyName() + " is a low-level graph: it runs only translated");
    }

    @Override
    public SomeValue annotateCall(Annotator ann, List<SomeValue> args) {
        FuncType sig = graph.signature();
        if (args.size() != sig.args().size()) {
            throw Annotator.error(ann, pyName() + " takes " + sig.args().size() + " argument(s), not " + args.size());
        }
        for (int i = 0; i < args.size(); i++) {
            if (!sig.args().get(i).equals(LLAnnotations.lowLevelType(args.get(i)))) {
                throw Annotator.error(ann, pyName() + " takes a " + sig.args().get(i) + " as argument " + (i + 1)
                        + ", not " + Describe.article(args.get(i)));
            }
        }
        return LLAnnotations.of(sig.result());
    }
}
