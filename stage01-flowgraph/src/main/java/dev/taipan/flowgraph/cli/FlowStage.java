package dev.taipan.flowgraph.cli;

import dev.taipan.flowgraph.flow.FlowRunner;
import dev.taipan.flowgraph.host.HostInterpreter;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --stage=flow}: the program's {@code entry_point} runs through flow graphs, built on
 * demand by the flow space and executed by the graph interpreter. It must print exactly what
 * {@code --stage=host} prints: that is the proof that the flow space is right.
 */
public final class FlowStage implements ExecStage {
    @Override
    public String name() {
        return "flow";
    }

    @Override
    public String description() {
        return "flow graphs of entry_point, run by the graph interpreter";
    }

    @Override
    public int run(Path file, List<String> args, PrintStream out, PrintStream err, InputStream in) {
        return new FlowRunner(new HostInterpreter(out, err, in), err).run(file, args);
    }
}
