package dev.taipan.annotator;

import dev.taipan.annotator.SomeValue.*;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The lattice join, in one place: the least annotation that covers both arguments. Pattern
 * matching on the pair lists every legal meeting; anything else is {@link SomeObject}, which the
 * annotator reports as an error. Lists and dicts that meet are merged (their {@link ListDef}s
 * become one), which is the one side effect of a union: the merged items re-flow the blocks
 * that read them through the annotator that made them ({@link ListItem}), so the join itself
 * needs no annotator and no "current" one.
 */
public final class Union {
    private Union() { }

    /** The join with the reference join of numbers ({@link #numbers}). */
    public static SomeValue union(SomeValue a, SomeValue b) {
        return join(a, b, Union::numbers);
    }

    /**
     * The join, with {@code numbers} joining two numbers: the annotator passes the one it was
     * built with ({@link Annotator#union}), which a graded exercise may replace.
     */
    static SomeValue join(SomeValue a, SomeValue b, NumberUnion numbers) {
        return join(a, b, numbers, true);
    }

    /**
     * The join of two annotations of a program whose annotation is over (the rtyper's, to give
     * a family one signature or to find an item's repr): lists and dicts that meet are not
     * merged but keep the first one's description. Merging would widen the items of the other,
     * and re-flow blocks the rtyper may already have translated (fuzz seed 700006: a list of
     * ints that are never negative, met by the rtyper with a list of any ints).
     */
    public static SomeValue joinFinished(SomeValue a, SomeValue b) {
        return join(a, b, Union::numbers, false);
    }

    static SomeValue join(SomeValue a, SomeValue b, NumberUnion numbers, boolean merge) {
        if (a.equals(b)) {
            return a;
        }
        if (a instanceof SomeImpossibleValue) {
            return b;
        }
        if (b instanceof SomeImpossibleValue) {
            return a;
        }
        if (a instanceof SomeObject || b instanceof SomeObject) {
            return new SomeObject();
        }
        if (a instanceof Contributed || b instanceof Contributed) {
            SomeValue u = a instanceof Contributed c ? c.unionWith(b) : ((Contributed) b).unionWith(a);
            return u == null ? new SomeObject() : u;
        }
        if (b instanceof SomeNone && !(a instanceof SomeNone)) {
            return orNone(a);
        }
        if (a instanceof SomeNone) {
            return orNone(b);
        }
        if (isNumber(a) && isNumber(b)) {
            return numbers.union(a, b);   // stage02/ex1 re-implements it
        }
        return switch (a) {
            case SomeChar x when b instanceof SomeChar -> new SomeChar(null);
            case SomeChar x when b instanceof SomeString y -> new SomeString(y.canBeNone(), null);
            case SomeString x when b instanceof SomeChar -> new SomeString(x.canBeNone(), null);
            case SomeString x when b instanceof SomeString y -> new SomeString(x.canBeNone() || y.canBeNone(), null);
            case SomeTuple x when b instanceof SomeTuple y && x.items().size() == y.items().size() -> {
                List<SomeValue> items = new ArrayList<>();
                for (int i = 0; i < x.items().size(); i++) {
                    SomeValue u = join(x.items().get(i), y.items().get(i), numbers, merge);
                    if (u instanceof SomeObject) {
                        yield u;
                    }
                    items.add(u);
                }
                yield new SomeTuple(items);
            }
            case SomeList x when b instanceof SomeList y -> {
                if (merge) {
                    x.listdef().item.merge(y.listdef().item);
                }
                yield x;
            }
            case SomeDict x when b instanceof SomeDict y -> {
                if (merge) {
                    x.dictdef().key.merge(y.dictdef().key);
                    x.dictdef().value.merge(y.dictdef().value);
                }
                yield x;
            }
            case SomeIterator x when b instanceof SomeIterator y && x.variant() == y.variant() ->
                    new SomeIterator(join(x.container(), y.container(), numbers, merge), x.variant(),
                            join(x.item(), y.item(), numbers, merge));
            case SomeInstance x when b instanceof SomeInstance y -> {
                ClassDef common = x.classdef().commonBase(y.classdef());
                yield common == null ? new SomeObject() : new SomeInstance(common, x.canBeNone() || y.canBeNone());
            }
            case SomePBC x when b instanceof SomePBC y -> {
                Set<Desc> all = new HashSet<>(x.descs());
                all.addAll(y.descs());
                yield new SomePBC(all, x.canBeNone() || y.canBeNone());
            }
            case SomeBuiltin x when b instanceof SomeBuiltin y && x.name().equals(y.name()) ->
                    new SomeBuiltin(x.name(), join(x.self(), y.self(), numbers, merge));
            case SomeSlice x when b instanceof SomeSlice -> x;
            default -> a.withoutConst().equals(b.withoutConst()) ? a.withoutConst() : new SomeObject();
        };
    }

    private static boolean isNumber(SomeValue s) {
        return s instanceof SomeBool || s instanceof SomeInteger || s instanceof SomeFloat;
    }

    /**
     * The join of two numbers, Python's numeric tower bool < int < float. A bool is an int that
     * is never negative (as PyPy's SomeBool is a SomeInteger), so {@code bool ∨ int} keeps the
     * int's flags; {@code nonneg} survives only if both sides have it; {@code r_uint ∨ int} is
     * {@code r_uint} (unsigned wins, as for arithmetic on the two). A constant survives only
     * when both sides are the same one: a variable that may hold 1 or 2 is no longer known.
     */
    static SomeValue numbers(SomeValue a, SomeValue b) {
        if (a.equals(b)) {
            return a;
        }
        if (a instanceof SomeFloat || b instanceof SomeFloat) {
            return new SomeFloat(null);
        }
        if (a instanceof SomeBool && b instanceof SomeBool) {
            // two tests meet: what both prove about the same (renamed) variables survives
            return new SomeBool(null, KnownTypeData.merge(((SomeBool) a).knowntypedata(), ((SomeBool) b).knowntypedata()));
        }
        SomeInteger x = asInteger(a);
        SomeInteger y = asInteger(b);
        return new SomeInteger(x.nonneg() && y.nonneg(), x.unsigned() || y.unsigned(), null);
    }

    private static SomeInteger asInteger(SomeValue s) {
        return s instanceof SomeInteger i ? i : new SomeInteger(true, false, null);
    }

    /** {@code a} widened to admit None, where RPy allows it (strings, instances, PBCs). */
    static SomeValue orNone(SomeValue a) {
        return switch (a) {
            case SomeString s -> new SomeString(true, null);
            case SomeInstance i -> new SomeInstance(i.classdef(), true);
            case SomePBC p -> new SomePBC(p.descs(), true);
            case SomeNone n -> n;
            case SomeList l -> l;     // a None list: nullable pointer at the low level
            case SomeDict d -> d;
            default -> new SomeObject();
        };
    }
}
