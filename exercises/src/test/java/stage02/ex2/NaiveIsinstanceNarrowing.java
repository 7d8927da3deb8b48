package stage02.ex2;

import dev.taipan.annotator.ClassDef;
import dev.taipan.annotator.IsinstanceNarrowing;
import dev.taipan.annotator.SomeValue;
import dev.taipan.annotator.SomeValue.SomeInstance;

/**
 * A plausible wrong answer to stage02/ex2 for the self-check: on the True branch x is "an
 * instance of C", whatever x was, so testing a Sub against its Base widens it and a test against
 * an unrelated class is taken as possible. The contract must take points off it.
 */
public final class NaiveIsinstanceNarrowing implements IsinstanceNarrowing {
    @Override
    public Narrowed narrow(SomeValue x, ClassDef c) {
        return new Narrowed(new SomeInstance(c, false), x);
    }
}
