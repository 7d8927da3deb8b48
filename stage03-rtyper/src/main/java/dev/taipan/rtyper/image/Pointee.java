package dev.taipan.rtyper.image;

/** What a pointer field of a prebuilt object can point to (besides null): another prebuilt object, or a function. */
public sealed interface Pointee permits Prebuilt, FunctionRef {
}
