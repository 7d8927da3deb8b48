package dev.taipan.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * How notebooks are stored in git: without outputs (outputs belong to the build's executed
 * copies; stored ones go stale, bloat diffs and can hide a broken cell), and set to open with
 * the Taipan kernel.
 */
class NotebookFormatTest {

    @TestFactory
    Stream<DynamicTest> notebooksAreStoredWithoutOutputs() {
        return Notebook.all().stream().map(nb -> DynamicTest.dynamicTest(nb.name(), nb.path().toUri(), () -> {
            for (Notebook.Cell cell : nb.codeCells()) {
                JsonArray outputs = cell.json().getAsJsonArray("outputs");
                assertThat(outputs == null || outputs.isEmpty())
                        .as("%s, cell %d has outputs: clear them before committing (Jupyter: Edit > Clear Outputs"
                                + " of All Cells; or jupyter nbconvert --clear-output --inplace %s)",
                                nb.name(), cell.index(), nb.name())
                        .isTrue();
                assertThat(cell.json().get("execution_count").isJsonNull())
                        .as("%s, cell %d has an execution count", nb.name(), cell.index()).isTrue();
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> notebooksOpenWithTheTaipanKernel() {
        return Notebook.all().stream().map(nb -> DynamicTest.dynamicTest(nb.name(), nb.path().toUri(), () -> {
            var kernelspec = nb.json().getAsJsonObject("metadata").getAsJsonObject("kernelspec");
            assertThat(kernelspec.get("name").getAsString()).isEqualTo(KernelSpec.NAME);
            assertThat(kernelspec.get("display_name").getAsString()).isEqualTo(KernelSpec.DISPLAY_NAME);
            assertThat(nb.json().get("nbformat").getAsInt()).isEqualTo(4);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookIsAChapterToRead() {
        return Notebook.all().stream().map(nb -> DynamicTest.dynamicTest(nb.name(), nb.path().toUri(), () -> {
            List<Notebook.Cell> cells = nb.cells();
            assertThat(cells.getFirst().type()).as("a notebook opens with its text").isEqualTo("markdown");
            assertThat(cells.stream().filter(c -> c.type().equals("markdown")).count())
                    .as("prose between the code").isGreaterThanOrEqualTo(nb.codeCells().size() / 2);
        }));
    }
}
