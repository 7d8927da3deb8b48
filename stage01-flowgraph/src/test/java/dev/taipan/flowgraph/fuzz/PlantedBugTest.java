package dev.taipan.flowgraph.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.cli.ExecStage;
import dev.taipan.flowgraph.cli.HostStage;
import dev.taipan.flowgraph.cli.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzzer finds a bug planted in a stage and minimises the program that shows it: a stage
 * that runs the host interpreter on the program with floor division turned into true
 * division. The host stage is the reference (so the test needs no CPython); the campaign must
 * report the mismatch and save a smaller corpus program that still shows it. The minimiser
 * gets few tests here (each runs the program twice); {@link MinimizerTest} shows how far it
 * goes when tests are cheap.
 */
class PlantedBugTest {

    /**
     * The host stage with floor division broken: {@code a // b} means {@code a / b} (a wrong
     * output), or, when it {@code crashes}, a program with one stops it with a Java exception.
     */
    record PlantedBug(String name, boolean crashes) implements ExecStage {
        PlantedBug() {
            this("planted", false);
        }

        @Override
        public String description() {
            return "the host interpreter with floor division " + (crashes ? "crashing" : "broken");
        }

        @Override
        public int run(Path file, List<String> args, PrintStream out, PrintStream err, InputStream in) {
            try {
                String source = Files.readString(file);
                if (!source.contains(" // ")) {
                    return new HostStage().run(file, args, out, err, in);
                }
                if (crashes) {
                    throw new IllegalStateException("floor division, planted");
                }
                Path broken = file.resolveSibling("planted_" + file.getFileName());
                Files.writeString(broken, source.replace(" // ", " / "));
                return new HostStage().run(broken, args, out, err, in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A stage that cannot translate anything yet, and says so (as the rtyper does for what part 2 brings). */
    static final class Refusing implements ExecStage {
        @Override
        public String name() {
            return "refusing";
        }

        @Override
        public String description() {
            return "translates nothing";
        }

        @Override
        public int run(Path file, List<String> args, PrintStream out, PrintStream err, InputStream in) {
            throw new TaipanError(file.getFileName() + ":1: cannot translate this yet");
        }
    }

    /** Refuses every program, naming the collector it was asked to run with. */
    static final class NamesItsCollector implements ExecStage {
        @Override
        public String name() {
            return "collector";
        }

        @Override
        public String description() {
            return "says which collector it got";
        }

        @Override
        public int run(Path file, List<String> args, PrintStream out, PrintStream err, InputStream in) {
            return run(file, args, ExecOptions.DEFAULT, out, err, in);
        }

        @Override
        public int run(Path file, List<String> args, ExecOptions options, PrintStream out, PrintStream err, InputStream in) {
            throw new TaipanError("asked for --gc=" + options.gc());
        }
    }

    @TempDir
    Path work;

    /** {@code taipan fuzz --gc=NAME}: the stages run with that collector. */
    @Test
    void theStagesRunWithTheOptionsTheyAreGiven() throws IOException {
        Differential diff = new Differential(Optional.empty(), List.of(new HostStage(), new NamesItsCollector()), List.of(),
                new ExecOptions(false, null, "minimark", false, null), Duration.ofSeconds(60));
        Path program = Files.writeString(work.resolve("p.py"), "def entry_point(argv):\n    print(1)\n    return 0\n");
        assertThat(diff.compare(program).refusedBy()).containsEntry("collector", "asked for --gc=minimark");
    }

    @Test
    void aStageThatRefusesAProgramIsCountedNotReported() throws IOException {
        Differential diff = new Differential(Optional.empty(), List.of(new HostStage(), new Refusing()), List.of(),
                Duration.ofSeconds(60));
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        ProgramCampaign campaign = new ProgramCampaign(diff, Files.createDirectories(work.resolve("run")), null, out,
                new Progress(out, false, 0, true), 0, Duration.ZERO);
        assertThat(campaign.run(1, 3, Long.MAX_VALUE, 2)).isZero();
        campaign.summary(Duration.ofSeconds(1));
        out.flush();
        assertThat(text.toString()).contains("refusing: 0 agree, 3 not translated yet")
                .contains("1: fuzz_1.py:1: cannot translate this yet (first at --seed=1)").doesNotContain("seed ");
    }

    @Test
    void aPlantedBugIsFoundAndMinimised() throws IOException {
        Differential diff = new Differential(Optional.empty(), List.of(new HostStage(), new PlantedBug()), List.of(),
                Duration.ofSeconds(60));
        StringWriter text = new StringWriter();
        Path save = work.resolve("found");
        long seed = firstSeedWithAFinding(diff, save, 15, text);
        assertThat(text.toString()).contains("planted: different output").contains("minimised to");
        List<Path> saved;
        try (var files = Files.list(save)) {
            saved = files.toList();
        }
        assertThat(saved).as(text.toString()).isNotEmpty();
        String program = Files.readString(saved.getFirst());
        assertThat(program).contains(" // ", "# expect: ", "def entry_point(argv):");
        assertThat(program.lines().filter(l -> !l.startsWith("# expect:")).count())
                .isLessThan(ProgramGenerator.generate(seed).source().lines().count());
        assertThat(diff.compare(saved.getFirst()).findings()).extracting(Finding::summary)
                .anyMatch(f -> f.startsWith("planted: different output"));
    }

    @Test
    void aBugTwoStagesShowAlikeIsMinimisedOnce() throws IOException {
        assertMinimisedOnce("planted", false, "different output", "(the same output as planted's: minimised there)");
    }

    @Test
    void anExceptionTwoStagesThrowAlikeIsMinimisedOnce() throws IOException {
        assertMinimisedOnce("crash", true, "Java exception", "(the same exception as crash's: minimised there)");
    }

    /** Two planted stages, {@code name} and {@code name2}, showing one bug: reported at both, minimised and saved once. */
    private void assertMinimisedOnce(String name, boolean crashes, String finding, String same) throws IOException {
        Differential diff = new Differential(Optional.empty(),
                List.of(new HostStage(), new PlantedBug(name, crashes), new PlantedBug(name + "2", crashes)), List.of(),
                Duration.ofSeconds(60));
        StringWriter text = new StringWriter();
        Path save = work.resolve("found");
        long seed = firstSeedWithAFinding(diff, save, 5, text);
        assertThat(text.toString()).contains(name + ": " + finding, name + "2: " + finding, same);
        try (var files = Files.list(save)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).as(text.toString())
                    .containsExactly("fuzz_" + name + "_" + seed + ".py");
        }
    }

    @Test
    void workersInParallelReportWhatOneWorkerReportsInTheSameOrder() throws IOException {
        Differential diff = new Differential(Optional.empty(), List.of(new HostStage(), new PlantedBug()), List.of(),
                Duration.ofSeconds(60));
        String oneJob = report(diff, 1);
        assertThat(oneJob).contains("seed ", "planted: different output");
        assertThat(report(diff, 3)).isEqualTo(oneJob);
    }

    /**
     * Runs seeds 1, 2, ... (up to 10) one at a time until one shows a finding, minimising it
     * with {@code minimizeTests} tests into {@code save}; the campaign's text goes to {@code text}.
     */
    private long firstSeedWithAFinding(Differential diff, Path save, int minimizeTests, StringWriter text) throws IOException {
        PrintWriter out = new PrintWriter(text);
        ProgramCampaign campaign = new ProgramCampaign(diff, Files.createDirectories(work.resolve("run")), save, out,
                new Progress(out, false, 0, true), minimizeTests, Duration.ofHours(1));
        long seed = 1;
        while (campaign.run(seed, 1, Long.MAX_VALUE, 1) == 0 && seed < 10) {
            seed++;
        }
        out.flush();
        return seed;
    }

    /** The campaign's text for seeds 1..8 without minimising, its rate (a time) left out. */
    private String report(Differential diff, int jobs) throws IOException {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        ProgramCampaign campaign = new ProgramCampaign(diff, Files.createDirectories(work.resolve("run")), null, out,
                new Progress(out, false, 0, true), 0, Duration.ZERO);
        campaign.run(1, 8, Long.MAX_VALUE, jobs);
        campaign.summary(Duration.ofSeconds(1));
        out.flush();
        return text.toString().replaceAll("in 1s: [0-9.]+ programs/min", "");
    }
}
