package dev.taipan.gc.llmemory;

import dev.taipan.rtyper.lltype.Primitive;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The typed views of memory an address gives (PyPy's {@code supported_access_types}):
 * {@code adr.signed[i]} is the {@code Signed} word {@code i} words after {@code adr},
 * {@code adr.char[i]} the byte {@code i} bytes after it. The index is scaled by the item's size.
 */
enum Accessor {
    SIGNED("signed", Primitive.SIGNED),
    UNSIGNED("unsigned", Primitive.UNSIGNED),
    ADDRESS("address", Primitive.ADDRESS),
    FLOAT("float", Primitive.FLOAT),
    CHAR("char", Primitive.CHAR);

    private final String pyName;
    private final Primitive type;

    Accessor(String pyName, Primitive type) {
        this.pyName = pyName;
        this.type = type;
    }

    String pyName() {
        return pyName;
    }

    Primitive type() {
        return type;
    }

    static Optional<Accessor> named(String name) {
        return Arrays.stream(values()).filter(a -> a.pyName.equals(name)).findFirst();
    }

    static String names() {
        return Arrays.stream(values()).map(Accessor::pyName).collect(Collectors.joining(", "));
    }
}
