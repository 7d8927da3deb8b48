package dev.taipan.flowgraph.fuzz;

import dev.taipan.flowgraph.fuzz.PyTree.Lit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a generated program declares, decided before any body is written: classes with their
 * fields, class attributes and method signatures, exception classes, functions, prebuilt
 * instances, global containers and function tables. Bodies are generated afterwards, in
 * order; each callable records its {@link Effects} once its body exists, and a later body
 * calls it only where those effects are allowed (its exceptions caught, its cost affordable,
 * the containers it mutates not being iterated). That is how every program stays valid,
 * terminates, and never raises an exception nobody catches.
 */
final class Plan {

    /** A parameter, field or constructor argument; {@code dflt} is null when it has no default. */
    record Param(String name, Ty type, Lit dflt) {
    }

    /**
     * What running a callable may do: at most {@code cost} operations and {@code lines}
     * printed lines per call, the exceptions that may escape it, and the container types it
     * may mutate.
     */
    record Effects(long cost, long lines, Set<String> raises, Set<Ty> mutates) {
        Effects {
            raises = Set.copyOf(raises);
            mutates = Set.copyOf(mutates);
        }

        Effects join(Effects o) {
            Set<String> r = new HashSet<>(raises);
            r.addAll(o.raises);
            Set<Ty> m = new HashSet<>(mutates);
            m.addAll(o.mutates);
            return new Effects(Math.max(cost, o.cost), Math.max(lines, o.lines), r, m);
        }
    }

    /**
     * A function, or a method signature shared by every override in a class family. A
     * {@code raisy} callable may let exceptions escape (its callers must catch them); a
     * {@code recursive} one takes a depth counter as its first parameter.
     */
    static final class Callable {
        final String name;
        final ClassSpec owner;
        final List<Param> params;
        final Ty result;
        final boolean raisy;
        final boolean recursive;
        Effects effects;
        int calls;
        /** The function table ({@code T0 = [f1, f2]}) this function belongs to, or null. */
        String table;

        Callable(String name, ClassSpec owner, List<Param> params, Ty result, boolean raisy, boolean recursive) {
            this.name = name;
            this.owner = owner;
            this.params = List.copyOf(params);
            this.result = result;
            this.raisy = raisy;
            this.recursive = recursive;
        }

        Ty.Func type() {
            return new Ty.Func(params.stream().map(Param::type).toList(), result);
        }
    }

    /** A user class: its own fields (constructor arguments after the base's), class attributes, methods. */
    static final class ClassSpec {
        final String name;
        final ClassSpec base;
        final List<ClassSpec> subclasses = new ArrayList<>();
        final List<Param> ownFields = new ArrayList<>();
        /** Class attributes set in this class body (overrides included): name to literal. */
        final Map<String, Lit> classAttrs = new LinkedHashMap<>();
        /** The family's method signatures; only the root declares them. */
        final List<Callable> methods = new ArrayList<>();
        /** Methods this class defines (the root defines all). */
        final Set<String> defines = new HashSet<>();
        boolean hasStr;
        boolean superInit;

        ClassSpec(String name, ClassSpec base) {
            this.name = name;
            this.base = base;
            if (base != null) {
                base.subclasses.add(this);
            }
        }

        Ty.Inst type() {
            return new Ty.Inst(name, false);
        }

        /** Every field, the base's first: the constructor's parameters. */
        List<Param> fields() {
            List<Param> all = new ArrayList<>(base == null ? List.of() : base.fields());
            all.addAll(ownFields);
            return all;
        }

        /** The class attribute {@code name} as this class sees it (its own or inherited). */
        Lit classAttr(String attr) {
            Lit own = classAttrs.get(attr);
            return own != null || base == null ? own : base.classAttr(attr);
        }

        boolean printsItself() {
            return hasStr || base != null && base.printsItself();
        }

        /** This class and all its subclasses, depth first. */
        List<ClassSpec> family() {
            List<ClassSpec> all = new ArrayList<>(List.of(this));
            subclasses.forEach(s -> all.addAll(s.family()));
            return all;
        }

        boolean isSubclassOf(ClassSpec other) {
            return this == other || base != null && base.isSubclassOf(other);
        }
    }

    /** An exception class: a subclass of Exception (or of another of ours) carrying one int. */
    record ExcSpec(String name, String base) {
    }

    /** A module-level name the program reads at run time: a prebuilt instance, a container, a table. */
    record Global(String name, Ty type) {
    }

    final List<ClassSpec> classes = new ArrayList<>();
    final List<ExcSpec> exceptions = new ArrayList<>();
    /** Functions and method signatures whose bodies exist, in generation order: what a body may call. */
    final List<Callable> callables = new ArrayList<>();
    final List<Global> globals = new ArrayList<>();

    /** The types of the function tables: a table's functions are the only ones used as values. */
    List<Ty.Func> tables() {
        return callables.stream().filter(c -> c.table != null).map(Callable::type).distinct().toList();
    }

    ClassSpec classNamed(String name) {
        return classes.stream().filter(c -> c.name.equals(name)).findFirst().orElseThrow();
    }

    /** Does {@code except handler:} catch {@code raised}? Built-in names follow Python's hierarchy. */
    boolean catches(String handler, String raised) {
        for (String e = raised; e != null; e = parentOf(e)) {
            if (e.equals(handler)) {
                return true;
            }
        }
        return false;
    }

    private String parentOf(String exc) {
        return switch (exc) {
            case "IndexError", "KeyError" -> "LookupError";
            case "ZeroDivisionError", "OverflowError" -> "ArithmeticError";
            case "LookupError", "ArithmeticError", "ValueError" -> "Exception";
            case "Exception" -> null;
            default -> exceptions.stream().filter(e -> e.name().equals(exc)).map(ExcSpec::base)
                    .findFirst().orElse(null);
        };
    }
}
