package dev.taipan.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.syntax.SyntaxError;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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

    // The interrupt tests wait for events (the evaluator busy, a thread started), never for a
    // length of time: on a loaded machine a cell may take seconds to compile. Their @Timeout
    // only turns a lost interrupt into a failure instead of a hung build.

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void anInterruptedCellFailsInsteadOfReturningNormally() throws Exception {
        CompletableFuture<Object> running = evalInBackground("""
                { Thread.currentThread().setName("spinning cell"); long spins = 0; while (true) { spins++; } }
                """);
        Thread cell = await(running, t -> t.getName().equals("spinning cell"));
        cells.interrupt();
        assertThatThrownBy(running::get).hasCauseInstanceOf(CellError.Interrupted.class);
        cell.join();
        assertThat(cells.eval("1 + 1")).isEqualTo(2);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void anInterruptThatArrivesBeforeTheCodeStartsIsNotLost() throws Exception {
        CompletableFuture<Object> running = evalInBackground("long spins = 0; while (true) { spins++; }");
        while (!cells.busy() && !running.isDone()) {
            Thread.sleep(1);
        }
        // Most often JShell is still compiling the cell now, and JShell's own stop would find
        // nothing to stop; wherever the interrupt lands, the cell must end.
        cells.interrupt();
        assertThatThrownBy(running::get).hasCauseInstanceOf(CellError.Interrupted.class);
        assertThat(cells.eval("1 + 1")).isEqualTo(2);
    }

    @Test
    void anInterruptWhenNoCellRunsIsDropped() {
        cells.interrupt();
        assertThat(cells.eval("1 + 1")).isEqualTo(2);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void anInterruptStopsAPythonProgramTheCellIsRunning() throws Exception {
        CompletableFuture<Object> running = evalInBackground("""
                { Thread.currentThread().setName("cell running python"); run("while True:\\n    pass\\n"); }
                """);
        // The program runs on the host interpreter's own thread, in the cell's thread group
        // (other test classes run programs too: their host threads are in other groups).
        Thread cell = await(running, t -> t.getName().equals("cell running python"));
        Thread host = await(running, t -> t.getName().equals("taipan-host") && t.getThreadGroup() == cell.getThreadGroup());
        cells.interrupt();
        assertThatThrownBy(running::get).hasCauseInstanceOf(CellError.class);
        // JShell's stop interrupts the cell's thread group, and the host raises
        // KeyboardInterrupt at the next backward jump: the host thread ends.
        host.join();
        assertThat(cells.eval("run(\"print(6 * 7)\\n\").stdout()")).isEqualTo("42\n");
    }

    /**
     * The cell on a thread of its own (not the common pool, which has one thread on a two-core
     * machine and may be busy with another test class's work).
     */
    private static CompletableFuture<Object> evalInBackground(String cell) {
        return CompletableFuture.supplyAsync(() -> cells.eval(cell), Thread.ofPlatform().name("cell evaluator")::start);
    }

    /** The live thread {@code wanted} picks, once it has started; fails if the cell ends first. */
    private static Thread await(CompletableFuture<Object> cell, Predicate<Thread> wanted) throws InterruptedException {
        while (true) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.isAlive() && wanted.test(t)) {
                    return t;
                }
            }
            assertThat(cell).as("the cell is still running").isNotDone();
            Thread.sleep(1);
        }
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
