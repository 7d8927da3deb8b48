package dev.taipan.flowgraph.corpus;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a run of a program produced, at whatever stage ran it: stdout, stderr and the exit
 * status. A stage that runs programs in-process (the host interpreter) captures its streams;
 * one that produces an executable (the x86 backend) runs it as a process; both end here.
 */
public record Outcome(String stdout, String stderr, int exit) {

    private static final Pattern FRAME = Pattern.compile("^  File \"(.*)\", line (\\d+), in ");

    /** The last line of stderr ({@code Name: message} after a traceback), or "". */
    public String lastStderrLine() {
        List<String> lines = PythonText.splitLines(stderr.replaceAll("\n+$", ""));
        return lines.isEmpty() ? "" : lines.getLast();
    }

    /**
     * The line of the innermost traceback frame ({@code File "...", line N, in f}) that is in
     * {@code program}; frames in other files (the support package, helper modules) do not
     * count, so an error raised inside a library is placed on the program line that called it.
     * A relative file name is taken relative to the program's folder, its working directory.
     */
    public OptionalInt innermostFrameLine(Path program) {
        Path wanted = program.toAbsolutePath().normalize();
        OptionalInt found = OptionalInt.empty();
        for (String line : PythonText.splitLines(stderr)) {
            Matcher m = FRAME.matcher(line);
            if (m.find() && isSameFile(m.group(1), wanted)) {
                found = OptionalInt.of(Integer.parseInt(m.group(2)));
            }
        }
        return found;
    }

    private static boolean isSameFile(String name, Path wanted) {
        try {
            return wanted.getParent().resolve(name).normalize().equals(wanted);
        } catch (InvalidPathException e) {
            return false;   // "<string>", "<frozen ...>": not a file at all
        }
    }
}
