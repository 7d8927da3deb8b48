package dev.taipan.rtyper.lltype;

import static dev.taipan.rtyper.lltype.Primitive.CHAR;
import static dev.taipan.rtyper.lltype.Primitive.FLOAT;
import static dev.taipan.rtyper.lltype.Primitive.SIGNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LowLevelTypeTest {

    @Test
    void aRecursiveStructIsDeclaredThenGivenItsFields() {
        GcStruct node = GcStruct.forward("Node");
        assertThat(node.isDefined()).isFalse();
        node.become(new Field("value", SIGNED), new Field("next", new Ptr(node)));

        assertThat(node.field("next").type()).isEqualTo(new Ptr(node));
        assertThat(node.toString()).isEqualTo("GcStruct Node");
        assertThat(node.field("next").toString()).isEqualTo("next: Ptr(GcStruct Node)");
    }

    @Test
    void mutuallyRecursiveTypesLikeAnInstanceAndItsVtable() {
        GcStruct object = GcStruct.forward("object");
        Struct vtable = Struct.of("object_vtable",
                new Field("subclassrange_min", SIGNED),
                new Field("instantiate", new Ptr(new FuncType(List.of(), new Ptr(object)))));
        object.become(new Field("typeptr", new Ptr(vtable)));

        assertThat(object.field("typeptr").type()).isEqualTo(new Ptr(vtable));
    }

    @Test
    void aForwardReferenceCanBePointedToButNotUsedBeforeItIsDefined() {
        GcStruct later = GcStruct.forward("Later");
        assertThatThrownBy(later::fields)
                .hasMessage("GcStruct Later is a forward reference: become() has not given it fields yet");
        assertThatThrownBy(() -> GcStruct.of("Sub", new Field("super", later)))
                .hasMessageContaining("GcStruct Later is a forward reference: it can be pointed to, not inlined");
        later.become();
        assertThatThrownBy(() -> later.become(new Field("x", SIGNED))).hasMessage("GcStruct Later already has its fields");
    }

    @Test
    void structsAreTypesWithIdentityArraysAndFunctionsAreValues() {
        Struct a = Struct.of("P", new Field("x", SIGNED));
        Struct b = Struct.of("P", new Field("x", SIGNED));
        assertThat(a).isNotEqualTo(b);
        assertThat(new Ptr(a)).isEqualTo(new Ptr(a)).isNotEqualTo(new Ptr(b));
        assertThat(new GcArray(SIGNED)).isEqualTo(new GcArray(SIGNED)).isNotEqualTo(new Array(SIGNED));
        assertThat(new FuncType(List.of(SIGNED), FLOAT)).isEqualTo(new FuncType(List.of(SIGNED), FLOAT));
        assertThat(new FuncType(List.of(SIGNED, CHAR), FLOAT).toString()).isEqualTo("Func(Signed, Char, -> Float)");
    }

    @Test
    void inheritanceIsAFirstFieldThatInlinesTheParent() {
        GcStruct base = GcStruct.of("Base", new Field("x", SIGNED));
        GcStruct sub = GcStruct.of("Sub", new Field("super", base), new Field("y", FLOAT));
        GcStruct other = GcStruct.of("Other", new Field("x", SIGNED));

        assertThat(sub.parent()).isSameAs(base);
        assertThat(base.parent()).isNull();
        assertThat(sub.startsWith(base)).isTrue();
        assertThat(base.startsWith(sub)).isFalse();
        assertThat(new Ptr(sub).castableTo(new Ptr(base))).isTrue();
        assertThat(new Ptr(base).castableTo(new Ptr(sub))).isTrue();
        assertThat(new Ptr(other).castableTo(new Ptr(base))).isFalse();
    }

    @Test
    void aStructEndingInAnArrayIsVarsized() {
        GcStruct str = GcStruct.of("rpy_string", new Field("hash", SIGNED), new Field("chars", new Array(CHAR)));
        assertThat(str.isVarsize()).isTrue();
        assertThat(str.arrayField()).map(Field::name).contains("chars");
        assertThat(GcStruct.of("P", new Field("x", SIGNED)).isVarsize()).isFalse();
    }

    @Test
    void containersAreInlinedOnlyWhereTheLayoutStaysOneAllocation() {
        GcStruct base = GcStruct.of("Base", new Field("x", SIGNED));
        Struct raw = Struct.of("Raw", new Field("x", SIGNED));
        GcStruct str = GcStruct.of("rpy_string", new Field("chars", new Array(CHAR)));

        assertThatThrownBy(() -> GcStruct.of("B", new Field("x", SIGNED), new Field("super", base)))
                .hasMessage("GcStruct B, field 'super': GcStruct Base can only be inlined as the first field of a GcStruct (its parent)");
        assertThatThrownBy(() -> Struct.of("B", new Field("super", base)))
                .hasMessageContaining("can only be inlined as the first field of a GcStruct");
        assertThatThrownBy(() -> GcStruct.of("B", new Field("items", new Array(SIGNED)), new Field("x", SIGNED)))
                .hasMessage("GcStruct B, field 'items': an inlined Array(Signed) must be the last field (it makes the struct var-sized)");
        assertThatThrownBy(() -> GcStruct.of("B", new Field("items", new GcArray(SIGNED))))
                .hasMessageContaining("GcArray(Signed) cannot be inlined (it has its own GC header)");
        assertThatThrownBy(() -> GcStruct.of("B", new Field("s", str)))
                .hasMessage("GcStruct B, field 's': GcStruct rpy_string is var-sized and cannot be inlined");
        assertThatThrownBy(() -> Struct.of("B", new Field("f", new FuncType(List.of(), SIGNED))))
                .hasMessageContaining("a function cannot be inlined; use Ptr(Func(-> Signed))");
        assertThatThrownBy(() -> new GcArray(base))
                .hasMessageContaining("a GcStruct cannot be an array item");
        assertThatThrownBy(() -> new Array(new Array(SIGNED)))
                .hasMessageContaining("arrays cannot be items of arrays");
        assertThatThrownBy(() -> GcStruct.of("B", new Field("x", SIGNED), new Field("x", CHAR)))
                .hasMessage("GcStruct B has two fields named 'x'");
        assertThatThrownBy(() -> raw.field("y")).hasMessage("Struct Raw has no field 'y'");
        assertThatThrownBy(() -> new FuncType(List.of(raw), SIGNED)).hasMessageContaining("by pointer");
    }
}
