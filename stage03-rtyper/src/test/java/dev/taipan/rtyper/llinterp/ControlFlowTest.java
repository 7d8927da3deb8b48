package dev.taipan.rtyper.llinterp;

import static dev.taipan.rtyper.llinterp.GraphBuilder.of;
import static dev.taipan.rtyper.llinterp.GraphBuilder.signed;
import static dev.taipan.rtyper.lloperation.LLOp.CAST_FLOAT_TO_INT;
import static dev.taipan.rtyper.lloperation.LLOp.CAST_INT_TO_FLOAT;
import static dev.taipan.rtyper.lloperation.LLOp.FLOAT_MUL;
import static dev.taipan.rtyper.lloperation.LLOp.FLOAT_TRUEDIV;
import static dev.taipan.rtyper.lloperation.LLOp.INT_ADD;
import static dev.taipan.rtyper.lloperation.LLOp.INT_ADD_OVF;
import static dev.taipan.rtyper.lloperation.LLOp.INT_EQ;
import static dev.taipan.rtyper.lloperation.LLOp.INT_FLOORDIV;
import static dev.taipan.rtyper.lloperation.LLOp.INT_LT;
import static dev.taipan.rtyper.lloperation.LLOp.INT_MOD;
import static dev.taipan.rtyper.lloperation.LLOp.INT_MUL;
import static dev.taipan.rtyper.lloperation.LLOp.INT_MUL_OVF;
import static dev.taipan.rtyper.lloperation.LLOp.INT_SUB;
import static dev.taipan.rtyper.lloperation.LLOp.UINT_ADD;
import static dev.taipan.rtyper.lloperation.LLOp.UINT_LT;
import static dev.taipan.rtyper.lltype.Primitive.BOOL;
import static dev.taipan.rtyper.lltype.Primitive.FLOAT;
import static dev.taipan.rtyper.lltype.Primitive.SIGNED;
import static dev.taipan.rtyper.lltype.Primitive.UNSIGNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.host.PyBool;
import dev.taipan.rtyper.llinterp.GraphBuilder.Catch;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Arithmetic, overflow, branches, loops and recursion: the machine-word part of the llinterp. */
class ControlFlowTest {

    private final ToyProgram toy = new ToyProgram();

    /** {@code (a * b + a // b - a % b, (float(a) * 0.5) / b, int(that))}, checked one result at a time. */
    @ParameterizedTest
    @EnumSource(HeapKind.class)
    void arithmeticOnWordsAndFloats(HeapKind heap) {
        var g = new GraphBuilder("arith", SIGNED, SIGNED, SIGNED);
        var b = g.start();
        var x = b.op(INT_ADD, SIGNED, b.op(INT_MUL, SIGNED, b.arg(0), b.arg(1)), b.op(INT_FLOORDIV, SIGNED, b.arg(0), b.arg(1)));
        var y = b.op(INT_SUB, SIGNED, x, b.op(INT_MOD, SIGNED, b.arg(0), b.arg(1)));
        var f = b.op(FLOAT_TRUEDIV, FLOAT, b.op(FLOAT_MUL, FLOAT, b.op(CAST_INT_TO_FLOAT, FLOAT, b.arg(0)), of(0.5, FLOAT)),
                b.op(CAST_INT_TO_FLOAT, FLOAT, b.arg(1)));
        b.jump(g.toReturn(b.op(INT_ADD, SIGNED, y, b.op(CAST_FLOAT_TO_INT, SIGNED, f))));
        // 7*2 + 3 - 1 = 16; 3.5 / 2 = 1.75 -> 1
        assertThat(Running.call(heap, toy.program(g.graph()), g.graph(), 7L, 2L)).isEqualTo(17L);
        // C division: -7 // 2 = -3, -7 % 2 = -1; -14 - 3 + 1 = -16; -3.5 / 2 = -1.75 -> -1
        assertThat(Running.call(heap, toy.program(g.graph()), g.graph(), -7L, 2L)).isEqualTo(-17L);
    }

    @ParameterizedTest
    @EnumSource(HeapKind.class)
    void floatsAndUnsignedComeBackAsJavaValues(HeapKind heap) {
        var half = new GraphBuilder("half", FLOAT, FLOAT);
        var b = half.start();
        b.jump(half.toReturn(b.op(FLOAT_MUL, FLOAT, b.arg(0), of(0.5, FLOAT))));
        assertThat(Running.call(heap, toy.program(half.graph()), half.graph(), 3.0)).isEqualTo(1.5);

        var wraps = new GraphBuilder("wraps", BOOL, UNSIGNED);
        var w = wraps.start();
        var sum = w.op(UINT_ADD, UNSIGNED, w.arg(0), of(1L, UNSIGNED));
        w.jump(wraps.toReturn(w.op(UINT_LT, BOOL, sum, w.arg(0))));
        assertThat(Running.call(heap, toy.program(wraps.graph()), wraps.graph(), -1L)).isEqualTo(true);
        assertThat(Running.call(heap, toy.program(wraps.graph()), wraps.graph(), 5L)).isEqualTo(false);
    }

    /** {@code try: return ovfcheck(a + b) except OverflowError: return -1}, and the same caught as its base class. */
    @ParameterizedTest
    @EnumSource(HeapKind.class)
    void overflowIsAnOverflowErrorCaughtByAnExceptionLink(HeapKind heap) {
        for (String caughtAs : new String[] {"OverflowError", "ArithmeticError"}) {
            var g = new GraphBuilder("add", SIGNED, SIGNED, SIGNED);
            var b = g.start();
            var sum = b.op(INT_ADD_OVF, SIGNED, b.arg(0), b.arg(1));
            b.catching(g.toReturn(sum),
                    new Catch(toy.exceptions().vtable("ValueError"), c -> g.toReturn(signed(-2))),
                    new Catch(toy.exceptions().vtable(caughtAs), c -> g.toReturn(signed(-1))));
            var program = toy.program(g.graph());
            assertThat(Running.call(heap, program, g.graph(), 40L, 2L)).isEqualTo(42L);
            assertThat(Running.call(heap, program, g.graph(), Long.MAX_VALUE, 1L)).isEqualTo(-1L);
        }
    }

    @ParameterizedTest
    @EnumSource(HeapKind.class)
    void anUncaughtOverflowLeavesTheGraph(HeapKind heap) {
        var g = new GraphBuilder("square", SIGNED, SIGNED);
        var b = g.start();
        b.jump(g.toReturn(b.op(INT_MUL_OVF, SIGNED, b.arg(0), b.arg(0))));
        try (var run = new Running(heap, toy.program(g.graph()))) {
            assertThat(run.interp.call(g.graph(), 1_000_000_000L)).isEqualTo(1_000_000_000_000_000_000L);
            assertThatThrownBy(() -> run.interp.call(g.graph(), 4_000_000_000L))
                    .isInstanceOfSatisfying(LLException.class, e -> assertThat(e.etype())
                            .isEqualTo(run.interp.addressOf(toy.exceptions().vtable("OverflowError"))));
        }
    }

    /** {@code s = 0; i = 0; while i < n: s += i; i += 1; return s}. */
    @ParameterizedTest
    @EnumSource(HeapKind.class)
    void aSumLoop(HeapKind heap) {
        var g = new GraphBuilder("sum", SIGNED, SIGNED);
        var start = g.start();
        var loop = g.block(SIGNED, SIGNED, SIGNED);
        var body = g.block(SIGNED, SIGNED, SIGNED);
        start.jump(loop.with(signed(0), signed(0), start.arg(0)));
        var i = loop.arg(0);
        var s = loop.arg(1);
        var n = loop.arg(2);
        loop.branch(loop.op(INT_LT, BOOL, i, n), body.with(i, s, n), g.toReturn(s));
        var next = body.op(INT_ADD, SIGNED, body.arg(0), signed(1));
        body.jump(loop.with(next, body.op(INT_ADD, SIGNED, body.arg(1), body.arg(0)), body.arg(2)));
        assertThat(Running.call(heap, toy.program(g.graph()), g.graph(), 100_000L)).isEqualTo(99_999L * 100_000 / 2);
        assertThat(Running.call(heap, toy.program(g.graph()), g.graph(), 0L)).isEqualTo(0L);
    }

    /**
     * {@code while True: i += 1}: a run that never ends stops when its thread is interrupted
     * (the fuzzer's timeout does that), with a fatal error rather than an RPy exception the
     * program could catch; and the llinterp's own thread (it runs on one with a big stack) has
     * stopped too when the call returns. The call runs on a thread of a group of its own, so
     * that the test can count what is left running in it.
     */
    @ParameterizedTest
    @EnumSource(HeapKind.class)
    void aRunawayLoopStopsWhenItsThreadIsInterrupted(HeapKind heap) throws InterruptedException {
        var g = new GraphBuilder("forever", SIGNED, SIGNED);
        var start = g.start();
        var loop = g.block(SIGNED);
        start.jump(loop.with(start.arg(0)));
        loop.jump(loop.with(loop.op(INT_ADD, SIGNED, loop.arg(0), signed(1))));
        var program = toy.program(g.graph());
        var thrown = new AtomicReference<Throwable>();
        var group = new ThreadGroup("runaway");
        Thread caller = new Thread(group, () -> {
            Thread.currentThread().interrupt();   // at once: the run must stop whenever the interrupt comes
            try {
                Running.call(heap, program, g.graph(), 0L);
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        });
        caller.start();
        caller.join();
        assertThat(thrown.get()).isInstanceOf(LLFatalError.class).hasRootCauseInstanceOf(CancellationException.class);
        assertThat(group.activeCount()).as("threads still running the program").isZero();
    }

    /**
     * A loop passing {@code (b, a)} to its own {@code (a, b)}: the arguments move all at once,
     * not one after the other (which would give {@code (b, b)}).
     */
    @ParameterizedTest
    @EnumSource(HeapKind.class)
    void linkArgumentsMoveAllAtOnce(HeapKind heap) {
        var g = new GraphBuilder("swaps", SIGNED, SIGNED);
        var start = g.start();
        var loop = g.block(SIGNED, SIGNED, SIGNED);
        start.jump(loop.with(signed(1), signed(2), start.arg(0)));
        var a = loop.arg(0);
        var b = loop.arg(1);
        var n = loop.arg(2);
        var done = loop.op(INT_EQ, BOOL, n, signed(0));
        var less = loop.op(INT_SUB, SIGNED, n, signed(1));
        loop.branch(done, g.toReturn(loop.op(INT_ADD, SIGNED, loop.op(INT_MUL, SIGNED, a, signed(10)), b)), loop.with(b, a, less));
        assertThat(Running.call(heap, toy.program(g.graph()), g.graph(), 3L)).isEqualTo(21L);
        assertThat(Running.call(heap, toy.program(g.graph()), g.graph(), 4L)).isEqualTo(12L);
    }

    @ParameterizedTest
    @EnumSource(HeapKind.class)
    void recursion(HeapKind heap) {
        LowLevelGraph fib = Samples.fib();
        assertThat(Running.call(heap, toy.program(fib), fib, 20L)).isEqualTo(6765L);
    }

    /** Flow graphs switch on the host's {@code PyBool}s, low-level ones on Java's; both work. */
    @ParameterizedTest
    @EnumSource(HeapKind.class)
    void exitCasesMayBeHostBools(HeapKind heap) {
        var g = new GraphBuilder("isNegative", SIGNED, SIGNED);
        var b = g.start();
        var yes = g.toReturn(signed(1));
        var no = g.toReturn(signed(0));
        b.block().exitswitch = b.op(INT_LT, BOOL, b.arg(0), signed(0));
        b.block().closeblock(new Link(no.args(), no.block(), PyBool.FALSE), new Link(yes.args(), yes.block(), PyBool.TRUE));
        assertThat(Running.call(heap, toy.program(g.graph()), g.graph(), -5L)).isEqualTo(1L);
        assertThat(Running.call(heap, toy.program(g.graph()), g.graph(), 5L)).isEqualTo(0L);
    }
}
