package dev.taipan.flowgraph.host;

import dev.taipan.flowgraph.syntax.PyRepr;
import java.util.Arrays;

/** Python's {@code bytes}: an immutable byte array (what {@code os.read} and {@code os.write} use). */
public final class PyBytes extends PyObject {
    final byte[] value;

    public PyBytes(byte[] value) {
        this.value = value;
    }

    public byte[] value() {
        return value.clone();
    }

    @Override
    public PyType type() {
        return Types.BYTES;
    }

    @Override
    String repr() {
        return PyRepr.bytes(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyBytes b && Arrays.equals(b.value, value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }
}
