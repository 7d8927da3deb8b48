package dev.taipan.rtyper.lltype;

import static dev.taipan.rtyper.lltype.Primitive.BOOL;
import static dev.taipan.rtyper.lltype.Primitive.CHAR;
import static dev.taipan.rtyper.lltype.Primitive.FLOAT;
import static dev.taipan.rtyper.lltype.Primitive.SIGNED;
import static dev.taipan.rtyper.lltype.Primitive.UNSIGNED;
import static dev.taipan.rtyper.lltype.Primitive.VOID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.grading.Points;
import dev.taipan.rtyper.Exercised;
import dev.taipan.rtyper.rtyper.Rtyping;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link Exercised#STRUCT_LAYOUT} must do, whoever wrote it: place the fields of a struct
 * as C does on x86-64, with the GC header on Gc structs and a parent inlined first. Run here
 * against {@link SystemVStructLayout}; the exercises module runs the same tests against a
 * student's layout ({@code exercises/stage03/ex1}).
 *
 * <p>Every test builds its own struct types: {@link Layout} asks the current layout once per
 * type and keeps the answer on it. The numbers are read through {@link Layout}, as the heap, the
 * image and the llinterp read them. The hand-written cases are what gcc says for the same C
 * structs, where C has them ({@code GccLayoutTest} checks that for the reference); the
 * generated shapes are checked against {@link Oracle}, C's rules written a second time in this
 * test, so that grading needs no gcc. The last test runs a program whose objects are laid out
 * by the layout under test.
 */
@Timeout(30)
class StructLayoutContract {
    @TempDir
    Path dir;

    private static long offset(StructType s, String... path) {
        return Layout.offsetOf(s, path);
    }

    @Test
    @Points(3)
    void fieldsGoInOrderEachAtTheNextMultipleOfItsAlignment() {
        Struct s = Struct.of("S", new Field("c", CHAR), new Field("b", BOOL), new Field("d", FLOAT), new Field("e", CHAR));
        assertThat(List.of(offset(s, "c"), offset(s, "b"), offset(s, "d"), offset(s, "e")))
                .as("offsets of S { c: Char; b: Bool; d: Float; e: Char }").containsExactly(0L, 1L, 8L, 16L);
        Struct p = Struct.of("P", new Field("c", CHAR), new Field("next", new Ptr(s)));
        assertThat(offset(p, "next")).as("a pointer after a char").isEqualTo(8);
        Struct q = Struct.of("Q", new Field("b", BOOL), new Field("c", CHAR), new Field("u", UNSIGNED), new Field("n", SIGNED));
        assertThat(List.of(offset(q, "b"), offset(q, "c"), offset(q, "u"), offset(q, "n")))
                .as("offsets of Q { b: Bool; c: Char; u: Unsigned; n: Signed }").containsExactly(0L, 1L, 8L, 16L);
    }

    @Test
    @Points(2)
    void theSizeIsRoundedUpToTheLargestAlignment() {
        Struct s = Struct.of("S", new Field("c", CHAR), new Field("b", BOOL), new Field("d", FLOAT), new Field("e", CHAR));
        assertThat(Layout.sizeOf(s)).as("sizeof S { c; b; d: Float; e: Char }").isEqualTo(24);
        assertThat(Layout.alignmentOf(s)).isEqualTo(8);
        Struct pair = Struct.of("Pair", new Field("n", SIGNED), new Field("c", CHAR));
        assertThat(Layout.sizeOf(pair)).as("sizeof Pair { n: Signed; c: Char }").isEqualTo(16);
        Struct bytes = Struct.of("Bytes", new Field("a", CHAR), new Field("b", CHAR), new Field("c", BOOL));
        assertThat(Layout.sizeOf(bytes)).as("sizeof Bytes { three one-byte fields }").isEqualTo(3);
        assertThat(Layout.alignmentOf(bytes)).isEqualTo(1);
    }

    @Test
    @Points(1)
    void anArrayOfStructsStridesByThePaddedSize() {
        Struct pair = Struct.of("Pair", new Field("n", SIGNED), new Field("c", CHAR));
        GcArray pairs = new GcArray(pair);
        assertThat(Layout.itemSize(pairs)).isEqualTo(16);
        assertThat(Layout.itemOffset(pairs, 2)).as("item 2 of a GcArray of Pair").isEqualTo(16 + 2 * 16);
    }

    @Test
    @Points(3)
    void aGcStructStartsWithTheOneWordGcHeader() {
        GcStruct node = GcStruct.forward("Node");
        node.become(new Field("value", SIGNED), new Field("next", new Ptr(node)));
        assertThat(List.of(offset(node, "value"), offset(node, "next"), Layout.sizeOf(node)))
                .as("value, next and sizeof of GcStruct Node").containsExactly(8L, 16L, 24L);
        GcStruct flag = GcStruct.of("Flag", new Field("on", BOOL));
        assertThat(offset(flag, "on")).isEqualTo(8);
        assertThat(Layout.sizeOf(flag)).as("sizeof GcStruct Flag { on: Bool }").isEqualTo(16);
        assertThat(Layout.alignmentOf(flag)).as("a Gc struct is word-aligned: its header is a word").isEqualTo(8);
        GcStruct empty = GcStruct.of("Empty");
        assertThat(Layout.sizeOf(empty)).as("an empty GcStruct is its header").isEqualTo(8);
        assertThat(Layout.alignmentOf(empty)).isEqualTo(8);
    }

    @Test
    @Points(1)
    void aRawStructHasNoHeader() {
        Struct one = Struct.of("One", new Field("c", CHAR));
        assertThat(offset(one, "c")).isZero();
        assertThat(Layout.sizeOf(one)).isEqualTo(1);
        assertThat(Layout.alignmentOf(one)).isEqualTo(1);
        Struct empty = Struct.of("Empty");
        assertThat(Layout.sizeOf(empty)).as("an empty raw struct").isZero();
        assertThat(Layout.alignmentOf(empty)).isEqualTo(1);
    }

    @Test
    @Points(3)
    void aSubclassStartsWithItsParentAndHasNoHeaderOfItsOwn() {
        GcStruct base = GcStruct.of("Base", new Field("flag", BOOL));
        GcStruct sub = GcStruct.of("Sub", new Field("super", base), new Field("c", CHAR), new Field("n", SIGNED));
        assertThat(offset(sub, "super")).as("the parent is at offset 0").isZero();
        assertThat(offset(sub, "super", "flag")).as("the parent's field where the parent has it").isEqualTo(8);
        assertThat(offset(sub, "c")).as("the subclass's fields follow the parent's whole struct, padding included")
                .isEqualTo(16);
        assertThat(offset(sub, "n")).isEqualTo(24);
        assertThat(Layout.sizeOf(sub)).isEqualTo(32);
        GcStruct subsub = GcStruct.of("SubSub", new Field("super", sub), new Field("x", FLOAT));
        assertThat(offset(subsub, "super", "super", "flag")).isEqualTo(8);
        assertThat(offset(subsub, "x")).isEqualTo(32);
        assertThat(Layout.sizeOf(subsub)).isEqualTo(40);
    }

    @Test
    @Points(2)
    void anInlinedStructIsPlacedByItsOwnAlignment() {
        Struct two = Struct.of("Two", new Field("a", CHAR), new Field("b", CHAR));
        Struct outer = Struct.of("Outer", new Field("c", CHAR), new Field("two", two), new Field("d", CHAR));
        assertThat(List.of(offset(outer, "c"), offset(outer, "two"), offset(outer, "two", "b"), offset(outer, "d")))
                .as("a struct of chars is byte-aligned").containsExactly(0L, 1L, 2L, 3L);
        assertThat(Layout.sizeOf(outer)).isEqualTo(4);
        Struct fc = Struct.of("FC", new Field("x", FLOAT), new Field("c", CHAR));
        GcStruct holder = GcStruct.of("Holder", new Field("c", CHAR), new Field("fc", fc), new Field("d", BOOL));
        assertThat(List.of(offset(holder, "c"), offset(holder, "fc"), offset(holder, "fc", "c"), offset(holder, "d")))
                .as("a struct holding a Float is word-aligned, and 16 bytes").containsExactly(8L, 16L, 24L, 32L);
        assertThat(Layout.sizeOf(holder)).isEqualTo(40);
    }

    @Test
    @Points(1)
    void voidFieldsTakeNoSpace() {
        GcStruct s = GcStruct.of("S", new Field("nothing", VOID), new Field("x", SIGNED));
        assertThat(offset(s, "x")).isEqualTo(8);
        assertThat(Layout.sizeOf(s)).isEqualTo(16);
        Struct r = Struct.of("R", new Field("c", CHAR), new Field("v", VOID), new Field("d", CHAR));
        assertThat(List.of(offset(r, "c"), offset(r, "v"), offset(r, "d"), Layout.sizeOf(r))).containsExactly(0L, 1L, 1L, 2L);
        assertThat(Layout.sizeOf(Struct.of("V", new Field("v", VOID)))).isZero();
    }

    @Test
    @Points(2)
    void aVarsizedStructEndsWithItsArraysLengthWord() {
        GcStruct str = GcStruct.of("rpy_string", new Field("hash", SIGNED), new Field("chars", new Array(CHAR)));
        assertThat(offset(str, "hash")).isEqualTo(8);
        assertThat(offset(str, "chars")).isEqualTo(16);
        assertThat(Layout.sizeOf(str)).as("the fixed part: header, hash, length word").isEqualTo(24);
        assertThat(Layout.sizeOf(str, 5)).as("a string of 5 chars").isEqualTo(29);
        Struct bytes = Struct.of("Bytes", new Field("tag", CHAR), new Field("items", new Array(CHAR)));
        assertThat(offset(bytes, "items")).as("an array starts word-aligned: its length is a word").isEqualTo(8);
        assertThat(Layout.sizeOf(bytes)).isEqualTo(16);
        Struct floats = Struct.of("Floats", new Field("flag", BOOL), new Field("items", new Array(FLOAT)));
        assertThat(Layout.sizeOf(floats, 2)).isEqualTo(8 + 8 + 2 * 8);
    }

    @Test
    @Points(4)
    void generatedShapesAgreeWithAnIndependentOracle() {
        int checked = 0;
        for (long seed = 1; seed <= 4; seed++) {
            for (ContainerType t : new RandomShapes(seed).generate(60, 10).all()) {
                switch (t) {
                    case StructType s -> {
                        long[] expected = Oracle.offsets(s);
                        for (int i = 0; i < expected.length; i++) {
                            String name = s.fields().get(i).name();
                            assertThat(Layout.offsetOf(s, name)).as("offset of %s.%s, %s", s, name, describe(s))
                                    .isEqualTo(expected[i]);
                        }
                        assertThat(Layout.sizeOf(s)).as("sizeof %s, %s", s, describe(s)).isEqualTo(Oracle.size(s));
                        assertThat(Layout.alignmentOf(s)).as("alignment of %s, %s", s, describe(s)).isEqualTo(Oracle.alignment(s));
                    }
                    case ArrayType a -> assertThat(Layout.itemSize(a)).as("item size of %s", a).isEqualTo(Oracle.size(a.item()));
                    case FuncType f -> throw new AssertionError(f);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(200);
    }

    private static String describe(StructType s) {
        List<String> fields = new ArrayList<>();
        for (Field f : s.fields()) {
            fields.add(f.name() + ": " + (f.type() instanceof StructType inner ? inner.toString() : f.type().toString()));
        }
        return "fields " + fields;
    }

    /** A program whose instances and vtables are laid out by the layout under test. */
    private static final String FIELDS = """
            class Point:
                def __init__(self, x, on):
                    self.x = x
                    self.on = on

            class Pixel(Point):
                def __init__(self, x, on, shade, tag):
                    Point.__init__(self, x, on)
                    self.shade = shade
                    self.tag = tag

            def mix(n):
                p = Pixel(n, n > 2, n * 0.5, 'a')
                q = Point(n + 1, n < 2)
                total = p.x * 100 + q.x
                if p.on:
                    total += 1000
                if q.on:
                    total += 10000
                if p.tag == 'a':
                    total += int(p.shade * 4)
                return total
            """;

    @Test
    @Points(2)
    void instancesWithFieldsOfEveryKindRunAsOnTheHost() throws Exception {
        for (long n : new long[] {0, 1, 3, 10}) {
            Rtyping.assertRunsAsOnTheHost(dir, FIELDS, "mix", n);
        }
    }

    /** C's rules on x86-64 for lltype, written a second time and without {@link Layout}: the test's oracle. */
    static final class Oracle {
        private Oracle() { }

        static long size(LowLevelType t) {
            return switch (t) {
                case Primitive p -> p == VOID ? 0 : p == BOOL || p == CHAR ? 1 : 8;
                case Ptr _ -> 8;
                case StructType s -> end(s, s.fields().size()) + padding(end(s, s.fields().size()), alignment(s));
                case ArrayType a -> {
                    long items = (a.isGc() ? 16 : 8) + padding(a.isGc() ? 16 : 8, alignment(a.item()));
                    yield items + padding(items, alignment(a));
                }
                case FuncType f -> throw new IllegalArgumentException(f.toString());
            };
        }

        static long alignment(LowLevelType t) {
            return switch (t) {
                case Primitive p -> p == SIGNED || p == UNSIGNED || p == FLOAT || p == Primitive.ADDRESS ? 8 : 1;
                case Ptr _ -> 8;
                case StructType s -> {
                    long a = s.isGc() ? 8 : 1;
                    for (Field f : s.fields()) {
                        a = Math.max(a, alignment(f.type()));
                    }
                    yield a;
                }
                case ArrayType a -> Math.max(8, alignment(a.item()));
                case FuncType f -> throw new IllegalArgumentException(f.toString());
            };
        }

        static long[] offsets(StructType s) {
            long[] out = new long[s.fields().size()];
            for (int i = 0; i < out.length; i++) {
                long end = end(s, i);
                out[i] = end + padding(end, alignment(s.fields().get(i).type()));
            }
            return out;
        }

        /** Where the first {@code n} fields end: after the header (unless the parent brings it), each field padded to its alignment. */
        private static long end(StructType s, int n) {
            boolean header = s.isGc() && (s.fields().isEmpty() || !(s.fields().getFirst().type() instanceof GcStruct));
            long at = header ? 8 : 0;
            for (int i = 0; i < n; i++) {
                LowLevelType t = s.fields().get(i).type();
                at += padding(at, alignment(t)) + size(t);
            }
            return at;
        }

        private static long padding(long at, long alignment) {
            return (alignment - at % alignment) % alignment;
        }
    }
}
