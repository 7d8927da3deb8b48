package dev.taipan.rtyper.bench;

import static dev.taipan.rtyper.lltype.Primitive.SIGNED;

import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.memory.Heap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one field access in the native heap, fast and checked: walking a linked list of
 * {@value #NODES} nodes does one pointer load and one {@code Signed} load and store per node,
 * so a result is the time of those three accesses (the llinterp's {@code getfield} and
 * {@code setfield} pay this plus its own dispatch).
 *
 * <pre>./mvnw -Pbench -DskipTests verify -pl stage01-flowgraph,stage02-annotator,stage03-rtyper -Dtaipan.bench.skip.stage01=true -Dtaipan.bench.skip.stage02=true -Djmh.args=HeapBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HeapBenchmark {

    static final int NODES = 1000;
    private static final GcStruct NODE = GcStruct.forward("Node");
    private static final long VALUE;
    private static final long NEXT;

    static {
        NODE.become(new Field("value", SIGNED), new Field("next", new Ptr(NODE)));
        VALUE = Layout.offsetOf(NODE, "value");
        NEXT = Layout.offsetOf(NODE, "next");
    }

    @Param({"fast", "checked"})
    public String mode;

    private Heap heap;
    private long head;

    @Setup
    public void build() {
        heap = mode.equals("fast") ? Heap.fast() : Heap.checked();
        for (int i = 0; i < NODES; i++) {
            long node = heap.malloc(NODE);
            heap.storeSigned(node, VALUE, i);
            heap.storePtr(node, NEXT, head);
            head = node;
        }
    }

    @TearDown
    public void close() {
        heap.close();
    }

    /** Per node: load the value, store it plus one, load the next pointer. */
    @Benchmark
    @OperationsPerInvocation(NODES)
    public long walkAndIncrement() {
        long sum = 0;
        for (long p = head; p != 0; p = heap.loadPtr(p, NEXT)) {
            long v = heap.loadSigned(p, VALUE);
            heap.storeSigned(p, VALUE, v + 1);
            sum += v;
        }
        return sum;
    }
}
