package dev.taipan.flowgraph.fuzz;

import dev.taipan.flowgraph.cli.Progress;
import dev.taipan.flowgraph.fuzz.Finding.Kind;
import dev.taipan.flowgraph.fuzz.PyTree.Module;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The checks' robustness campaign: mutants of generated programs ({@link Mutator}) through
 * every {@link CheckStage}. Each must be accepted, or rejected with an error that names a
 * line (or, when the mutation took the entry point away, says so); a crash, a hang, or an
 * error that says nowhere is a finding. A crash is minimised and
 * saved (as a reproducer, not a corpus program: the mutant need not run anywhere).
 */
final class MutantCampaign {
    /** Where the error is: a line, or (for a program without its entry point) nowhere in particular. */
    private static final Pattern NAMES_A_LINE = Pattern.compile(":\\d+: |, line \\d+|has no function 'entry_point'");
    private final List<CheckStage> checks;
    private final Path work;
    private final Path save;
    private final PrintWriter out;
    private final Progress progress;
    private final Duration timeout;
    private final Map<Mutator.Kind, int[]> verdicts = new EnumMap<>(Mutator.Kind.class);
    private final Map<String, Long> seen = new HashMap<>();
    private int mutants;

    MutantCampaign(List<CheckStage> checks, Path work, Path save, PrintWriter out, Progress progress, Duration timeout) {
        this.checks = checks;
        this.work = work;
        this.save = save;
        this.out = out;
        this.progress = progress;
        this.timeout = timeout;
    }

    int run(long seed, int count, long deadline) {
        Mutator mutator = new Mutator(new Random(seed));
        int bad = 0;
        for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
            long s = seed + i;
            Mutator.Mutant mutant = mutator.mutate(ProgramGenerator.generate(s));
            int[] v = verdicts.computeIfAbsent(mutant.kind(), k -> new int[2]);
            mutants++;
            for (CheckStage check : checks) {
                InProcess.Attempt<CheckStage.Verdict> a = ask(check, write("mutant_" + s, mutant.module()));
                Optional<Finding> f = finding(check, a);
                if (f.isPresent()) {
                    bad++;
                    report(s, mutant, check, f.get());
                } else {
                    v[a.value() instanceof CheckStage.Accepted ? 0 : 1]++;
                }
            }
            progress.show(i + 1, bad + " findings");
        }
        progress.clear();
        return bad;
    }

    private InProcess.Attempt<CheckStage.Verdict> ask(CheckStage check, Path file) {
        return InProcess.attempt(check.name(), () -> check.check(file), timeout);
    }

    private static Optional<Finding> finding(CheckStage check, InProcess.Attempt<CheckStage.Verdict> a) {
        if (a.failure() != null) {
            Kind kind = a.failure().ending() == Run.Ending.CRASHED ? Kind.CRASH : Kind.TIMEOUT;
            return Optional.of(new Finding(check.name(), kind, a.failure().detail()));
        }
        if (a.value() instanceof CheckStage.Rejected rej && !NAMES_A_LINE.matcher(rej.message()).find()) {
            return Optional.of(new Finding(check.name(), Kind.UNPLACED_ERROR, rej.message()));
        }
        return Optional.empty();
    }

    private Path write(String stem, Module m) {
        try {
            return Files.writeString(work.resolve(stem + ".py"), m.source());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void report(long seed, Mutator.Mutant mutant, CheckStage check, Finding f) {
        progress.clear();
        out.println("mutant of seed " + seed + " (" + mutant.kind().name().toLowerCase().replace('_', ' ') + "): " + f.summary());
        f.detail().lines().skip(1).limit(8).forEach(l -> out.println("    " + l));
        Long first = seen.putIfAbsent(f.signature(), seed);
        if (first != null) {
            out.println("    (the same as the mutant of seed " + first + ")");
        } else if (save != null && f.kind() != Kind.TIMEOUT) {
            Module small = Minimizer.minimize(mutant.module(),
                    c -> finding(check, ask(check, write("min_mutant_" + seed, c)))
                            .filter(x -> x.signature().equals(f.signature())).isPresent(),
                    ProgramCampaign.MINIMIZE_TESTS, ProgramCampaign.MINIMIZE_TIME);
            String note = CorpusFile.docstring("A mutant found by taipan fuzz --mutants, seed " + seed + ": " + f.summary()
                    + ". Not a corpus program: it only reproduces the bug in '" + check.name() + "'.");
            Path file = CorpusFile.write(save, "fuzz_" + check.name() + "_mutant_" + seed, new Module(note, small.body()).source());
            out.println("    minimised to " + small.source().lines().count() + " lines: " + file);
        }
        out.flush();
    }

    void summary(Duration elapsed, int bad) {
        out.printf("%d mutants in %d s through %s; %d findings%n", mutants, elapsed.toSeconds(),
                String.join(", ", checks.stream().map(CheckStage::name).toList()), bad);
        verdicts.forEach((kind, v) -> out.printf("  %-18s %5d accepted, %5d rejected with a line%n",
                kind.name().toLowerCase().replace('_', ' '), v[0], v[1]));
        out.flush();
    }
}
