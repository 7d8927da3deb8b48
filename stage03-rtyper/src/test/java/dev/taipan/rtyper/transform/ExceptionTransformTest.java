package dev.taipan.rtyper.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.lloperation.LLOp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exception transform on small programs: each runs in the llinterp before the transform
 * (exception links, Java unwinding) and after it (the pending exception, checks after calls),
 * and must give the same result, output and report, traceback lines included; and the
 * transformed graphs have no exception links left.
 */
class ExceptionTransformTest {

    @TempDir
    Path dir;

    private static final String PROGRAM = """
            from rpython.rlib.rarithmetic import ovfcheck

            class Oops(Exception):
                def __init__(self, n):
                    self.n = n

            def leaf(n):
                if n > 5:
                    raise Oops(n)
                return n * 2

            def middle(n):
                return leaf(n) + 1

            def top(n):
                return middle(n) + 1

            def caught_in_caller(n):
                try:
                    return leaf(n)
                except Oops as e:
                    return -e.n

            def through_three(n):
                return top(n)

            def overflow(n):
                try:
                    return ovfcheck(n * n)
                except OverflowError:
                    return -1

            def overflow_uncaught(n):
                return ovfcheck(n + 9223372036854775800)

            def with_finally(n):
                total = 0
                try:
                    total = top(n)
                finally:
                    print(total)
                return total

            def reraise(n):
                try:
                    return top(n)
                except Oops:
                    print("re-raising")
                    raise

            def in_a_loop(n):
                caught = 0
                i = 0
                while i < n:
                    try:
                        leaf(i)
                    except Oops:
                        caught += 1
                    i += 1
                return caught

            def pure(n):
                return n * 3 + 1

            def calls_pure(n):
                return pure(n) + pure(n + 1)

            def deep(n):
                if n < 0:
                    return 0
                return deep(n + 1) + 1

            def recursion(n):
                try:
                    return deep(n)
                except RecursionError:
                    return -7
            """;

    private void sameBeforeAndAfter(String function, long... args) throws IOException {
        Object[] boxed = java.util.Arrays.stream(args).boxed().toArray();
        Transformed.Run before = Transformed.run(dir, PROGRAM, function, OptLevel.NONE, boxed);
        for (OptLevel level : List.of(OptLevel.O0, OptLevel.O1, OptLevel.O2)) {
            Transformed.Run after = Transformed.run(dir, PROGRAM, function, level, boxed);
            assertThat(after).as("%s%s at --opt=%s against the rtyper's graphs", function, java.util.Arrays.toString(args), level)
                    .isEqualTo(before);
        }
    }

    @Test
    void aRaiseCaughtInTheCaller() throws IOException {
        sameBeforeAndAfter("caught_in_caller", 3);
        sameBeforeAndAfter("caught_in_caller", 9);
        assertThat(Transformed.run(dir, PROGRAM, "caught_in_caller", OptLevel.O0, 9L).result()).isEqualTo(-9L);
    }

    @Test
    void aRaiseThroughThreeFramesIsReportedWithTheSameTraceback() throws IOException {
        sameBeforeAndAfter("through_three", 2);
        sameBeforeAndAfter("through_three", 8);
        String report = Transformed.run(dir, PROGRAM, "through_three", OptLevel.O0, 8L).report();
        assertThat(report.lines().filter(l -> l.startsWith("  File")).map(l -> l.replaceAll(".*line ", "line ")))
                .containsExactly("line 25, in through_three", "line 16, in top", "line 13, in middle", "line 9, in leaf");
        assertThat(report).endsWith("Oops\n");
    }

    @Test
    void anOverflowCaughtAndUncaught() throws IOException {
        sameBeforeAndAfter("overflow", 3);
        sameBeforeAndAfter("overflow", 4_000_000_000L);
        sameBeforeAndAfter("overflow_uncaught", 1);
        sameBeforeAndAfter("overflow_uncaught", 100);
        assertThat(Transformed.run(dir, PROGRAM, "overflow", OptLevel.O0, 4_000_000_000L).result()).isEqualTo(-1L);
        assertThat(Transformed.run(dir, PROGRAM, "overflow_uncaught", OptLevel.O0, 100L).report()).endsWith("OverflowError\n");
    }

    @Test
    void aFinallyRunsOnBothPaths() throws IOException {
        sameBeforeAndAfter("with_finally", 1);
        sameBeforeAndAfter("with_finally", 7);
        assertThat(Transformed.run(dir, PROGRAM, "with_finally", OptLevel.O0, 7L).output()).isEqualTo("0\n");
    }

    @Test
    void aReraiseKeepsItsTraceback() throws IOException {
        sameBeforeAndAfter("reraise", 7);
        Transformed.Run run = Transformed.run(dir, PROGRAM, "reraise", OptLevel.O0, 7L);
        assertThat(run.output()).isEqualTo("re-raising\n");
        assertThat(run.report()).contains("line 9, in leaf");
    }

    @Test
    void anExceptionInALoop() throws IOException {
        sameBeforeAndAfter("in_a_loop", 20);
        assertThat(Transformed.run(dir, PROGRAM, "in_a_loop", OptLevel.O0, 20L).result()).isEqualTo(14L);
    }

    @Test
    void recursionTooDeepIsAPendingRecursionError() throws IOException {
        sameBeforeAndAfter("recursion", 0);
        assertThat(Transformed.run(dir, PROGRAM, "recursion", OptLevel.O0, 0L).result()).isEqualTo(-7L);
    }

    @Test
    void theTransformedGraphsHaveNoExceptionLinksAndNoRaisingOperations() throws IOException {
        LowLevelProgram program = Transformed.program(dir, PROGRAM, "in_a_loop", OptLevel.O0);
        assertThat(program.exceptions().pendingException()).isNotNull();
        for (LowLevelGraph g : program.graphs()) {
            NoExceptionLinks.check(g);
            for (Block b : g.graph().iterblocks()) {
                assertThat(b.canRaise()).isFalse();
                assertThat(b.exits).noneMatch(Link::isException);
                assertThat(b.operations).noneMatch(op -> op.op() == LLOp.INT_MUL_OVF || op.op() == LLOp.INT_ADD_OVF);
            }
            assertThat(g.graph().iterblocks()).doesNotContain(g.graph().exceptblock);
        }
    }

    @Test
    void theCheckerRefusesAGraphThatStillHasExceptionLinks() throws IOException {
        LowLevelProgram program = Transformed.program(dir, PROGRAM, "caught_in_caller", OptLevel.NONE);
        LowLevelGraph g = program.entry();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NoExceptionLinks.check(g))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not exception-transformed");
    }

    @Test
    void aCallOfAFunctionThatCannotRaiseGetsNoCheck() throws IOException {
        LowLevelProgram program = Transformed.program(dir, PROGRAM, "calls_pure", OptLevel.O0);
        List<SpaceOperation> ops = program.entry().graph().operations();
        assertThat(ops).filteredOn(op -> op.op() == LLOp.DIRECT_CALL).hasSize(2);
        assertThat(ops).noneMatch(op -> op.op() == LLOp.GETFIELD || op.op() == LLOp.DEBUG_RECORD_TRACEBACK);
        assertThat(Transformed.run(program, 4L).result()).isEqualTo(29L);
    }

    @Test
    void onlyRecursiveGraphsCheckTheStack() throws IOException {
        LowLevelProgram program = Transformed.program(dir, PROGRAM, "recursion", OptLevel.O0);
        for (LowLevelGraph g : program.graphs()) {
            boolean checks = g.graph().operations().stream().anyMatch(op -> op.op() == LLOp.STACK_CHECK);
            assertThat(checks).as(g.name()).isEqualTo(g.name().equals("deep"));
        }
    }
}
