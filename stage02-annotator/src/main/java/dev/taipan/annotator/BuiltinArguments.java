package dev.taipan.annotator;

import dev.taipan.annotator.SomeValue.*;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the builtin functions and methods accept, checked before they are typed: how many
 * arguments, and of which kind, as Python checks them when the call runs ({@code len(5)} and
 * {@code ",".join([1, 2])} raise TypeError there; here they are annotation errors at the call).
 * A builtin missing from the table is not checked.
 */
final class BuiltinArguments {
    private BuiltinArguments() { }

    /** A kind of argument: a test on its annotation and the words for a message. */
    record Kind(String words, Predicate<SomeValue> test) { }

    static final Kind ANY = new Kind("a value", s -> true);
    static final Kind INT = new Kind("an int", s -> s instanceof SomeInteger || s instanceof SomeBool);
    static final Kind NUMBER = new Kind("a number", s -> INT.test.test(s) || s instanceof SomeFloat);
    static final Kind STR = new Kind("a str", s -> s instanceof SomeString || s instanceof SomeChar);
    static final Kind STR_OR_NONE = new Kind("a str or None", s -> STR.test.test(s) || s instanceof SomeNone);
    static final Kind STR_OR_NUMBER = new Kind("a str or a number", s -> STR.test.test(s) || NUMBER.test.test(s));
    static final Kind SIZED = new Kind("a str, bytes, list, tuple or dict", s -> STR.test.test(s)
            || s instanceof SomeList || s instanceof SomeTuple || s instanceof SomeDict || s instanceof SomeBytes);
    /** What Python can hash: immutable values (a tuple of them), and instances and functions by identity. */
    static final Kind HASHABLE = new Kind("a hashable value (a number, str, tuple, instance or None)",
            BuiltinArguments::hashable);
    static final Kind ITERABLE = new Kind("something iterable (a str, list, tuple, dict or iterator)",
            s -> SIZED.test.test(s) || s instanceof SomeIterator);

    private static boolean hashable(SomeValue s) {
        return switch (s) {
            case SomeList l -> false;
            case SomeDict d -> false;
            case SomeIterator it -> false;
            case SomeSlice sl -> false;
            case SomeTuple t -> t.items().stream().allMatch(BuiltinArguments::hashable);
            default -> true;
        };
    }

    /** Minimum and maximum numbers of arguments, and the kind of each (the last one repeats). */
    record Spec(int min, int max, List<Kind> kinds) { }

    private static Spec spec(int min, int max, Kind... kinds) {
        return new Spec(min, max, List.of(kinds));
    }

    private static final int MANY = Integer.MAX_VALUE;

    private static final Map<String, Spec> SPECS = Map.ofEntries(
            Map.entry("len", spec(1, 1, SIZED)),
            Map.entry("hash", spec(1, 1, HASHABLE)),
            Map.entry("ord", spec(1, 1, STR)),
            Map.entry("chr", spec(1, 1, INT)),
            Map.entry("abs", spec(1, 1, NUMBER)),
            Map.entry("int", spec(1, 2, STR_OR_NUMBER, INT)),
            Map.entry("float", spec(1, 1, STR_OR_NUMBER)),
            Map.entry("round", spec(1, 2, NUMBER, INT)),
            Map.entry("range", spec(1, 3, INT)),
            Map.entry("enumerate", spec(1, 2, ITERABLE, INT)),
            Map.entry("zip", spec(1, MANY, ITERABLE)),
            Map.entry("sum", spec(1, 2, ITERABLE, NUMBER)),
            Map.entry("sorted", spec(1, 1, ITERABLE)),
            Map.entry("reversed", spec(1, 1, SIZED)),
            Map.entry("list", spec(0, 1, ITERABLE)),
            Map.entry("str.join", spec(1, 1, ITERABLE)),
            Map.entry("str.split", spec(0, 2, STR_OR_NONE, INT)),
            Map.entry("str.rsplit", spec(0, 2, STR_OR_NONE, INT)),
            Map.entry("str.strip", spec(0, 1, STR_OR_NONE)),
            Map.entry("str.lstrip", spec(0, 1, STR_OR_NONE)),
            Map.entry("str.rstrip", spec(0, 1, STR_OR_NONE)),
            Map.entry("str.find", spec(1, 3, STR, INT)),
            Map.entry("str.rfind", spec(1, 3, STR, INT)),
            Map.entry("str.index", spec(1, 3, STR, INT)),
            Map.entry("str.count", spec(1, 3, STR, INT)),
            Map.entry("str.startswith", spec(1, 3, STR, INT)),
            Map.entry("str.endswith", spec(1, 3, STR, INT)),
            Map.entry("str.replace", spec(2, 3, STR, STR, INT)),
            Map.entry("str.ljust", spec(1, 2, INT, STR)),
            Map.entry("str.rjust", spec(1, 2, INT, STR)),
            Map.entry("str.upper", spec(0, 0)),
            Map.entry("str.lower", spec(0, 0)),
            Map.entry("str.isdigit", spec(0, 0)),
            Map.entry("str.isalpha", spec(0, 0)),
            Map.entry("str.isspace", spec(0, 0)),
            Map.entry("str.isalnum", spec(0, 0)),
            Map.entry("list.append", spec(1, 1, ANY)),
            Map.entry("list.insert", spec(2, 2, INT, ANY)),
            Map.entry("list.extend", spec(1, 1, ITERABLE)),
            Map.entry("list.pop", spec(0, 1, INT)),
            Map.entry("list.index", spec(1, 1, ANY)),
            Map.entry("list.reverse", spec(0, 0)),
            Map.entry("dict.get", spec(1, 2, ANY)),
            Map.entry("dict.setdefault", spec(2, 2, ANY)),
            Map.entry("dict.pop", spec(1, 2, ANY)),
            Map.entry("dict.keys", spec(0, 0)),
            Map.entry("dict.values", spec(0, 0)),
            Map.entry("dict.items", spec(0, 0)));

    static void check(Annotator ann, String name, List<SomeValue> args) {
        Spec spec = SPECS.get(name);
        if (spec == null) {
            return;
        }
        String shown = name.contains(".") ? name.substring(name.indexOf('.') + 1) : name;
        if (args.size() < spec.min() || args.size() > spec.max()) {
            String takes = spec.min() == spec.max() ? "exactly " + spec.min()
                    : spec.max() == MANY ? "at least " + spec.min() : spec.min() + " to " + spec.max();
            throw Annotator.error(ann, shown + "() takes " + takes + " argument" + (spec.max() == 1 ? "" : "s")
                    + " but is called with " + args.size());
        }
        for (int i = 0; i < args.size(); i++) {
            Kind k = spec.kinds().get(Math.min(i, spec.kinds().size() - 1));
            SomeValue s = args.get(i);
            if (!(s instanceof SomeImpossibleValue) && !k.test().test(s)) {
                throw Annotator.error(ann, shown + "() needs " + k.words() + (args.size() > 1 ? " for its argument "
                        + (i + 1) : "") + ", but gets " + Describe.article(s));
            }
        }
        if (name.equals("str.join") && Operations.iter(ann, args.getFirst()) instanceof SomeIterator it
                && !(it.item() instanceof SomeImpossibleValue) && !STR.test().test(it.item())) {
            throw Annotator.error(ann, "join() needs strs to join, but gets " + Describe.article(args.getFirst()));
        }
        if (name.equals("sum") && Operations.iter(ann, args.getFirst()) instanceof SomeIterator it
                && !(it.item() instanceof SomeImpossibleValue) && !NUMBER.test().test(it.item())) {
            throw Annotator.error(ann, "sum() adds numbers, but gets " + Describe.article(args.getFirst()));
        }
    }

    /**
     * The keywords each builtin accepts, and the position each takes among its arguments (-1: a
     * keyword that does not change the result's type, checked and then dropped). Python allows
     * more ({@code sorted(key=...)}, for one); RPy does not.
     */
    private static final Map<String, Map<String, Integer>> KEYWORDS = Map.of(
            "print", Map.of("sep", -1, "end", -1, "flush", -1),
            "sorted", Map.of("reverse", -1),
            "list.sort", Map.of("reverse", -1),
            "enumerate", Map.of("start", 1),
            "int", Map.of("base", 1),
            "str.split", Map.of("sep", 0, "maxsplit", 1));

    private static final Map<String, Kind> KEYWORD_KINDS = Map.of("sep", STR, "end", STR, "flush", INT, "reverse", INT,
            "start", INT, "base", INT, "maxsplit", INT);

    /**
     * The arguments of a builtin called with keywords (the last {@code keywords.size()} of
     * {@code args}) as the positional list its typing rule expects; an error for a keyword the
     * builtin does not take in RPy.
     */
    static List<SomeValue> keywords(Annotator ann, String name, List<SomeValue> args, List<String> keywords) {
        if (keywords.isEmpty()) {
            return args;
        }
        int npos = args.size() - keywords.size();
        SomeValue[] slots = new SomeValue[args.size() + 2];   // a keyword may take a position past the positional ones
        for (int i = 0; i < npos; i++) {
            slots[i] = args.get(i);
        }
        String shown = name.contains(".") ? name.substring(name.indexOf('.') + 1) : name;
        int used = npos;
        for (int k = 0; k < keywords.size(); k++) {
            String kw = keywords.get(k);
            Integer at = KEYWORDS.getOrDefault(name, Map.of()).get(kw);
            if (at == null) {
                throw Annotator.error(ann, shown + "() has no keyword argument '" + kw + "' in RPy");
            }
            SomeValue v = args.get(npos + k);
            Kind kind = KEYWORD_KINDS.get(kw);
            if (!kind.test().test(v)) {
                throw Annotator.error(ann, shown + "() needs " + kind.words() + " for '" + kw + "', but gets "
                        + Describe.article(v));
            }
            if (at >= 0) {
                if (slots[at] != null) {
                    throw Annotator.error(ann, shown + "() gets two values for '" + kw + "'");
                }
                slots[at] = v;
                used = Math.max(used, at + 1);
            }
        }
        java.util.List<SomeValue> out = new java.util.ArrayList<>();
        for (int i = 0; i < used; i++) {
            // a keyword after a missing positional one (split(maxsplit=1)): the default is None
            out.add(slots[i] != null ? slots[i] : new SomeNone());
        }
        return out;
    }
}
