package dev.taipan.notebooks;

import dev.taipan.flowgraph.TaipanError;

/**
 * A Python program run from a cell did not do what the cell said it would: it raised (or
 * exited non-zero) under {@code run}, or succeeded under {@code fails}. A
 * {@link TaipanError}, so the cell's report is the program's own output and traceback, as
 * {@code taipan exec} prints them, with no Java frames.
 */
public final class ProgramFailed extends TaipanError {
    private final String report;

    ProgramFailed(String summary, String report) {
        super(summary);
        this.report = report;
    }

    @Override
    public String render() {
        return report;
    }
}
