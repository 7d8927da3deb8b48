package dev.taipan.notebooks;

import dev.taipan.flowgraph.cli.CommandProvider;
import java.util.List;

/** The notebooks module's command for {@code taipan}: {@code notebook} (and {@code notebook install}). */
public final class NotebookCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new NotebookCommand());
    }
}
