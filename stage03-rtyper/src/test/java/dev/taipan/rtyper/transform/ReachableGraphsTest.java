package dev.taipan.rtyper.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After inlining, the graphs nothing calls any more go: one inlined into its only caller; a
 * method reached only through its vtable (a function pointer of the image) stays, as does a
 * graph given as a root (the collector's entry points, which the GC transformer calls later) and
 * what it calls. The program runs the same.
 */
class ReachableGraphsTest {
    private static final String PROGRAM = """
            class Shape(object):
                def area(self):
                    return 0

            class Square(Shape):
                def __init__(self, side):
                    self.side = side

                def area(self):
                    return self.side * self.side

            def twice(n):
                return 2 * n

            def unused_helper(n):
                return n + 1

            def spare(n):
                return unused_helper(n) * 3

            def entry_point(argv):
                shapes = [Shape(), Square(len(argv) + 2)]
                total = 0
                for s in shapes:
                    total += s.area()
                print(twice(total))
                if len(argv) > 5:
                    print(spare(len(argv)))
                return 0
            """;

    @TempDir
    Path dir;

    @Test
    void whatNothingCallsGoesAndRootsStay() throws IOException {
        Path file = Files.writeString(dir.resolve("prog.py"), PROGRAM);
        LowLevelProgram program = new Inlining().apply(Optimised.rtype(file));
        Optimised.Run before = Optimised.run(program, file);
        LowLevelGraph spare = Optimised.graph(program, "spare");
        assertThat(names(program)).contains("twice", "spare", "unused_helper");

        LowLevelProgram reachable = new ReachableGraphs(List.of()).apply(program);
        assertThat(names(reachable)).doesNotContain("twice", "spare", "unused_helper")
                .contains("entry_point", "Square.area", "Shape.area");   // the methods: only through the vtables
        assertThat(Optimised.run(reachable, file)).isEqualTo(before);
        assertThat(before.out()).isEqualTo("18\n");

        assertThat(names(new ReachableGraphs(List.of(spare)).apply(program))).contains("spare");
    }

    private static List<String> names(LowLevelProgram program) {
        return program.graphs().stream().map(LowLevelGraph::name).toList();
    }
}
