package dev.taipan.rtyper.llinterp;

import static dev.taipan.rtyper.llinterp.GraphBuilder.of;
import static dev.taipan.rtyper.llinterp.GraphBuilder.signed;
import static dev.taipan.rtyper.llinterp.GraphBuilder.v;
import static dev.taipan.rtyper.lloperation.LLOp.*;
import static dev.taipan.rtyper.lltype.Primitive.ADDRESS;
import static dev.taipan.rtyper.lltype.Primitive.BOOL;
import static dev.taipan.rtyper.lltype.Primitive.CHAR;
import static dev.taipan.rtyper.lltype.Primitive.FLOAT;
import static dev.taipan.rtyper.lltype.Primitive.SIGNED;
import static dev.taipan.rtyper.lltype.Primitive.VOID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Struct;
import dev.taipan.rtyper.memory.CheckedMemoryError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The operations of {@code llmemory} in the llinterp, on hand-built graphs: raw blocks
 * allocated, written and read with {@code raw_store}/{@code raw_load} of each kind, address
 * arithmetic, the casts between pointers, addresses and ints, copies and clears, and a free.
 */
class AddressOpsTest {

    private static final Struct CELL = Struct.of("CELL", new Field("value", SIGNED), new Field("next", ADDRESS));
    private static final Ptr CELL_PTR = new Ptr(CELL);
    private static final GcStruct BOX = GcStruct.of("BOX", new Field("x", SIGNED));

    private final ToyProgram toy = new ToyProgram();

    /**
     * Two cells in one raw block, the second linked from the first by address; every kind of
     * raw store read back; the block copied, cleared and freed.
     */
    @ParameterizedTest
    @EnumSource(HeapKind.class)
    void cellsInARawBlock(HeapKind heap) {
        long size = Layout.sizeOf(CELL);
        var g = new GraphBuilder("cells", SIGNED, SIGNED);
        var b = g.start();
        var block = b.op(RAW_MALLOC, ADDRESS, signed(2 * size + 16));
        var second = b.op(ADR_ADD, ADDRESS, block, signed(size));
        var c1 = b.op(CAST_ADR_TO_PTR, CELL_PTR, block);
        b.op(SETFIELD, c1, v("value"), b.arg(0));
        b.op(SETFIELD, c1, v("next"), second);
        b.op(RAW_STORE, VOID, second, signed(Layout.offsetOf(CELL, "value")), signed(20));
        b.op(RAW_STORE, VOID, block, signed(2 * size), of(0.5, FLOAT));
        b.op(RAW_STORE, VOID, block, signed(2 * size + 8), of('x', CHAR));
        b.op(RAW_STORE, VOID, block, signed(2 * size + 9), of(true, BOOL));
        // walk: c1.value + (c1.next).value, via a typed read of the link and a raw one of the value
        var link = b.op(GETFIELD, ADDRESS, c1, v("next"));
        var sum = b.op(INT_ADD, SIGNED, b.op(GETFIELD, SIGNED, c1, v("value")), b.op(RAW_LOAD, SIGNED, link, signed(0)));
        var half = b.op(RAW_LOAD, FLOAT, block, signed(2 * size));
        sum = b.op(INT_ADD, SIGNED, sum, b.op(CAST_FLOAT_TO_INT, SIGNED, b.op(FLOAT_MUL, FLOAT, half, of(4.0, FLOAT))));
        sum = b.op(INT_ADD, SIGNED, sum, b.op(CAST_CHAR_TO_INT, SIGNED, b.op(RAW_LOAD, CHAR, block, signed(2 * size + 8))));
        sum = b.op(INT_ADD, SIGNED, sum, b.op(CAST_BOOL_TO_INT, SIGNED, b.op(RAW_LOAD, BOOL, block, signed(2 * size + 9))));
        // distance and order; an address through an int and back
        sum = b.op(INT_ADD, SIGNED, sum, b.op(ADR_DELTA, SIGNED, second, block));
        var back = b.op(CAST_INT_TO_ADR, ADDRESS, b.op(CAST_ADR_TO_INT, SIGNED, second));
        sum = b.op(INT_ADD, SIGNED, sum, b.op(CAST_BOOL_TO_INT, SIGNED, b.op(ADR_EQ, BOOL, back, second)));
        sum = b.op(INT_ADD, SIGNED, sum, b.op(CAST_BOOL_TO_INT, SIGNED, b.op(ADR_LT, BOOL, block, second)));
        // copy the first cell over the second, clear the first: the second now holds the first's value
        b.op(RAW_MEMCOPY, VOID, block, second, signed(size));
        b.op(RAW_MEMCLEAR, VOID, block, signed(size));
        var copied = b.op(RAW_LOAD, SIGNED, second, signed(0));
        var cleared = b.op(GETFIELD, SIGNED, c1, v("value"));
        sum = b.op(INT_ADD, SIGNED, sum, b.op(INT_MUL, SIGNED, signed(1000), b.op(INT_ADD, SIGNED, copied, cleared)));
        b.op(RAW_FREE, VOID, block);
        b.jump(g.toReturn(sum));
        long expected = 5 + 20 + 2 + 'x' + 1 + size + 1 + 1 + 1000 * 5;
        assertThat(Running.call(heap, toy.program(g.graph()), g.graph(), 5L)).isEqualTo(expected);
    }

    /** A GC object's address reads its header and fields as words: what the collectors do. */
    @ParameterizedTest
    @EnumSource(HeapKind.class)
    void aGcObjectReadAsWords(HeapKind heap) {
        var g = new GraphBuilder("words", SIGNED);
        var b = g.start();
        var box = b.op(MALLOC, new Ptr(BOX), v(BOX));
        b.op(SETFIELD, box, v("x"), signed(41));
        var adr = b.op(CAST_PTR_TO_ADR, ADDRESS, box);
        var x = b.op(RAW_LOAD, SIGNED, b.op(ADR_ADD, ADDRESS, adr, signed(Layout.offsetOf(BOX, "x"))), signed(0));
        var header = b.op(RAW_LOAD, SIGNED, adr, signed(0));
        b.jump(g.toReturn(b.op(INT_ADD, SIGNED, x, b.op(INT_ADD, SIGNED, header, signed(1)))));
        assertThat(Running.call(heap, toy.program(g.graph()), g.graph())).isEqualTo(42L);
    }

    @Test
    void theCheckedHeapStopsAReadOfFreedMemory() {
        var g = new GraphBuilder("stale", SIGNED);
        var b = g.start();
        var block = b.op(RAW_MALLOC, ADDRESS, signed(32));
        b.op(RAW_FREE, VOID, block);
        g.at(3);
        b.jump(g.toReturn(b.op(RAW_LOAD, SIGNED, block, signed(16))));
        assertThatThrownBy(() -> Running.call(HeapKind.CHECKED, toy.program(g.graph()), g.graph()))
                .isInstanceOf(LLFatalError.class)
                .hasCauseInstanceOf(CheckedMemoryError.class)
                .hasMessageContaining("raw_load(")
                .hasMessageContaining("load of word at offset 16 of a raw block (size 32): it was freed by raw_free (use after free)")
                .hasMessageContaining("File \"<low-level>\", line 3, in stale");
    }

    @Test
    void aRawLoadOfAContainerIsAWrongGraph() {
        var g = new GraphBuilder("bad", SIGNED);
        var b = g.start();
        var block = b.op(RAW_MALLOC, ADDRESS, signed(32));
        b.op(RAW_LOAD, CELL, block, signed(0));
        b.jump(g.toReturn(signed(0)));
        assertThatThrownBy(() -> Running.call(HeapKind.FAST, toy.program(g.graph()), g.graph()))
                .hasMessageContaining("raw_load and raw_store move a Signed, Unsigned, Address, Float, Char, Bool or Ptr, not a Struct CELL");
    }
}
