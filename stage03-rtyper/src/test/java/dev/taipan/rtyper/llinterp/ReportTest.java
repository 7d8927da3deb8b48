package dev.taipan.rtyper.llinterp;

import static dev.taipan.rtyper.llinterp.GraphBuilder.of;
import static dev.taipan.rtyper.llinterp.GraphBuilder.signed;
import static dev.taipan.rtyper.llinterp.GraphBuilder.v;
import static dev.taipan.rtyper.lloperation.LLOp.DEBUG_PRINT;
import static dev.taipan.rtyper.lloperation.LLOp.DIRECT_CALL;
import static dev.taipan.rtyper.lloperation.LLOp.INT_ADD;
import static dev.taipan.rtyper.lloperation.LLOp.INT_EQ;
import static dev.taipan.rtyper.lloperation.LLOp.INT_LT;
import static dev.taipan.rtyper.lloperation.LLOp.INT_SUB;
import static dev.taipan.rtyper.lloperation.LLOp.MALLOC;
import static dev.taipan.rtyper.lloperation.LLOp.SETFIELD;
import static dev.taipan.rtyper.lltype.Primitive.BOOL;
import static dev.taipan.rtyper.lltype.Primitive.CHAR;
import static dev.taipan.rtyper.lltype.Primitive.FLOAT;
import static dev.taipan.rtyper.lltype.Primitive.SIGNED;
import static dev.taipan.rtyper.lltype.Primitive.UNSIGNED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyModule;
import dev.taipan.rtyper.llinterp.GraphBuilder.Catch;
import dev.taipan.rtyper.lltype.Ptr;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a program shows: its exit status, the report of an uncaught exception, its debug_print output. */
class ReportTest {

    private final ToyProgram toy = new ToyProgram();

    @ParameterizedTest
    @EnumSource(HeapKind.class)
    void theEntryPointsResultIsTheExitStatus(HeapKind heap) {
        var entry = new GraphBuilder("entry_point", SIGNED, SIGNED);
        var b = entry.start();
        b.jump(entry.toReturn(b.op(INT_ADD, SIGNED, b.arg(0), signed(1))));
        try (var run = new Running(heap, toy.program(entry.graph()))) {
            assertThat(run.interp.runEntry(41L)).isEqualTo(new Outcome.Exited(42));
        }
    }

    /** A graph raising {@code ValueError(message)} at {@code line}. */
    private GraphBuilder raisingValueError(String name, String message, int line) {
        var g = new GraphBuilder(name, SIGNED, SIGNED);
        g.at(line);
        raiseValueError(g, g.start(), message);
        return g;
    }

    /** Ends {@code b} with {@code raise ValueError(message)}: a new instance, its message a prebuilt string. */
    private void raiseValueError(GraphBuilder g, GraphBuilder.BlockBuilder b, String message) {
        var e = b.op(MALLOC, ToyExceptions.INSTANCE_PTR, v(ToyExceptions.INSTANCE));
        b.op(SETFIELD, e, v("typeptr"), toy.vtable("ValueError"));
        b.op(SETFIELD, e, v("message"), of(toy.string(message), new Ptr(ToyExceptions.STR)));
        b.jump(g.toRaise(toy.vtable("ValueError"), e));
    }

    /** A graph calling {@code callee} at {@code line} and returning its result. */
    private static GraphBuilder calling(String name, GraphBuilder callee, int line) {
        var g = new GraphBuilder(name, SIGNED, SIGNED);
        var b = g.start();
        g.at(line);
        b.jump(g.toReturn(b.op(DIRECT_CALL, SIGNED, callee.fn(), b.arg(0))));
        return g;
    }

    @ParameterizedTest
    @EnumSource(HeapKind.class)
    void anUncaughtExceptionEndsTheProgramWithItsTraceback(HeapKind heap) {
        var g = raisingValueError("g", "bad", 9);
        var f = calling("f", g, 5);
        var entry = calling("entry_point", f, 2);
        try (var run = new Running(heap, toy.program(entry.graph(), f.graph(), g.graph()))) {
            Outcome outcome = run.interp.runEntry(0L);
            assertThat(outcome.exitStatus()).isEqualTo(1);
            assertThat(outcome).isEqualTo(new Outcome.Uncaught("""
                    Traceback (most recent call last):
                      File "<low-level>", line 2, in entry_point
                      File "<low-level>", line 5, in f
                      File "<low-level>", line 9, in g
                    ValueError: bad
                    """));
        }
    }

    /** {@code try: g(x) except Exception: raise}: the exception goes on with the traceback it had. */
    @ParameterizedTest
    @EnumSource(HeapKind.class)
    void aReRaisedExceptionKeepsItsTraceback(HeapKind heap) {
        var g = raisingValueError("g", "again", 9);
        var f = new GraphBuilder("f", SIGNED, SIGNED);
        var b = f.start();
        f.at(5);
        var r = b.op(DIRECT_CALL, SIGNED, g.fn(), b.arg(0));
        f.at(6);
        b.catching(f.toReturn(r), new Catch(toy.exceptions().vtable("Exception"), e -> f.toRaise(e.etype(), e.evalue())));
        var entry = calling("entry_point", f, 2);
        try (var run = new Running(heap, toy.program(entry.graph(), f.graph(), g.graph()))) {
            assertThat(run.interp.runEntry(0L)).isEqualTo(new Outcome.Uncaught("""
                    Traceback (most recent call last):
                      File "<low-level>", line 2, in entry_point
                      File "<low-level>", line 5, in f
                      File "<low-level>", line 9, in g
                    ValueError: again
                    """));
        }
    }

    /** {@code def down(n): return 1 // 0 if n == 0 else down(n - 1)}: the repeated frames fold as in CPython. */
    @Test
    void aDeepTracebackFoldsRepeatedFrames() {
        var down = new GraphBuilder("down", SIGNED, SIGNED);
        var b = down.start();
        var deeper = down.block(SIGNED);
        down.at(3);
        b.branch(b.op(INT_EQ, BOOL, b.arg(0), signed(0)), down.toRaise(toy.vtable("ZeroDivisionError"), toy.instance("ZeroDivisionError")),
                deeper.with(b.arg(0)));
        down.at(4);
        deeper.jump(down.toReturn(deeper.op(DIRECT_CALL, SIGNED, down.fn(), deeper.op(INT_SUB, SIGNED, deeper.arg(0), signed(1)))));
        try (var run = new Running(HeapKind.FAST, toy.program(down.graph()))) {
            assertThat(run.interp.runEntry(10_000L)).isEqualTo(new Outcome.Uncaught("""
                    Traceback (most recent call last):
                      File "<low-level>", line 4, in down
                      File "<low-level>", line 4, in down
                      File "<low-level>", line 4, in down
                      [Previous line repeated 9997 more times]
                      File "<low-level>", line 3, in down
                    ZeroDivisionError
                    """));
        }
    }

    /**
     * Graphs made from functions of a file show its name and source lines, and the report is
     * exactly what the host interpreter prints for the same program.
     */
    @Test
    void theReportOfGraphsFromSourceIsTheHostInterpretersTraceback(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("prog.py"), """
                def g(x):
                    if x < 0:
                        raise ValueError("bad")
                    return x

                def f(x):
                    return g(x) + 1

                def entry_point(argv):
                    return f(-len(argv))
                """);
        var err = new ByteArrayOutputStream();
        var host = new HostInterpreter(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
                InputStream.nullInputStream());
        assertThat(host.runProgram(file, List.of())).isEqualTo(1);

        PyModule module = new HostInterpreter(System.out, System.err, InputStream.nullInputStream()).importFile(file);
        var g = new GraphBuilder("g", (PyFunction) module.get("g"), SIGNED, SIGNED);
        var gb = g.start();
        g.at(2);
        var raise = g.block();
        gb.branch(gb.op(INT_LT, BOOL, gb.arg(0), signed(0)), raise.with(), g.toReturn(gb.arg(0)));
        g.at(3);
        raiseValueError(g, raise, "bad");
        var f = new GraphBuilder("f", (PyFunction) module.get("f"), SIGNED, SIGNED);
        var fb = f.start();
        f.at(7);
        fb.jump(f.toReturn(fb.op(INT_ADD, SIGNED, fb.op(DIRECT_CALL, SIGNED, g.fn(), fb.arg(0)), signed(1))));
        var entry = new GraphBuilder("entry_point", (PyFunction) module.get("entry_point"), SIGNED, SIGNED);
        var eb = entry.start();
        entry.at(10);
        eb.jump(entry.toReturn(eb.op(DIRECT_CALL, SIGNED, f.fn(), eb.arg(0))));
        try (var run = new Running(HeapKind.CHECKED, toy.program(entry.graph(), f.graph(), g.graph()))) {
            String report = ((Outcome.Uncaught) run.interp.runEntry(-1L)).report();
            assertThat(report).isEqualTo(err.toString(StandardCharsets.UTF_8)).contains("    raise ValueError(\"bad\")\n");
        }
    }

    @ParameterizedTest
    @EnumSource(HeapKind.class)
    void debugPrintWritesValuesAsPythonsPrint(HeapKind heap) {
        var g = new GraphBuilder("show", SIGNED, SIGNED);
        var b = g.start();
        b.op(DEBUG_PRINT, v(" "), v("\n"), v("n ="), b.arg(0), of(-1L, UNSIGNED), of(0.1, FLOAT), of(1e100, FLOAT),
                of(-0.0, FLOAT), of(true, BOOL), of('x', CHAR));
        b.op(DEBUG_PRINT, v(", "), v("!\n"), of(2.5, FLOAT), of(false, BOOL), of(Double.NaN, FLOAT));
        b.op(DEBUG_PRINT, v(" "), v(""));
        b.op(DEBUG_PRINT, v(" "), v("\n"), of(1e16, FLOAT), of(123456789.0, FLOAT));
        b.jump(g.toReturn(signed(0)));
        try (var run = new Running(heap, toy.program(g.graph()))) {
            run.interp.call(g.graph(), -7L);
            assertThat(run.output()).isEqualTo("""
                    n = -7 18446744073709551615 0.1 1e+100 -0.0 True x
                    2.5, False, nan!
                    1e+16 123456789.0
                    """);
        }
    }
}
