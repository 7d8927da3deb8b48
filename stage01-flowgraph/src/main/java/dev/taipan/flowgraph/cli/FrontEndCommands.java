package dev.taipan.flowgraph.cli;

import java.util.List;
import picocli.CommandLine;

/** Stage 01's commands: the front end's views of a program, running it, and its flow graphs. */
public final class FrontEndCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new AstCommand(), new DisCommand(), new CommandLine(new ExecCommand()),
                new FlowgraphCommand());
    }
}
