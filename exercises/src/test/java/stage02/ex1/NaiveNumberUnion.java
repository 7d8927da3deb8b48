package stage02.ex1;

import dev.taipan.annotator.NumberUnion;
import dev.taipan.annotator.SomeValue;
import dev.taipan.annotator.SomeValue.SomeBool;
import dev.taipan.annotator.SomeValue.SomeFloat;
import dev.taipan.annotator.SomeValue.SomeInteger;

/**
 * A plausible wrong answer to stage02/ex1 for the self-check: the numeric tower is right, but two
 * ints keep the flags of the first one (so nonneg and unsigned depend on the order) and no union
 * is ever a constant, not even of the same one. The contract must take points off it.
 */
public final class NaiveNumberUnion implements NumberUnion {
    @Override
    public SomeValue union(SomeValue a, SomeValue b) {
        if (a instanceof SomeFloat || b instanceof SomeFloat) {
            return new SomeFloat(null);
        }
        if (a instanceof SomeBool && b instanceof SomeBool) {
            return new SomeBool(null);
        }
        SomeInteger first = a instanceof SomeInteger i ? i : (SomeInteger) b;
        return new SomeInteger(first.nonneg(), first.unsigned(), null);
    }
}
