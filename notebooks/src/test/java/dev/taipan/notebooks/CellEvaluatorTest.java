package dev.taipan.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.syntax.SyntaxError;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JShell evaluator the kernel and the notebook runner share: values, errors, interrupts. */
class CellEvaluatorTest {
    private static CellEvaluator cells;

    @BeforeAll
    static void start() {
        cells = CellEvaluator.forTaipan();
    }

    @AfterAll
    static void stop() {
        cells.close();
    }

    @Test
    void aCellsValueIsTheLiveObjectNotItsString() {
        Object value = cells.eval("new ArrayList<>(List.of(1, 2))");
        assertThat(value).isInstanceOf(ArrayList.class).asList().containsExactly(1, 2);
        assertThat(cells.eval("compile(\"x = 1\")")).isInstanceOf(Code.class);
    }

    @Test
    void declarationsShowNothingAndLaterCellsSeeThem() {
        assertThat(cells.eval("var greeting = \"hi\";")).isNull();
        assertThat(cells.eval("greeting")).isEqualTo("hi");
        assertThat(cells.eval("greeting + \"!\"")).isEqualTo("hi!");
    }

    @Test
    void theLastSnippetOfACellGivesItsValue() {
        Object value = cells.eval("""
                int twice(int x) { return 2 * x; }
                var n = twice(4);
                n + 1
                """);
        assertThat(value).isEqualTo(9);
        assertThat(cells.eval("int k = 3;\nSystem.out.print(\"\");")).isNull();
    }

    @Test
    void aCompileErrorPointsAtTheSource() {
        assertThatThrownBy(() -> cells.eval("int a = 1;\nString s = a;"))
                .isInstanceOf(CellError.CompileError.class)
                .satisfies(e -> assertThat(((CellError) e).report())
                        .contains("incompatible types")
                        .contains("String s = a;")
                        .contains("^"));
    }

    @Test
    void aCellStopsAtItsFirstFailure() {
        assertThatThrownBy(() -> cells.eval("var stopsHere = 1;\nnoSuchMethod();\nvar neverDefined = 2;"))
                .isInstanceOf(CellError.CompileError.class);
        assertThat(cells.eval("stopsHere")).isEqualTo(1);
        assertThatThrownBy(() -> cells.eval("neverDefined")).isInstanceOf(CellError.CompileError.class);
    }

    @Test
    void anUnfinishedCellIsAnError() {
        assertThatThrownBy(() -> cells.eval("int f() { return 1;"))
                .isInstanceOf(CellError.CompileError.class)
                .hasMessageContaining("middle of a statement");
    }

    @Test
    void aMethodThatUsesSomethingUndefinedIsAnError() {
        assertThatThrownBy(() -> cells.eval("int usesUndefined() { return undefinedHelper(); }"))
                .isInstanceOf(CellError.CompileError.class)
                .satisfies(e -> assertThat(((CellError) e).report()).contains("undefinedHelper"));
    }

    @Test
    void anExceptionKeepsItsObjectAndShowsTheCellFrame() {
        assertThatThrownBy(() -> cells.eval("Object o = null; o.hashCode()"))
                .isInstanceOf(CellError.UncaughtException.class)
                .satisfies(e -> {
                    assertThat(e.getCause()).isInstanceOf(NullPointerException.class);
                    assertThat(((CellError) e).report()).contains("NullPointerException").contains("at <cell>")
                            .doesNotContain("jdk.jshell");
                });
    }

    @Test
    void aTaipanErrorReadsAsTheCommandLinePrintsIt() {
        assertThatThrownBy(() -> cells.eval("compile(\"def f(:\\n    pass\")"))
                .isInstanceOf(CellError.UncaughtException.class)
                .satisfies(e -> {
                    assertThat(e.getCause()).isInstanceOf(SyntaxError.class);
                    assertThat(((CellError) e).report()).startsWith("<cell>:1:").contains("SyntaxError")
                            .doesNotContain("\tat ");
                });
    }

    @Test
    void anInterruptedCellFailsInsteadOfReturningNormally() throws Exception {
        CompletableFuture<Object> running = CompletableFuture.supplyAsync(
                () -> cells.eval("long spins = 0; while (true) { spins++; }"));
        Thread.sleep(300);
        cells.interrupt();
        assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(CellError.Interrupted.class);
        assertThat(cells.eval("1 + 1")).isEqualTo(2);
    }

    @Test
    void anInterruptStopsAPythonProgramTheCellIsRunning() throws Exception {
        CompletableFuture<Object> running = CompletableFuture.supplyAsync(
                () -> cells.eval("run(\"print('spinning')\\nwhile True:\\n    pass\\n\")"));
        Thread.sleep(500);
        cells.interrupt();
        assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(CellError.class);
        // The program runs on the host interpreter's own thread; JShell's stop interrupts the
        // cell's thread group, and the host raises KeyboardInterrupt at the next backward jump.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (hostThreadsAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(hostThreadsAlive()).as("the host interpreter's thread stopped").isFalse();
        assertThat(cells.eval("run(\"print(6 * 7)\\n\").stdout()")).isEqualTo("42\n");
    }

    private static boolean hostThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("taipan-host") && t.isAlive());
    }

    @Test
    void completionAndCompleteness() {
        assertThat(cells.isComplete("int x = 1;")).isTrue();
        assertThat(cells.isComplete("void f() {")).isFalse();
        var c = cells.complete("var code = compi", 16);
        assertThat(c.candidates()).contains("compile(");
        assertThat(c.start()).isEqualTo(11);
    }
}
