package dev.taipan.flowgraph.fuzz;

import java.io.PrintWriter;

/**
 * A progress bar on a terminal ({@code [#####     ] 50/100 ...}, redrawn in place), or on
 * anything else one plain line at each tenth of the work, so that a log stays readable.
 */
final class Progress {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean terminal;
    private final int total;
    private final long start = System.nanoTime();
    private int lastTenth = 0;

    Progress(PrintWriter err, boolean terminal, int total) {
        this.err = err;
        this.terminal = terminal;
        this.total = total;
    }

    static boolean onTerminal() {
        return System.console() != null && System.console().isTerminal();
    }

    /** Items per minute so far. */
    double rate(int done) {
        double minutes = (System.nanoTime() - start) / 60e9;
        return minutes <= 0 ? 0 : done / minutes;
    }

    void show(int done, String status) {
        String line = String.format("%d/%d  %s  %.1f/min", done, total, status, rate(done));
        if (terminal) {
            int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
            err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + line + "\u001b[K");
            err.flush();
        } else if (total > 0 && done * 10L / total > lastTenth) {
            lastTenth = (int) (done * 10L / total);
            err.println(line);
            err.flush();
        }
    }

    /** Ends the bar's line, so that what follows starts on its own. */
    void clear() {
        if (terminal) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
