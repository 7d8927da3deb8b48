package dev.taipan.annotator;

import dev.taipan.annotator.SomeValue.*;
import dev.taipan.flowgraph.host.*;
import dev.taipan.flowgraph.operation.HLOp;
import java.util.List;

/**
 * What an annotation means: the host values a variable with that annotation may hold (the
 * <em>concretisation</em> of abstract interpretation, written γ). The annotator is sound when
 * every value a variable takes while the program runs is in γ of its annotation; the soundness
 * test runs the corpus through the annotated graphs and asks {@link #contains} at every binding.
 *
 * <p>Where the rtyper will convert a value on a link, the value before conversion counts as
 * contained: an int (or bool) where the annotation is {@code float} (the join {@code int ∨ float})
 * or {@code r_uint}, and None where a list or dict is expected (a null pointer). Whether an int
 * fits a machine word is the program's business ({@code intmask}, {@code ovfcheck}), not the
 * annotator's: {@code ovfcheck(a * b)} sees the unbounded product before it raises.
 */
public final class Contains {
    private Contains() { }

    /** True if {@code v} is one of the values {@code s} describes. */
    public static boolean contains(SomeValue s, PyObject v) {
        return switch (s) {
            case SomeObject o -> true;
            case SomeImpossibleValue i -> false;
            case SomeInteger i -> v instanceof PyInt n && (i.unsigned() || !isRUint(v))
                    && (!i.nonneg() || n.bigValue().signum() >= 0) && sameConstant(i.konst(), v);
            case SomeBool b -> v instanceof PyBool && sameConstant(b.konst(), v);
            case SomeFloat f -> (v instanceof PyFloat || v instanceof PyInt && !isRUint(v)) && sameConstant(f.konst(), v);
            case SomeChar c -> isStr(v) && ((PyStr) v).value().length() == 1 && sameConstant(c.konst(), v);
            case SomeString str -> v == PySingleton.NONE ? str.canBeNone() : isStr(v) && sameConstant(str.konst(), v);
            case SomeBytes by -> v instanceof PyBytes && sameConstant(by.konst(), v);
            case SomeTuple t -> v instanceof PyTuple tuple && tuple.size() == t.items().size() && allContained(t.items(), tuple.items());
            case SomeList l -> v == PySingleton.NONE || isSequence(v) && allContained(l.listdef().itemValue(), items(v));
            case SomeDict d -> v == PySingleton.NONE || v instanceof PyDict dict
                    && allContained(d.dictdef().keyValue(), List.copyOf(dict.asMap().keySet()))
                    && allContained(d.dictdef().valueValue(), List.copyOf(dict.asMap().values()));
            case SomeIterator it -> v.type().lookup("__next__") != null;
            case SomeSlice sl -> v.type().name().equals("slice");
            case SomeInstance in -> v == PySingleton.NONE ? in.canBeNone() : v.type().isSubtypeOf(in.classdef().pytype);
            case SomePBC p -> v == PySingleton.NONE ? p.canBeNone() : p.descs().stream().anyMatch(d -> isDesc(d, v));
            case SomeNone n -> v == PySingleton.NONE;
            case SomeBuiltin b -> isBuiltin(b, v);
            case Contributed c -> c.contains(v);
        };
    }

    private static boolean isStr(PyObject v) {
        return v instanceof PyStr && v.type().isBuiltin();
    }

    /** An {@code r_uint} of the support package: an int subclass whose arithmetic wraps modulo 2**64. */
    private static boolean isRUint(PyObject v) {
        return v instanceof PyInt && !v.type().isBuiltin() && v.type().mro().stream().anyMatch(t -> t.name().equals("r_uint"));
    }

    /** A constant annotation holds only its own value (compared as Python's {@code ==}: {@code 1 == True}). */
    private static boolean sameConstant(PyObject k, PyObject v) {
        return k == null || HostSpace.isTrue(HLOp.EQ.apply(k, v));
    }

    private static boolean allContained(SomeValue item, List<PyObject> values) {
        for (PyObject x : values) {
            if (!contains(item, x)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allContained(List<SomeValue> items, List<PyObject> values) {
        for (int i = 0; i < items.size(); i++) {
            if (!contains(items.get(i), values.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * What the annotator calls a list: a list, and the host's lazy stand-ins for one, which RPy
     * (Python 2's semantics) sees as lists: a {@code range}, a dict's {@code keys()},
     * {@code values()} and {@code items()}.
     */
    private static boolean isSequence(PyObject v) {
        return v instanceof PyList || v instanceof PyRange
                || List.of("dict_keys", "dict_values", "dict_items").contains(v.type().name());
    }

    private static List<PyObject> items(PyObject v) {
        if (v instanceof PyList l) {
            return l.items();
        }
        if (v instanceof PyRange r) {   // its first and last items bound all the others
            long n = ((PyInt) HostSpace.len(r)).longValue();
            return n == 0 ? List.of() : List.of(HostSpace.getitem(r, PyInt.of(0)),
                    HostSpace.getitem(r, PyInt.of(-1)));
        }
        return HostSpace.iterate(v);
    }

    private static boolean isDesc(Desc d, PyObject v) {
        return switch (d) {
            case Desc.MethodDesc m -> v instanceof PyMethod bound && bound.function() == m.func().pyobj()
                    && bound.self().type().isSubtypeOf(m.selfClass().pytype);
            default -> d.pyobj() == v;
        };
    }

    /**
     * A builtin function of that name, or a builtin method of that name bound to a value its
     * {@code self} allows, or {@code super(C, obj)} (whose {@code self} is the pair C, obj).
     */
    private static boolean isBuiltin(SomeBuiltin b, PyObject v) {
        if (b.name().equals("super")) {
            return v.type().name().equals("super") && b.self() instanceof SomeTuple t && t.items().size() == 2
                    && contains(t.items().get(0), HostSpace.getattr(v, PyStr.of("__thisclass__")))
                    && contains(t.items().get(1), HostSpace.getattr(v, PyStr.of("__self__")));
        }
        String name = b.name().substring(b.name().lastIndexOf('.') + 1);
        return switch (v) {
            case PyBuiltinFunction f -> b.self() == null && name.equals(HostSpace.str(HostSpace.getattr(f, PyStr.of("__name__"))));
            case PyMethod m -> m.function() instanceof PyBuiltinFunction f && b.self() != null && contains(b.self(), m.self())
                    && name.equals(HostSpace.str(HostSpace.getattr(f, PyStr.of("__name__"))));
            default -> false;
        };
    }
}
