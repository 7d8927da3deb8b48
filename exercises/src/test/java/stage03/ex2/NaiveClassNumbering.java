package stage03.ex2;

import dev.taipan.rtyper.rtyper.ClassNumbering;
import dev.taipan.rtyper.rtyper.SubclassRange;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A plausible wrong answer to stage03/ex2 for the self-check: the classes are numbered level by
 * level (breadth first) instead of depth first, and each range is as long as the subtree. Every
 * class has a number of its own and the root covers them all, but below the first level a
 * class's subclasses are not the numbers that follow it. The contract must take points off it.
 */
public final class NaiveClassNumbering implements ClassNumbering {
    @Override
    public <C> Map<C, SubclassRange> number(C root, Function<C, List<C>> subclasses) {
        Map<C, Long> ids = new LinkedHashMap<>();
        ArrayDeque<C> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            C c = queue.poll();
            ids.put(c, (long) ids.size());
            queue.addAll(subclasses.apply(c));
        }
        Map<C, SubclassRange> ranges = new LinkedHashMap<>();
        ids.forEach((c, id) -> ranges.put(c, new SubclassRange(id, id + size(c, subclasses))));
        return ranges;
    }

    private static <C> long size(C c, Function<C, List<C>> subclasses) {
        long n = 1;
        for (C sub : subclasses.apply(c)) {
            n += size(sub, subclasses);
        }
        return n;
    }
}
