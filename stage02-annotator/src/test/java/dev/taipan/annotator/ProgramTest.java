package dev.taipan.annotator;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Base of the tests that annotate small programs, each written to {@code prog.py} in a fresh directory. */
abstract class ProgramTest {
    @TempDir
    Path dir;

    /** What {@code taipan annotate prog.py} prints for {@code program}. */
    String annotate(String program) throws IOException {
        Path f = dir.resolve("prog.py");
        Files.writeString(f, program);
        return AnnotateCommand.annotate(f, "entry_point");
    }

    /** The error the annotator rejects {@code program} with; null if it annotates. */
    AnnotatorError reject(String program) {
        return catchThrowableOfType(AnnotatorError.class, () -> annotate(program));
    }
}
