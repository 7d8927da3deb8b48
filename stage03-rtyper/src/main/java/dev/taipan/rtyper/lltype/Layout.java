package dev.taipan.rtyper.lltype;

import dev.taipan.rtyper.Exercised;

/**
 * The memory layout of every low-level type: the one place that says how many bytes a value
 * takes and where each field and item sits. Every later stage reads its numbers from here (the
 * llinterp's heap, the image, the GCs, the x86 backend, the JIT), so an object written by one is
 * read correctly by all; layouts never change between stages.
 *
 * <p><b>The rules are C's on x86-64 (System V).</b> {@code Signed}, {@code Unsigned},
 * {@code Float} and pointers take 8 bytes aligned on 8; {@code Bool} and {@code Char} one byte;
 * {@code Void} nothing. A struct lays out its fields in order, each at the next multiple of its
 * alignment; its alignment is its largest field's, and its size is rounded up to it, so an array
 * of them keeps every item aligned. That is exactly what gcc does, and a test checks it against
 * gcc's {@code sizeof} and {@code offsetof} on hundreds of generated structs, so the x86 backend
 * can hand these objects to C code (or gdb) without translation. Where the fields of a struct
 * go is decided by a {@link StructLayouter} ({@link SystemVStructLayout}), which the graded
 * exercise {@code stage03/ex1} re-implements; everything else is here.
 *
 * <p><b>The GC header.</b> Every Gc object ({@link GcStruct}, {@link GcArray}) starts with one
 * word at offset 0 that belongs to the garbage collector (mark bits, forwarding, the type id).
 * Stage 03 leaves it 0; stage 04 fills it. Reserving it from the start is what lets the layout of
 * an object stay the same from the llinterp to the native executable. In C terms a Gc object is
 * a struct whose first member is a {@code long} header. A subclass does not repeat it: its first
 * field is the parent's struct, header included. Raw containers have no header.
 *
 * <p><b>Arrays</b> are a length word followed by the items (after the header for a
 * {@code GcArray}). An inlined array ends a var-sized struct: the fixed part, then the array's
 * length word and items. {@code sizeOf(T)} is C's {@code sizeof}: for a var-sized type, its fixed
 * part; {@code sizeOf(T, n)} is the bytes an object with {@code n} items covers (PyPy's
 * {@code llmemory.sizeof(T, n)}); allocators round it up to a word.
 */
public final class Layout {

    /** The machine word: 8 bytes on x86-64. */
    public static final int WORD = 8;
    /** The GC header at offset 0 of every Gc object. */
    public static final int GC_HEADER_SIZE = WORD;

    private Layout() {
    }

    /** C's {@code sizeof}: the size of a value, or the fixed part of a container. */
    public static long sizeOf(LowLevelType type) {
        return switch (type) {
            case Primitive p -> switch (p) {
                case SIGNED, UNSIGNED, FLOAT, ADDRESS -> 8;
                case BOOL, CHAR -> 1;
                case VOID -> 0;
            };
            case Ptr _ -> WORD;
            case StructType s -> of(s).size();
            case ArrayType a -> roundUp(itemsOffset(a), alignmentOf(a));
            case FuncType f -> throw new IllegalArgumentException("a function has no size: " + f);
        };
    }

    /** C's {@code _Alignof}. */
    public static int alignmentOf(LowLevelType type) {
        return switch (type) {
            case Primitive p -> switch (p) {
                case SIGNED, UNSIGNED, FLOAT, ADDRESS -> 8;
                case BOOL, CHAR, VOID -> 1;
            };
            case Ptr _ -> WORD;
            case StructType s -> of(s).alignment();
            case ArrayType a -> Math.max(WORD, alignmentOf(a.item()));
            case FuncType f -> throw new IllegalArgumentException("a function has no alignment: " + f);
        };
    }

    /**
     * The offset of a field from the start of the struct; with several names, of a field of an
     * inlined struct of an inlined struct ... ({@code offsetOf(b, "super", "x")}), which is what
     * {@code getsubstruct} followed by {@code getfield} reaches.
     */
    public static long offsetOf(StructType struct, String... path) {
        if (path.length == 0) {
            throw new IllegalArgumentException("offsetOf " + struct + ": which field?");
        }
        long offset = 0;
        LowLevelType type = struct;
        for (String name : path) {
            if (!(type instanceof StructType s)) {
                throw new IllegalArgumentException("offsetOf " + struct + " " + String.join(".", path) + ": " + type + " has no fields");
            }
            offset += of(s).offset(s.index(name));
            type = s.field(name).type();
        }
        return offset;
    }

    /** The offset of the length word: of an array, or of the array that ends a var-sized struct. */
    public static long lengthOffset(ContainerType type) {
        return switch (type) {
            case ArrayType a -> a.isGc() ? GC_HEADER_SIZE : 0;
            case StructType s -> varsizeOffset(s) + lengthOffset(varPart(s));
            case FuncType f -> throw new IllegalArgumentException(f + " has no length");
        };
    }

    /** The offset of item 0 of an array (just after the length word). */
    public static long itemsOffset(ArrayType array) {
        return roundUp(lengthOffset(array) + WORD, alignmentOf(array.item()));
    }

    /** The distance from one item to the next: the item's size, padding included. */
    public static long itemSize(ArrayType array) {
        return sizeOf(array.item());
    }

    /** The offset of item {@code index} of an array; an ArithmeticException past 2**63 bytes. */
    public static long itemOffset(ArrayType array, long index) {
        return Math.addExact(itemsOffset(array), Math.multiplyExact(index, itemSize(array)));
    }

    /** The bytes a var-sized object of {@code length} items covers: an array, or a struct ending in one. */
    public static long sizeOf(ContainerType type, long length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length + " for " + type);
        }
        return switch (type) {
            case ArrayType a -> itemOffset(a, length);
            case StructType s -> Math.addExact(varsizeOffset(s), itemOffset(varPart(s), length));
            case FuncType f -> throw new IllegalArgumentException(f + " has no size");
        };
    }

    /** True for the containers allocated with a length: arrays, and structs ending in one. */
    public static boolean isVarsize(ContainerType type) {
        return switch (type) {
            case ArrayType _ -> true;
            case StructType s -> s.isVarsize();
            case FuncType _ -> false;
        };
    }

    static long roundUp(long n, long alignment) {
        return (n + alignment - 1) / alignment * alignment;
    }

    private static long varsizeOffset(StructType s) {
        return offsetOf(s, arrayFieldOf(s));
    }

    private static Array varPart(StructType s) {
        return (Array) s.field(arrayFieldOf(s)).type();
    }

    private static String arrayFieldOf(StructType s) {
        return s.arrayField()
                .orElseThrow(() -> new IllegalArgumentException(s + " is not var-sized (it does not end in an Array)"))
                .name();
    }

    /**
     * The layout of a struct, computed on first use by the current {@link StructLayouter}
     * ({@link Exercised#STRUCT_LAYOUT}: {@link SystemVStructLayout} unless an
     * exercise names another) and kept on the type, so each type is laid out once.
     */
    private static StructLayout of(StructType s) {
        StructLayout layout = s.layout;
        if (layout == null) {
            layout = Exercised.STRUCT_LAYOUT.current().layout(s);
            if (layout == null || layout.fieldCount() != s.fields().size()) {
                String given = layout == null ? "no layout" : layout.fieldCount() + " offsets";
                throw new IllegalStateException("the struct layout gave " + s + " " + given + " for its "
                        + s.fields().size() + " fields");
            }
            s.layout = layout;
        }
        return layout;
    }
}
