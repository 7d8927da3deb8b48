package dev.taipan.rtyper.rtyper;

import dev.taipan.flowgraph.cli.CommandProvider;
import java.util.List;

/** Stage 03's commands, found by the CLI through {@link java.util.ServiceLoader}. */
public final class RTyperCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new RtypeCommand());
    }
}
