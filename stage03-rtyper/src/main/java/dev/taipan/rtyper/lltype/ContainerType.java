package dev.taipan.rtyper.lltype;

/**
 * A type whose values live in memory and are reached through a {@link Ptr}: structs, arrays
 * and functions (PyPy's {@code ContainerType}). A struct or array may also be <em>inlined</em>
 * in another struct, as a field whose bytes are part of the outer struct's bytes.
 *
 * <p>{@linkplain #isGc() Gc} containers ({@link GcStruct}, {@link GcArray}) are the objects the
 * garbage collector owns: each starts with a one-word GC header (see {@link Layout}). Raw ones
 * ({@link Struct}, {@link Array}) have no header; they are inlined in Gc objects, or allocated
 * outside the GC's heap (the vtables in the image).
 */
public sealed interface ContainerType extends LowLevelType permits StructType, ArrayType, FuncType {

    /** True for containers managed by the GC, which carry the GC header. */
    boolean isGc();
}
