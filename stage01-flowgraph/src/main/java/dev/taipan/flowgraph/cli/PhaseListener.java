package dev.taipan.flowgraph.cli;

/**
 * Hears the phases of a translation as each one ends (flow, annotate, rtype, passes, gc
 * transform, codegen, link, ...), with its time, and the progress of a long one item by item.
 * PyPy's translation driver times its tasks the same way and prints the table at the end
 * ({@code Timings:}); {@code taipan translate} prints each phase as it ends, which is what a
 * user waiting for a big program wants to see ({@link PhasePrinter}).
 *
 * <p>The pipeline is handed its listener as an argument ({@code GcStage.translate},
 * {@code Backend.link}), never through a global: two translations in one JVM, a notebook's
 * cells, each report to their own.
 */
@FunctionalInterface
public interface PhaseListener {
    /** Hears nothing: for the callers that want only the result. */
    PhaseListener NONE = (phase, nanos, detail) -> { };

    /**
     * {@code phase} has ended after {@code nanos} of wall-clock time; {@code detail} says what it
     * covered ({@code "1,129 graphs"}), or is empty.
     */
    void ended(String phase, long nanos, String detail);

    /** {@code done} of the {@code total} items of the running {@code phase} are done: a progress bar's step. */
    default void progress(String phase, int done, int total) {
    }
}
