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

    /**
     * {@code isinstance(x, C)} with C a user class: x is an instance of C when True. An x that is
     * only None so far (annotations grow from the bottom, and None often arrives first) never
     * passes: flowing the True branch with it would leave None in x's annotation there for good.
     */
    static SomeValue isinstance(Annotator ann, SpaceOperation op, List<SomeValue> a) {
        if (a.size() == 3 && op.args().get(1) instanceof Variable v && a.get(2).konst() instanceof PyType t
                && !t.isBuiltin() && (a.get(1) instanceof SomeInstance || a.get(1) instanceof SomeNone)) {
            ClassDef c = ann.bookkeeper.classdef(t);
            SomeValue yes = !(a.get(1) instanceof SomeInstance inst) ? SomeValue.IMPOSSIBLE
                    : c.isSubclassOf(inst.classdef()) ? new SomeInstance(c, false)
                    : inst.classdef().isSubclassOf(c) ? new SomeInstance(inst.classdef(), false) : SomeValue.IMPOSSIBLE;
            return new SomeBool(null, new KnownTypeData(Map.of(v, yes), Map.of()));
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
