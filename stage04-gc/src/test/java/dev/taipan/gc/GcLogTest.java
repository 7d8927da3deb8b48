package dev.taipan.gc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.rtyper.llinterp.GcLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code TAIPANLOG=gc:FILE}: one line per collection, written by the collector, and the summary at exit. */
class GcLogTest {
    private static final Pattern LINE = Pattern.compile(
            "gc-collect semispace #(\\d+): (\\d+) -> (\\d+) bytes, (\\d+) objects moved, pause \\d+\\.\\d{3} ms");

    @Test
    void aCollectorLogsEachCollectionAndTheSummaryCountsThem(@TempDir Path dir) throws Exception {
        List<String> lines = run(dir, Collector.SEMISPACE);
        List<String> collections = lines.stream().filter(l -> l.startsWith("gc-collect")).toList();
        assertThat(collections).isNotEmpty().allMatch(l -> LINE.matcher(l).matches());
        for (int i = 0; i < collections.size(); i++) {
            Matcher m = LINE.matcher(collections.get(i));
            assertThat(m.matches()).isTrue();
            assertThat(Integer.parseInt(m.group(1))).isEqualTo(i + 1);
            assertThat(Long.parseLong(m.group(3))).as("what survives is less than what was there: most nodes are garbage")
                    .isLessThan(Long.parseLong(m.group(2)));
        }
        assertThat(lines.getLast()).startsWith("gc-summary: " + collections.size() + " collections (semispace "
                + collections.size() + "), pauses ");
    }

    /**
     * minimark's minor collections promote a few of the nursery's objects; its major ones are
     * marksweep's, which move nothing and give back the arenas the dropped lists emptied.
     */
    @Test
    void minimarkPromotesAtMinorCollectionsAndNeverMovesTheOldGeneration(@TempDir Path dir) throws Exception {
        Pattern collection = Pattern.compile("gc-collect (minor|marksweep) #\\d+: (\\d+) -> (\\d+) bytes, (\\d+) objects moved, pause .*");
        List<Matcher> minor = new ArrayList<>();
        List<Matcher> major = new ArrayList<>();
        for (String line : run(dir, Collector.MINIMARK)) {
            Matcher m = collection.matcher(line);
            if (m.matches()) {
                (m.group(1).equals("minor") ? minor : major).add(m);
            }
        }
        assertThat(minor).as("minor collections").hasSizeGreaterThan(major.size());
        assertThat(major).as("major collections").isNotEmpty();
        for (Matcher m : minor) {
            assertThat(Long.parseLong(m.group(3))).as("promoted bytes: most of the nursery is garbage")
                    .isLessThan(Long.parseLong(m.group(2)) / 2);
        }
        for (Matcher m : major) {
            assertThat(m.group(4)).as("objects a major collection moved").isEqualTo("0");
            assertThat(Long.parseLong(m.group(3))).as("the old generation after a major collection").isLessThan(Long.parseLong(m.group(2)));
        }
    }

    /**
     * {@code --nursery}: a minor collection runs when the nursery is full, so a nursery a quarter
     * the size runs about four times as many, none of which finds more than the nursery holds.
     * A nursery smaller than most objects still works: those are allocated old.
     */
    @Test
    void theNurserySizeSetsHowOftenMinorCollectionsRun(@TempDir Path dir) throws Exception {
        List<Long> usual = nurseryUsedAtMinorCollections(dir, null);
        List<Long> small = nurseryUsedAtMinorCollections(dir, "64k");
        assertThat(usual).isNotEmpty().allMatch(used -> used <= GcParams.INTERPRETED_NURSERY);
        assertThat(small).allMatch(used -> used <= 64 << 10).hasSizeGreaterThan(3 * usual.size());
        assertThat(run(dir, Collector.GENERATIONAL, "100")).last().asString().startsWith("gc-summary: ");
    }

    /** The bytes of the nursery in use at each of minimark's minor collections, with a nursery of {@code nursery}. */
    private static List<Long> nurseryUsedAtMinorCollections(Path dir, String nursery) throws URISyntaxException, IOException {
        Pattern minor = Pattern.compile("gc-collect minor #\\d+: (\\d+) -> .*");
        List<Long> used = new ArrayList<>();
        for (String line : run(dir, Collector.MINIMARK, nursery)) {
            Matcher m = minor.matcher(line);
            if (m.matches()) {
                used.add(Long.parseLong(m.group(1)));
            }
        }
        return used;
    }

    @Test
    void aCollectorThatNeverCollectsLogsOnlyTheSummary(@TempDir Path dir) throws Exception {
        assertThat(run(dir, Collector.NONE)).singleElement().asString().startsWith("gc-summary: 0 collections (none)");
    }

    private static List<String> run(Path dir, Collector gc) throws URISyntaxException, IOException {
        return run(dir, gc, null);
    }

    /** The log of {@code dropped_lists.py} under {@code gc} with a nursery of {@code nursery} (null: the default). */
    private static List<String> run(Path dir, Collector gc, String nursery) throws URISyntaxException, IOException {
        Path log = dir.resolve("gc.log");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Path program = Path.of(GcLogTest.class.getResource("/gc/dropped_lists.py").toURI());
        int status = GcStage.run(new HostInterpreter(out, out, new ByteArrayInputStream(new byte[0])), program, List.of(),
                new ExecOptions(false, null, gc.gcName(), false, null, nursery, false), out, out, GcLog.of("gc:" + log));
        assertThat(status).isZero();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("323040000 780\n");
        return Files.readAllLines(log);
    }
}
