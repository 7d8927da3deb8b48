package dev.taipan.flowgraph.fuzz;

/**
 * How one run of a program ended, wherever it ran (CPython, an in-process stage): its stdout,
 * stderr and exit status when it {@link Ending#EXITED}; what went wrong when the runner itself
 * failed: a Java exception out of a stage ({@link Ending#CRASHED}, with the exception and its
 * innermost frames in {@code detail}) or no end in time ({@link Ending#TIMED_OUT}); or a stage
 * that refused to translate the program ({@link Ending#REFUSED}, its reason in {@code detail}).
 */
public record Run(Ending ending, String stdout, String stderr, int exit, String detail) {

    /**
     * {@code REFUSED}: the stage cannot translate the program yet and said so with a
     * {@code TaipanError} (the rtyper's "needs part 2"): no finding, a count in the summary.
     */
    public enum Ending { EXITED, CRASHED, TIMED_OUT, REFUSED }

    static Run exited(String stdout, String stderr, int exit) {
        return new Run(Ending.EXITED, stdout, stderr, exit, "");
    }

    static Run crashed(Throwable t) {
        StringBuilder sb = new StringBuilder(t.toString());
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(6, frames.length); i++) {
            sb.append("\n    at ").append(frames[i]);
        }
        return new Run(Ending.CRASHED, "", "", -1, sb.toString());
    }

    static Run refused(String message) {
        return new Run(Ending.REFUSED, "", "", -1, message.lines().findFirst().orElse(""));
    }

    static Run timedOut(long seconds) {
        return new Run(Ending.TIMED_OUT, "", "", -1, "no end after " + seconds + " s");
    }

    /** Same stdout and exit status: what the differential test compares. */
    boolean agreesWith(Run other) {
        return ending == Ending.EXITED && other.ending == Ending.EXITED && exit == other.exit && stdout.equals(other.stdout);
    }
}
