package dev.taipan.gc.heapview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.gc.Collector;
import dev.taipan.gc.GcParams;
import dev.taipan.gc.GcStage;
import dev.taipan.gc.gctransform.GcTransformer;
import dev.taipan.gc.heapview.HeapRecorder.Collection;
import dev.taipan.gc.heapview.HeapSnapshot.HeapObject;
import dev.taipan.gc.heapview.HeapSnapshot.Space;
import dev.taipan.gc.layout.GcLayout;
import dev.taipan.rtyper.llinterp.GcLog;
import dev.taipan.rtyper.rtyper.LLStage;
import dev.taipan.rtyper.transform.OptLevel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The heap pictures are the heap: the walks the heap check draws before and after each
 * collection, under --gc-stress (a collection at every allocation), show what each collector
 * is known to do.
 */
class HeapRecorderTest {
    private static final Path PROGRAM = Path.of("src/test/resources/heapview/young_into_old.py");

    private record Recorded(String output, GcLayout layout, List<Collection> collections) { }

    private static Recorded record(Collector collector) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        HostInterpreter host = new HostInterpreter(out, out, new ByteArrayInputStream(new byte[0]));
        GcLayout layout = GcStage.translateWithLayout(host, PROGRAM, collector, OptLevel.O0,
                entries -> new GcTransformer(collector, entries, GcParams.INTERPRETED.withStress(true).withHeapCheck(true)));
        HeapRecorder recorder = new HeapRecorder(1000);
        try (GcLog log = GcLog.recording(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), recorder)) {
            LLStage.runProgram(layout.program(), host, PROGRAM, List.of(), true, out, out, log);
        }
        return new Recorded(bytes.toString(StandardCharsets.UTF_8), layout, recorder.collections());
    }

    private static List<HeapObject> collected(HeapSnapshot s) {
        return s.objects().stream().filter(o -> o.space() != Space.PREBUILT).toList();
    }

    @Test
    void semispaceMovesEveryLiveObjectAndKeepsThemAll() {
        Recorded r = record(Collector.SEMISPACE);
        assertThat(r.output()).isEqualTo("484\n");
        assertThat(r.collections()).hasSizeGreaterThan(20);
        for (Collection c : r.collections()) {
            List<HeapObject> before = collected(c.before());
            List<HeapObject> after = collected(c.after());
            assertThat(after).hasSameSizeAs(before);
            assertThat(after.stream().map(HeapObject::typeId).sorted().toList())
                    .isEqualTo(before.stream().map(HeapObject::typeId).sorted().toList());
            Set<Long> old = new HashSet<>(before.stream().map(HeapObject::address).toList());
            assertThat(after).noneMatch(o -> old.contains(o.address()));   // all copied into the new space
        }
    }

    @Test
    void markSweepKeepsEveryLiveObjectWhereItIs() {
        Recorded r = record(Collector.MARKSWEEP);
        assertThat(r.output()).isEqualTo("484\n");
        for (Collection c : r.collections()) {
            assertThat(collected(c.after())).isEqualTo(collected(c.before()));
        }
    }

    @Test
    void aMinorCollectionPromotesTheYoungAndEmptiesTheRememberedSet() {
        Recorded r = record(Collector.GENERATIONAL);
        assertThat(r.output()).isEqualTo("484\n");
        boolean sawBarrierWork = false;
        for (Collection c : r.collections()) {
            assertThat(c.after().in(Space.YOUNG)).isEmpty();
            assertThat(c.after().remembered()).isEmpty();
            assertThat(collected(c.after())).hasSameSizeAs(collected(c.before()));
            Set<Long> young = new HashSet<>(c.before().in(Space.YOUNG).stream().map(HeapObject::address).toList());
            Set<Long> remembered = new HashSet<>(c.before().remembered().stream().map(HeapObject::address).toList());
            sawBarrierWork |= c.before().pointers().stream()
                    .anyMatch(p -> remembered.contains(p.from()) && young.contains(p.to()));
        }
        assertThat(sawBarrierWork).as("an old, remembered object pointing to a young one before some collection").isTrue();
    }

    @Test
    void thePictureColoursTheGenerationsAndMarksTheRememberedSet() {
        Recorded r = record(Collector.GENERATIONAL);
        Collection c = r.collections().stream().filter(k -> !k.before().remembered().isEmpty()
                && !k.before().in(Space.YOUNG).isEmpty()).reduce((first, second) -> second).orElseThrow();
        String dot = new CollectionPicture(r.layout().ids(), 40).dot(c, "generational");
        assertThat(dot).startsWith("digraph heap {").contains("subgraph cluster_b").contains("subgraph cluster_a")
                .contains("#ffe08a").contains("#a8c8f0").contains("penwidth=3").contains("Cell").contains("b_roots ->");
        // prebuilt objects are drawn only where they touch the collected heap: not all of the image
        long prebuiltDrawn = dot.lines().filter(l -> l.contains("#dddddd")).count();
        assertThat(prebuiltDrawn).isLessThan(c.before().in(Space.PREBUILT).size() + c.after().in(Space.PREBUILT).size());
    }
}
