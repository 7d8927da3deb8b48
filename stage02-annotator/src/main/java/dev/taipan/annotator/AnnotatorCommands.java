package dev.taipan.annotator;

import dev.taipan.flowgraph.cli.CommandProvider;
import java.util.List;

/** Stage 02's commands, found by the CLI through {@link java.util.ServiceLoader}. */
public final class AnnotatorCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new AnnotateCommand());
    }
}
