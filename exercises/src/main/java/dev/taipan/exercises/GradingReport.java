package dev.taipan.exercises;

import java.util.List;

/**
 * The outcome of grading one exercise: one line per contract test, then the total. What the
 * table shows and what {@link GradescopeJson} writes come from here.
 *
 * @param exercise       the exercise graded
 * @param implementation the class that was graded, or "reference"
 * @param tests          the contract's tests, in the contract's order
 */
public record GradingReport(Exercise exercise, String implementation, List<TestOutcome> tests) {

    /**
     * One contract test: its name, what it is worth, whether it passed, and why not (the
     * failure's message: {@link #reason()} is its first line, {@code detail} all of it).
     */
    public record TestOutcome(String name, int maxPoints, boolean passed, String detail) {
        public int points() {
            return passed ? maxPoints : 0;
        }

        /** One line: the message's first line (after an AssertJ {@code [description]}, the line that follows it too). */
        public String reason() {
            List<String> lines = detail.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(2).toList();
            String line = lines.isEmpty() ? "" : lines.getFirst();
            if (line.startsWith("[") && line.endsWith("]") && lines.size() > 1) {
                line += " " + lines.get(1);
            }
            return line.length() > 100 ? line.substring(0, 97) + "..." : line;
        }
    }

    public int score() {
        return tests.stream().mapToInt(TestOutcome::points).sum();
    }

    public int maxScore() {
        return tests.stream().mapToInt(TestOutcome::maxPoints).sum();
    }

    /** The score table as {@code taipan grade} prints it. */
    public String table() {
        int width = Math.max(4, tests.stream().mapToInt(t -> t.name().length()).max().orElse(0));
        StringBuilder sb = new StringBuilder();
        sb.append(exercise.id()).append(": ").append(exercise.title()).append('\n');
        sb.append("graded: ").append(implementation).append("\n\n");
        sb.append(String.format("%-" + width + "s  %6s  %s%n", "test", "points", "result"));
        for (TestOutcome t : tests) {
            sb.append(String.format("%-" + width + "s  %6s  %s%n", t.name(), t.points() + "/" + t.maxPoints(),
                    t.passed() ? "passed" : "FAILED  " + t.reason()));
        }
        sb.append(String.format("%-" + width + "s  %6s%n", "total", score() + "/" + maxScore()));
        return sb.toString();
    }
}
