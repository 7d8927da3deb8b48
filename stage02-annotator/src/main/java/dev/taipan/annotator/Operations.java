package dev.taipan.annotator;

import dev.taipan.annotator.SomeValue.*;
import dev.taipan.flowgraph.flow.CallShape;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.host.*;
import java.util.ArrayList;
import java.util.List;

/** The typing rules of the flow graphs' operations: unary ones by the argument, binary ones by the pair. */
final class Operations {
    private Operations() { }

    static SomeValue consider(Annotator ann, SpaceOperation op, List<SomeValue> a) {
        String name = op.opname().startsWith("inplace_") ? op.opname().substring(8) : op.opname();
        return switch (name) {
            case "simple_call" -> a.getFirst() instanceof SomeBuiltin b && b.name().equals("isinstance")
                    ? Narrowing.isinstance(ann, op, a) : ann.call(a.getFirst(), a.subList(1, a.size()));
            case "call_args" -> {
                CallShape shape = (CallShape) ((Constant) op.args().get(1)).value();
                List<SomeValue> args = a.subList(2, a.size());
                if (shape.star() && args.getLast() instanceof SomeImpossibleValue) {
                    yield SomeValue.IMPOSSIBLE;   // the star argument is not known yet: the call waits
                }
                yield ann.callWithKeywords(a.getFirst(), shape.star() ? withStarItems(ann, args) : args,
                        shape.keywords());
            }
            case "is_", "is_not" -> {
                KnownTypeData k = Narrowing.isNone(op, a);
                yield new SomeBool(null, k == null ? null : name.equals("is_") ? k : k.negate());
            }
            case "bool" -> a.getFirst() instanceof SomeBool b ? b : Narrowing.truth(op, a.getFirst());
            case "not_" -> a.getFirst() instanceof SomeBool b && b.knowntypedata() != null
                    ? new SomeBool(null, b.knowntypedata().negate()) : new SomeBool(null);
            case "exception_match" -> Narrowing.exceptionMatch(ann, op, a);
            case "eq", "ne", "lt", "le", "gt", "ge", "contains" -> new SomeBool(null);
            case "add", "sub", "mul", "floordiv", "mod", "truediv", "pow", "lshift", "rshift", "and_", "or_", "xor" ->
                    op.opname().startsWith("inplace_") && a.get(0) instanceof SomeList l
                            ? inplaceList(ann, name, l, a.get(1)) : binary(ann, op, name, a.get(0), a.get(1));
            case "neg", "invert", "pos" -> switch (a.getFirst()) {
                case SomeInteger i -> new SomeInteger();
                case SomeBool b -> new SomeInteger();
                case SomeFloat f -> new SomeFloat(null);
                default -> new SomeObject();
            };
            case "newtuple" -> new SomeTuple(a.stream().map(SomeValue::withoutConst).toList());
            case "newlist" -> {
                ListDef d = ann.bookkeeper.listdef(op, false);
                for (SomeValue s : a) {
                    d.item.generalize(ann, s);
                }
                yield new SomeList(d);
            }
            case "newdict" -> {
                DictDef d = ann.bookkeeper.dictdef(op);
                for (int i = 0; i + 1 < a.size(); i += 2) {
                    d.key.generalize(ann, a.get(i));
                    d.value.generalize(ann, a.get(i + 1));
                }
                yield new SomeDict(d);
            }
            case "newslice" -> new SomeSlice();
            case "iter" -> iter(ann, a.getFirst());
            case "next" -> a.getFirst() instanceof SomeIterator it ? it.item() : new SomeObject();
            case "getitem" -> getitem(ann, a.get(0), a.get(1));
            case "setitem" -> switch (a.get(0)) {
                case SomeList l when a.get(1) instanceof SomeSlice && a.get(2) instanceof SomeList v -> {
                    l.listdef().item.generalize(ann, v.listdef().item.read(ann));
                    yield new SomeNone();
                }
                case SomeList l -> { l.listdef().mutated = true; l.listdef().item.generalize(ann, a.get(2)); yield new SomeNone(); }
                case SomeDict d -> { d.dictdef().key.generalize(ann, a.get(1)); d.dictdef().value.generalize(ann, a.get(2)); yield new SomeNone(); }
                default -> new SomeObject();
            };
            case "delitem" -> new SomeNone();
            case "getattr" -> Attributes.getattr(ann, a.get(0), constStr(op, 1));
            case "setattr" -> Attributes.setattr(ann, a.get(0), constStr(op, 1), a.get(2));
            case "type" -> a.getFirst() instanceof SomeInstance i ? ann.bookkeeper.typeOf(ann, i.classdef()) : new SomeObject();
            default -> new SomeObject();
        };
    }

    /**
     * {@code f(a, *rest)}: rest's items become arguments, so rest must be a tuple, whose length
     * the annotator knows (a list's is only known when the program runs).
     */
    private static List<SomeValue> withStarItems(Annotator ann, List<SomeValue> args) {
        SomeValue rest = args.getLast();
        if (!(rest instanceof SomeTuple t)) {
            throw Annotator.error(ann, "the *argument of a call must be a tuple in RPy (its length is the number of "
                    + "arguments), not " + Describe.article(rest));
        }
        List<SomeValue> all = new ArrayList<>(args.subList(0, args.size() - 1));
        all.addAll(t.items());
        return all;
    }

    static String constStr(SpaceOperation op, int i) {
        return i < op.args().size() && op.args().get(i) instanceof Constant c && c.value() instanceof PyStr s ? s.value() : null;
    }

    static SomeValue binary(Annotator ann, SpaceOperation op, String name, SomeValue l, SomeValue r) {
        boolean lint = l instanceof SomeInteger || l instanceof SomeBool;
        boolean rint = r instanceof SomeInteger || r instanceof SomeBool;
        boolean lnum = lint || l instanceof SomeFloat;
        boolean rnum = rint || r instanceof SomeFloat;
        boolean lstr = l instanceof SomeString || l instanceof SomeChar;
        boolean rstr = r instanceof SomeString || r instanceof SomeChar;
        if (lint && rint) {
            if (name.equals("truediv")) {
                return new SomeFloat(null);
            }
            if (name.equals("pow") && !(r instanceof SomeBool || r instanceof SomeInteger y0 && y0.nonneg())) {
                throw Annotator.error(ann, "cannot raise an int to the power of an int that may be negative: the "
                        + "result would be a float (write float(x) ** n)");
            }
            boolean nonneg = l instanceof SomeInteger x && x.nonneg() && r instanceof SomeInteger y && y.nonneg()
                    && !name.equals("sub");
            boolean unsigned = l instanceof SomeInteger x2 && x2.unsigned() || r instanceof SomeInteger y2 && y2.unsigned();
            return new SomeInteger(nonneg, unsigned, null);
        }
        if (lnum && rnum && List.of("add", "sub", "mul", "truediv", "floordiv", "mod", "pow").contains(name)) {
            return new SomeFloat(null);
        }
        if (name.equals("mod") && lstr) {
            return Formatting.mod(ann, l, r);
        }
        if (name.equals("add") && lstr && rstr) {
            return new SomeString(false, null);
        }
        if (name.equals("add") && l instanceof SomeBytes && r instanceof SomeBytes) {
            return new SomeBytes(null);
        }
        if (name.equals("mul") && (lstr && rint || lint && rstr)) {
            return new SomeString(false, null);
        }
        if (name.equals("add") && l instanceof SomeList x && r instanceof SomeList y) {
            ListDef d = ann.bookkeeper.listdef(op, false);
            d.item.generalize(ann, x.listdef().item.read(ann));
            d.item.generalize(ann, y.listdef().item.read(ann));
            return new SomeList(d);
        }
        if (name.equals("mul") && (l instanceof SomeList && rint || lint && r instanceof SomeList)) {
            ListDef d = ann.bookkeeper.listdef(op, false);
            d.item.generalize(ann, ((SomeList) (l instanceof SomeList ? l : r)).listdef().item.read(ann));
            return new SomeList(d);
        }
        if (name.equals("add") && l instanceof SomeTuple x && r instanceof SomeTuple y) {
            List<SomeValue> items = new ArrayList<>(x.items());
            items.addAll(y.items());
            return new SomeTuple(items);
        }
        throw Annotator.error(ann, "cannot " + verb(name) + " " + Describe.article(l) + " and " + Describe.article(r));
    }

    /**
     * {@code lst += other} and {@code lst *= n} change the list itself, which other variables
     * and attributes may also hold: the result is the same list, and its items widen to take
     * the other list's (PyPy's {@code inplace_add} on lists), not a new list as {@code +} makes.
     */
    private static SomeValue inplaceList(Annotator ann, String name, SomeList l, SomeValue r) {
        if (name.equals("add") && r instanceof SomeList other) {
            l.listdef().resized = true;
            l.listdef().item.generalize(ann, other.listdef().item.read(ann));
            return l;
        }
        if (name.equals("mul") && (r instanceof SomeInteger || r instanceof SomeBool)) {
            l.listdef().resized = true;
            return l;
        }
        throw Annotator.error(ann, "cannot " + verb(name) + " " + Describe.article(l) + " and " + Describe.article(r));
    }

    private static String verb(String name) {
        return switch (name) {
            case "add" -> "add (+)";
            case "sub" -> "subtract (-)";
            case "mul" -> "multiply (*)";
            case "mod" -> "take the modulo (%) of";
            default -> "apply '" + name + "' to";
        };
    }

    static SomeValue iter(Annotator ann, SomeValue s) {
        return switch (s) {
            case SomeList l -> new SomeIterator(l.listdef().item.read(ann));
            case SomeString str -> new SomeIterator(new SomeChar(null));
            case SomeChar c -> new SomeIterator(new SomeChar(null));
            case SomeBytes b -> new SomeIterator(new SomeInteger(true, false, null));     // Python 3: the byte values
            case SomeDict d -> new SomeIterator(d.dictdef().key.read(ann));
            case SomeTuple t -> new SomeIterator(Union.unionAll(t.items()).withoutConst());
            case SomeIterator it -> it;
            default -> new SomeObject();
        };
    }

    static SomeValue getitem(Annotator ann, SomeValue c, SomeValue i) {
        return switch (c) {
            case SomeList l when i instanceof SomeSlice -> {
                ListDef d = ann.bookkeeper.listdef(ann.currentOp(), false);
                d.item.generalize(ann, l.listdef().item.read(ann));
                yield new SomeList(d);
            }
            case SomeList l -> l.listdef().item.read(ann);
            case SomeString s when i instanceof SomeSlice -> new SomeString(false, null);
            case SomeString s -> new SomeChar(null);
            case SomeChar s -> new SomeChar(null);
            case SomeBytes b when i instanceof SomeSlice -> new SomeBytes(null);
            case SomeBytes b -> new SomeInteger(true, false, null);
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
                        : Union.unionAll(t.items()).withoutConst();
            }
            case SomeTuple t -> Union.unionAll(t.items()).withoutConst();
            default -> new SomeObject();
        };
    }
}
