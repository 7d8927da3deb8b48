package dev.taipan.flowgraph.cli;

import java.io.PrintWriter;

/**
 * The phases as {@code taipan translate} prints them: a line on {@code out} as each ends, with
 * its name, its time and what it covered,
 *
 * <pre>
 * rtype          412 ms  1,307 low-level graphs
 * </pre>
 *
 * and, while a long phase runs, a {@link Progress} bar on {@code err} when that is a terminal.
 * Elsewhere (a pipe, a CI log) the lines alone are printed: a phase of a second or two is not
 * worth ten more lines of a log.
 */
public final class PhasePrinter implements PhaseListener {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private Progress bar;
    private String barPhase;

    public PhasePrinter(PrintWriter out, PrintWriter err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void ended(String phase, long nanos, String detail) {
        if (bar != null) {
            bar.clear();
            bar = null;
        }
        out.printf("%-13s %6d ms%s%n", phase, nanos / 1_000_000, detail.isEmpty() ? "" : "  " + detail);
        out.flush();
    }

    @Override
    public void progress(String phase, int done, int total) {
        if (!terminal) {
            return;
        }
        if (bar == null || !phase.equals(barPhase)) {
            bar = new Progress(err, true, total, false);
            barPhase = phase;
        }
        bar.show(done, phase);
    }
}
