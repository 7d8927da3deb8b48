package dev.taipan.flowgraph.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a corpus program must do, read from the comments in its source: the whole of stdout
 * ({@code # expect:} lines), its arguments ({@code # args:}), its exit status ({@code # exit:})
 * and, for a program that dies, the exception and the line it escapes from ({@code # error:}).
 *
 * <p>The rules are those of {@code corpus/run_cpython.py}, the CPython runner, line for line:
 * the same patterns, tried in the same order on each line, with lines numbered as Python's
 * {@code str.splitlines} numbers them. Every stage must read the same expectations as the
 * oracle did, or a pass would not mean the same thing at every stage.
 *
 * @param stdout the expected stdout, one entry per line (each printed with a trailing newline)
 * @param args {@code argv[1:]} for the program
 * @param exit the expected exit status (1 when an error is expected, unless an {@code # exit:}
 *     comes after the {@code # error:})
 * @param error the expected uncaught exception, if any
 * @param problems mistakes in the expectations themselves (two {@code # error:} lines)
 */
public record Expectation(List<String> stdout, List<String> args, int exit,
                          Optional<ExpectedError> error, List<String> problems) {

    // The patterns of run_cpython.py. Python's \s is Unicode-aware, hence the flag.
    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern EXPECT = Pattern.compile("#\\s*expect:(.*)$", FLAGS);
    private static final Pattern ARGS = Pattern.compile("^#\\s*args:(.*)$", FLAGS);
    private static final Pattern EXIT = Pattern.compile("^#\\s*exit:\\s*(-?\\d+)\\s*$", FLAGS);
    private static final Pattern ERROR = Pattern.compile("#\\s*error:\\s*(\\S.*?)\\s*$", FLAGS);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", FLAGS);

    /**
     * An uncaught exception: the last line of stderr is {@code message} ({@code Name: text}),
     * and the innermost traceback frame in the program file is on {@code line}.
     */
    public record ExpectedError(int line, String message) {

        /**
         * Does stderr's last line show this error? {@code RecursionError} needs only a prefix:
         * CPython may append {@code " while calling a Python object"}.
         */
        public boolean matchesLastLine(String lastLine) {
            return message.startsWith("RecursionError:") ? lastLine.startsWith(message) : lastLine.equals(message);
        }
    }

    public Expectation {
        stdout = List.copyOf(stdout);
        args = List.copyOf(args);
        problems = List.copyOf(problems);
    }

    /** Reads the expectations from a program's source text. */
    public static Expectation parse(String source) {
        List<String> stdout = new ArrayList<>();
        List<String> args = List.of();
        int exit = 0;
        ExpectedError error = null;
        List<String> problems = new ArrayList<>();
        List<String> lines = PythonText.splitLines(source);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m;
            if ((m = EXPECT.matcher(line)).find()) {
                String text = m.group(1);
                stdout.add(text.startsWith(" ") ? text.substring(1) : text);
            } else if ((m = ARGS.matcher(line)).find()) {
                args = splitArgs(m.group(1));
            } else if ((m = EXIT.matcher(line)).find()) {
                exit = Integer.parseInt(m.group(1));
            } else if ((m = ERROR.matcher(line)).find()) {
                if (error != null) {
                    problems.add("more than one '# error:'");
                }
                error = new ExpectedError(i + 1, m.group(1));
                exit = 1;
            }
        }
        return new Expectation(stdout, args, exit, Optional.ofNullable(error), problems);
    }

    /** Python's {@code str.split()}: runs of whitespace separate, no empty fields. */
    private static List<String> splitArgs(String text) {
        String stripped = WHITESPACE.matcher(text).replaceAll(" ").strip();
        return stripped.isEmpty() ? List.of() : List.of(stripped.split(" "));
    }

    /** The expected stdout as one string: every line followed by a newline. */
    public String stdoutText() {
        StringBuilder text = new StringBuilder();
        stdout.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }
}
