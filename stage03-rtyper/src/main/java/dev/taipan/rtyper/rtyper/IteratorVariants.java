package dev.taipan.rtyper.rtyper;

import static dev.taipan.rtyper.lloperation.LLOp.*;

import dev.taipan.annotator.SomeValue;
import dev.taipan.annotator.SomeValue.SomeDict;
import dev.taipan.annotator.SomeValue.SomeIterator;
import dev.taipan.annotator.SomeValue.SomeTuple;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.rtyper.Repr.IteratorRepr;
import dev.taipan.rtyper.rtyper.Repr.IteratorVariantRepr;
import dev.taipan.rtyper.rtyper.Repr.RangeRepr;
import dev.taipan.rtyper.rtyper.Repr.TupleRepr;
import dev.taipan.rtyper.rtyper.Sequences.Next;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code enumerate()}, {@code zip()} and {@code reversed()} (PyPy's {@code EnumerateIteratorRepr}
 * of {@code rrange.py} and {@code ReversedListIteratorRepr} of {@code rlist.py}; PyPy's RPython
 * has no zip, ours has, built the same way). Each is an iterator over other iterators, so a
 * {@code for} loop over one allocates its iterators once, and a step is the steps of the
 * iterators inside:
 * <ul>
 *   <li>{@code enumerate(xs, start)}: {@code GcStruct enumerate {it, index}}; a step is a step of
 *       {@code it}, then {@code (index, item)} and {@code index + 1};</li>
 *   <li>{@code zip(a, b, ...)}: {@code GcStruct zip {it0, it1, ...}}; a step is a step of each in
 *       turn, so it stops at the shortest, having taken one more item from those before it, as
 *       CPython does;</li>
 *   <li>{@code reversed(xs)}: the container's own iterator, started at the end: a str's, list's
 *       or tuple's {@code {seq, index}} with the index going down to -1, a range's
 *       {@code {next, stop, step}} made to walk the same range backwards
 *       ({@code rpython/rtyper/riter.py}).</li>
 * </ul>
 * The items of enumerate and zip are tuples, allocated at each step: the malloc removal that
 * stage 05's {@code --opt} brings makes a tuple unpacked at once ({@code for i, x in ...}) local
 * variables, so the rtyper does not special-case it.
 */
final class IteratorVariants {
    private final RTyper rtyper;
    /** Struct types have identity: one per variant and list of inner iterator types. */
    private final Map<List<Object>, Ptr> structs = new HashMap<>();

    IteratorVariants(RTyper rtyper) {
        this.rtyper = rtyper;
    }

    static boolean handlesBuiltin(String name) {
        return name.equals("enumerate") || name.equals("zip") || name.equals("reversed");
    }

    // ---- representations --------------------------------------------------------------------

    Repr reprOf(SomeIterator s, GraphConverter converter, int line) {
        Repr item = rtyper.reprOf(s.item(), converter, line);
        return switch (s.variant()) {
            case ENUMERATE -> {
                Repr inner = inner(s.container(), ((SomeTuple) s.item()).items().get(1), converter, line);
                yield new IteratorVariantRepr(s.variant(), List.of(inner), item,
                        struct("enumerate", List.of(inner.lowleveltype(), Primitive.SIGNED), List.of("it", "index")));
            }
            case ZIP -> {
                List<SomeValue> containers = ((SomeTuple) s.container()).items();
                List<SomeValue> items = ((SomeTuple) s.item()).items();
                List<Repr> inner = new ArrayList<>();
                List<String> names = new ArrayList<>();
                for (int k = 0; k < containers.size(); k++) {
                    inner.add(inner(containers.get(k), items.get(k), converter, line));
                    names.add("it" + k);
                }
                yield new IteratorVariantRepr(s.variant(), inner, item,
                        struct("zip", inner.stream().map(Repr::lowleveltype).toList(), names));
            }
            case REVERSED -> {
                Repr inner = inner(s.container(), s.item(), converter, line);
                if (!(inner instanceof IteratorRepr)) {
                    throw converter.error("reversed() of an iterator: Python takes a sequence only", line);
                }
                yield new IteratorVariantRepr(s.variant(), List.of(inner), item, (Ptr) inner.lowleveltype());
            }
            case ITEMS -> throw new IllegalArgumentException("a plain iterator is the sequences' (Sequences)");
        };
    }

    /** The iterator walking {@code container}: its own iterator, or the container itself when it is an iterator. */
    private Repr inner(SomeValue container, SomeValue item, GraphConverter converter, int line) {
        if (container instanceof SomeIterator) {
            return rtyper.reprOf(container, converter, line);
        }
        if (container instanceof SomeDict) {
            throw converter.error("enumerate(), zip() and reversed() of a dict have no low-level translation: "
                    + "iterate over d.keys(), d.values() or d.items(), which are lists", line);
        }
        return rtyper.reprOf(new SomeIterator(container, item), converter, line);
    }

    private Ptr struct(String name, List<LowLevelType> types, List<String> names) {
        List<Object> key = new ArrayList<>(List.of(name));
        key.addAll(types);
        return structs.computeIfAbsent(key, k -> {
            Field[] fields = new Field[types.size()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = new Field(names.get(i), types.get(i));
            }
            return new Ptr(GcStruct.of(name, fields));
        });
    }

    // ---- building: enumerate(xs, start), zip(a, b), reversed(xs) -------------------------------

    Value builtin(RTyper rtyper, HighLevelOp hop, String name) {
        IteratorVariantRepr v = (IteratorVariantRepr) hop.resultRepr;
        List<HighLevelOp.CallArg> args = hop.callArgs();
        return switch (v.variant()) {
            case ENUMERATE -> {
                Value start = args.size() > 1 ? hop.convert(args.get(1).value(), args.get(1).repr(), Repr.SIGNED)
                        : LLConstant.signed(0);
                Value it = iterOf(hop, v.inner().getFirst(), args.getFirst());
                Value p = malloc(hop, v);
                hop.genop(SETFIELD, List.of(p, LLConstant.voidOf("it"), it), Primitive.VOID);
                hop.genop(SETFIELD, List.of(p, LLConstant.voidOf("index"), start), Primitive.VOID);
                yield p;
            }
            case ZIP -> {
                List<Value> its = new ArrayList<>();
                for (int k = 0; k < args.size(); k++) {
                    its.add(iterOf(hop, v.inner().get(k), args.get(k)));
                }
                Value p = malloc(hop, v);
                for (int k = 0; k < its.size(); k++) {
                    hop.genop(SETFIELD, List.of(p, LLConstant.voidOf("it" + k), its.get(k)), Primitive.VOID);
                }
                yield p;
            }
            case REVERSED -> {
                IteratorRepr it = (IteratorRepr) v.inner().getFirst();
                Value p = iterOf(hop, it, args.getFirst());
                if (it.container() instanceof RangeRepr) {
                    hop.gendirectcall(new LowLevelHelpers.Helper("rpython.rtyper.riter", "ll_reverse_rangeiter"), p);
                } else {
                    rtyper.sequences.startAtEnd(hop, it, p);
                }
                yield p;
            }
            case ITEMS -> throw new IllegalStateException();
        };
    }

    private static Value malloc(HighLevelOp hop, IteratorVariantRepr v) {
        return hop.genop(MALLOC, List.of(LLConstant.voidOf(v.lowleveltype().to())), v.lowleveltype());
    }

    /** The inner iterator over the argument {@code a}: a new one over a container, or {@code a} itself if it is an iterator. */
    private Value iterOf(HighLevelOp hop, Repr inner, HighLevelOp.CallArg a) {
        if (a.repr() instanceof IteratorRepr || a.repr() instanceof IteratorVariantRepr) {
            return hop.convert(a.value(), a.repr(), inner);
        }
        IteratorRepr it = (IteratorRepr) inner;
        return rtyper.sequences.iterOf(hop, it, hop.convert(a.value(), a.repr(), it.container()));
    }

    // ---- a step -------------------------------------------------------------------------------

    /** {@code next()} of an enumerate, zip or reversed iterator, in the result's repr. */
    Value next(RTyper rtyper, HighLevelOp hop, IteratorVariantRepr v) {
        Next n = nextOf(hop, v, hop.inputarg(v, 0), List.of());
        return hop.convert(n.item(), v.item(), hop.resultRepr);
    }

    /** The next item of {@code p}, an iterator of any kind ({@code inner}), keeping {@code live} alive past its checks. */
    private Next nextOf(HighLevelOp hop, Repr inner, Value p, List<Value> live) {
        return switch (inner) {
            case IteratorRepr it -> rtyper.sequences.nextOf(rtyper, hop, it, p, false, live);
            case IteratorVariantRepr v -> nextOf(hop, v, p, live);
            default -> throw hop.error("iterating over " + inner.lowleveltype() + " has no low-level translation");
        };
    }

    private Next nextOf(HighLevelOp hop, IteratorVariantRepr v, Value p, List<Value> live) {
        int k = live.size();
        return switch (v.variant()) {
            case ENUMERATE -> {
                Repr inner = v.inner().getFirst();
                Value it = hop.genop(GETFIELD, List.of(p, LLConstant.voidOf("it")), inner.lowleveltype());
                Next n = nextOf(hop, inner, it, with(live, p));
                Value self = n.live().get(k);
                Value index = hop.genop(GETFIELD, List.of(self, LLConstant.voidOf("index")), Primitive.SIGNED);
                hop.genop(SETFIELD, List.of(self, LLConstant.voidOf("index"),
                        hop.genop(INT_ADD, List.of(index, LLConstant.signed(1)), Primitive.SIGNED)), Primitive.VOID);
                Value pair = rtyper.sequences.newtuple(hop, (TupleRepr) v.item(), List.of(
                        new HighLevelOp.CallArg(index, Repr.SIGNED), new HighLevelOp.CallArg(n.item(), itemOf(inner))));
                yield new Next(pair, n.live().subList(0, k));
            }
            case ZIP -> {
                List<Value> kept = with(live, p);
                List<HighLevelOp.CallArg> items = new ArrayList<>();
                for (int i = 0; i < v.inner().size(); i++) {
                    Repr inner = v.inner().get(i);
                    Value it = hop.genop(GETFIELD, List.of(kept.get(k), LLConstant.voidOf("it" + i)), inner.lowleveltype());
                    List<Value> all = new ArrayList<>(kept);
                    items.forEach(a -> all.add(a.value()));
                    Next n = nextOf(hop, inner, it, all);
                    kept = n.live().subList(0, k + 1);
                    for (int j = 0; j < items.size(); j++) {   // the items taken before, renamed past this check
                        items.set(j, new HighLevelOp.CallArg(n.live().get(k + 1 + j), items.get(j).repr()));
                    }
                    items.add(new HighLevelOp.CallArg(n.item(), itemOf(inner)));
                }
                yield new Next(rtyper.sequences.newtuple(hop, (TupleRepr) v.item(), items), kept.subList(0, k));
            }
            case REVERSED -> {
                IteratorRepr it = (IteratorRepr) v.inner().getFirst();
                yield rtyper.sequences.nextOf(rtyper, hop, it, p, !(it.container() instanceof RangeRepr), live);
            }
            case ITEMS -> throw new IllegalStateException();
        };
    }

    private static Repr itemOf(Repr iterator) {
        return switch (iterator) {
            case IteratorRepr it -> it.item();
            case IteratorVariantRepr v -> v.item();
            default -> throw new IllegalArgumentException(iterator + " is not an iterator");
        };
    }

    private static List<Value> with(List<Value> live, Value v) {
        List<Value> all = new ArrayList<>(live);
        all.add(v);
        return all;
    }
}
