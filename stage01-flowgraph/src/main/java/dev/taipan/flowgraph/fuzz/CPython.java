package dev.taipan.flowgraph.fuzz;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * CPython, the oracle: every RPy program is a Python program, and its output on CPython 3.11
 * or later is what every stage must print. Found by running {@code COMMAND -c ...}; absent
 * when that fails or the version is older. The support package {@code rpython.rlib} comes from
 * the very class-path entry the host interpreter imports it from: CPython's {@code zipimport}
 * reads a jar as it reads any zip.
 */
public final class CPython {
    private final String command;
    /** What {@code command} runs, resolved once. */
    private final String executable;
    private final String version;
    private final Path supportPath;

    private CPython(String command, String executable, String version, Path supportPath) {
        this.command = command;
        this.executable = executable;
        this.version = version;
        this.supportPath = supportPath;
    }

    /**
     * CPython 3.11+ run as {@code command}, if there is one. Later runs start the executable it
     * names itself ({@code sys.executable}), not {@code command}: a version manager's shim
     * (pyenv's {@code python3} is a shell script that looks for the version to run) cost over
     * a second per program, more than the stages took.
     */
    public static Optional<CPython> find(String command) {
        try {
            Process p = new ProcessBuilder(command, "-c",
                    "import sys; print('%d.%d.%d' % sys.version_info[:3] if sys.version_info >= (3, 11) else ''); print(sys.executable)")
                    .redirectErrorStream(true).start();
            List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().lines().toList();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || out.size() != 2 || out.getFirst().isEmpty()) {
                return Optional.empty();
            }
            String executable = out.get(1).isBlank() ? command : out.get(1);
            return Optional.of(new CPython(command, executable, out.getFirst(), supportPath()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** {@code CPython 3.11.2 (python3: /usr/bin/python3)}. */
    public String describe() {
        return "CPython " + version + " (" + (command.equals(executable) ? command : command + ": " + executable) + ")";
    }

    /** The jar or classes directory holding {@code rpython/}, for {@code PYTHONPATH}. */
    private static Path supportPath() {
        String url = CPython.class.getClassLoader().getResource("rpython/__init__.py").toString();
        String location = url.startsWith("jar:") ? url.substring(4, url.indexOf("!/")) : url.replace("rpython/__init__.py", "");
        return Path.of(URI.create(location));
    }

    /** Runs FILE in its folder; its output goes through files there, so that no pipe fills up. */
    public Run run(Path file, Duration timeout) {
        Path dir = file.toAbsolutePath().getParent();
        Path out = dir.resolve(file.getFileName() + ".out");
        Path err = dir.resolve(file.getFileName() + ".err");
        ProcessBuilder pb = new ProcessBuilder(List.of(executable, file.toAbsolutePath().toString()))
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().put("PYTHONPATH", supportPath.toString());
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        try {
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                return Run.timedOut(timeout.toSeconds());
            }
            return Run.exited(Files.readString(out), Files.readString(err), p.exitValue());
        } catch (IOException e) {
            return Run.crashed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Run.crashed(e);
        } finally {
            try {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            } catch (IOException ignored) {
                // a temporary file left behind in a temporary folder
            }
        }
    }

    /** Starts {@link #run} on its own thread, so that CPython works while the JVM runs the stages. */
    public CompletableFuture<Run> start(Path file, Duration timeout) {
        return CompletableFuture.supplyAsync(() -> run(file, timeout),
                r -> Thread.ofPlatform().daemon().name("cpython").start(r));
    }
}
