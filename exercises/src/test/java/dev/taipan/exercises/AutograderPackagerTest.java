package dev.taipan.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Gradescope autograder zip: its layout, and scripts that at least parse as bash. */
class AutograderPackagerTest {
    @TempDir
    Path dir;

    @Test
    void zipHoldsTheScriptsTheGraderAndItsLibraries() throws Exception {
        Path jar = Files.writeString(dir.resolve("exercises.jar"), "grader");
        Path lib = Files.createDirectory(dir.resolve("lib"));
        Files.writeString(lib.resolve("b.jar"), "b");
        Files.writeString(lib.resolve("a.jar"), "a");
        Files.writeString(lib.resolve("notes.txt"), "not a jar");
        Path zip = dir.resolve("autograder.zip");

        AutograderPackager.write(ExerciseCatalog.find("stage01/ex1"), jar, lib, zip);

        Map<String, String> entries = read(zip);
        assertThat(entries.keySet()).containsExactly("setup.sh", "run_autograder", "taipan/exercises.jar",
                "taipan/lib/a.jar", "taipan/lib/b.jar");
        assertThat(entries.get("taipan/exercises.jar")).isEqualTo("grader");
        assertThat(entries.get("run_autograder"))
                .contains("-name 'StudentJoinBlocks.java'")
                .contains("dev.taipan.flowgraph.cli.Main grade stage01/ex1 --json \"$results\"");
        assertThat(entries.get("setup.sh")).contains("chmod +x /autograder/source/run_autograder");
        for (String script : new String[] {"setup.sh", "run_autograder"}) {
            assertParsesAsBash(script, entries.get(script));
        }
    }

    private static Map<String, String> read(Path zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private void assertParsesAsBash(String name, String text) throws Exception {
        Path script = Files.writeString(dir.resolve(name), text);
        Process p = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(name + ": " + new String(p.getInputStream().readAllBytes())).isZero();
    }
}
