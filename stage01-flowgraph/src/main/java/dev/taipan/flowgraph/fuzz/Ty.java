package dev.taipan.flowgraph.fuzz;

import java.util.List;

/**
 * The static types of generated programs: a small copy of what the annotator will infer, so
 * that every variable, list item, dict entry, field and return value keeps one type and every
 * generated program is RPy. Subclass instances may go where their base class is expected, as
 * the annotator joins them to the common base.
 */
public sealed interface Ty {

    /** A signed machine word. */
    record Int() implements Ty {
    }

    /** {@code r_uint}: an unsigned word, arithmetic modulo 2**64. */
    record Uint() implements Ty {
    }

    record Float() implements Ty {
    }

    record Bool() implements Ty {
    }

    record Str() implements Ty {
    }

    record ListOf(Ty item) implements Ty {
    }

    record DictOf(Ty key, Ty value) implements Ty {
    }

    record TupleOf(List<Ty> items) implements Ty {
        public TupleOf {
            items = List.copyOf(items);
        }
    }

    /** An instance of {@code cls} or of one of its subclasses; or None too, when nullable. */
    record Inst(String cls, boolean nullable) implements Ty {
    }

    /** A function value, callable with these parameter types (the functions of one table). */
    record Func(List<Ty> params, Ty result) implements Ty {
        public Func {
            params = List.copyOf(params);
        }
    }

    Ty INT = new Int();
    Ty UINT = new Uint();
    Ty FLOAT = new Float();
    Ty BOOL = new Bool();
    Ty STR = new Str();

    /** Can it be printed with {@code str()}/{@code %s}, the same on every stage (no addresses)? */
    default boolean printable() {
        return switch (this) {
            case Int i -> true;
            case Uint u -> true;
            case Float f -> true;
            case Bool b -> true;
            case Str s -> true;
            case ListOf l -> l.item().printable();
            case DictOf d -> d.key().printable() && d.value().printable();
            case TupleOf t -> t.items().stream().allMatch(Ty::printable);
            case Inst i -> false;
            case Func f -> false;
        };
    }
}
