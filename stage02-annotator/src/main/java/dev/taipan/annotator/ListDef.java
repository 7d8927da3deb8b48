package dev.taipan.annotator;

/**
 * The description shared by every list that can flow to the same place (PyPy's ListDef): one
 * item annotation for all of them. Two ListDefs that meet are merged, so that equality of
 * {@link SomeValue.SomeList}s is equality of their merged items.
 */
public final class ListDef {
    final ListItem item;
    /** The list may be resized (append, pop, ...) or mutated (setitem): kept for the rtyper. */
    boolean resized;
    boolean mutated;
    /** Made by {@code range()}: the rtyper may represent it without storing the items. */
    final boolean range;

    ListDef(boolean range) {
        this.item = new ListItem("list");
        this.range = range;
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
