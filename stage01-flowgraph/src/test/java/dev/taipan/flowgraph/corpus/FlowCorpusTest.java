package dev.taipan.flowgraph.corpus;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.taipan.flowgraph.flow.CheckGraph;
import dev.taipan.flowgraph.flow.FlowRunner;
import dev.taipan.flowgraph.flow.FunctionGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * The corpus at {@code --stage=flow}: every RPy program runs through flow graphs (the flow
 * space builds them as calls reach them, the graph interpreter runs them) and must give its
 * expected output, exit status and error, exactly as on the host interpreter. Every graph
 * built on the way must pass {@link CheckGraph#checkgraph}.
 */
class FlowCorpusTest {

    @TestFactory
    Stream<DynamicTest> everyRpyProgramThroughFlowGraphs() {
        return Corpus.locate().programs(Corpus.Folder.RPY).stream()
                .map(program -> dynamicTest(program.name(), program.path().toUri(),
                        () -> program.assertPasses(run(program))));
    }

    static Outcome run(CorpusProgram program) throws InterruptedException {
        List<FunctionGraph> graphs = new ArrayList<>();
        Outcome outcome = StageRun.capture(program, "flow", (host, err, p) ->
                new FlowRunner(host, err).onGraph(graphs::add).run(p.path(), p.expectation().args()));
        if (graphs.isEmpty()) {
            throw new AssertionFailedError(program.name() + ": no flow graph was built");
        }
        for (FunctionGraph g : graphs) {
            CheckGraph.checkgraph(g);
        }
        return outcome;
    }
}
