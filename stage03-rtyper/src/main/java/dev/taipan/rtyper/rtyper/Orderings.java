package dev.taipan.rtyper.rtyper;

import static dev.taipan.rtyper.lloperation.LLOp.*;

import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.operation.HLOp;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.rtyper.LowLevelHelpers.Helper;
import dev.taipan.rtyper.rtyper.Repr.ListRepr;
import dev.taipan.rtyper.rtyper.Repr.TupleRepr;
import java.util.List;

/**
 * {@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=} of tuples and lists: Python
 * orders sequences <em>lexicographically</em>, by the first items that are not equal, and a
 * sequence that runs out first is the smaller (PyPy's {@code rtuple}/{@code rlist}
 * {@code ll_eq}/{@code ll_lt}). Items are compared by their item functions
 * ({@link ItemFunctions}: {@code item_eq}, {@code item_cmp}), so a tuple of strs compares its
 * strs by their chars and a tuple of tuples recurses.
 *
 * <ul>
 *   <li>a <b>tuple</b>'s items are fields, known in number: the comparison is emitted here, one
 *       item after the other, each step a branch ({@link HighLevelOp#select}) that goes on to the
 *       next item only while they are equal, so {@code (1, f()) < (2, g())} looks at one item;</li>
 *   <li>a <b>list</b> is a loop, in RPy: {@code rcontainer.ll_list_eq}/{@code ll_list_cmp} (lists
 *       of numbers, chars and instances keep {@code rlist.ll_listeq}, the low level's {@code ==}).</li>
 * </ul>
 * An ordering is {@code cmp(a, b) OP 0}, the three-way result of the first unequal items or of the
 * lengths, as C's {@code strcmp} is used for strs.
 */
final class Orderings {
    private Orderings() { }

    static boolean handles(HighLevelOp hop) {
        if (!(hop.spaceop.op() instanceof HLOp op) || hop.nargs() != 2) {
            return false;
        }
        Repr a = hop.argReprs.get(0);
        Repr b = hop.argReprs.get(1);
        return switch (op) {
            case EQ, NE -> a instanceof TupleRepr && b instanceof TupleRepr
                    || a instanceof ListRepr la && b instanceof ListRepr lb
                       && !(la.item().equals(lb.item()) && ListRules.comparedByLowLevelEq(la));
            case LT, LE, GT, GE -> a instanceof TupleRepr && b instanceof TupleRepr || a instanceof ListRepr && b instanceof ListRepr;
            default -> false;
        };
    }

    static Value translate(HighLevelOp hop) {
        HLOp op = (HLOp) hop.spaceop.op();
        boolean equality = op == HLOp.EQ || op == HLOp.NE;
        if (hop.argReprs.get(0) instanceof TupleRepr a && hop.argReprs.get(1) instanceof TupleRepr b) {
            Value[] xy = {hop.arg(0), hop.arg(1)};
            if (!a.items().equals(b.items()) && common(hop, a, b) instanceof TupleRepr u) {
                // ('a', 1) against ('ab', 2): both seen as the tuple of their union, a (str, int)
                xy[0] = hop.convert(xy[0], a, u);
                xy[1] = hop.convert(xy[1], b, u);
                a = u;
                b = u;
            }
            items(hop, a, b);
            if (equality) {
                Value eq = tupleEq(hop, a, b, xy, 0);
                return op == HLOp.EQ ? eq : hop.genop(BOOL_NOT, List.of(eq), Primitive.BOOL);
            }
            return against0(hop, op, tupleCmp(hop, a, b, xy, 0));
        }
        // lists of two item types (chars and strs, fuzz seeds 711075, 711153) compare by a
        // function of the two, which the comparison rules of the items translate
        ListRepr a = (ListRepr) hop.argReprs.get(0);
        ListRepr b = (ListRepr) hop.argReprs.get(1);
        Value x = hop.arg(0);
        Value y = hop.arg(1);
        ItemFunctions f = hop.rtyper().items;
        Value fn = equality ? f.eq(hop, a.item(), b.item()) : f.cmp(hop, a.item(), b.item());
        Value r = hop.gendirectcall(new Helper(ItemFunctions.RCONTAINER, equality ? "ll_list_eq" : "ll_list_cmp"), fn,
                ListRules.items(hop, a, x), ListRules.length(hop, a, x), ListRules.items(hop, b, y), ListRules.length(hop, b, y));
        if (equality) {
            return op == HLOp.EQ ? r : hop.genop(BOOL_NOT, List.of(r), Primitive.BOOL);
        }
        return against0(hop, op, r);
    }

    /** The repr of the union of the two tuples' annotations, if they have one (tuples of one length). */
    private static Repr common(HighLevelOp hop, TupleRepr a, TupleRepr b) {
        if (a.items().size() != b.items().size()) {
            return null;
        }
        RTyper rtyper = hop.rtyper();
        var union = rtyper.annotator().unionOfFinished(List.of(rtyper.annotation(hop.spaceop.args().get(0)),
                rtyper.annotation(hop.spaceop.args().get(1))));
        try {
            return rtyper.reprOf(union, null, 0);
        } catch (RTyperError e) {
            return null;   // no union: the error says which items differ
        }
    }

    /** The items compared are the common prefix of the two tuples, and they must be of one type, place by place. */
    private static void items(HighLevelOp hop, TupleRepr a, TupleRepr b) {
        for (int i = 0; i < Math.min(a.items().size(), b.items().size()); i++) {
            if (!a.items().get(i).equals(b.items().get(i))) {
                throw hop.error("comparing tuples whose items " + i + " are a " + a.items().get(i).lowleveltype() + " and a "
                        + b.items().get(i).lowleveltype() + " has no low-level translation");
            }
        }
    }

    /** Items {@code i..} of the tuples {@code xy} equal, then the lengths (xy cross each branch under new names). */
    private static Value tupleEq(HighLevelOp hop, TupleRepr a, TupleRepr b, Value[] xy, int i) {
        if (i == Math.min(a.items().size(), b.items().size())) {
            return LLConstant.of(a.items().size() == b.items().size(), Primitive.BOOL);
        }
        Value eq = call(hop, hop.rtyper().items.graph(hop, "item_eq", a.items().get(i), 2), item(hop, a, xy[0], i), item(hop, b, xy[1], i));
        return hop.select(eq, LLConstant.of(false, Primitive.BOOL), next -> tupleEq(hop, a, b, next.toArray(Value[]::new), i + 1),
                Primitive.BOOL, List.of(xy));
    }

    /** The three-way comparison of items {@code i..}: the first that are not equal decide, else the lengths. */
    private static Value tupleCmp(HighLevelOp hop, TupleRepr a, TupleRepr b, Value[] xy, int i) {
        if (i == Math.min(a.items().size(), b.items().size())) {
            return LLConstant.signed(Integer.compare(a.items().size(), b.items().size()));
        }
        Value c = call(hop, hop.rtyper().items.graph(hop, "item_cmp", a.items().get(i), 2), item(hop, a, xy[0], i), item(hop, b, xy[1], i));
        Value equal = hop.genop(INT_EQ, List.of(c, LLConstant.signed(0)), Primitive.BOOL);
        return hop.select(equal, c, next -> tupleCmp(hop, a, b, next.toArray(Value[]::new), i + 1), Primitive.SIGNED,
                List.of(xy));
    }

    /** Item {@code i} of the tuple {@code x} (read where it is needed: each step is a block of its own). */
    private static Value item(HighLevelOp hop, TupleRepr t, Value x, int i) {
        return hop.genop(GETFIELD, List.of(x, LLConstant.voidOf("item" + i)), t.items().get(i).lowleveltype());
    }

    private static Value call(HighLevelOp hop, LowLevelGraph g, Value x, Value y) {
        return hop.genop(DIRECT_CALL, List.of(LLConstant.of(g, new Ptr(g.signature())), x, y), g.signature().result());
    }

    private static Value against0(HighLevelOp hop, HLOp op, Value cmp) {
        LLOp ll = switch (op) {
            case LT -> INT_LT;
            case LE -> INT_LE;
            case GT -> INT_GT;
            default -> INT_GE;
        };
        return hop.genop(ll, List.of(cmp, LLConstant.signed(0)), Primitive.BOOL);
    }
}
