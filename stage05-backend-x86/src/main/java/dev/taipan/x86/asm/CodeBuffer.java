package dev.taipan.x86.asm;

import java.util.Arrays;

/**
 * A growing array of bytes with little-endian writers, and in-place patching for the
 * displacements that are only known later. x86 stores every multi-byte field (displacements,
 * immediates) least significant byte first.
 */
final class CodeBuffer {

    private byte[] bytes = new byte[256];
    private int size;

    int size() {
        return size;
    }

    void emit8(int b) {
        if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[size++] = (byte) b;
    }

    void emit16(int v) {
        emit8(v);
        emit8(v >> 8);
    }

    void emit32(int v) {
        emit16(v);
        emit16(v >> 16);
    }

    void emit64(long v) {
        emit32((int) v);
        emit32((int) (v >>> 32));
    }

    void patch8(int at, int v) {
        bytes[at] = (byte) v;
    }

    void patch32(int at, int v) {
        for (int i = 0; i < 4; i++) {
            bytes[at + i] = (byte) (v >> (8 * i));
        }
    }

    byte[] toArray() {
        return Arrays.copyOf(bytes, size);
    }

    String hex(int from, int to) {
        return hex(bytes, from, to);
    }

    static String hex(byte[] data, int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to; i++) {
            s.append(i > from ? " " : "").append(String.format("%02x", data[i] & 0xFF));
        }
        return s.toString();
    }
}
