package dev.taipan.rtyper.transform;

import dev.taipan.flowgraph.TaipanError;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * {@code --opt=}: which graph passes run between the rtyper and the llinterp (or a backend),
 * as PyPy's {@code -O0}..{@code -O2}. {@code none} keeps the rtyper's graphs as they are,
 * exception links included, which only the llinterp can run.
 */
public enum OptLevel {
    /** The rtyper's graphs, untouched. */
    NONE("none"),
    /** Only what a backend needs: the exception transform. */
    O0("0"),
    /** And constant folding with dead-code removal. */
    O1("1"),
    /** And inlining and malloc removal (PyPy's default, {@code -O2}). */
    O2("2");

    private final String spelling;

    OptLevel(String spelling) {
        this.spelling = spelling;
    }

    /** The level {@code --opt=text} names; null gives {@code fallback}. */
    public static OptLevel parse(String text, OptLevel fallback) {
        if (text == null) {
            return fallback;
        }
        return Arrays.stream(values()).filter(l -> l.spelling.equals(text)).findFirst().orElseThrow(() -> new TaipanError(
                "--opt=" + text + ": the levels are " + Arrays.stream(values()).map(l -> l.spelling).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return spelling;
    }
}
