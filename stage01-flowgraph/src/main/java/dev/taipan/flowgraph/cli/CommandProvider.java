package dev.taipan.flowgraph.cli;

import java.util.List;

/**
 * How a stage adds subcommands to {@code taipan} without stage 01 knowing about it: each
 * stage's jar lists its provider in {@code META-INF/services/dev.taipan.flowgraph.cli.CommandProvider}
 * and {@link Main} finds them all with {@link java.util.ServiceLoader}. A stage's jar therefore
 * offers its own commands plus those of every stage below it on its class path.
 */
public interface CommandProvider {

    /**
     * Picocli command objects, one per subcommand: {@code @Command}-annotated instances, or a
     * {@code CommandLine} built from one when the command's annotations ask for a model
     * transformer (picocli applies those only when it builds the {@code CommandLine} itself).
     */
    List<Object> commands();
}
