package stage02.ex1;

import dev.taipan.annotator.NumberUnion;
import dev.taipan.annotator.SomeValue;

/**
 * Exercise stage02/ex1: the join of the numeric part of the lattice. The task is in README.md
 * next to this file; {@code ./taipan grade stage02/ex1} grades this class, and
 * {@code ./taipan --use-student stage02/ex1 annotate prog.py} runs the annotator with it.
 */
public final class StudentNumberUnion implements NumberUnion {

    @Override
    public SomeValue union(SomeValue a, SomeValue b) {
        // TODO: a and b are each a SomeBool, a SomeInteger or a SomeFloat; return the least
        // annotation that covers both (README.md, "The task").
        throw new UnsupportedOperationException("TODO: stage02/ex1 is not done yet");
    }
}
