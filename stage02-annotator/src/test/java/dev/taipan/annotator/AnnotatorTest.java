package dev.taipan.annotator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.annotator.SomeValue.*;
import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.host.PyInt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AnnotatorTest {

    @Test
    void unionOfNumbers() {
        assertThat(Union.union(new SomeInteger(true, false, PyInt.of(1)), new SomeInteger(false, false, null)))
                .isEqualTo(new SomeInteger(false, false, null));
        assertThat(Union.union(new SomeBool(null), new SomeInteger(true, false, null))).isEqualTo(new SomeInteger(true, false, null));
        assertThat(Union.union(new SomeInteger(), new SomeFloat(null))).isEqualTo(new SomeFloat(null));
        assertThat(Union.union(new SomeInteger(), new SomeString(false, null))).isInstanceOf(SomeObject.class);
        assertThat(Union.union(new SomeString(false, null), new SomeNone())).isEqualTo(new SomeString(true, null));
        assertThat(Union.union(SomeValue.IMPOSSIBLE, new SomeChar(null))).isEqualTo(new SomeChar(null));
        assertThat(Union.union(new SomeChar(null), new SomeString(false, null))).isEqualTo(new SomeString(false, null));
    }

    @Test
    void corpus() throws Exception {
        List<String> failed = new ArrayList<>();
        int ok = 0;
        try (Stream<Path> files = Files.list(Path.of("../stage01-flowgraph/corpus/rpy"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".py")).sorted().toList()) {
                try {
                    String report = AnnotateCommand.annotate(f, "entry_point");
                    // a complete annotation: the entry point returns its exit status (or never returns:
                    // every path raises, always_raises.py), nothing is untyped
                    boolean status = report.contains("def entry_point(argv: list[str]) -> int\n")
                            || report.contains("def entry_point(argv: list[str]) -> Never\n");
                    if (!status || UNTYPED.matcher(report).find()) {
                        failed.add(f.getFileName() + ": incomplete annotation:\n" + report);
                        continue;
                    }
                    ok++;
                } catch (TaipanError e) {
                    failed.add(f.getFileName() + ": " + e.render().lines().findFirst().orElse(""));
                }
            }
        }
        System.out.println("annotated " + ok + " corpus programs; failed " + failed.size() + ":");
        failed.forEach(System.out::println);
        assertThat(ok).isGreaterThanOrEqualTo(FLOOR);
    }

    /** Every RPy program of the corpus today: a program that stops annotating fails the test. */
    static final int FLOOR = 122;

    /** {@code object} as a type in the report (not inside a name such as {@code parse_object}). */
    private static final java.util.regex.Pattern UNTYPED = java.util.regex.Pattern.compile("(: |-> |\\[|, |\\| )object\\b");
}
