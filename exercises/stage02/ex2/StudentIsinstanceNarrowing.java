package stage02.ex2;

import dev.taipan.annotator.ClassDef;
import dev.taipan.annotator.IsinstanceNarrowing;
import dev.taipan.annotator.SomeValue;

/**
 * Exercise stage02/ex2: what {@code isinstance(x, C)} proves about {@code x} on each branch. The
 * task is in README.md next to this file; {@code ./taipan grade stage02/ex2} grades this class,
 * and {@code ./taipan --use-student stage02/ex2 annotate prog.py} runs the annotator with it.
 */
public final class StudentIsinstanceNarrowing implements IsinstanceNarrowing {

    @Override
    public Narrowed narrow(SomeValue x, ClassDef c) {
        // TODO: x is a SomeInstance (maybe None) or a SomeNone; return x's annotation on the
        // True branch and on the False branch (README.md, "The task").
        throw new UnsupportedOperationException("TODO: stage02/ex2 is not done yet");
    }
}
