package dev.taipan.rtyper.llannotation;

import dev.taipan.annotator.SomeValue;
import dev.taipan.rtyper.lltype.LowLevelType;

/**
 * An annotation contributed by a later stage whose values are one low-level type of their own
 * ({@code SomeAddress}: an {@code Address}): so a value of it can be stored into a field of
 * that type ({@link SomePtr} compares the two types) and passed to a helper.
 */
public interface LowLevelValue extends SomeValue.Contributed {

    /** The low-level type of the values; {@code Void} for one known at translation time (a function). */
    LowLevelType lowleveltype();
}
