package stage02.ex3;

import dev.taipan.annotator.ItemGeneralization;
import dev.taipan.annotator.ListItem;
import dev.taipan.annotator.Position;
import dev.taipan.annotator.SomeValue;
import java.util.Set;

/**
 * Exercise stage02/ex3: the shared item of lists that flow together. The task is in README.md
 * next to this file; {@code ./taipan grade stage02/ex3} grades this class, and
 * {@code ./taipan --use-student stage02/ex3 annotate prog.py} runs the annotator with it.
 */
public final class StudentItemGeneralization implements ItemGeneralization {

    @Override
    public Set<Position> generalize(ListItem item, SomeValue s) {
        // TODO: widen item's representative to cover s; return the readers to flow again
        // (README.md, "The task").
        throw new UnsupportedOperationException("TODO: stage02/ex3 is not done yet");
    }

    @Override
    public Set<Position> merge(ListItem item, ListItem other) {
        // TODO: make the two items one (union-find); return the readers to flow again.
        throw new UnsupportedOperationException("TODO: stage02/ex3 is not done yet");
    }
}
