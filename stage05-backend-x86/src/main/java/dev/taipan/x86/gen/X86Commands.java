package dev.taipan.x86.gen;

import dev.taipan.flowgraph.cli.CommandProvider;
import dev.taipan.x86.view.ViewCommand;
import java.util.List;

/** Stage 05's commands, found by the CLI through {@link java.util.ServiceLoader}. */
public final class X86Commands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new TranslateCommand(), new ViewCommand());
    }
}
