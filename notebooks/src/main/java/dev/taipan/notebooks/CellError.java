package dev.taipan.notebooks;

import dev.taipan.flowgraph.TaipanError;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a cell failed. Jupyter shows the simple class name ({@code CompileError},
 * {@code UncaughtException}, {@code Interrupted}) as the error's name and {@link #report()} as
 * its traceback; the JUnit notebook runner prints the same report, so a broken notebook reads
 * the same in CI as in the browser.
 *
 * <p>The report is written for someone learning a compiler, not debugging the kernel: a
 * Taipan error (a Python syntax error, a program's traceback) appears exactly as the
 * {@code taipan} command would print it, without Java frames.
 */
public abstract sealed class CellError extends RuntimeException
        permits CellError.CompileError, CellError.UncaughtException, CellError.Interrupted {

    private CellError(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** The text shown under the error's name: what went wrong and where. */
    public abstract String report();

    /** javac rejected a snippet (or the cell ends in the middle of one). */
    public static final class CompileError extends CellError {
        private final String report;

        CompileError(String message, String report) {
            super(message, null);
            this.report = report;
        }

        @Override
        public String report() {
            return report;
        }
    }

    /** The cell's code threw. {@link #getCause()} is the exception object itself. */
    public static final class UncaughtException extends CellError {

        UncaughtException(Throwable thrown) {
            super(summary(thrown), thrown);
        }

        @Override
        public String report() {
            if (getCause() instanceof TaipanError user) {
                return user.render();
            }
            List<String> lines = new ArrayList<>();
            for (Throwable t = getCause(); t != null; t = t.getCause()) {
                lines.add((t == getCause() ? "" : "Caused by: ") + t);
                for (StackTraceElement frame : t.getStackTrace()) {
                    if (frame.getClassName().startsWith("REPL.")) {
                        lines.add("\tat <cell>");
                        break;      // below the cell: JShell's and the kernel's own frames
                    }
                    lines.add("\tat " + frame);
                }
            }
            return String.join("\n", lines);
        }

        private static String summary(Throwable thrown) {
            return switch (thrown) {
                case ProgramFailed failed -> failed.getMessage();
                case TaipanError user -> firstLine(user.render());
                default -> thrown.toString();
            };
        }

        private static String firstLine(String text) {
            int nl = text.indexOf('\n');
            return nl < 0 ? text : text.substring(0, nl);
        }
    }

    /**
     * The cell was stopped: a Jupyter interrupt (the user's stop button, or nbclient's
     * timeout). JShell's {@code stop()} makes the stopped {@code eval} return normally, as if
     * the snippet had finished; only the stop the engine remembers tells the two apart.
     */
    public static final class Interrupted extends CellError {
        Interrupted() {
            super("the cell was interrupted before it finished", null);
        }

        @Override
        public String report() {
            return getMessage();
        }
    }
}
