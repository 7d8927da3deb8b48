package dev.taipan.flowgraph.cli;

/**
 * The options of {@code taipan exec} that belong to the stages below Python rather than to the
 * program: each stage honours those that mean something to it and ignores the others.
 *
 * @param checked run over the checked heap, which validates every load and store against its
 *                allocation's type and bounds (stages with a heap: {@code ll} and later)
 */
public record ExecOptions(boolean checked) {
    public static final ExecOptions DEFAULT = new ExecOptions(false);
}
