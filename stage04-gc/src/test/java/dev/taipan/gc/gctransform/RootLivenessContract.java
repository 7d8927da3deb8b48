package dev.taipan.gc.gctransform;

import static dev.taipan.gc.GcPrograms.indexOfCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.flow.CheckGraph;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.grading.Points;
import dev.taipan.gc.Collector;
import dev.taipan.gc.Exercised;
import dev.taipan.gc.GcPrograms;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.transform.OptLevel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link Exercised#ROOT_LIVENESS} must do, whoever wrote it: say which GC pointers live
 * across each operation, so that {@link ShadowStackRoots} saves exactly those around the ones
 * that can collect. Run here against {@link BlockLiveness}; the exercises module runs the same
 * tests against a student's analysis ({@code exercises/stage04/ex2}).
 *
 * <p>Soundness (nothing live forgotten) is checked three ways: the pushes on small functions,
 * {@link RootsCheck} on every graph of small programs, and programs run under a copying
 * collector that collects at every allocation, where a pointer not saved points into the freed
 * from-space and fails at its first use on the checked heap. Precision (nothing dead, nothing
 * that is no GC pointer) is checked by counting what is pushed.
 */
@Timeout(120)
class RootLivenessContract {
    @TempDir
    Path dir;

    private static final String NODES = """
            class Node(object):
                def __init__(self, value):
                    self.value = value

            def make(n):
                return Node(n)

            def square(n):
                return n * n

            def two_live(n):
                a = Node(n)
                b = Node(n + 1)
                k = square(n)             # allocates nothing: no roots around it
                c = make(k)               # may collect: a and b are live after it, c is its own result
                return a.value + b.value + c.value

            def only_numbers(n):
                k = n * 2
                c = make(k)               # k is an int, c the result: nothing to save
                return k + c.value

            def dead_before(n):
                a = Node(n)
                x = a.value               # the last use of a
                c = make(x)               # a is dead here: nothing to save
                return x + c.value

            def one_at_a_time(n):
                a = Node(n)
                b = make(n)               # a is live (read below)
                c = make(a.value)         # a dead, b live
                d = make(b.value)         # only c
                return c.value + d.value

            def through_a_loop(n):
                a = Node(n)
                total = 0
                while total < n:
                    c = make(total)       # a lives across it, only through the loop's links
                    total += c.value + 1
                return a.value + total

            def f(n):
                return (two_live(n) + only_numbers(n) + dead_before(n) + one_at_a_time(n)
                        + through_a_loop(n))
            """;

    /** The functions of {@link #NODES} with their roots placed (at {@code --opt=0}: no inlining). */
    private LowLevelProgram nodes() throws IOException {
        return new ShadowStackRoots().apply(GcPrograms.lowLevel(dir, NODES, "f", OptLevel.O0));
    }

    /** The roots pushed in the graph {@code name}, one list per {@code gc_push_roots}. */
    private static List<List<Object>> pushes(LowLevelProgram program, String name) {
        return GcPrograms.operations(program, name).stream().filter(op -> op.op() == GcOp.GC_PUSH_ROOTS)
                .map(op -> List.<Object>copyOf(op.args())).toList();
    }

    @Test
    @Points(3)
    void pointersUsedAfterACallThatCanCollectArePushedAroundIt() throws IOException {
        LowLevelProgram program = nodes();
        LowLevelGraph g = GcPrograms.graph(program, "two_live");
        List<SpaceOperation> ops = GcPrograms.operations(program, "two_live");
        int call = indexOfCall(ops, "make");
        assertThat(ops.get(call - 1).op()).as("before make(k) in %s", ops).isEqualTo(GcOp.GC_PUSH_ROOTS);
        assertThat(ops.get(call - 1).args()).as("a and b are pushed around make(k)").hasSize(2)
                .allSatisfy(v -> assertThat(g.typeOf(v)).isInstanceOf(Ptr.class));
        assertThat(ops.get(call + 1).op()).isEqualTo(GcOp.GC_POP_ROOTS);
        assertThat(ops.get(indexOfCall(ops, "square") - 1).op()).as("square(n) cannot collect").isNotEqualTo(GcOp.GC_PUSH_ROOTS);
        RootsCheck.check(g, new CollectAnalysis(program.graphs()));
    }

    @Test
    @Points(2)
    void numbersAndTheOperationsOwnResultAreNeverPushed() throws IOException {
        assertThat(pushes(nodes(), "only_numbers")).as("pushes in only_numbers").isEmpty();
    }

    @Test
    @Points(2)
    void aPointerNoLongerUsedIsNotPushed() throws IOException {
        assertThat(pushes(nodes(), "dead_before")).as("pushes in dead_before: a is dead at make(x)").isEmpty();
    }

    @Test
    @Points(3)
    void eachCallSavesOnlyWhatLivesAcrossIt() throws IOException {
        LowLevelProgram program = nodes();
        assertThat(pushes(program, "one_at_a_time")).as("pushes in one_at_a_time: a, then b, then c")
                .hasSize(3).allSatisfy(p -> assertThat(p).hasSize(1));
    }

    @Test
    @Points(3)
    void aPointerTheBlockOnlyPassesOnIsPushed() throws IOException {
        LowLevelProgram program = nodes();
        LowLevelGraph g = GcPrograms.graph(program, "through_a_loop");
        assertThat(pushes(program, "through_a_loop")).as("pushes in through_a_loop").isNotEmpty()
                .allSatisfy(p -> assertThat(p).hasSize(1));
        RootsCheck.check(g, new CollectAnalysis(program.graphs()));
    }

    /** Lists that grow, dicts, strings, recursion: many helper graphs of stage 03, at --opt=2. */
    private static final String CONTAINERS = """
            class Tree(object):
                def __init__(self, left, right, label):
                    self.left = left
                    self.right = right
                    self.label = label

            def build(depth):
                if depth == 0:
                    return Tree(None, None, 'leaf')
                left = build(depth - 1)
                right = build(depth - 1)
                return Tree(left, right, 'node %d' % depth)

            def count(t):
                if t is None:
                    return 0
                return 1 + count(t.left) + count(t.right)

            def entry_point(argv):
                n = int(argv[1])
                trees = []
                by_label = {}
                words = []
                for i in range(n):
                    t = build(i % 4)
                    trees.append(t)
                    by_label[t.label + str(i)] = t
                    words.append(t.label[:4] + '-' + str(count(t)))
                total = 0
                for t in trees:
                    total += count(t)
                print(total, len(by_label), count(by_label['node 3' + str(3)]), ' '.join(words[:5]))
                return 0

            # args: 12
            # expect: 78 12 15 leaf-1 node-3 node-7 node-15 leaf-1
            """;

    @Test
    @Points(3)
    void everyGraphOfAProgramKeepsTheRootsInvariant() throws IOException {
        LowLevelProgram program = new ShadowStackRoots().apply(GcPrograms.lowLevel(dir, CONTAINERS, "entry_point", OptLevel.O2));
        CollectAnalysis collects = new CollectAnalysis(program.graphs());
        assertThat(program.graphs()).hasSizeGreaterThan(10);
        for (LowLevelGraph g : program.graphs()) {
            CheckGraph.checkgraph(g.graph());
            RootsCheck.check(g, collects);
        }
    }

    @Test
    @Points(4)
    void programsRunUnderACopyingCollectorThatCollectsAtEveryAllocation() throws Exception {
        GcPrograms.assertRuns(dir, "containers.py", CONTAINERS, Collector.SEMISPACE, true);
    }
}
