package dev.taipan.gc;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.corpus.Corpus;
import dev.taipan.flowgraph.corpus.CorpusProgram;
import dev.taipan.flowgraph.corpus.StageRun;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Corpus programs that allocate much and of many types (trees, linked lists, dicts that
 * resize, strings, prebuilt objects pointing to new ones) under {@code --gc-stress}, checked:
 * a collection at every allocation, so that every root the transformer pushes and every field
 * the collector traces is exercised at every point where it could be missed, and a pointer
 * the collector freed or moved fails at its first use. Each runs exactly as on the host.
 */
class GcStressTest {

    static final List<String> PROGRAMS = List.of("tree_bst.py", "linked_list.py", "dict_basic.py", "lowlevel_dicts.py",
            "lowlevel_strings.py", "bank_system.py", "mini_json.py", "lowlevel_prebuilt.py");

    @TestFactory
    Stream<DynamicTest> allocatingProgramsRunUnderStressWithEveryCollector() {
        List<CorpusProgram> programs = Corpus.locate().programs(Corpus.Folder.RPY).stream()
                .filter(p -> PROGRAMS.contains(p.path().getFileName().toString())).toList();
        if (programs.size() != PROGRAMS.size()) {
            throw new IllegalStateException("missing corpus programs: found " + programs.size() + " of " + PROGRAMS);
        }
        return Arrays.stream(Collector.values()).filter(gc -> gc != Collector.NONE).flatMap(gc -> programs.stream()
                .map(p -> dynamicTest(gc.gcName() + " --gc-stress: " + p.name(), p.path().toUri(), () -> {
                    ExecOptions options = new ExecOptions(true, null, gc.gcName(), true, null);
                    p.assertPasses(StageRun.capture(p, "gc", (host, err, q) ->
                            GcStage.run(host, q.path(), q.expectation().args(), options, host.out(), err)));
                })));
    }
}
