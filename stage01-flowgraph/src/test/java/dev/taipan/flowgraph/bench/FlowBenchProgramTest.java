package dev.taipan.flowgraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.flow.CheckGraph;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.GraphInterpreter;
import dev.taipan.flowgraph.flow.Reachable;
import dev.taipan.flowgraph.flow.TranslationContext;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.host.PyModule;
import dev.taipan.flowgraph.host.PyObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flow benchmark measures real work: its module flows cleanly and its graphs compute what the host computes. */
class FlowBenchProgramTest {
    @TempDir
    Path dir;

    @Test
    void theGeneratedModuleFlowsAndRuns() throws IOException {
        Path file = Files.writeString(dir.resolve("flow_bench.py"), GeneratedRPyProgram.withCopies(2));
        HostInterpreter host = new HostInterpreter(System.out, System.err, new ByteArrayInputStream(new byte[0]));
        PyModule module = host.importFile(file);
        PyFunction main = (PyFunction) module.get("main_1");
        List<FunctionGraph> graphs = host.runInside(() -> Reachable.from(new TranslationContext(host), main));
        assertThat(graphs).hasSizeGreaterThanOrEqualTo(7);
        graphs.forEach(CheckGraph::checkgraph);
        PyObject viaGraphs = host.runInside(() -> new GraphInterpreter(new TranslationContext(host))
                .call(main, new PyObject[] {PyInt.of(12)}, null));
        assertThat(viaGraphs).isEqualTo(host.call(main, List.of(PyInt.of(12))));
    }
}
