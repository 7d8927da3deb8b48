package dev.taipan.x86.asm;

import static dev.taipan.x86.asm.Width.BYTE;
import static dev.taipan.x86.asm.Width.DWORD;
import static dev.taipan.x86.asm.Width.QWORD;
import static dev.taipan.x86.asm.Width.WORD;
import static dev.taipan.x86.asm.Width.XMMWORD;

/**
 * The x86-64 instructions the backend uses, one method per mnemonic, in Intel operand order
 * ({@code mov(dst, src)}). Each method checks that its operands make an instruction the
 * processor has, chooses the encoding GNU {@code as} chooses for the same text (so the
 * {@code as} comparison test can hold us to it byte for byte), and hands the fields to the
 * {@link Emitter}.
 *
 * <p>Where there is a choice of encoding, the rule is the one {@code as} follows: the shortest.
 * An immediate that sign-extends from a byte takes the {@code imm8} form ({@code 83 /0 ib}); an
 * ALU operation on {@code rax}/{@code eax}/{@code ax}/{@code al} with a larger immediate takes
 * the one-byte-shorter accumulator form ({@code 05 id}); a shift by 1 takes {@code D1 /4}; a
 * register-to-register {@code mov} or ALU operation takes the "r/m, reg" direction
 * ({@code 89 /r}). A displacement takes 0, 1 or 4 bytes, the fewest that hold it.
 *
 * <p>Jumps to labels always take a 32-bit displacement unless the caller asks for the short form
 * ({@link #jmpShort}, {@link #jShort}); a short jump that turns out not to reach is an error, not
 * a silent widening, so the code's length never depends on where labels fall.
 */
public final class Assembler {

    private final Emitter out = new Emitter();

    // ================================================================ labels and the result

    /** A new, unbound label; the name appears in error messages. */
    public Label newLabel(String name) {
        return out.newLabel(name);
    }

    public Label newLabel() {
        return out.newLabel(null);
    }

    /** Binds the label to the current position and patches every jump already made to it. */
    public void bind(Label label) {
        out.bind(label);
    }

    /** The number of bytes emitted so far: the offset of the next instruction. */
    public int offset() {
        return out.offset();
    }

    /** The code, every label resolved; fails if a label used by a jump was never bound. */
    public MachineCode finish() {
        return out.finish();
    }

    // ================================================================ integer arithmetic

    /** The eight classic ALU operations share one encoding scheme; the number is their ModRM /digit. */
    private enum Alu {
        ADD(0), OR(1), AND(4), SUB(5), XOR(6), CMP(7);

        final int digit;

        Alu(int digit) {
            this.digit = digit;
        }
    }

    public void add(Operand dst, Operand src) {
        alu(Alu.ADD, dst, src);
    }

    public void or(Operand dst, Operand src) {
        alu(Alu.OR, dst, src);
    }

    public void and(Operand dst, Operand src) {
        alu(Alu.AND, dst, src);
    }

    public void sub(Operand dst, Operand src) {
        alu(Alu.SUB, dst, src);
    }

    public void xor(Operand dst, Operand src) {
        alu(Alu.XOR, dst, src);
    }

    public void cmp(Operand dst, Operand src) {
        alu(Alu.CMP, dst, src);
    }

    /** Two operands, for switching on the pair. */
    private record Ops(Operand dst, Operand src) {
    }

    private void alu(Alu op, Operand dst, Operand src) {
        String name = op.name().toLowerCase(java.util.Locale.ROOT);
        // Opcode op*8 + 0/1 is "op r/m, reg", + 2/3 is "op reg, r/m", + 4/5 is "op al/eax, imm".
        int base = op.digit * 8;
        switch (new Ops(dst, src)) {
            case Ops(Reg d, Reg s) -> sized(same(name, d, s), base, s.number(), d, rex(d, s), 0);
            case Ops(Reg d, Mem s) -> sized(same(name, d, s), base + 2, d.number(), s, rex(d), 0);
            case Ops(Mem d, Reg s) -> sized(same(name, d, s), base, s.number(), d, rex(s), 0);
            case Ops(Reg d, Imm i) when d.number() == 0 && !shortImm(d.width(), i) -> {
                Width w = d.width();
                checkImm(name, w, i);
                if (w == WORD) {
                    out.byte8(0x66);
                }
                out.plain(w == QWORD, w == BYTE ? base + 4 : base + 5);
                out.immediate(i.value(), immSize(w));
            }
            case Ops(Reg d, Imm i) -> aluImm(name, op, d.width(), d, i);
            case Ops(Mem d, Imm i) -> aluImm(name, op, d.width(), d, i);
            default -> throw invalid(name, dst, src);
        }
    }

    private void aluImm(String name, Alu op, Width w, Operand dst, Imm i) {
        checkImm(name, w, i);
        if (shortImm(w, i)) {
            sized(w, 0x82, op.digit, dst, rex(dst), 1); // 83 /digit ib (82 is not valid in 64-bit mode)
            out.immediate(i.value(), 1);
        } else {
            sized(w, 0x80, op.digit, dst, rex(dst), immSize(w));
            out.immediate(i.value(), immSize(w));
        }
    }

    /** Whether the {@code 83 /digit ib} form applies: not for bytes, and only if one byte sign-extends back. */
    private static boolean shortImm(Width w, Imm i) {
        return w != BYTE && w.signExtend(i.value()) == (byte) i.value();
    }

    public void test(Operand dst, Operand src) {
        switch (new Ops(dst, src)) {
            case Ops(Reg d, Reg s) -> sized(same("test", d, s), 0x84, s.number(), d, rex(d, s), 0);
            case Ops(Mem d, Reg s) -> sized(same("test", d, s), 0x84, s.number(), d, rex(s), 0);
            case Ops(Reg d, Imm i) when d.number() == 0 -> {
                // test has no imm8 form, so the accumulator form A8/A9 is always the shorter one.
                Width w = d.width();
                checkImm("test", w, i);
                if (w == WORD) {
                    out.byte8(0x66);
                }
                out.plain(w == QWORD, w == BYTE ? 0xA8 : 0xA9);
                out.immediate(i.value(), immSize(w));
            }
            case Ops(Reg d, Imm i) -> testImm(d.width(), d, i);
            case Ops(Mem d, Imm i) -> testImm(d.width(), d, i);
            default -> throw invalid("test", dst, src);
        }
    }

    private void testImm(Width w, Operand dst, Imm i) {
        checkImm("test", w, i);
        sized(w, 0xF6, 0, dst, rex(dst), immSize(w));
        out.immediate(i.value(), immSize(w));
    }

    public void neg(Operand dst) {
        unary("neg", 3, dst);
    }

    public void not(Operand dst) {
        unary("not", 2, dst);
    }

    /** Unsigned divide of rdx:rax (or edx:eax, ...) by the operand: quotient in rax, remainder in rdx. */
    public void div(Operand divisor) {
        unary("div", 6, divisor);
    }

    /** Signed divide of rdx:rax by the operand, rounding toward zero; {@link #cqo} sets rdx first. */
    public void idiv(Operand divisor) {
        unary("idiv", 7, divisor);
    }

    /**
     * The one-operand signed multiply: {@code rdx:rax := rax * src}, the whole 128-bit product;
     * {@code rdx} is the high word ({@code int_mul_high}, the exception transform's overflow test
     * of {@code int_mul_ovf}).
     */
    public void imul(Operand src) {
        unary("imul", 5, src);
    }

    private void unary(String name, int digit, Operand dst) {
        switch (dst) {
            case Reg r -> sized(r.width(), 0xF6, digit, r, rex(r), 0);
            case Mem m -> sized(integer(name, m), 0xF6, digit, m, false, 0);
            default -> throw invalid(name, dst);
        }
    }

    /** rdx := the sign of rax, repeated: the 128-bit dividend {@code idiv} wants. */
    public void cqo() {
        out.plain(true, 0x99);
    }

    /** edx := the sign of eax, for a 32-bit {@code idiv}. */
    public void cdq() {
        out.plain(false, 0x99);
    }

    public void imul(Reg dst, Operand src) {
        Width w = wide("imul", dst);
        switch (src) {
            case Reg s -> same("imul", dst, s);
            case Mem m -> same("imul", dst, m);
            default -> throw invalid("imul", dst, src);
        }
        out.withModRm(w == WORD ? 0x66 : 0, w == QWORD, false, 0x0FAF, dst.number(), src, 0);
    }

    /** {@code dst := src * imm}, the three-operand form; {@code 6B} takes a sign-extended byte. */
    public void imul(Reg dst, Operand src, Imm imm) {
        Width w = wide("imul", dst);
        switch (src) {
            case Reg s -> same("imul", dst, s);
            case Mem m -> same("imul", dst, m);
            default -> throw invalid("imul", dst, src);
        }
        checkImm("imul", w, imm);
        boolean small = shortImm(w, imm);
        int size = small ? 1 : immSize(w);
        out.withModRm(w == WORD ? 0x66 : 0, w == QWORD, false, small ? 0x6B : 0x69, dst.number(), src, size);
        out.immediate(imm.value(), size);
    }

    // ================================================================ shifts

    public void shl(Operand dst, Operand count) {
        shift("shl", 4, dst, count);
    }

    public void shr(Operand dst, Operand count) {
        shift("shr", 5, dst, count);
    }

    public void sar(Operand dst, Operand count) {
        shift("sar", 7, dst, count);
    }

    /** The count is an immediate or {@code cl}: x86 shifts by a register only through cl. */
    private void shift(String name, int digit, Operand dst, Operand count) {
        Width w = switch (dst) {
            case Reg r -> r.width();
            case Mem m -> integer(name, m);
            default -> throw invalid(name, dst, count);
        };
        switch (count) {
            case Reg r when r.equals(Reg.CL) -> sized(w, 0xD2, digit, dst, rex(dst), 0);
            case Imm i when i.value() == 1 -> sized(w, 0xD0, digit, dst, rex(dst), 0);
            case Imm i when i.value() >= 0 && i.value() <= 255 -> {
                sized(w, 0xC0, digit, dst, rex(dst), 1);
                out.immediate(i.value(), 1);
            }
            default -> throw new AssemblyException(name + " " + dst + ", " + count
                    + ": the count must be cl or an immediate 0..255");
        }
    }

    // ================================================================ moves

    public void mov(Operand dst, Operand src) {
        switch (new Ops(dst, src)) {
            case Ops(Reg d, Reg s) -> sized(same("mov", d, s), 0x88, s.number(), d, rex(d, s), 0);
            case Ops(Reg d, Mem s) -> sized(same("mov", d, s), 0x8A, d.number(), s, rex(d), 0);
            case Ops(Mem d, Reg s) -> sized(same("mov", d, s), 0x88, s.number(), d, rex(s), 0);
            case Ops(Reg d, Imm i) when d.width() != QWORD -> {
                // B0+r ib, 66 B8+r iw, B8+r id: the register in the opcode, the immediate at full width.
                Width w = d.width();
                checkImm("mov", w, i);
                out.withRegInOpcode(w == WORD ? 0x66 : 0, false, w == BYTE ? 0xB0 : 0xB8, d);
                out.immediate(i.value(), w.bytes());
            }
            case Ops(Reg d, Imm i) when i.value() != (int) i.value() -> movabs(d, i.value());
            case Ops(Reg d, Imm i) -> movImm(QWORD, d, i);
            case Ops(Mem d, Imm i) -> movImm(integer("mov", d), d, i);
            default -> throw invalid("mov", dst, src);
        }
    }

    /** {@code C7 /0 id}: the sign-extended 32-bit immediate (C6 for bytes). */
    private void movImm(Width w, Operand dst, Imm i) {
        checkImm("mov", w, i);
        sized(w, 0xC6, 0, dst, rex(dst), immSize(w));
        out.immediate(i.value(), immSize(w));
    }

    /** {@code REX.W B8+r io}: the only instruction with a full 64-bit immediate. */
    public void movabs(Reg dst, long value) {
        requireWidth("movabs", dst, QWORD);
        out.withRegInOpcode(0, true, 0xB8, dst);
        out.immediate(value, 8);
    }

    /** The 64-bit address of a symbol, left as an {@code R_X86_64_64} relocation. */
    public void movabs(Reg dst, Symbol symbol) {
        requireWidth("movabs", dst, QWORD);
        out.withRegInOpcode(0, true, 0xB8, dst);
        out.absolute64(symbol);
    }

    /** Zero-extending load of a byte or word ({@code 0F B6}/{@code 0F B7}). */
    public void movzx(Reg dst, Operand src) {
        extend("movzx", 0x0FB6, dst, src);
    }

    /** Sign-extending load of a byte or word ({@code 0F BE}/{@code 0F BF}). */
    public void movsx(Reg dst, Operand src) {
        extend("movsx", 0x0FBE, dst, src);
    }

    private void extend(String name, int byteOpcode, Reg dst, Operand src) {
        Width from = switch (src) {
            case Reg r -> r.width();
            case Mem m -> m.width();
            default -> throw invalid(name, dst, src);
        };
        if ((from != BYTE && from != WORD) || from.bytes() >= dst.width().bytes()) {
            throw new AssemblyException(name + " " + dst + ", " + src + ": extends a byte or a word to a wider register");
        }
        Width w = dst.width();
        out.withModRm(w == WORD ? 0x66 : 0, w == QWORD, rex(src), from == BYTE ? byteOpcode : byteOpcode + 1,
                dst.number(), src, 0);
    }

    /** Sign-extends a dword into a 64-bit register ({@code REX.W 63 /r}); a 32-bit mov zero-extends. */
    public void movsxd(Reg dst, Operand src) {
        requireWidth("movsxd", dst, QWORD);
        switch (src) {
            case Reg r -> requireWidth("movsxd", r, DWORD);
            case Mem m when m.width() == DWORD -> { }
            default -> throw invalid("movsxd", dst, src);
        }
        out.withModRm(0, true, false, 0x63, dst.number(), src, 0);
    }

    /** {@code dst := the address of the memory operand}; no memory is read. */
    public void lea(Reg dst, Mem src) {
        Width w = wide("lea", dst);
        out.withModRm(w == WORD ? 0x66 : 0, w == QWORD, false, 0x8D, dst.number(), src, 0);
    }

    // ================================================================ flags to values

    /** The byte operand := 1 if the condition holds, else 0 (the other 56 bits are kept). */
    public void set(Cond cond, Operand dst) {
        switch (dst) {
            case Reg r -> requireWidth("set" + cond.suffix(), r, BYTE);
            case Mem m when m.width() == BYTE -> { }
            default -> throw invalid("set" + cond.suffix(), dst);
        }
        out.withModRm(0, false, rex(dst), 0x0F90 + cond.code(), 0, dst, 0);
    }

    /** {@code dst := src} if the condition holds: a branch-free select. */
    public void cmov(Cond cond, Reg dst, Operand src) {
        Width w = wide("cmov" + cond.suffix(), dst);
        switch (src) {
            case Reg s -> same("cmov" + cond.suffix(), dst, s);
            case Mem m -> same("cmov" + cond.suffix(), dst, m);
            default -> throw invalid("cmov" + cond.suffix(), dst, src);
        }
        out.withModRm(w == WORD ? 0x66 : 0, w == QWORD, false, 0x0F40 + cond.code(), dst.number(), src, 0);
    }

    // ================================================================ control flow

    /** {@code jmp rel32} ({@code E9}); a symbol is a tail call, relocated like a call. */
    public void jmp(Target target) {
        out.byte8(0xE9);
        out.displacement32(target, 0, Relocation.Kind.PLT32);
    }

    /** {@code jmp rel8} ({@code EB}): two bytes, for a target within -128..127 of the next instruction. */
    public void jmpShort(Target target) {
        out.byte8(0xEB);
        out.displacement8(target);
    }

    /** {@code jcc rel32} ({@code 0F 80+cc}). */
    public void j(Cond cond, Target target) {
        out.plain(false, 0x0F80 + cond.code());
        out.displacement32(target, 0, Relocation.Kind.PLT32);
    }

    /** {@code jcc rel8} ({@code 70+cc}). */
    public void jShort(Cond cond, Target target) {
        out.byte8(0x70 + cond.code());
        out.displacement8(target);
    }

    /** {@code call rel32} ({@code E8}); a symbol becomes an {@code R_X86_64_PLT32} relocation. */
    public void call(Target target) {
        out.byte8(0xE8);
        out.displacement32(target, 0, Relocation.Kind.PLT32);
    }

    /** {@code jmp r/m64} ({@code FF /4}): a jump table, a computed tail call. */
    public void jmp(Operand target) {
        indirect("jmp", 4, target);
    }

    /** {@code call r/m64} ({@code FF /2}): a call through a function pointer. */
    public void call(Operand target) {
        indirect("call", 2, target);
    }

    private void indirect(String name, int digit, Operand target) {
        // Near branches are 64-bit by default in long mode: no REX.W, but REX.B for r8..r15.
        switch (target) {
            case Reg r -> requireWidth(name, r, QWORD);
            case Mem m when m.width() == QWORD -> { }
            default -> throw invalid(name, target);
        }
        out.withModRm(0, false, false, 0xFF, digit, target, 0);
    }

    public void ret() {
        out.byte8(0xC3);
    }

    // ================================================================ the stack

    public void push(Operand src) {
        switch (src) {
            case Reg r -> {
                requireWidth("push", r, QWORD);
                out.withRegInOpcode(0, false, 0x50, r);
            }
            case Mem m when m.width() == QWORD -> out.withModRm(0, false, false, 0xFF, 6, m, 0);
            case Imm i when i.fitsInt8() -> {
                out.byte8(0x6A);
                out.immediate(i.value(), 1);
            }
            case Imm i when i.value() == (int) i.value() -> {
                out.byte8(0x68);
                out.immediate(i.value(), 4);
            }
            default -> throw invalid("push", src);
        }
    }

    public void pop(Operand dst) {
        switch (dst) {
            case Reg r -> {
                requireWidth("pop", r, QWORD);
                out.withRegInOpcode(0, false, 0x58, r);
            }
            case Mem m when m.width() == QWORD -> out.withModRm(0, false, false, 0x8F, 0, m, 0);
            default -> throw invalid("pop", dst);
        }
    }

    // ================================================================ the rest

    /** Enter the kernel: number in rax, arguments in rdi, rsi, rdx, r10, r8, r9; rcx and r11 are clobbered. */
    public void syscall() {
        out.plain(false, 0x0F05);
    }

    /** The guaranteed-invalid instruction: a trap for code that must never be reached. */
    public void ud2() {
        out.plain(false, 0x0F0B);
    }

    public void nop() {
        out.byte8(0x90);
    }

    /**
     * {@code rep movsb}: copies {@code rcx} bytes from {@code [rsi]} to {@code [rdi]}, forward
     * ({@code F3 A4}). With "enhanced rep movsb" (every x86-64 since Ivy Bridge) the processor
     * moves whole cache lines, the fastest copy of a large block; its start-up costs some tens
     * of cycles, so small copies are faster as a loop.
     */
    public void repMovsb() {
        out.byte8(0xF3);
        out.byte8(0xA4);
    }

    /** {@code rep stosb}: stores {@code al} into {@code rcx} bytes from {@code [rdi]} on ({@code F3 AA}). */
    public void repStosb() {
        out.byte8(0xF3);
        out.byte8(0xAA);
    }

    // ================================================================ SSE2 scalar doubles

    /** {@code movsd}: load ({@code F2 0F 10}), store ({@code F2 0F 11}), or register copy (the load form). */
    public void movsd(Operand dst, Operand src) {
        switch (new Ops(dst, src)) {
            case Ops(Xmm d, Xmm s) -> out.withModRm(0xF2, false, false, 0x0F10, d.number(), s, 0);
            case Ops(Xmm d, Mem s) when s.width() == QWORD -> out.withModRm(0xF2, false, false, 0x0F10, d.number(), s, 0);
            case Ops(Mem d, Xmm s) when d.width() == QWORD -> out.withModRm(0xF2, false, false, 0x0F11, s.number(), d, 0);
            default -> throw invalid("movsd", dst, src);
        }
    }

    public void addsd(Xmm dst, Operand src) {
        sse("addsd", 0xF2, 0x0F58, QWORD, dst, src);
    }

    public void subsd(Xmm dst, Operand src) {
        sse("subsd", 0xF2, 0x0F5C, QWORD, dst, src);
    }

    public void mulsd(Xmm dst, Operand src) {
        sse("mulsd", 0xF2, 0x0F59, QWORD, dst, src);
    }

    public void divsd(Xmm dst, Operand src) {
        sse("divsd", 0xF2, 0x0F5E, QWORD, dst, src);
    }

    public void sqrtsd(Xmm dst, Operand src) {
        sse("sqrtsd", 0xF2, 0x0F51, QWORD, dst, src);
    }

    /** Compares, setting ZF, PF, CF like an unsigned compare; PF=1 means unordered (a NaN). */
    public void ucomisd(Xmm dst, Operand src) {
        sse("ucomisd", 0x66, 0x0F2E, QWORD, dst, src);
    }

    /** Bitwise xor of all 128 bits: negation with a sign-bit mask, or zeroing a register. */
    public void xorpd(Xmm dst, Operand src) {
        sse("xorpd", 0x66, 0x0F57, XMMWORD, dst, src);
    }

    /** Bitwise and of all 128 bits: {@code abs} with a mask that clears the sign bit. */
    public void andpd(Xmm dst, Operand src) {
        sse("andpd", 0x66, 0x0F54, XMMWORD, dst, src);
    }

    private void sse(String name, int prefix, int opcode, Width memWidth, Xmm dst, Operand src) {
        switch (src) {
            case Xmm s -> { }
            case Mem m when m.width() == memWidth -> { }
            default -> throw invalid(name, dst, src);
        }
        out.withModRm(prefix, false, false, opcode, dst.number(), src, 0);
    }

    /** Signed integer (32 or 64 bits, register or memory) to double. */
    public void cvtsi2sd(Xmm dst, Operand src) {
        Width w = switch (src) {
            case Reg r when r.width() == DWORD || r.width() == QWORD -> r.width();
            case Mem m when m.width() == DWORD || m.width() == QWORD -> m.width();
            default -> throw invalid("cvtsi2sd", dst, src);
        };
        out.withModRm(0xF2, w == QWORD, false, 0x0F2A, dst.number(), src, 0);
    }

    /** Double to signed integer, truncating toward zero (Python's {@code int(x)}). */
    public void cvttsd2si(Reg dst, Operand src) {
        if (dst.width() != DWORD && dst.width() != QWORD) {
            throw invalid("cvttsd2si", dst, src);
        }
        switch (src) {
            case Xmm s -> { }
            case Mem m when m.width() == QWORD -> { }
            default -> throw invalid("cvttsd2si", dst, src);
        }
        out.withModRm(0xF2, dst.width() == QWORD, false, 0x0F2C, dst.number(), src, 0);
    }

    /** The 64 bits moved unchanged between a general-purpose and an SSE register (a bit cast). */
    public void movq(Operand dst, Operand src) {
        switch (new Ops(dst, src)) {
            case Ops(Xmm d, Reg s) when s.width() == QWORD -> out.withModRm(0x66, true, false, 0x0F6E, d.number(), s, 0);
            case Ops(Reg d, Xmm s) when d.width() == QWORD -> out.withModRm(0x66, true, false, 0x0F7E, s.number(), d, 0);
            default -> throw invalid("movq", dst, src);
        }
    }

    // ================================================================ helpers

    /**
     * The integer forms that come in a byte version (the even opcode) and a full version (the
     * odd one), sized by the {@code 66} prefix and REX.W.
     */
    private void sized(Width w, int byteOpcode, int reg, Operand rm, boolean forceRex, int trailing) {
        out.withModRm(w == WORD ? 0x66 : 0, w == QWORD, forceRex, w == BYTE ? byteOpcode : byteOpcode + 1,
                reg, rm, trailing);
    }

    /** Whether an operand is one of spl, bpl, sil, dil, which exist only under a REX prefix. */
    private static boolean rex(Operand... operands) {
        for (Operand o : operands) {
            if (o instanceof Reg r && r.needsRex()) {
                return true;
            }
        }
        return false;
    }

    private static int immSize(Width w) {
        return Math.min(w.bytes(), 4);
    }

    private static void checkImm(String name, Width w, Imm i) {
        if (!w.holds(i.value())) {
            throw new AssemblyException(name + ": immediate " + i.value() + " does not fit a " + w.intelName()
                    + (w == QWORD ? " instruction (a sign-extended 32-bit value); use movabs" : " operand"));
        }
    }

    private static Width same(String name, Operand a, Operand b) {
        Width wa = widthOf(a);
        Width wb = widthOf(b);
        if (wa != wb || wa == XMMWORD) {
            throw new AssemblyException(name + " " + a + ", " + b + ": operands of different widths");
        }
        return wa;
    }

    private static Width widthOf(Operand o) {
        return switch (o) {
            case Reg r -> r.width();
            case Mem m -> m.width();
            default -> throw new IllegalArgumentException("no width: " + o);
        };
    }

    private static Width integer(String name, Mem m) {
        if (m.width() == XMMWORD) {
            throw new AssemblyException(name + " " + m + ": an integer instruction has no 128-bit form");
        }
        return m.width();
    }

    /** The instructions that have 16, 32 and 64-bit forms but no byte form. */
    private static Width wide(String name, Reg r) {
        if (r.width() == BYTE) {
            throw new AssemblyException(name + " " + r + ": no byte form");
        }
        return r.width();
    }

    private static void requireWidth(String name, Reg r, Width w) {
        if (r.width() != w) {
            throw new AssemblyException(name + " " + r + ": needs a " + w.intelName() + " register");
        }
    }

    private static AssemblyException invalid(String name, Operand... operands) {
        StringBuilder s = new StringBuilder(name);
        for (int i = 0; i < operands.length; i++) {
            s.append(i == 0 ? " " : ", ").append(operands[i]);
        }
        return new AssemblyException(s.append(": no such instruction form").toString());
    }
}
