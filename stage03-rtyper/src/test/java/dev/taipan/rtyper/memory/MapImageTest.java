package dev.taipan.rtyper.memory;

import static dev.taipan.rtyper.lltype.Primitive.CHAR;
import static dev.taipan.rtyper.lltype.Primitive.SIGNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.rtyper.image.Database;
import dev.taipan.rtyper.image.FunctionRef;
import dev.taipan.rtyper.image.Image;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.image.Section;
import dev.taipan.rtyper.lltype.Array;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.GcArray;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Struct;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An image mapped into a heap reads back through plain loads, pointers and function ids included. */
class MapImageTest {

    private static final GcStruct NODE = HeapTest.NODE;
    private static final GcStruct STR = HeapTest.STR;
    private static final FuncType FN = new FuncType(List.of(SIGNED), SIGNED);
    private static final Struct VTABLE = Struct.of("vtable", new Field("name", new Ptr(STR)), new Field("method", new Ptr(FN)));
    private static final GcArray TABLE = new GcArray(new Ptr(VTABLE));

    static List<Supplier<Heap>> heaps() {
        return HeapTest.heaps().toList();
    }

    /** A cyclic pair of nodes, a table of two vtables, each naming a string and a function. */
    private static Database program(Map<String, Prebuilt> named) {
        var db = new Database();
        Prebuilt a = db.convert("a", () -> new Prebuilt(NODE, Section.DATA), p -> {
            p.field("value").set(10L);
            p.field("next").set(db.lookup("b"));
        });
        Prebuilt b = db.convert("b", () -> new Prebuilt(NODE, Section.DATA), p -> {
            p.field("value").set(20L);
            p.field("next").set(a);
        });
        Prebuilt table = db.convert("table", () -> new Prebuilt(TABLE, 2, Section.RODATA), p -> {
            for (int i = 0; i < 2; i++) {
                String cls = "C" + i;
                p.item(i).set(db.convert(cls, () -> new Prebuilt(VTABLE, Section.RODATA), v -> {
                    v.field("name").set(db.convert(cls + ".name", () -> string(cls), s -> { }));
                    v.field("method").set(new FunctionRef(cls + ".method", FN));
                }));
            }
        });
        named.putAll(Map.of("a", a, "b", b, "table", table));
        return db;
    }

    private static Prebuilt string(String s) {
        var p = new Prebuilt(STR, s.length(), Section.RODATA);
        for (int i = 0; i < s.length(); i++) {
            p.field("chars").item(i).set(s.charAt(i));
        }
        return p;
    }

    private static String loadString(Heap heap, long s) {
        long chars = Layout.offsetOf(STR, "chars");
        Array array = (Array) STR.field("chars").type();
        var sb = new StringBuilder();
        long n = heap.loadSigned(s, Layout.lengthOffset(STR));
        for (int i = 0; i < n; i++) {
            sb.append(heap.loadChar(s, chars + Layout.itemOffset(array, i)));
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heaps")
    void roundTripThroughMapAndLoads(Supplier<Heap> heaps) {
        var named = new java.util.HashMap<String, Prebuilt>();
        Image image = program(named).layout();
        Map<String, Long> functionIds = Map.of("C0.method", 1L, "C1.method", 2L);
        try (Heap heap = heaps.get()) {
            MappedImage mapped = heap.map(image, f -> functionIds.get(f.name()));
            long a = mapped.addressOf(named.get("a"));
            long b = mapped.addressOf(named.get("b"));
            long next = Layout.offsetOf(NODE, "next");
            assertThat(heap.loadPtr(a, next)).isEqualTo(b);
            assertThat(heap.loadPtr(b, next)).isEqualTo(a);
            assertThat(heap.loadSigned(heap.loadPtr(a, next), Layout.offsetOf(NODE, "value"))).isEqualTo(20);

            long table = mapped.addressOf(named.get("table"));
            assertThat(heap.loadSigned(table, Layout.lengthOffset(TABLE))).isEqualTo(2);
            for (int i = 0; i < 2; i++) {
                long vtable = heap.loadPtr(table, Layout.itemOffset(TABLE, i));
                assertThat(loadString(heap, heap.loadPtr(vtable, Layout.offsetOf(VTABLE, "name")))).isEqualTo("C" + i);
                assertThat(heap.loadPtr(vtable, Layout.offsetOf(VTABLE, "method"))).isEqualTo(i + 1);
            }
            // Prebuilt data is ordinary memory: the program may change what is in DATA.
            heap.storeSigned(a, Layout.offsetOf(NODE, "value"), 11);
            assertThat(heap.loadSigned(a, Layout.offsetOf(NODE, "value"))).isEqualTo(11);
        }
    }

    @Test
    void twoMappingsOfOneImageAreIndependentCopies() {
        var named = new java.util.HashMap<String, Prebuilt>();
        Image image = program(named).layout();
        try (Heap heap = Heap.fast()) {
            MappedImage one = heap.map(image, f -> 0);
            MappedImage two = heap.map(image, f -> 0);
            long a1 = one.addressOf(named.get("a"));
            long a2 = two.addressOf(named.get("a"));
            assertThat(a1).isNotEqualTo(a2);
            assertThat(heap.loadPtr(heap.loadPtr(a2, 16), 16)).isEqualTo(a2);
            assertThat(one.base(Section.RODATA)).isNotEqualTo(two.base(Section.RODATA));
        }
    }

    @Test
    void theCheckedHeapKnowsPrebuiltObjectsAndRefusesStoresIntoRodata() {
        var named = new java.util.HashMap<String, Prebuilt>();
        Image image = program(named).layout();
        try (Heap heap = Heap.checked()) {
            MappedImage mapped = heap.map(image, f -> 7);
            long table = mapped.addressOf(named.get("table"));
            long a = mapped.addressOf(named.get("a"));
            assertThatThrownBy(() -> heap.storePtr(table, Layout.itemOffset(TABLE, 0), 0))
                    .isInstanceOf(CheckedMemoryError.class)
                    .hasMessage("store of Ptr at offset 16 of a prebuilt GcArray(Ptr(Struct vtable)) of length 2 (size 32): "
                            + "the object is read-only (prebuilt in RODATA)");
            assertThatThrownBy(() -> heap.loadPtr(table, Layout.itemOffset(TABLE, 2)))
                    .hasMessage("load of Ptr at offset 32 of a prebuilt GcArray(Ptr(Struct vtable)) of length 2 (size 32): out of bounds");
            assertThatThrownBy(() -> heap.loadSigned(a, Layout.offsetOf(NODE, "next")))
                    .hasMessage("load of Signed at offset 16 of a prebuilt GcStruct Node (size 24): the field there is 'next', a Ptr");
        }
    }
}
