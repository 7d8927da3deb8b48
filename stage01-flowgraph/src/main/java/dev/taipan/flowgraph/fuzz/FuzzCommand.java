package dev.taipan.flowgraph.fuzz;

import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.cli.ExecStage;
import dev.taipan.flowgraph.cli.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code taipan fuzz}: differential testing across the stages (Csmith's idea for RPy), and
 * robustness testing of the front end and of the checks. The stages are the
 * {@link ExecStage}s and the checks the {@link CheckStage}s on the class path, so a stage that
 * lands later is fuzzed without a change here.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate random RPy programs and compare CPython with every stage (output and exit status); "
                + "a mismatch is minimised and saved as a corpus program.",
                "--front-end: broken programs and token soup through lexer, parser and compiler instead.",
                "--mutants: broken RPy programs through the checks (the annotator) instead."})
final class FuzzCommand implements Callable<Integer> {

    @Option(names = "--stages", split = ",", paramLabel = "STAGE",
            description = "The stages to compare (default: all: ${COMPLETION-CANDIDATES}).",
            completionCandidates = StageNames.class)
    List<String> stages;

    @Option(names = "--count", paramLabel = "N", defaultValue = "100",
            description = "How many programs (or inputs, or mutants) (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", paramLabel = "S",
            description = "The first seed; program i has seed S+i (default: from the clock, printed).")
    Long seed;

    @Option(names = "--gc", paramLabel = "GC",
            description = "The collector of the stages that have one (gc, x86): none, marksweep, semispace, "
                    + "generational, minimark (default: the stages' own).")
    String gc;

    @Option(names = "--python", paramLabel = "CMD", defaultValue = "python3",
            description = "CPython 3.11+, the reference (default: ${DEFAULT-VALUE}); without it the host stage is.")
    String python;

    @Option(names = "--save", paramLabel = "DIR",
            description = "Where minimised programs go (default: the corpus's rpy/ folder when run in the repository).")
    Path save;

    @Option(names = "--no-minimize", description = "Report mismatches without minimising or saving them.")
    boolean noMinimize;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Per program and stage (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Option(names = "--minutes", paramLabel = "M", defaultValue = "0",
            description = "Stop after M minutes even if --count is not reached (default: no limit).")
    int minutes;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Programs compared at a time (default: the number of processors); the output is the same for any N.")
    Integer jobs;

    @Option(names = "--front-end", description = "Fuzz the front end (lexer, parser, compiler) instead.")
    boolean frontEnd;

    @Option(names = "--mutants", description = "Fuzz the checks with broken RPy programs instead.")
    boolean mutants;

    @Option(names = "--show", description = "Print the program of --seed and stop.")
    boolean show;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (show) {
            out.print(ProgramGenerator.generate(seed == null ? 0 : seed).source());
            out.flush();
            return 0;
        }
        long first = seed != null ? seed : System.currentTimeMillis() % 1_000_000;
        Progress progress = new Progress(err, Progress.onTerminal(), count, true);
        Path work = Files.createTempDirectory("taipan-fuzz");
        long start = System.nanoTime();
        long deadline = minutes > 0 ? start + Duration.ofMinutes(minutes).toNanos() : Long.MAX_VALUE;
        try {
            int bad;
            if (frontEnd) {
                FrontEndCampaign c = new FrontEndCampaign(frontEndSeeds(first), out, progress);
                out.println("front-end fuzzing, seed " + first);
                bad = c.run(first, count, deadline);
                c.summary(Duration.ofNanos(System.nanoTime() - start), bad);
            } else if (mutants) {
                List<CheckStage> checks = CheckStage.all();
                if (checks.isEmpty()) {
                    throw new TaipanError("no check to fuzz with mutants: the annotator (stage 02) is not on the class path");
                }
                MutantCampaign c = new MutantCampaign(checks, work, saveDir(), out, progress, Duration.ofSeconds(timeout));
                out.println("mutants through " + String.join(", ", checks.stream().map(CheckStage::name).toList())
                        + ", seeds " + first + ".." + (first + count - 1));
                bad = c.run(first, count, deadline);
                c.summary(Duration.ofNanos(System.nanoTime() - start), bad);
            } else {
                bad = differential(first, work, out, progress, start, deadline);
            }
            return bad == 0 ? 0 : 1;
        } finally {
            deleteTree(work);
        }
    }

    /**
     * A collector the stages do not know would have every program refused for it: the stages
     * run an empty program first, and a refusal of that is the user's mistake, said once.
     */
    private void checkOptions(Differential diff, Path work) {
        Path empty;
        try {
            empty = Files.writeString(work.resolve("empty.py"), "def entry_point(argv):\n    return 0\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (ExecStage stage : diff.stages()) {
            Run run = InProcess.run(stage, empty, diff.options(), Duration.ofSeconds(timeout));
            if (run.ending() == Run.Ending.REFUSED) {
                throw new TaipanError(run.detail());
            }
        }
    }

    private int differential(long first, Path work, PrintWriter out, Progress progress, long start, long deadline) {
        Optional<CPython> cpython = CPython.find(python);
        List<ExecStage> chosen = chosenStages();
        if (cpython.isEmpty() && chosen.stream().noneMatch(st -> st.name().equals("host"))) {
            throw new TaipanError("no CPython 3.11+ ('" + python + "') to compare with: name the host stage among "
                    + "--stages, it is then the reference");
        }
        Differential diff = new Differential(cpython, chosen, CheckStage.all(), new ExecOptions(false, null, gc, false, null),
                Duration.ofSeconds(timeout));
        if (gc != null) {
            checkOptions(diff, work);
        }
        out.println("seeds " + first + ".." + (first + count - 1) + "; reference "
                + cpython.map(CPython::describe).orElse("the host stage: CPython 3.11+ ('" + python + "') is not installed")
                + "; checks: " + (diff.checks().isEmpty() ? "none" : String.join(", ", diff.checks().stream().map(CheckStage::name).toList()))
                + "; stages: " + String.join(", ", diff.stages().stream().map(ExecStage::name).toList())
                + (gc != null ? " (--gc=" + gc + ")" : ""));
        out.flush();
        ProgramCampaign c = new ProgramCampaign(diff, work, saveDir(), out, progress,
                ProgramCampaign.MINIMIZE_TESTS, ProgramCampaign.MINIMIZE_TIME);
        int bad = c.run(first, count, deadline, jobs());
        c.summary(Duration.ofNanos(System.nanoTime() - start));
        return bad;
    }

    private int jobs() {
        if (jobs == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (jobs < 1) {
            throw new TaipanError("--jobs " + jobs + ": needs at least one");
        }
        return jobs;
    }

    private List<ExecStage> chosenStages() {
        Map<String, ExecStage> all = ExecStage.all();
        if (stages == null) {
            return List.copyOf(all.values());
        }
        List<ExecStage> chosen = new ArrayList<>();
        for (String name : stages) {
            ExecStage s = all.get(name);
            if (s == null) {
                throw new TaipanError("unknown stage '" + name + "' for fuzz; available stages: " + String.join(", ", all.keySet()));
            }
            chosen.add(s);
        }
        return chosen;
    }

    /** Null when nothing is to be minimised and saved. */
    private Path saveDir() {
        if (noMinimize) {
            return null;
        }
        return save != null ? save : corpus().map(c -> c.resolve("rpy")).orElse(Path.of("fuzz-found"));
    }

    /** {@code stage01-flowgraph/corpus} above the working directory, if this runs inside the repository. */
    private static Optional<Path> corpus() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path c : List.of(dir.resolve("corpus"), dir.resolve("stage01-flowgraph").resolve("corpus"))) {
                if (Files.isDirectory(c.resolve("rpy")) && c.getParent().getFileName().toString().equals("stage01-flowgraph")) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    /** What the front end's mutations start from: a dense seed, generated programs, and the corpus if at hand. */
    private static List<String> frontEndSeeds(long seed) throws IOException {
        List<String> seeds = new ArrayList<>(List.of(SourceMutator.SEED_PROGRAM));
        for (int i = 0; i < 20; i++) {
            seeds.add(ProgramGenerator.generate(seed + i).source());
        }
        Optional<Path> corpus = corpus();
        if (corpus.isPresent()) {
            try (Stream<Path> files = Files.walk(corpus.get())) {
                for (Path p : files.filter(f -> f.toString().endsWith(".py")).sorted().toList()) {
                    seeds.add(Files.readString(p));
                }
            }
        }
        return seeds;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }

    /** The stage names for {@code --help}. */
    static final class StageNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ExecStage.all().keySet().iterator();
        }
    }
}
