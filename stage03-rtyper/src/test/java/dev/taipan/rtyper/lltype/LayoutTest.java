package dev.taipan.rtyper.lltype;

import static dev.taipan.rtyper.lltype.Primitive.BOOL;
import static dev.taipan.rtyper.lltype.Primitive.CHAR;
import static dev.taipan.rtyper.lltype.Primitive.FLOAT;
import static dev.taipan.rtyper.lltype.Primitive.SIGNED;
import static dev.taipan.rtyper.lltype.Primitive.VOID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The layout rules on a few hand-written types; {@link GccLayoutTest} checks hundreds against gcc. */
class LayoutTest {

    @Test
    void aGcStructStartsWithTheGcHeader() {
        GcStruct node = GcStruct.forward("Node");
        node.become(new Field("value", SIGNED), new Field("next", new Ptr(node)));

        assertThat(Layout.offsetOf(node, "value")).isEqualTo(8);
        assertThat(Layout.offsetOf(node, "next")).isEqualTo(16);
        assertThat(Layout.sizeOf(node)).isEqualTo(24);
        assertThat(Layout.alignmentOf(node)).isEqualTo(8);
    }

    @Test
    void aRawStructHasNoHeaderAndPacksBytesAsCDoes() {
        Struct s = Struct.of("S", new Field("c", CHAR), new Field("b", BOOL), new Field("d", FLOAT), new Field("e", CHAR));

        assertThat(Layout.offsetOf(s, "c")).isZero();
        assertThat(Layout.offsetOf(s, "b")).isEqualTo(1);
        assertThat(Layout.offsetOf(s, "d")).isEqualTo(8);
        assertThat(Layout.offsetOf(s, "e")).isEqualTo(16);
        assertThat(Layout.sizeOf(s)).isEqualTo(24);
        assertThat(Layout.sizeOf(Struct.of("Bytes", new Field("a", CHAR), new Field("b", CHAR)))).isEqualTo(2);
        assertThat(Layout.alignmentOf(Struct.of("Bytes", new Field("a", CHAR)))).isEqualTo(1);
    }

    @Test
    void aSubclassSharesItsParentsHeaderSoAnUpcastIsFree() {
        GcStruct base = GcStruct.of("Base", new Field("flag", BOOL));
        GcStruct sub = GcStruct.of("Sub", new Field("super", base), new Field("c", CHAR), new Field("n", SIGNED));

        assertThat(Layout.offsetOf(sub, "super")).isZero();
        assertThat(Layout.offsetOf(sub, "super", "flag")).isEqualTo(Layout.offsetOf(base, "flag")).isEqualTo(8);
        assertThat(Layout.sizeOf(base)).isEqualTo(16);
        // The subclass's fields follow the parent's whole struct, padding included, as in C.
        assertThat(Layout.offsetOf(sub, "c")).isEqualTo(16);
        assertThat(Layout.offsetOf(sub, "n")).isEqualTo(24);
    }

    @Test
    void arraysAreALengthWordThenTheItems() {
        GcArray gc = new GcArray(CHAR);
        Array raw = new Array(SIGNED);

        assertThat(Layout.lengthOffset(gc)).isEqualTo(8);
        assertThat(Layout.itemsOffset(gc)).isEqualTo(16);
        assertThat(Layout.itemOffset(gc, 5)).isEqualTo(21);
        assertThat(Layout.sizeOf(gc, 5)).isEqualTo(21);
        assertThat(Layout.lengthOffset(raw)).isZero();
        assertThat(Layout.itemsOffset(raw)).isEqualTo(8);
        assertThat(Layout.itemSize(raw)).isEqualTo(8);
        assertThat(Layout.sizeOf(raw, 3)).isEqualTo(32);
    }

    @Test
    void anArrayOfStructsStridesByThePaddedStructSize() {
        Struct pair = Struct.of("Pair", new Field("n", SIGNED), new Field("c", CHAR));
        GcArray pairs = new GcArray(pair);

        assertThat(Layout.itemSize(pairs)).isEqualTo(16);
        assertThat(Layout.itemOffset(pairs, 2)).isEqualTo(16 + 32);
    }

    @Test
    void aStringIsOneVarsizedObject() {
        GcStruct str = GcStruct.of("rpy_string", new Field("hash", SIGNED), new Field("chars", new Array(CHAR)));

        assertThat(Layout.offsetOf(str, "hash")).isEqualTo(8);
        assertThat(Layout.offsetOf(str, "chars")).isEqualTo(16);
        assertThat(Layout.lengthOffset(str)).isEqualTo(16);
        assertThat(Layout.sizeOf(str)).isEqualTo(24);
        assertThat(Layout.sizeOf(str, 5)).isEqualTo(29);
        assertThat(Layout.isVarsize(str)).isTrue();
        assertThatThrownBy(() -> Layout.sizeOf(GcStruct.of("P", new Field("x", SIGNED)), 3))
                .hasMessage("GcStruct P is not var-sized (it does not end in an Array)");
    }

    @Test
    void voidTakesNoSpace() {
        GcStruct s = GcStruct.of("S", new Field("nothing", VOID), new Field("x", SIGNED));
        assertThat(Layout.offsetOf(s, "x")).isEqualTo(8);
        assertThat(Layout.sizeOf(s)).isEqualTo(16);
        assertThat(Layout.itemSize(new GcArray(VOID))).isZero();
    }

    @Test
    void aPathMustGoThroughInlinedStructs() {
        GcStruct s = GcStruct.of("S", new Field("x", SIGNED));
        assertThatThrownBy(() -> Layout.offsetOf(s, "x", "y")).hasMessage("offsetOf GcStruct S x.y: Signed has no fields");
        assertThatThrownBy(() -> Layout.offsetOf(s)).hasMessage("offsetOf GcStruct S: which field?");
    }
}
