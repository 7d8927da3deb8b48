package dev.taipan.x86.elf;

import java.util.Arrays;

/**
 * The bytes of a file being written, and the only place that knows how a number becomes bytes:
 * little-endian (least significant byte first, x86's order and the order ELFDATA2LSB announces),
 * in the fixed widths the ELF structures use. The file is written front to back; {@link #padTo}
 * fills with zeros up to the next structure's offset, and refuses to go backwards, so a layout
 * mistake fails here instead of producing a file whose headers lie.
 */
final class LittleEndianWriter {

    private byte[] bytes = new byte[4096];
    private int size;

    /** Bytes written so far: the file offset of the next byte. */
    long offset() {
        return size;
    }

    void u8(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    void u16(int value) {
        u8(value);
        u8(value >>> 8);
    }

    void u32(long value) {
        u16((int) value);
        u16((int) (value >>> 16));
    }

    void u64(long value) {
        u32(value);
        u32(value >>> 32);
    }

    void bytes(byte[] data) {
        ensure(data.length);
        System.arraycopy(data, 0, bytes, size, data.length);
        size += data.length;
    }

    /** Zeros up to {@code target}; the writer must not already be past it. */
    void padTo(long target) {
        if (target < size) {
            throw new IllegalStateException("cannot pad back to offset " + target + ": already at " + size);
        }
        ensure(Math.toIntExact(target - size));
        size = (int) target;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        int needed = Math.addExact(size, more);
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
    }
}
