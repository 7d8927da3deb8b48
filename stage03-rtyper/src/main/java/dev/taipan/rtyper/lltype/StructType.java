package dev.taipan.rtyper.lltype;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A struct type: a name and an ordered list of fields, PyPy's {@code Struct} / {@code GcStruct}.
 *
 * <p><b>Identity.</b> A struct type is an object with identity, not a value: two structs
 * declared separately are two types even when they have the same name and fields. That is
 * what a class is in RPy (two classes with the same fields are still two classes), and it is
 * what makes recursive types possible without comparing infinite trees.
 *
 * <p><b>Recursive types: forward, then become.</b> A linked-list node holds a pointer to a
 * node, so the type must exist before its fields do. PyPy writes
 * {@code NODE = GcForwardReference(); NODE.become(GcStruct('Node', ('next', Ptr(NODE))))}.
 * Here the forward reference <em>is</em> the struct, still without fields:
 * <pre>{@code
 * GcStruct node = GcStruct.forward("Node");
 * node.become(new Field("value", SIGNED), new Field("next", new Ptr(node)));
 * }</pre>
 * Until {@code become} is called the struct can only be pointed to; asking for its fields or
 * inlining it is an error. The rtyper uses the same two steps for every class: the instance
 * struct is declared when the class is first seen and gets its fields once all of them, and
 * their types, are known (PyPy's {@code rclass} does exactly this).
 *
 * <p><b>Inheritance is inlining.</b> A struct whose first field inlines another struct starts
 * with that struct's bytes, so a pointer to it is also a pointer to its first field's struct:
 * an upcast ({@code cast_pointer}) costs nothing. {@link #startsWith} follows that chain.
 */
public abstract sealed class StructType implements ContainerType permits Struct, GcStruct {

    private final String name;
    private List<Field> fields;
    private Map<String, Integer> indexes;
    /** Computed by {@link Layout} on first use; immutable, so a racy first publication is harmless. */
    StructLayout layout;

    StructType(String name) {
        this.name = Objects.requireNonNull(name, "struct name");
    }

    public final String name() {
        return name;
    }

    /** True once {@link #become} has given the struct its fields. */
    public final boolean isDefined() {
        return fields != null;
    }

    /** Gives a forward reference its fields (once), checking where containers may be inlined. */
    public final void become(List<Field> fields) {
        if (isDefined()) {
            throw new IllegalStateException(this + " already has its fields");
        }
        var copy = List.copyOf(fields);
        var byName = new HashMap<String, Integer>();
        for (int i = 0; i < copy.size(); i++) {
            Field field = copy.get(i);
            if (byName.put(field.name(), i) != null) {
                throw new IllegalArgumentException(this + " has two fields named '" + field.name() + "'");
            }
            Inlining.checkField(this, field, i == 0, i == copy.size() - 1);
        }
        this.fields = copy;
        this.indexes = Map.copyOf(byName);
    }

    public final void become(Field... fields) {
        become(List.of(fields));
    }

    public final List<Field> fields() {
        requireDefined();
        return fields;
    }

    /** The field called {@code name}; an error naming the struct if there is none. */
    public final Field field(String name) {
        return fields.get(index(name));
    }

    /** The position of the field called {@code name} in {@link #fields()}. */
    public final int index(String name) {
        requireDefined();
        Integer i = indexes.get(name);
        if (i == null) {
            throw new IllegalArgumentException(this + " has no field '" + name + "'");
        }
        return i;
    }

    /**
     * The inlined {@link Array} that ends a var-sized struct (PyPy's {@code _arrayfld}, e.g. the
     * {@code chars} of a string), or empty for a fixed-size struct.
     */
    public final Optional<Field> arrayField() {
        requireDefined();
        if (fields.isEmpty() || !(fields.getLast().type() instanceof Array)) {
            return Optional.empty();
        }
        return Optional.of(fields.getLast());
    }

    /** True if the struct ends in an inlined array, so its size is chosen at allocation. */
    public final boolean isVarsize() {
        return arrayField().isPresent();
    }

    /**
     * True if this struct's bytes start with {@code prefix}'s: it is {@code prefix}, or its first
     * field inlines a struct that starts with {@code prefix}. For Gc structs, this is "is a
     * subclass of".
     */
    public final boolean startsWith(StructType prefix) {
        StructType s = this;
        while (true) {
            if (s == prefix) {
                return true;
            }
            if (s.fields().isEmpty() || !(s.fields().getFirst().type() instanceof StructType first)) {
                return false;
            }
            s = first;
        }
    }

    private void requireDefined() {
        if (fields == null) {
            throw new IllegalStateException(this + " is a forward reference: become() has not given it fields yet");
        }
    }

    @Override
    public final String toString() {
        return (isGc() ? "GcStruct " : "Struct ") + name;
    }
}
