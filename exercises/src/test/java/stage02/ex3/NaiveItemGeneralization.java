package stage02.ex3;

import dev.taipan.annotator.ItemGeneralization;
import dev.taipan.annotator.ListItem;
import dev.taipan.annotator.Position;
import dev.taipan.annotator.SomeValue;
import dev.taipan.annotator.Union;
import java.util.Set;

/**
 * A plausible wrong answer to stage02/ex3 for the self-check: generalising is right, but a merge
 * forgets the readers of the item it absorbs, so a block that read that item is never flowed
 * again with the merged value. The contract must take points off it.
 */
public final class NaiveItemGeneralization implements ItemGeneralization {
    @Override
    public Set<Position> generalize(ListItem item, SomeValue s) {
        ListItem root = item.find();
        SomeValue u = Union.union(root.value(), s.withoutConst());
        if (u.equals(root.value())) {
            return Set.of();
        }
        root.setValue(u);
        return root.readers();
    }

    @Override
    public Set<Position> merge(ListItem item, ListItem other) {
        ListItem a = item.find();
        ListItem b = other.find();
        if (a == b) {
            return Set.of();
        }
        SomeValue absorbed = b.value();
        b.forwardTo(a);
        return generalize(a, absorbed);
    }
}
