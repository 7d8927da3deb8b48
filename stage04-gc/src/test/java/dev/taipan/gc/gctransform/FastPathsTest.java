package dev.taipan.gc.gctransform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.CheckGraph;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyBool;
import dev.taipan.gc.Collector;
import dev.taipan.gc.GcParams;
import dev.taipan.gc.GcPrograms;
import dev.taipan.gc.GcStage;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.rtyper.LLStage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The inline fast paths ({@link FastPaths}): where the collector has a bump pointer, no call of
 * {@code gc_malloc_*} and no call of {@code gc_write_barrier} is left outside the slow branch of
 * its inline test; and the program runs right with them, on the checked heap, whose heap check
 * before and after every collection finds a bad header or an object that was not zero.
 */
class FastPathsTest {

    private static final String PROGRAM = """
            # expect: 45 3 -1
            # expect: 20000 0 abcabc
            # expect: 9
            # expect: 60 59 True
            class Node(object):
                def __init__(self, value, next):
                    self.value = value
                    self.next = next

            OLD = Node(-1, None)     # prebuilt: old from the start

            def build(n):
                head = None
                for i in range(n):
                    head = Node(i, head)          # fixed size, on the bump pointer
                return head

            def entry_point(argv):
                head = build(10)
                total = 0
                node = head
                while node is not None:
                    total += node.value
                    node = node.next
                items = [0] * (len(argv) + 2)     # var-sized, its length known only when it runs
                OLD.next = head                   # a young object into an old one: the barrier's call
                head.next = OLD                   # into a young one: its inline test alone
                print(total, len(items), OLD.value)
                big = [0] * 20000                 # larger than the inline limit of generational
                s = "abc" * (len(argv) + 1)
                print(len(big), big[19999], s)
                print(OLD.next.value)
                d = {}                            # a dict's new tables count on zeroed memory: empty slots
                for i in range(60):
                    d["k" + str(i)] = Node(i, None)
                print(len(d), d["k59"].value, "k60" not in d)
                return 0
            """;

    @ParameterizedTest
    @EnumSource(Collector.class)
    void noAllocationOrBarrierCallIsLeftOutsideASlowBranch(Collector collector, @TempDir Path dir) throws IOException {
        LowLevelProgram program = transformed(dir, collector);
        boolean inline = collector == Collector.SEMISPACE || collector == Collector.GENERATIONAL || collector == Collector.MINIMARK;
        int calls = 0;
        int slow = 0;
        for (LowLevelGraph g : program.graphs()) {
            CheckGraph.checkgraph(g.graph());
            Map<Block, List<Link>> entries = g.graph().mkentrymap();
            for (Block b : g.graph().iterblocks()) {
                for (SpaceOperation op : b.operations) {
                    String callee = callee(op);
                    boolean alloc = callee.startsWith("gc_malloc_fixedsize") || callee.startsWith("gc_malloc_varsize");
                    boolean barrier = callee.startsWith("gc_write_barrier");
                    if (!alloc && !barrier) {
                        continue;
                    }
                    calls++;
                    if (slowBranch(entries.get(b), barrier)) {
                        slow++;
                    }
                }
            }
        }
        assertThat(calls).as("calls of the collector's allocation and barrier").isPositive();
        if (inline) {
            assertThat(slow).as("calls in slow branches, of %d", calls).isEqualTo(calls);
        } else {
            assertThat(slow).as("%s has no fast path: every allocation is a call", collector.gcName()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Collector.class)
    void theProgramRunsOnTheCheckedHeapWithAndWithoutStress(Collector collector, @TempDir Path dir) throws Exception {
        GcPrograms.assertRuns(dir, "fast.py", PROGRAM, collector, false);
        GcPrograms.assertRuns(dir, "fast_stress.py", PROGRAM, collector, true);
    }

    /**
     * Whether the only way into a block is the slow exit of an inline test: the False exit of
     * {@code adr_le(new, top)} (or of the var-sized test that includes it), the True exit of the
     * barrier's {@code int_ne(header & flag, 0)}.
     */
    private static boolean slowBranch(List<Link> into, boolean barrier) {
        if (into == null || into.size() != 1) {
            return false;
        }
        Link l = into.getFirst();
        Block test = l.prevblock;
        if (l.exitcase != (barrier ? PyBool.TRUE : PyBool.FALSE)) {
            return false;
        }
        SpaceOperation sw = test.operations.stream().filter(op -> op.result() == test.exitswitch).findFirst().orElse(null);
        if (sw == null) {
            return false;
        }
        boolean bumps = test.operations.stream().anyMatch(op -> op.op() == LLOp.ADR_LE);
        boolean readsHeader = test.operations.stream().anyMatch(op -> op.op() == LLOp.RAW_LOAD);
        return barrier ? sw.op() == LLOp.INT_NE && readsHeader : bumps && (sw.op() == LLOp.ADR_LE || sw.op() == LLOp.INT_NE);
    }

    private static String callee(SpaceOperation op) {
        if (op.op() != LLOp.DIRECT_CALL || !(op.args().getFirst() instanceof Constant c)
                || !(((LLConstant) c.value()).value() instanceof LowLevelGraph g)) {
            return "";
        }
        return g.name();
    }

    private static LowLevelProgram transformed(Path dir, Collector collector) throws IOException {
        Path file = Files.writeString(dir.resolve("fast.py"), PROGRAM);
        PrintStream out = new PrintStream(new ByteArrayOutputStream());
        HostInterpreter host = new HostInterpreter(out, out, new ByteArrayInputStream(new byte[0]));
        return GcStage.translate(host, file, collector, LLStage.DEFAULT_OPT, GcParams.INTERPRETED.withHeapCheck(true));
    }
}
