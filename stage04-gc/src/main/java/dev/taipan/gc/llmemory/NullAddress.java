package dev.taipan.gc.llmemory;

import dev.taipan.annotator.ContributedObject;
import dev.taipan.annotator.SomeValue;
import dev.taipan.flowgraph.host.PyExtensionObject;
import dev.taipan.flowgraph.host.PyType;

/**
 * {@code llmemory.NULL}, the null address: the only address the host has (every other one is
 * made at run time), annotated as an {@link SomeAddress} and translated as the word 0.
 */
final class NullAddress extends PyExtensionObject implements ContributedObject {
    private static final PyType TYPE = PyExtensionObject.newType("Address");

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String pyRepr() {
        return "NULL";
    }

    @Override
    public boolean isFrozen() {
        return true;
    }

    @Override
    public SomeValue.Contributed annotation() {
        return new SomeAddress();
    }
}
