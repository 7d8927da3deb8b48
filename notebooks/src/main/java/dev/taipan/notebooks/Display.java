package dev.taipan.notebooks;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where {@code show(x)} sends a value in the middle of a cell (the cell's own value is shown at
 * its end, by whoever evaluated it). In the Jupyter kernel the sink publishes a
 * {@code display_data} message; in the JUnit notebook runner it records what was shown; with no
 * sink installed, the value's text goes to standard output.
 *
 * <p>A static sink, not a parameter, because cells call {@code show} from JShell-generated
 * code that knows nothing about the kernel; one kernel JVM runs one notebook at a time.
 */
public final class Display {
    private static final Consumer<Object> PRINT = value -> System.out.println(value);
    private static volatile Consumer<Object> sink = PRINT;

    private Display() {
    }

    /** Shows a value now, richly where the front end can. */
    public static void show(Object value) {
        sink.accept(value);
    }

    /** Installs the sink for the current session; {@code null} restores printing. */
    public static void setSink(Consumer<Object> newSink) {
        sink = Objects.requireNonNullElse(newSink, PRINT);
    }
}
