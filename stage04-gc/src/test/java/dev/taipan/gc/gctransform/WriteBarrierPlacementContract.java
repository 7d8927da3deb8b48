package dev.taipan.gc.gctransform;

import static dev.taipan.gc.GcPrograms.indexOf;
import static dev.taipan.gc.GcPrograms.indexOfCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.grading.Points;
import dev.taipan.gc.Collector;
import dev.taipan.gc.Exercised;
import dev.taipan.gc.GcPrograms;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.transform.OptLevel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link Exercised#WRITE_BARRIER_PLACEMENT} must do, whoever wrote it: name the stores
 * that need a {@code gc_write_barrier}, all that may make an old object point to a young one
 * (soundness) and not the initializing stores of a new object (precision). Run here against
 * {@link InitializingStores}; the exercises module runs the same tests against a student's
 * analysis ({@code exercises/stage04/ex3}).
 *
 * <p>Precision is counted on small functions after {@link WriteBarriers}; soundness is counted
 * there too, and then checked by running programs whose old objects get young ones stored into
 * them under the generational collector: on the checked heap the nursery is freed at every
 * minor collection, so a young object an old one kept without a barrier is a read of freed
 * memory.
 */
@Timeout(120)
class WriteBarrierPlacementContract {
    @TempDir
    Path dir;

    private static final String STORES = """
            class Node(object):
                def __init__(self, value):
                    self.value = value
                    self.next = None

            class Pair(object):
                def __init__(self, first, second):
                    self.first = first
                    self.second = second

            def make(n):
                return Node(n)

            def square(n):
                return n * n

            def into_parameter(a, b):
                a.next = b                # a may be old, b young: a barrier

            def into_an_item(items, b):
                items[0] = b              # setarrayitem into a list's items: a barrier

            def into_a_dict(d, b):
                d['key'] = b              # stores into the dict's arrays: barriers (in ll_insert_new)

            def numbers_and_constants(a, n):
                a.value = n               # no pointer stored: none
                a.next = None             # null is never young: none

            def into_new(b):
                a = Node(1)               # young (or allocated old and remembered) ...
                a.next = b                # ... and nothing collected since: none
                return a

            def into_new_after_a_call(b):
                a = Node(1)
                c = make(2)               # may collect: a may have been promoted since
                a.next = b                # a barrier again
                return c

            def into_new_after_a_pure_call(b):
                a = Node(1)
                k = square(2)             # cannot collect
                a.next = b                # none
                return k

            def into_new_on_one_branch(b, n):
                a = Node(1)
                if n > 0:
                    a.next = b            # one link from the malloc, nothing collected: none
                return a

            def into_new_in_a_loop(b, n):
                a = Node(1)
                while n > 0:
                    a.next = b            # the second time round, make() has run: a barrier
                    b = make(n)
                    n -= 1
                return a

            def a_pair(n):
                return Pair(Node(n), Node(n + 1))   # the constructor's stores, once inlined: none

            def f(n):
                a = Node(n)
                into_parameter(a, a)
                into_an_item([a], a)
                into_a_dict({}, a)
                numbers_and_constants(a, n)
                into_new_after_a_call(into_new(a))
                into_new_after_a_pure_call(a)
                into_new_on_one_branch(a, n)
                into_new_in_a_loop(a, n)
                return a.value + a_pair(n).first.value
            """;

    /** The functions of {@link #STORES} after {@link WriteBarriers}, at {@code level}. */
    private LowLevelProgram stores(OptLevel level) throws IOException {
        return new WriteBarriers().apply(GcPrograms.lowLevel(dir, STORES, "f", level));
    }

    private static long barriers(LowLevelProgram program, String name) {
        return GcPrograms.count(program, name, GcOp.GC_WRITE_BARRIER);
    }

    @Test
    @Points(2)
    void aStoreIntoAParameterGetsABarrierOnThatObject() throws IOException {
        LowLevelProgram program = stores(OptLevel.O0);
        List<SpaceOperation> ops = GcPrograms.operations(program, "into_parameter");
        int store = indexOf(ops, LLOp.SETFIELD);
        assertThat(store).as("a barrier before the store in %s", ops).isPositive();
        assertThat(ops.get(store - 1).op()).as("before the store in %s", ops).isEqualTo(GcOp.GC_WRITE_BARRIER);
        assertThat(ops.get(store - 1).args()).as("the barrier is on the object stored into")
                .containsExactly(ops.get(store).args().getFirst());
        assertThat(barriers(program, "into_parameter")).isEqualTo(1);
    }

    @Test
    @Points(2)
    void aStoreIntoAListsItemsGetsABarrier() throws IOException {
        LowLevelProgram program = stores(OptLevel.O0);
        List<SpaceOperation> ops = GcPrograms.operations(program, "into_an_item");
        int store = indexOf(ops, LLOp.SETARRAYITEM);
        assertThat(store).as("a barrier before the setarrayitem in %s", ops).isPositive();
        assertThat(ops.get(store - 1).op()).as("before the setarrayitem in %s", ops).isEqualTo(GcOp.GC_WRITE_BARRIER);
        assertThat(barriers(program, "into_an_item")).isEqualTo(1);
    }

    @Test
    @Points(2)
    void aDictsInsertionStoresItsKeyAndValueBehindBarriers() throws IOException {
        LowLevelProgram program = stores(OptLevel.O0);
        List<LowLevelGraph> insert = program.graphs().stream().filter(g -> g.name().startsWith("ll_insert_new")).toList();
        assertThat(insert).as("stage 03's dict insertion helper").hasSize(1);
        assertThat(barrieredStores(insert.getFirst(), LLOp.SETARRAYITEM))
                .as("the key and the value stored into the dict's arrays, not its hash nor its valid flag")
                .isEqualTo(2);
        assertThat(GcPrograms.count(program, insert.getFirst().name(), GcOp.GC_WRITE_BARRIER)).isEqualTo(2);
    }

    @Test
    @Points(1)
    void storesOfNumbersAndConstantsGetNone() throws IOException {
        assertThat(barriers(stores(OptLevel.O0), "numbers_and_constants")).isZero();
    }

    @Test
    @Points(3)
    void aStoreIntoANewObjectGetsNone() throws IOException {
        LowLevelProgram program = stores(OptLevel.O0);
        assertThat(barriers(program, "into_new")).as("%s", GcPrograms.operations(program, "into_new")).isZero();
        assertThat(barriers(program, "into_new_after_a_pure_call")).as("after a call that cannot collect").isZero();
        assertThat(barriers(program, "into_new_on_one_branch")).as("in a block only the allocating block leads to").isZero();
    }

    @Test
    @Points(2)
    void theConstructorsStoresGetNoneOnceInlined() throws IOException {
        LowLevelProgram program = stores(OptLevel.O2);
        List<SpaceOperation> ops = GcPrograms.operations(program, "a_pair");
        assertThat(ops.stream().filter(op -> op.op() == LLOp.SETFIELD)).as("the stores of Pair.__init__, inlined").isNotEmpty();
        assertThat(barriers(program, "a_pair")).as("%s", ops).isZero();
    }

    @Test
    @Points(2)
    void aCallThatCanCollectBetweenTheAllocationAndTheStoreBringsTheBarrierBack() throws IOException {
        LowLevelProgram program = stores(OptLevel.O0);
        List<SpaceOperation> ops = GcPrograms.operations(program, "into_new_after_a_call");
        assertThat(barriers(program, "into_new_after_a_call")).as("%s", ops).isEqualTo(1);
        assertThat(indexOf(ops, GcOp.GC_WRITE_BARRIER)).isGreaterThan(indexOfCall(ops, "make"));
    }

    @Test
    @Points(2)
    void atALoopHeaderANewObjectMustBeNewOnEveryWayIn() throws IOException {
        LowLevelProgram program = stores(OptLevel.O0);
        assertThat(barriers(program, "into_new_in_a_loop")).as("%s", GcPrograms.operations(program, "into_new_in_a_loop"))
                .isEqualTo(1);
    }

    /** Young objects stored into old ones by field, item and dict stores; nurseries of garbage between. */
    private static final String OLD_AND_YOUNG = """
            class Node(object):
                def __init__(self, value):
                    self.value = value
                    self.next = None

            OLD = Node(-1)
            OLD_LIST = [None, None, None]
            OLD_DICT = {}

            def garbage(n):
                keep = []
                total = 0
                for i in range(n):
                    keep.append(Node(i))
                    if len(keep) == 10:
                        total += keep[9].value
                        keep = []
                return total

            def entry_point(argv):
                n = int(argv[1])
                promoted = [None, None]
                garbage(n)                                  # promoted is old from here on
                total = 0
                for r in range(3):
                    OLD.next = Node(r)                      # setfield into a prebuilt object
                    OLD_LIST[r] = Node(10 * r)              # setarrayitem into a prebuilt list
                    OLD_DICT['k%d' % r] = Node(100 * r)     # into a prebuilt dict's arrays
                    promoted[r % 2] = Node(1000 * r)        # setarrayitem into a promoted list
                    garbage(n)
                    total += OLD.next.value + OLD_LIST[r].value + OLD_DICT['k%d' % r].value + promoted[r % 2].value
                print(total, OLD_DICT['k1'].value, OLD_LIST[2].value)
                return 0

            # args: 30
            # expect: 3333 100 20
            """;

    @Test
    @Points(3)
    void oldObjectsKeepTheYoungObjectsStoredIntoThemUnderStress() throws Exception {
        GcPrograms.assertRuns(dir, "old_and_young.py", OLD_AND_YOUNG, Collector.GENERATIONAL, true);
    }

    @Test
    @Points(3)
    void promotedAndPrebuiltObjectsKeepTheirYoungObjectsWithARealNursery() throws Exception {
        GcPrograms.assertRuns(GcPrograms.resource(dir, "generational/old_points_to_young.py"), Collector.GENERATIONAL, false);
    }

    /** How many stores {@code op} of {@code g} have a barrier on their object right before them. */
    private static long barrieredStores(LowLevelGraph g, LLOp op) {
        long n = 0;
        for (var b : g.graph().iterblocks()) {
            for (int i = 1; i < b.operations.size(); i++) {
                SpaceOperation store = b.operations.get(i);
                SpaceOperation before = b.operations.get(i - 1);
                if (store.op() == op && before.op() == GcOp.GC_WRITE_BARRIER
                        && before.args().getFirst() == store.args().getFirst()) {
                    n++;
                }
            }
        }
        return n;
    }
}
