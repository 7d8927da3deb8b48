package dev.taipan.gc.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.rtyper.image.Image;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.GcArray;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Strings;
import dev.taipan.rtyper.lltype.Struct;
import dev.taipan.rtyper.rtyper.RTyper;
import dev.taipan.rtyper.rtyper.RtypeCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Type ids, their information and its table in the image, and the headers of prebuilt objects. */
class GcLayoutTest {

    private static final GcStruct NODE = GcStruct.forward("Node");

    static {
        NODE.become(new Field("value", Primitive.SIGNED), new Field("next", new Ptr(NODE)),
                new Field("name", Strings.PTR), new Field("ratio", Primitive.FLOAT));
    }

    @Test
    void fixedSizeStructsListTheirGcPointersAndOnlyThose() {
        Struct vtable = Struct.of("vt", new Field("x", Primitive.SIGNED));
        GcStruct base = GcStruct.of("Base", new Field("vt", new Ptr(vtable)), new Field("left", new Ptr(NODE)));
        GcStruct sub = GcStruct.of("Sub", new Field("super", base), new Field("flag", Primitive.BOOL),
                new Field("right", new Ptr(NODE)));

        TypeInfo node = TypeInfo.of(1, NODE);
        assertThat(node.ptrOffsets()).containsExactly(Layout.offsetOf(NODE, "next"), Layout.offsetOf(NODE, "name"));
        assertThat(node.varsize()).isFalse();
        assertThat(node.fixedSize()).isEqualTo(Layout.sizeOf(NODE)).isEqualTo(40);

        TypeInfo s = TypeInfo.of(2, sub);   // the inlined parent's pointer is traced; the raw vtable pointer is not
        assertThat(s.ptrOffsets()).containsExactly(Layout.offsetOf(sub, "super", "left"), Layout.offsetOf(sub, "right"));
    }

    @Test
    void varSizedTypesDescribeTheirItems() {
        TypeInfo str = TypeInfo.of(1, Strings.STR);
        assertThat(str.varsize()).isTrue();
        assertThat(str.ptrOffsets()).isEmpty();
        assertThat(str.itemPtrOffsets()).isEmpty();
        assertThat(str.itemSize()).isEqualTo(1);
        assertThat(str.lengthOffset()).isEqualTo(Layout.lengthOffset(Strings.STR));
        assertThat(str.sizeOf(5)).isEqualTo(32);   // 29 bytes (see stage 03's README), rounded to a word

        GcArray nodes = new GcArray(new Ptr(NODE));
        TypeInfo a = TypeInfo.of(2, nodes);
        assertThat(a.itemPtrOffsets()).containsExactly(0L);
        assertThat(a.itemsOffset()).isEqualTo(Layout.itemsOffset(nodes)).isEqualTo(16);
        assertThat(a.sizeOf(3)).isEqualTo(Layout.sizeOf(nodes, 3));

        Struct entry = Struct.of("entry", new Field("key", Primitive.SIGNED), new Field("value", new Ptr(NODE)));
        TypeInfo entries = TypeInfo.of(3, new GcArray(entry));
        assertThat(entries.itemPtrOffsets()).containsExactly(Layout.offsetOf(entry, "value"));
        assertThat(entries.itemSize()).isEqualTo(16);
    }

    @Test
    void functionsHaveNoTypeIdAndHeadersKeepIdAndFlagsApart() {
        assertThatThrownBy(() -> TypeInfo.of(1, new dev.taipan.rtyper.lltype.FuncType(List.of(), Primitive.VOID)))
                .hasMessageContaining("no collector traces it");
        Struct excData = Struct.of("exc_data", new Field("exc_type", Primitive.SIGNED), new Field("exc_value", new Ptr(NODE)));
        assertThat(TypeInfo.of(1, excData).ptrOffsets()).containsExactly(8L);   // a static root, traced by its id
        assertThatThrownBy(() -> GcHeader.word(0, 0)).hasMessageContaining("start at 1");
        assertThatThrownBy(() -> GcHeader.word(1, 1)).hasMessageContaining("above bit 32");
        long w = GcHeader.word(7, 1L << 33);
        assertThat(GcHeader.typeId(w)).isEqualTo(7);
        assertThat(GcHeader.flags(w)).isEqualTo(1L << 33);
    }

    @Test
    void aProgramsTypesGetIdsItsPrebuiltObjectsHeadersAndTheTableIsInTheImage(@TempDir Path dir) throws IOException {
        String source = """
                class Node(object):
                    def __init__(self, value, next):
                        self.value = value
                        self.next = next

                GREETING = "hello"
                PREBUILT = Node(7, None)

                def f(n):
                    head = PREBUILT
                    for i in range(n):
                        head = Node(i, head)
                    items = [head, PREBUILT]
                    return len(items) + len(GREETING) + head.value
                """;
        RTyper rtyper = RtypeCommand.rtyper(Files.writeString(dir.resolve("prog.py"), source), "f");
        LowLevelGraph entry = rtyper.graphs().stream().filter(g -> g.name().equals("f")).findFirst().orElseThrow();
        LowLevelProgram program = rtyper.program(entry);
        long flags = 1L << 40;
        GcLayout layout = GcLayout.of(program, flags);

        List<TypeInfo> all = layout.ids().all();
        assertThat(all).extracting(TypeInfo::id).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, all.size()).boxed().toList());
        TypeInfo node = all.stream().filter(t -> t.type().toString().contains("Node")).findFirst().orElseThrow();
        GcStruct nodeType = (GcStruct) node.type();
        assertThat(node.ptrOffsets()).containsExactly(Layout.offsetOf(nodeType, "next"));
        assertThat(all).anySatisfy(t -> assertThat(t.type()).isEqualTo(Strings.STR));   // the prebuilt "hello"
        assertThat(all).anySatisfy(t -> assertThat(t.itemPtrOffsets()).containsExactly(0L));   // the list of nodes

        Image image = layout.program().image();
        assertThat(image.objects()).contains(layout.typeInfo());
        for (Prebuilt p : image.objects()) {
            if (p.type().isGc()) {
                assertThat(GcHeader.typeId(p.gcHeader())).as("header of " + p).isEqualTo(layout.ids().idOf(p.type()));
                assertThat(GcHeader.flags(p.gcHeader())).isEqualTo(flags | GcHeader.PREBUILT);
            }
        }
        Prebuilt table = layout.typeInfo();
        assertThat(table.length()).isEqualTo(all.size() + 1);
        assertThat(table.item(node.id()).field("fixedsize").get()).isEqualTo(Layout.sizeOf(nodeType));
        assertThat(table.item(node.id()).field("ofstolength").get()).isEqualTo(-1L);
        Prebuilt offsets = (Prebuilt) table.item(node.id()).field("ofstoptrs").get();
        assertThat(offsets.length()).isEqualTo(1);
        assertThat(offsets.item(0).get()).isEqualTo(Layout.offsetOf(nodeType, "next"));
        TypeInfo str = layout.ids().info(Strings.STR);
        assertThat(table.item(str.id()).field("ofstolength").get()).isEqualTo(Layout.lengthOffset(Strings.STR));
        // the image laid out again holds the header words as written
        Prebuilt hello = image.objects().stream().filter(p -> p.type().equals(Strings.STR)).findFirst().orElseThrow();
        Image.Placement at = image.placement(hello);
        long word = java.nio.ByteBuffer.wrap(image.bytes(at.section())).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .getLong((int) at.offset());
        assertThat(word).isEqualTo(GcHeader.word(str.id(), flags | GcHeader.PREBUILT));
        assertThat(layout.ids().idLimit()).isEqualTo(table.length());
    }
}
