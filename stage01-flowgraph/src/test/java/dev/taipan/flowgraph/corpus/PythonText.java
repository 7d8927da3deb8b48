package dev.taipan.flowgraph.corpus;

import java.util.ArrayList;
import java.util.List;

/** Python's view of line breaks, which the corpus rules are written in. */
final class PythonText {
    private PythonText() {}

    /**
     * Python's {@code str.splitlines()}: breaks at {@code \n}, {@code \r}, {@code \r\n} and the
     * other Unicode line boundaries ({@code \v \f \x1c \x1d \x1e \x85 \u2028 \u2029}); no
     * empty last line for a trailing break. Java's {@code String.lines()} knows only the first
     * three, which would number lines differently from the CPython runner in a file holding a
     * form feed.
     */
    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isLineBoundary(c)) {
                lines.add(text.substring(start, i));
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static boolean isLineBoundary(char c) {
        return switch (c) {
            case '\n', '\r', '\u000b', '\u000c', '\u001c', '\u001d', '\u001e', '\u0085', '\u2028', '\u2029' -> true;
            default -> false;
        };
    }
}
