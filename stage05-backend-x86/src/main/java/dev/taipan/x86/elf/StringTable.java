package dev.taipan.x86.elf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An ELF string table ({@code .strtab}, {@code .shstrtab}): names as NUL-terminated UTF-8, one
 * after another, each referred to by the offset of its first byte. Offset 0 is the empty name,
 * so the table starts with a NUL.
 */
final class StringTable {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    StringTable() {
        bytes.write(0);
    }

    /** Appends {@code name}; returns its offset. */
    int add(String name) {
        int offset = bytes.size();
        bytes.writeBytes(name.getBytes(StandardCharsets.UTF_8));
        bytes.write(0);
        return offset;
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }
}
