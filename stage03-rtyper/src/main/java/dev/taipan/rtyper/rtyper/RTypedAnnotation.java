package dev.taipan.rtyper.rtyper;

import dev.taipan.annotator.Describe;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.rtyper.llannotation.LowLevelValue;
import dev.taipan.rtyper.lltype.Primitive;

/**
 * An annotation contributed by a later stage that the rtyper translates (PyPy's
 * {@code rtyper_makerepr} on an annotation, and the {@code rtype_*} methods of the repr it
 * makes). Stage 04's {@code SomeAddress} is one: its values are {@code Address} words, and
 * {@code adr + 8} becomes {@code adr_add}. The rtyper represents it by a
 * {@link Repr.ContributedRepr} and hands it each operation it rules, the same ones the
 * annotator handed it ({@code SomeValue.Contributed#consider}): those whose first argument it
 * is, and a binary operator or comparison with it on either side.
 */
public interface RTypedAnnotation extends LowLevelValue {

    /**
     * The Java value of a low-level constant of this annotation made from the host constant
     * {@code host} (see {@code LLConstant}): {@code llmemory.NULL} is the {@code Address} 0; a
     * value known at translation time ({@code Void}) is the host object itself.
     */
    default Object lowLevelConstant(PyObject host) {
        if (lowleveltype() == Primitive.VOID) {
            return host;
        }
        throw new IllegalArgumentException("a constant " + host + " of " + pyType() + " has no low-level value");
    }

    /** The low-level operations of {@code op} (emitted through it); returns the value of its result. */
    Value rtype(ContributedOp op);

    /** The truth of argument {@code i} of {@code op} as a {@code Bool} ({@code bool(x)}, {@code if x:}, {@code not x}). */
    default Value truth(ContributedOp op, int i) {
        throw op.error("the truth of " + Describe.article(this) + " has no low-level translation");
    }
}
