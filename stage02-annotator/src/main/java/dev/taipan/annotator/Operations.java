package dev.taipan.annotator;

import dev.taipan.annotator.SomeValue.*;
import dev.taipan.flowgraph.flow.CallShape;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.host.*;
import dev.taipan.flowgraph.operation.HLOp;
import java.util.ArrayList;
import java.util.List;

/**
 * The typing rules of the flow graphs' operations: one {@code case} per entry of the catalogue
 * {@link HLOp}, so the compiler says when an operation has no rule. Binary operators and
 * comparisons are ruled by the pair of their argument kinds ({@link BinaryOps}); an operation
 * on an annotation contributed by a later stage is ruled by that annotation
 * ({@link SomeValue.Contributed}). A rule that cannot type its arguments returns
 * {@link SomeObject}, which the annotator reports in Python's words ({@link Explain}), or throws
 * a more precise error itself.
 */
final class Operations {
    private Operations() { }

    static SomeValue consider(Annotator ann, SpaceOperation op, List<SomeValue> a) {
        HLOp hl = (HLOp) op.op();
        Contributed ruler = contributedRuler(hl, a);
        if (ruler != null) {
            return ruler.consider(ann, hl, a);
        }
        return switch (hl) {
            case SIMPLE_CALL -> a.getFirst() instanceof SomeBuiltin b && b.name().equals("isinstance")
                    ? Narrowing.isinstance(ann, op, a) : ann.call(a.getFirst(), a.subList(1, a.size()));
            case CALL_ARGS -> {
                CallShape shape = (CallShape) ((Constant) op.args().get(1)).value();
                List<SomeValue> args = a.subList(2, a.size());
                if (shape.star() && args.getLast() instanceof SomeImpossibleValue) {
                    yield SomeValue.IMPOSSIBLE;   // the star argument is not known yet: the call waits
                }
                yield ann.callWithKeywords(a.getFirst(), shape.star() ? withStarItems(ann, args, shape) : args,
                        shape.keywords());
            }
            case IS_, IS_NOT -> {
                KnownTypeData k = Narrowing.isNone(op, a);
                yield new SomeBool(null, k == null ? null : hl == HLOp.IS_ ? k : k.negate());
            }
            case BOOL -> a.getFirst() instanceof SomeBool b ? b : Narrowing.truth(op, a.getFirst());
            case NOT_ -> a.getFirst() instanceof SomeBool b && b.knowntypedata() != null
                    ? new SomeBool(null, b.knowntypedata().negate()) : new SomeBool(null);
            case EXCEPTION_MATCH -> Narrowing.exceptionMatch(ann, op, a);
            case ADD, SUB, MUL, MATMUL, TRUEDIV, FLOORDIV, MOD, POW, LSHIFT, RSHIFT, AND_, OR_, XOR,
                 EQ, NE, LT, LE, GT, GE -> BinaryOps.rule(ann, hl, a.get(0), a.get(1));
            case INPLACE_ADD, INPLACE_SUB, INPLACE_MUL, INPLACE_MATMUL, INPLACE_TRUEDIV, INPLACE_FLOORDIV,
                 INPLACE_MOD, INPLACE_POW, INPLACE_LSHIFT, INPLACE_RSHIFT, INPLACE_AND, INPLACE_OR, INPLACE_XOR ->
                    a.get(0) instanceof SomeList l ? inplaceList(ann, hl.withoutInplace(), l, a.get(1))
                            : BinaryOps.rule(ann, hl.withoutInplace(), a.get(0), a.get(1));
            case CONTAINS -> contains(ann, a.get(0), a.get(1));
            case POS, NEG, INVERT -> switch (a.getFirst()) {
                case SomeInteger i -> new SomeInteger(false, i.unsigned(), null);
                case SomeBool b -> new SomeInteger();
                case SomeFloat f when hl != HLOp.INVERT -> new SomeFloat(null);
                default -> throw Annotator.error(ann, "bad operand for unary '" + unarySymbol(hl) + "': "
                        + Describe.article(a.getFirst()));
            };
            case NEWTUPLE -> new SomeTuple(a.stream().map(SomeValue::withoutConst).toList());
            case NEWLIST -> {
                ListDef d = ann.bookkeeper.listdef(op, false);
                for (SomeValue s : a) {
                    d.item.generalize(ann, s);
                }
                yield new SomeList(d);
            }
            case NEWDICT -> {
                DictDef d = ann.bookkeeper.dictdef(op);
                for (int i = 0; i + 1 < a.size(); i += 2) {
                    d.key.generalize(ann, a.get(i));
                    d.value.generalize(ann, a.get(i + 1));
                }
                yield new SomeDict(d);
            }
            case NEWSLICE -> new SomeSlice();
            case ITER -> iter(ann, a.getFirst());
            case NEXT -> a.getFirst() instanceof SomeIterator it ? it.item() : new SomeObject();
            case GETITEM -> getitem(ann, a.get(0), a.get(1));
            case SETITEM -> setitem(ann, a.get(0), a.get(1), a.get(2));
            case DELITEM -> switch (a.get(0)) {
                case SomeList l when isIndex(a.get(1)) || a.get(1) instanceof SomeSlice -> {
                    l.listdef().markResized();
                    yield new SomeNone();
                }
                case SomeDict d -> {
                    d.dictdef().key.generalize(ann, a.get(1));
                    yield new SomeNone();
                }
                default -> new SomeObject();
            };
            case GETATTR -> Attributes.getattr(ann, a.get(0), constStr(op, 1));
            case SETATTR -> Attributes.setattr(ann, a.get(0), constStr(op, 1), a.get(2));
            case TYPE -> a.getFirst() instanceof SomeInstance i ? ann.bookkeeper.typeOf(ann, i.classdef()) : new SomeObject();
            case SAME_AS -> a.getFirst();
            // Not RPy: sets, attribute deletion, and the protocols only f-strings reach
            // ({x!r}, {x:>8}); Explain says so in the program's terms.
            case NEWSET, DELATTR, LEN, HASH, STR, REPR, ASCII, FORMAT -> new SomeObject();
        };
    }

    /**
     * Which contributed annotation rules an operation, if any: its first argument, as a method
     * belongs to its receiver in PyPy's annotator; for a binary operator or a comparison,
     * either side, as PyPy's pair types dispatch on both. A contributed value that is only
     * passed along (a call's argument, a stored value, a list item) leaves the rule to the
     * operation's own kind.
     */
    private static Contributed contributedRuler(HLOp op, List<SomeValue> a) {
        if (op == HLOp.NEWTUPLE || op == HLOp.NEWLIST || op == HLOp.NEWDICT) {
            return null;   // their arguments are items, only passed along
        }
        if (!a.isEmpty() && a.getFirst() instanceof Contributed c) {
            return c;
        }
        boolean pairwise = op.arity() == 2 && BinaryOps.isBinary(op.withoutInplace());
        return pairwise && a.get(1) instanceof Contributed c ? c : null;
    }

    private static String unarySymbol(HLOp op) {
        return switch (op) {
            case POS -> "+";
            case NEG -> "-";
            default -> "~";
        };
    }

    /**
     * {@code f(a, *rest)}: rest's items become arguments, so rest must be a tuple, whose length
     * the annotator knows (a list's is only known when the program runs).
     */
    /** The arguments with the {@code *tuple}'s items in place of it: after the positional ones, before the keywords. */
    private static List<SomeValue> withStarItems(Annotator ann, List<SomeValue> args, CallShape shape) {
        SomeValue rest = args.getLast();
        if (!(rest instanceof SomeTuple t)) {
            throw Annotator.error(ann, "the *argument of a call must be a tuple in RPy (its length is the number of "
                    + "arguments), not " + Describe.article(rest));
        }
        List<SomeValue> all = new ArrayList<>(args.subList(0, args.size() - 1));
        all.addAll(shape.positional(), t.items());
        return all;
    }

    static String constStr(SpaceOperation op, int i) {
        return i < op.args().size() && op.args().get(i) instanceof Constant c && c.value() instanceof PyStr s ? s.value() : null;
    }

    /**
     * {@code lst += other} and {@code lst *= n} change the list itself, which other variables
     * and attributes may also hold: the result is the same list, and its items widen to take
     * the other list's (PyPy's {@code inplace_add} on lists), not a new list as {@code +} makes.
     */
    private static SomeValue inplaceList(Annotator ann, HLOp op, SomeList l, SomeValue r) {
        if (op == HLOp.ADD && r instanceof SomeList other) {
            l.listdef().markResized();
            l.listdef().copiesFrom(ann, other.listdef());
            return l;
        }
        if (op == HLOp.MUL && BinaryOps.isInt(r)) {
            l.listdef().markResized();
            return l;
        }
        throw Annotator.error(ann, "cannot " + BinaryOps.verb(op) + " " + Describe.article(l) + " and " + Describe.article(r));
    }

    /**
     * {@code item in container}: the item must be something the container could hold (a str
     * in a str, a key in a dict, a value comparable with the items of a list or tuple).
     */
    private static SomeValue contains(Annotator ann, SomeValue container, SomeValue item) {
        boolean ok = switch (container) {
            case SomeString s -> BinaryOps.isStr(item);
            case SomeChar c -> BinaryOps.isStr(item);
            case SomeBytes b -> BinaryOps.isInt(item) || item instanceof SomeBytes;
            case SomeList l -> {
                boolean comparable = BinaryOps.comparable(ann, l.listdef().item.read(ann), item, false);
                if (comparable) {
                    comparedWithItems(ann, l, item);
                }
                yield comparable;
            }
            case SomeTuple t -> t.items().stream().allMatch(x -> BinaryOps.comparable(ann, x, item, false));
            case SomeDict d -> {
                d.dictdef().key.generalize(ann, item);
                yield true;
            }
            default -> false;
        };
        if (!ok) {
            throw Annotator.error(ann, "cannot test whether " + Describe.article(item) + " is 'in' "
                    + Describe.article(container));
        }
        return new SomeBool(null);
    }

    /**
     * {@code x in lst}, {@code lst.remove(x)}, {@code lst.index(x)}, {@code lst.count(x)}: the
     * rtyper compares {@code x} with the items in the items' repr, so an instance of a class
     * other than the items' (a sibling) widens the items to the common base, as PyPy's
     * annotator widens them (it does so for any {@code x}; numbers are left alone here, since
     * widening a list of ints to floats would change how its items print).
     */
    static void comparedWithItems(Annotator ann, SomeList list, SomeValue x) {
        if (x instanceof SomeInstance && list.listdef().item.read(ann) instanceof SomeInstance) {
            list.listdef().item.generalize(ann, x);
        }
    }

    static SomeValue iter(Annotator ann, SomeValue s) {
        return switch (s) {
            case SomeList l -> new SomeIterator(l, l.listdef().item.read(ann));
            case SomeString str -> new SomeIterator(str.withoutConst(), new SomeChar(null));
            case SomeChar c -> new SomeIterator(c.withoutConst(), new SomeChar(null));
            case SomeBytes b -> new SomeIterator(b.withoutConst(), new SomeInteger(true, false, null));     // Python 3: the byte values
            case SomeDict d -> new SomeIterator(d, d.dictdef().key.read(ann));
            case SomeTuple t -> new SomeIterator(t.withoutConst(), ann.unionAll(t.items()).withoutConst());
            case SomeIterator it -> it;
            default -> new SomeObject();
        };
    }

    private static boolean isIndex(SomeValue i) {
        return BinaryOps.isInt(i) || i instanceof SomeImpossibleValue;
    }

    static SomeValue getitem(Annotator ann, SomeValue c, SomeValue i) {
        return switch (c) {
            case SomeList l when i instanceof SomeSlice -> copyOfList(ann, l);
            case SomeList l when isIndex(i) -> l.listdef().item.read(ann);
            case SomeString s when i instanceof SomeSlice -> new SomeString(false, null);
            case SomeString s when isIndex(i) -> new SomeChar(null);
            case SomeChar s when i instanceof SomeSlice -> new SomeString(false, null);   // 'x'[1:] is ''
            case SomeChar s when isIndex(i) -> new SomeChar(null);
            case SomeBytes b when i instanceof SomeSlice -> new SomeBytes(null);
            case SomeBytes b when isIndex(i) -> new SomeInteger(true, false, null);
            case SomeDict d -> {
                d.dictdef().key.generalize(ann, i);
                yield d.dictdef().value.read(ann);
            }
            case SomeTuple t when i.konst() instanceof PyInt k -> {
                int idx = (int) k.longValue();
                if (idx < 0) {
                    idx += t.items().size();
                }
                yield idx >= 0 && idx < t.items().size() ? t.items().get(idx)
                        : ann.unionAll(t.items()).withoutConst();
            }
            case SomeTuple t when isIndex(i) -> ann.unionAll(t.items()).withoutConst();
            default -> new SomeObject();
        };
    }

    private static SomeList copyOfList(Annotator ann, SomeList l) {
        ListDef d = ann.bookkeeper.listdef(ann.currentOp(), false);
        d.copiesFrom(ann, l.listdef());
        return new SomeList(d);
    }

    private static SomeValue setitem(Annotator ann, SomeValue c, SomeValue i, SomeValue v) {
        return switch (c) {
            case SomeList l when i instanceof SomeSlice && v instanceof SomeList from -> {
                l.listdef().markResized();      // lst[a:b] = other may change the length
                l.listdef().markMutated();
                l.listdef().copiesFrom(ann, from.listdef());
                yield new SomeNone();
            }
            case SomeList l when isIndex(i) -> {
                l.listdef().markMutated();
                l.listdef().item.generalize(ann, v);
                yield new SomeNone();
            }
            case SomeDict d -> {
                d.dictdef().key.generalize(ann, i);
                d.dictdef().value.generalize(ann, v);
                yield new SomeNone();
            }
            default -> new SomeObject();
        };
    }
}
