package dev.taipan.rtyper.memory;

import static dev.taipan.rtyper.lltype.Primitive.BOOL;
import static dev.taipan.rtyper.lltype.Primitive.CHAR;
import static dev.taipan.rtyper.lltype.Primitive.FLOAT;
import static dev.taipan.rtyper.lltype.Primitive.SIGNED;
import static dev.taipan.rtyper.lltype.Primitive.UNSIGNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.rtyper.lltype.Array;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.GcArray;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Struct;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What a correct program sees: the same in the fast and the checked heap. */
class HeapTest {

    static final GcStruct NODE = GcStruct.forward("Node");
    static final GcStruct STR = GcStruct.of("rpy_string", new Field("hash", SIGNED), new Field("chars", new Array(CHAR)));

    static {
        NODE.become(new Field("value", SIGNED), new Field("next", new Ptr(NODE)));
    }

    static Stream<Supplier<Heap>> heaps() {
        return Stream.of(named("fast", Heap::fast), named("checked", Heap::checked));
    }

    private static Supplier<Heap> named(String name, Supplier<Heap> make) {
        return new Supplier<>() {
            @Override
            public Heap get() {
                return make.get();
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heaps")
    void aLinkedListInNativeMemory(Supplier<Heap> heaps) {
        long value = Layout.offsetOf(NODE, "value");
        long next = Layout.offsetOf(NODE, "next");
        try (Heap heap = heaps.get()) {
            long head = 0;
            for (int i = 1; i <= 1000; i++) {
                long node = heap.malloc(NODE);
                assertThat(heap.loadSigned(node, value)).isZero();
                assertThat(heap.loadPtr(node, next)).isZero();
                heap.storeSigned(node, value, i);
                heap.storePtr(node, next, head);
                head = node;
            }
            long sum = 0;
            for (long p = head; p != 0; p = heap.loadPtr(p, next)) {
                sum += heap.loadSigned(p, value);
            }
            assertThat(sum).isEqualTo(500_500);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heaps")
    void everyKindOfValueRoundTrips(Supplier<Heap> heaps) {
        Struct inner = Struct.of("Inner", new Field("flag", BOOL), new Field("c", CHAR));
        GcStruct all = GcStruct.of("All", new Field("i", SIGNED), new Field("u", UNSIGNED), new Field("f", FLOAT),
                new Field("b", BOOL), new Field("c", CHAR), new Field("inner", inner));
        try (Heap heap = heaps.get()) {
            long p = heap.malloc(all);
            heap.storeSigned(p, Layout.offsetOf(all, "i"), Long.MIN_VALUE);
            heap.storeUnsigned(p, Layout.offsetOf(all, "u"), -1L);
            heap.storeFloat(p, Layout.offsetOf(all, "f"), Double.NaN);
            heap.storeBool(p, Layout.offsetOf(all, "b"), true);
            heap.storeChar(p, Layout.offsetOf(all, "c"), (char) 0xE9);
            long sub = p + Layout.offsetOf(all, "inner");   // getsubstruct: an interior pointer
            heap.storeChar(sub, Layout.offsetOf(inner, "c"), 'z');

            assertThat(heap.loadSigned(p, Layout.offsetOf(all, "i"))).isEqualTo(Long.MIN_VALUE);
            assertThat(heap.loadUnsigned(p, Layout.offsetOf(all, "u"))).isEqualTo(-1L);
            assertThat(heap.loadFloat(p, Layout.offsetOf(all, "f"))).isNaN();
            assertThat(heap.loadBool(p, Layout.offsetOf(all, "b"))).isTrue();
            assertThat(heap.loadChar(p, Layout.offsetOf(all, "c"))).isEqualTo((char) 0xE9);
            assertThat(heap.loadBool(sub, Layout.offsetOf(inner, "flag"))).isFalse();
            assertThat(heap.loadChar(p, Layout.offsetOf(all, "inner", "c"))).isEqualTo('z');
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heaps")
    void varsizedObjectsKnowTheirLength(Supplier<Heap> heaps) {
        GcArray longs = new GcArray(SIGNED);
        long chars = Layout.offsetOf(STR, "chars");
        Array charArray = (Array) STR.field("chars").type();
        try (Heap heap = heaps.get()) {
            long a = heap.mallocVarsize(longs, 100);
            assertThat(heap.loadSigned(a, Layout.lengthOffset(longs))).isEqualTo(100);
            for (int i = 0; i < 100; i++) {
                heap.storeSigned(a, Layout.itemOffset(longs, i), i * i);
            }
            assertThat(heap.loadSigned(a, Layout.itemOffset(longs, 99))).isEqualTo(9801);

            long s = heap.mallocVarsize(STR, 5);
            assertThat(heap.loadSigned(s, Layout.lengthOffset(STR))).isEqualTo(5);
            for (int i = 0; i < 5; i++) {
                heap.storeChar(s, chars + Layout.itemOffset(charArray, i), "hello".charAt(i));
            }
            var sb = new StringBuilder();
            for (int i = 0; i < 5; i++) {
                sb.append(heap.loadChar(s, chars + Layout.itemOffset(charArray, i)));
            }
            assertThat(sb).hasToString("hello");
            long empty = heap.mallocVarsize(new GcArray(CHAR), 0);
            assertThat(heap.loadSigned(empty, Layout.lengthOffset(new GcArray(CHAR)))).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heaps")
    void bigObjectsAndManyChunksAreZeroFilled(Supplier<Heap> heaps) {
        GcArray bytes = new GcArray(CHAR);
        try (Heap heap = heaps.get()) {
            long big = heap.mallocVarsize(bytes, 3 << 20);
            assertThat(heap.loadChar(big, Layout.itemOffset(bytes, (3 << 20) - 1))).isEqualTo((char) 0);
            for (int i = 0; i < 50_000; i++) {
                long node = heap.malloc(NODE);
                assertThat(heap.loadSigned(node, Layout.offsetOf(NODE, "value"))).isZero();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heaps")
    void bothHeapsReportANullPointer(Supplier<Heap> heaps) {
        try (Heap heap = heaps.get()) {
            assertThatThrownBy(() -> heap.loadSigned(0, 8))
                    .isInstanceOf(CheckedMemoryError.class).hasMessage("load of Signed at offset 8 through a null pointer");
            assertThatThrownBy(() -> heap.storePtr(0, 16, 0))
                    .hasMessage("store of Ptr at offset 16 through a null pointer");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heaps")
    void mallocWantsALengthExactlyForVarsizedTypes(Supplier<Heap> heaps) {
        try (Heap heap = heaps.get()) {
            assertThatThrownBy(() -> heap.malloc(STR))
                    .hasMessage("malloc of var-sized GcStruct rpy_string: use malloc_varsize with a length");
            assertThatThrownBy(() -> heap.mallocVarsize(NODE, 3))
                    .hasMessage("malloc_varsize of fixed-size GcStruct Node: use malloc");
            assertThatThrownBy(() -> heap.mallocVarsize(new GcArray(SIGNED), Long.MAX_VALUE / 4))
                    .isInstanceOf(OutOfMemoryError.class);
        }
    }
}
