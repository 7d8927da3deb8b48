package dev.taipan.rtyper.memory;

import static dev.taipan.rtyper.lltype.Primitive.BOOL;
import static dev.taipan.rtyper.lltype.Primitive.CHAR;
import static dev.taipan.rtyper.lltype.Primitive.FLOAT;
import static dev.taipan.rtyper.lltype.Primitive.SIGNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.rtyper.lltype.Array;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.GcArray;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.Struct;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The checked heap catches each kind of wrong access and says what is really there. */
class CheckedHeapTest {

    private static final GcStruct NODE = HeapTest.NODE;
    private final Heap heap = Heap.checked();

    @AfterEach
    void close() {
        heap.close();
    }

    @Test
    void outOfBounds() {
        long node = heap.malloc(NODE);
        assertThatThrownBy(() -> heap.loadSigned(node, 24))
                .isInstanceOf(CheckedMemoryError.class)
                .hasMessage("load of Signed at offset 24 of a GcStruct Node (size 24): out of bounds");
        assertThatThrownBy(() -> heap.storeSigned(node, -8, 1))
                .hasMessage("store of Signed at offset -8 of a GcStruct Node (size 24): out of bounds");
    }

    @Test
    void anArrayIndexPastTheEndIsOutOfBoundsEvenWhenAnotherObjectFollows() {
        GcArray longs = new GcArray(SIGNED);
        long a = heap.mallocVarsize(longs, 3);
        heap.malloc(NODE);
        heap.storeSigned(a, Layout.itemOffset(longs, 2), 7);
        assertThatThrownBy(() -> heap.loadSigned(a, Layout.itemOffset(longs, 3)))
                .hasMessage("load of Signed at offset 40 of a GcArray(Signed) of length 3 (size 40): out of bounds");
    }

    @Test
    void theWrongKindOfField() {
        long node = heap.malloc(NODE);
        assertThatThrownBy(() -> heap.loadFloat(node, Layout.offsetOf(NODE, "value")))
                .hasMessage("load of Float at offset 8 of a GcStruct Node (size 24): the field there is 'value', a Signed");
        assertThatThrownBy(() -> heap.storeSigned(node, Layout.offsetOf(NODE, "next"), 42))
                .hasMessage("store of Signed at offset 16 of a GcStruct Node (size 24): the field there is 'next', a Ptr");
        assertThatThrownBy(() -> heap.loadUnsigned(node, Layout.offsetOf(NODE, "value")))
                .hasMessageEndingWith("the field there is 'value', a Signed");
    }

    @Test
    void insideAFieldPaddingAndTheGcHeader() {
        GcStruct s = GcStruct.of("S", new Field("c", CHAR), new Field("d", FLOAT));
        long p = heap.malloc(s);
        assertThatThrownBy(() -> heap.loadChar(p, 12))
                .hasMessage("load of Char at offset 12 of a GcStruct S (size 24): offset 12 is padding, no field is there");
        assertThatThrownBy(() -> heap.loadChar(p, 17))
                .hasMessage("load of Char at offset 17 of a GcStruct S (size 24): offset 17 is inside field 'd' (Float at offset 16)");
        assertThatThrownBy(() -> heap.storeSigned(p, 0, 1))
                .hasMessage("store of Signed at offset 0 of a GcStruct S (size 24): offset 0 is the GC header, which only the GC touches");
    }

    @Test
    void fieldsOfInlinedStructsAndOfArrayItemsAreNamedByTheirPath() {
        Struct point = Struct.of("Point", new Field("x", SIGNED), new Field("visible", BOOL));
        GcStruct base = GcStruct.of("Base", new Field("n", SIGNED));
        GcStruct sub = GcStruct.of("Sub", new Field("super", base), new Field("at", point));
        GcArray points = new GcArray(point);

        long p = heap.malloc(sub);
        heap.storeSigned(p, Layout.offsetOf(sub, "super", "n"), 1);
        heap.storeBool(p + Layout.offsetOf(sub, "at"), Layout.offsetOf(point, "visible"), true);
        assertThatThrownBy(() -> heap.loadSigned(p, Layout.offsetOf(sub, "at", "visible")))
                .hasMessageEndingWith("the field there is 'at.visible', a Bool");
        assertThatThrownBy(() -> heap.loadFloat(p, Layout.offsetOf(sub, "super", "n")))
                .hasMessageEndingWith("the field there is 'super.n', a Signed");

        long a = heap.mallocVarsize(points, 4);
        heap.storeSigned(a, Layout.itemOffset(points, 3) + Layout.offsetOf(point, "x"), 5);
        assertThatThrownBy(() -> heap.loadSigned(a, Layout.itemOffset(points, 2) + Layout.offsetOf(point, "visible")))
                .hasMessage("load of Signed at offset 56 of a GcArray(Struct Point) of length 4 (size 80): "
                        + "the field there is 'item 2.visible', a Bool");
        assertThatThrownBy(() -> heap.loadBool(a, Layout.itemOffset(points, 2) + 9))
                .hasMessageEndingWith("offset 57 is padding, no field is there");
    }

    @Test
    void theLengthWordIsASignedField() {
        GcStruct str = HeapTest.STR;
        long s = heap.mallocVarsize(str, 2);
        assertThat(heap.loadSigned(s, Layout.lengthOffset(str))).isEqualTo(2);
        assertThatThrownBy(() -> heap.loadChar(s, Layout.lengthOffset(str)))
                .hasMessage("load of Char at offset 16 of a GcStruct rpy_string of length 2 (size 26): "
                        + "the field there is 'chars.length', a Signed");
        long chars = Layout.offsetOf(str, "chars");
        Array charArray = (Array) str.field("chars").type();
        assertThatThrownBy(() -> heap.storeChar(s, chars + Layout.itemOffset(charArray, 2), 'x'))
                .hasMessage("store of Char at offset 26 of a GcStruct rpy_string of length 2 (size 26): out of bounds");
        assertThatThrownBy(() -> heap.storeChar(s, chars + Layout.itemOffset(charArray, 0), (char) 0x263A))
                .hasMessage("store of Char 9786: a Char is a byte 0..255");
    }

    @Test
    void aPointerIntoTheRedZoneOrAfterCloseIsNotInsideAnyObject() {
        long node = heap.malloc(NODE);
        assertThatThrownBy(() -> heap.loadSigned(node + 24, 0))
                .hasMessageMatching("load of Signed at offset 0 of address 0x[0-9a-f]+: not inside any live object");
        heap.close();
        assertThatThrownBy(() -> heap.loadSigned(node, 8)).hasMessageEndingWith("not inside any live object");
    }
}
