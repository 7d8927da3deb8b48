package dev.taipan.flowgraph.flow;

import dev.taipan.flowgraph.TaipanError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Graphviz's {@code dot}, when installed: DOT text in, SVG out. */
public final class Graphviz {
    private Graphviz() {}

    /** Whether {@code dot} is on the PATH. */
    public static boolean available() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "dot"))) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code dot -Tsvg}; a clear error when it is missing or fails. */
    public static String svg(String dot) {
        if (!available()) {
            throw new TaipanError("SVG needs Graphviz's 'dot', which is not installed "
                    + "(Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz); "
                    + "--format dot writes the graph for it");
        }
        try {
            Process p = new ProcessBuilder("dot", "-Tsvg").redirectErrorStream(false).start();
            try (var in = p.getOutputStream()) {
                in.write(dot.getBytes(StandardCharsets.UTF_8));
            }
            byte[] out = p.getInputStream().readAllBytes();
            String errText = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new TaipanError("dot failed: " + errText.strip());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TaipanError("could not run dot: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaipanError("interrupted while running dot");
        }
    }
}
