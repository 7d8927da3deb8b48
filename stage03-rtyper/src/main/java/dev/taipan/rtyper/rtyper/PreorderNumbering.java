package dev.taipan.rtyper.rtyper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The reference {@link ClassNumbering}: a depth-first walk from the root, numbering each class
 * on the way down (its {@code min}: 0 for the root, then one more for each class met) and
 * closing its range on the way back up (its {@code max}: the next number not yet given, one
 * past the last of its subclasses). The subclasses of a class are visited in the order given,
 * so the numbers are the same on every run. A subtree is numbered in one go, so its numbers
 * are consecutive: that is what makes a class's subclasses one range.
 */
public final class PreorderNumbering implements ClassNumbering {

    @Override
    public <C> Map<C, SubclassRange> number(C root, Function<C, List<C>> subclasses) {
        Map<C, SubclassRange> ranges = new LinkedHashMap<>();
        number(root, 0, subclasses, ranges);
        return ranges;
    }

    /** Numbers the subtree of {@code c} from {@code next}; the first number left after it. */
    private static <C> long number(C c, long next, Function<C, List<C>> subclasses, Map<C, SubclassRange> ranges) {
        long min = next++;
        for (C sub : subclasses.apply(c)) {
            next = number(sub, next, subclasses, ranges);
        }
        ranges.put(c, new SubclassRange(min, next));
        return next;
    }
}
