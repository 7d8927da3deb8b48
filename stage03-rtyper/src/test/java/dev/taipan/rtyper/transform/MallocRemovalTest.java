package dev.taipan.rtyper.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.rtyper.rtyper.WellFormed;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malloc removal on small programs: the objects that never leave their graph are gone (the
 * range and its iterator of a {@code for} loop, a tuple unpacked where it is made, an instance
 * with a parent read in place), the ones that escape stay, and every program prints what it
 * printed before, on the checked heap.
 */
class MallocRemovalTest {

    @TempDir
    Path dir;

    private Path write(String source) throws IOException {
        return Files.writeString(dir.resolve("prog.py"), source);
    }

    @Test
    void theRangeAndItsIteratorOfAForLoopAreGone() throws IOException {
        Path file = write("""
                def total(n):
                    s = 0
                    for i in range(n):
                        s += i
                    for j in range(n, 0, -2):
                        s += j
                    return s

                def entry_point(argv):
                    print(total(len(argv) * 10))
                    return 0
                """);
        LowLevelProgram program = Optimised.rtype(file);
        Optimised.Run before = Optimised.run(program, file);
        LowLevelGraph total = Optimised.graph(program, "total");
        assertThat(Optimised.opnames(total)).contains("malloc");
        assertThat(MallocRemoval.removeMallocs(total)).isEqualTo(4);
        assertThat(Optimised.opnames(total)).doesNotContain("malloc", "getfield", "setfield");
        WellFormed.check(total);
        assertThat(Optimised.run(program, file)).isEqualTo(before);
        assertThat(before.out()).isEqualTo("75\n");
    }

    private static long mallocs(LowLevelGraph g) {
        return Optimised.opnames(g).stream().filter("malloc"::equals).count();
    }

    @Test
    void anObjectThatEscapesStaysAndOneThatDoesNotGoes() throws IOException {
        Path file = write("""
                class P(object):
                    def __init__(self, x):
                        self.x = x

                def f(n):
                    local = P(n)              # read in place: taken apart
                    kept = P(n + 1)           # stored in a list: stays
                    box = [kept]
                    back = P(n + 2)           # returned: stays
                    back.x += local.x + box[0].x
                    return back

                def entry_point(argv):
                    print(f(len(argv)).x)
                    return 0
                """);
        LowLevelProgram program = new Inlining().apply(Optimised.rtype(file));
        Optimised.Run before = Optimised.run(program, file);
        LowLevelGraph f = Optimised.graph(program, "f");
        long made = mallocs(f);
        assertThat(MallocRemoval.removeMallocs(f)).isEqualTo(1);
        assertThat(mallocs(f)).isEqualTo(made - 1);
        WellFormed.check(f);
        assertThat(Optimised.run(program, file)).isEqualTo(before);
        assertThat(before.out()).isEqualTo("6\n");
    }

    @Test
    void twoObjectsMeetingInOneVariableStayAndAnObjectHeldOnlyByAnotherGoesInTheNextSweep() throws IOException {
        Path file = write("""
                class P(object):
                    def __init__(self, x):
                        self.x = x

                class Box(object):
                    def __init__(self, p):
                        self.p = p

                def f(n):
                    if n > 1:
                        q = P(n)
                    else:
                        q = P(-n)             # two objects, one variable: which one is not known here
                    inner = P(n * 3)
                    outer = Box(inner)        # inner escapes into outer until outer is taken apart
                    return q.x + outer.p.x

                def entry_point(argv):
                    print(f(len(argv)))
                    return 0
                """);
        LowLevelProgram program = new Inlining().apply(Optimised.rtype(file));
        Optimised.Run before = Optimised.run(program, file, "a");
        LowLevelGraph f = Optimised.graph(program, "f");
        long made = mallocs(f);
        assertThat(made).isEqualTo(4);
        assertThat(MallocRemoval.removeMallocs(f)).isEqualTo(2);
        assertThat(mallocs(f)).isEqualTo(2);
        WellFormed.check(f);
        assertThat(Optimised.run(program, file, "a")).isEqualTo(before);
        assertThat(before.out()).isEqualTo("8\n");
    }
}
