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
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The differential campaign: generate program after program (seeds {@code seed},
 * {@code seed + 1}, ...), compare each across the reference, the checks and the stages, and for
 * each new kind of bug minimise the program and save it as a corpus program. Prints one line
 * per finding and a summary; the exit status is 1 when anything was found.
 */
final class ProgramCampaign {
    static final int MINIMIZE_TESTS = 400;
    static final Duration MINIMIZE_TIME = Duration.ofMinutes(4);

    private final Differential diff;
    private final Path work;
    private final Path save;
    private final int minimizeTests;
    private final Duration minimizeTime;
    private final PrintWriter out;
    private final Progress progress;
    private final Map<String, Map<Kind, Integer>> counts = new LinkedHashMap<>();
    /** Each bug's signature, with the seed of the program that showed it first. */
    private final Map<String, Long> seen = new HashMap<>();
    /** Per stage, the programs it could not translate yet (not bugs: the stage said so). */
    private final Map<String, Integer> refused = new HashMap<>();
    private final Map<String, Map<String, Integer>> reasons = new HashMap<>();
    /** The first seed refused for each stage and reason, to look at. */
    private final Map<String, Long> firstRefused = new HashMap<>();
    private int programs;
    private long lines;

    /** {@code save} null: report only, no minimising; else at most so many tests and so long per bug. */
    ProgramCampaign(Differential diff, Path work, Path save, PrintWriter out, Progress progress,
                    int minimizeTests, Duration minimizeTime) {
        this.diff = diff;
        this.work = work;
        this.save = save;
        this.minimizeTests = minimizeTests;
        this.minimizeTime = minimizeTime;
        this.out = out;
        this.progress = progress;
        diff.checks().forEach(c -> counts.put(c.name(), new EnumMap<>(Kind.class)));
        diff.stages().forEach(s -> counts.put(s.name(), new EnumMap<>(Kind.class)));
    }

    /**
     * Runs {@code count} programs, or as many as start before {@code deadline}
     * ({@link System#nanoTime}), {@code jobs} at a time; returns how many showed a finding.
     *
     * <p>Workers generate and compare programs (each translation is its own world: stages keep
     * no state between runs, so programs in parallel cannot see each other); this thread takes
     * their results in seed order, counts, reports and minimises. So the output is the same for
     * any number of jobs, and a run cut short by the deadline covers consecutive seeds. A few
     * programs run ahead of the one being reported, no more, so that minimising (which runs its
     * tests here, one at a time) does not let the workers race far past the deadline.
     */
    int run(long seed, int count, long deadline, int jobs) {
        ExecutorService workers = Executors.newFixedThreadPool(jobs, Thread.ofPlatform().daemon().name("fuzz-worker-", 1).factory());
        try {
            ArrayDeque<Future<Tried>> ahead = new ArrayDeque<>();
            int submitted = 0;
            int bad = 0;
            for (int i = 0; i < count; i++) {
                while (submitted < count && ahead.size() < 2 * jobs) {
                    long s = seed + submitted++;
                    ahead.add(workers.submit(() -> tryProgram(s, deadline)));
                }
                Tried t = result(ahead.poll());
                if (t.result() == null) {
                    break;
                }
                if (tally(t)) {
                    bad++;
                }
                progress.show(i + 1, bad + " with findings");
            }
            progress.clear();
            return bad;
        } finally {
            workers.shutdownNow();   // the programs started past the deadline: not counted
            try {
                workers.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One program: its seed, and what comparing it gave (null: the deadline came first). */
    private record Tried(long seed, Module program, Differential.Result result) {
    }

    /** A worker's task. */
    private Tried tryProgram(long s, long deadline) {
        if (System.nanoTime() >= deadline) {
            return new Tried(s, null, null);
        }
        Module m = ProgramGenerator.generate(s);
        return new Tried(s, m, diff.compare(write("fuzz_" + s, m.source())));
    }

    private static Tried result(Future<Tried> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Counts one program's outcome and reports (and minimises) its findings; true if it has any. */
    private boolean tally(Tried t) {
        Differential.Result r = t.result();
        lines += t.program().source().lines().count();
        programs++;
        r.refusedBy().forEach((stage, why) -> {
            refused.merge(stage, 1, Integer::sum);
            // the reason without its place, so that programs refused for one reason count together
            String reason = why.replaceFirst("^.*?error: ", "").replaceFirst(" \\(in function [^)]*\\)$", "");
            reasons.computeIfAbsent(stage, k -> new HashMap<>()).merge(reason, 1, Integer::sum);
            firstRefused.putIfAbsent(stage + ": " + reason, t.seed());
        });
        // several stages printing the same wrong output, or stopping with the same Java
        // exception, show one bug (the rtyper's, seen at ll, gc and x86 alike): it is minimised
        // once, for the first of them
        Map<String, String> firstAlike = new HashMap<>();
        for (Finding f : r.findings()) {
            counts.computeIfAbsent(f.where(), k -> new EnumMap<>(Kind.class)).merge(f.kind(), 1, Integer::sum);
            String sameAs = switch (f.kind()) {
                case DIFFERENT_OUTPUT -> firstAlike.putIfAbsent("output " + f.detail(), f.where());
                case CRASH -> firstAlike.putIfAbsent("exception " + f.detail().lines().findFirst().orElse(""), f.where());
                default -> null;
            };
            report(t.seed(), t.program(), f, r.findings(), sameAs);
        }
        return !r.findings().isEmpty();
    }

    private Path write(String stem, String text) {
        try {
            return Files.writeString(work.resolve(stem + ".py"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void report(long seed, Module m, Finding f, List<Finding> all, String sameAs) {
        progress.clear();
        out.println("seed " + seed + ": " + f.summary());
        f.detail().lines().skip(1).limit(8).forEach(l -> out.println("    " + l));
        Long first = seen.putIfAbsent(f.signature(), seed);
        if (sameAs != null) {
            out.println("    (the same " + (f.kind() == Kind.CRASH ? "exception" : "output") + " as " + sameAs + "'s: minimised there)");
        } else if (first != null) {
            out.println("    (the same as seed " + first + ")");
        } else if (save != null && f.kind() != Kind.TIMEOUT && f.kind() != Kind.INVALID_PROGRAM) {
            boolean wasAccepted = all.stream().noneMatch(x -> x.kind() == Kind.REJECTED);
            Module small = Minimizer.minimize(m, c -> stillShows(seed, c, f, wasAccepted), minimizeTests, minimizeTime);
            Differential.Result again = diff.compare(write("min_" + seed, small.source()));
            String note = CorpusFile.docstring("Found by taipan fuzz, seed " + seed + ": " + f.summary()
                    + ". Minimised from " + m.source().lines().count() + " to " + small.source().lines().count()
                    + " lines; the expected output is " + diff.referenceName() + "'s.");
            Path file = CorpusFile.write(save, "fuzz_" + f.where() + "_" + seed, CorpusFile.text(small, note, again.reference()));
            out.println("    minimised to " + small.source().lines().count() + " lines: " + file);
        }
        out.flush();
    }

    /**
     * The minimiser's test: the same bug, the reference still runs the program (through its
     * {@code __main__} footer), and it is still RPy if it was. A crash or a rejection is looked
     * for first, without the reference.
     */
    private boolean stillShows(long seed, Module candidate, Finding f, boolean mustStayAccepted) {
        if (!candidate.body().getLast().equals(ProgramGenerator.FOOTER)) {
            return false;   // else CPython would not even call entry_point
        }
        Path file = write("min_" + seed, candidate.source());
        boolean outputBug = f.kind() == Kind.DIFFERENT_OUTPUT;
        if (!outputBug && diff.alone(file, f.where()).filter(x -> x.signature().equals(f.signature())).isEmpty()) {
            return false;
        }
        Set<String> ask = new HashSet<>();
        if (outputBug) {
            ask.add(f.where());
        }
        if (mustStayAccepted) {
            diff.checks().forEach(c -> ask.add(c.name()));
        }
        List<Finding> found = diff.compare(file, ask::contains).findings();
        return found.stream().noneMatch(x -> x.kind() == Kind.INVALID_PROGRAM)
                && (!mustStayAccepted || found.stream().noneMatch(x -> x.kind() == Kind.REJECTED))
                && (!outputBug || found.stream().anyMatch(x -> x.signature().equals(f.signature())));
    }

    void summary(Duration elapsed) {
        double minutes = elapsed.toMillis() / 60000.0;
        out.printf("%d programs (%d lines) in %s: %.1f programs/min%n", programs, lines, Duration.ofSeconds(elapsed.toSeconds())
                .toString().substring(2).toLowerCase(), minutes == 0 ? 0 : programs / minutes);
        out.println("  reference: " + diff.referenceName());
        counts.forEach((where, byKind) -> {
            int bad = byKind.values().stream().mapToInt(Integer::intValue).sum() + refused.getOrDefault(where, 0);
            String good = where.equals(diff.referenceName()) ? "ran"
                    : diff.checks().stream().anyMatch(c -> c.name().equals(where)) ? "accepted" : "agree";
            StringBuilder line = new StringBuilder("  " + where + ": " + (programs - bad) + " " + good);
            byKind.forEach((k, n) -> line.append(", ").append(n).append(" ").append(k.words()));
            if (refused.containsKey(where)) {
                line.append(", ").append(refused.get(where)).append(" not translated yet");
                reasons.get(where).entrySet().stream().max(Map.Entry.comparingByValue()).ifPresent(e ->
                        line.append(" (most often, ").append(e.getValue()).append(": ").append(e.getKey()).append(")"));
            }
            out.println(line);
            if (reasons.containsKey(where)) {
                // every reason, most frequent first, with the seed that shows it: what to translate next
                reasons.get(where).entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .forEach(e -> out.println("      " + e.getValue() + ": " + e.getKey() + " (first at --seed="
                                + firstRefused.get(where + ": " + e.getKey()) + ")"));
            }
        });
        out.flush();
    }
}
