package dev.taipan.flowgraph.corpus;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.taipan.flowgraph.flow.CheckGraph;
import dev.taipan.flowgraph.flow.FlowRunner;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.host.HostInterpreter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TestFactory
    Stream<DynamicTest> everyRpyProgramThroughFlowGraphs() {
        return Corpus.locate().programs(Corpus.Folder.RPY).stream()
                .map(program -> dynamicTest(program.name(), program.path().toUri(),
                        () -> program.assertPasses(run(program))));
    }

    static Outcome run(CorpusProgram program) throws InterruptedException {
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        var status = new AtomicInteger();
        var crash = new AtomicReference<Throwable>();
        List<FunctionGraph> graphs = new ArrayList<>();
        Thread thread = Thread.ofPlatform().daemon().name("flow corpus " + program.name()).start(() -> {
            try (var out = new PrintStream(stdout, false, StandardCharsets.UTF_8);
                 var err = new PrintStream(stderr, true, StandardCharsets.UTF_8)) {
                var host = new HostInterpreter(out, err, new ByteArrayInputStream(new byte[0]));
                host.setWorkingDirectory(program.path().getParent());
                status.set(new FlowRunner(host, err).onGraph(graphs::add)
                        .run(program.path(), program.expectation().args()));
            } catch (Throwable t) {
                crash.set(t);
            }
        });
        thread.join(TIMEOUT);
        if (thread.isAlive()) {
            thread.interrupt();
            throw new AssertionFailedError(program.name() + " timed out after " + TIMEOUT.toSeconds() + " s");
        }
        if (crash.get() != null) {
            throw new AssertionFailedError(program.name() + ": the flow stage threw " + crash.get(), crash.get());
        }
        if (graphs.isEmpty()) {
            throw new AssertionFailedError(program.name() + ": no flow graph was built");
        }
        for (FunctionGraph g : graphs) {
            CheckGraph.checkgraph(g);
        }
        return new Outcome(stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8), status.get());
    }
}
