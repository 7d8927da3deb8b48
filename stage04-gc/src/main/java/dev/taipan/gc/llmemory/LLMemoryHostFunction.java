package dev.taipan.gc.llmemory;

import dev.taipan.annotator.ContributedObject;
import dev.taipan.annotator.SomeValue;
import dev.taipan.flowgraph.host.HostSpace;
import dev.taipan.flowgraph.host.PyExtensionObject;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyType;

/**
 * A function of {@code llmemory} as an object of Python code: callable on the host (the sizes),
 * and, held as a constant in a graph, annotated as a {@link SomeLLMemoryFunction} that rules its
 * calls and translates them.
 */
final class LLMemoryHostFunction extends PyExtensionObject implements ContributedObject {
    private static final PyType TYPE = PyExtensionObject.newType("llmemory_function");

    private final LLMemoryFunction function;

    LLMemoryHostFunction(LLMemoryFunction function) {
        this.function = function;
    }

    LLMemoryFunction function() {
        return function;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String pyRepr() {
        return "<llmemory." + function.pyName() + ">";
    }

    @Override
    public PyObject call(PyObject[] args, String[] kwnames) {
        if (kwnames != null && kwnames.length > 0) {
            throw HostSpace.typeError("llmemory." + function.pyName() + "() takes no keyword arguments");
        }
        return function.callOnHost(args);
    }

    @Override
    public SomeValue.Contributed annotation() {
        return new SomeLLMemoryFunction(this);
    }
}
