package dev.taipan.x86.asm;

import static dev.taipan.x86.asm.Imm.imm;
import static dev.taipan.x86.asm.Width.BYTE;
import static dev.taipan.x86.asm.Width.DWORD;
import static dev.taipan.x86.asm.Width.QWORD;
import static dev.taipan.x86.asm.Width.WORD;
import static dev.taipan.x86.asm.Width.XMMWORD;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every instruction form of the {@link Assembler}, over generated operands, each as a pair: the
 * Intel-syntax line GNU {@code as} reads, and the call that makes our bytes. The operands cover
 * every register at every width, every base and index register (rsp, rbp, r12 and r13
 * included), every scale, displacements at the 8- and 32-bit boundaries and immediates at the
 * 8-, 16- and 32-bit boundaries. Register-register forms take the full cross product; the
 * register-memory forms walk the register list and the memory list side by side, so each
 * register and each memory shape occurs without squaring the count.
 */
final class Forms {

    /** One line of assembly: the text for {@code as} and our call for the same instruction. */
    record Case(String text, Consumer<Assembler> emit) {
    }

    static final int[] DISPS = {0, 1, -1, 127, 128, -128, -129, 0x7fff_ffff, Integer.MIN_VALUE};
    static final long[] IMMS = {0, 1, -1, 2, 127, 128, -128, -129, 255, 256, 32767, 32768, -32768, -32769,
            65535, 65536, 0x7fff_ffffL, -0x8000_0000L, 0xffff_ffffL, 0x8000_0000L};
    static final Width[] INT_WIDTHS = {BYTE, WORD, DWORD, QWORD};
    static final Width[] WIDE = {WORD, DWORD, QWORD};

    private final Assembler asm;
    private final List<Case> cases = new ArrayList<>();
    private int labelCount;

    Forms(Assembler asm) {
        this.asm = asm;
    }

    List<Case> cases() {
        return cases;
    }

    private void add(String text, Consumer<Assembler> emit) {
        cases.add(new Case(text, emit));
    }

    // ---- operand generators ----

    static List<Reg> regs(Width w) {
        return Reg.all(w);
    }

    static List<Xmm> xmms() {
        return java.util.stream.IntStream.range(0, 16).mapToObj(Xmm::new).toList();
    }

    /** Every base/index/scale combination with every boundary displacement. */
    static List<Mem> allMems(Width w) {
        List<Mem> out = new ArrayList<>();
        List<Reg> bases = new ArrayList<>(regs(QWORD));
        bases.add(null);
        for (Reg base : bases) {
            for (int disp : DISPS) {
                if (base != null) {
                    out.add(Mem.at(w, base, disp));
                }
                for (Reg index : regs(QWORD)) {
                    if (index.number() == 4) {
                        continue;
                    }
                    for (int scale : new int[] {1, 2, 4, 8}) {
                        out.add(new Mem.Based(w, base, index, scale, disp));
                    }
                }
            }
        }
        out.addAll(ripMems(w));
        return out;
    }

    /**
     * A representative set: every base with every displacement, every index with every scale
     * under a base that rotates through the special ones, every index with no base, RIP.
     */
    static List<Mem> mems(Width w) {
        List<Mem> out = new ArrayList<>();
        for (Reg base : regs(QWORD)) {
            for (int disp : DISPS) {
                out.add(Mem.at(w, base, disp));
            }
        }
        Reg[] specialBases = {Reg.RSP, Reg.RBP, Reg.R12, Reg.R13, Reg.RAX, Reg.R9};
        int k = 0;
        for (Reg index : regs(QWORD)) {
            if (index.number() == 4) {
                continue;
            }
            for (int scale : new int[] {1, 2, 4, 8}) {
                Reg base = specialBases[k % specialBases.length];
                out.add(new Mem.Based(w, base, index, scale, DISPS[k % DISPS.length]));
                k++;
            }
            out.add(Mem.indexed(w, index, 1 << (index.number() & 3), DISPS[index.number() % DISPS.length]));
        }
        out.addAll(ripMems(w));
        return out;
    }

    static List<Mem> ripMems(Width w) {
        return List.of(Mem.rip(w, Target.relative(0)), Mem.rip(w, Target.relative(-5)),
                Mem.rip(w, Target.relative(0x1000)), Mem.rip(w, Target.relative(Integer.MIN_VALUE)));
    }

    static List<Imm> imms(Width w) {
        List<Imm> out = new ArrayList<>();
        for (long v : IMMS) {
            if (w.holds(v)) {
                out.add(imm(v));
            }
        }
        return out;
    }

    /** {@code f} applied to a[i mod |a|], b[i mod |b|] for i up to the longer list: each element at least once. */
    static <A, B> void zip(List<A> a, List<B> b, java.util.function.BiConsumer<A, B> f) {
        int n = Math.max(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            f.accept(a.get(i % a.size()), b.get(i % b.size()));
        }
    }

    // ---- the forms ----

    interface Binary {
        void emit(Assembler asm, Operand dst, Operand src);
    }

    interface Unary {
        void emit(Assembler asm, Operand dst);
    }

    private void binary(String name, Operand d, Operand s, Binary f) {
        add(name + " " + d + ", " + s, a -> f.emit(a, d, s));
    }

    private void unary(String name, Operand d, Unary f) {
        add(name + " " + d, a -> f.emit(a, d));
    }

    Forms all() {
        alu("add", Assembler::add);
        alu("or", Assembler::or);
        alu("and", Assembler::and);
        alu("sub", Assembler::sub);
        alu("xor", Assembler::xor);
        alu("cmp", Assembler::cmp);
        test();
        unaries();
        shifts();
        imul();
        moves();
        extensions();
        lea();
        conditions();
        stack();
        branches();
        sse();
        symbols();
        add("cqo", Assembler::cqo);
        add("cdq", Assembler::cdq);
        add("ret", Assembler::ret);
        add("syscall", Assembler::syscall);
        add("ud2", Assembler::ud2);
        add("nop", Assembler::nop);
        add("rep movsb", Assembler::repMovsb);
        add("rep stosb", Assembler::repStosb);
        return this;
    }

    private void alu(String name, Binary f) {
        for (Width w : INT_WIDTHS) {
            for (Reg d : regs(w)) {
                for (Reg s : regs(w)) {
                    binary(name, d, s, f);
                }
                for (Imm i : imms(w)) {
                    binary(name, d, i, f);
                }
            }
            zip(regs(w), mems(w), (r, m) -> binary(name, r, m, f));
            zip(mems(w), regs(w), (m, r) -> binary(name, m, r, f));
            zip(mems(w), imms(w), (m, i) -> binary(name, m, i, f));
        }
    }

    private void test() {
        for (Width w : INT_WIDTHS) {
            for (Reg d : regs(w)) {
                for (Reg s : regs(w)) {
                    binary("test", d, s, Assembler::test);
                }
                for (Imm i : imms(w)) {
                    binary("test", d, i, Assembler::test);
                }
            }
            zip(mems(w), regs(w), (m, r) -> binary("test", m, r, Assembler::test));
            zip(mems(w), imms(w), (m, i) -> binary("test", m, i, Assembler::test));
        }
    }

    private void unaries() {
        record U(String name, Unary f) {
        }
        for (U u : List.of(new U("neg", Assembler::neg), new U("not", Assembler::not),
                new U("div", Assembler::div), new U("idiv", Assembler::idiv))) {
            for (Width w : INT_WIDTHS) {
                regs(w).forEach(r -> unary(u.name(), r, u.f()));
                mems(w).forEach(m -> unary(u.name(), m, u.f()));
            }
        }
    }

    private void shifts() {
        List<Operand> counts = List.of(Reg.CL, imm(0), imm(1), imm(2), imm(31), imm(63), imm(255));
        for (String name : List.of("shl", "shr", "sar")) {
            Binary f = switch (name) {
                case "shl" -> Assembler::shl;
                case "shr" -> Assembler::shr;
                default -> Assembler::sar;
            };
            for (Width w : INT_WIDTHS) {
                for (Reg r : regs(w)) {
                    counts.forEach(c -> binary(name, r, c, f));
                }
                zip(mems(w), counts, (m, c) -> binary(name, m, c, f));
            }
        }
    }

    private void imul() {
        for (Width w : WIDE) {
            for (Reg d : regs(w)) {
                for (Reg s : regs(w)) {
                    add("imul " + d + ", " + s, a -> a.imul(d, s));
                }
            }
            zip(regs(w), mems(w), (d, m) -> add("imul " + d + ", " + m, a -> a.imul(d, m)));
            zip(regs(w), imms(w), (d, i) -> {
                Reg s = regs(w).get((d.number() + 5) % 16);
                add("imul " + d + ", " + s + ", " + i, a -> a.imul(d, s, i));
            });
            List<Mem> ms = mems(w);
            List<Imm> is = imms(w);
            for (int k = 0; k < ms.size(); k++) {
                Reg d = regs(w).get(k % 16);
                Mem m = ms.get(k);
                Imm i = is.get(k % is.size());
                add("imul " + d + ", " + m + ", " + i, a -> a.imul(d, m, i));
            }
        }
    }

    private void moves() {
        for (Width w : INT_WIDTHS) {
            for (Reg d : regs(w)) {
                for (Reg s : regs(w)) {
                    binary("mov", d, s, Assembler::mov);
                }
                for (Imm i : imms(w)) {
                    binary("mov", d, i, Assembler::mov);
                }
            }
            // The full cross product of addressing forms for the loads and stores of every width.
            List<Mem> all = allMems(w);
            zip(regs(w), all, (r, m) -> binary("mov", r, m, Assembler::mov));
            zip(mems(w), regs(w), (m, r) -> binary("mov", m, r, Assembler::mov));
            zip(mems(w), imms(w), (m, i) -> binary("mov", m, i, Assembler::mov));
        }
        for (Reg r : regs(QWORD)) {
            for (long v : new long[] {0, -1, 0x1_0000_0000L, Long.MIN_VALUE, Long.MAX_VALUE, 0x1234_5678_9abc_def0L}) {
                add("movabs " + r + ", " + v, a -> a.movabs(r, v));
            }
            // mov of a 64-bit value that a sign-extended imm32 cannot hold becomes movabs, as in as.
            binary("mov", r, imm(0x8000_0000L), Assembler::mov);
            binary("mov", r, imm(-0x8000_0001L), Assembler::mov);
        }
    }

    private void extensions() {
        for (String name : List.of("movzx", "movsx")) {
            Binary f = name.equals("movzx") ? (a, d, s) -> a.movzx((Reg) d, s) : (a, d, s) -> a.movsx((Reg) d, s);
            for (Width dw : WIDE) {
                for (Width sw : new Width[] {BYTE, WORD}) {
                    if (sw.bytes() >= dw.bytes()) {
                        continue;
                    }
                    for (Reg d : regs(dw)) {
                        for (Reg s : regs(sw)) {
                            binary(name, d, s, f);
                        }
                    }
                    zip(regs(dw), mems(sw), (d, m) -> binary(name, d, m, f));
                }
            }
        }
        for (Reg d : regs(QWORD)) {
            for (Reg s : regs(DWORD)) {
                add("movsxd " + d + ", " + s, a -> a.movsxd(d, s));
            }
        }
        zip(regs(QWORD), mems(DWORD), (d, m) -> add("movsxd " + d + ", " + m, a -> a.movsxd(d, m)));
    }

    private void lea() {
        // as prints no width for lea's operand; ours ignores it, so the text leaves it out.
        zip(regs(QWORD), allMems(QWORD), (d, m) -> add("lea " + d + ", " + bare(m), a -> a.lea(d, m)));
        zip(regs(DWORD), mems(QWORD), (d, m) -> add("lea " + d + ", " + bare(m), a -> a.lea(d, m)));
        zip(regs(WORD), mems(QWORD), (d, m) -> add("lea " + d + ", " + bare(m), a -> a.lea(d, m)));
    }

    private static String bare(Mem m) {
        String s = m.toString();
        return s.substring(s.indexOf('['));
    }

    private void conditions() {
        for (Cond c : Cond.values()) {
            for (Reg r : regs(BYTE)) {
                add("set" + c.suffix() + " " + r, a -> a.set(c, r));
            }
            for (Mem m : ripMems(BYTE)) {
                add("set" + c.suffix() + " " + m, a -> a.set(c, m));
            }
            for (Width w : WIDE) {
                zip(regs(w), regs(w).reversed(), (d, s) -> add("cmov" + c.suffix() + " " + d + ", " + s, a -> a.cmov(c, d, s)));
            }
        }
        zip(mems(BYTE), List.of(Cond.values()), (m, c) -> add("set" + c.suffix() + " " + m, a -> a.set(c, m)));
        for (Width w : WIDE) {
            zip(mems(w), List.of(Cond.values()), (m, c) -> {
                Reg d = regs(w).get(c.code());
                add("cmov" + c.suffix() + " " + d + ", " + m, a -> a.cmov(c, d, m));
            });
        }
    }

    private void stack() {
        for (Reg r : regs(QWORD)) {
            unary("push", r, Assembler::push);
            unary("pop", r, Assembler::pop);
            unary("call", r, Assembler::call);
            unary("jmp", r, Assembler::jmp);
        }
        for (Mem m : mems(QWORD)) {
            unary("push", m, Assembler::push);
            unary("pop", m, Assembler::pop);
            unary("call", m, Assembler::call);
            unary("jmp", m, Assembler::jmp);
        }
        for (long v : new long[] {0, 1, -1, 127, 128, -128, -129, 0x7fff_ffff, -0x8000_0000L}) {
            unary("push", imm(v), Assembler::push);
        }
    }

    private Label label() {
        return asm.newLabel(".Ltaipan" + labelCount++);
    }

    private void bind(Label l) {
        add(l.name() + ":", a -> a.bind(l));
    }

    /**
     * Jumps and calls to labels, backward and forward, near and short. {@code as} relaxes a jump
     * to a label into the short form when it reaches, so the near forms are written with the
     * {@code {disp32}} pseudo-prefix, which makes it keep the 32-bit displacement.
     */
    private void branches() {
        Label back = null;
        Label forward = null;
        for (Cond c : Cond.values()) {
            Label b = label();
            Label f = label();
            bind(b);
            add("{disp32} j" + c.suffix() + " " + b, a -> a.j(c, b));
            add("{disp32} j" + c.suffix() + " " + f, a -> a.j(c, f));
            add("j" + c.suffix() + " " + b, a -> a.jShort(c, b));
            add("j" + c.suffix() + " " + f, a -> a.jShort(c, f));
            bind(f);
            back = b;
            forward = f;
        }
        Label b = back;
        Label f = forward;
        add("{disp32} jmp " + b, a -> a.jmp(b));
        add("jmp " + b, a -> a.jmpShort(b));
        add("call " + b, a -> a.call(b));
        Label ahead = label();
        add("{disp32} jmp " + ahead, a -> a.jmp(ahead));
        add("jmp " + ahead, a -> a.jmpShort(ahead));
        add("call " + ahead, a -> a.call(ahead));
        bind(ahead);
        // Far apart: a rel32 jump over more than 127 bytes, each way.
        Label far = label();
        add("{disp32} jmp " + far, a -> a.jmp(far));
        for (int i = 0; i < 40; i++) {
            int disp = 1000 + i;
            add("mov rax, qword ptr [r13+" + disp + "]", a -> a.mov(Reg.RAX, Mem.at(QWORD, Reg.R13, disp)));
        }
        bind(far);
        add("{disp32} jne " + b, a -> a.j(Cond.NE, b));
        // A RIP-relative operand that points at a label: a table of constants next to the code.
        Label table = label();
        add("lea rax, [rip+" + far + "]", a -> a.lea(Reg.RAX, Mem.rip(QWORD, far)));
        add("mov qword ptr [rip+" + b + "], 7", a -> a.mov(Mem.rip(QWORD, b), imm(7)));
        add("mov byte ptr [rip+" + f + "], -3", a -> a.mov(Mem.rip(BYTE, f), imm(-3)));
        add("mov dword ptr [rip+" + table + "], 100000", a -> a.mov(Mem.rip(DWORD, table), imm(100000)));
        add("movsd xmm9, qword ptr [rip+" + table + "]", a -> a.movsd(new Xmm(9), Mem.rip(QWORD, table)));
        bind(table);
    }

    private void sse() {
        List<Xmm> xs = xmms();
        for (Xmm d : xs) {
            for (Xmm s : xs) {
                binary("movsd", d, s, Assembler::movsd);
            }
        }
        zip(xs, mems(QWORD), (x, m) -> binary("movsd", x, m, Assembler::movsd));
        zip(mems(QWORD), xs, (m, x) -> binary("movsd", m, x, Assembler::movsd));
        record S(String name, Width mem, Binary f) {
        }
        for (S s : List.of(
                new S("addsd", QWORD, (a, d, x) -> a.addsd((Xmm) d, x)),
                new S("subsd", QWORD, (a, d, x) -> a.subsd((Xmm) d, x)),
                new S("mulsd", QWORD, (a, d, x) -> a.mulsd((Xmm) d, x)),
                new S("divsd", QWORD, (a, d, x) -> a.divsd((Xmm) d, x)),
                new S("sqrtsd", QWORD, (a, d, x) -> a.sqrtsd((Xmm) d, x)),
                new S("ucomisd", QWORD, (a, d, x) -> a.ucomisd((Xmm) d, x)),
                new S("xorpd", XMMWORD, (a, d, x) -> a.xorpd((Xmm) d, x)),
                new S("andpd", XMMWORD, (a, d, x) -> a.andpd((Xmm) d, x)))) {
            zip(xs, xs.reversed(), (d, x) -> binary(s.name(), d, x, s.f()));
            zip(xs, mems(s.mem()), (d, m) -> binary(s.name(), d, m, s.f()));
        }
        for (Width w : new Width[] {DWORD, QWORD}) {
            for (Xmm x : xs) {
                for (Reg r : regs(w)) {
                    add("cvtsi2sd " + x + ", " + r, a -> a.cvtsi2sd(x, r));
                    add("cvttsd2si " + r + ", " + x, a -> a.cvttsd2si(r, x));
                }
            }
            zip(xs, mems(w), (x, m) -> add("cvtsi2sd " + x + ", " + m, a -> a.cvtsi2sd(x, m)));
            zip(regs(w), mems(QWORD), (r, m) -> add("cvttsd2si " + r + ", " + m, a -> a.cvttsd2si(r, m)));
        }
        for (Xmm x : xs) {
            for (Reg r : regs(QWORD)) {
                binary("movq", x, r, Assembler::movq);
                binary("movq", r, x, Assembler::movq);
            }
        }
    }

    /** Forms that leave relocations: the bytes are zeros in both, the relocation test compares the rest. */
    private void symbols() {
        Symbol f = Symbol.symbol("taipan_fn");
        Symbol data = new Symbol("taipan_data", 24);
        add("call " + f.name(), a -> a.call(f));
        add("call " + f.name() + "+8", a -> a.call(new Symbol(f.name(), 8)));
        add("jmp " + f.name(), a -> a.jmp(f));
        add("jne " + f.name(), a -> a.j(Cond.NE, f));
        add("lea rdi, [rip+taipan_data+24]", a -> a.lea(Reg.RDI, Mem.rip(QWORD, data)));
        add("movsd xmm3, qword ptr [rip+taipan_data+24]", a -> a.movsd(Xmm.XMM3, Mem.rip(QWORD, data)));
        add("mov qword ptr [rip+taipan_data+24], -2", a -> a.mov(Mem.rip(QWORD, data), imm(-2)));
        add("mov word ptr [rip+taipan_data+24], 300", a -> a.mov(Mem.rip(WORD, data), imm(300)));
        add("cmp byte ptr [rip+taipan_data+24], 1", a -> a.cmp(Mem.rip(BYTE, data), imm(1)));
        add("shl dword ptr [rip+taipan_data+24], 3", a -> a.shl(Mem.rip(DWORD, data), imm(3)));
        add("imul r9, qword ptr [rip+taipan_data+24], 1000", a -> a.imul(Reg.R9, Mem.rip(QWORD, data), imm(1000)));
        add("movabs r11, offset taipan_fn", a -> a.movabs(Reg.R11, f));
    }
}
