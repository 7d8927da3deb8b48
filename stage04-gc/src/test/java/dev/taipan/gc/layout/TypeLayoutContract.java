package dev.taipan.gc.layout;

import static dev.taipan.rtyper.lltype.Primitive.ADDRESS;
import static dev.taipan.rtyper.lltype.Primitive.BOOL;
import static dev.taipan.rtyper.lltype.Primitive.CHAR;
import static dev.taipan.rtyper.lltype.Primitive.FLOAT;
import static dev.taipan.rtyper.lltype.Primitive.SIGNED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.grading.Points;
import dev.taipan.gc.Collector;
import dev.taipan.gc.Exercised;
import dev.taipan.gc.GcPrograms;
import dev.taipan.rtyper.lltype.Array;
import dev.taipan.rtyper.lltype.ContainerType;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.GcArray;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Strings;
import dev.taipan.rtyper.lltype.Struct;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link Exercised#TYPE_LAYOUT} must do, whoever wrote it: describe a type as a collector
 * needs it, its size and where its GC pointers are, in the fixed part and in one item. Run here
 * against {@link GcTypeLayout}; the exercises module runs the same tests against a student's
 * class ({@code exercises/stage04/ex1}).
 *
 * <p>The hand-written types are read through {@link TypeInfo#of}, as {@link TypeIds} reads them;
 * every expected offset is asked of stage 03's {@link Layout} by field name, so the tests say
 * <em>which</em> words are pointers. The last test runs a program under a collector that traces
 * every object by these maps, under {@code --gc-stress}: a pointer left out is an object not
 * copied, and its next use reads the freed from-space on the checked heap.
 */
@Timeout(120)
class TypeLayoutContract {
    @TempDir
    Path dir;

    private static final GcStruct NODE = GcStruct.forward("Node");

    static {
        NODE.become(new Field("value", SIGNED), new Field("next", new Ptr(NODE)));
    }

    private static TypeInfo info(int id, ContainerType type) {
        TypeInfo info = TypeInfo.of(id, type);
        assertThat(info.id()).as("the id given").isEqualTo(id);
        assertThat(info.type()).as("the type described").isEqualTo(type);
        return info;
    }

    @Test
    @Points(1)
    void aStructOfNumbersHasItsSizeAndNoPointers() {
        GcStruct point = GcStruct.of("Point", new Field("x", SIGNED), new Field("y", FLOAT), new Field("on", BOOL));
        TypeInfo p = info(7, point);
        assertThat(p.fixedSize()).as("fixedSize of %s", point).isEqualTo(Layout.sizeOf(point)).isEqualTo(32);
        assertThat(p.ptrOffsets()).as("GC pointers of %s", point).isEmpty();
        assertThat(p.varsize()).isFalse();
        assertThat(p.itemPtrOffsets()).isEmpty();
    }

    @Test
    @Points(2)
    void pointersToGcObjectsAreListedInOffsetOrder() {
        GcStruct node = GcStruct.forward("Named");
        node.become(new Field("value", SIGNED), new Field("next", new Ptr(node)), new Field("name", Strings.PTR),
                new Field("ratio", FLOAT), new Field("items", new Ptr(new GcArray(SIGNED))));
        TypeInfo n = info(1, node);
        assertThat(n.ptrOffsets()).as("GC pointers of Named {value, next, name, ratio, items}")
                .containsExactly(Layout.offsetOf(node, "next"), Layout.offsetOf(node, "name"), Layout.offsetOf(node, "items"))
                .containsExactly(16L, 24L, 40L);
        assertThat(n.fixedSize()).isEqualTo(48);
    }

    @Test
    @Points(2)
    void pointersToRawMemoryVtablesAndFunctionsAreNotListed() {
        Struct vtable = Struct.of("vtable", new Field("subclassrange_min", SIGNED));
        GcStruct object = GcStruct.of("Object", new Field("typeptr", new Ptr(vtable)),
                new Field("callback", new Ptr(new FuncType(List.of(SIGNED), SIGNED))),
                new Field("buffer", new Ptr(new Array(CHAR))), new Field("arena", ADDRESS),
                new Field("child", new Ptr(NODE)));
        assertThat(info(3, object).ptrOffsets()).as("only child is a pointer to a GC object in %s", object)
                .containsExactly(Layout.offsetOf(object, "child"));
    }

    @Test
    @Points(3)
    void aSubclassHasItsParentsPointersAtTheParentsOffsets() {
        Struct vtable = Struct.of("vtable", new Field("subclassrange_min", SIGNED));
        GcStruct base = GcStruct.of("Base", new Field("typeptr", new Ptr(vtable)), new Field("left", new Ptr(NODE)));
        GcStruct sub = GcStruct.of("Sub", new Field("super", base), new Field("flag", BOOL), new Field("right", new Ptr(NODE)));
        GcStruct subsub = GcStruct.of("SubSub", new Field("super", sub), new Field("n", SIGNED), new Field("last", Strings.PTR));
        assertThat(info(1, base).ptrOffsets()).containsExactly(Layout.offsetOf(base, "left"));
        assertThat(info(2, sub).ptrOffsets()).as("Sub: its parent Base is inlined at offset 0")
                .containsExactly(Layout.offsetOf(sub, "super", "left"), Layout.offsetOf(sub, "right"));
        assertThat(info(3, subsub).ptrOffsets()).as("SubSub: two parents deep")
                .containsExactly(Layout.offsetOf(subsub, "super", "super", "left"), Layout.offsetOf(subsub, "super", "right"),
                        Layout.offsetOf(subsub, "last"))
                .containsExactly(16L, 32L, 48L);
    }

    @Test
    @Points(2)
    void anInlinedStructsPointersAreTheObjectsOwn() {
        Struct pair = Struct.of("Pair", new Field("a", new Ptr(NODE)), new Field("k", CHAR), new Field("b", new Ptr(NODE)));
        Struct inner = Struct.of("Inner", new Field("c", new Ptr(NODE)));
        Struct outer = Struct.of("Outer", new Field("flag", BOOL), new Field("inner", inner));
        GcStruct holder = GcStruct.of("Holder", new Field("n", SIGNED), new Field("pair", pair), new Field("outer", outer),
                new Field("own", new Ptr(NODE)));
        assertThat(info(1, holder).ptrOffsets()).as("GC pointers of %s", holder).containsExactly(
                Layout.offsetOf(holder, "pair", "a"), Layout.offsetOf(holder, "pair", "b"),
                Layout.offsetOf(holder, "outer", "inner", "c"), Layout.offsetOf(holder, "own"));
        // a raw struct holding a GC pointer (the pending exception of exc_data, a static root): no header
        Struct excData = Struct.of("exc_data", new Field("exc_type", SIGNED), new Field("exc_value", new Ptr(NODE)));
        TypeInfo exc = info(2, excData);
        assertThat(exc.ptrOffsets()).containsExactly(8L);
        assertThat(exc.fixedSize()).isEqualTo(16);
    }

    @Test
    @Points(2)
    void aGcArrayHasALengthAndItemsButNoPointersInItsFixedPart() {
        GcArray nodes = new GcArray(new Ptr(NODE));
        TypeInfo a = info(4, nodes);
        assertThat(a.varsize()).isTrue();
        assertThat(a.ptrOffsets()).as("the length word is no pointer").isEmpty();
        assertThat(List.of(a.fixedSize(), a.lengthOffset(), a.itemsOffset(), a.itemSize()))
                .as("fixedSize, lengthOffset, itemsOffset, itemSize of %s", nodes)
                .containsExactly(Layout.itemsOffset(nodes), Layout.lengthOffset(nodes), Layout.itemsOffset(nodes),
                        Layout.itemSize(nodes))
                .containsExactly(16L, 8L, 16L, 8L);
        assertThat(a.itemPtrOffsets()).as("an item is one pointer").containsExactly(0L);
        GcArray numbers = new GcArray(SIGNED);
        assertThat(info(5, numbers).itemPtrOffsets()).isEmpty();
        assertThat(info(5, numbers).itemSize()).isEqualTo(8);
    }

    @Test
    @Points(2)
    void anArrayOfStructsListsThePointersInOneItem() {
        Struct entry = Struct.of("entry", new Field("key", Strings.PTR), new Field("hash", SIGNED),
                new Field("value", new Ptr(NODE)), new Field("valid", BOOL));
        GcArray entries = new GcArray(entry);
        TypeInfo e = info(1, entries);
        assertThat(e.itemSize()).isEqualTo(Layout.itemSize(entries)).isEqualTo(32);
        assertThat(e.itemPtrOffsets()).as("GC pointers in one %s, from the item's start", entry)
                .containsExactly(Layout.offsetOf(entry, "key"), Layout.offsetOf(entry, "value"))
                .containsExactly(0L, 16L);
        Struct wrapped = Struct.of("wrapped", new Field("n", SIGNED), new Field("e", entry));
        assertThat(info(2, new GcArray(wrapped)).itemPtrOffsets()).as("a struct inside the item")
                .containsExactly(Layout.offsetOf(wrapped, "e", "key"), Layout.offsetOf(wrapped, "e", "value"));
    }

    @Test
    @Points(2)
    void aVarsizedStructHasAFixedPartAndItems() {
        TypeInfo str = info(1, Strings.STR);
        assertThat(List.of(str.fixedSize(), str.lengthOffset(), str.itemsOffset(), str.itemSize()))
                .as("fixedSize, lengthOffset, itemsOffset, itemSize of rpy_string").containsExactly(24L, 16L, 24L, 1L);
        assertThat(str.varsize()).isTrue();
        assertThat(str.ptrOffsets()).isEmpty();
        assertThat(str.itemPtrOffsets()).isEmpty();

        GcStruct frame = GcStruct.of("Frame", new Field("code", new Ptr(NODE)), new Field("depth", SIGNED),
                new Field("locals", new Array(new Ptr(NODE))));
        TypeInfo f = info(2, frame);
        assertThat(f.ptrOffsets()).as("the fixed part of Frame: code, not the length of locals")
                .containsExactly(Layout.offsetOf(frame, "code"));
        assertThat(List.of(f.fixedSize(), f.lengthOffset(), f.itemsOffset(), f.itemSize()))
                .as("fixedSize, lengthOffset, itemsOffset, itemSize of Frame")
                .containsExactly(Layout.sizeOf(frame, 0), Layout.lengthOffset(frame), Layout.sizeOf(frame, 0), 8L)
                .containsExactly(32L, 24L, 32L, 8L);
        assertThat(f.itemPtrOffsets()).containsExactly(0L);
        assertThat(f.sizeOf(3)).isEqualTo(Layout.sizeOf(frame, 3));
    }

    /** Objects of every shape: subclasses, lists of instances, a dict of them, strings, a tuple. */
    private static final String SHAPES = """
            class Shape(object):
                def __init__(self, name):
                    self.name = name
                    self.next = None

            class Square(Shape):
                def __init__(self, name, side):
                    Shape.__init__(self, name)
                    self.side = side
                    self.parent = None

            class Tile(Square):
                def __init__(self, name, side, owner):
                    Square.__init__(self, name, side)
                    self.owner = owner

            def build(n):
                shapes = []
                by_name = {}
                last = None
                for i in range(n):
                    t = Tile('t%d' % i, i, Shape('o%d' % i))
                    t.parent = Square('p%d' % i, i + 1)
                    t.next = last
                    last = t
                    shapes.append(t)
                    by_name[t.name] = (t, [t.owner])
                return shapes, by_name, last

            def entry_point(argv):
                shapes, by_name, last = build(int(argv[1]))
                total = 0
                names = 0
                while last is not None:
                    total += last.side + last.parent.side
                    names += len(last.name) + len(last.owner.name) + len(last.parent.name)
                    last = last.next
                pair = by_name['t3']
                print(total, names, len(shapes), pair[0].owner.name, pair[1][0].name, shapes[5].parent.name)
                return 0

            # args: 30
            # expect: 900 240 30 o3 o3 p5
            """;

    @Test
    @Points(4)
    void programsRunUnderACopyingCollectorTracingByTheseMaps() throws Exception {
        GcPrograms.assertRuns(dir, "shapes.py", SHAPES, Collector.SEMISPACE, true);
    }
}
