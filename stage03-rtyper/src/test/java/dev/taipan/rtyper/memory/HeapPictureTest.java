package dev.taipan.rtyper.memory;

import static dev.taipan.rtyper.lltype.Primitive.SIGNED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.GcArray;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Strings;
import org.junit.jupiter.api.Test;

class HeapPictureTest {

    @Test
    void aStringIsItsHeaderItsHashSlotItsLengthAndItsChars() {
        try (Heap heap = Heap.checked()) {
            long s = HeapStrings.allocate(heap, "hi\n");
            String dot = HeapPicture.dot(heap, s, Strings.STR);
            assertThat(dot).contains("<b>rpy_string</b>")
                    .contains("(GC header)").contains(">hash<")
                    .contains(">chars.length</td><td align=\"left\">3<")
                    .contains(">chars[0]</td><td align=\"left\">'h'<")
                    .contains(">chars[2]</td><td align=\"left\">'\\x0a'<");
        }
    }

    @Test
    void pointersBecomeArrowsAndEachObjectIsDrawnOnce() {
        GcStruct node = GcStruct.forward("Node");
        node.become(new Field("value", SIGNED), new Field("next", new Ptr(node)));
        try (Heap heap = Heap.checked()) {
            long a = heap.malloc(node);
            long b = heap.malloc(node);
            long value = Layout.offsetOf(node, "value");
            long next = Layout.offsetOf(node, "next");
            heap.storeSigned(a, value, 7);
            heap.storeSigned(b, value, 8);
            heap.storePtr(a, next, b);
            heap.storePtr(b, next, a);   // a cycle: drawn as two boxes, two arrows
            String dot = HeapPicture.dot(heap, a, node);
            assertThat(dot.split("<b>Node</b>", -1)).hasSize(3);
            assertThat(dot).contains("o0:p" + next + " -> o1").contains("o1:p" + next + " -> o0")
                    .contains(">value</td><td align=\"left\">7<").contains(">value</td><td align=\"left\">8<");
        }
    }

    @Test
    void longArraysShowTheirFirstItemsAndHowManyAreLeft() {
        GcArray ints = new GcArray(SIGNED);
        try (Heap heap = Heap.checked()) {
            long arr = heap.mallocVarsize(ints, 100);
            heap.storeSigned(arr, Layout.itemOffset(ints, 3), -5);
            String dot = HeapPicture.dot(heap, arr, ints);
            assertThat(dot).contains(">length</td><td align=\"left\">100<")
                    .contains(">[3]</td><td align=\"left\">-5<")
                    .contains("[" + HeapPicture.MAX_ITEMS + "..99]")
                    .doesNotContain(">[" + HeapPicture.MAX_ITEMS + "]<");
        }
    }
}
