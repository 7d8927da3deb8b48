package dev.taipan.flowgraph.fuzz;

import dev.taipan.flowgraph.fuzz.PyTree.Module;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A minimised program written as a corpus program (see {@code corpus/README.md}): its source,
 * a docstring saying what it found, and the reference's output as {@code # expect:} lines
 * (with {@code # exit:} when the status is not 0). Put in {@code corpus/rpy/}, it keeps the
 * bug found: the corpus tests fail until the stage at fault is fixed.
 */
public final class CorpusFile {
    private CorpusFile() {
    }

    /** The program with {@code note} as its docstring and {@code reference}'s stdout and status as its expectations. */
    public static String text(Module m, String note, Run reference) {
        StringBuilder sb = new StringBuilder(new Module(note, m.body()).source());
        sb.append('\n');
        reference.stdout().lines().forEach(line -> sb.append(line.isEmpty() ? "# expect:" : "# expect: " + line).append('\n'));
        if (reference.exit() != 0) {
            sb.append("# exit: ").append(reference.exit()).append('\n');
        }
        return sb.toString();
    }

    /** Writes {@code dir/stem.py} (or {@code stem_2.py}, ... if taken); returns the path. */
    static Path write(Path dir, String stem, String text) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(stem + ".py");
            for (int n = 2; Files.exists(file); n++) {
                file = dir.resolve(stem + "_" + n + ".py");
            }
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir, e);
        }
    }

    /** A docstring's text: no triple quotes or backslashes that would end or bend it. */
    static String docstring(String s) {
        return s.replace("\\", "/").replace("\"\"\"", "'''");
    }
}
