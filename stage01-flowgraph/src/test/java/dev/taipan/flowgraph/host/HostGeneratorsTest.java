package dev.taipan.flowgraph.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generators run on the re-entrant eval loop: suspension, send, throw, close, yield from. */
class HostGeneratorsTest {
    @TempDir
    Path dir;

    private String out(String program) {
        HostRun r = HostRun.run(dir, program);
        assertThat(r.err()).isEmpty();
        return r.out();
    }

    @Test
    void generatorsAreLazyAndResumable() {
        assertThat(out("""
                def count(n):
                    print("start")
                    for i in range(n):
                        yield i
                    print("end")
                g = count(2)
                print("created")
                print(next(g), next(g), next(g, "done"))
                print(list(x * 2 for x in range(4)), sum(count(3)))
                """)).isEqualTo("created\nstart\nend\n0 1 done\nstart\nend\n[0, 2, 4, 6] 3\n");
    }

    @Test
    void sendThrowAndClose() {
        assertThat(out("""
                def acc():
                    total = 0
                    try:
                        while True:
                            try:
                                x = yield total
                            except ValueError:
                                x = 100
                            total += x
                    finally:
                        print("closed at", total)
                g = acc()
                print(next(g), g.send(5), g.send(2), g.throw(ValueError))
                g.close()
                """)).isEqualTo("0 5 7 107\nclosed at 107\n");
    }

    @Test
    void yieldFromDelegatesAndReturnsTheValue() {
        assertThat(out("""
                def inner():
                    a = yield 1
                    b = yield a + 1
                    return a + b
                def outer():
                    r = yield from inner()
                    yield "result %d" % r
                    yield from [7, 8]
                g = outer()
                print(next(g), g.send(10), g.send(20), list(g))
                """)).isEqualTo("1 11 result 30 [7, 8]\n");
    }

    @Test
    void stopIterationInsideAGeneratorBecomesRuntimeError() {
        HostRun r = HostRun.run(dir, """
                def g():
                    yield 1
                    raise StopIteration
                list(g())
                """);
        assertThat(r.lastErrLine()).isEqualTo("RuntimeError: generator raised StopIteration");
    }

    @Test
    void exceptionsInGeneratorsHaveTheirFramesInTheTraceback() {
        HostRun r = HostRun.run(dir, """
                def g():
                    yield 1
                    yield 1 // 0
                for x in g():
                    pass
                """);
        assertThat(r.err()).contains("line 4, in <module>\n").contains("line 3, in g\n    yield 1 // 0\n");
        assertThat(r.lastErrLine()).isEqualTo("ZeroDivisionError: integer division or modulo by zero");
    }

    @Test
    void iteratorProtocolOnUserClasses() {
        assertThat(out("""
                class Countdown:
                    def __init__(self, n): self.n = n
                    def __iter__(self): return self
                    def __next__(self):
                        if self.n == 0:
                            raise StopIteration
                        self.n -= 1
                        return self.n
                class Squares:
                    def __getitem__(self, i):
                        if i >= 3: raise IndexError
                        return i * i
                print(list(Countdown(3)), list(Squares()), 2 in Countdown(5), next(iter(Countdown(2))))
                """)).isEqualTo("[2, 1, 0] [0, 1, 4] True 1\n");
    }
}
