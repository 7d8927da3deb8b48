package dev.taipan.flowgraph.fuzz;

import java.util.regex.Pattern;

/**
 * Something wrong with one program at one place: a stage that prints something else than the
 * reference, crashes or hangs, a check that rejects or crashes, or (a bug in the generator,
 * not in a stage) a program the reference itself cannot run.
 */
public record Finding(String where, Kind kind, String detail) {

    public enum Kind {
        DIFFERENT_OUTPUT("different output"),
        CRASH("Java exception"),
        TIMEOUT("no end in time"),
        REJECTED("rejects an RPy program"),
        UNPLACED_ERROR("rejects with an error that names no line"),
        INVALID_PROGRAM("the reference cannot run the program");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    private static final Pattern NUMBERED = Pattern.compile("\\b[A-Za-z_]*\\d+\\b");
    private static final Pattern ERROR_NAME = Pattern.compile("\\b[A-Z]\\w*Error\\b");

    /**
     * What a smaller program must still show to count as the same bug (the minimiser's test):
     * the place, the kind, and the first line of the detail with numbers and generated names
     * ({@code v12}, {@code C3}) blurred, since reduction renumbers lines and drops names.
     */
    public String signature() {
        String first = detail.lines().findFirst().orElse("");
        String essence = switch (kind) {
            // the Python error the stage raised, if it raised one
            case DIFFERENT_OUTPUT -> detail.lines().skip(1).map(l -> ERROR_NAME.matcher(l))
                    .filter(java.util.regex.Matcher::find).map(java.util.regex.Matcher::group).reduce((a, b) -> b).orElse("");
            case TIMEOUT, INVALID_PROGRAM, UNPLACED_ERROR -> "";
            case CRASH -> first.split("[:\\s]", 2)[0];
            case REJECTED -> first.replaceFirst("^.*?error: ", "");
        };
        return where + " " + kind + " " + NUMBERED.matcher(essence).replaceAll("#");
    }

    /** One line for the summary. */
    public String summary() {
        String first = detail.lines().findFirst().orElse("");
        return where + ": " + kind.words() + (first.isEmpty() ? "" : ": " + first);
    }
}
