package dev.taipan.flowgraph.fuzz;

import dev.taipan.flowgraph.cli.CommandProvider;
import java.util.List;

/** {@code taipan fuzz}, found by the CLI through {@link java.util.ServiceLoader} like every stage's commands. */
public final class FuzzCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new FuzzCommand());
    }
}
