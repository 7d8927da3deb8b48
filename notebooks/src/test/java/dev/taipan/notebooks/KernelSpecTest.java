package dev.taipan.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.taipan.flowgraph.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kernel.json as the build writes it and as {@code taipan notebook install} writes it. */
class KernelSpecTest {

    @Test
    void theBuildsKernelSpecStartsTheKernelOnAJdk25() throws IOException {
        Path file = Notebook.folder().resolve("target/jupyter/kernels/taipan/kernel.json");
        assertThat(file).as("written at process-classes by KernelSpec (notebooks/pom.xml)").exists();
        List<String> argv = argv(read(file));
        Path javaHome = Path.of(argv.getFirst()).getParent().getParent();
        String release = Files.readString(javaHome.resolve("release"));
        assertThat(release).as("the kernel's java, %s", argv.getFirst()).containsPattern("JAVA_VERSION=\"(2[5-9]|[3-9]\\d)");
        String classPath = argv.get(argv.indexOf("-cp") + 1);
        assertThat(classPath).contains("stage01-flowgraph").contains("jjava-jupyter").contains("notebooks");
    }

    @Test
    void theSpecIsWhatJupyterNeeds() {
        JsonObject spec = JsonParser.parseString(KernelSpec.json("a.jar" + java.io.File.pathSeparator + "b.jar")).getAsJsonObject();
        assertThat(spec.get("display_name").getAsString()).isEqualTo("Taipan (Java 25)");
        assertThat(spec.get("language").getAsString()).isEqualTo("java");
        assertThat(spec.get("interrupt_mode").getAsString()).isEqualTo("message");
        List<String> argv = argv(spec);
        assertThat(argv).contains("--enable-native-access=ALL-UNNAMED")
                .endsWith("-cp", "a.jar" + java.io.File.pathSeparator + "b.jar", KernelMain.class.getName(), "{connection_file}");
    }

    @Test
    void notebookInstallWritesTheSpecWhereAsked(@TempDir Path kernels) throws IOException {
        StringWriter out = new StringWriter();
        int status = Main.run(new String[] {"notebook", "install", "--dir", kernels.toString()},
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(status).isZero();
        Path file = kernels.resolve("taipan/kernel.json");
        assertThat(out.toString()).contains(file.toString());
        assertThat(argv(read(file))).contains(KernelMain.class.getName());
    }

    private static JsonObject read(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    private static List<String> argv(JsonObject spec) {
        return spec.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
    }
}
