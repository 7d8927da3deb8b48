package dev.taipan.rtyper.rtyper;

import static dev.taipan.rtyper.lloperation.LLOp.*;

import dev.taipan.flowgraph.flow.Value;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.lltype.GcArray;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Strings;
import dev.taipan.rtyper.rtyper.LowLevelHelpers.Helper;
import dev.taipan.rtyper.rtyper.Repr.DictRepr;
import dev.taipan.rtyper.rtyper.Repr.ListRepr;
import dev.taipan.rtyper.rtyper.Repr.TupleRepr;
import java.util.List;

/**
 * {@code str()}, {@code repr()}, {@code print} and {@code %s} of lists, tuples and dicts (PyPy's
 * {@code ll_str} of {@code rlist}, {@code rtuple}, {@code rdict}). A container shows its items by
 * their {@code repr}, whatever they are, so its text is built recursively from its items' texts:
 *
 * <ul>
 *   <li>a <b>tuple</b> has a fixed number of items of known types: each item's repr is emitted
 *       here, one after the other ({@link StrRules#strOf} with {@code repr}), into an array of
 *       pieces that {@code rcontainer.ll_tuple_repr} joins ({@code (1,)} for one item);</li>
 *   <li>a <b>list</b> or a <b>dict</b> needs a loop, written in RPy ({@code ll_list_repr},
 *       {@code ll_dict_repr}), which calls the item's repr function ({@link ItemFunctions}):
 *       one copy of the loop per item type, as PyPy's rtyper makes one per repr.</li>
 * </ul>
 * So a list of tuples of a str and an instance calls {@code ll_list_repr} with
 * {@code item_repr[tuple(str, Node)]}, whose graph emits the tuple's pieces, one of them the
 * str's quoted repr, another the call of {@code Node.__repr__} through the vtable.
 */
final class ContainerText {
    private ContainerText() { }

    private static final Ptr PIECES = new Ptr(new GcArray(Strings.PTR));

    static boolean isContainer(Repr r) {
        return r instanceof ListRepr || r instanceof TupleRepr || r instanceof DictRepr;
    }

    /** The text of the container {@code v} of repr {@code r}: the same for str() and repr(). */
    static Value repr(HighLevelOp hop, Value v, Repr r) {
        return switch (r) {
            case ListRepr l -> list(hop, l, v);
            case TupleRepr t -> tuple(hop, t, v);
            case DictRepr d -> dict(hop, d, v);
            default -> throw new IllegalArgumentException(r.toString());
        };
    }

    private static Value list(HighLevelOp hop, ListRepr l, Value list) {
        if (l.item().lowleveltype() == Primitive.VOID) {
            return text(hop, "[]");   // a list that never holds anything
        }
        return hop.gendirectcall(new Helper(ItemFunctions.RCONTAINER, "ll_list_repr"), hop.rtyper().items.repr(hop, l.item()),
                LLConstant.voidOf(PIECES.to()), ListRules.items(hop, l, list), ListRules.length(hop, l, list), text(hop, ", "));
    }

    private static Value tuple(HighLevelOp hop, TupleRepr t, Value tuple) {
        int n = t.items().size();
        Value pieces = hop.genop(MALLOC_VARSIZE, List.of(LLConstant.voidOf(PIECES.to()), LLConstant.signed(n)), PIECES);
        for (int i = 0; i < n; i++) {
            Repr r = t.items().get(i);
            Value item = hop.genop(GETFIELD, List.of(tuple, LLConstant.voidOf("item" + i)), r.lowleveltype());
            // an item that may be None is shown by item_repr_or_none, in a graph of its own: no branch here
            Value text = r.lowleveltype() instanceof Ptr && hop.rtyper().items.canBeNone(r) ? hop.rtyper().items.reprOfNullable(hop, r, item)
                    : StrRules.strOf(hop, item, r, true);
            hop.genop(SETARRAYITEM, List.of(pieces, LLConstant.signed(i), text), Primitive.VOID);
        }
        return hop.gendirectcall(new Helper(ItemFunctions.RCONTAINER, "ll_tuple_repr"), pieces, LLConstant.signed(n),
                text(hop, ", "));
    }

    private static Value dict(HighLevelOp hop, DictRepr d, Value dict) {
        ItemFunctions items = hop.rtyper().items;
        return hop.gendirectcall(new Helper(ItemFunctions.RCONTAINER, "ll_dict_repr"), items.repr(hop, d.key()),
                items.repr(hop, d.value()), LLConstant.voidOf(PIECES.to()), dict, text(hop, ", "), text(hop, ": "));
    }

    private static Value text(HighLevelOp hop, String s) {
        return LLConstant.of(hop.rtyper().strings.of(s), Strings.PTR);
    }
}
