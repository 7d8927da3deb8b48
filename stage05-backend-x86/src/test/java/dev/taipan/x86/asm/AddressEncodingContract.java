package dev.taipan.x86.asm;

import static dev.taipan.x86.asm.Imm.imm;
import static dev.taipan.x86.asm.Reg.R10;
import static dev.taipan.x86.asm.Reg.R11;
import static dev.taipan.x86.asm.Reg.R12;
import static dev.taipan.x86.asm.Reg.R13;
import static dev.taipan.x86.asm.Reg.R14;
import static dev.taipan.x86.asm.Reg.R15;
import static dev.taipan.x86.asm.Reg.R8;
import static dev.taipan.x86.asm.Reg.R9;
import static dev.taipan.x86.asm.Reg.RAX;
import static dev.taipan.x86.asm.Reg.RBP;
import static dev.taipan.x86.asm.Reg.RBX;
import static dev.taipan.x86.asm.Reg.RCX;
import static dev.taipan.x86.asm.Reg.RDI;
import static dev.taipan.x86.asm.Reg.RDX;
import static dev.taipan.x86.asm.Reg.RSI;
import static dev.taipan.x86.asm.Reg.RSP;
import static dev.taipan.x86.asm.Width.BYTE;
import static dev.taipan.x86.asm.Width.DWORD;
import static dev.taipan.x86.asm.Width.QWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.grading.Points;
import dev.taipan.gc.Collector;
import dev.taipan.x86.Exercised;
import dev.taipan.x86.X86Programs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link Exercised#ADDRESS_ENCODING} must do, whoever wrote it: give every memory operand
 * the REX bits, ModRM, SIB and displacement the processor (and GNU {@code as}) expect. Run here
 * against {@link ModRmSibEncoder}; the exercises module runs the same tests against a student's
 * encoder ({@code exercises/stage05/ex1}).
 *
 * <p>Every test looks at whole instructions made by an {@link Assembler}, which takes the current
 * encoder: the bytes the processor will read, with the instruction's own prefix, REX.W and
 * REX.R, opcode and immediate around the address. The expected bytes are worked out by hand from
 * the Intel manual (each special case on its own), then a table of 403 instructions as
 * {@code as --64} encoded them (recorded in {@code x86/addressing.expected}, so the test needs no
 * binutils; {@code GnuAsTest} checks the record against {@code as} where it is installed), then a
 * program translated by the whole backend and run.
 */
@Timeout(120)
class AddressEncodingContract {

    @TempDir
    Path dir;

    private static String bytes(Consumer<Assembler> code) {
        Assembler asm = new Assembler();
        code.accept(asm);
        return asm.finish().hex();
    }

    /** What the current encoder says of {@code m}, for a failure's message: its fields, or what it threw. */
    private static String fields(int reg, Mem m) {
        try {
            return Exercised.ADDRESS_ENCODING.current().encode(reg, m).toString();
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    /** {@code mov r, m} (m read at r's width) must be {@code expected}: the load, ModRM.reg being {@code r}. */
    private static void assertLoad(Reg r, Mem address, String expected) {
        Mem m = address.withWidth(r.width());
        assertThat(bytes(a -> a.mov(r, m))).as("mov %s, %s   (your fields: %s)", r, m, fields(r.number() & 7, m))
                .isEqualTo(expected);
    }

    private static Mem at(Reg base, int disp) {
        return Mem.at(QWORD, base, disp);
    }

    private static Mem at(Reg base, Reg index, int scale, int disp) {
        return Mem.at(QWORD, base, index, scale, disp);
    }

    // ------------------------------------------------------------------ the cases, one by one

    @Test
    @Points(1)
    void aBaseRegisterAloneIsOneModRmByte() {
        // ModRM mod=00 reg rm=base: no SIB, no displacement
        assertLoad(RAX, at(RBX, 0), "48 8b 03");
        assertLoad(RCX, at(RSI, 0), "48 8b 0e");
        assertLoad(RDX.view(DWORD), at(RDI, 0), "8b 17");
        assertLoad(RBX, at(RAX, 0), "48 8b 18");
    }

    @Test
    @Points(2)
    void aDisplacementTakesOneOrFourBytesAtTheSignedByteBoundary() {
        assertLoad(RAX, at(RBX, 1), "48 8b 43 01");
        assertLoad(RAX, at(RBX, 127), "48 8b 43 7f");
        assertLoad(RAX, at(RBX, 128), "48 8b 83 80 00 00 00");
        assertLoad(RAX, at(RBX, -128), "48 8b 43 80");
        assertLoad(RAX, at(RBX, -129), "48 8b 83 7f ff ff ff");
        assertLoad(RSI, at(RDI, Integer.MAX_VALUE), "48 8b b7 ff ff ff 7f");
        assertLoad(RSI, at(RDI, Integer.MIN_VALUE), "48 8b b7 00 00 00 80");
    }

    @Test
    @Points(2)
    void rspAndR12AsBaseTakeASibByteWithNoIndex() {
        // rm=100 means "SIB follows"; SIB index=100 means "no index", base=100 is rsp (or r12 with REX.B)
        assertLoad(RAX, at(RSP, 0), "48 8b 04 24");
        assertLoad(RAX, at(R12, 0), "49 8b 04 24");
        assertLoad(RCX, at(RSP, 8), "48 8b 4c 24 08");
        assertLoad(RDX, at(R12, -16), "49 8b 54 24 f0");
        assertLoad(RAX, at(R12, 1000), "49 8b 84 24 e8 03 00 00");
    }

    @Test
    @Points(2)
    void rbpAndR13AsBaseTakeADisp8OfZero() {
        // mod=00 rm=101 would mean [rip + disp32], so [rbp] is written [rbp + 0]
        assertLoad(RAX, at(RBP, 0), "48 8b 45 00");
        assertLoad(RAX, at(R13, 0), "49 8b 45 00");
        assertLoad(RAX, at(RBP, -8), "48 8b 45 f8");
        assertLoad(RAX, at(R13, 128), "49 8b 85 80 00 00 00");
        // the same inside SIB: base=101 under mod=00 would mean "no base"
        assertLoad(RAX, at(RBP, RAX, 1, 0), "48 8b 44 05 00");
        assertLoad(RAX, at(R13, RCX, 4, 0), "49 8b 44 8d 00");
    }

    @Test
    @Points(2)
    void anIndexIsScaledInTheSibByte() {
        // the module README's worked example: REX.W+B, 8B, ModRM 01 000 100, SIB 11 001 100, disp8
        assertLoad(RAX, at(R12, RCX, 8, 16), "49 8b 44 cc 10");
        assertLoad(RAX, at(RDI, RCX, 8, 0), "48 8b 04 cf");
        assertLoad(RAX, at(RAX, RBX, 1, 0), "48 8b 04 18");
        assertLoad(RAX, at(RAX, RBX, 2, 0), "48 8b 04 58");
        assertLoad(RAX, at(RAX, RBX, 4, 200), "48 8b 84 98 c8 00 00 00");
        assertLoad(RDX, at(RSP, RSI, 2, -1), "48 8b 54 74 ff");
    }

    @Test
    @Points(2)
    void anIndexWithoutABaseIsSibBase101AndADisp32() {
        // SIB base=101 under mod=00: no base, and always four bytes of displacement
        assertLoad(RAX, Mem.indexed(QWORD, RSI, 4, 0x100), "48 8b 04 b5 00 01 00 00");
        assertLoad(RAX, Mem.indexed(QWORD, RCX, 8, 0), "48 8b 04 cd 00 00 00 00");
        assertLoad(RAX, Mem.indexed(QWORD, RBP, 1, 0), "48 8b 04 2d 00 00 00 00");
        assertLoad(RAX, Mem.indexed(QWORD, R9, 2, -8), "4a 8b 04 4d f8 ff ff ff");
    }

    @Test
    @Points(2)
    void registersR8ToR15SetRexXAndRexB() {
        assertLoad(RAX, at(R8, 0), "49 8b 00");
        assertLoad(RAX.view(DWORD), at(R8, 0), "41 8b 00");
        assertLoad(RAX, at(RAX, R9, 2, 0), "4a 8b 04 48");
        assertLoad(RAX, at(R15, R14, 8, 1), "4b 8b 44 f7 01");
        assertLoad(R9, at(R10, R11, 2, 0), "4f 8b 0c 5a");
        assertLoad(R12, at(RAX, R12, 1, 0), "4e 8b 24 20");
        // with the instruction's own REX bits: W off, a byte register that needs REX; R from an xmm
        Mem byteAtR11 = Mem.at(BYTE, R11, 0);
        assertThat(bytes(a -> a.mov(byteAtR11, RSI.view(BYTE)))).as("mov %s, sil   (your fields: %s)", byteAtR11,
                fields(6, byteAtR11)).isEqualTo("41 88 33");
        Mem m = at(R13, R14, 2, 64);
        assertThat(bytes(a -> a.movsd(new Xmm(9), m))).as("movsd xmm9, %s   (your fields: %s)", m, fields(1, m))
                .isEqualTo("f2 47 0f 10 4c 75 40");
    }

    @Test
    @Points(2)
    void ripRelativeIsRm101UnderMod00AndADisp32() {
        Mem sixteen = Mem.rip(QWORD, Target.relative(16));
        assertThat(bytes(a -> a.lea(RAX, sixteen))).as("lea rax, %s   (your fields: %s)", sixteen, fields(0, sixteen))
                .isEqualTo("48 8d 05 10 00 00 00");
        assertLoad(R10, Mem.rip(QWORD, Target.relative(-5)), "4c 8b 15 fb ff ff ff");
        // the displacement counts from the end of the instruction, past the immediate
        assertThat(bytes(a -> a.mov(Mem.rip(QWORD, Target.relative(0x1000)), imm(7))))
                .isEqualTo("48 c7 05 00 10 00 00 07 00 00 00");
        Assembler asm = new Assembler();
        Label data = asm.newLabel("data");
        asm.movsd(Xmm.XMM3, Mem.rip(QWORD, data));
        asm.bind(data);
        asm.lea(RDI, Mem.rip(QWORD, new Symbol("taipan_data", 24)));
        MachineCode code = asm.finish();
        assertThat(code.hex()).as("a label just after the instruction, then a symbol")
                .isEqualTo("f2 0f 10 1d 00 00 00 00 48 8d 3d 00 00 00 00");
        assertThat(code.relocations()).containsExactly(new Relocation(11, Relocation.Kind.PC32, "taipan_data", 20));
    }

    // ------------------------------------------------------------------ every form, as GNU as wrote it

    /**
     * The addresses of the recorded table: every base with each boundary displacement, every base
     * (and no base) with every index, the scales and displacements rotating, and RIP-relative.
     * Each is the operand of one instruction, five kinds in turn and the register operand
     * rotating through all sixteen, so the address's REX.X and REX.B meet the instruction's W and
     * R, a REX forced by a byte register, a "/digit" in ModRM.reg and an immediate after the
     * displacement.
     */
    static List<Forms.Case> tableCases() {
        List<Mem> addresses = new ArrayList<>();
        List<Reg> bases = Reg.all(QWORD);
        for (Reg base : bases) {
            for (int disp : Forms.DISPS) {
                addresses.add(at(base, disp));
            }
        }
        List<Reg> basesOrNone = new ArrayList<>(bases);
        basesOrNone.add(null);
        for (int b = 0; b < basesOrNone.size(); b++) {
            for (Reg index : bases) {
                if (index.number() == 4) {
                    continue;
                }
                int k = b + index.number();
                addresses.add(new Mem.Based(QWORD, basesOrNone.get(b), index, 1 << (k % 4),
                        Forms.DISPS[(3 * b + index.number()) % Forms.DISPS.length]));
            }
        }
        addresses.addAll(Forms.ripMems(QWORD));
        List<Forms.Case> cases = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            Mem m = addresses.get(i);
            Reg r = new Reg(i % 16, QWORD);
            Xmm x = new Xmm(i % 16);
            switch (i % 5) {
                case 0 -> cases.add(new Forms.Case("mov " + r + ", " + m, a -> a.mov(r, m)));
                case 1 -> {
                    Mem d = m.withWidth(DWORD);
                    Reg s = r.view(DWORD);
                    cases.add(new Forms.Case("mov " + d + ", " + s, a -> a.mov(d, s)));
                }
                case 2 -> cases.add(new Forms.Case("add " + m + ", 7", a -> a.add(m, imm(7))));
                case 3 -> cases.add(new Forms.Case("movsd " + x + ", " + m, a -> a.movsd(x, m)));
                default -> {
                    Mem d = m.withWidth(BYTE);
                    Reg s = r.view(BYTE);
                    cases.add(new Forms.Case("mov " + d + ", " + s, a -> a.mov(d, s)));
                }
            }
        }
        return cases;
    }

    /** The recorded table, instruction text to {@code as}'s bytes, in the file's order. */
    static Map<String, String> recordedTable() {
        Map<String, String> table = new LinkedHashMap<>();
        try (InputStream in = AddressEncodingContract.class.getResourceAsStream("/x86/addressing.expected")) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("no test resource x86/addressing.expected"));
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .forEach(l -> table.put(l.substring(l.indexOf('\t') + 1), l.substring(0, l.indexOf('\t'))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }

    @Test
    @Points(3)
    void everyAddressingFormEncodesAsGnuAsEncodedIt() {
        Map<String, String> table = recordedTable();
        List<String> wrong = new ArrayList<>();
        int n = 0;
        for (Forms.Case c : tableCases()) {
            String theirs = table.get(c.text());
            assertThat(theirs).as("the recorded table has no line for %s (regenerate it: see GnuAsTest)", c.text())
                    .isNotNull();
            String ours;
            try {
                ours = bytes(c.emit());
            } catch (RuntimeException e) {
                ours = e.toString();
            }
            if (!ours.equals(theirs) && wrong.size() < 12) {
                wrong.add(c.text() + "\n    yours: " + ours + "\n    as:    " + theirs);
            }
            n += ours.equals(theirs) ? 0 : 1;
        }
        assertThat(wrong).as("%d of %d instructions differ from GNU as; the first ones", n, table.size()).isEmpty();
    }

    // ------------------------------------------------------------------ in the backend

    /**
     * Objects with fields at every level, lists indexed by a variable, dicts of strings, floats:
     * every function, and the runtime and the collector beside them, reach their data through
     * addresses the current encoder wrote.
     */
    private static final String PROGRAM = """
            class Tree(object):
                def __init__(self, left, right, label):
                    self.left = left
                    self.right = right
                    self.label = label

            def build(depth):
                if depth == 0:
                    return Tree(None, None, 'leaf')
                return Tree(build(depth - 1), build(depth - 1), 'node %d' % depth)

            def count(t):
                if t is None:
                    return 0
                return 1 + count(t.left) + count(t.right)

            def entry_point(argv):
                n = int(argv[1])
                trees = []
                by_label = {}
                words = []
                weights = [0.5 * i for i in range(n)]
                for i in range(n):
                    t = build(i % 4)
                    trees.append(t)
                    by_label[t.label + str(i)] = t
                    words.append(t.label[:4] + '-' + str(count(t)))
                total = 0
                for t in trees:
                    total += count(t)
                mass = 0.0
                for w in weights:
                    mass += w * w
                squares = [i * i for i in range(n)]
                print(total, len(by_label), count(by_label['node 3' + str(3)]), ' '.join(words[:5]), mass, squares[n - 1])
                return 0

            # args: 12
            # expect: 78 12 15 leaf-1 node-3 node-7 node-15 leaf-1 126.5 121
            """;

    @Test
    @Points(2)
    void programsRunWithEveryAddressEncodedThisWay() throws Exception {
        X86Programs.assertRuns(dir, "trees.py", PROGRAM, Collector.SEMISPACE);
    }
}
