package dev.taipan.flowgraph.host;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs a program text through the host interpreter with captured streams, for the tests. */
record HostRun(String out, String err, int status) {

    /** The last line of stderr: the {@code Name: message} of an uncaught exception. */
    String lastErrLine() {
        String[] lines = err.strip().split("\n");
        return lines[lines.length - 1];
    }

    static HostRun run(Path dir, String program) {
        return run(dir, program, Map.of(), List.of(), "");
    }

    static HostRun run(Path dir, String program, Map<String, String> otherFiles, List<String> args, String stdin) {
        try {
            Path file = dir.resolve("prog.py");
            Files.writeString(file, program);
            for (var e : otherFiles.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            HostInterpreter h = new HostInterpreter(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            h.setWorkingDirectory(dir);
            int status = h.runProgram(file, args);
            return new HostRun(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
