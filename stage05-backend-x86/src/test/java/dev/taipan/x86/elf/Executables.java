package dev.taipan.x86.elf;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Writing the test programs to disk and running them, or tools on them (also for the linker's tests). */
public final class Executables {

    private Executables() {
    }

    /** What a process did: its exit status and its output. */
    public record Result(int status, String stdout, String stderr) {
    }

    public static void assumeLinuxX86_64() {
        assumeTrue(System.getProperty("os.name").equals("Linux")
                        && List.of("amd64", "x86_64").contains(System.getProperty("os.arch")),
                "these executables are for Linux on x86-64: skipping on " + System.getProperty("os.name")
                        + "/" + System.getProperty("os.arch"));
    }

    public static void assumeTool(String tool) {
        assumeTrue(onPath(tool), tool + " is not installed: skipping (apt-get install "
                + (tool.equals("readelf") || tool.equals("objdump") ? "binutils" : tool) + ")");
    }

    public static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    public static Path save(Path dir, String name, byte[] file) throws IOException {
        Path path = dir.resolve(name);
        Files.write(path, file);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }

    /** Runs a command in {@code dir}; the generous limit only stops a hung process from hanging the build. */
    public static Result run(Path dir, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
