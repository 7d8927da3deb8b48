package dev.taipan.rtyper.memory;

import static dev.taipan.rtyper.lltype.Primitive.ADDRESS;
import static dev.taipan.rtyper.lltype.Primitive.SIGNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.rtyper.image.Database;
import dev.taipan.rtyper.image.Image;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.image.Section;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.Struct;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Raw memory (PyPy's {@code llmemory}): blocks that {@code raw_malloc} gives and
 * {@code raw_free} takes back, read and written as words and bytes with no field named, copied
 * and cleared; and how the checked heap polices them: bounds, alignment, read-only prebuilt
 * data, freed blocks, double frees.
 */
class RawMemoryTest {

    static final Struct CELL = Struct.of("CELL", new Field("value", SIGNED), new Field("next", ADDRESS));
    static final GcStruct BOX = GcStruct.of("BOX", new Field("x", SIGNED), new Field("link", ADDRESS));

    static java.util.stream.Stream<Supplier<Heap>> heaps() {
        return HeapTest.heaps();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heaps")
    void aRawBlockHoldsWordsAndBytesAndTypedObjects(Supplier<Heap> heaps) {
        try (Heap heap = heaps.get()) {
            long block = heap.rawMalloc(64);
            assertThat(block % Layout.WORD).isZero();
            heap.rawStoreWord(block, 0, 42);
            heap.rawStoreWord(block, 8, block + 32);
            heap.rawStoreByte(block, 17, 0xFF);
            assertThat(heap.rawLoadWord(block, 0)).isEqualTo(42);
            assertThat(heap.rawLoadByte(block, 17)).isEqualTo(0xFF);
            // a struct carved out of the block is read with typed loads, as a collector's objects are
            long cell = block + 32;
            heap.storeSigned(cell, Layout.offsetOf(CELL, "value"), 7);
            heap.storeAddress(cell, Layout.offsetOf(CELL, "next"), block);
            assertThat(heap.rawLoadWord(block, 32)).isEqualTo(7);
            assertThat(heap.loadAddress(heap.rawLoadWord(block, 8), Layout.offsetOf(CELL, "next"))).isEqualTo(block);
            heap.rawFree(block);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heaps")
    void memcopyAndMemclear(Supplier<Heap> heaps) {
        try (Heap heap = heaps.get()) {
            long a = heap.rawMalloc(24);
            long b = heap.rawMalloc(24);
            for (int i = 0; i < 3; i++) {
                heap.rawStoreWord(a, 8 * i, 100 + i);
            }
            heap.rawMemcopy(a, b, 24);
            heap.rawMemclear(a, 16);
            assertThat(heap.rawLoadWord(b, 16)).isEqualTo(102);
            assertThat(heap.rawLoadWord(a, 0)).isZero();
            assertThat(heap.rawLoadWord(a, 8)).isZero();
            assertThat(heap.rawLoadWord(a, 16)).isEqualTo(102);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heaps")
    void aFreedBlockIsReusedNotUnmapped(Supplier<Heap> heaps) {
        try (Heap heap = heaps.get()) {
            // many more blocks than the checked heap's quarantine holds: memory is reused, and stays mapped
            long first = heap.rawMalloc(1 << 20);
            heap.rawFree(first);
            for (int i = 0; i < 200; i++) {
                long b = heap.rawMalloc(1 << 20);
                heap.rawStoreWord(b, (1 << 20) - 8, i);
                heap.rawFree(b);
            }
            if (!heap.isChecked()) {
                assertThat(heap.rawMalloc(1 << 20)).isEqualTo(first);   // the fast heap reuses at once
            }
        }
    }

    @Test
    void aNewRawBlockIsPoisonedInTheCheckedHeap() {
        try (Heap heap = Heap.checked()) {
            long b = heap.rawMalloc(16);
            assertThat(heap.rawLoadWord(b, 8)).isEqualTo(0xDBDBDBDBDBDBDBDBL);
            assertThat(heap.rawLoadByte(b, 3)).isEqualTo(0xDB);
        }
    }

    @Test
    void theCheckedHeapRefusesWhatNoCollectorMayDo() {
        try (Heap heap = Heap.checked()) {
            long b = heap.rawMalloc(24);
            assertThatThrownBy(() -> heap.rawLoadWord(b, 24))
                    .hasMessage("load of word at offset 24 of a raw block (size 24): out of bounds");
            assertThatThrownBy(() -> heap.rawStoreWord(b, 4, 1))
                    .hasMessage("store of word at offset 4 of a raw block (size 24): offset 4 is not aligned to 8 bytes");
            assertThatThrownBy(() -> heap.rawMemcopy(b, b + 8, 24))
                    .hasMessage("raw_memcopy to of 24 bytes at offset 8 of a raw block (size 24): out of bounds");
            assertThatThrownBy(() -> heap.rawFree(b + 8))
                    .hasMessageEndingWith(": it is 8 bytes into a raw block (size 24), not its start");
            heap.rawFree(b);
            assertThatThrownBy(() -> heap.rawLoadByte(b, 5))
                    .hasMessage("load of byte at offset 5 of a raw block (size 24): it was freed by raw_free (use after free)");
            assertThatThrownBy(() -> heap.loadSigned(b + 8, 0))
                    .hasMessage("load of Signed at offset 8 of a raw block (size 24): it was freed by raw_free (use after free)");
            assertThatThrownBy(() -> heap.rawMemclear(b, 8))
                    .hasMessageEndingWith("inside a raw block (size 24), freed by raw_free (use after free)");
            assertThatThrownBy(() -> heap.rawFree(b))
                    .hasMessageEndingWith(": the raw block there (size 24) was freed already");
            assertThatThrownBy(() -> heap.rawFree(0)).hasMessage("raw_free of NULL");
        }
    }

    @Test
    void rawAccessIntoATypedObjectReadsWordsHeaderIncludedButNotIntoReadOnlyData() {
        var db = new Database();
        Prebuilt ro = db.convert("ro", () -> new Prebuilt(BOX, Section.RODATA), p -> p.field("x").set(5L));
        Image image = db.layout();
        try (Heap heap = Heap.checked()) {
            long box = heap.malloc(BOX);
            heap.storeSigned(box, Layout.offsetOf(BOX, "x"), 9);
            assertThat(heap.rawLoadWord(box, 0)).isZero();   // the GC header: stage 04 fills it
            assertThat(heap.rawLoadWord(box, 8)).isEqualTo(9);
            heap.rawStoreWord(box, 0, 3);                      // a collector may write it
            assertThatThrownBy(() -> heap.rawStoreByte(box, 24, 1))
                    .hasMessage("store of byte at offset 24 of a GcStruct BOX (size 24): out of bounds");
            long r = heap.map(image, f -> 0).addressOf(ro);
            assertThat(heap.rawLoadWord(r, 8)).isEqualTo(5);
            assertThat(heap.loadAddress(r, Layout.offsetOf(BOX, "link"))).isZero();   // a prebuilt Address is NULL
            assertThatThrownBy(() -> heap.rawStoreWord(r, 8, 6)).hasMessage(
                    "store of word at offset 8 of a prebuilt GcStruct BOX (size 24): the object is read-only (prebuilt in RODATA)");
            assertThatThrownBy(() -> heap.loadSigned(box, Layout.offsetOf(BOX, "link"))).hasMessage(
                    "load of Signed at offset 16 of a GcStruct BOX (size 24): the field there is 'link', a Address");
        }
    }

    @Test
    void aPrebuiltAddressIsNull() {
        var p = new Prebuilt(BOX, Section.DATA);
        assertThatThrownBy(() -> p.field("link").set(0x1000L))
                .hasMessageContaining("a prebuilt Address is NULL (0), not 0x1000: an address is only known at run time");
    }
}
