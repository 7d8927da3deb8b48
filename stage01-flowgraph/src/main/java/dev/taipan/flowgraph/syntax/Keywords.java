package dev.taipan.flowgraph.syntax;

import java.util.Set;

/** Python 3.11's hard keywords; a NAME token spelled like one of these is not an identifier. */
public final class Keywords {
    private static final Set<String> KEYWORDS = Set.of(
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
            "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
            "return", "try", "while", "with", "yield");

    private Keywords() {}

    public static boolean isKeyword(String s) {
        return KEYWORDS.contains(s);
    }
}
