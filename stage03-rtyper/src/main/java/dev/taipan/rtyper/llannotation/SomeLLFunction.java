package dev.taipan.rtyper.llannotation;

import dev.taipan.annotator.Annotator;
import dev.taipan.annotator.SomeValue;
import dev.taipan.annotator.SomeValue.SomeImpossibleValue;
import dev.taipan.annotator.SomeValue.SomeObject;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.operation.HLOp;
import java.util.List;

/**
 * The annotation of a function of the low level held as a constant ({@code malloc},
 * {@code llop.int_floordiv}): PyPy annotates these as builtins with an analyser of their own.
 * It rules its calls (the annotator asks a call's first argument, the function): the function
 * says what the call gives ({@link LLFunction#annotateCall}).
 */
public record SomeLLFunction(LLHostFunction function) implements SomeValue.Contributed {

    @Override
    public PyObject konst() {
        return function;
    }

    @Override
    public SomeValue unionWith(SomeValue other) {
        return null;   // two different functions in one variable: RPy calls low-level functions directly
    }

    @Override
    public SomeValue consider(Annotator ann, HLOp op, List<SomeValue> args) {
        if (op != HLOp.SIMPLE_CALL) {
            return new SomeObject();
        }
        List<SomeValue> given = args.subList(1, args.size());
        if (given.stream().anyMatch(a -> a instanceof SomeImpossibleValue)) {
            return SomeValue.IMPOSSIBLE;   // an argument not known yet: the block is flowed again when it is
        }
        return function.function().annotateCall(ann, given);
    }

    @Override
    public String pyType() {
        return function.function().pyName();
    }

    @Override
    public boolean contains(PyObject v) {
        return v == function;
    }
}
