package dev.taipan.rtyper.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.rtyper.WellFormed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inlining on small programs: small callees vanish from their callers, recursive ones stay (a
 * small one is put into itself once, and still recurses), a callee that raises reaches the
 * caller's handler (inside a try) or the caller's caller, and the traceback of an uncaught
 * exception from an inlined callee is the one printed without inlining. Each program also runs
 * after malloc removal, and a tuple returned by an inlined callee is then gone while one that
 * escapes stays.
 */
class InliningTest {

    @TempDir
    Path dir;

    private Path write(String source) throws IOException {
        return Files.writeString(dir.resolve("prog.py"), source);
    }

    private static final String PROGRAM = """
            class Empty(Exception):
                pass

            def add(a, b):
                return a + b

            def pair(n):
                return (n, n * 2)

            def first(xs):
                if len(xs) == 0:
                    raise Empty()
                return xs[0]

            def fib(n):
                if n < 2:
                    return n
                return fib(n - 1) + fib(n - 2)

            def keep(n):
                t = pair(n)
                return [t]

            def compute(n):
                s = 0
                for i in range(n):
                    x, y = pair(i)
                    s = add(s, x + y)
                xs = [s]
                try:
                    s = add(s, first(xs[:n - 10]))
                except Empty:
                    s = -s
                return s + fib(10) + len(keep(n))

            def last(xs):
                return first(xs)

            def entry_point(argv):
                n = len(argv) * 10
                print(compute(n))
                print(compute(n + 1))
                print(last([n][:n - 10]))
                return 0
            """;

    @Test
    void smallCalleesVanishAndRecursiveOnesStay() throws IOException {
        Path file = write(PROGRAM);
        LowLevelProgram program = Optimised.rtype(file);
        Optimised.Run before = Optimised.run(program, file);
        new Inlining().apply(program);
        LowLevelGraph compute = Optimised.graph(program, "compute");
        assertThat(Optimised.callees(compute)).noneMatch(c -> c.contains("fn add)") || c.contains("fn pair)")
                || c.contains("fn first)")).anyMatch(c -> c.contains("fn fib)"));
        assertThat(Optimised.callees(Optimised.graph(program, "fib"))).anyMatch(c -> c.contains("fn fib)"));
        program.graphs().forEach(g -> {
            if (g.name().equals("compute") || g.name().equals("entry_point")) {
                WellFormed.check(g);
            }
        });
        Optimised.Run after = Optimised.run(program, file);
        assertThat(after).isEqualTo(before);
        assertThat(before.out()).isEqualTo("-79\n386\n");   // as CPython prints
        assertThat(before.report()).contains("line 12, in first", "line 37, in last", "line 43, in entry_point")
                .endsWith("Empty\n");
    }

    @Test
    void afterInliningTheTupleOfAnInlinedCalleeIsGoneAndTheEscapingOneStays() throws IOException {
        Path file = write(PROGRAM);
        LowLevelProgram program = Optimised.rtype(file);
        Optimised.Run before = Optimised.run(program, file);
        new MallocRemoval().apply(new Inlining().apply(program));
        LowLevelGraph compute = Optimised.graph(program, "compute");
        assertThat(compute.graph().operations()).noneMatch(op -> op.opname().equals("malloc")
                && op.args().getFirst().toString().matches(".*range.*"));   // the range and its iterator
        // pair's tuple unpacked in the loop is gone; keep's (inlined: called once) goes into a list and stays
        assertThat(compute.graph().operations()).filteredOn(op -> op.opname().equals("malloc")
                && op.args().getFirst().toString().contains("tuple2")).hasSize(1);
        assertThat(Optimised.run(program, file)).isEqualTo(before);
    }

    @Test
    void aCalleeCalledOnceIsInlinedWhateverTheThresholdUpToTheLimitForCalleesCalledOnce() throws IOException {
        Path file = write(PROGRAM);
        LowLevelProgram program = Optimised.rtype(file);
        new Inlining(0).apply(program);
        assertThat(Optimised.callees(Optimised.graph(program, "compute"))).anyMatch(c -> c.contains("fn add)"))
                .noneMatch(c -> c.contains("fn keep)"));   // keep is called once
        LowLevelProgram again = Optimised.rtype(file);
        new Inlining(0, 0).apply(again);
        assertThat(Optimised.callees(Optimised.graph(again, "compute"))).anyMatch(c -> c.contains("fn keep)"));
    }

    private static final String RERAISE = """
            class Fatal(Exception):
                pass

            def check(n):
                if n > 5:
                    raise Fatal()
                return n

            def strict(n):
                try:
                    return check(n) + 1
                except Fatal:
                    print("rethrowing")
                    raise

            def entry_point(argv):
                print(strict(len(argv)))
                print(strict(len(argv) * 10))
                return 0
            """;

    @Test
    void aRaiseRoutedToTheCallersHandlerAndRaisedAgainKeepsTheCalleesFrame() throws IOException {
        Path file = write(RERAISE);
        Optimised.Run before = Optimised.run(Optimised.rtype(file), file);
        assertThat(before.out()).isEqualTo("2\nrethrowing\n");
        assertThat(before.report()).contains("line 6, in check", "line 11, in strict", "line 18, in entry_point");

        LowLevelProgram inlined = new Inlining().apply(Optimised.rtype(file));
        assertThat(Optimised.callees(Optimised.graph(inlined, "strict"))).noneMatch(c -> c.contains("fn check)"));
        assertThat(Optimised.run(inlined, file)).isEqualTo(before);   // the llinterp's unwinding

        LowLevelProgram transformed = Pipeline.of(OptLevel.O2).run(Optimised.rtype(file));
        assertThat(Optimised.run(transformed, file)).isEqualTo(before);   // the exception transform's records
    }

    private static final String RECURSIVE = """
            def fib(n):
                if n < 2:
                    return n
                return fib(n - 1) + fib(n - 2)

            def walk(xs, i):
                if i >= len(xs):
                    return 0
                s = 0
                for j in range(i):
                    if xs[j] % 3 == 0:
                        s += xs[j] * 7 - j
                    elif xs[j] % 3 == 1:
                        s -= xs[j] // 2
                    else:
                        s += len(str(xs[j]))
                return s + walk(xs, i + 1)

            def depth(n):
                return depth(n + 1) + 1

            def entry_point(argv):
                print(fib(15), walk([4, 8, 15, 16, 23, 42], 0))
                try:
                    depth(0)
                except RecursionError:
                    print('too deep')
                return depth(len(argv))
            """;

    private static long selfCalls(LowLevelGraph g) {
        return Optimised.callees(g).stream().filter(c -> c.contains("fn " + g.name() + ")")).count();
    }

    @Test
    void aSmallFunctionThatCallsItselfIsInlinedIntoItselfOnceAndStillRecurses() throws IOException {
        Path file = write(RECURSIVE);
        LowLevelProgram program = Optimised.rtype(file);
        Optimised.Run before = Optimised.run(program, file);
        assertThat(before.out()).isEqualTo("610 289\ntoo deep\n");   // as CPython prints
        assertThat(before.report()).contains("line 20, in depth").endsWith("RecursionError: maximum recursion depth exceeded\n");
        LowLevelGraph fib = Optimised.graph(program, "fib");
        int fibCost = Inlining.cost(fib);
        assertThat(selfCalls(fib)).isEqualTo(2);

        new Inlining().apply(program);
        // each of fib's two calls became a copy of fib as it was, whose two calls stay calls
        assertThat(selfCalls(fib)).isEqualTo(4);
        assertThat(Inlining.cost(fib)).isGreaterThan(2 * fibCost);
        assertThat(selfCalls(Optimised.graph(program, "depth"))).isEqualTo(1);
        assertThat(Optimised.callees(Optimised.graph(program, "depth"))).hasSize(1);
        // walk is above the threshold: left as it was
        assertThat(selfCalls(Optimised.graph(program, "walk"))).isEqualTo(1);
        program.graphs().forEach(WellFormed::check);
        // the same output, and the runaway recursion still ends in RecursionError, its frames all named
        Optimised.Run after = Optimised.run(program, file);
        assertThat(after.out()).isEqualTo(before.out());
        assertThat(after.report()).contains("line 20, in depth").endsWith("RecursionError: maximum recursion depth exceeded\n");
        assertThat(Optimised.run(Pipeline.of(OptLevel.O2).run(Optimised.rtype(file)), file).out()).isEqualTo(before.out());
    }
}
