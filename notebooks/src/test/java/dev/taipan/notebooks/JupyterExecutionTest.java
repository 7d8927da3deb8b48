package dev.taipan.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every notebook executed headless by a real Jupyter client through the kernel spec the build
 * generated ({@code target/jupyter/kernels/taipan}, found through {@code JUPYTER_PATH}): the
 * path a reader takes, sockets and all. A cell that raises or fails to compile, a cell longer
 * than the per-cell timeout (the kernel is interrupted), and a dying kernel all fail the
 * build. The executed copies, outputs included, stay in {@code target/executed-notebooks/}.
 * Skipped, with the reason, where Jupyter's client is not installed ({@code .ci/run} installs it).
 */
class JupyterExecutionTest {
    /** Seconds per cell: generous for a 2-core CI machine, short enough that a hang is noticed. */
    private static final int CELL_TIMEOUT = 120;

    @Test
    void everyNotebookRunsInJupyter() throws IOException, InterruptedException {
        assumeTrue(Jupyter.available(), () -> Jupyter.missing() + ": notebooks checked by NotebookCellsTest only");
        Path target = Notebook.folder().resolve("target");
        Path kernels = target.resolve("jupyter");
        assertThat(kernels.resolve("kernels/taipan/kernel.json"))
                .as("the kernel spec the build writes at process-classes").exists();

        List<String> command = new ArrayList<>(List.of(Jupyter.PYTHON.toString(),
                Notebook.folder().resolve("src/test/python/execute_notebooks.py").toString(),
                target.resolve("executed-notebooks").toString(), String.valueOf(CELL_TIMEOUT)));
        Notebook.all().forEach(nb -> command.add(nb.path().toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JUPYTER_PATH", kernels.toString());
        // connection files go under target/, not into the user's (or CI's) home
        pb.environment().put("JUPYTER_RUNTIME_DIR", target.resolve("jupyter-runtime").toString());
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        System.out.print(output);
        assertThat(finished).as("the Jupyter run finished").isTrue();
        assertThat(process.exitValue()).as("failed notebooks; the script said:%n%s", output).isZero();
    }
}
