package stage03.ex2;

import dev.taipan.rtyper.rtyper.ClassNumbering;
import dev.taipan.rtyper.rtyper.SubclassRange;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Exercise stage03/ex2: numbering a class tree so that {@code isinstance} is one range check.
 * The task is in README.md next to this file; {@code ./taipan grade stage03/ex2} grades this
 * class, and {@code ./taipan --use-student stage03/ex2 rtype prog.py --function f} runs the
 * rtyper with it.
 */
public final class StudentClassNumbering implements ClassNumbering {

    @Override
    public <C> Map<C, SubclassRange> number(C root, Function<C, List<C>> subclasses) {
        // TODO: give root and every class below it its SubclassRange(min, max), depth first
        // (README.md, "The task").
        throw new UnsupportedOperationException("TODO: stage03/ex2 is not done yet");
    }
}
