package dev.taipan.gc.llmemory;

import dev.taipan.annotator.Annotator;
import dev.taipan.annotator.SomeValue;
import dev.taipan.annotator.SomeValue.SomeImpossibleValue;
import dev.taipan.annotator.SomeValue.SomeObject;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.operation.HLOp;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.rtyper.ContributedOp;
import dev.taipan.rtyper.rtyper.RTypedAnnotation;
import java.util.List;

/**
 * The annotation of a function of {@code llmemory} held as a constant ({@code raw_malloc},
 * {@code cast_adr_to_ptr}): a {@code Void} value, known at translation time, that rules its
 * calls ({@link LLMemoryFunction#annotateCall}) and translates them into one operation each.
 */
record SomeLLMemoryFunction(LLMemoryHostFunction function) implements RTypedAnnotation {

    @Override
    public PyObject konst() {
        return function;
    }

    @Override
    public LowLevelType lowleveltype() {
        return Primitive.VOID;
    }

    @Override
    public SomeValue unionWith(SomeValue other) {
        return null;   // RPy calls the functions of llmemory directly, never through a variable holding two
    }

    @Override
    public SomeValue consider(Annotator ann, HLOp op, List<SomeValue> args) {
        if (op != HLOp.SIMPLE_CALL) {
            return new SomeObject();
        }
        List<SomeValue> given = args.subList(1, args.size());
        if (given.stream().anyMatch(a -> a instanceof SomeImpossibleValue)) {
            return SomeValue.IMPOSSIBLE;
        }
        return function.function().annotateCall(ann, given);
    }

    @Override
    public Value rtype(ContributedOp hop) {
        if (hop.op() != HLOp.SIMPLE_CALL) {
            throw hop.error("llmemory." + function.function().pyName() + " is only called");
        }
        return function.function().rtype(hop);
    }

    @Override
    public String pyType() {
        return "llmemory." + function.function().pyName();
    }

    @Override
    public boolean contains(PyObject v) {
        return v == function;
    }
}
