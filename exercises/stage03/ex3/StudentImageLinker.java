package stage03.ex3;

import dev.taipan.rtyper.image.Image;
import dev.taipan.rtyper.image.ImageLinker;
import dev.taipan.rtyper.image.Prebuilt;
import java.util.List;

/**
 * Exercise stage03/ex3: linking the prebuilt objects into one image. The task is in README.md
 * next to this file; {@code ./taipan grade stage03/ex3} grades this class, and
 * {@code ./taipan --use-student stage03/ex3 rtype prog.py --function f} runs the rtyper with it.
 */
public final class StudentImageLinker implements ImageLinker {

    @Override
    public Image link(List<Prebuilt> converted) {
        // TODO: place the converted objects and those only pointers reach in their sections,
        // copy their bytes, and turn every pointer into a Relocation (README.md, "The task").
        throw new UnsupportedOperationException("TODO: stage03/ex3 is not done yet");
    }
}
