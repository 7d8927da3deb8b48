package dev.taipan.rtyper.image;

import static dev.taipan.rtyper.lltype.Primitive.CHAR;
import static dev.taipan.rtyper.lltype.Primitive.FLOAT;
import static dev.taipan.rtyper.lltype.Primitive.SIGNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.rtyper.lltype.Array;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.GcArray;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Struct;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageTest {

    static final GcStruct NODE = GcStruct.forward("Node");
    static final GcStruct STR = GcStruct.of("rpy_string", new Field("hash", SIGNED), new Field("chars", new Array(CHAR)));

    static {
        NODE.become(new Field("value", SIGNED), new Field("next", new Ptr(NODE)));
    }

    /** A host-side object graph, as the host interpreter would hold a module's prebuilt nodes. */
    static final class HostNode {
        final long value;
        HostNode next;

        HostNode(long value) {
            this.value = value;
        }
    }

    static Prebuilt convert(Database db, HostNode node) {
        return db.convert(node, () -> new Prebuilt(NODE, Section.DATA), p -> {
            p.field("value").set(node.value);
            p.field("next").set(node.next == null ? null : convert(db, node.next));
        });
    }

    static Prebuilt string(String s) {
        var p = new Prebuilt(STR, s.length(), Section.RODATA);
        p.field("hash").set(0L);
        for (int i = 0; i < s.length(); i++) {
            p.field("chars").item(i).set(s.charAt(i));
        }
        return p;
    }

    @Test
    void aCyclicPairBecomesTwoObjectsPointingAtEachOther() {
        var a = new HostNode(1);
        var b = new HostNode(2);
        a.next = b;
        b.next = a;
        var db = new Database();
        Prebuilt pa = convert(db, a);
        Image image = db.layout();
        Prebuilt pb = db.lookup(b);

        assertThat(convert(db, a)).isSameAs(pa);
        assertThat(pa.field("next").get()).isSameAs(pb);
        assertThat(pb.field("next").get()).isSameAs(pa);
        assertThat(image.objects()).containsExactly(pa, pb);
        assertThat(image.placement(pa)).isEqualTo(new Image.Placement(Section.DATA, 0));
        assertThat(image.placement(pb)).isEqualTo(new Image.Placement(Section.DATA, 24));
        assertThat(image.relocations()).containsExactly(
                new Relocation(Section.DATA, 16, new Relocation.Address(Section.DATA, 24)),
                new Relocation(Section.DATA, 24 + 16, new Relocation.Address(Section.DATA, 0)));
        ByteBuffer data = ByteBuffer.wrap(image.bytes(Section.DATA)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(data.getLong(0)).as("GC header").isZero();
        assertThat(data.getLong(8)).isEqualTo(1);
        assertThat(data.getLong(16)).as("a pointer word holds 0 until relocated").isZero();
        assertThat(data.getLong(24 + 8)).isEqualTo(2);
        assertThat(image.size(Section.RODATA)).isZero();
    }

    @Test
    void aLongPrebuiltListIsFilledWithoutDeepRecursion() {
        HostNode head = null;
        for (int i = 0; i < 100_000; i++) {
            var n = new HostNode(i);
            n.next = head;
            head = n;
        }
        var db = new Database();
        convert(db, head);
        Image image = db.layout();
        assertThat(image.objects()).hasSize(100_000);
        assertThat(image.relocations()).hasSize(100_000 - 1);
    }

    @Test
    void aStringIsOneVarsizedObjectInRodata() {
        var db = new Database();
        Prebuilt hello = db.convert("hello", () -> string("hello"), p -> { });
        Image image = db.layout();

        assertThat(hello.size()).isEqualTo(24 + 5);
        assertThat(image.placement(hello).section()).isEqualTo(Section.RODATA);
        ByteBuffer rodata = ByteBuffer.wrap(image.bytes(Section.RODATA)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(rodata.getLong((int) Layout.lengthOffset(STR))).isEqualTo(5);
        assertThat(new String(image.bytes(Section.RODATA), 24, 5)).isEqualTo("hello");
        assertThat(image.size(Section.RODATA)).as("rounded up to a word").isEqualTo(32);
        assertThat(hello.field("chars").item(1).get()).isEqualTo('e');
    }

    @Test
    void anArrayOfPointersReachesObjectsTheDatabaseNeverConverted() {
        var table = new Prebuilt(new GcArray(new Ptr(STR)), 3, Section.RODATA);
        Prebuilt one = string("one");
        Prebuilt two = string("two");
        table.item(0).set(one);
        table.item(2).set(two);
        var db = new Database();
        db.convert(table, () -> table, p -> { });
        Image image = db.layout();

        assertThat(image.objects()).containsExactly(table, one, two);
        assertThat(table.item(1).get()).isNull();
        long items = Layout.itemsOffset(new GcArray(new Ptr(STR)));
        assertThat(image.relocations()).containsExactly(
                new Relocation(Section.RODATA, items, new Relocation.Address(Section.RODATA, image.placement(one).offset())),
                new Relocation(Section.RODATA, items + 16, new Relocation.Address(Section.RODATA, image.placement(two).offset())));
        assertThat(image.placement(one).offset() % Layout.WORD).isZero();
        assertThat(image.placement(two).offset() % Layout.WORD).isZero();
    }

    @Test
    void aFunctionPointerIsARelocationToItsSymbol() {
        var fn = new FuncType(List.of(SIGNED), SIGNED);
        Struct vtable = Struct.of("vtable", new Field("subclassrange_min", SIGNED), new Field("method", new Ptr(fn)));
        var v = new Prebuilt(vtable, Section.RODATA);
        var f = new FunctionRef("A.method", fn);
        v.field("method").set(f);
        var db = new Database();
        db.convert("class A", () -> v, p -> { });

        assertThat(db.layout().relocations()).containsExactly(new Relocation(Section.RODATA, 8, f));
    }

    @Test
    void slotsAcceptOnlyWhatTheTypeCanHold() {
        GcStruct base = GcStruct.of("Base", new Field("x", SIGNED));
        GcStruct sub = GcStruct.of("Sub", new Field("super", base), new Field("f", FLOAT));
        GcStruct holder = GcStruct.of("Holder", new Field("b", new Ptr(base)), new Field("s", new Ptr(sub)),
                new Field("fn", new Ptr(new FuncType(List.of(), SIGNED))));
        var h = new Prebuilt(holder, Section.DATA);
        var aSub = new Prebuilt(sub, Section.DATA);
        var aBase = new Prebuilt(base, Section.DATA);

        h.field("b").set(aSub);
        aSub.field("super").field("x").set(5L);
        assertThat(aSub.field("super").field("x").get()).isEqualTo(5L);
        assertThatThrownBy(() -> h.field("s").set(aBase))
                .hasMessage("prebuilt GcStruct Holder.s is a Ptr(GcStruct Sub): cannot point to a prebuilt GcStruct Base");
        assertThatThrownBy(() -> h.field("fn").set(new FunctionRef("f", new FuncType(List.of(SIGNED), SIGNED))))
                .hasMessage("prebuilt GcStruct Holder.fn is a Ptr(Func(-> Signed)): cannot point to function f Func(Signed, -> Signed)");
        assertThatThrownBy(() -> aSub.field("f").set(1L))
                .hasMessage("prebuilt GcStruct Sub.f is a Float: cannot hold 1 (Long)");
        assertThatThrownBy(() -> aSub.field("super").set(aBase))
                .hasMessage("prebuilt GcStruct Sub.super is an inlined GcStruct Base: set its fields or items, not the whole");
        assertThatThrownBy(() -> string("abc").field("chars").item(3))
                .hasMessage("prebuilt GcStruct rpy_string.chars has 3 items: no item 3");
        assertThatThrownBy(() -> string("abc").field("chars").item(0).set('\u263A'))
                .hasMessageContaining("is a Char: cannot hold");
        assertThatThrownBy(() -> new Prebuilt(STR, Section.DATA))
                .hasMessage("GcStruct rpy_string is var-sized: give the prebuilt object its length");
        assertThatThrownBy(() -> new Prebuilt(NODE, 3, Section.DATA))
                .hasMessage("GcStruct Node has a fixed size: it takes no length");
        assertThatThrownBy(() -> new Database().layout().placement(aBase))
                .hasMessage("prebuilt GcStruct Base is not in the image (convert it through the Database before layout)");
    }
}
