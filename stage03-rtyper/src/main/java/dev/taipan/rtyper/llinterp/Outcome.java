package dev.taipan.rtyper.llinterp;

/**
 * How a program run by {@link LLInterpreter#runEntry} ended: its entry point returned an exit
 * status, or an RPy exception escaped it, which ends the program with status 1 and a report
 * for standard error, as Python would print it.
 */
public sealed interface Outcome {

    int exitStatus();

    /** The entry point returned {@code exitStatus}. */
    record Exited(int exitStatus) implements Outcome {
    }

    /**
     * An exception escaped the entry point: {@code report} is the traceback through the RPy
     * functions and lines it passed, ending with its {@code Name: message} line.
     */
    record Uncaught(String report) implements Outcome {
        @Override
        public int exitStatus() {
            return 1;
        }
    }
}
