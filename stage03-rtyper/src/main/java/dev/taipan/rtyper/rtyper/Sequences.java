package dev.taipan.rtyper.rtyper;

import static dev.taipan.rtyper.lloperation.LLOp.*;

import dev.taipan.annotator.SomeValue;
import dev.taipan.annotator.SomeValue.SomeInteger;
import dev.taipan.annotator.SomeValue.SomeIterator;
import dev.taipan.annotator.SomeValue.SomeList;
import dev.taipan.annotator.SomeValue.SomeString;
import dev.taipan.annotator.SomeValue.SomeTuple;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.host.PyList;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyRange;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.flowgraph.host.PyTuple;
import dev.taipan.rtyper.image.Database;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.image.Section;
import dev.taipan.rtyper.image.Slot;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.GcArray;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Strings;
import dev.taipan.rtyper.rtyper.Repr.IteratorRepr;
import dev.taipan.rtyper.rtyper.Repr.ListRepr;
import dev.taipan.rtyper.rtyper.Repr.RangeRepr;
import dev.taipan.rtyper.rtyper.Repr.StrRepr;
import dev.taipan.rtyper.rtyper.Repr.TupleRepr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Strings, lists, ranges, tuples and their iterators (PyPy's {@code rstr.py}, {@code rlist.py},
 * {@code rrange.py}, {@code rtuple.py}): their low-level types, their constants in the image, and
 * the rules of what this part does with them: {@code len}, indexing (IndexError checked always,
 * negative indexes counted from the end), iteration, building a list or a tuple.
 *
 * <p>The shapes, as PyPy's:
 * <ul>
 *   <li>a list never resized is its array, {@code Ptr(GcArray(item))}; a list the program grows
 *       is {@code Ptr(GcStruct list {length, items: Ptr(GcArray(item))})}, whose array is longer
 *       than {@code length} once it has grown (over-allocation, in part 2's helpers);</li>
 *   <li>a tuple is an immutable {@code GcStruct tuple2 {item0, item1}};</li>
 *   <li>{@code range(start, stop, step)} is a {@code GcStruct range {start, stop, step}}, never a list;</li>
 *   <li>an iterator is {@code {seq, index}}, or {@code {next, stop, step}} over a range. Each
 *       {@code for} loop allocates one: the malloc removal of part 2 makes them local variables.</li>
 * </ul>
 * Struct types compare by identity, so each shape is made once per item type and kept here.
 */
final class Sequences {
    static final GcStruct RANGE = GcStruct.of("range", new Field("start", Primitive.SIGNED),
            new Field("stop", Primitive.SIGNED), new Field("step", Primitive.SIGNED));
    private static final GcStruct RANGE_ITER = GcStruct.of("rangeiter", new Field("next", Primitive.SIGNED),
            new Field("stop", Primitive.SIGNED), new Field("step", Primitive.SIGNED));

    private final RTyper rtyper;
    private final Database database;
    private final Map<LowLevelType, Ptr> resizableLists = new HashMap<>();
    private final Map<List<LowLevelType>, Ptr> tuples = new HashMap<>();
    private final Map<Repr, Ptr> iterators = new HashMap<>();

    Sequences(RTyper rtyper, Database database) {
        this.rtyper = rtyper;
        this.database = database;
    }

    // ---- representations --------------------------------------------------------------------

    /** The repr of a str, list, tuple or iterator annotation, or null if {@code s} is none of them. */
    Repr reprOf(SomeValue s, GraphConverter converter, int line) {
        return switch (s) {
            case SomeString str -> Repr.STR;
            case SomeList l when l.listdef().isRange() -> new RangeRepr(new Ptr(RANGE));
            case SomeList l -> {
                Repr item = rtyper.reprOf(l.listdef().itemValue(), converter, line);
                yield new ListRepr(item, listType(item.lowleveltype(), l.listdef().resized()));
            }
            case SomeTuple t -> {
                // an item known now is still stored: it has the repr of its type, not a constant's
                List<Repr> items = t.items().stream().map(x -> rtyper.reprOf(x.withoutConst(), converter, line)).toList();
                yield new TupleRepr(items, tupleType(items.stream().map(Repr::lowleveltype).toList()));
            }
            case SomeIterator it when it.variant() == SomeIterator.Variant.ITEMS -> {
                Repr container = rtyper.reprOf(it.container(), converter, line);
                if (container == Repr.CHAR || container instanceof Repr.ConstantRepr(PyStr k)) {
                    // a char (for c in chr(n)) or a str known now is walked as a str: iter() converts it
                    container = Repr.STR;
                }
                Repr item = rtyper.reprOf(it.item(), converter, line);
                if (!(container instanceof StrRepr || container instanceof ListRepr || container instanceof RangeRepr
                        || container instanceof TupleRepr)) {
                    yield null;
                }
                yield new IteratorRepr(container, item, iteratorType(container, item));
            }
            default -> null;
        };
    }

    private Ptr listType(LowLevelType item, boolean resizable) {
        Ptr array = new Ptr(new GcArray(item));
        if (!resizable) {
            return array;
        }
        return resizableLists.computeIfAbsent(item, t -> new Ptr(GcStruct.of("list",
                new Field("length", Primitive.SIGNED), new Field("items", array))));
    }

    private Ptr tupleType(List<LowLevelType> items) {
        return tuples.computeIfAbsent(items, ts -> {
            List<Field> fields = new ArrayList<>();
            for (int i = 0; i < ts.size(); i++) {
                fields.add(new Field("item" + i, ts.get(i)));
            }
            return new Ptr(GcStruct.of("tuple" + ts.size(), fields.toArray(Field[]::new)));
        });
    }

    Ptr iteratorType(Repr container, Repr item) {
        return iterators.computeIfAbsent(container, c -> switch (c) {
            case RangeRepr r -> new Ptr(RANGE_ITER);
            case TupleRepr t -> new Ptr(GcStruct.of("tupleiter", new Field("seq", tupleItems(item)),
                    new Field("index", Primitive.SIGNED)));
            default -> new Ptr(GcStruct.of(c instanceof StrRepr ? "striter" : "listiter",
                    new Field("seq", c.lowleveltype()), new Field("index", Primitive.SIGNED)));
        });
    }

    /**
     * A tuple is iterated over as a list of its items: {@code iter()} copies them into an array,
     * since a struct's fields cannot be indexed at run time (an empty tuple's is of Signed: it is
     * never read).
     */
    private static Ptr tupleItems(Repr item) {
        return new Ptr(new GcArray(item.lowleveltype() == Primitive.VOID ? Primitive.SIGNED : item.lowleveltype()));
    }

    // ---- constants in the image ---------------------------------------------------------------

    /** The prebuilt low-level object of a str, tuple or list constant of repr {@code r}, or null if it is none. */
    Prebuilt constant(PyObject value, Repr r) {
        return switch (value) {
            case PyStr s when r instanceof StrRepr -> rtyper.strings.of(s.value());
            case dev.taipan.flowgraph.host.PyBytes b when r instanceof StrRepr ->
                    rtyper.strings.of(new String(b.value(), java.nio.charset.StandardCharsets.ISO_8859_1));
            case PyRange g when r instanceof RangeRepr -> database.convert(g, () -> new Prebuilt(RANGE, Section.RODATA), p -> {
                p.field("start").set(g.start());
                p.field("stop").set(g.stop());
                p.field("step").set(g.step());
            });
            case PyTuple t when r instanceof TupleRepr tr -> database.convert(t,
                    () -> new Prebuilt(tr.lowleveltype().to(), Section.RODATA),
                    p -> {
                        for (int i = 0; i < tr.items().size(); i++) {
                            store(p.field("item" + i), t.items().get(i), tr.items().get(i));
                        }
                    });
            case PyList l when r instanceof ListRepr lr -> database.convert(l,
                    () -> lr.resizable() ? new Prebuilt(lr.lowleveltype().to(), Section.DATA)
                            : new Prebuilt(lr.lowleveltype().to(), l.items().size(), Section.DATA),
                    p -> {
                        Prebuilt items = p;
                        if (lr.resizable()) {
                            items = new Prebuilt(((Ptr) ((GcStruct) lr.lowleveltype().to()).field("items").type()).to(),
                                    l.items().size(), Section.DATA);
                            p.field("length").set((long) l.items().size());
                            p.field("items").set(items);
                        }
                        for (int i = 0; i < l.items().size(); i++) {
                            store(items.item(i), l.items().get(i), lr.item());
                        }
                    });
            default -> null;
        };
    }

    /** Puts the host value {@code v}, of repr {@code r}, in a slot of a prebuilt object. */
    private void store(Slot slot, PyObject v, Repr r) {
        if (r.lowleveltype() != Primitive.VOID) {
            slot.set(rtyper.prebuiltValue(v, r));
        }
    }

    // ---- operations ---------------------------------------------------------------------------

    /** {@code len(x)}. */
    Value len(HighLevelOp hop, int i) {
        Repr r = hop.argReprs.get(i);
        return length(hop, r, hop.inputarg(r, i));
    }

    Value length(HighLevelOp hop, Repr r, Value v) {
        return switch (r) {
            case StrRepr s -> hop.genop(GETINTERIORARRAYSIZE, List.of(v, LLConstant.voidOf(Strings.CHARS)), Primitive.SIGNED);
            case ListRepr l when l.resizable() -> hop.genop(GETFIELD, List.of(v, LLConstant.voidOf("length")), Primitive.SIGNED);
            case ListRepr l -> hop.genop(GETARRAYSIZE, List.of(v), Primitive.SIGNED);
            case TupleRepr t -> LLConstant.signed(t.items().size());
            // A str known at translation time (a constant argument: the annotator made the parameter constant).
            case Repr.ConstantRepr(dev.taipan.flowgraph.host.PyStr s) -> LLConstant.signed(s.value().length());
            case Repr.PrimitiveRepr p when r == Repr.CHAR -> LLConstant.signed(1);   // a str of one char (chr(n))
            case RangeRepr g -> hop.gendirectcall(new LowLevelHelpers.Helper("rpython.rtyper.rrange", "ll_range_len"), v);
            default -> throw hop.error("len() of " + r.lowleveltype() + " has no low-level translation in this part");
        };
    }

    /** {@code x[i]}: a char of a str, an item of a list or (at a constant index) of a tuple. */
    Value getitem(RTyper rtyper, HighLevelOp hop) {
        Repr r = hop.argReprs.get(0) instanceof Repr.ConstantRepr(PyStr s) ? Repr.STR : hop.argReprs.get(0);   // "abc"[i]
        if (r instanceof TupleRepr t) {
            int k = tupleIndex(hop, t);
            Value item = hop.genop(GETFIELD, List.of(hop.inputarg(r, 0), LLConstant.voidOf("item" + k)),
                    t.items().get(k).lowleveltype());
            return hop.convert(item, t.items().get(k), hop.resultRepr);
        }
        if (!(r instanceof StrRepr || r instanceof ListRepr) || !isIndex(hop.argReprs.get(1))) {
            throw hop.error("indexing " + r.lowleveltype() + " with " + hop.argReprs.get(1).lowleveltype()
                    + " has no low-level translation in this part (slices come in part 2)");
        }
        List<Value> checked = checkedIndex(rtyper, hop, r, r instanceof StrRepr ? "string index out of range"
                : "list index out of range");
        Value seq = checked.get(0);
        Value i = checked.get(1);
        return switch (r) {
            case StrRepr s -> byteOrChar(hop, hop.genop(GETINTERIORFIELD, List.of(seq, LLConstant.voidOf(Strings.CHARS), i),
                    Primitive.CHAR), hop.resultRepr);
            case ListRepr l -> hop.convert(hop.genop(GETARRAYITEM, List.of(items(hop, l, seq), i),
                    l.item().lowleveltype()), l.item(), hop.resultRepr);
            default -> throw new IllegalStateException();
        };
    }

    /** {@code lst[i] = v}. */
    Value setitem(RTyper rtyper, HighLevelOp hop) {
        if (!(hop.argReprs.get(0) instanceof ListRepr l) || !isIndex(hop.argReprs.get(1))) {
            throw hop.error("item assignment to " + hop.argReprs.get(0).lowleveltype() + " with "
                    + hop.argReprs.get(1).lowleveltype() + " has no low-level translation in this part");
        }
        Value v = hop.inputarg(l.item(), 2);
        List<Value> checked = checkedIndex(rtyper, hop, l, "list assignment index out of range", v);
        hop.genop(SETARRAYITEM, List.of(items(hop, l, checked.get(0)), checked.get(1), checked.get(2)), Primitive.VOID);
        return rtyper.none();
    }

    private static boolean isIndex(Repr r) {
        return r == Repr.SIGNED || r == Repr.BOOL;
    }

    /**
     * The sequence (argument 0) and the index (argument 1) made into a valid index: counted from
     * the end when negative, and {@code IndexError} raised when out of range, both tests skipped
     * when the annotator or a constant shows them useless. Returns the sequence, the index, then
     * {@code more}, renamed past the check.
     */
    private List<Value> checkedIndex(RTyper rtyper, HighLevelOp hop, Repr r, String message, Value... more) {
        Value seq = hop.inputarg(r, 0);
        Value i = hop.inputarg(Repr.SIGNED, 1);
        Value n = length(hop, r, seq);
        boolean nonneg = rtyper.annotation(hop.spaceop.args().get(1)) instanceof SomeInteger si && si.nonneg()
                || i instanceof Constant c && c.value() instanceof LLConstant k && (Long) k.value() >= 0;
        if (!nonneg) {
            // i + (n if i < 0 else 0), without a branch: i >> 63 is all ones exactly when i < 0
            Value sign = hop.genop(INT_RSHIFT, List.of(i, LLConstant.signed(63)), Primitive.SIGNED);
            i = hop.genop(INT_ADD, List.of(i, hop.genop(INT_AND, List.of(sign, n), Primitive.SIGNED)), Primitive.SIGNED);
        }
        // one unsigned comparison covers both i < 0 and i >= n
        Value outside = hop.genop(UINT_GE, List.of(hop.genop(CAST_INT_TO_UINT, List.of(i), Primitive.UNSIGNED),
                hop.genop(CAST_INT_TO_UINT, List.of(n), Primitive.UNSIGNED)), Primitive.BOOL);
        List<Value> live = new ArrayList<>(List.of(seq, i));
        live.addAll(List.of(more));
        return hop.raiseIf(outside, rtyper.classes.builtin("IndexError"), message, live);
    }

    private static int tupleIndex(HighLevelOp hop, TupleRepr t) {
        if (!(hop.spaceop.args().get(1) instanceof Constant c && c.value() instanceof PyInt k)) {
            throw hop.error("a tuple is indexed by a constant only (RPy's rule)");
        }
        long i = k.longValue() < 0 ? k.longValue() + t.items().size() : k.longValue();
        if (i < 0 || i >= t.items().size()) {
            throw hop.error("tuple index " + k.longValue() + " out of range for a tuple of " + t.items().size());
        }
        return (int) i;
    }

    /** The array of a list's items. */
    private static Value items(HighLevelOp hop, ListRepr l, Value list) {
        return l.resizable() ? hop.genop(GETFIELD, List.of(list, LLConstant.voidOf("items")),
                ((GcStruct) l.lowleveltype().to()).field("items").type()) : list;
    }

    /** {@code [a, b, c]}: an array of that length, or a resizable list over one. */
    Value newlist(HighLevelOp hop) {
        ListRepr l = (ListRepr) hop.resultRepr;
        LowLevelType arrayPtr = l.resizable() ? ((GcStruct) l.lowleveltype().to()).field("items").type() : l.lowleveltype();
        Value n = LLConstant.signed(hop.nargs());
        Value array = hop.genop(MALLOC_VARSIZE, List.of(LLConstant.voidOf(((Ptr) arrayPtr).to()), n), arrayPtr);
        for (int i = 0; i < hop.nargs(); i++) {
            hop.genop(SETARRAYITEM, List.of(array, LLConstant.signed(i), hop.inputarg(l.item(), i)), Primitive.VOID);
        }
        if (!l.resizable()) {
            return array;
        }
        Value list = hop.genop(MALLOC, List.of(LLConstant.voidOf(l.lowleveltype().to())), l.lowleveltype());
        hop.genop(SETFIELD, List.of(list, LLConstant.voidOf("length"), n), Primitive.VOID);
        hop.genop(SETFIELD, List.of(list, LLConstant.voidOf("items"), array), Primitive.VOID);
        return list;
    }

    /** {@code (a, b)}. */
    Value newtuple(HighLevelOp hop) {
        List<HighLevelOp.CallArg> items = new ArrayList<>();
        for (int i = 0; i < hop.nargs(); i++) {
            items.add(new HighLevelOp.CallArg(hop.arg(i), hop.argReprs.get(i)));
        }
        return newtuple(hop, (TupleRepr) hop.resultRepr, items);
    }

    /** A new tuple of repr {@code t} holding {@code items}: also the {@code *rest} tuple of a call. */
    Value newtuple(HighLevelOp hop, TupleRepr t, List<HighLevelOp.CallArg> items) {
        Value p = hop.genop(MALLOC, List.of(LLConstant.voidOf(t.lowleveltype().to())), t.lowleveltype());
        for (int i = 0; i < items.size(); i++) {
            Value v = hop.convert(items.get(i).value(), items.get(i).repr(), t.items().get(i));
            hop.genop(SETFIELD, List.of(p, LLConstant.voidOf("item" + i), v), Primitive.VOID);
        }
        return p;
    }

    /** {@code range(stop)}, {@code range(start, stop[, step])}; a step of zero raises ValueError. */
    Value range(RTyper rtyper, HighLevelOp hop) {
        List<Value> a = new ArrayList<>();
        for (int i = 1; i < hop.nargs(); i++) {
            a.add(hop.inputarg(Repr.SIGNED, i));
        }
        Value start = a.size() == 1 ? LLConstant.signed(0) : a.get(0);
        Value stop = a.size() == 1 ? a.get(0) : a.get(1);
        Value step = a.size() == 3 ? a.get(2) : LLConstant.signed(1);
        if (step instanceof Constant c && c.value() instanceof LLConstant k && (Long) k.value() == 0) {
            throw hop.error("range() arg 3 must not be zero");
        }
        if (!(step instanceof Constant)) {
            Value zero = hop.genop(INT_EQ, List.of(step, LLConstant.signed(0)), Primitive.BOOL);
            List<Value> after = hop.raiseIf(zero, rtyper.classes.builtin("ValueError"), "range() arg 3 must not be zero",
                    List.of(start, stop, step));
            start = after.get(0);
            stop = after.get(1);
            step = after.get(2);
        }
        Ptr type = new Ptr(RANGE);
        Value r = hop.genop(MALLOC, List.of(LLConstant.voidOf(RANGE)), type);
        hop.genop(SETFIELD, List.of(r, LLConstant.voidOf("start"), start), Primitive.VOID);
        hop.genop(SETFIELD, List.of(r, LLConstant.voidOf("stop"), stop), Primitive.VOID);
        hop.genop(SETFIELD, List.of(r, LLConstant.voidOf("step"), step), Primitive.VOID);
        return r;
    }

    /** {@code iter(x)}: a new iterator at the start. */
    Value iter(HighLevelOp hop) {
        IteratorRepr it = (IteratorRepr) hop.resultRepr;
        return iterOf(hop, it, hop.inputarg(it.container(), 0));
    }

    /** A new iterator of repr {@code it} at the start of {@code seq}. */
    Value iterOf(HighLevelOp hop, IteratorRepr it, Value seq) {
        Value p = hop.genop(MALLOC, List.of(LLConstant.voidOf(it.lowleveltype().to())), it.lowleveltype());
        if (it.container() instanceof TupleRepr t) {
            Ptr array = tupleItems(it.item());
            Value items = hop.genop(MALLOC_VARSIZE, List.of(LLConstant.voidOf(array.to()), LLConstant.signed(t.items().size())),
                    array);
            for (int k = 0; k < t.items().size(); k++) {
                Value v = hop.genop(GETFIELD, List.of(seq, LLConstant.voidOf("item" + k)), t.items().get(k).lowleveltype());
                hop.genop(SETARRAYITEM, List.of(items, LLConstant.signed(k), hop.convert(v, t.items().get(k), it.item())),
                        Primitive.VOID);
            }
            hop.genop(SETFIELD, List.of(p, LLConstant.voidOf("seq"), items), Primitive.VOID);
        } else if (it.container() instanceof RangeRepr) {
            for (String f : List.of("start", "stop", "step")) {
                Value v = hop.genop(GETFIELD, List.of(seq, LLConstant.voidOf(f)), Primitive.SIGNED);
                hop.genop(SETFIELD, List.of(p, LLConstant.voidOf(f.equals("start") ? "next" : f), v), Primitive.VOID);
            }
        } else {
            hop.genop(SETFIELD, List.of(p, LLConstant.voidOf("seq"), seq), Primitive.VOID);
            hop.genop(SETFIELD, List.of(p, LLConstant.voidOf("index"), LLConstant.signed(0)), Primitive.VOID);
        }
        return p;
    }

    /**
     * Moves a new str, list or tuple iterator {@code p} to its last item, for {@code reversed()}:
     * {@link #nextOf} with {@code backward} then walks down to index -1.
     */
    void startAtEnd(HighLevelOp hop, IteratorRepr it, Value p) {
        Repr walked = it.container() instanceof TupleRepr ? new ListRepr(it.item(), tupleItems(it.item())) : it.container();
        Value seq = hop.genop(GETFIELD, List.of(p, LLConstant.voidOf("seq")), walked.lowleveltype());
        Value last = hop.genop(INT_SUB, List.of(length(hop, walked, seq), LLConstant.signed(1)), Primitive.SIGNED);
        hop.genop(SETFIELD, List.of(p, LLConstant.voidOf("index"), last), Primitive.VOID);
    }

    /** {@code next(it)}: the next item, or StopIteration (which a {@code for} loop's exception link catches). */
    Value next(RTyper rtyper, HighLevelOp hop) {
        if (hop.argReprs.getFirst() instanceof Repr.IteratorVariantRepr v) {
            return rtyper.iteratorVariants.next(rtyper, hop, v);
        }
        if (!(hop.argReprs.getFirst() instanceof IteratorRepr it)) {
            throw hop.error("next() of " + hop.argReprs.getFirst().lowleveltype() + " has no low-level translation in this part");
        }
        Next n = nextOf(rtyper, hop, it, hop.inputarg(it, 0), false, List.of());
        return hop.convert(n.item(), it.item(), hop.resultRepr);
    }

    /** The item {@link #nextOf} gave, and the values it was asked to keep, renamed past its checks. */
    record Next(Value item, List<Value> live) { }

    /**
     * The next item of the iterator {@code p} of repr {@code it}, in the repr {@code it.item()},
     * or StopIteration. {@code backward}: the index goes down from the end, for
     * {@code reversed()} of a str, list or tuple (a reversed range is a range iterator that
     * starts at the end, so it goes forward). {@code live}: values of the caller that it needs
     * after the check.
     */
    Next nextOf(RTyper rtyper, HighLevelOp hop, IteratorRepr it, Value p, boolean backward, List<Value> live) {
        ClassRepr stop = rtyper.classes.builtin("StopIteration");
        int k = live.size();
        if (it.container() instanceof RangeRepr) {
            Value cur = hop.genop(GETFIELD, List.of(p, LLConstant.voidOf("next")), Primitive.SIGNED);
            Value end = hop.genop(GETFIELD, List.of(p, LLConstant.voidOf("stop")), Primitive.SIGNED);
            Value step = hop.genop(GETFIELD, List.of(p, LLConstant.voidOf("step")), Primitive.SIGNED);
            // done = step > 0 ? cur >= end : cur <= end, without a branch
            Value up = asInt(hop, hop.genop(INT_GT, List.of(step, LLConstant.signed(0)), Primitive.BOOL));
            Value pastUp = asInt(hop, hop.genop(INT_GE, List.of(cur, end), Primitive.BOOL));
            Value pastDown = asInt(hop, hop.genop(INT_LE, List.of(cur, end), Primitive.BOOL));
            Value down = hop.genop(INT_XOR, List.of(up, LLConstant.signed(1)), Primitive.SIGNED);
            Value done = hop.genop(INT_IS_TRUE, List.of(hop.genop(INT_OR, List.of(
                    hop.genop(INT_AND, List.of(up, pastUp), Primitive.SIGNED),
                    hop.genop(INT_AND, List.of(down, pastDown), Primitive.SIGNED)), Primitive.SIGNED)), Primitive.BOOL);
            List<Value> after = hop.raiseIf(done, stop, null, concat(live, p, cur, step));
            hop.genop(SETFIELD, List.of(after.get(k), LLConstant.voidOf("next"),
                    hop.genop(INT_ADD, List.of(after.get(k + 1), after.get(k + 2)), Primitive.SIGNED)), Primitive.VOID);
            return new Next(hop.convert(after.get(k + 1), Repr.SIGNED, it.item()), after.subList(0, k));
        }
        // a tuple's iterator walks the array of its items, as a list's walks the list
        Repr walked = it.container() instanceof TupleRepr ? new ListRepr(it.item(), tupleItems(it.item())) : it.container();
        Value seq = hop.genop(GETFIELD, List.of(p, LLConstant.voidOf("seq")), walked.lowleveltype());
        Value index = hop.genop(GETFIELD, List.of(p, LLConstant.voidOf("index")), Primitive.SIGNED);
        Value done = backward ? hop.genop(INT_LT, List.of(index, LLConstant.signed(0)), Primitive.BOOL)
                : hop.genop(INT_GE, List.of(index, length(hop, walked, seq)), Primitive.BOOL);
        List<Value> after = hop.raiseIf(done, stop, null, concat(live, p, seq, index));
        Value at = after.get(k + 2);
        hop.genop(SETFIELD, List.of(after.get(k), LLConstant.voidOf("index"),
                hop.genop(INT_ADD, List.of(at, LLConstant.signed(backward ? -1 : 1)), Primitive.SIGNED)), Primitive.VOID);
        List<Value> kept = after.subList(0, k);
        if (it.item().lowleveltype() == Primitive.VOID) {
            return new Next(rtyper.none(), kept);   // the items of an empty tuple: never reached, next() raised
        }
        return new Next(switch (walked) {
            case StrRepr s -> byteOrChar(hop, hop.genop(GETINTERIORFIELD, List.of(after.get(k + 1), LLConstant.voidOf(Strings.CHARS),
                    at), Primitive.CHAR), it.item());
            case ListRepr l -> hop.convert(hop.genop(GETARRAYITEM, List.of(items(hop, l, after.get(k + 1)), at),
                    l.item().lowleveltype()), l.item(), it.item());
            default -> throw new IllegalStateException();
        }, kept);
    }

    /**
     * An item of a string: a char of a str, or, of {@code bytes} (a string at the low level too,
     * see {@link OsRules}), the int Python 3 gives ({@code data[0]}, {@code for b in data}).
     */
    private static Value byteOrChar(HighLevelOp hop, Value c, Repr want) {
        return want == Repr.SIGNED ? hop.genop(CAST_CHAR_TO_INT, List.of(c), Primitive.SIGNED) : hop.convert(c, Repr.CHAR, want);
    }

    private static List<Value> concat(List<Value> live, Value... more) {
        List<Value> all = new ArrayList<>(live);
        all.addAll(List.of(more));
        return all;
    }

    private static Value asInt(HighLevelOp hop, Value b) {
        return hop.genop(CAST_BOOL_TO_INT, List.of(b), Primitive.SIGNED);
    }

    /** The truth of a str, list or tuple: not None and not empty. */
    Value truth(HighLevelOp hop, int i) {
        Repr r = hop.argReprs.get(i);
        Value v = hop.inputarg(r, i);
        if (r instanceof TupleRepr t) {
            return LLConstant.of(!t.items().isEmpty(), Primitive.BOOL);
        }
        if (r instanceof IteratorRepr) {
            return LLConstant.of(true, Primitive.BOOL);
        }
        if (!(rtyper.annotation(hop.spaceop.args().get(i)) instanceof SomeString str && str.canBeNone())) {
            return hop.genop(INT_IS_TRUE, List.of(length(hop, r, v)), Primitive.BOOL);
        }
        // the length of None cannot be read: test it on the branch where the pointer is not null
        Value nonnull = hop.genop(PTR_NONZERO, List.of(v), Primitive.BOOL);
        return hop.select(nonnull, LLConstant.of(false, Primitive.BOOL),
                () -> hop.genop(INT_IS_TRUE, List.of(length(hop, r, hop.inputarg(r, i))), Primitive.BOOL), Primitive.BOOL);
    }

    /** Whether values of {@code r} are this class's business. */
    static boolean handles(Repr r) {
        return r instanceof StrRepr || r instanceof ListRepr || r instanceof RangeRepr || r instanceof TupleRepr
                || r instanceof IteratorRepr;
    }
}
