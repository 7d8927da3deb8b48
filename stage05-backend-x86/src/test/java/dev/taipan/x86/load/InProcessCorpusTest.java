package dev.taipan.x86.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.gc.Collector;
import dev.taipan.x86.elf.Executables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The x86 corpus ({@code x86-corpus.txt}) run inside a JVM through {@link NativeImage} and
 * {@link InProcess}, under every collector: each program must print and exit exactly as its
 * executable does (its {@code # expect:} lines, which the executables are checked against too).
 *
 * <p>The machine code runs in child JVMs ({@link InProcessCorpus}), one per collector, all
 * started at once: a wrong instruction kills its child, which this test reports with the program
 * it was running, instead of killing the build. That every child gets back to Java after each of
 * ~100 programs, and goes on translating the next one, is itself the check that {@code rt_enter}
 * keeps what HotSpot keeps in callee-saved registers ({@code r12}, {@code r15}).
 */
class InProcessCorpusTest {

    @Test
    void theCorpusRunsInProcessUnderEveryCollector() throws IOException, InterruptedException {
        Executables.assumeLinuxX86_64();
        Path list = Path.of("src/test/resources/x86-corpus.txt").toAbsolutePath();
        List<String> claimed = Files.readAllLines(list).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        Map<Collector, Process> children = new EnumMap<>(Collector.class);
        Map<Collector, Path> outputs = new EnumMap<>(Collector.class);
        for (Collector gc : Collector.values()) {
            Path output = Files.createTempFile("in-process-" + gc.gcName() + "-", ".txt");
            outputs.put(gc, output);
            children.put(gc, ChildJvm.of(InProcessCorpus.class, List.of("-Xss8m", "-XX:TieredStopAtLevel=1"),
                    gc.gcName(), list.toString()).redirectOutput(output.toFile()).start());
        }
        List<String> wrong = new ArrayList<>();
        for (Collector gc : Collector.values()) {
            int status = children.get(gc).waitFor();
            List<String> lines = Files.readAllLines(outputs.get(gc), StandardCharsets.UTF_8);
            Files.delete(outputs.get(gc));
            List<String> passed = lines.stream().filter(l -> l.startsWith("PASS ")).map(l -> l.substring(5)).toList();
            lines.stream().filter(l -> l.startsWith("FAIL ")).forEach(l -> wrong.add("--gc=" + gc.gcName() + " " + l));
            if (status != 0) {
                String last = lines.reversed().stream().filter(l -> l.startsWith("RUN ")).findFirst().orElse("(none)");
                wrong.add("--gc=" + gc.gcName() + ": the child JVM ended with status " + status + " while running "
                        + last + "; its output ends with: " + lines.subList(Math.max(0, lines.size() - 15), lines.size()));
            } else if (!passed.containsAll(claimed)) {
                wrong.add("--gc=" + gc.gcName() + ": not all claimed programs passed: missing "
                        + claimed.stream().filter(c -> !passed.contains(c)).toList());
            }
            System.out.printf("in-process corpus (--gc=%s): %d of %d programs as their executables%n",
                    gc.gcName(), passed.size(), claimed.size());
        }
        assertThat(wrong).isEmpty();
    }
}
