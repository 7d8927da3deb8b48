package dev.taipan.x86.asm;

import dev.taipan.x86.Exercised;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The byte-level half of the assembler: the generic shape every instruction of the backend has,
 *
 * <pre>
 *   [66 | F2 | F3]  [REX]  opcode (1 or 2 bytes)  [ModRM  [SIB]  [disp8 | disp32]]  [immediate]
 * </pre>
 *
 * and the displacements that point at labels or symbols. {@link Assembler} knows which opcode
 * and which fields each instruction uses; this class knows how the fields are laid out. A memory
 * operand's fields (REX.X, REX.B, ModRM, SIB, displacement) come from the {@link AddressEncoder}
 * the emitter takes when it is made, the reference unless an exercise names another. The
 * README's chapter "The encoder" walks through one instruction byte by byte.
 */
final class Emitter {

    /** A displacement field waiting for its label: {@code size} bytes at {@code at}, measured from {@code end}. */
    private record Fixup(int at, int size, int end, Label label) {
    }

    private final CodeBuffer code = new CodeBuffer();
    private final AddressEncoder addresses = Exercised.ADDRESS_ENCODING.current();
    private final Map<Label, List<Fixup>> pending = new LinkedHashMap<>();
    private final List<Relocation> relocations = new ArrayList<>();
    private int labelCount;

    int offset() {
        return code.size();
    }

    void byte8(int b) {
        code.emit8(b);
    }

    /** An immediate of {@code size} bytes (1, 2, 4 or 8), little-endian. */
    void immediate(long value, int size) {
        switch (size) {
            case 1 -> code.emit8((int) value);
            case 2 -> code.emit16((int) value);
            case 4 -> code.emit32((int) value);
            case 8 -> code.emit64(value);
            default -> throw new IllegalArgumentException("no immediate of " + size + " bytes");
        }
    }

    // ---- the instruction shapes ----

    /**
     * An instruction with a ModRM byte. {@code reg} fills ModRM.reg: a register number, or the
     * opcode extension of the "/digit" forms (the {@code /4} of {@code shl}); {@code rm} is the
     * register or memory operand. {@code trailing} is the number of immediate bytes the caller
     * will emit after it, which a RIP-relative displacement must skip.
     */
    void withModRm(int prefix, boolean rexW, boolean forceRex, int opcode, int reg, Operand rm, int trailing) {
        if (prefix != 0) {
            code.emit8(prefix);
        }
        switch (rm) {
            case Mem m -> {
                Addressing a = addresses.encode(reg & 7, m);
                rex(rexW, forceRex, reg >> 3, a.rexX(), a.rexB());
                opcode(opcode);
                address(a, m, trailing);
            }
            case Reg r -> registerDirect(rexW, forceRex, opcode, reg, r.number());
            case Xmm x -> registerDirect(rexW, forceRex, opcode, reg, x.number());
            case Imm i -> throw new IllegalArgumentException("an immediate is not an r/m operand");
        }
    }

    /** ModRM with mod = 11: rm is register {@code number} itself, its fourth bit in REX.B. */
    private void registerDirect(boolean rexW, boolean forceRex, int opcode, int reg, int number) {
        rex(rexW, forceRex, reg >> 3, 0, number >> 3);
        opcode(opcode);
        code.emit8(0b11 << 6 | (reg & 7) << 3 | (number & 7));
    }

    /** An instruction whose register is in the low three bits of the opcode ({@code push}, {@code mov r, imm}). */
    void withRegInOpcode(int prefix, boolean rexW, int opcode, Reg reg) {
        if (prefix != 0) {
            code.emit8(prefix);
        }
        rex(rexW, reg.needsRex(), 0, 0, reg.high());
        code.emit8(opcode + reg.low3());
    }

    /** An instruction with no operands in ModRM ({@code ret}, {@code 0F 05 syscall}, {@code 48 99 cqo}). */
    void plain(boolean rexW, int opcode) {
        rex(rexW, false, 0, 0, 0);
        opcode(opcode);
    }

    private void opcode(int opcode) {
        if (opcode > 0xFF) {
            code.emit8(opcode >> 8);
        }
        code.emit8(opcode & 0xFF);
    }

    /**
     * REX is {@code 0100WRXB}: W asks for 64-bit operands, R, X and B are the fourth bits of
     * ModRM.reg, SIB.index and ModRM.rm (or SIB.base, or the opcode's register). It is emitted
     * only when one of them is set, or when a byte register spl..dil must be told apart from
     * ah..bh.
     */
    private void rex(boolean w, boolean force, int r, int x, int b) {
        int bits = (w ? 8 : 0) | r << 2 | x << 1 | b;
        if (bits != 0 || force) {
            code.emit8(0x40 | bits);
        }
    }

    // ---- a memory operand's bytes ----

    /**
     * ModRM, SIB and the displacement as the encoder gave them. A RIP-relative displacement is
     * the distance to the target, counted from the end of the instruction, written here because
     * only the emitter knows where its labels are bound and which symbols it must relocate.
     */
    private void address(Addressing a, Mem m, int trailing) {
        code.emit8(a.modRm());
        a.sib().ifPresent(code::emit8);
        switch (m) {
            case Mem.Rip rip -> {
                if (a.dispSize() != 4) {
                    throw new AssemblyException(m + " is RIP-relative, so its address takes a disp32, not " + a);
                }
                displacement32(rip.target(), trailing, Relocation.Kind.PC32);
            }
            case Mem.Based _ -> {
                switch (a.dispSize()) {
                    case 1 -> code.emit8(a.disp());
                    case 4 -> code.emit32(a.disp());
                    default -> { }
                }
            }
        }
    }

    // ---- displacements to targets: labels, symbols, raw ----

    /**
     * A 32-bit displacement counted from the end of the instruction, which is {@code trailing}
     * bytes after the field. A symbol becomes a relocation of the given kind.
     */
    void displacement32(Target target, int trailing, Relocation.Kind kind) {
        int at = code.size();
        int end = at + 4 + trailing;
        switch (target) {
            case Target.Relative r -> code.emit32(r.disp());
            case Symbol s -> {
                // A branch to a function is PLT32, as GNU as writes it; a branch into the middle
                // of a symbol (an addend) cannot go through a PLT entry, so it is plain PC32.
                Relocation.Kind k = kind == Relocation.Kind.PLT32 && s.addend() != 0 ? Relocation.Kind.PC32 : kind;
                relocations.add(new Relocation(at, k, s.name(), s.addend() - (end - at)));
                code.emit32(0);
            }
            case Label l -> {
                code.emit32(0);
                refer(new Fixup(at, 4, end, checkOwned(l)));
            }
        }
    }

    /** An 8-bit displacement from the end of the instruction (the short jumps). */
    void displacement8(Target target) {
        int at = code.size();
        switch (target) {
            case Target.Relative r -> {
                if (r.disp() != (byte) r.disp()) {
                    throw new AssemblyException("short jump displacement " + r.disp() + " does not fit in a signed byte");
                }
                code.emit8(r.disp());
            }
            case Symbol s -> throw new AssemblyException(
                    "a short jump cannot reach symbol " + s + ": use the rel32 form");
            case Label l -> {
                code.emit8(0);
                refer(new Fixup(at, 1, at + 1, checkOwned(l)));
            }
        }
    }

    /** A 64-bit absolute address of a symbol ({@code movabs}). */
    void absolute64(Symbol s) {
        relocations.add(new Relocation(code.size(), Relocation.Kind.ABS64, s.name(), s.addend()));
        code.emit64(0);
    }

    private Label checkOwned(Label l) {
        if (l.owner() != this) {
            throw new AssemblyException("label " + l + " belongs to another assembler");
        }
        return l;
    }

    private void refer(Fixup f) {
        if (f.label().isBound()) {
            patch(f);
        } else {
            pending.computeIfAbsent(f.label(), l -> new ArrayList<>()).add(f);
        }
    }

    private void patch(Fixup f) {
        int disp = f.label().offset() - f.end();
        if (f.size() == 1) {
            if (disp != (byte) disp) {
                throw new AssemblyException("short jump at offset " + (f.at() - 1) + " cannot reach label "
                        + f.label() + " at offset " + f.label().offset() + ": displacement " + disp
                        + " does not fit in a signed byte (-128..127); use the rel32 form");
            }
            code.patch8(f.at(), disp);
        } else {
            code.patch32(f.at(), disp);
        }
    }

    // ---- labels ----

    Label newLabel(String name) {
        return new Label(this, name == null ? "L" + labelCount++ : name);
    }

    void bind(Label label) {
        checkOwned(label).bindAt(code.size());
        List<Fixup> ready = pending.remove(label);
        if (ready != null) {
            ready.forEach(this::patch);
        }
    }

    MachineCode finish() {
        if (!pending.isEmpty()) {
            Fixup f = pending.values().iterator().next().getFirst();
            throw new AssemblyException("label " + f.label() + " is used (at offset " + f.at() + ") but never bound");
        }
        return new MachineCode(code.toArray(), relocations);
    }

    String hex(int from, int to) {
        return code.hex(from, to);
    }
}
