package dev.taipan.annotator;

/**
 * The description shared by every list that can flow to the same place (PyPy's ListDef): one
 * item annotation for all of them. Two ListDefs that meet are merged, so that equality of
 * {@link SomeValue.SomeList}s is equality of their merged items.
 */
public final class ListDef {
    final ListItem item;
    /** Made by {@code range()}: the rtyper may represent it without storing the items. */
    final boolean range;

    ListDef(Annotator owner, boolean range) {
        this.item = new ListItem(owner, "list");
        this.range = range;
    }

    /**
     * Whether the program may change the length of the list (append, pop, del, +=): the rtyper
     * then makes it resizable, else a fixed-size array. Lists that met share the answer.
     */
    public boolean resized() {
        return item.find().resized;
    }

    /** Whether the program may store into the list ({@code lst[i] = x}). Lists that met share the answer. */
    public boolean mutated() {
        return item.find().mutated;
    }

    /**
     * This list gets items copied from {@code source}'s array by one low-level helper (a
     * slice, a copy, {@code +}, {@code extend}, {@code lst[a:b] = other}): both arrays must
     * then store items alike, so each list's items widen to the other's (PyPy's
     * {@code ListDef.offspring} and {@code agree}). Widening only this one would ask the helper
     * to copy chars into an array of strs (fuzz seeds 700110, 700112).
     */
    void copiesFrom(Annotator ann, ListDef source) {
        item.generalize(ann, source.item.read(ann));
        source.item.generalize(ann, item.read(ann));
    }

    void markResized() {
        item.find().resized = true;
    }

    void markMutated() {
        item.find().mutated = true;
    }

    /** Made by {@code range()}: the rtyper may represent it without storing the items. */
    public boolean isRange() {
        return range;
    }

    public SomeValue itemValue() {
        return item.value();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListDef d && d.item.find() == item.find();
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(item.find());
    }
}
