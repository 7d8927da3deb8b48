package dev.taipan.x86.asm;

import static dev.taipan.x86.asm.Imm.imm;
import static dev.taipan.x86.asm.Reg.R12;
import static dev.taipan.x86.asm.Reg.R13;
import static dev.taipan.x86.asm.Reg.RAX;
import static dev.taipan.x86.asm.Reg.RBP;
import static dev.taipan.x86.asm.Reg.RBX;
import static dev.taipan.x86.asm.Reg.RCX;
import static dev.taipan.x86.asm.Reg.RSI;
import static dev.taipan.x86.asm.Reg.RSP;
import static dev.taipan.x86.asm.Width.BYTE;
import static dev.taipan.x86.asm.Width.QWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The encoder without any tool: byte sequences worked out by hand from the Intel manual (the
 * README's worked example among them), so the special cases stay pinned where binutils is
 * missing, and the instruction forms the processor does not have are refused.
 */
class KnownEncodingsTest {

    private static String bytes(Consumer<Assembler> code) {
        Assembler asm = new Assembler();
        code.accept(asm);
        return asm.finish().hex();
    }

    @Test
    void theReadmesWorkedExample() {
        // mov rax, [r12 + rcx*8 + 16]: REX.W+B, 8B, ModRM mod=01 reg=rax rm=SIB, SIB 8*rcx + r12, disp8.
        assertThat(bytes(a -> a.mov(RAX, Mem.at(QWORD, R12, RCX, 8, 16)))).isEqualTo("49 8b 44 cc 10");
    }

    @Test
    void theReadmesFirstProgram() {
        Assembler asm = new Assembler();
        Label loop = asm.newLabel("loop");
        asm.xor(Reg.EAX, Reg.EAX);
        asm.bind(loop);
        asm.add(RAX, Mem.at(QWORD, Reg.RDI, RCX, 8, 0));
        asm.sub(RCX, imm(1));
        asm.j(Cond.NS, loop);
        asm.call(Symbol.symbol("print_int"));
        asm.ret();
        MachineCode code = asm.finish();
        assertThat(code.hex()).isEqualTo("31 c0 48 03 04 cf 48 83 e9 01 0f 89 f2 ff ff ff e8 00 00 00 00 c3");
        assertThat(code.relocations()).containsExactly(new Relocation(17, Relocation.Kind.PLT32, "print_int", -4));
    }

    @Test
    void rspAndR12BasesTakeASibByte() {
        assertThat(bytes(a -> a.mov(RAX, Mem.at(QWORD, RSP)))).isEqualTo("48 8b 04 24");
        assertThat(bytes(a -> a.mov(RAX, Mem.at(QWORD, R12)))).isEqualTo("49 8b 04 24");
        assertThat(bytes(a -> a.mov(RAX, Mem.at(QWORD, RBX)))).isEqualTo("48 8b 03");
    }

    @Test
    void rbpAndR13BasesTakeADisplacementEvenWhenZero() {
        assertThat(bytes(a -> a.mov(RAX, Mem.at(QWORD, RBP)))).isEqualTo("48 8b 45 00");
        assertThat(bytes(a -> a.mov(RAX, Mem.at(QWORD, R13)))).isEqualTo("49 8b 45 00");
    }

    @Test
    void displacementsTakeOneOrFourBytesAtTheSignedByteBoundary() {
        assertThat(bytes(a -> a.mov(RAX, Mem.at(QWORD, RBX, 127)))).isEqualTo("48 8b 43 7f");
        assertThat(bytes(a -> a.mov(RAX, Mem.at(QWORD, RBX, 128)))).isEqualTo("48 8b 83 80 00 00 00");
        assertThat(bytes(a -> a.mov(RAX, Mem.at(QWORD, RBX, -128)))).isEqualTo("48 8b 43 80");
        assertThat(bytes(a -> a.mov(RAX, Mem.at(QWORD, RBX, -129)))).isEqualTo("48 8b 83 7f ff ff ff");
    }

    @Test
    void indexWithoutBaseAndRipRelative() {
        // [rsi*4 + 0x100]: SIB base=101 with mod=00 means "no base, disp32".
        assertThat(bytes(a -> a.mov(RAX, Mem.indexed(QWORD, RSI, 4, 0x100)))).isEqualTo("48 8b 04 b5 00 01 00 00");
        assertThat(bytes(a -> a.lea(RAX, Mem.rip(QWORD, Target.relative(16))))).isEqualTo("48 8d 05 10 00 00 00");
    }

    @Test
    void byteRegistersFourToSevenNeedAnEmptyRex() {
        Reg sil = RSI.view(BYTE);
        assertThat(bytes(a -> a.mov(sil, imm(5)))).isEqualTo("40 b6 05");
        assertThat(bytes(a -> a.mov(RBX.view(BYTE), imm(5)))).isEqualTo("b3 05"); // bl: no REX
        assertThat(bytes(a -> a.set(Cond.E, RBP.view(BYTE)))).isEqualTo("40 0f 94 c5");
        assertThat(bytes(a -> a.movzx(Reg.EAX, RSP.view(BYTE)))).isEqualTo("40 0f b6 c4");
    }

    @Test
    void shortestImmediateForms() {
        assertThat(bytes(a -> a.add(RCX, imm(1)))).isEqualTo("48 83 c1 01");
        assertThat(bytes(a -> a.add(RCX, imm(128)))).isEqualTo("48 81 c1 80 00 00 00");
        assertThat(bytes(a -> a.add(RAX, imm(128)))).isEqualTo("48 05 80 00 00 00");
        assertThat(bytes(a -> a.shl(RAX, imm(1)))).isEqualTo("48 d1 e0");
        assertThat(bytes(a -> a.mov(RAX, imm(0xffff_ffffL)))).isEqualTo("48 b8 ff ff ff ff 00 00 00 00");
    }

    @Test
    void conditionCodesComeInNegatedPairs() {
        for (Cond c : Cond.values()) {
            assertThat(c.negate().negate()).isEqualTo(c);
            assertThat(c.negate().code()).isEqualTo(c.code() ^ 1);
        }
        assertThat(Cond.L.negate()).isEqualTo(Cond.GE);
        assertThat(Cond.E.negate()).isEqualTo(Cond.NE);
        assertThat(Cond.B.negate()).isEqualTo(Cond.AE);
        assertThat(Cond.P.negate()).isEqualTo(Cond.NP);
    }

    @Test
    void instructionsTheProcessorDoesNotHaveAreRefused() {
        Assembler a = new Assembler();
        Mem m = Mem.qword(RBX, 8);
        assertThatThrownBy(() -> a.mov(m, m)).isInstanceOf(AssemblyException.class).hasMessageContaining("no such instruction form");
        assertThatThrownBy(() -> a.add(RAX, RBX.view(Width.DWORD))).hasMessageContaining("different widths");
        assertThatThrownBy(() -> a.add(RAX, imm(1L << 40))).hasMessageContaining("use movabs");
        assertThatThrownBy(() -> a.mov(RAX.view(BYTE), imm(300))).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> a.shl(RAX, RBX.view(BYTE))).hasMessageContaining("cl or an immediate");
        assertThatThrownBy(() -> a.movzx(RAX, Reg.EAX)).hasMessageContaining("a byte or a word");
        assertThatThrownBy(() -> a.imul(RAX.view(BYTE), RBX.view(BYTE))).hasMessageContaining("no byte form");
        assertThatThrownBy(() -> a.push(Reg.EAX)).hasMessageContaining("needs a qword register");
        assertThatThrownBy(() -> Mem.at(QWORD, RAX, RSP, 1, 0)).hasMessageContaining("rsp cannot be an index");
        assertThatThrownBy(() -> Mem.at(QWORD, RAX, RBX, 3, 0)).hasMessageContaining("scale");
        assertThatThrownBy(() -> Mem.at(QWORD, Reg.EAX, 0)).hasMessageContaining("64-bit");
        assertThat(a.offset()).as("a refused instruction emits nothing").isZero();
    }
}
