package dev.taipan.annotator;

import dev.taipan.annotator.SomeValue.*;
import java.util.stream.Collectors;

/** Annotations in Python's words: type hints for signatures ({@code list[int]}), and "an int" for messages. */
public final class Describe {
    private Describe() { }

    /** A Python type hint for the annotation. */
    public static String pyType(SomeValue s) {
        return switch (s) {
            case SomeObject o -> "object";
            case SomeImpossibleValue i -> "Never";
            case SomeInteger i -> i.unsigned() ? "r_uint" : "int";
            case SomeBool b -> "bool";
            case SomeFloat f -> "float";
            case SomeChar c -> "str";
            case SomeString str -> str.canBeNone() ? "str | None" : "str";
            case SomeBytes by -> "bytes";
            case SomeTuple t -> t.items().isEmpty() ? "tuple[()]"
                    : "tuple[" + t.items().stream().map(Describe::pyType).collect(Collectors.joining(", ")) + "]";
            case SomeList l -> "list[" + pyType(l.listdef().itemValue()) + "]";
            case SomeDict d -> "dict[" + pyType(d.dictdef().keyValue()) + ", " + pyType(d.dictdef().valueValue()) + "]";
            case SomeIterator it -> "Iterator[" + pyType(it.item()) + "]";
            case SomeSlice sl -> "slice";
            case SomeInstance in -> in.canBeNone() ? in.classdef().name() + " | None" : in.classdef().name();
            case SomePBC p -> p.descs().stream().map(Describe::desc).sorted().collect(Collectors.joining(" | "))
                    + (p.canBeNone() ? " | None" : "");
            case SomeNone n -> "None";
            case SomeBuiltin b -> "builtin " + b.name();
            case Contributed c -> c.pyType();
        };
    }

    private static String desc(Desc d) {
        return switch (d) {
            case Desc.FunctionDesc f -> "function " + f.name();
            case Desc.ClassDesc c -> "type[" + c.pyobj().name() + "]";
            case Desc.MethodDesc m -> "method " + m.selfClass().name() + "." + m.func().name();
            case Desc.FrozenDesc f -> String.valueOf(f.pyobj());
        };
    }

    /** "an int", "a str", "None", "a list[int]": for error messages. */
    public static String article(SomeValue s) {
        String t = pyType(s);
        if (s instanceof SomeNone) {
            return "None";
        }
        return ("aeiou".indexOf(Character.toLowerCase(t.charAt(0))) >= 0 ? "an " : "a ") + t;
    }
}
