package dev.taipan.flowgraph.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * One way to run a program for {@code taipan exec --stage=NAME}: the host interpreter
 * ({@code host}, stage 01), and later the flow graphs, the llinterp, the GC'd graphs, the x86
 * backend and the JIT. Each stage's jar lists its implementations in
 * {@code META-INF/services/dev.taipan.flowgraph.cli.ExecStage}; {@link ExecCommand} finds them
 * with {@link java.util.ServiceLoader}, so a new stage adds a {@code --stage} value without
 * editing stage 01 — the same plug-in scheme as {@link CommandProvider}.
 *
 * <p>Every stage honours DESIGN.md's convention: a file with a top-level {@code entry_point}
 * is imported as a module and {@code entry_point([FILE, *ARGS])} is called, its result being
 * the exit status; other files run as {@code __main__} (where the stage can).
 */
public interface ExecStage {

    /** The {@code --stage} value: {@code host}, {@code flow}, {@code ll}, ... */
    String name();

    /** One line for {@code taipan exec --help}. */
    String description();

    /**
     * Runs FILE with ARGS ({@code sys.argv[1:]}); returns the program's exit status. Errors in
     * the program (syntax errors, uncaught exceptions) are printed to {@code err} in Python's
     * format and give a non-zero status; they are never thrown.
     */
    int run(Path file, List<String> args, PrintStream out, PrintStream err, InputStream in);

    /**
     * The same, with the options of {@code taipan exec} that only some stages honour
     * ({@code --checked}: validate every memory access); a stage without such options ignores them.
     */
    default int run(Path file, List<String> args, ExecOptions options, PrintStream out, PrintStream err, InputStream in) {
        return run(file, args, out, err, in);
    }

    /** Every stage on the class path, by name (sorted, for stable messages): {@code exec} and {@code fuzz} use them. */
    static Map<String, ExecStage> all() {
        Map<String, ExecStage> byName = new TreeMap<>();
        for (ExecStage s : ServiceLoader.load(ExecStage.class)) {
            byName.put(s.name(), s);
        }
        return byName;
    }
}
