package dev.taipan.rtyper.rtyper;

import dev.taipan.annotator.SomeValue;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyDict;
import dev.taipan.flowgraph.host.PyException;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyModule;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PySingleton;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.flowgraph.host.PyTuple;
import dev.taipan.rtyper.llannotation.LLAnnotations;
import dev.taipan.rtyper.llannotation.LLTypeModule;
import dev.taipan.rtyper.llannotation.LowLevelTypeObject;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rtyper's helpers written in RPy (PyPy's {@code annlowlevel.py}): an operation that is more
 * than one machine instruction ({@code a // b} on ints) becomes a {@code direct_call} of an RPy
 * function kept in a {@code .py} file of this stage ({@code rpython/rtyper/rint.py}), which a
 * reader opens to learn what the operation means at the low level.
 *
 * <p>A rule asks for one with {@link HighLevelOp#gendirectcall}. The helper's module is imported
 * into the host interpreter that imported the program, after {@code lltype} and
 * {@code lloperation} are made importable there ({@link LLTypeModule}); the function is then
 * annotated by the program's own annotator ({@code Annotator.annotateHelper}), its arguments
 * annotated from the low-level types of the values the rule passes (a {@code Signed} as an int,
 * a {@code Ptr(T)} as a {@code SomePtr}), one graph per list of types; the rtyper gives the new
 * graphs their low-level twins like any other, and converts them after the graph being
 * converted ({@link RTyper#specializeMore}). A helper's graph is part of the program: the
 * llinterp runs it, the backends compile it.
 */
final class LowLevelHelpers {
    /** A helper: the function {@code function} of the module {@code module}. */
    record Helper(String module, String function) {
        @Override
        public String toString() {
            return module + "." + function;
        }
    }

    private final RTyper rtyper;
    private final Map<Helper, PyFunction> functions = new HashMap<>();
    /** The graph of each function for each list of argument annotations: a second {@code a // b} annotates nothing. */
    private final Map<List<Object>, LowLevelGraph> graphs = new HashMap<>();

    LowLevelHelpers(RTyper rtyper) {
        this.rtyper = rtyper;
    }

    /**
     * The low-level graph of {@code helper} for the values {@code args} of a graph being
     * converted, of types {@code types}: their types choose the specialisation; a {@code Void}
     * constant (a type) is passed as the constant it is. {@code calledFrom} says who needed it,
     * for errors in the helper.
     */
    LowLevelGraph graph(Helper helper, List<Value> args, List<LowLevelType> types, String calledFrom) {
        List<SomeValue> annotations = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            annotations.add(annotation(args.get(i), types.get(i)));
        }
        return graph(function(helper), annotations, types, calledFrom);
    }

    /** The low-level graph of the helper function {@code f} for these argument annotations, annotated and given its twin if new. */
    LowLevelGraph graph(PyFunction f, List<SomeValue> annotations, List<LowLevelType> types, String calledFrom) {
        LowLevelGraph known = graphs.get(List.of(f, annotations));
        if (known != null) {
            return known;
        }
        FunctionGraph g = rtyper.annotator().annotateHelper(f, annotations, calledFrom);
        rtyper.addNewGraphs();
        LowLevelGraph ll = rtyper.lowLevel(g);
        if (!ll.signature().args().equals(types)) {
            throw new IllegalStateException("the helper " + f.name() + " takes " + ll.signature().args() + ", not " + types);
        }
        graphs.put(List.of(f, annotations), ll);
        return ll;
    }

    private SomeValue annotation(Value v, LowLevelType t) {
        if (t != Primitive.VOID) {
            return LLAnnotations.of(t);
        }
        if (v instanceof Variable) {
            // A Void variable carries no bits: an item of a list whose items are all None (or one
            // same constant), passed on to ll_append and the like, which only store it where
            // nothing is stored. The helper sees None, whatever constant it was.
            return rtyper.annotator().binding(Constant.of(PySingleton.NONE));
        }
        Object k = v instanceof Constant c && c.value() instanceof LLConstant x ? x.value() : null;
        PyObject host = k instanceof LowLevelType type ? new LowLevelTypeObject(type) : k instanceof PyObject o ? o : null;
        if (host == null) {
            throw new IllegalArgumentException("a Void argument of a helper is a constant type or host object, not " + v);
        }
        return rtyper.annotator().binding(Constant.of(host));
    }

    /** The helper's function, its module imported once into the program's host interpreter. */
    PyFunction function(Helper helper) {
        return functions.computeIfAbsent(helper, h -> {
            HostInterpreter host = rtyper.annotator().translator().host();
            LLTypeModule.install(host);
            try {
                PyModule m = (PyModule) host.importName(h.module(), new PyDict(), new PyTuple(PyStr.of(h.function())), 0);
                return (PyFunction) m.get(h.function());
            } catch (PyException e) {
                throw new IllegalStateException("the helpers of " + h.module() + " cannot be imported:\n"
                        + host.formatException(e), e);
            }
        });
    }
}
