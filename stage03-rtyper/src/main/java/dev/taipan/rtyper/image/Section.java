package dev.taipan.rtyper.image;

/**
 * Where a prebuilt object goes in the image, as in an ELF file: {@code RODATA} for objects
 * nothing writes after translation (strings, vtables, function tables), {@code DATA} for the
 * others (prebuilt instances whose fields the program changes). The checked heap refuses stores
 * into {@code RODATA}; stage 05 maps it read-only.
 */
public enum Section {
    RODATA,
    DATA
}
