package dev.taipan.annotator;

import dev.taipan.annotator.SomeValue.*;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.flowgraph.host.PyBool;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyTuple;
import dev.taipan.flowgraph.host.PyType;
import java.util.List;
import java.util.Map;

/**
 * Knowntypedata: what {@code x is None} and {@code isinstance(x, C)} prove about {@code x} on
 * each branch. The annotator applies it on the exits of the block whose exitswitch is the bool,
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

    /** {@code isinstance(x, C)} with C a user class: x is an instance of C when True. */
    static SomeValue isinstance(Annotator ann, SpaceOperation op, List<SomeValue> a) {
        if (a.size() == 3 && op.args().get(1) instanceof Variable v && a.get(2).konst() instanceof PyType t
                && !t.isBuiltin() && a.get(1) instanceof SomeInstance inst) {
            ClassDef c = ann.bookkeeper.classdef(t);
            SomeValue yes = c.isSubclassOf(inst.classdef()) ? new SomeInstance(c, false)
                    : inst.classdef().isSubclassOf(c) ? new SomeInstance(inst.classdef(), false) : SomeValue.IMPOSSIBLE;
            return new SomeBool(null, new KnownTypeData(Map.of(v, yes), Map.of()));
        }
        return new SomeBool(null);
    }

    /**
     * {@code exception_match(e, C)} in an {@code except C as e:} handler, C a class or a tuple of
     * them: on the True branch {@code e} is an instance of (one of) C, so the handler reads the
     * attributes of the user's exception class, not of {@code BaseException}.
     */
    static SomeValue exceptionMatch(Annotator ann, SpaceOperation op, List<SomeValue> a) {
        if (op.args().getFirst() instanceof Variable v && a.getFirst() instanceof SomeInstance inst) {
            SomeValue yes = SomeValue.IMPOSSIBLE;
            PyObject classes = op.args().get(1) instanceof Constant c && c.value() instanceof PyObject o ? o : null;
            for (PyType t : classesOf(classes)) {
                yes = Union.union(yes, instanceOf(ann.bookkeeper.classdef(t), inst));
            }
            return new SomeBool(null, new KnownTypeData(Map.of(v, yes), Map.of()));
        }
        return new SomeBool(null);
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

    /** An instance of {@code inst} that is also an instance of {@code c}: the more precise class, or impossible. */
    static SomeValue instanceOf(ClassDef c, SomeInstance inst) {
        return c.isSubclassOf(inst.classdef()) ? new SomeInstance(c, false)
                : inst.classdef().isSubclassOf(c) ? new SomeInstance(inst.classdef(), false) : SomeValue.IMPOSSIBLE;
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
