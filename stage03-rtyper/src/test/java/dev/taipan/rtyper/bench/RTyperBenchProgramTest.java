package dev.taipan.rtyper.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.annotator.AnnotateCommand;
import dev.taipan.annotator.Annotator;
import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.rtyper.LLStage;
import dev.taipan.rtyper.rtyper.RtypeCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rtyper benchmark measures real work: its program rtypes completely, and the low-level
 * graphs compute what the host interpreter computes.
 */
class RTyperBenchProgramTest {
    @TempDir
    Path dir;

    /** What a run printed, its error stream and its exit status. */
    private record Run(String out, String err, int status) {}

    @Test
    void twentyUnitsPrintTheSameChecksumOnTheHostAndInTheLlinterp() throws IOException {
        Path file = Files.writeString(dir.resolve("bench.py"), RTyperBenchProgram.ofUnits(20));
        Run host = run((h, err) -> h.runProgram(file, List.of()));
        Run ll = run((h, err) -> LLStage.run(h, file, List.of(), new ExecOptions(true), h.out(), err));
        assertThat(host).isEqualTo(new Run(host.out(), "", 0));
        assertThat(host.out()).matches("checksum \\d+\\n");
        assertThat(ll).isEqualTo(host);
    }

    @Test
    void rtypingOneAnnotationTwiceGivesTheSameGraphs() throws IOException {
        // what RTyperBenchmark.rtypeOnly relies on: the rtyper leaves the annotation as it found it
        Path file = Files.writeString(dir.resolve("bench.py"), RTyperBenchProgram.ofUnits(5));
        Annotator ann = AnnotateCommand.annotateFile(file, "entry_point", true);
        List<String> first = graphs(RTyperBenchmark.rtype(ann));
        List<String> second = graphs(RTyperBenchmark.rtype(ann));
        assertThat(second).isEqualTo(first).isEqualTo(graphs(RtypeCommand.rtype(file, null)));
    }

    /**
     * Each graph as text, sorted: the annotator's order of the methods of one family differs
     * from run to run (its sets of descriptions are hash sets), so the order is not compared.
     */
    private static List<String> graphs(List<LowLevelGraph> graphs) {
        return graphs.stream().map(g -> RtypeCommand.text(List.of(g))).sorted().toList();
    }

    @Test
    void theBenchmarkProgramHasItsLinesAndVariesItsUnits() {
        String program = RTyperBenchProgram.generate(RTyperBenchmark.LINES);
        assertThat(program.lines().count()).isBetween(10_000L, 10_200L);
        // each unit draws its own selection of templates: the first ten are not all alike
        Set<List<String>> selections = new HashSet<>();
        String[] units = program.split("\n# unit ");
        for (int u = 1; u <= 10; u++) {
            selections.add(Pattern.compile("(?m)^def ([a-z_]+?)\\d+\\(").matcher(units[u]).results()
                    .map(m -> m.group(1)).toList());
        }
        assertThat(selections).hasSizeGreaterThanOrEqualTo(5);
    }

    private static Run run(BiFunction<HostInterpreter, PrintStream, Integer> body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        HostInterpreter host = new HostInterpreter(new PrintStream(out, true, StandardCharsets.UTF_8), errStream,
                InputStream.nullInputStream());
        int status = body.apply(host, errStream);
        return new Run(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status);
    }
}
