package dev.taipan.x86.asm;

import java.util.List;

/**
 * A general-purpose register seen at one width: {@code rax}, {@code eax}, {@code ax} and
 * {@code al} are one register, number 0, at four widths.
 *
 * <p>The number (0 to 15) is what the encoding holds: its low three bits go into the ModRM or
 * SIB byte or the opcode, its fourth bit into the REX prefix (R, X or B), which is why r8 to
 * r15 always cost a prefix byte.
 *
 * <p>The byte registers have one trap. Without a REX prefix, byte registers 4 to 7 are the old
 * 8086 high halves {@code ah}, {@code ch}, {@code dh}, {@code bh}; with any REX prefix, even an
 * empty {@code 40}, they are {@code spl}, {@code bpl}, {@code sil}, {@code dil}. Taipan never
 * uses the high halves, so numbers 4 to 7 at {@link Width#BYTE} always mean spl..dil and the
 * encoder adds a REX prefix for them ({@link #needsRex()}).
 */
public record Reg(int number, Width width) implements Operand {

    public Reg {
        if (number < 0 || number > 15) {
            throw new IllegalArgumentException("no general-purpose register number " + number);
        }
        if (width == Width.XMMWORD) {
            throw new IllegalArgumentException("a general-purpose register has no 128-bit view");
        }
    }

    private static final List<String> QWORD_NAMES = List.of(
            "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
            "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15");
    private static final List<String> LEGACY_DWORD_NAMES = List.of(
            "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi");
    private static final List<String> LEGACY_WORD_NAMES = List.of(
            "ax", "cx", "dx", "bx", "sp", "bp", "si", "di");
    private static final List<String> LEGACY_BYTE_NAMES = List.of(
            "al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil");

    // The 64-bit registers, in encoding order; the narrower views come from view(Width).
    public static final Reg RAX = new Reg(0, Width.QWORD), RCX = new Reg(1, Width.QWORD),
            RDX = new Reg(2, Width.QWORD), RBX = new Reg(3, Width.QWORD),
            RSP = new Reg(4, Width.QWORD), RBP = new Reg(5, Width.QWORD),
            RSI = new Reg(6, Width.QWORD), RDI = new Reg(7, Width.QWORD),
            R8 = new Reg(8, Width.QWORD), R9 = new Reg(9, Width.QWORD),
            R10 = new Reg(10, Width.QWORD), R11 = new Reg(11, Width.QWORD),
            R12 = new Reg(12, Width.QWORD), R13 = new Reg(13, Width.QWORD),
            R14 = new Reg(14, Width.QWORD), R15 = new Reg(15, Width.QWORD);

    // The few narrower views that have fixed roles: the shift count, the results of setcc.
    public static final Reg EAX = RAX.view(Width.DWORD), CL = RCX.view(Width.BYTE), AL = RAX.view(Width.BYTE);

    /** All sixteen registers at one width, in encoding order. */
    public static List<Reg> all(Width width) {
        return java.util.stream.IntStream.range(0, 16).mapToObj(n -> new Reg(n, width)).toList();
    }

    /** The same register at another width: {@code RAX.view(BYTE)} is {@code al}. */
    public Reg view(Width other) {
        return new Reg(number, other);
    }

    /** Whether the register needs a REX prefix only to be named: spl, bpl, sil, dil. */
    boolean needsRex() {
        return width == Width.BYTE && number >= 4 && number <= 7;
    }

    /** The register's low three bits, the part that fits in ModRM, SIB or the opcode. */
    int low3() {
        return number & 7;
    }

    /** The fourth bit, which goes into REX.R, REX.X or REX.B. */
    int high() {
        return number >> 3;
    }

    @Override
    public String toString() {
        if (number >= 8) {
            return QWORD_NAMES.get(number) + switch (width) {
                case BYTE -> "b";
                case WORD -> "w";
                case DWORD -> "d";
                case QWORD, XMMWORD -> "";
            };
        }
        return switch (width) {
            case BYTE -> LEGACY_BYTE_NAMES.get(number);
            case WORD -> LEGACY_WORD_NAMES.get(number);
            case DWORD -> LEGACY_DWORD_NAMES.get(number);
            case QWORD, XMMWORD -> QWORD_NAMES.get(number);
        };
    }
}
