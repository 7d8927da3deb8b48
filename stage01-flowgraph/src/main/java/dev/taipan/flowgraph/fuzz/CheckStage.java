package dev.taipan.flowgraph.fuzz;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A stage that judges a program without running it: stage 02's annotator ({@code annotate}),
 * whose row in the pipeline reads "(checks only)". {@code taipan fuzz} asks every check on the
 * class path about every generated program (each is RPy by construction, so a rejection is a
 * bug in the check) and about mutants of them (which may be rejected, but only with a clear
 * error naming a line). A stage's jar lists its checks in
 * {@code META-INF/services/dev.taipan.flowgraph.fuzz.CheckStage}; stage 01 knows none.
 */
public interface CheckStage {

    /** What a check says about a program. */
    sealed interface Verdict permits Accepted, Rejected {
    }

    record Accepted() implements Verdict {
    }

    /** The program is refused; {@code message} is the error as the CLI prints it. */
    record Rejected(String message) implements Verdict {
    }

    /** A short name for reports: {@code annotate}. */
    String name();

    /**
     * Judges FILE. A problem in the program is a {@link Rejected}; an exception thrown out of
     * here is a bug in the check.
     */
    Verdict check(Path file);

    /** Every check on the class path. */
    static List<CheckStage> all() {
        return ServiceLoader.load(CheckStage.class).stream().map(ServiceLoader.Provider::get).toList();
    }
}
