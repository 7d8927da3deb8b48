package dev.taipan.annotator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.annotator.AnnotateCommand;
import dev.taipan.flowgraph.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The annotator benchmark measures real work: its program is RPy (it annotates) and Python (it runs on the host). */
class AnnotatorBenchProgramTest {
    @TempDir
    Path dir;

    @Test
    void aSmallInstanceAnnotatesCompletelyAndRunsOnTheHost() throws IOException {
        Path file = Files.writeString(dir.resolve("bench.py"), AnnotatorBenchProgram.generate(1_000));
        String report = AnnotateCommand.annotate(file, "entry_point");
        assertThat(report).contains("def entry_point(argv: list[str]) -> int", "def run0(n: int) -> int",
                "def total_weight1(items: list[Item1]) -> int", "def Bag1.weight(self: Bag1) -> int");
        assertThat(report).doesNotContain("object", "Never");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new String[] {"exec", "--stage=host", file.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertThat(err.toString()).isEmpty();
        assertThat(status).isZero();
        assertThat(out.toString()).matches("checksum \\d+\\n");
    }

    @Test
    void theBenchmarkProgramHasItsLinesAndVariesItsUnits() {
        String program = AnnotatorBenchProgram.generate(AnnotatorBenchmark.LINES);
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
}
