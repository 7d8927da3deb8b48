package dev.taipan.x86.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.bytecode.Disassembler;
import dev.taipan.flowgraph.cli.Main;
import dev.taipan.flowgraph.flow.Graphviz;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code taipan view}: the page of a corpus function holds each stage's picture of that function
 * (its opcodes, its graphs with their types, its machine code), and every machine instruction is
 * tied to the source line it was made for, which a small program with one operation per line
 * pins down exactly.
 */
class TourPageTest {
    private static final Path FIB = Path.of("../stage01-flowgraph/examples/fib.py");
    /** A machine-code row of the page: its source line, then its instruction. */
    private static final Pattern ROW = Pattern.compile(
            "<tr data-line=\"(\\d+)\"><td class=\"addr\">[0-9a-f]+</td><td class=\"bytes\">[^<]*</td><td class=\"insn\">([^<]*)</td>");

    @TempDir
    Path dir;

    @Test
    void eachPanelShowsTheFunctionAtItsStage() {
        Tour tour = Stages.tour(FIB, "fib", null, null);
        String page = TourPage.html(tour);

        assertThat(panel(page, "source")).contains("def fib(n):", "a, b = b, a + b", "return a")
                .doesNotContain("def entry_point");
        String bytecode = panel(page, "bytecode");
        for (String op : Disassembler.opcodes(tour.function().code())) {
            assertThat(bytecode).contains(op.split(" ")[0]);
        }
        assertThat(bytecode).contains("FOR_ITER", "BINARY_OP", "<span data-line=\"11\">");
        assertThat(panel(page, "flow")).contains("fib");
        assertThat(panel(page, "annotated")).contains("int");
        assertThat(panel(page, "lowlevel")).contains("Signed");
        assertThat(panel(page, "gc")).contains("Signed");
        if (Graphviz.available()) {
            for (String id : List.of("flow", "annotated", "lowlevel", "gc")) {
                assertThat(panel(page, id)).as(id).contains("<svg");
            }
        }
        // fib is inlined into entry_point at --opt=2, yet shown at --opt=2: its graph is kept (exported) for the page
        assertThat(tour.backend()).isEqualTo("--gc=semispace --opt=2");
        List<Row> rows = rows(page);
        assertThat(rows).isNotEmpty();
        assertThat(rows).allSatisfy(r -> assertThat(r.line()).isBetween(8, 12));
        // the prologue (fib needs no rbp frame: it saves the callee-saved register it uses) belongs to the def
        assertThat(rows.getFirst()).isEqualTo(new Row(8, "push   rbx"));
        assertThat(rows).anySatisfy(r -> {   // b = a + b
            assertThat(r.line()).isEqualTo(11);
            assertThat(r.insn()).startsWith("add");
        });
        // self-contained: nothing fetched (the SVG's xmlns names a namespace, it loads nothing)
        assertThat(page).contains("<style>", "<script>", "dataset.ready")
                .doesNotContain("<link", " src=", "href=\"http", "url(", "@import");
    }

    @Test
    void instructionsAreTiedToTheLineOfTheirOperation() throws IOException {
        assumeTrue(MachineListing.onPath("objdump"), "objdump is not installed: skipping (apt-get install binutils)");
        Path program = dir.resolve("scale.py");
        Files.writeString(program, """
                def scale(x):
                    y = x * 3
                    if y > 100:
                        return y - 1000
                    return y + 7


                def entry_point(argv):
                    print(scale(len(argv)))
                    return 0
                """);
        List<Row> rows = rows(TourPage.html(Stages.tour(program, null, "none", "0")));
        assertThat(rows).as("%s", rows).anySatisfy(r -> assertThat(r).satisfies(
                x -> assertThat(x.line()).isEqualTo(2), x -> assertThat(x.insn()).startsWith("imul").endsWith("0x3")));
        assertThat(rows).as("%s", rows).anySatisfy(r -> assertThat(r).satisfies(
                x -> assertThat(x.line()).isEqualTo(3), x -> assertThat(x.insn()).startsWith("cmp").endsWith("0x64")));
        assertThat(rows).as("%s", rows).anySatisfy(r -> assertThat(r).satisfies(
                x -> assertThat(x.line()).isEqualTo(4), x -> assertThat(x.insn()).contains("0x3e8")));
        assertThat(rows).as("%s", rows).anySatisfy(r -> assertThat(r).satisfies(
                x -> assertThat(x.line()).isEqualTo(5), x -> assertThat(x.insn()).startsWith("add").endsWith("0x7")));
        assertThat(rows.stream().filter(r -> r.insn().contains("0x3e8")).map(Row::line)).containsOnly(4);
    }

    @Test
    void anUnknownFunctionIsNamedWithTheFunctionsThereAre() {
        assertThatThrownBy(() -> Stages.tour(FIB, "fob", null, null)).isInstanceOf(TaipanError.class)
                .hasMessageContaining("no function 'fob'").hasMessageContaining("fib, entry_point, target");
    }

    @Test
    void theCommandWritesThePageAndABrokenProgramGetsItsFileAndLine() throws IOException {
        Path page = dir.resolve("fib.html");
        var out = new StringWriter();
        var err = new StringWriter();
        int status = Main.run(new String[] {"view", FIB.toString(), "--function", "fib", "-o", page.toString()},
                new PrintWriter(out), new PrintWriter(err));
        assertThat(status).as(err.toString()).isZero();
        assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>").contains("id=\"machine\"");

        Path broken = dir.resolve("broken.py");
        Files.writeString(broken, "def f(x):\n    return x +\n");
        err = new StringWriter();
        status = Main.run(new String[] {"view", broken.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).contains("broken.py", ":2").doesNotContain("Exception", "\tat ");
    }

    /** The part of the page with {@code id}, up to the next panel. */
    private static String panel(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("panel %s", id).isPositive();
        int end = page.indexOf("</div>\n", start);
        int section = page.indexOf("</section>", start);
        return page.substring(start, end < 0 || (section >= 0 && section < end) ? section : end);
    }

    record Row(int line, String insn) {
    }

    private static List<Row> rows(String page) {
        Matcher m = ROW.matcher(panel(page, "machine"));
        List<Row> rows = new ArrayList<>();
        while (m.find()) {
            rows.add(new Row(Integer.parseInt(m.group(1)), m.group(2).replace("&lt;", "<").replace("&gt;", ">")));
        }
        return rows;
    }
}
