package dev.taipan.x86.elf;

/**
 * The final bytes of the three sections the file stores, addresses already patched in
 * ({@code .bss} has no bytes: its size is all the layout needs). Each must be exactly as long as
 * the layout planned.
 */
public record Contents(byte[] text, byte[] rodata, byte[] data) {

    public Contents {
        text = text.clone();
        rodata = rodata.clone();
        data = data.clone();
    }

    byte[] of(ProgramSection section) {
        return switch (section) {
            case TEXT -> text;
            case RODATA -> rodata;
            case DATA -> data;
            case BSS -> throw new IllegalArgumentException(".bss has no bytes in the file");
        };
    }
}
