package dev.taipan.annotator;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One shared, growable annotation: the items of a list, the keys or values of a dict. Two
 * containers that meet (flow into one variable, are concatenated, ...) {@link #merge} their
 * items, and from then on they are one. Blocks that read the item are remembered, so that when
 * the item {@link #generalize}s they are flowed again with the wider annotation.
 *
 * <p>The growing and the merging themselves are an {@link ItemGeneralization} (stage02/ex3
 * re-implements them), which works through the public methods here: {@link #find},
 * {@link #value}, {@link #setValue}, {@link #readers} and {@link #forwardTo}.
 */
public final class ListItem {
    SomeValue value = SomeValue.IMPOSSIBLE;
    final Set<Position> readers = new LinkedHashSet<>();
    private ListItem forward;
    /** What kind of container this is, for messages: "list", "dict key", "dict value". */
    final String what;
    /**
     * The annotator whose blocks read this item and re-flow when it grows; null for an item
     * made outside an annotation (a unit test of the lattice).
     */
    final Annotator owner;
    /** For a list's items: what the program does to the lists that share them ({@link ListDef#resized()}). */
    boolean resized;
    boolean mutated;

    ListItem(Annotator owner, String what) {
        this.owner = owner;
        this.what = what;
    }

    /** The representative after merges (union-find). */
    public ListItem find() {
        ListItem i = this;
        while (i.forward != null) {
            i = i.forward;
        }
        return i;
    }

    /** The annotation of the items: the representative's. */
    public SomeValue value() {
        return find().value;
    }

    /** Sets the representative's annotation (it only ever grows: callers pass a union). */
    public void setValue(SomeValue s) {
        find().value = s;
    }

    /** The read positions of the representative: the blocks that read this item (a live set). */
    public Set<Position> readers() {
        return find().readers;
    }

    /**
     * Links this representative under {@code representative}, the union step of union-find:
     * from now on both {@link #find} the same item. Moving the value and the readers is the
     * caller's job.
     */
    public void forwardTo(ListItem representative) {
        if (forward != null || representative.forward != null || representative == this) {
            throw new IllegalStateException("forwardTo links one representative under another (call find() first)");
        }
        forward = representative;
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
        SomeValue before = value();
        Set<Position> stale = generalization().generalize(this, s);
        done(ann, before, s, stale);
    }

    /** Makes the two items one; their annotation is the union of both. */
    void merge(ListItem other) {
        SomeValue before = value();
        SomeValue s = other.value();
        boolean resizedEither = find().resized || other.find().resized;
        boolean mutatedEither = find().mutated || other.find().mutated;
        Set<Position> stale = generalization().merge(this, other);
        find().resized = resizedEither;
        find().mutated = mutatedEither;
        done(owner, before, s, stale);
    }

    /**
     * The owner's way of growing items (stage02/ex3 may replace it); for an item made outside
     * an annotation (a contract test), the one the process selected.
     */
    private ItemGeneralization generalization() {
        return owner != null ? owner.itemGeneralization : Exercised.ITEM_GENERALIZATION.current();
    }

    static final ItemGeneralization REFERENCE = new Reference();

    /** Reports an item that cannot have one type, else re-flows the blocks that read it narrower. */
    private void done(Annotator ann, SomeValue before, SomeValue s, Set<Position> stale) {
        if (value() instanceof SomeValue.SomeObject) {
            throw Annotator.error(ann, what + " of " + Describe.pyType(before) + " gets " + Describe.article(s)
                    + ": the items of one " + (what.startsWith("dict") ? "dict" : "list")
                    + " must all have one type in RPy");
        }
        if (ann != null) {
            ann.reflow(stale);
        }
    }

    /** The reference {@link ItemGeneralization}. */
    static final class Reference implements ItemGeneralization {
        @Override
        public Set<Position> generalize(ListItem item, SomeValue s) {
            ListItem i = item.find();
            // items hold no constants: a list's contents change while the program runs
            SomeValue u = i.owner != null ? i.owner.union(i.value, s.withoutConst()) : Union.union(i.value, s.withoutConst());
            if (u.equals(i.value)) {
                return Set.of();
            }
            i.value = u;
            return i.readers;
        }

        @Override
        public Set<Position> merge(ListItem item, ListItem other) {
            ListItem a = item.find();
            ListItem b = other.find();
            if (a == b) {
                return Set.of();
            }
            b.forward = a;
            a.readers.addAll(b.readers);
            // b's readers saw b's value: even when a's does not change, it may be wider than b's
            generalize(a, b.value);
            return a.readers;
        }
    }
}
