package dev.taipan.rtyper.llannotation;

import dev.taipan.flowgraph.host.PyExtensionObject;
import dev.taipan.flowgraph.host.PyType;
import dev.taipan.rtyper.lltype.LowLevelType;

/**
 * A low-level type as a value of Python code: {@code Signed}, {@code Ptr(POINT)},
 * {@code GcStruct('POINT', ('x', Signed))} in an RPy helper file. It wraps the Java
 * {@link LowLevelType} itself, so that what a helper file builds at import time is the very type
 * the rtyper lays out. In translated code it is a constant (a frozen prebuilt object to the
 * annotator, a {@code Void} value at the low level), which {@code malloc(T)} and
 * {@code llop.int_add(Signed, x, y)} read.
 */
public final class LowLevelTypeObject extends PyExtensionObject {
    private static final PyType TYPE = PyExtensionObject.newType("LowLevelType");

    private final LowLevelType type;

    public LowLevelTypeObject(LowLevelType type) {
        this.type = type;
    }

    public LowLevelType lowLevelType() {
        return type;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String pyRepr() {
        return type.toString();
    }

    /** Two objects for one type are one constant (array types and pointers are values; structs have identity). */
    @Override
    public boolean equals(Object o) {
        return o instanceof LowLevelTypeObject other && other.type.equals(type);
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }
}
