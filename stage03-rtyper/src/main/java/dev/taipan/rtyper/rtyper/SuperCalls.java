package dev.taipan.rtyper.rtyper;

import dev.taipan.annotator.SomeValue;
import dev.taipan.annotator.SomeValue.SomeBuiltin;
import dev.taipan.annotator.SomeValue.SomeInstance;
import dev.taipan.annotator.SomeValue.SomeTuple;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.host.PyType;

/**
 * {@code super().m(args)}, which the flow space spells {@code super(C, self).m(args)}. The
 * annotator resolves {@code .m} at translation time to the one definition found after {@code C}
 * in {@code C}'s method resolution order, bound to {@code self}: a method family of one
 * ({@code Attributes.superAttr}). So at the low level the super object needs to be nothing but
 * {@code self}: its repr is {@code self}'s instance repr, reading {@code .m} on it is reading a
 * method on an instance ({@link InstanceRules#getattr}), and the call, having a single
 * candidate, is a {@code direct_call} of the parent's graph with {@code self}, never a vtable
 * lookup, which would find the override again. PyPy gets the same from its annotator, which
 * turns the super call into a direct call of the parent's method.
 */
final class SuperCalls {
    private SuperCalls() { }

    /** The instance a {@code super(C, self)} annotation stands for, or null if {@code s} is not one. */
    static SomeInstance self(SomeValue s) {
        return s instanceof SomeBuiltin b && b.name().equals("super") && b.self() instanceof SomeTuple t
                && t.items().size() == 2 && t.items().get(1) instanceof SomeInstance i ? i : null;
    }

    /** Whether {@code f} is the builtin {@code super}. */
    static boolean isSuper(Object f) {
        return f instanceof PyType t && t.isBuiltin() && t.name().equals("super");
    }

    /** {@code super(C, self)}: self, which is all the method read on it needs. */
    static Value call(HighLevelOp hop) {
        if (hop.nargs() != 3 || !(hop.resultRepr instanceof Repr.InstanceRepr)) {
            throw hop.error("super() with no arguments, or super(C, self) inside a method of C, is all RPy translates");
        }
        return hop.inputarg(hop.resultRepr, 2);
    }
}
