package dev.taipan.notebooks;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes Jupyter's kernel spec for Taipan: a directory {@code taipan/} holding {@code kernel.json},
 * which tells Jupyter how to start the kernel. The build writes one into
 * {@code notebooks/target/jupyter/kernels/taipan} (found through {@code JUPYTER_PATH}, so nothing
 * is installed in the user's home); {@code taipan notebook install} writes one into the user's
 * Jupyter data directory.
 *
 * <p>The spec names the {@code java} of the JVM that writes it: the build runs this class on the
 * JDK 25 that Maven's toolchain chose, so the kernel runs on that JDK too, whatever
 * {@code java} is on the user's PATH.
 */
public final class KernelSpec {
    /** The directory name Jupyter knows the kernel by ({@code --kernel_name=taipan}). */
    public static final String NAME = "taipan";
    public static final String DISPLAY_NAME = "Taipan (Java 25)";

    /**
     * JVM options of the kernel. Native access for the later stages' FFM code (machine code, native
     * memory). C1 only, and a small heap with the serial collector: a notebook runs small
     * programs, and start-up time, not peak speed, is what a reader waits for (see the
     * start-up figure in notebooks/README.md).
     */
    static final List<String> JVM_OPTIONS = List.of(
            "--enable-native-access=ALL-UNNAMED",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xshare:auto");

    private KernelSpec() {
    }

    /** {@code KernelSpec DIR CLASSPATH}: what the build runs (see notebooks/pom.xml). */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: KernelSpec KERNEL_DIR CLASSPATH");
            System.exit(2);
        }
        write(Path.of(args[0]), args[1]);
    }

    /** Writes {@code dir/kernel.json} for a kernel running with {@code classPath}. */
    public static Path write(Path dir, String classPath) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("kernel.json");
            Files.writeString(file, json(classPath) + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(String classPath) {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(JVM_OPTIONS);
        argv.addAll(List.of("-cp", classPath, KernelMain.class.getName(), "{connection_file}"));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", DISPLAY_NAME);
        spec.put("language", "java");
        // Interrupts as control-channel messages, not SIGINT: a signal would reach the JVM,
        // not the cell; the kernel stops the cell itself (TaipanKernel.interrupt).
        spec.put("interrupt_mode", "message");
        spec.put("metadata", Map.of("debugger", false));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec);
    }
}
