package dev.taipan.annotator;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One shared, growable annotation: the items of a list, the keys or values of a dict. Two
 * containers that meet (flow into one variable, are concatenated, ...) {@link #merge} their
 * items, and from then on they are one. Blocks that read the item are remembered, so that when
 * the item {@link #generalize}s they are flowed again with the wider annotation.
 */
public final class ListItem {
    SomeValue value = SomeValue.IMPOSSIBLE;
    final Set<Position> readers = new LinkedHashSet<>();
    private ListItem forward;
    /** What kind of container this is, for messages: "list", "dict key", "dict value". */
    final String what;

    ListItem(String what) {
        this.what = what;
    }

    /** The representative after merges (union-find). */
    ListItem find() {
        ListItem i = this;
        while (i.forward != null) {
            i = i.forward;
        }
        return i;
    }

    public SomeValue value() {
        return find().value;
    }

    /** The annotation of an item read from the current block. */
    SomeValue read(Annotator ann) {
        ListItem i = find();
        if (ann != null && ann.current() != null) {
            i.readers.add(ann.current());
        }
        return i.value;
    }

    /** Widens the item to hold {@code s} too; re-flows the readers if it changed. */
    void generalize(Annotator ann, SomeValue s) {
        ListItem i = find();
        SomeValue u = Union.union(i.value, s.withoutConst());
        if (u instanceof SomeValue.SomeObject) {
            throw Annotator.error(ann, what + " of " + Describe.pyType(i.value) + " gets " + Describe.article(s)
                    + ": the items of one " + (what.startsWith("dict") ? "dict" : "list")
                    + " must all have one type in RPy");
        }
        if (!u.equals(i.value)) {
            i.value = u;
            if (ann != null) { ann.reflow(i.readers); }
        }
    }

    /** Makes the two items one; their annotation is the union of both. */
    void merge(Annotator ann, ListItem other) {
        ListItem a = find();
        ListItem b = other.find();
        if (a == b) {
            return;
        }
        b.forward = a;
        a.readers.addAll(b.readers);
        SomeValue before = a.value;
        a.generalize(ann, b.value);
        if (a.value.equals(before)) {
            if (ann != null) { ann.reflow(a.readers); }   // b's readers must see a's value
        }
    }
}
