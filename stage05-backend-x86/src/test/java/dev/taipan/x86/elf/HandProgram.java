package dev.taipan.x86.elf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A small program of hand-encoded machine code and its data, made into an executable the way the
 * backend will: plan the layout from sizes, build the code at its final addresses, write. Each
 * program's code says, per instruction, the bytes and the instruction they encode (as objdump
 * prints it, Intel syntax).
 */
record HandProgram(Function<ElfLayout, HandCode> text, byte[] rodata, byte[] data, long bssSize,
                   List<Symbol> dataSymbols) {

    static final int EXIT_GROUP = 231;
    static final int WRITE = 1;

    /** Plans at the code's measured size; returns the layout with the code built there. */
    Built build() {
        long textSize = text.apply(plan(0)).bytes().length;
        ElfLayout layout = plan(textSize);
        return new Built(layout, text.apply(layout));
    }

    record Built(ElfLayout layout, HandCode code) {
    }

    /** The executable's bytes, entry {@code _start}. */
    byte[] file() {
        Built built = build();
        var symbols = new ArrayList<>(built.code().functions());
        symbols.addAll(dataSymbols);
        return ElfWriter.write(built.layout(), new Contents(built.code().bytes(), rodata, data), symbols, "_start");
    }

    private ElfLayout plan(long textSize) {
        return ElfLayout.plan(new SectionSize(textSize, 16), new SectionSize(rodata.length, 8),
                new SectionSize(data.length, 8), new SectionSize(bssSize, 8));
    }

    /**
     * exit_group(42), through a second function so that there is a call to name and a symbol to
     * break on; {@code _start} is not the first byte of {@code .text}, so the entry point must
     * come from the symbol.
     */
    static HandProgram exit42() {
        return new HandProgram(layout -> {
            var code = new HandCode(layout);
            code.function("exit_with")                      // exit_group(rdi)
                    .hex("b8").imm32(EXIT_GROUP)            // mov eax, 231
                    .hex("0f 05");                          // syscall
            code.function("_start")
                    .hex("bf").imm32(42)                    // mov edi, 42
                    .hex("e8").rel32(code.addressOf("exit_with")); // call exit_with
            return code;
        }, new byte[0], new byte[0], 0, List.of());
    }

    static final String MESSAGE = "Hello from .rodata, with no libc\n";

    /**
     * write(1, message, len) with the message in {@code .rodata}, then exit_group(0); the message's
     * address either RIP-relative (as the backend will address constants) or as an absolute 64-bit
     * immediate (as a relocated pointer would hold it).
     */
    static HandProgram hello(boolean ripRelative) {
        byte[] message = MESSAGE.getBytes(StandardCharsets.US_ASCII);
        return new HandProgram(layout -> {
            long address = layout.address(ProgramSection.RODATA, 0);
            var code = new HandCode(layout);
            code.function("_start")
                    .hex("b8").imm32(WRITE)                 // mov eax, 1
                    .hex("bf").imm32(1);                    // mov edi, 1 (stdout)
            if (ripRelative) {
                code.hex("48 8d 35").rel32(address);        // lea rsi, [rip + message]
            } else {
                code.hex("48 be").imm64(address);           // movabs rsi, message
            }
            code.hex("ba").imm32(message.length)            // mov edx, len
                    .hex("0f 05")                           // syscall
                    .hex("b8").imm32(EXIT_GROUP)            // mov eax, 231
                    .hex("31 ff")                           // xor edi, edi
                    .hex("0f 05");                          // syscall
            return code;
        }, message, new byte[0], 0, List.of(Symbol.object("message", ProgramSection.RODATA, 0, message.length)));
    }

    /** Three pages and a word of .bss, so that its end lies beyond every page the file maps. */
    static final long ZEROS = 3 * ElfLayout.PAGE + 8;

    /**
     * Reads 40 from {@code .data}, stores 42 back and reloads it (so the segment is writable and
     * initialised from the file), adds three words of {@code .bss} (so they are zero: the first,
     * one where the file's symbol table would show through if the segment's file size were too
     * large, and the last, three pages on, where only the kernel's anonymous zero pages are),
     * stores the sum at the end of {@code .bss} and exits with what it reloads from there: 42.
     */
    static HandProgram dataAndBss() {
        byte[] data = new byte[16];
        data[0] = 40;                                   // counter: dq 40
        Arrays.fill(data, 8, 16, (byte) 0xff); // filler: dq -1, so .data's bytes are not all zero
        return new HandProgram(layout -> {
            long counter = layout.address(ProgramSection.DATA, 0);
            long zeros = layout.address(ProgramSection.BSS, 0);
            long last = layout.address(ProgramSection.BSS, ZEROS - 8);
            var code = new HandCode(layout);
            code.function("_start")
                    .hex("48 8b 05").rel32(counter)         // mov rax, [rip + counter]
                    .hex("48 83 c0 02")                     // add rax, 2
                    .hex("48 89 05").rel32(counter)         // mov [rip + counter], rax
                    .hex("48 8b 3d").rel32(counter)         // mov rdi, [rip + counter]
                    .hex("48 03 3d").rel32(zeros)           // add rdi, [rip + zeros]
                    .hex("48 03 3d").rel32(zeros + 32)      // add rdi, [rip + zeros + 32]
                    .hex("48 03 3d").rel32(last)            // add rdi, [rip + zeros + 0x3000]
                    .hex("48 89 3d").rel32(last)            // mov [rip + zeros + 0x3000], rdi
                    .hex("48 8b 3d").rel32(last)            // mov rdi, [rip + zeros + 0x3000]
                    .hex("b8").imm32(EXIT_GROUP)            // mov eax, 231
                    .hex("0f 05");                          // syscall
            return code;
        }, new byte[0], data, ZEROS, List.of(
                Symbol.object("counter", ProgramSection.DATA, 0, 8),
                Symbol.object("filler", ProgramSection.DATA, 8, 8),
                Symbol.object("zeros", ProgramSection.BSS, 0, ZEROS)));
    }

    /**
     * Pushes the code of exit_group(7) onto the stack and jumps to it. Under PT_GNU_STACK without
     * the execute flag, the jump faults (SIGSEGV) instead of exiting with 7.
     */
    static HandProgram jumpToStack() {
        return new HandProgram(layout -> new HandCode(layout).function("_start")
                // The 12 bytes b8 e7 00 00 00  bf 07 00 00 00  0f 05 (mov eax, 231; mov edi, 7;
                // syscall) as two little-endian words, the second padded with nop (90); the
                // higher one is pushed first, since the stack grows down.
                .hex("48 b8").imm64(0x90909090_050f0000L)   // movabs rax, <bytes 8..15>
                .hex("50")                                  // push rax
                .hex("48 b8").imm64(0x0007bf00_0000e7b8L)   // movabs rax, <bytes 0..7>
                .hex("50")                                  // push rax
                .hex("ff e4"),                              // jmp rsp
                new byte[0], new byte[0], 0, List.of());
    }
}
