package dev.taipan.x86.asm;

import java.util.List;

/**
 * The result of assembling: the bytes, every label already resolved, and the relocations to
 * symbols outside them, each with its offset into {@code bytes}.
 */
public record MachineCode(byte[] bytes, List<Relocation> relocations) {
    public MachineCode {
        bytes = bytes.clone();
        relocations = List.copyOf(relocations);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The bytes as {@code 48 8b 04 24}, for error messages and listings. */
    public String hex() {
        return CodeBuffer.hex(bytes, 0, bytes.length);
    }
}
