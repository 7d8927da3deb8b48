package dev.taipan.exercises;

import dev.taipan.flowgraph.cli.CommandProvider;
import java.util.List;

/** The exercises module's command, {@code taipan grade}, found by the CLI through {@code ServiceLoader}. */
public final class ExerciseCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new GradeCommand());
    }
}
