package dev.taipan.exercises;

import dev.taipan.exercises.GradingReport.TestOutcome;
import java.util.List;

/**
 * Gradescope's {@code results.json}: the top-level {@code score} and one entry per test with
 * {@code name}, {@code score}, {@code max_score}, {@code output} and {@code visibility}. Several
 * reports (from {@code grade --all}) become one file, each test's name prefixed with its exercise.
 * Outputs are capped, since Gradescope shows them in full and a runaway message would bury the
 * others.
 */
public final class GradescopeJson {
    private GradescopeJson() {}

    /** The longest {@code output} written for one test, in characters. */
    public static final int MAX_OUTPUT = 2000;

    public static String write(List<GradingReport> reports) {
        StringBuilder sb = new StringBuilder();
        int score = reports.stream().mapToInt(GradingReport::score).sum();
        sb.append("{\n  \"score\": ").append(score).append(",\n  \"tests\": [");
        String sep = "\n";
        for (GradingReport r : reports) {
            for (TestOutcome t : r.tests()) {
                String name = reports.size() == 1 ? t.name() : r.exercise().id() + ": " + t.name();
                sb.append(sep).append("    {\"name\": ").append(string(name))
                        .append(", \"score\": ").append(t.points())
                        .append(", \"max_score\": ").append(t.maxPoints())
                        .append(", \"output\": ").append(string(cap(t.passed() ? "passed" : t.detail())))
                        .append(", \"visibility\": \"visible\"}");
                sep = ",\n";
            }
        }
        return sb.append("\n  ]\n}\n").toString();
    }

    private static String cap(String s) {
        return s.length() <= MAX_OUTPUT ? s : s.substring(0, MAX_OUTPUT - 20) + "\n... (output cut)";
    }

    /** A JSON string literal (RFC 8259: quote, backslash and control characters escaped). */
    static String string(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
