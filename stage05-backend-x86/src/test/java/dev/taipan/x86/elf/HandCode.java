package dev.taipan.x86.elf;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Machine code written by hand as hex, for the tests of the writer (which must not depend on the
 * encoder). The code is built against a layout, so that RIP-relative displacements and absolute
 * addresses can be computed; every field has a fixed width, so the size is the same whatever the
 * layout, and a program is built twice: once to measure it, once at its final addresses.
 */
final class HandCode {

    private final ElfLayout layout;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<String> functionNames = new ArrayList<>();
    private final List<Integer> functionStarts = new ArrayList<>();

    HandCode(ElfLayout layout) {
        this.layout = layout;
    }

    /** A function starts here; it ends where the next one starts, or with the code. */
    HandCode function(String name) {
        functionNames.add(name);
        functionStarts.add(out.size());
        return this;
    }

    /** Bytes written as hex pairs, spaces ignored, e.g. {@code "0f 05"}. */
    HandCode hex(String hex) {
        out.writeBytes(HexFormat.of().parseHex(hex.replace(" ", "")));
        return this;
    }

    /**
     * A 32-bit displacement from the end of this field to {@code target}: a RIP-relative operand
     * or a call's target, when the field ends the instruction (RIP is then the next instruction).
     */
    HandCode rel32(long target) {
        return imm32(target - (here() + 4));
    }

    HandCode imm32(long value) {
        return little(value, 4);
    }

    HandCode imm64(long value) {
        return little(value, 8);
    }

    /** The address of the next byte. */
    long here() {
        return layout.placement(ProgramSection.TEXT).address() + out.size();
    }

    /** The address of the function named {@code name} (already started). */
    long addressOf(String name) {
        return layout.placement(ProgramSection.TEXT).address() + functionStarts.get(functionNames.indexOf(name));
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    List<Symbol> functions() {
        var symbols = new ArrayList<Symbol>();
        for (int i = 0; i < functionNames.size(); i++) {
            int end = i + 1 < functionStarts.size() ? functionStarts.get(i + 1) : out.size();
            symbols.add(Symbol.function(functionNames.get(i), functionStarts.get(i), end - functionStarts.get(i)));
        }
        return symbols;
    }

    private HandCode little(long value, int width) {
        for (int i = 0; i < width; i++) {
            out.write((int) (value >>> (8 * i)));
        }
        return this;
    }
}
