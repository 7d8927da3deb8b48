package dev.taipan.annotator;

import java.util.Set;

/**
 * The life of a shared item ({@link ListItem}: the items of lists that flow together, the keys
 * or values of dicts, an instance attribute): growing it when a value is stored into it, and
 * making two items one when their containers meet (see {@link ListItem.Reference}). Both return
 * the read positions whose blocks must be flowed again, because they read the item when it was
 * narrower than it is now; {@link ListItem} hands them to the annotator and reports an item that
 * ended at the top ({@link SomeValue.SomeObject}) as an error. An interface so that a student's
 * code can take the reference's place (see {@link Exercised}).
 */
public interface ItemGeneralization {
    /** {@code s} is stored into {@code item}: widen the item to cover it. */
    Set<Position> generalize(ListItem item, SomeValue s);

    /** The containers of {@code item} and {@code other} meet: from now on they share one item. */
    Set<Position> merge(ListItem item, ListItem other);
}
