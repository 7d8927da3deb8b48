package dev.taipan.rtyper.rtyper;

import static dev.taipan.rtyper.lloperation.LLOp.*;

import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.operation.HLOp;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PySingleton;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.rtyper.LowLevelHelpers.Helper;
import dev.taipan.rtyper.rtyper.Repr.ListRepr;
import dev.taipan.rtyper.rtyper.Repr.RangeRepr;
import java.util.List;

/**
 * The operations of lists beyond building, indexing and iterating ({@link Sequences}): PyPy's
 * {@code rlist.py}. Nearly every one is a {@code direct_call} of a helper written in RPy, in
 * {@code rpython/rtyper/rlist.py}; the rule's work is to hand the helper what it needs:
 * <ul>
 *   <li>an operation that changes the length ({@code append}, {@code pop}, {@code insert},
 *       {@code extend}, {@code del lst[i]}, {@code lst *= n}) passes the list struct itself,
 *       which only a list the annotator saw resized has;</li>
 *   <li>an operation that only reads or rearranges items ({@code in}, {@code index},
 *       {@code count}, {@code reverse}, {@code sort}, {@code ==}, {@code +}, {@code *}, slices,
 *       {@code min}, {@code max}, {@code sum}) passes the items' array and how many of them are
 *       in use, so one helper serves both shapes;</li>
 *   <li>a helper that allocates is passed the array type as a {@code Void} constant, and one
 *       that makes a new list returns its array, exactly as long as the list: the rule wraps it
 *       in a {@code {length, items}} struct when the result is a resizable list.</li>
 * </ul>
 * Items are found by an equality passed as a constant function, as sorting is passed its
 * {@code <} ({@link #equal}): the low level's {@code ==} for numbers, chars and instances (by
 * identity, RPy's {@code ==}), the items' {@code item_eq} for strs, tuples and lists.
 */
final class ListRules {
    private ListRules() { }

    private static Helper helper(String name) {
        return new Helper("rpython.rtyper.rlist", name);
    }

    /** Whether the operation is one of these rules' (a binary one with a list operand, {@code in}, {@code del}, a slice). */
    static boolean handles(HighLevelOp hop) {
        if (!(hop.spaceop.op() instanceof HLOp op) || hop.nargs() < 2) {
            return false;
        }
        Repr a = hop.argReprs.get(0);
        Repr b = hop.argReprs.get(1);
        return switch (op) {
            case CONTAINS, DELITEM -> a instanceof ListRepr;
            case NEWSLICE -> true;
            case GETITEM, SETITEM -> a instanceof ListRepr && b == SLICE;
            case ADD, INPLACE_ADD, EQ, NE -> a instanceof ListRepr && b instanceof ListRepr;
            case MUL, INPLACE_MUL -> a instanceof ListRepr || b instanceof ListRepr;
            default -> false;
        };
    }

    static Value translate(RTyper rtyper, HighLevelOp hop) {
        HLOp op = (HLOp) hop.spaceop.op();
        return switch (op) {
            case CONTAINS -> {
                ListRepr l = list(hop, 0);
                yield hop.gendirectcall(helper("ll_contains"), equal(hop, l, 1), items(hop, l, hop.arg(0)),
                        length(hop, l, hop.arg(0)), needle(hop, l, 1));
            }
            case NEWSLICE -> newslice(hop);
            case GETITEM -> {
                ListRepr l = list(hop, 0);
                ListRepr result = (ListRepr) hop.resultRepr;
                Value x = hop.arg(0);
                Value sl = hop.arg(1);
                yield wrap(hop, result, hop.gendirectcall(helper("ll_slice"), items(hop, l, x), length(hop, l, x),
                        field(hop, sl, "start"), field(hop, sl, "stop"), field(hop, sl, "step"), arrayType(result)));
            }
            case SETITEM -> {
                ListRepr l = resizable(hop, list(hop, 0), "lst[a:b] = other");
                ListRepr o = list(hop, 2);
                Value sl = hop.arg(1);
                Value other = hop.arg(2);
                hop.gendirectcall(helper("ll_setslice"), hop.arg(0), field(hop, sl, "start"), field(hop, sl, "stop"),
                        field(hop, sl, "step"), items(hop, o, other), length(hop, o, other), arrayType(l));
                yield rtyper.none();
            }
            case DELITEM -> {
                ListRepr l = resizable(hop, list(hop, 0), "del lst[i]");
                if (hop.argReprs.get(1) == SLICE) {
                    Value sl = hop.arg(1);
                    Value self = hop.arg(0);
                    hop.gendirectcall(helper("ll_setslice"), self, field(hop, sl, "start"), field(hop, sl, "stop"),
                            field(hop, sl, "step"), items(hop, l, self), LLConstant.signed(0), arrayType(l));
                    yield rtyper.none();
                }
                hop.gendirectcall(helper("ll_delitem"), hop.arg(0), hop.inputarg(Repr.SIGNED, 1), arrayType(l));
                yield rtyper.none();
            }
            case EQ, NE -> {
                ListRepr a = list(hop, 0);
                ListRepr b = list(hop, 1);
                Value eq = hop.gendirectcall(helper("ll_eq"), items(hop, a, hop.arg(0)), length(hop, a, hop.arg(0)),
                        items(hop, b, hop.arg(1)), length(hop, b, hop.arg(1)));
                yield op == HLOp.EQ ? eq : hop.genop(BOOL_NOT, List.of(eq), Primitive.BOOL);
            }
            case ADD -> {
                ListRepr result = (ListRepr) hop.resultRepr;
                ListRepr a = list(hop, 0);
                ListRepr b = list(hop, 1);
                Value x = hop.arg(0);
                Value y = hop.arg(1);
                yield wrap(hop, result, hop.gendirectcall(helper("ll_concat"), items(hop, a, x), length(hop, a, x),
                        items(hop, b, y), length(hop, b, y), arrayType(result)));
            }
            case INPLACE_ADD -> {
                ListRepr l = resizable(hop, list(hop, 0), "lst += other");
                Value other = hop.inputarg(hop.argReprs.get(1), 1);
                ListRepr o = list(hop, 1);
                hop.gendirectcall(helper("ll_extend"), hop.arg(0), items(hop, o, other), length(hop, o, other), arrayType(l));
                yield hop.arg(0);
            }
            case MUL -> {
                ListRepr result = (ListRepr) hop.resultRepr;
                int li = hop.argReprs.get(0) instanceof ListRepr ? 0 : 1;
                ListRepr l = list(hop, li);
                Value x = hop.arg(li);
                Value n = hop.inputarg(Repr.SIGNED, 1 - li);
                if (result.item() instanceof Repr.ConstantRepr) {
                    yield wrap(hop, result, hop.gendirectcall(helper("ll_mul_void"), length(hop, l, x), n, arrayType(result)));
                }
                if (l.item() instanceof Repr.ConstantRepr(var c) && c instanceof PyObject constant) {
                    Value item = LLConstant.of(rtyper.prebuiltValue(constant, result.item()), result.item().lowleveltype());
                    yield wrap(hop, result, hop.gendirectcall(helper("ll_mul_fill"), length(hop, l, x), n, item,
                            arrayType(result)));
                }
                yield wrap(hop, result, hop.gendirectcall(helper("ll_mul"), items(hop, l, x), length(hop, l, x), n,
                        arrayType(result)));
            }
            case INPLACE_MUL -> {
                ListRepr l = resizable(hop, list(hop, 0), "lst *= n");
                hop.gendirectcall(helper("ll_mul_inplace"), hop.arg(0), hop.inputarg(Repr.SIGNED, 1), arrayType(l));
                yield hop.arg(0);
            }
            default -> throw hop.error("'" + op.opname() + "' on lists has no low-level translation");
        };
    }

    /**
     * A slice {@code a:b:c} is a struct of its bounds and step; a missing step is 1. A missing
     * bound is the number CPython's {@code PySlice_Unpack} puts there, which the helpers' one
     * clamping then turns into the right end: a missing start is 0 for a positive step and the
     * largest int for a negative one (clamped to the last item), a missing stop the largest int
     * for a positive step and the smallest for a negative one (before the first item). The
     * helpers count negative bounds from the end and clamp them to the list. (A missing bound
     * used to be the smallest int whatever the step, which a real bound of -2**63 was mistaken
     * for: fuzz seed 713181.)
     */
    static final GcStruct SLICE_STRUCT = GcStruct.of("slice", new Field("start", Primitive.SIGNED),
            new Field("stop", Primitive.SIGNED), new Field("step", Primitive.SIGNED));
    static final Repr SLICE = new Repr.TupleRepr(List.of(Repr.SIGNED, Repr.SIGNED, Repr.SIGNED), new Ptr(SLICE_STRUCT));

    /** The repr of a slice ({@code SomeSlice}). */
    static Repr sliceRepr() {
        return SLICE;
    }

    private static Value newslice(HighLevelOp hop) {
        Value step = bound(hop, 2, LLConstant.signed(1));
        Value start = missing(hop, 0) ? missingBound(hop, step, 0L, Long.MAX_VALUE, INT_AND) : hop.inputarg(Repr.SIGNED, 0);
        Value stop = missing(hop, 1) ? missingBound(hop, step, Long.MAX_VALUE, Long.MIN_VALUE, INT_XOR) : hop.inputarg(Repr.SIGNED, 1);
        Value p = hop.genop(MALLOC, List.of(LLConstant.voidOf(SLICE_STRUCT)), new Ptr(SLICE_STRUCT));
        hop.genop(SETFIELD, List.of(p, LLConstant.voidOf("start"), start), Primitive.VOID);
        hop.genop(SETFIELD, List.of(p, LLConstant.voidOf("stop"), stop), Primitive.VOID);
        hop.genop(SETFIELD, List.of(p, LLConstant.voidOf("step"), step), Primitive.VOID);
        return p;
    }

    private static boolean missing(HighLevelOp hop, int i) {
        return hop.argReprs.get(i) instanceof Repr.ConstantRepr(var v) && v == PySingleton.NONE;
    }

    /**
     * A missing bound: {@code forward} for a positive step, {@code backward} for a negative one;
     * for a step known only at run time, {@code op(MAX, step >> 63)}, its sign spread over the
     * word: {@code MAX & sign} is 0 or MAX (a start), {@code MAX ^ sign} MAX or MIN (a stop).
     */
    private static Value missingBound(HighLevelOp hop, Value step, long forward, long backward, LLOp op) {
        if (step instanceof Constant c && c.value() instanceof LLConstant k && k.value() instanceof Long n) {
            return LLConstant.signed(n < 0 ? backward : forward);
        }
        Value sign = hop.genop(INT_RSHIFT, List.of(step, LLConstant.signed(63)), Primitive.SIGNED);
        return hop.genop(op, List.of(LLConstant.signed(Long.MAX_VALUE), sign), Primitive.SIGNED);
    }

    private static Value bound(HighLevelOp hop, int i, Value ifNone) {
        return hop.argReprs.get(i) instanceof Repr.ConstantRepr(var v) && v == PySingleton.NONE ? ifNone
                : hop.inputarg(Repr.SIGNED, i);
    }

    /** {@code lst.name(args)}: the list is argument 0 (the method is the object), the method's arguments follow. */
    static Value method(RTyper rtyper, HighLevelOp hop, Repr.BuiltinMethodRepr m) {
        ListRepr l = (ListRepr) m.self();
        Value self = hop.arg(0);
        String name = m.name().substring("list.".length());
        if (hop.spaceop.op() == HLOp.CALL_ARGS && !name.equals("sort")) {
            throw hop.error(m.name() + "() with keywords has no low-level translation in this part");
        }
        return switch (name) {
            case "append" -> {
                resizable(hop, l, "append");
                hop.gendirectcall(helper("ll_append"), self, hop.inputarg(l.item(), 1), arrayType(l));
                yield rtyper.none();
            }
            case "pop" -> {
                resizable(hop, l, "pop");
                Value v = hop.nargs() == 1 ? hop.gendirectcall(helper("ll_pop_default"), self, arrayType(l))
                        : hop.gendirectcall(helper("ll_pop"), self, hop.inputarg(Repr.SIGNED, 1), arrayType(l));
                yield hop.convert(v, l.item(), hop.resultRepr);
            }
            case "insert" -> {
                resizable(hop, l, "insert");
                hop.gendirectcall(helper("ll_insert"), self, hop.inputarg(Repr.SIGNED, 1), hop.inputarg(l.item(), 2),
                        arrayType(l));
                yield rtyper.none();
            }
            case "extend" -> {
                resizable(hop, l, "extend");
                if (!(hop.argReprs.get(1) instanceof ListRepr o)) {
                    throw hop.error("lst.extend() of a " + hop.argReprs.get(1).lowleveltype()
                            + " has no low-level translation (a list only)");
                }
                Value other = hop.arg(1);
                hop.gendirectcall(helper("ll_extend"), self, items(hop, o, other), length(hop, o, other), arrayType(l));
                yield rtyper.none();
            }
            case "remove" -> {
                resizable(hop, l, "remove");
                hop.gendirectcall(helper("ll_remove"), equal(hop, l, 1), self, needle(hop, l, 1), arrayType(l));
                yield rtyper.none();
            }
            case "clear" -> {
                resizable(hop, l, "clear");
                hop.gendirectcall(helper("ll_clear"), self, arrayType(l));
                yield rtyper.none();
            }
            case "reverse" -> {
                hop.gendirectcall(helper("ll_reverse"), items(hop, l, self), length(hop, l, self));
                yield rtyper.none();
            }
            case "sort" -> {
                sort(hop, items(hop, l, self), length(hop, l, self), reverse(hop, 1), l);
                yield rtyper.none();
            }
            case "index", "count" -> {
                Value v = hop.gendirectcall(helper("ll_" + name), equal(hop, l, 1), items(hop, l, self), length(hop, l, self),
                        needle(hop, l, 1));
                yield hop.convert(v, Repr.SIGNED, hop.resultRepr);
            }
            default -> throw hop.error(m.name() + "() has no low-level translation in this part");
        };
    }

    /** Whether {@code name(...)} is a builtin these rules translate. */
    static boolean handlesBuiltin(HighLevelOp hop, String name) {
        return switch (name) {
            case "list" -> hop.nargs() <= 2 && hop.spaceop.op() == HLOp.SIMPLE_CALL;
            case "sorted" -> hop.nargs() == 2 && hop.spaceop.op() == HLOp.SIMPLE_CALL || isSortedReverse(hop);
            case "min", "max" -> hop.nargs() == 2 && hop.argReprs.get(1) instanceof ListRepr;
            case "sum" -> hop.argReprs.size() >= 2 && hop.argReprs.get(1) instanceof ListRepr
                    && hop.spaceop.op() == HLOp.SIMPLE_CALL;
            default -> false;
        };
    }

    /** {@code sorted(x, reverse=r)}: the callee, the call's shape, {@code x}, {@code r}. */
    private static boolean isSortedReverse(HighLevelOp hop) {
        return hop.spaceop.op() == HLOp.CALL_ARGS && hop.keywords().equals(List.of("reverse")) && hop.nargs() == 4;
    }

    /**
     * The {@code reverse=} keyword of a call whose other arguments end before {@code first}, as a
     * Bool, or null if there is none. Only {@code reverse=} is taken.
     */
    private static Value reverse(HighLevelOp hop, int first) {
        if (hop.spaceop.op() != HLOp.CALL_ARGS) {
            return null;
        }
        if (!hop.keywords().equals(List.of("reverse")) || hop.nargs() != first + 2) {
            throw hop.error("sort() takes reverse= only, here");
        }
        return hop.inputarg(Repr.BOOL, first + 1);
    }

    /**
     * Sorts {@code n} items in place. {@code reverse=True} is reversing, a stable sort, and
     * reversing again: equal items keep their order, as Python's {@code reverse=True} promises.
     */
    private static void sort(HighLevelOp hop, Value items, Value n, Value reverse, ListRepr l) {
        if (reverse == null) {
            hop.gendirectcall(helper("ll_sort"), lessThan(hop, l), items, n, arrayType(l));
        } else {
            hop.gendirectcall(helper("ll_sort_reversed"), lessThan(hop, l), items, n, reverse, arrayType(l));
        }
    }

    /** {@code list(x)} and {@code sorted(x)} of a list, a range or any iterable ({@link ListOf}); {@code min}, {@code max}, {@code sum} of a list. */
    static Value builtin(RTyper rtyper, HighLevelOp hop, String name) {
        return switch (name) {
            case "list", "sorted" -> {
                ListRepr result = (ListRepr) hop.resultRepr;
                int at = hop.spaceop.op() == HLOp.CALL_ARGS ? 2 : 1;   // past the call's shape
                if (hop.nargs() == 1) {   // list(): empty
                    yield wrap(hop, result, hop.genop(MALLOC_VARSIZE, List.of(arrayType(result), LLConstant.signed(0)),
                            arrayPtr(result)));
                }
                if (!(hop.argReprs.get(at) instanceof ListRepr || hop.argReprs.get(at) instanceof RangeRepr)) {
                    Value made = ListOf.list(hop, at, result, arrayType(result));
                    if (name.equals("sorted")) {
                        sort(hop, items(hop, result, made), length(hop, result, made), reverse(hop, at), result);
                    }
                    yield made;
                }
                Value array = switch (hop.argReprs.get(at)) {
                    case ListRepr l -> {
                        Value x = hop.arg(at);
                        yield hop.gendirectcall(helper("ll_copy"), items(hop, l, x), length(hop, l, x), arrayType(result));
                    }
                    case RangeRepr r -> {
                        Value g = hop.arg(at);
                        yield hop.gendirectcall(helper("ll_range_items"), field(hop, g, "start"), field(hop, g, "stop"),
                                field(hop, g, "step"), arrayType(result));
                    }
                    default -> throw new IllegalStateException("not a list or a range");
                };
                if (name.equals("sorted")) {
                    sort(hop, array, hop.genop(GETARRAYSIZE, List.of(array), Primitive.SIGNED), reverse(hop, at), result);
                }
                yield wrap(hop, result, array);
            }
            case "min", "max" -> {
                ListRepr l = list(hop, 1);
                Value x = hop.arg(1);
                yield hop.convert(hop.gendirectcall(helper("ll_" + name), lessThan(hop, l), items(hop, l, x), length(hop, l, x)), l.item(),
                        hop.resultRepr);
            }
            case "sum" -> {
                ListRepr l = list(hop, 1);
                Value x = hop.arg(1);
                Value start = hop.nargs() > 2 ? hop.inputarg(hop.resultRepr, 2)
                        : hop.resultRepr == Repr.FLOAT ? LLConstant.of(0.0, Primitive.FLOAT) : LLConstant.signed(0);
                yield hop.gendirectcall(helper("ll_sum"), items(hop, l, x), length(hop, l, x), start);
            }
            default -> throw hop.error("the builtin " + name + "() has no low-level translation in this part");
        };
    }

    // ---- what the helpers are passed --------------------------------------------------------------

    private static ListRepr list(HighLevelOp hop, int i) {
        if (!(hop.argReprs.get(i) instanceof ListRepr l)) {
            throw hop.error("expected a list, not " + hop.argReprs.get(i).lowleveltype());
        }
        return l;
    }

    private static ListRepr resizable(HighLevelOp hop, ListRepr l, String what) {
        if (!l.resizable()) {
            throw hop.error(what + " on a list the annotator did not see resized (" + l.lowleveltype() + ")");
        }
        return l;
    }

    /**
     * The {@code EQ} that {@code in}, {@code index}, {@code count} and {@code remove} find an
     * item with, a constant function: the low level's {@code ==} for numbers, chars and instances
     * ({@code rlist.ll_eq_items}), else the items' own ({@code item_eq} of {@link ItemFunctions}:
     * strs by their chars, tuples and lists item by item), the one {@code lst1 == lst2} uses.
     */
    private static Value equal(HighLevelOp hop, ListRepr l) {
        return comparedByLowLevelEq(l) ? LLConstant.voidOf(hop.rtyper().helpers.function(helper("ll_eq_items")))
                : hop.rtyper().items.eq(hop, l.item());
    }

    /**
     * The {@code ==} of the items with argument {@code i} of {@code x in l}, {@code l.index(x)},
     * {@code l.count(x)}: the items' own, but a list of chars searched for a string
     * ({@code '' in [':', 'a']}, fuzz seed 300303) compares each char with the string
     * ({@code rlist.ll_eq_char_str}): the string is no char, so it cannot become one.
     */
    private static Value equal(HighLevelOp hop, ListRepr l, int i) {
        if (listSearchedForAnotherList(hop, l, i)) {
            return hop.rtyper().items.eqAgainst(hop, l.item(), hop.argReprs.get(i),
                    hop.rtyper().annotation(hop.spaceop.args().get(i)));
        }
        return charsSearchedForAString(hop, l, i) ? LLConstant.voidOf(hop.rtyper().helpers.function(helper("ll_eq_char_str")))
                : equal(hop, l);
    }

    /**
     * Argument {@code i} as the items' {@link #equal} takes it: an item, the string a list of
     * chars is searched for, or a list as it is.
     */
    private static Value needle(HighLevelOp hop, ListRepr l, int i) {
        return listSearchedForAnotherList(hop, l, i) ? hop.arg(i)
                : charsSearchedForAString(hop, l, i) ? hop.inputarg(Repr.STR, i) : hop.inputarg(l.item(), i);
    }

    /**
     * A list of lists searched for a list of another repr ({@code [16, 5] in rows}, the literal
     * never resized, the rows resized, fuzz seed 711039): compared as two lists are, no
     * conversion needed.
     */
    private static boolean listSearchedForAnotherList(HighLevelOp hop, ListRepr l, int i) {
        return l.item() instanceof ListRepr && hop.argReprs.get(i) instanceof ListRepr x && !x.equals(l.item());
    }

    private static boolean charsSearchedForAString(HighLevelOp hop, ListRepr l, int i) {
        return l.item().equals(Repr.CHAR) && hop.argReprs.get(i).lowleveltype() != Primitive.CHAR;   // a str, or a constant one
    }

    /** Whether the items' {@code ==} is the low level's: numbers, chars, and instances (by identity, RPy's {@code ==}). */
    static boolean comparedByLowLevelEq(ListRepr l) {
        return l.item() instanceof Repr.PrimitiveRepr || l.item() instanceof Repr.InstanceRepr;
    }

    /**
     * The {@code LT} sorting, {@code min} and {@code max} take, a constant function: the low
     * level's {@code <} for numbers and chars ({@code rlist.ll_lt}), else the items' own
     * ({@code item_lt} of {@link ItemFunctions}: strs by their chars, tuples and lists item by item).
     */
    private static Value lessThan(HighLevelOp hop, ListRepr l) {
        return l.item() instanceof Repr.PrimitiveRepr ? LLConstant.voidOf(hop.rtyper().helpers.function(helper("ll_lt")))
                : hop.rtyper().items.lt(hop, l.item());
    }

    /** The type of the items' array, as a {@code Void} constant for a helper that allocates one. */
    private static Value arrayType(ListRepr l) {
        return LLConstant.voidOf(arrayPtr(l).to());
    }

    private static Ptr arrayPtr(ListRepr l) {
        return l.resizable() ? (Ptr) ((GcStruct) l.lowleveltype().to()).field("items").type() : l.lowleveltype();
    }

    /** The array of a list's items (the list itself if it is never resized). */
    static Value items(HighLevelOp hop, ListRepr l, Value list) {
        return l.resizable() ? hop.genop(GETFIELD, List.of(list, LLConstant.voidOf("items")), arrayPtr(l)) : list;
    }

    /** How many of the items are in use. */
    static Value length(HighLevelOp hop, ListRepr l, Value list) {
        return l.resizable() ? hop.genop(GETFIELD, List.of(list, LLConstant.voidOf("length")), Primitive.SIGNED)
                : hop.genop(GETARRAYSIZE, List.of(list), Primitive.SIGNED);
    }

    private static Value field(HighLevelOp hop, Value struct, String name) {
        return hop.genop(GETFIELD, List.of(struct, LLConstant.voidOf(name)), Primitive.SIGNED);
    }

    /** A list of repr {@code l} over a new {@code array} of exactly its length. */
    private static Value wrap(HighLevelOp hop, ListRepr l, Value array) {
        if (!l.resizable()) {
            return array;
        }
        Value list = hop.genop(MALLOC, List.of(LLConstant.voidOf(l.lowleveltype().to())), l.lowleveltype());
        hop.genop(SETFIELD, List.of(list, LLConstant.voidOf("length"),
                hop.genop(GETARRAYSIZE, List.of(array), Primitive.SIGNED)), Primitive.VOID);
        hop.genop(SETFIELD, List.of(list, LLConstant.voidOf("items"), array), Primitive.VOID);
        return list;
    }
}
