package dev.taipan.flowgraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A progress bar on a terminal ({@code [#####     ] 50/100 ...}, redrawn in place), or on
 * anything else one plain line at each tenth of the work, so that a log stays readable.
 * {@code taipan fuzz} shows its programs with it, {@code taipan translate} (through
 * {@link PhasePrinter}) the functions of code generation.
 */
public final class Progress {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean terminal;
    private final int total;
    private final boolean showRate;
    private final long start = System.nanoTime();
    private int lastTenth = 0;

    /** A bar over {@code total} items; with {@code showRate}, each line ends with the items per minute so far. */
    public Progress(PrintWriter err, boolean terminal, int total, boolean showRate) {
        this.err = err;
        this.terminal = terminal;
        this.total = total;
        this.showRate = showRate;
    }

    /**
     * Whether standard error, where the bar is drawn, is a terminal. On Linux its descriptor's
     * link says ({@code /dev/pts/N}); elsewhere the JVM's console, which answers for standard
     * input and output instead.
     */
    public static boolean onTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null && System.console().isTerminal();
        }
    }

    /** Items per minute so far. */
    private double rate(int done) {
        double minutes = (System.nanoTime() - start) / 60e9;
        return minutes <= 0 ? 0 : done / minutes;
    }

    public void show(int done, String status) {
        String line = String.format("%d/%d  %s", done, total, status)
                + (showRate ? String.format("  %.1f/min", rate(done)) : "");
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
    public void clear() {
        if (terminal) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
