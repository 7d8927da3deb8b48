package dev.taipan.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every notebook's code cells, top to bottom, through the kernel's own {@link CellEvaluator},
 * without Jupyter: so {@code ./mvnw verify} catches a broken notebook on any machine.
 * {@link JupyterExecutionTest} runs the same notebooks through a real Jupyter client where one
 * is installed; this test says whether that path ran too.
 */
@Execution(ExecutionMode.SAME_THREAD)   // Display's sink is one per JVM
class NotebookCellsTest {

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsTopToBottom() {
        System.out.println(Jupyter.available()
                ? "notebooks: Jupyter is installed; JupyterExecutionTest also runs them through the kernel"
                : "notebooks: " + Jupyter.missing() + "; checking every code cell through the JShell runner only");
        List<Notebook> notebooks = Notebook.all();
        assertThat(notebooks).as("notebooks in " + Notebook.folder()).isNotEmpty();
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(nb.name(), nb.path().toUri(), () -> runCells(nb)));
    }

    private static void runCells(Notebook notebook) {
        List<Object> shown = new ArrayList<>();
        Display.setSink(shown::add);
        try (CellEvaluator cells = CellEvaluator.forTaipan()) {
            for (Notebook.Cell cell : notebook.codeCells()) {
                try {
                    cells.eval(cell.source());
                } catch (CellError e) {
                    fail("%s, cell %d failed with %s: %s%n---- cell source ----%n%s%n---- report ----%n%s",
                            notebook.name(), cell.index(), e.getClass().getSimpleName(), e.getMessage(),
                            cell.source(), e.report());
                }
            }
        } finally {
            Display.setSink(null);
        }
    }
}
