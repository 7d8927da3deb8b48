package dev.taipan.rtyper.llannotation;

import dev.taipan.annotator.ContributedObject;
import dev.taipan.annotator.SomeValue;
import dev.taipan.flowgraph.host.HostSpace;
import dev.taipan.flowgraph.host.PyExtensionObject;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyType;

/**
 * An {@link LLFunction} as an object of Python code: callable on the host, and, held as a
 * constant in a helper's graph, annotated as a {@link SomeLLFunction} that rules its calls.
 */
public final class LLHostFunction extends PyExtensionObject implements ContributedObject {
    private static final PyType TYPE = PyExtensionObject.newType("lowlevel_function");

    private final LLFunction function;

    LLHostFunction(LLFunction function) {
        this.function = function;
    }

    public LLFunction function() {
        return function;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String pyRepr() {
        return "<" + function.pyName() + ">";
    }

    @Override
    public PyObject call(PyObject[] args, String[] kwnames) {
        if (kwnames != null && kwnames.length > 0) {
            throw HostSpace.typeError(function.pyName() + "() takes no keyword arguments");
        }
        return function.callOnHost(args);
    }

    @Override
    public SomeValue.Contributed annotation() {
        return new SomeLLFunction(this);
    }
}
