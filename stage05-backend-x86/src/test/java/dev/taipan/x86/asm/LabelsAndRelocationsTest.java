package dev.taipan.x86.asm;

import static dev.taipan.x86.asm.Imm.imm;
import static dev.taipan.x86.asm.Reg.RAX;
import static dev.taipan.x86.asm.Width.QWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Labels are positions resolved by the assembler itself; symbols are positions resolved later,
 * by the ELF writer or the loader, through relocations. Both count a displacement from the end
 * of the instruction.
 */
class LabelsAndRelocationsTest {

    @Test
    void backwardJumpsAreResolvedAtOnce() {
        Assembler a = new Assembler();
        Label top = a.newLabel("top");
        a.bind(top);
        a.nop();                      // 0: 90
        a.jmp(top);                   // 1: e9, disp = 0 - 6 = -6
        a.jShort(Cond.NE, top);       // 6: 75, disp = 0 - 8 = -8
        assertThat(a.finish().hex()).isEqualTo("90 e9 fa ff ff ff 75 f8");
    }

    @Test
    void forwardJumpsArePatchedWhenTheLabelIsBound() {
        Assembler a = new Assembler();
        Label done = a.newLabel("done");
        a.j(Cond.E, done);            // 0: 0f 84 <rel32>, ends at 6
        a.jmpShort(done);             // 6: eb <rel8>, ends at 8
        a.call(done);                 // 8: e8 <rel32>, ends at 13
        a.ud2();                      // 13: 0f 0b
        a.bind(done);                 // 15
        a.ret();
        assertThat(done.offset()).isEqualTo(15);
        assertThat(a.finish().hex()).isEqualTo("0f 84 09 00 00 00 eb 07 e8 02 00 00 00 0f 0b c3");
    }

    @Test
    void aShortJumpOutOfReachIsAnErrorThatSaysSo() {
        Assembler a = new Assembler();
        Label far = a.newLabel("far");
        a.jmpShort(far);
        for (int i = 0; i < 128; i++) {
            a.nop();
        }
        assertThatThrownBy(() -> a.bind(far)).isInstanceOf(AssemblyException.class)
                .hasMessageContaining("cannot reach label far")
                .hasMessageContaining("displacement 128")
                .hasMessageContaining("use the rel32 form");

        Assembler b = new Assembler();
        Label back = b.newLabel("back");
        b.bind(back);
        for (int i = 0; i < 127; i++) {
            b.nop();
        }
        // -129 from the end of the jump: one byte too far, known at once since the label is bound.
        assertThatThrownBy(() -> b.jShort(Cond.L, back)).isInstanceOf(AssemblyException.class)
                .hasMessageContaining("short jump at offset 127 cannot reach label back at offset 0: displacement -129");
    }

    @Test
    void theLongestShortJumpsStillFit() {
        Assembler a = new Assembler();
        Label back = a.newLabel("back");
        a.bind(back);
        for (int i = 0; i < 126; i++) {
            a.nop();
        }
        a.jmpShort(back);             // ends at 128: disp -128
        Label ahead = a.newLabel("ahead");
        a.jmpShort(ahead);
        for (int i = 0; i < 127; i++) {
            a.nop();
        }
        a.bind(ahead);                // disp +127
        byte[] code = a.finish().bytes();
        assertThat(code[127]).isEqualTo((byte) -128);
        assertThat(code[129]).isEqualTo((byte) 127);
    }

    @Test
    void unboundAndForeignLabelsAreRefused() {
        Assembler a = new Assembler();
        Label never = a.newLabel("never");
        a.jmp(never);
        assertThatThrownBy(a::finish).hasMessageContaining("label never").hasMessageContaining("never bound");

        Assembler other = new Assembler();
        Label theirs = other.newLabel("theirs");
        assertThatThrownBy(() -> new Assembler().jmp(theirs)).hasMessageContaining("another assembler");

        Label once = other.newLabel("once");
        other.bind(once);
        assertThatThrownBy(() -> other.bind(once)).hasMessageContaining("already bound");
    }

    @Test
    void ripRelativeDisplacementsSkipTheImmediateThatFollows() {
        // mov qword ptr [rip+data], 7: the displacement field is followed by 4 immediate bytes,
        // and the processor counts from the end of those.
        Assembler a = new Assembler();
        Label data = a.newLabel("data");
        a.mov(Mem.rip(QWORD, data), imm(7));  // 48 c7 05 <disp32> <imm32>: 11 bytes
        a.bind(data);
        assertThat(a.finish().hex()).isEqualTo("48 c7 05 00 00 00 00 07 00 00 00");
    }

    @Test
    void symbolsBecomeRelocationsWithTheFieldsOffsetAndAddend() {
        Assembler a = new Assembler();
        a.nop();
        a.call(Symbol.symbol("print"));                           // e8 at 1, field at 2
        a.lea(RAX, Mem.rip(QWORD, new Symbol("table", 16)));      // 48 8d 05 at 6, field at 9
        a.mov(Mem.rip(Width.BYTE, Symbol.symbol("flag")), imm(1)); // c6 05 at 13, field at 15, 1 byte after
        a.movabs(Reg.R11, Symbol.symbol("entry"));                 // 49 bb at 20, field at 22
        MachineCode code = a.finish();
        assertThat(code.relocations()).containsExactly(
                new Relocation(2, Relocation.Kind.PLT32, "print", -4),
                new Relocation(9, Relocation.Kind.PC32, "table", 16 - 4),
                new Relocation(15, Relocation.Kind.PC32, "flag", -5),
                new Relocation(22, Relocation.Kind.ABS64, "entry", 0));
        assertThat(code.bytes()).hasSize(30);
        // The holes are zeros: the relocation's addend carries everything (RELA, as on x86-64).
        assertThat(code.hex()).isEqualTo("90 e8 00 00 00 00 48 8d 05 00 00 00 00 c6 05 00 00 00 00 01 "
                + "49 bb 00 00 00 00 00 00 00 00");
    }

    @Test
    void aShortJumpCannotGoToASymbol() {
        assertThatThrownBy(() -> new Assembler().jmpShort(Symbol.symbol("far_away")))
                .hasMessageContaining("use the rel32 form");
    }
}
