package dev.taipan.rtyper.llinterp;

import static dev.taipan.rtyper.llinterp.GraphBuilder.of;
import static dev.taipan.rtyper.llinterp.GraphBuilder.signed;
import static dev.taipan.rtyper.llinterp.GraphBuilder.v;
import static dev.taipan.rtyper.lloperation.LLOp.CAST_BOOL_TO_INT;
import static dev.taipan.rtyper.lloperation.LLOp.CAST_CHAR_TO_INT;
import static dev.taipan.rtyper.lloperation.LLOp.CAST_FLOAT_TO_INT;
import static dev.taipan.rtyper.lloperation.LLOp.CAST_POINTER;
import static dev.taipan.rtyper.lloperation.LLOp.GETARRAYITEM;
import static dev.taipan.rtyper.lloperation.LLOp.GETARRAYSIZE;
import static dev.taipan.rtyper.lloperation.LLOp.GETARRAYSUBSTRUCT;
import static dev.taipan.rtyper.lloperation.LLOp.GETFIELD;
import static dev.taipan.rtyper.lloperation.LLOp.GETINTERIORARRAYSIZE;
import static dev.taipan.rtyper.lloperation.LLOp.GETINTERIORFIELD;
import static dev.taipan.rtyper.lloperation.LLOp.GETSUBSTRUCT;
import static dev.taipan.rtyper.lloperation.LLOp.INT_ADD;
import static dev.taipan.rtyper.lloperation.LLOp.INT_MUL;
import static dev.taipan.rtyper.lloperation.LLOp.MALLOC;
import static dev.taipan.rtyper.lloperation.LLOp.MALLOC_VARSIZE;
import static dev.taipan.rtyper.lloperation.LLOp.PTR_EQ;
import static dev.taipan.rtyper.lloperation.LLOp.PTR_ISZERO;
import static dev.taipan.rtyper.lloperation.LLOp.SETARRAYITEM;
import static dev.taipan.rtyper.lloperation.LLOp.SETFIELD;
import static dev.taipan.rtyper.lloperation.LLOp.SETINTERIORFIELD;
import static dev.taipan.rtyper.lltype.Primitive.BOOL;
import static dev.taipan.rtyper.lltype.Primitive.CHAR;
import static dev.taipan.rtyper.lltype.Primitive.FLOAT;
import static dev.taipan.rtyper.lltype.Primitive.SIGNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.image.Section;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.GcArray;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Struct;
import dev.taipan.rtyper.memory.CheckedMemoryError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The memory operations over the native heap, fast and checked; the checked heap's catches. */
class MemoryOpsTest {

    private static final GcStruct NODE = GcStruct.forward("Node");
    private static final Ptr NODE_PTR = new Ptr(NODE);
    private static final GcArray ARRAY = new GcArray(SIGNED);
    private static final Struct POINT = Struct.of("Point", new Field("x", SIGNED), new Field("y", SIGNED));
    private static final GcArray POINTS = new GcArray(POINT);
    private static final GcStruct A = GcStruct.of("A", new Field("x", SIGNED));
    private static final GcStruct B = GcStruct.of("B", new Field("super", A), new Field("y", FLOAT));
    private static final GcStruct STR = ToyExceptions.STR;

    static {
        NODE.become(new Field("value", SIGNED), new Field("next", NODE_PTR), new Field("weight", FLOAT),
                new Field("flag", BOOL), new Field("letter", CHAR));
    }

    private final ToyProgram toy = new ToyProgram();

    /** Two nodes linked; every kind of field written, then read back through the link. */
    @ParameterizedTest
    @EnumSource(HeapKind.class)
    void structFields(HeapKind heap) {
        var g = new GraphBuilder("nodes", SIGNED, SIGNED);
        var b = g.start();
        var p = b.op(MALLOC, NODE_PTR, v(NODE));
        var q = b.op(MALLOC, NODE_PTR, v(NODE));
        b.op(SETFIELD, p, v("next"), q);
        b.op(SETFIELD, q, v("value"), b.arg(0));
        b.op(SETFIELD, q, v("weight"), of(2.5, FLOAT));
        b.op(SETFIELD, q, v("flag"), of(true, BOOL));
        b.op(SETFIELD, q, v("letter"), of('z', CHAR));
        var r = b.op(GETFIELD, NODE_PTR, p, v("next"));
        var sum = b.op(INT_ADD, SIGNED, b.op(GETFIELD, SIGNED, r, v("value")), b.op(CAST_CHAR_TO_INT, SIGNED, b.op(GETFIELD, CHAR, r, v("letter"))));
        sum = b.op(INT_ADD, SIGNED, sum, b.op(CAST_FLOAT_TO_INT, SIGNED, b.op(GETFIELD, FLOAT, r, v("weight"))));
        sum = b.op(INT_ADD, SIGNED, sum, b.op(CAST_BOOL_TO_INT, SIGNED, b.op(GETFIELD, BOOL, r, v("flag"))));
        // a fresh object is zero-filled: p.value is 0, q.next is null
        sum = b.op(INT_ADD, SIGNED, sum, b.op(GETFIELD, SIGNED, p, v("value")));
        sum = b.op(INT_ADD, SIGNED, sum, b.op(CAST_BOOL_TO_INT, SIGNED, b.op(PTR_ISZERO, BOOL, b.op(GETFIELD, NODE_PTR, q, v("next")))));
        b.jump(g.toReturn(sum));
        assertThat(Running.call(heap, toy.program(g.graph()), g.graph(), 1000L)).isEqualTo(1000L + 'z' + 2 + 1 + 0 + 1);
    }

    /** {@code a = [0] * n; a[0] = 10; a[i] = 20; return a[i] + a[0] + len(a)}. */
    @ParameterizedTest
    @EnumSource(HeapKind.class)
    void arrayItemsAndLength(HeapKind heap) {
        var g = new GraphBuilder("array", SIGNED, SIGNED, SIGNED);
        var b = g.start();
        var a = b.op(MALLOC_VARSIZE, new Ptr(ARRAY), v(ARRAY), b.arg(0));
        b.op(SETARRAYITEM, a, signed(0), signed(10));
        b.op(SETARRAYITEM, a, b.arg(1), signed(20));
        var sum = b.op(INT_ADD, SIGNED, b.op(GETARRAYITEM, SIGNED, a, b.arg(1)), b.op(GETARRAYITEM, SIGNED, a, signed(0)));
        b.jump(g.toReturn(b.op(INT_ADD, SIGNED, sum, b.op(GETARRAYSIZE, SIGNED, a))));
        assertThat(Running.call(heap, toy.program(g.graph()), g.graph(), 3L, 2L)).isEqualTo(33L);
    }

    /** An array of inlined structs: a pointer to item i, and the same field reached as an interior field. */
    @ParameterizedTest
    @EnumSource(HeapKind.class)
    void arrayOfStructs(HeapKind heap) {
        var g = new GraphBuilder("points", SIGNED, SIGNED);
        var b = g.start();
        var a = b.op(MALLOC_VARSIZE, new Ptr(POINTS), v(POINTS), signed(4));
        var pt = b.op(GETARRAYSUBSTRUCT, new Ptr(POINT), a, b.arg(0));
        b.op(SETFIELD, pt, v("y"), signed(7));
        b.op(SETINTERIORFIELD, a, signed(3), v("x"), signed(5));
        var y = b.op(GETINTERIORFIELD, SIGNED, a, b.arg(0), v("y"));
        var x = b.op(GETINTERIORFIELD, SIGNED, a, signed(3), v("x"));
        b.jump(g.toReturn(b.op(INT_ADD, SIGNED, b.op(INT_MUL, SIGNED, y, signed(10)), x)));
        assertThat(Running.call(heap, toy.program(g.graph()), g.graph(), 1L)).isEqualTo(75L);
    }

    /** A subclass's struct starts with its parent's: getsubstruct and cast_pointer reach the same bytes. */
    @ParameterizedTest
    @EnumSource(HeapKind.class)
    void inlinedParentStruct(HeapKind heap) {
        var g = new GraphBuilder("upcast", SIGNED);
        var b = g.start();
        var p = b.op(MALLOC, new Ptr(B), v(B));
        var sub = b.op(GETSUBSTRUCT, new Ptr(A), p, v("super"));
        b.op(SETFIELD, sub, v("x"), signed(5));
        var up = b.op(CAST_POINTER, new Ptr(A), p);
        var same = b.op(CAST_BOOL_TO_INT, SIGNED, b.op(PTR_EQ, BOOL, sub, up));
        b.jump(g.toReturn(b.op(INT_ADD, SIGNED, b.op(INT_MUL, SIGNED, b.op(GETFIELD, SIGNED, up, v("x")), signed(10)), same)));
        assertThat(Running.call(heap, toy.program(g.graph()), g.graph())).isEqualTo(51L);
    }

    /** A string, a struct ending in an array of chars: built with interior fields, returned, read from Java. */
    @ParameterizedTest
    @EnumSource(HeapKind.class)
    void varSizedStructWithInteriorFields(HeapKind heap) {
        var g = new GraphBuilder("abc", new Ptr(STR), SIGNED);
        var b = g.start();
        var s = b.op(MALLOC_VARSIZE, new Ptr(STR), v(STR), signed(3));
        b.op(SETINTERIORFIELD, s, v("chars"), signed(0), of('a', CHAR));
        b.op(SETINTERIORFIELD, s, v("chars"), b.arg(0), of('c', CHAR));
        var c = b.op(GETINTERIORFIELD, CHAR, s, v("chars"), signed(0));
        var n = b.op(GETINTERIORARRAYSIZE, SIGNED, s, v("chars"));
        var last = b.op(INT_ADD, SIGNED, n, signed(-2));
        b.op(SETINTERIORFIELD, s, v("chars"), last, b.op(GETINTERIORFIELD, CHAR, s, v("chars"), signed(0)));
        b.op(SETFIELD, s, v("hash"), b.op(CAST_CHAR_TO_INT, SIGNED, c));
        b.jump(g.toReturn(s));
        try (var run = new Running(heap, toy.program(g.graph()))) {
            long str = (Long) run.interp.call(g.graph(), 2L);
            assertThat(ToyExceptions.string(run.heap, str)).isEqualTo("aac");
            assertThat(run.heap.loadSigned(str, Layout.offsetOf(STR, "hash"))).isEqualTo('a');
        }
    }

    /** Prebuilt objects (a cycle of two nodes, a string) are constants pointing into the mapped image. */
    @ParameterizedTest
    @EnumSource(HeapKind.class)
    void prebuiltObjectsReadAndWrittenThroughTheImage(HeapKind heap) {
        var db = toy.database();
        Prebuilt first = db.convert("first", () -> new Prebuilt(NODE, Section.DATA), n -> {
            n.field("value").set(1L);
            n.field("next").set(db.lookup("second"));
        });
        db.convert("second", () -> new Prebuilt(NODE, Section.DATA), n -> {
            n.field("value").set(2L);
            n.field("next").set(first);
        });
        Prebuilt hello = toy.string("hello");
        var g = new GraphBuilder("walk", SIGNED);
        var b = g.start();
        var p = of(first, NODE_PTR);
        var second = b.op(GETFIELD, NODE_PTR, p, v("next"));
        b.op(SETFIELD, second, v("value"), signed(20));
        var back = b.op(GETFIELD, NODE_PTR, second, v("next"));
        var sum = b.op(INT_ADD, SIGNED, b.op(GETFIELD, SIGNED, back, v("value")), b.op(GETFIELD, SIGNED, second, v("value")));
        var e = b.op(GETINTERIORFIELD, CHAR, of(hello, new Ptr(STR)), v("chars"), signed(1));
        b.jump(g.toReturn(b.op(INT_ADD, SIGNED, b.op(INT_MUL, SIGNED, sum, signed(1000)), b.op(CAST_CHAR_TO_INT, SIGNED, e))));
        try (var run = new Running(heap, toy.program(g.graph()))) {
            assertThat(run.interp.call(g.graph())).isEqualTo(21_000L + 'e');
            assertThat(run.heap.loadSigned(run.interp.addressOf(first), Layout.offsetOf(NODE, "value"))).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(HeapKind.class)
    void aNullPointerIsCaughtInBothHeaps(HeapKind heap) {
        var g = new GraphBuilder("deref", SIGNED);
        var b = g.start();
        g.at(7);
        b.jump(g.toReturn(b.op(GETFIELD, SIGNED, of(null, NODE_PTR), v("value"))));
        assertThatThrownBy(() -> Running.call(heap, toy.program(g.graph()), g.graph()))
                .isInstanceOf(LLFatalError.class)
                .hasCauseInstanceOf(CheckedMemoryError.class)
                .hasMessageContaining("deref: ")
                .hasMessageContaining("getfield(NULL, 'value')")
                .hasMessageContaining("through a null pointer")
                .hasMessageContaining("File \"<low-level>\", line 7, in deref");
    }

    @Test
    void theCheckedHeapCatchesAnIndexOutOfBounds() {
        var g = new GraphBuilder("overrun", SIGNED, SIGNED);
        var b = g.start();
        var a = b.op(MALLOC_VARSIZE, new Ptr(ARRAY), v(ARRAY), signed(3));
        b.jump(g.toReturn(b.op(GETARRAYITEM, SIGNED, a, b.arg(0))));
        var program = toy.program(g.graph());
        assertThat(Running.call(HeapKind.CHECKED, program, g.graph(), 2L)).isEqualTo(0L);
        assertThatThrownBy(() -> Running.call(HeapKind.CHECKED, program, g.graph(), 3L))
                .isInstanceOf(LLFatalError.class)
                .hasCauseInstanceOf(CheckedMemoryError.class)
                .hasMessageContaining("getarrayitem");
    }

    @Test
    void theCheckedHeapRefusesStoresIntoReadOnlyPrebuiltData() {
        Prebuilt hello = toy.string("hello");
        var g = new GraphBuilder("scribble", SIGNED);
        var b = g.start();
        b.op(SETINTERIORFIELD, of(hello, new Ptr(STR)), v("chars"), signed(0), of('j', CHAR));
        b.jump(g.toReturn(signed(0)));
        assertThatThrownBy(() -> Running.call(HeapKind.CHECKED, toy.program(g.graph()), g.graph()))
                .isInstanceOf(LLFatalError.class)
                .hasCauseInstanceOf(CheckedMemoryError.class)
                .hasMessageContaining("setinteriorfield");
    }
}
