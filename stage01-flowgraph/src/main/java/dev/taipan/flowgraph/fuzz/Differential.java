package dev.taipan.flowgraph.fuzz;

import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.cli.ExecStage;
import dev.taipan.flowgraph.fuzz.Finding.Kind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The differential test of one program: run it on the reference (CPython, or the host stage
 * when CPython is missing), ask every check about it, run it at every stage, and list what
 * disagrees. Generated programs never write to stderr and never end with an uncaught
 * exception, so a reference run that does either means the program is not valid, and then
 * nothing else is judged. CPython runs in its own process while the stages run here.
 */
public final class Differential {
    private final Optional<CPython> cpython;
    private final ExecStage hostReference;
    private final List<ExecStage> stages;
    private final List<CheckStage> checks;
    private final ExecOptions options;
    private final Duration timeout;

    /**
     * What one program gave: the reference's run, the findings (empty: all agree), and the
     * stages that refused to translate it, each with its reason.
     */
    public record Result(Run reference, List<Finding> findings, Map<String, String> refusedBy) {
        Result(Run reference, List<Finding> findings) {
            this(reference, findings, Map.of());
        }
    }

    /**
     * Compares {@code stages} and {@code checks} against CPython if given, else against the
     * stage named {@code host} (which must then be among {@code stages}, and is taken out).
     */
    public Differential(Optional<CPython> cpython, List<ExecStage> stages, List<CheckStage> checks, Duration timeout) {
        this(cpython, stages, checks, ExecOptions.DEFAULT, timeout);
    }

    /** The same, running the stages with {@code options} ({@code --gc}: the collector of {@code gc} and {@code x86}). */
    public Differential(Optional<CPython> cpython, List<ExecStage> stages, List<CheckStage> checks, ExecOptions options,
                        Duration timeout) {
        this.cpython = cpython;
        this.options = options;
        this.hostReference = cpython.isPresent() ? null
                : stages.stream().filter(s -> s.name().equals("host")).findFirst().orElseThrow(
                        () -> new IllegalArgumentException("without CPython the host stage is the reference"));
        this.stages = stages.stream().filter(s -> s != hostReference).toList();
        this.checks = List.copyOf(checks);
        this.timeout = timeout;
    }

    /** {@code cpython} or {@code host}: what the stages are compared with. */
    public String referenceName() {
        return cpython.isPresent() ? "cpython" : "host";
    }

    public List<ExecStage> stages() {
        return stages;
    }

    /** The options the stages run with. */
    public ExecOptions options() {
        return options;
    }

    public List<CheckStage> checks() {
        return checks;
    }

    public Result compare(Path file) {
        return compare(file, name -> true);
    }

    /** The same, asking only the checks and stages whose names {@code include} accepts. */
    public Result compare(Path file, Predicate<String> include) {
        CompletableFuture<Run> fromCPython = cpython.map(c -> c.start(file, timeout)).orElse(null);
        List<Finding> findings = new ArrayList<>();
        for (CheckStage check : checks) {
            if (include.test(check.name())) {
                judge(check, file).ifPresent(findings::add);
            }
        }
        // The reference first: a program it cannot run (one that never ends, or grows without
        // bound) is not run at the stages, where it would only hold a thread and fill the heap.
        Run reference = fromCPython != null ? fromCPython.join() : InProcess.run(hostReference, file, options, timeout);
        if (reference.ending() != Run.Ending.EXITED || !reference.stderr().isEmpty()) {
            String why = reference.ending() != Run.Ending.EXITED ? reference.detail() : lastLine(reference.stderr());
            return new Result(reference, List.of(new Finding(referenceName(), Kind.INVALID_PROGRAM, why)));
        }
        List<Run> runs = new ArrayList<>();
        for (ExecStage stage : stages) {
            runs.add(include.test(stage.name()) ? InProcess.run(stage, file, options, timeout) : null);
        }
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        for (int i = 0; i < stages.size(); i++) {
            if (runs.get(i) != null && runs.get(i).ending() == Run.Ending.REFUSED) {
                refused.put(stages.get(i).name(), runs.get(i).detail());
            } else if (runs.get(i) != null) {
                compare(stages.get(i).name(), runs.get(i), reference).ifPresent(findings::add);
            }
        }
        return new Result(reference, findings, refused);
    }

    /**
     * What the check or stage {@code name} alone shows, with no reference run: a check's
     * rejection or crash, a stage's crash or hang (judging a stage's output needs the
     * reference). The minimiser asks this first, as it costs no CPython process.
     */
    public Optional<Finding> alone(Path file, String name) {
        for (CheckStage check : checks) {
            if (check.name().equals(name)) {
                return judge(check, file);
            }
        }
        for (ExecStage stage : stages) {
            if (stage.name().equals(name)) {
                Run run = InProcess.run(stage, file, options, timeout);
                return run.ending() == Run.Ending.EXITED || run.ending() == Run.Ending.REFUSED ? Optional.empty()
                        : Optional.of(failure(name, run));
            }
        }
        return Optional.empty();
    }

    private Optional<Finding> judge(CheckStage check, Path file) {
        InProcess.Attempt<CheckStage.Verdict> a = InProcess.attempt(check.name(), () -> check.check(file), timeout);
        if (a.failure() != null) {
            return Optional.of(failure(check.name(), a.failure()));
        }
        return a.value() instanceof CheckStage.Rejected r
                ? Optional.of(new Finding(check.name(), Kind.REJECTED, r.message()))
                : Optional.empty();
    }

    private static Finding failure(String where, Run run) {
        return new Finding(where, run.ending() == Run.Ending.CRASHED ? Kind.CRASH : Kind.TIMEOUT, run.detail());
    }

    private Optional<Finding> compare(String stage, Run run, Run reference) {
        if (run.ending() != Run.Ending.EXITED) {
            return Optional.of(failure(stage, run));
        }
        if (run.agreesWith(reference)) {
            return Optional.empty();
        }
        StringBuilder detail = new StringBuilder();
        List<String> got = run.stdout().lines().toList();
        List<String> want = reference.stdout().lines().toList();
        int line = 0;
        while (line < got.size() && line < want.size() && got.get(line).equals(want.get(line))) {
            line++;
        }
        if (line < got.size() || line < want.size()) {
            detail.append("stdout line ").append(line + 1).append(": ")
                    .append(line < got.size() ? quote(got.get(line)) : "(nothing)").append(", ")
                    .append(referenceName()).append(" prints ")
                    .append(line < want.size() ? quote(want.get(line)) : "(nothing)");
        }
        if (run.exit() != reference.exit()) {
            detail.append(detail.isEmpty() ? "" : "; ").append("exit status ").append(run.exit())
                    .append(", ").append(referenceName()).append(" ").append(reference.exit());
        }
        if (!run.stderr().isBlank()) {
            detail.append("\n").append(run.stderr().strip());
        }
        return Optional.of(new Finding(stage, Kind.DIFFERENT_OUTPUT, detail.toString()));
    }

    private static String quote(String s) {
        return "'" + (s.length() > 100 ? s.substring(0, 97) + "..." : s) + "'";
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.getLast();
    }
}
