package dev.taipan.annotator;

import dev.taipan.annotator.SomeValue.*;
import dev.taipan.flowgraph.operation.HLOp;
import java.util.List;

/** The typing of builtin functions and of the methods of builtin types that RPy programs use. */
final class Builtins {
    private Builtins() { }

    /** Builtin types whose call is a conversion, typed here rather than as making an instance. */
    static final java.util.Set<String> TYPES = java.util.Set.of("int", "float", "str", "bool", "list", "range",
            "dict", "tuple", "repr", "enumerate", "zip", "reversed", "sorted", "super", "type");

    /** The modules whose functions RPy programs may call; their functions are typed as {@code os.write}, {@code math.sqrt}. */
    static final List<String> MODULES = List.of("os", "math", "time");

    /** The functions of {@code math} that take numbers and return a float. */
    private static final java.util.Set<String> MATH_FLOAT = java.util.Set.of("sqrt", "exp", "sin", "cos", "tan",
            "asin", "acos", "atan", "sinh", "cosh", "tanh", "fabs", "log", "log2", "log10", "log1p", "expm1",
            "degrees", "radians", "atan2", "pow", "hypot", "copysign", "fmod");

    static SomeValue call(Annotator ann, SomeBuiltin b, List<SomeValue> a) {
        if (b.name().startsWith("math.")) {
            return math(ann, b.name().substring(5), a);
        }
        if (b.name().startsWith("os.")) {
            return os(ann, b.name(), a);
        }
        if (b.name().startsWith("time.")) {
            return time(b.name());
        }
        if (b.name().equals("len") && b.self() == null && a.size() == 1 && a.getFirst() instanceof Contributed c) {
            return c.consider(ann, HLOp.LEN, a);   // PyPy's s_obj.len(): the annotation's own rule
        }
        BuiltinArguments.check(ann, b.name(), a);
        SomeValue self = b.self();
        return switch (b.name()) {
            case "print" -> {
                a.forEach(x -> Printing.text(ann, x, false));
                yield new SomeNone();
            }
            case "len", "ord" -> new SomeInteger(true, false, null);
            case "hash" -> new SomeInteger();
            case "int", "abs" -> a.size() == 1 && a.getFirst() instanceof SomeFloat && b.name().equals("abs")
                    ? new SomeFloat(null)
                    // abs() of an r_uint is the r_uint itself (the host's r_uint.__abs__ keeps the type)
                    : a.size() == 1 && a.getFirst() instanceof SomeInteger i && i.unsigned() && b.name().equals("abs")
                    ? new SomeInteger(true, true, null) : new SomeInteger();
            case "float" -> new SomeFloat(null);
            // Python 3: round(x) is an int, round(x, n) of an int an int, of a float a float
            case "round" -> a.size() == 1 || !(a.getFirst() instanceof SomeFloat) ? new SomeInteger() : new SomeFloat(null);
            // super(C, self), as the flow space spells super(): remembered for the attribute read that follows
            case "super" -> a.size() == 2 && a.get(0).konst() instanceof dev.taipan.flowgraph.host.PyType
                    && a.get(1) instanceof SomeInstance ? new SomeBuiltin("super", new SomeTuple(a)) : new SomeObject();
            case "bool", "isinstance" -> new SomeBool(null);
            case "str", "repr" -> a.isEmpty() ? new SomeString(false, null) : Printing.text(ann, a.getFirst(), b.name().equals("repr"));
            case "chr" -> new SomeChar(null);
            case "range" -> {
                ListDef d = ann.bookkeeper.listdef(ann.currentOp(), true);   // immutable in Python 3: never a real list
                d.item.generalize(ann, new SomeInteger());
                yield new SomeList(d);
            }
            case "min", "max" -> a.size() == 1 ? Operations.iter(ann, a.getFirst()) instanceof SomeIterator it ? it.item()
                    : new SomeObject() : ann.unionAll(a).withoutConst();
            case "enumerate" -> {
                // the count starts at 0, or at the start given, which may be negative
                boolean nonneg = a.size() < 2 || a.get(1) instanceof SomeBool || a.get(1) instanceof SomeInteger i && i.nonneg();
                // enumerate(zip(a, b)) walks the zip iterator itself: it is the container (as zip's arguments are)
                yield Operations.iter(ann, a.getFirst()) instanceof SomeIterator it
                        ? new SomeIterator(a.getFirst() instanceof SomeIterator inner ? inner : it.container(),
                                SomeIterator.Variant.ENUMERATE,
                                new SomeTuple(List.of(new SomeInteger(nonneg, false, null), it.item()))) : new SomeObject();
            }
            case "list", "sorted" -> {
                ListDef d = ann.bookkeeper.listdef(ann.currentOp(), false);
                if (!a.isEmpty() && listCopied(a.getFirst()) instanceof SomeList other) {
                    d.copiesFrom(ann, other.listdef());   // list(l) of a list never resized copies its array
                } else if (!a.isEmpty() && Operations.iter(ann, a.getFirst()) instanceof SomeIterator it) {
                    d.item.generalize(ann, it.item());
                }
                yield new SomeList(d);
            }
            case "list.append", "list.insert" -> {
                ((SomeList) self).listdef().markResized();
                ((SomeList) self).listdef().item.generalize(ann, a.getLast());
                yield new SomeNone();
            }
            case "list.extend" -> {
                ((SomeList) self).listdef().markResized();
                if (a.getFirst() instanceof SomeList other) {
                    ((SomeList) self).listdef().copiesFrom(ann, other.listdef());   // one array copied into the other
                } else if (Operations.iter(ann, a.getFirst()) instanceof SomeIterator it) {
                    ((SomeList) self).listdef().item.generalize(ann, it.item());
                }
                yield new SomeNone();
            }
            case "list.pop" -> {
                ((SomeList) self).listdef().markResized();
                yield ((SomeList) self).listdef().item.read(ann);
            }
            case "list.remove", "list.clear" -> {
                ((SomeList) self).listdef().markResized();
                if (!a.isEmpty()) {
                    Operations.comparedWithItems(ann, (SomeList) self, a.getFirst());
                }
                yield new SomeNone();
            }
            case "list.reverse", "list.sort", "dict.clear" -> new SomeNone();
            case "dict.update" -> {
                if (a.size() == 1 && a.getFirst() instanceof SomeDict other) {
                    copyItems(other, ((SomeDict) self).dictdef());
                }
                yield a.size() == 1 && a.getFirst() instanceof SomeDict ? new SomeNone() : new SomeObject();
            }
            case "dict" -> {
                DictDef d = ann.bookkeeper.dictdef(ann.currentOp());
                if (a.size() == 1 && a.getFirst() instanceof SomeDict other) {
                    copyItems(other, d);      // dict(d): a copy, with d's keys and values
                }
                yield a.isEmpty() || a.size() == 1 && a.getFirst() instanceof SomeDict ? new SomeDict(d) : new SomeObject();
            }
            case "tuple" -> new SomeObject();
            case "reversed" -> Operations.iter(ann, a.getFirst()) instanceof SomeIterator it
                    ? new SomeIterator(it.container(), SomeIterator.Variant.REVERSED, it.item()) : new SomeObject();
            case "zip" -> {
                java.util.List<SomeValue> items = new java.util.ArrayList<>();
                for (SomeValue x : a) {
                    items.add(Operations.iter(ann, x) instanceof SomeIterator it ? it.item() : new SomeObject());
                }
                yield new SomeIterator(new SomeTuple(a.stream().map(SomeValue::withoutConst).toList()),
                        SomeIterator.Variant.ZIP, new SomeTuple(items));
            }
            case "sum" -> sum(ann, a);
            case "list.index", "list.count" -> {
                if (!a.isEmpty()) {
                    Operations.comparedWithItems(ann, (SomeList) self, a.getFirst());
                }
                yield new SomeInteger();
            }
            case "str.find", "str.rfind", "str.index", "str.count" -> new SomeInteger();
            case "str.join", "str.strip", "str.lstrip", "str.rstrip", "str.replace", "str.upper", "str.lower",
                 "str.ljust", "str.rjust", "str.format" -> new SomeString(false, null);
            case "str.startswith", "str.endswith", "str.isdigit", "str.isalpha", "str.isspace", "str.isalnum",
                 "str.isupper", "str.islower" -> new SomeBool(null);
            case "str.split" -> {
                ListDef d = ann.bookkeeper.listdef(ann.currentOp(), false);
                d.item.generalize(ann, new SomeString(false, null));
                yield new SomeList(d);
            }
            case "dict.get" -> {
                SomeDict d = (SomeDict) self;
                d.dictdef().key.generalize(ann, a.getFirst());
                SomeValue v = d.dictdef().value.read(ann);
                yield a.size() > 1 ? ann.union(v, a.get(1)) : Union.orNone(v);
            }
            case "dict.setdefault" -> {
                SomeDict d = (SomeDict) self;
                d.dictdef().key.generalize(ann, a.getFirst());
                d.dictdef().value.generalize(ann, a.get(1));
                yield d.dictdef().value.read(ann);
            }
            case "dict.pop" -> {
                // the key is looked up as get's is, so it may be a key of the dict ({}.pop(k, 0) included)
                SomeDict d = (SomeDict) self;
                d.dictdef().key.generalize(ann, a.getFirst());
                yield a.size() > 1 ? ann.union(d.dictdef().value.read(ann), a.get(1)) : d.dictdef().value.read(ann);
            }
            // the list's array is a copy of the dict's keys (values) array, so, as for the
            // copies ListDef.copiesFrom makes, a list that widens (B keys into a list of A,
            // fuzz seed 700110) widens the dict too
            case "dict.keys", "dict.values" -> {
                ListDef l = ann.bookkeeper.listdef(ann.currentOp(), false);
                ListItem from = b.name().equals("dict.keys") ? ((SomeDict) self).dictdef().key : ((SomeDict) self).dictdef().value;
                l.item.generalize(ann, from.read(ann));
                from.generalize(ann, l.item.read(ann));
                yield new SomeList(l);
            }
            case "dict.items" -> {
                ListDef l = ann.bookkeeper.listdef(ann.currentOp(), false);
                DictDef d = ((SomeDict) self).dictdef();
                l.item.generalize(ann, new SomeTuple(List.of(d.key.read(ann), d.value.read(ann))));
                if (l.item.read(ann) instanceof SomeTuple t && t.items().size() == 2) {
                    d.key.generalize(ann, t.items().get(0));
                    d.value.generalize(ann, t.items().get(1));
                }
                yield new SomeList(l);
            }
            case "type" -> a.size() == 1 && a.getFirst() instanceof SomeInstance i ? ann.bookkeeper.typeOf(ann, i.classdef())
                    : new SomeObject();
            case "str.encode" -> new SomeBytes(null);
            case "bytes.decode" -> new SomeString(false, null);
            default -> new SomeObject();
        };
    }

    /** {@code sum(items[, start])}: numbers only; bools add up to an int. */
    private static SomeValue sum(Annotator ann, List<SomeValue> a) {
        if (!(Operations.iter(ann, a.getFirst()) instanceof SomeIterator it)) {
            return new SomeObject();
        }
        SomeValue item = it.item();
        SomeValue total = item instanceof SomeBool || item instanceof SomeImpossibleValue    // sum([]) is 0
                ? new SomeInteger(true, false, null) : item.withoutConst();
        if (a.size() > 1) {
            total = ann.union(total, a.get(1).withoutConst());
        }
        return total instanceof SomeInteger || total instanceof SomeFloat ? total : new SomeObject();
    }

    /**
     * The list whose items {@code list(x)} copies, if x is one (or an iterator over one, forward
     * or reversed, fuzz seed 710000), not a range: the copy and the source then store items
     * alike ({@link ListDef#copiesFrom}).
     */
    private static SomeList listCopied(SomeValue x) {
        SomeValue source = x instanceof SomeIterator it
                && (it.variant() == SomeIterator.Variant.ITEMS || it.variant() == SomeIterator.Variant.REVERSED)
                ? it.container() : x;
        return source instanceof SomeList l && !l.listdef().isRange() ? l : null;
    }

    /**
     * The keys and values of {@code from} may now be in {@code into} too: as PyPy's
     * {@code method_update} and {@code dict(d)} do, the two dicts' descriptions become one, so
     * both have one low-level type and the copy is a copy of items as they are. Widening only
     * {@code into} would leave a copy between two dict types (chars into strs, fuzz seed 700102)
     * that no low-level helper can make.
     */
    private static void copyItems(SomeDict from, DictDef into) {
        into.key.merge(from.dictdef().key);
        into.value.merge(from.dictdef().value);
    }

    /** {@code time}: the clocks, seconds as a float, or nanoseconds as an int for the {@code _ns} ones. */
    private static SomeValue time(String name) {
        return switch (name) {
            case "time.time", "time.perf_counter", "time.monotonic", "time.process_time" -> new SomeFloat(null);
            case "time.time_ns", "time.perf_counter_ns" -> new SomeInteger(true, false, null);
            default -> new SomeObject();
        };
    }

    /** {@code math}: numbers in; a float out, or an int for floor, ceil and trunc (Python 3), a bool for the tests. */
    private static SomeValue math(Annotator ann, String name, List<SomeValue> a) {
        for (SomeValue x : a) {
            if (!(x instanceof SomeInteger || x instanceof SomeBool || x instanceof SomeFloat)) {
                throw Annotator.error(ann, "math." + name + "() takes numbers, not " + Describe.article(x));
            }
        }
        return switch (name) {
            case "floor", "ceil", "trunc" -> new SomeInteger();
            case "factorial", "gcd" -> new SomeInteger(true, false, null);
            case "isinf", "isnan", "isfinite" -> new SomeBool(null);
            default -> MATH_FLOAT.contains(name) ? new SomeFloat(null) : new SomeObject();
        };
    }

    /**
     * {@code os}: file descriptors are ints, paths are strs, data is bytes, as in Python 3 (and
     * so on CPython too); an RPy str goes out as {@code s.encode()} and comes back as
     * {@code data.decode()}.
     */
    private static SomeValue os(Annotator ann, String name, List<SomeValue> a) {
        return switch (name) {
            case "os.write" -> {
                if (a.size() == 2 && (a.get(1) instanceof SomeString || a.get(1) instanceof SomeChar)) {
                    throw Annotator.error(ann, "os.write() takes bytes, not a str: write s.encode()");
                }
                yield a.size() == 2 && a.get(1) instanceof SomeBytes ? new SomeInteger(true, false, null) : new SomeObject();
            }
            case "os.read" -> new SomeBytes(null);
            case "os.open" -> new SomeInteger(true, false, null);
            case "os.close", "os.unlink", "os.remove" -> new SomeNone();
            default -> new SomeObject();
        };
    }
}
