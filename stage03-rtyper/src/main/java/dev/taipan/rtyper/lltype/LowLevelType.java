package dev.taipan.rtyper.lltype;

/**
 * A low-level type: what a value is at the level of C, PyPy's {@code lltype.LowLevelType}.
 * The annotator said "this variable is an int" or "an instance of Node"; the rtyper says
 * "this variable is a {@code Signed} machine word" or "a {@code Ptr(GcStruct Node)}". From here on
 * every stage (the llinterp, the GC transformer, the x86 backend, the JIT) speaks only these
 * types.
 *
 * <p>Three families:
 * <ul>
 *   <li>{@link Primitive}: the machine words and bytes ({@code Signed}, {@code Unsigned},
 *       {@code Float}, {@code Bool}, {@code Char}, {@code Void});
 *   <li>{@link Ptr}: a pointer to a container, the only way to refer to one;
 *   <li>{@link ContainerType}: what lives in memory and is pointed to: structs, arrays and
 *       functions.
 * </ul>
 *
 * The types say <em>what</em> a value is; {@link Layout} says <em>where</em> its bytes are. PyPy
 * keeps the same split (lltype is abstract; sizes come from llmemory and the C compiler), which
 * is what lets one type system serve an interpreter and a native backend.
 */
public sealed interface LowLevelType permits Primitive, Ptr, ContainerType {
}
