package dev.taipan.annotator.fuzz;

import dev.taipan.annotator.AnnotateCommand;
import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.fuzz.CheckStage;
import java.nio.file.Path;

/**
 * The annotator as {@code taipan fuzz} sees it: a program annotates from {@code entry_point}
 * exactly as {@code taipan annotate} does, or is rejected with the error that command prints
 * (an annotation error, a FlowingError, or a failed import). Anything else escaping the
 * annotator is a crash, which the fuzzer reports as a bug in this stage.
 */
public final class AnnotationCheck implements CheckStage {
    @Override
    public String name() {
        return "annotate";
    }

    @Override
    public Verdict check(Path file) {
        try {
            AnnotateCommand.annotate(file, "entry_point");
            return new Accepted();
        } catch (TaipanError e) {
            return new Rejected(e.render());
        }
    }
}
