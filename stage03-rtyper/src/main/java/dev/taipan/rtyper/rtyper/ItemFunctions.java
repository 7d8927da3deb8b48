package dev.taipan.rtyper.rtyper;

import dev.taipan.annotator.SomeValue;
import dev.taipan.annotator.SomeValue.SomeDict;
import dev.taipan.annotator.SomeValue.SomeList;
import dev.taipan.annotator.SomeValue.SomeTuple;
import dev.taipan.annotator.Union;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.rtyper.llannotation.LLGraphFunction;
import dev.taipan.rtyper.llannotation.LLHostFunction;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.rtyper.LowLevelHelpers.Helper;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one item of a container becomes, as a function a loop written in RPy can call: the
 * repr of an item, two items compared. PyPy's reprs carry these as methods ({@code r_item.ll_str},
 * {@code r_item.get_ll_eq_function()}), written per repr. Here they are written once, as plain
 * Python over high-level values ({@code item_repr(x): return repr(x)} in {@code rcontainer.py}),
 * and annotated, like any helper, once per item annotation: {@code item_repr[tuple(int, str)]}
 * is rtyped by the same rules as {@code repr(t)} in the program, so a tuple's items, an
 * instance's {@code __repr__} through its vtable, a float's text, a nested list's brackets all
 * come from the one place that knows them ({@link StrRules#strOf}, the comparison rules). The
 * graph is then handed to the loop as a constant ({@link LLGraphFunction}): the loop
 * ({@code ll_list_repr(ITEM_REPR, ...)}) is specialised per item type, and calls it directly.
 *
 * <p>A function is annotated for the annotation of the items, which the repr alone does not
 * say (two list annotations with one {@link Repr}); so every container repr made records the
 * annotations of its items ({@link #remember}), united when two meet: a list of {@code Node}
 * and a list of {@code Node or None} share their repr, and their items' repr says "None" for null.
 */
final class ItemFunctions {
    static final String RCONTAINER = "rpython.rtyper.rcontainer";

    private final RTyper rtyper;
    private final Map<Repr, SomeValue> annotations = new HashMap<>();
    /** One host object per graph: the loop that takes it is annotated once per constant. */
    private final Map<LowLevelGraph, LLHostFunction> functions = new HashMap<>();

    ItemFunctions(RTyper rtyper) {
        this.rtyper = rtyper;
    }

    /** Records the annotations of the items of the container {@code s} of repr {@code r}. */
    void remember(Repr r, SomeValue s) {
        switch (r) {
            case Repr.ListRepr l when s instanceof SomeList sl -> remember1(l.item(), sl.listdef().itemValue());
            case Repr.TupleRepr t when s instanceof SomeTuple st -> {
                for (int i = 0; i < t.items().size(); i++) {
                    remember1(t.items().get(i), st.items().get(i));
                }
            }
            case Repr.DictRepr d when s instanceof SomeDict sd -> {
                remember1(d.key(), sd.dictdef().keyValue());
                remember1(d.value(), sd.dictdef().valueValue());
            }
            default -> { }
        }
    }

    private void remember1(Repr item, SomeValue s) {
        annotations.merge(item, s.withoutConst(), (a, b) -> a.equals(b) ? a : Union.joinFinished(a, b));
    }

    /** {@code item_repr} for items of repr {@code item}: their text as a container shows it. */
    Value repr(HighLevelOp hop, Repr item) {
        SomeValue s = annotation(hop, item, "repr()");
        return function(hop, s.canBeNone() ? "item_repr_or_none" : "item_repr", List.of(item), "repr()");
    }

    /** A call of {@code item_repr} on {@code x}, where it is a pointer that may be null (a tuple's item that may be None). */
    Value reprOfNullable(HighLevelOp hop, Repr item, Value x) {
        LowLevelGraph g = graph(hop, "item_repr_or_none", List.of(item), "repr()");
        return hop.genop(dev.taipan.rtyper.lloperation.LLOp.DIRECT_CALL,
                List.of(LLConstant.of(g, new dev.taipan.rtyper.lltype.Ptr(g.signature())), x), g.signature().result());
    }

    /** Whether the items of repr {@code item} may be None. */
    boolean canBeNone(Repr item) {
        return annotations.get(item) instanceof SomeValue s && s.canBeNone();
    }

    /** {@code item_eq} for items of repr {@code item}: Python's {@code ==} on them. */
    Value eq(HighLevelOp hop, Repr item) {
        return eq(hop, item, item);
    }

    /** {@code item_eq} between items of reprs {@code a} and {@code b}. */
    Value eq(HighLevelOp hop, Repr a, Repr b) {
        return function(hop, "item_eq", List.of(a, b), "==");
    }

    /**
     * {@code item_eq} between the items of repr {@code item} and a value of repr {@code r} and
     * annotation {@code s}, no container's item ({@code x in l}, where x is of another repr).
     */
    Value eqAgainst(HighLevelOp hop, Repr item, Repr r, SomeValue s) {
        remember1(r, s);
        return eq(hop, item, r);
    }

    /** {@code item_cmp}: -1, 0 or 1 as the first item (of repr {@code a}) is smaller, equal or greater (found with {@code <} and {@code ==}). */
    Value cmp(HighLevelOp hop, Repr a, Repr b) {
        return function(hop, "item_cmp", List.of(a, b), "<");
    }

    /** {@code item_lt}: Python's {@code <}, what sort, min and max order items by. */
    Value lt(HighLevelOp hop, Repr item) {
        return function(hop, "item_lt", List.of(item, item), "<");
    }

    /** The low-level graph of {@code name} for these items, to call directly. */
    LowLevelGraph graph(HighLevelOp hop, String name, Repr item, int arity) {
        return graph(hop, name, Collections.nCopies(arity, item), name);
    }

    private SomeValue annotation(HighLevelOp hop, Repr item, String what) {
        SomeValue s = annotations.get(item);
        if (s == null || item.lowleveltype() == Primitive.VOID) {
            throw hop.error(what + " of items of " + item.lowleveltype() + " has no low-level translation "
                    + "(items known at translation time are not stored)");
        }
        return s;
    }

    private Value function(HighLevelOp hop, String name, List<Repr> items, String what) {
        LowLevelGraph g = graph(hop, name, items, what);
        return LLConstant.voidOf(functions.computeIfAbsent(g, LLGraphFunction::host));
    }

    /** {@code name} annotated for arguments that are items of {@code items}, one repr per argument. */
    private LowLevelGraph graph(HighLevelOp hop, String name, List<Repr> items, String what) {
        List<SomeValue> annotations = items.stream().map(r -> annotation(hop, r, what)).toList();
        List<LowLevelType> types = items.stream().map(Repr::lowleveltype).toList();
        return rtyper.helpers.graph(rtyper.helpers.function(new Helper(RCONTAINER, name)), annotations, types,
                "called by the rtyper for '" + hop.spaceop.opname() + "' on items of "
                        + String.join(" and ", types.stream().distinct().map(Object::toString).toList()));
    }
}
