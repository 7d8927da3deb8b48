package dev.taipan.rtyper.image;

import static dev.taipan.rtyper.lltype.Primitive.CHAR;
import static dev.taipan.rtyper.lltype.Primitive.SIGNED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.grading.Points;
import dev.taipan.rtyper.Exercised;
import dev.taipan.rtyper.lltype.Array;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.GcArray;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Struct;
import dev.taipan.rtyper.memory.Heap;
import dev.taipan.rtyper.memory.MappedImage;
import dev.taipan.rtyper.rtyper.Rtyping;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link Exercised#IMAGE_LINKER} must do, whoever wrote it: place every converted object,
 * and every object only pointers reach, once, word-aligned, one after another in its section;
 * copy their bytes; turn every pointer into a relocation. Run here against
 * {@link SectionLinker}; the exercises module runs the same tests against a student's linker
 * ({@code exercises/stage03/ex3}). The objects go through a {@link Database}, which calls the
 * linker in {@link Database#layout()}, as the rtyper does. The last tests map an image into the
 * checked heap and run rtyped programs, whose vtables, class names and prebuilt exceptions are
 * in the image.
 */
@Timeout(30)
class ImageLinkerContract {
    @TempDir
    Path dir;

    /** {@code GcStruct Node { value: Signed; next: Ptr(Node) }}: 24 bytes, {@code next} at 16. */
    private final GcStruct node = GcStruct.forward("Node");
    /** {@code GcStruct rpy_string { hash: Signed; chars: Array(Char) }}: 24 bytes and one per char. */
    private final GcStruct str = GcStruct.of("rpy_string", new Field("hash", SIGNED), new Field("chars", new Array(CHAR)));

    {
        node.become(new Field("value", SIGNED), new Field("next", new Ptr(node)));
    }

    private Prebuilt node(long value, Prebuilt next) {
        Prebuilt p = new Prebuilt(node, Section.DATA);
        p.field("value").set(value);
        p.field("next").set(next);
        return p;
    }

    private Prebuilt string(String s) {
        Prebuilt p = new Prebuilt(str, s.length(), Section.RODATA);
        p.field("hash").set((long) s.hashCode());
        for (int i = 0; i < s.length(); i++) {
            p.field("chars").item(i).set(s.charAt(i));
        }
        return p;
    }

    /** The image of {@code objects}, converted in this order, through a database (so through the linker under test). */
    private static Image link(Prebuilt... objects) {
        Database db = new Database();
        for (Prebuilt p : objects) {
            db.convert(p, () -> p, q -> { });
        }
        return db.layout();
    }

    private static long at(Image image, Prebuilt p) {
        return image.placement(p).offset();
    }

    private static Relocation.Address address(Image image, Prebuilt p) {
        return new Relocation.Address(image.placement(p).section(), image.placement(p).offset());
    }

    @Test
    @Points(1)
    void nothingConvertedGivesAnEmptyImage() {
        Image image = link();
        assertThat(image.objects()).isEmpty();
        assertThat(image.size(Section.RODATA)).isZero();
        assertThat(image.size(Section.DATA)).isZero();
        assertThat(image.relocations()).isEmpty();
    }

    @Test
    @Points(1)
    void aSingleObjectIsPlacedAtTheStartOfItsSection() {
        Prebuilt n = node(42, null);
        Image image = link(n);
        assertThat(image.objects()).containsExactly(n);
        assertThat(image.placement(n)).isEqualTo(new Image.Placement(Section.DATA, 0));
        assertThat(image.size(Section.DATA)).isEqualTo(24);
        assertThat(image.bytes(Section.DATA)).isEqualTo(n.bytes());
        assertThat(image.size(Section.RODATA)).isZero();
        assertThat(image.relocations()).as("a null pointer needs no relocation").isEmpty();
    }

    @Test
    @Points(2)
    void objectsFollowOneAnotherInConversionOrderEachInItsOwnSection() {
        Prebuilt a = node(1, null);
        Prebuilt s = string("hi");
        Prebuilt b = node(2, null);
        Prebuilt t = string("there");
        Image image = link(a, s, b, t);
        assertThat(image.objects()).containsExactly(a, s, b, t);
        assertThat(image.placement(a)).isEqualTo(new Image.Placement(Section.DATA, 0));
        assertThat(image.placement(b)).isEqualTo(new Image.Placement(Section.DATA, 24));
        assertThat(image.placement(s)).isEqualTo(new Image.Placement(Section.RODATA, 0));
        assertThat(image.placement(t).section()).isEqualTo(Section.RODATA);
        assertThat(image.size(Section.DATA)).isEqualTo(48);
    }

    @Test
    @Points(2)
    void everyObjectStartsAtAMultipleOfAWordAndSectionsAreWholeWords() {
        Prebuilt one = string("a");         // 25 bytes
        Prebuilt two = string("bc");        // 26
        Prebuilt three = string("def");     // 27
        Prebuilt five = string("ghijk");    // 29
        Image image = link(one, two, three, five);
        assertThat(List.of(at(image, one), at(image, two), at(image, three), at(image, five)))
                .as("offsets of strings of 25, 26, 27 and 29 bytes").containsExactly(0L, 32L, 64L, 96L);
        assertThat(image.size(Section.RODATA)).as("125 bytes, rounded up to a word").isEqualTo(128);
    }

    @Test
    @Points(2)
    void theSectionsHoldEveryObjectsBytesWithZerosBetween() {
        Prebuilt a = string("abc");
        Prebuilt b = string("hello, image");
        Prebuilt n = node(-7, null);
        Image image = link(a, n, b);
        byte[] rodata = image.bytes(Section.RODATA);
        byte[] expected = new byte[rodata.length];
        for (Prebuilt p : List.of(a, b)) {
            System.arraycopy(p.bytes(), 0, expected, (int) at(image, p), p.size());
        }
        assertThat(rodata).as("RODATA: each string's bytes at its place, zeros elsewhere").isEqualTo(expected);
        assertThat(image.bytes(Section.DATA)).isEqualTo(n.bytes());
    }

    @Test
    @Points(3)
    void aPointerBecomesARelocationToItsTargetsPlace() {
        Prebuilt a = node(1, null);
        Prebuilt b = node(2, a);
        a.field("next").set(b);
        Image image = link(a, b);
        assertThat(image.relocations()).containsExactlyInAnyOrder(
                new Relocation(Section.DATA, 16, new Relocation.Address(Section.DATA, 24)),
                new Relocation(Section.DATA, 24 + 16, new Relocation.Address(Section.DATA, 0)));
        ByteBuffer data = ByteBuffer.wrap(image.bytes(Section.DATA)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(data.getLong(16)).as("a pointer word holds 0 until the loader relocates it").isZero();
        assertThat(data.getLong(24 + 8)).isEqualTo(2);
    }

    @Test
    @Points(1)
    void aPointerIntoTheOtherSectionNamesThatSection() {
        GcStruct named = GcStruct.of("Named", new Field("n", SIGNED), new Field("name", new Ptr(str)));
        Prebuilt s = string("x");
        Prebuilt p = new Prebuilt(named, Section.DATA);
        p.field("name").set(s);
        Image image = link(node(0, null), s, p);
        assertThat(image.relocations()).containsExactly(
                new Relocation(Section.DATA, 24 + 16, new Relocation.Address(Section.RODATA, 0)));
    }

    @Test
    @Points(1)
    void aFunctionPointerIsARelocationToItsSymbol() {
        FuncType fn = new FuncType(List.of(SIGNED), SIGNED);
        Struct vtable = Struct.of("vtable", new Field("id", SIGNED), new Field("method", new Ptr(fn)));
        Prebuilt first = string("pad");
        Prebuilt v = new Prebuilt(vtable, Section.RODATA);
        FunctionRef f = new FunctionRef("A.method", fn);
        v.field("method").set(f);
        Image image = link(first, v);
        assertThat(image.relocations()).containsExactly(new Relocation(Section.RODATA, 32 + 8, f));
    }

    @Test
    @Points(3)
    void objectsOnlyPointersReachComeAfterTheConvertedOnesBreadthFirst() {
        GcArray table = new GcArray(new Ptr(node));
        Prebuilt n3 = node(3, null);
        Prebuilt n1 = node(1, n3);
        Prebuilt n2 = node(2, n1);
        Prebuilt t = new Prebuilt(table, 3, Section.RODATA);
        t.item(0).set(n1);
        t.item(2).set(n2);
        Prebuilt extra = node(9, null);
        Image image = link(t, extra);
        assertThat(image.objects()).as("the converted table and node, then what the table reaches: its items in order, then n1's next")
                .containsExactly(t, extra, n1, n2, n3);
        assertThat(List.of(at(image, extra), at(image, n1), at(image, n2), at(image, n3))).containsExactly(0L, 24L, 48L, 72L);
        long items = Layout.itemsOffset(table);
        assertThat(image.relocations()).containsExactlyInAnyOrder(
                new Relocation(Section.RODATA, items, address(image, n1)),
                new Relocation(Section.RODATA, items + 16, address(image, n2)),
                new Relocation(Section.DATA, 24 + 16, address(image, n3)),
                new Relocation(Section.DATA, 48 + 16, address(image, n1)));
    }

    @Test
    @Points(2)
    void anObjectIsPlacedOnceHoweverManyPointToIt() {
        Prebuilt shared = string("shared");
        GcArray table = new GcArray(new Ptr(str));
        Prebuilt t1 = new Prebuilt(table, 2, Section.RODATA);
        Prebuilt t2 = new Prebuilt(table, 1, Section.RODATA);
        t1.item(0).set(shared);
        t1.item(1).set(shared);
        t2.item(0).set(shared);
        Prebuilt self = node(5, null);
        self.field("next").set(self);
        Image image = link(t1, self, t2);
        assertThat(image.objects()).containsExactly(t1, self, t2, shared);
        assertThat(image.relocations()).hasSize(4);
        assertThat(image.relocations()).filteredOn(r -> r.section() == Section.RODATA)
                .extracting(Relocation::target).containsOnly(address(image, shared));
        assertThat(image.relocations()).contains(new Relocation(Section.DATA, 16, new Relocation.Address(Section.DATA, 0)));
    }

    @Test
    @Points(2)
    void aLongListReachedOnlyThroughItsHeadIsLinkedWithoutDeepRecursion() {
        Prebuilt head = null;
        for (int i = 0; i < 100_000; i++) {
            head = node(i, head);
        }
        Image image = link(head);
        assertThat(image.objects()).hasSize(100_000);
        assertThat(image.relocations()).hasSize(100_000 - 1);
        assertThat(image.size(Section.DATA)).isEqualTo(24L * 100_000);
        Prebuilt last = image.objects().getLast();
        assertThat(last.field("value").get()).isEqualTo(0L);
        assertThat(at(image, last)).isEqualTo(24L * 99_999);
    }

    @Test
    @Points(2)
    void theImageMappedIntoTheHeapReadsBackThroughPlainLoads() {
        Prebuilt hello = string("hello");
        GcStruct named = GcStruct.forward("NamedNode");
        named.become(new Field("name", new Ptr(str)), new Field("next", new Ptr(named)), new Field("value", SIGNED));
        Prebuilt a = new Prebuilt(named, Section.DATA);
        Prebuilt b = new Prebuilt(named, Section.DATA);
        a.field("name").set(hello);
        a.field("next").set(b);
        a.field("value").set(10L);
        b.field("next").set(a);
        b.field("value").set(20L);
        Image image = link(string("first"), a, b);
        try (Heap heap = Heap.checked()) {
            MappedImage mapped = heap.map(image, f -> 0);
            long pa = mapped.addressOf(a);
            long pb = mapped.addressOf(b);
            assertThat(heap.loadPtr(pa, Layout.offsetOf(named, "next"))).isEqualTo(pb);
            assertThat(heap.loadPtr(pb, Layout.offsetOf(named, "next"))).isEqualTo(pa);
            assertThat(heap.loadSigned(pb, Layout.offsetOf(named, "value"))).isEqualTo(20);
            long s = heap.loadPtr(pa, Layout.offsetOf(named, "name"));
            assertThat(s).isEqualTo(mapped.addressOf(hello));
            assertThat(heap.loadSigned(s, Layout.lengthOffset(str))).isEqualTo(5);
            Array chars = (Array) str.field("chars").type();
            assertThat(heap.loadChar(s, Layout.offsetOf(str, "chars") + Layout.itemOffset(chars, 4))).isEqualTo('o');
        }
    }

    /** Methods called through vtable slots (function relocations), class attributes, and exceptions with messages. */
    private static final String ZOO = """
            class Animal:
                legs = 4

                def __init__(self, weight):
                    self.weight = weight

                def sound(self):
                    return 1

            class Bird(Animal):
                legs = 2

                def sound(self):
                    return 20

            class Fish(Animal):
                legs = 0

                def sound(self):
                    if self.weight > 0:
                        raise ValueError("fish are silent")
                    return 3

            def pick(i):
                if i % 3 == 0:
                    return Bird(i)
                if i % 3 == 1:
                    return Fish(i)
                return Animal(i)

            def census(n):
                total = 0
                i = 0
                while i < n:
                    a = pick(i)
                    try:
                        total += a.sound() * 100 + a.legs * 10 + a.weight
                    except ValueError:
                        total -= 1
                    i += 1
                if n > 20:
                    pick(1).sound()
                return total
            """;

    @Test
    @Points(3)
    void programsWithVtablesAndPrebuiltExceptionsRunAsOnTheHost() throws Exception {
        for (long n : new long[] {0, 4, 9, 21}) {
            Rtyping.assertRunsAsOnTheHost(dir, ZOO, "census", n);
        }
    }
}
