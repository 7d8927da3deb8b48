package dev.taipan.flowgraph.corpus;

import dev.taipan.flowgraph.syntax.PyRepr;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.opentest4j.AssertionFailedError;

/**
 * One program of the shared corpus with its expectations, and the judge of a run of it:
 * {@link #check} lists what is wrong with an {@link Outcome}, {@link #assertPasses} fails a
 * test with a readable report (a diff of stdout, the tail of stderr) whose expected and actual
 * stdout an IDE can also show side by side.
 *
 * @param folder {@code rpy} or {@code python}
 * @param path the program file, absolute
 * @param expectation what it must do
 * @param problems mistakes in the program's own setup (a {@code python/} program with an
 *     {@code entry_point}, two {@code # error:} lines); any makes every run fail
 */
public record CorpusProgram(Corpus.Folder folder, Path path, Expectation expectation, List<String> problems) {

    private static final Pattern ENTRY_POINT = Pattern.compile("^def entry_point\\(", Pattern.MULTILINE);
    private static final int STDERR_TAIL_LINES = 20;

    public CorpusProgram {
        problems = List.copyOf(problems);
    }

    /** Reads a program and its expectations. */
    public static CorpusProgram read(Corpus.Folder folder, Path path) {
        String source;
        try {
            source = Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus program " + path, e);
        }
        Expectation expectation = Expectation.parse(source);
        List<String> problems = new ArrayList<>(expectation.problems());
        boolean hasEntryPoint = ENTRY_POINT.matcher(source).find();
        if (folder == Corpus.Folder.RPY && !hasEntryPoint) {
            problems.add("rpy program without a top-level 'def entry_point(argv)'");
        }
        if (folder == Corpus.Folder.PYTHON && hasEntryPoint) {
            problems.add("python program with an entry_point (belongs in rpy/)");
        }
        return new CorpusProgram(folder, path.toAbsolutePath().normalize(), expectation, problems);
    }

    /** {@code rpy/bf_interp.py}: how test reports name the program. */
    public String name() {
        return folder.directory() + "/" + path.getFileName();
    }

    /** Everything wrong with a run, in {@code run_cpython.py}'s words; empty when it passed. */
    public List<String> check(Outcome outcome) {
        List<String> failures = new ArrayList<>(problems);
        if (!outcome.stdout().equals(expectation.stdoutText())) {
            failures.add(stdoutFailure(outcome.stdout()));
        }
        if (outcome.exit() != expectation.exit()) {
            failures.add("exit status %d, expected %d (stderr: %s)".formatted(
                    outcome.exit(), expectation.exit(), outcome.lastStderrLine()));
        }
        expectation.error().ifPresent(error -> {
            String last = outcome.lastStderrLine();
            if (!error.matchesLastLine(last)) {
                failures.add("error: expected %s, got %s".formatted(PyRepr.str(error.message()), PyRepr.str(last)));
            }
            OptionalInt line = outcome.innermostFrameLine(path);
            if (line.isEmpty() || line.getAsInt() != error.line()) {
                failures.add("error raised at line %s, expected line %d".formatted(
                        line.isPresent() ? line.getAsInt() : "None (no traceback frame in the program)", error.line()));
            }
        });
        return failures;
    }

    /** Fails with a readable report unless the run did what the program expects. */
    public void assertPasses(Outcome outcome) {
        List<String> failures = check(outcome);
        if (!failures.isEmpty()) {
            throw new AssertionFailedError(report(failures, outcome), expectation.stdoutText(), outcome.stdout());
        }
    }

    private String stdoutFailure(String actual) {
        List<String> want = expectation.stdout();
        List<String> got = PythonText.splitLines(actual);
        for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
            String w = i < want.size() ? PyRepr.str(want.get(i)) : "<end of output>";
            String g = i < got.size() ? PyRepr.str(got.get(i)) : "<end of output>";
            if (!w.equals(g)) {
                return "stdout line %d: expected %s, got %s".formatted(i + 1, w, g);
            }
        }
        return "stdout differs in line endings";
    }

    private String report(List<String> failures, Outcome outcome) {
        StringBuilder report = new StringBuilder(name()).append(" failed:\n");
        failures.forEach(f -> report.append("  ").append(f).append('\n'));
        if (!outcome.stdout().equals(expectation.stdoutText())) {
            report.append("stdout (- expected, + actual):\n")
                    .append(LineDiff.diff(expectation.stdout(), PythonText.splitLines(outcome.stdout())));
        }
        List<String> stderr = PythonText.splitLines(outcome.stderr());
        if (!stderr.isEmpty()) {
            report.append("stderr").append(stderr.size() > STDERR_TAIL_LINES ? " (last " + STDERR_TAIL_LINES + " lines)" : "")
                    .append(":\n");
            stderr.subList(Math.max(0, stderr.size() - STDERR_TAIL_LINES), stderr.size())
                    .forEach(l -> report.append("  | ").append(l).append('\n'));
        }
        return report.toString();
    }
}
