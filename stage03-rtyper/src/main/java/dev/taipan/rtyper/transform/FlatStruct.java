package dev.taipan.rtyper.transform;

import dev.taipan.flowgraph.flow.Value;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A struct seen as its leaves: every field that holds a value, however deep the structs inlined
 * in it (an instance's {@code super.super.typeptr}), each named by its path. This is the shape
 * malloc removal gives an object it takes apart: one variable per leaf (PyPy's
 * {@code flatnames} in {@code malloc.py}). A pointer into the object, as one of its inlined
 * parents, is a <em>view</em>: the path of the parent inside the whole object, so that
 * {@code getfield(view, 'x')} is the leaf {@code view + x}.
 *
 * <p>Only fixed-size structs made of values and inlined structs flatten: an inlined array has
 * no fixed number of leaves.
 */
record FlatStruct(StructType root, Map<String, LowLevelType> leaves) {

    /** The leaves of {@code root}, or empty when it holds an array. */
    static Optional<FlatStruct> of(StructType root) {
        Map<String, LowLevelType> leaves = new LinkedHashMap<>();
        return collect(root, "", leaves) ? Optional.of(new FlatStruct(root, leaves)) : Optional.empty();
    }

    private static boolean collect(StructType s, String prefix, Map<String, LowLevelType> out) {
        for (Field f : s.fields()) {
            switch (f.type()) {
                case StructType inner -> {
                    if (!collect(inner, prefix + f.name() + ".", out)) {
                        return false;
                    }
                }
                case Primitive p -> out.put(prefix + f.name(), p);
                case Ptr p -> out.put(prefix + f.name(), p);
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The path of the struct {@code to} inside the root, reached through first fields (the way
     * {@code cast_pointer} moves between a class and its parents), or empty if it is not there.
     */
    Optional<String> viewOf(LowLevelType to) {
        StructType s = root;
        String path = "";
        while (s != to) {
            if (s.fields().isEmpty() || !(s.fields().getFirst().type() instanceof StructType first)) {
                return Optional.empty();
            }
            path += s.fields().getFirst().name() + ".";
            s = first;
        }
        return Optional.of(path);
    }

    /** The leaves in a fixed order: the order of the variables that carry them across links. */
    List<String> paths() {
        return new ArrayList<>(leaves.keySet());
    }

    /** What {@code malloc} fills a leaf with: zero, false, the null char, a null pointer. */
    static Value zero(LowLevelType t) {
        return switch (t) {
            case Ptr p -> LLConstant.nullOf(p);
            case Primitive p -> LLConstant.of(switch (p) {
                case SIGNED, UNSIGNED, ADDRESS -> (Object) 0L;
                case FLOAT -> 0.0;
                case BOOL -> false;
                case CHAR -> (char) 0;
                case VOID -> null;
            }, p);
            default -> throw new IllegalArgumentException("no zero for " + t);
        };
    }
}
