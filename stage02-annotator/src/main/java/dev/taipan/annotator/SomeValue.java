package dev.taipan.annotator;

import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.flow.Variable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An annotation: what the annotator knows, statically, about every value a variable can hold.
 * PyPy calls the whole family {@code SomeObject}; here the family is this sealed interface and
 * {@link SomeObject} is its top element ("could be anything", which RPy rejects).
 *
 * <p>The annotations form a lattice: {@link #IMPOSSIBLE} ({@code s_ImpossibleValue}, "no value
 * seen yet") at the bottom, {@link SomeObject} at the top, and {@link Union#union} as the join.
 * The annotator only ever moves a variable's annotation upwards, which is why its fixpoint
 * terminates. Annotations are immutable records, except that lists, dicts and instances point to
 * shared, mutable descriptions ({@link ListDef}, {@link DictDef}, {@link ClassDef}): every list
 * that can flow into the same place shares one item type.
 *
 * <p>Every value may carry a {@code const}: the host object when the annotator knows the exact
 * value (a literal, a global function, a class).
 *
 * <p>The family is sealed, so that the join ({@link Union}) and the typing rules are
 * exhaustive {@code switch}es, with one deliberate opening: {@link Contributed}, through which a
 * later stage adds annotations of its own (stage 03's {@code SomePtr} for the low-level helpers
 * written in RPy, stage 04's {@code SomeAddress} for the collectors) without editing this file.
 * Such an annotation brings its own join and its own operation rules.
 */
public sealed interface SomeValue {

    /** The bottom of the lattice: no value reaches here (yet). */
    SomeValue IMPOSSIBLE = new SomeImpossibleValue();

    /** The exact host value when known, else null. */
    default PyObject konst() {
        return null;
    }

    /** True if this annotation says the value may also be None. */
    default boolean canBeNone() {
        return false;
    }

    /** The same annotation without its constant (what a variable becomes when two constants meet). */
    default SomeValue withoutConst() {
        return this;
    }

    /** The top: not RPython. */
    record SomeObject() implements SomeValue { }

    /** The bottom, PyPy's {@code s_ImpossibleValue}. */
    record SomeImpossibleValue() implements SomeValue { }

    /** A machine-word integer; {@code nonneg} when never negative, {@code unsigned} for {@code r_uint}. */
    record SomeInteger(boolean nonneg, boolean unsigned, PyObject konst) implements SomeValue {
        public SomeInteger() {
            this(false, false, null);
        }
        @Override
        public SomeValue withoutConst() {
            return new SomeInteger(nonneg, unsigned, null);
        }
    }

    /**
     * A bool (a kind of integer in Python: bool joins int to int). {@code knowntypedata}, when
     * not null, says what the test proves about other variables on each branch: after
     * {@code x is None} or {@code isinstance(x, C)}, the annotator narrows {@code x} on the
     * link taken when the bool is True and on the one taken when it is False.
     */
    record SomeBool(PyObject konst, KnownTypeData knowntypedata) implements SomeValue {
        public SomeBool(PyObject konst) {
            this(konst, null);
        }
        @Override
        public SomeValue withoutConst() {
            return new SomeBool(null);
        }
    }

    /** What a bool proves: the annotation of some variables when it is True, and when it is False. */
    record KnownTypeData(Map<Variable, SomeValue> ifTrue,
                         Map<Variable, SomeValue> ifFalse) {
        public KnownTypeData negate() {
            return new KnownTypeData(ifFalse, ifTrue);
        }

        /**
         * The same facts about the variables a link passes on, under their names in the target
         * block ({@code renaming}: a link argument to the target's input arguments it feeds).
         * Facts about a variable the link does not pass are dropped: the target cannot see it.
         * Null when nothing is left. PyPy's {@code follow_link} renames knowntypedata the same way.
         */
        public KnownTypeData renamed(Map<Variable,
                List<Variable>> renaming) {
            var t = rename(ifTrue, renaming);
            var f = rename(ifFalse, renaming);
            return t.isEmpty() && f.isEmpty() ? null : new KnownTypeData(t, f);
        }

        private static Map<Variable, SomeValue> rename(
                Map<Variable, SomeValue> facts,
                Map<Variable, List<Variable>> renaming) {
            var out = new HashMap<Variable, SomeValue>();
            facts.forEach((v, s) -> renaming.getOrDefault(v, List.of()).forEach(w -> out.put(w, s)));
            return Map.copyOf(out);
        }

        /**
         * What two flows that meet both prove: the facts about variables known on both sides,
         * each the join of the two (a bool may come to a block from two tests of the same
         * variable). Null when nothing is common.
         */
        public static KnownTypeData merge(KnownTypeData a, KnownTypeData b) {
            if (a == null || b == null) {
                return null;
            }
            var t = common(a.ifTrue, b.ifTrue);
            var f = common(a.ifFalse, b.ifFalse);
            return t.isEmpty() && f.isEmpty() ? null : new KnownTypeData(t, f);
        }

        private static Map<Variable, SomeValue> common(
                Map<Variable, SomeValue> a,
                Map<Variable, SomeValue> b) {
            var out = new HashMap<Variable, SomeValue>();
            a.forEach((v, s) -> {
                if (b.containsKey(v)) {
                    out.put(v, Union.union(s, b.get(v)));
                }
            });
            return Map.copyOf(out);
        }
    }

    /** A float. */
    record SomeFloat(PyObject konst) implements SomeValue {
        @Override
        public SomeValue withoutConst() {
            return new SomeFloat(null);
        }
    }

    /** A string of length one: a char at the low level. Joins {@link SomeString} to a string. */
    record SomeChar(PyObject konst) implements SomeValue {
        @Override
        public SomeValue withoutConst() {
            return new SomeChar(null);
        }
    }

    /** A byte string; {@code canBeNone} when None may flow here too. */
    record SomeString(boolean canBeNone, PyObject konst) implements SomeValue {
        @Override
        public SomeValue withoutConst() {
            return new SomeString(canBeNone, null);
        }
    }

    /**
     * Python 3's {@code bytes}: what crosses the {@code os.write}/{@code os.read} boundary
     * ({@code s.encode()} going out, {@code data.decode()} coming back). The same byte string
     * as {@link SomeString} at the low level, but its own annotation, because Python gives it
     * other rules: an item is an int, and it never mixes with a str.
     */
    record SomeBytes(PyObject konst) implements SomeValue {
        @Override
        public SomeValue withoutConst() {
            return new SomeBytes(null);
        }
    }

    /** A fixed-length tuple with one annotation per item. */
    record SomeTuple(List<SomeValue> items) implements SomeValue {
        public SomeTuple {
            items = List.copyOf(items);
        }
    }

    /** A list; the {@link ListDef} is shared by every list that can meet this one. */
    record SomeList(ListDef listdef) implements SomeValue { }

    /** A dict; the {@link DictDef} is shared like a {@link ListDef}. */
    record SomeDict(DictDef dictdef) implements SomeValue { }

    /**
     * An iterator yielding {@code item}, over {@code container} (PyPy's {@code SomeIterator(s_container,
     * *variant)}): the rtyper needs to know what it walks, a list, a range, a str, to give the
     * iterator a representation. {@code variant} says how it walks it.
     */
    record SomeIterator(SomeValue container, Variant variant, SomeValue item) implements SomeValue {
        /** How an iterator walks its container: its items, {@code enumerate}, {@code reversed}, {@code zip} (a tuple of containers). */
        public enum Variant { ITEMS, ENUMERATE, REVERSED, ZIP }

        /** An iterator over the items of {@code container}. */
        public SomeIterator(SomeValue container, SomeValue item) {
            this(container, Variant.ITEMS, item);
        }
    }

    /** A slice object, only ever used as an index ({@code lst[a:b:c]}). */
    record SomeSlice() implements SomeValue { }

    /** An instance of {@code classdef} or of a subclass; {@code canBeNone} if None may flow here. */
    record SomeInstance(ClassDef classdef, boolean canBeNone) implements SomeValue { }

    /**
     * A prebuilt constant or a set of them (PBC): functions, classes, bound methods, modules.
     * One desc is a constant; several are what a call site calls through a variable.
     */
    record SomePBC(Set<Desc> descs, boolean canBeNone) implements SomeValue {
        public SomePBC {
            // in the order met, not Set.copyOf's, which changes from run to run: the annotator
            // flows the descs in this order, and its output must be the same on every run
            descs = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(descs));
        }
        public SomePBC(Desc d) {
            this(Set.of(d), false);
        }
        @Override
        public PyObject konst() {
            return descs.size() == 1 && !canBeNone ? descs.iterator().next().pyobj() : null;
        }
    }

    /** The value None (and nothing else). */
    record SomeNone() implements SomeValue {
        @Override
        public boolean canBeNone() {
            return true;
        }
    }

    /** A builtin function ({@code len}) or a bound method of a builtin type ({@code lst.append}: {@code self} set). */
    record SomeBuiltin(String name, SomeValue self) implements SomeValue { }

    /**
     * An annotation a later stage contributes (PyPy's {@code SomePtr}, {@code SomeAddress}, ...):
     * the opening in the sealed family. Its stage implements it as a record elsewhere and says
     * here how it joins and what the operations on it give; the annotator asks it whenever it
     * is one of an operation's arguments.
     */
    non-sealed interface Contributed extends SomeValue {
        /**
         * The join with {@code other} (never the bottom, never equal to this), or null when the
         * two cannot meet in one variable: the annotator then reports them in Python's words.
         */
        SomeValue unionWith(SomeValue other);

        /**
         * The typing rule of {@code op} on {@code args}, one of which is this annotation;
         * {@link SomeObject} (or an {@link AnnotatorError} from {@link Annotator#error}) when the
         * operation does not apply.
         */
        SomeValue consider(Annotator ann, dev.taipan.flowgraph.operation.HLOp op, List<SomeValue> args);

        /** How a signature writes it, as a Python type hint would ({@code Ptr(STR)}). */
        String pyType();

        /** Whether the host value {@code v} is one this annotation describes (for the soundness check, {@link Contains}). */
        boolean contains(PyObject v);
    }
}
