package dev.taipan.annotator;

import dev.taipan.annotator.SomeValue.*;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Variable;
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
                && !t.isBuiltin() && (a.get(1) instanceof SomeInstance || a.get(1) instanceof SomeNone)) {
            // stage02/ex2 re-implements the narrowing itself
            var n = Exercised.ISINSTANCE_NARROWING.current().narrow(a.get(1), ann.bookkeeper.classdef(t));
            return new SomeBool(null, new KnownTypeData(Map.of(v, n.ifTrue()), Map.of(v, n.ifFalse())));
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
