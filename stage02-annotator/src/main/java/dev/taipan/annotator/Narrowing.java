package dev.taipan.annotator;

import dev.taipan.annotator.SomeValue.*;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.flowgraph.host.HostSpace;
import dev.taipan.flowgraph.host.PyBool;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyTuple;
import dev.taipan.flowgraph.host.PyType;
import java.util.List;
import java.util.Map;

/**
 * Knowntypedata: what {@code x is None}, {@code isinstance(x, C)}, {@code if x:} and
 * {@code except C as x:} prove about {@code x} on each branch. The annotator applies it on the exits of the block whose exitswitch is the bool,
 * so that {@code if node is not None: node.left} reads {@code left} of a {@code Node}, not of a
 * {@code Node | None}, and a branch that cannot be taken is not flowed at all.
 */
final class Narrowing {
    private Narrowing() { }

    /** For {@code x is None} (or {@code None is x}): x is None when True, x without None when False. */
    static KnownTypeData isNone(SpaceOperation op, List<SomeValue> a) {
        for (int i = 0; i < 2; i++) {
            if (op.args().get(i) instanceof Variable v && a.get(1 - i) instanceof SomeNone) {
                SomeValue s = a.get(i);
                return new KnownTypeData(Map.of(v, s.canBeNone() ? new SomeNone() : SomeValue.IMPOSSIBLE),
                        Map.of(v, withoutNone(s)));
            }
        }
        return null;
    }

    /**
     * {@code isinstance(x, C)} with C a class of the program (or an exception class) or a tuple
     * of them: x is an instance of (one of) them when True.
     */
    static SomeValue isinstance(Annotator ann, SpaceOperation op, List<SomeValue> a) {
        if (a.size() == 3 && op.args().get(1) instanceof Variable v
                && (a.get(1) instanceof SomeInstance || a.get(1) instanceof SomeNone)) {
            KnownTypeData k = narrow(ann, v, a.get(1), op.args().get(2));
            if (k != null) {
                return new SomeBool(null, k);
            }
        }
        return new SomeBool(null);
    }

    /**
     * {@code exception_match(e, C)} in an {@code except C as e:} handler, C a class or a tuple of
     * them: on the True branch {@code e} is an instance of (one of) C, so the handler reads the
     * attributes of the user's exception class, not of {@code BaseException}.
     */
    static SomeValue exceptionMatch(Annotator ann, SpaceOperation op, List<SomeValue> a) {
        if (op.args().getFirst() instanceof Variable v && a.getFirst() instanceof SomeInstance) {
            KnownTypeData k = narrow(ann, v, a.getFirst(), op.args().get(1));
            if (k != null) {
                return new SomeBool(null, k);
            }
        }
        return new SomeBool(null);
    }

    /** What "x is an instance of one of {@code classes}" proves; null if they are not classes we narrow to. */
    private static KnownTypeData narrow(Annotator ann, Variable v, SomeValue x, Value classes) {
        List<PyType> types = classesOf(classes instanceof Constant c && c.value() instanceof PyObject o ? o : null);
        if (types.isEmpty() || !types.stream().allMatch(t -> hasClassDef(ann, t))) {
            return null;
        }
        SomeValue yes = SomeValue.IMPOSSIBLE;
        for (PyType t : types) {
            // stage02/ex2 re-implements the narrowing by one class
            yes = ann.union(yes, ann.isinstanceNarrowing.narrow(x, ann.bookkeeper.classdef(t)).ifTrue());
        }
        return new KnownTypeData(Map.of(v, yes), Map.of(v, x));
    }

    /** Classes of the program and exception classes have a ClassDef; {@code int} or {@code str} do not. */
    private static boolean hasClassDef(Annotator ann, PyType t) {
        return !t.isBuiltin() || t.isSubtypeOf((PyType) ann.bookkeeper.translator.host().builtin("BaseException"));
    }

    /** The classes of an {@code except} clause or an {@code isinstance} test: one class or a tuple of them. */
    static List<PyType> classesOf(PyObject k) {
        return switch (k) {
            case PyType t -> List.of(t);
            case PyTuple tup when tup.items().stream().allMatch(x -> x instanceof PyType) ->
                    tup.items().stream().map(x -> (PyType) x).toList();
            case null, default -> List.of();
        };
    }

    /**
     * {@code bool(x)}, as in {@code if x:}: an instance, function or string that may be None is
     * not None when the test is true (a false string may still be "", so the False branch keeps
     * what it had), and None itself is always false.
     */
    static SomeValue truth(SpaceOperation op, SomeValue s) {
        if (s instanceof SomeNone) {
            return new SomeBool(PyBool.FALSE);
        }
        if (op.args().getFirst() instanceof Variable v && s.canBeNone()) {
            return new SomeBool(null, new KnownTypeData(Map.of(v, withoutNone(s)), Map.of()));
        }
        return new SomeBool(null);
    }

    /**
     * When True, x is an instance of the more precise of its class and C, never None; of
     * neither when the two classes are unrelated (single inheritance: no class is below both),
     * nor when x is only None so far (a value still growing from the bottom of the lattice):
     * that branch is not taken. When False, x keeps its annotation: "a Base that is not a Sub"
     * is not in the lattice, and None still fails the test.
     */
    static IsinstanceNarrowing.Narrowed narrowIsinstance(SomeValue x, ClassDef c) {
        SomeValue yes = !(x instanceof SomeInstance i) ? SomeValue.IMPOSSIBLE
                : c.isSubclassOf(i.classdef()) ? new SomeInstance(c, false)
                : i.classdef().isSubclassOf(c) ? new SomeInstance(i.classdef(), false) : SomeValue.IMPOSSIBLE;
        return new IsinstanceNarrowing.Narrowed(yes, x);
    }

    static SomeValue withoutNone(SomeValue s) {
        return switch (s) {
            case SomeNone n -> SomeValue.IMPOSSIBLE;
            case SomeInstance i -> new SomeInstance(i.classdef(), false);
            case SomeString str -> new SomeString(false, str.konst());
            case SomePBC p -> new SomePBC(p.descs(), false);
            default -> s;
        };
    }
}
