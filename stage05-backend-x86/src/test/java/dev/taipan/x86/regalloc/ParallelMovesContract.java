package dev.taipan.x86.regalloc;

import static dev.taipan.x86.asm.Imm.imm;
import static dev.taipan.x86.asm.Reg.EAX;
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
import static dev.taipan.x86.regalloc.Move.move;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.grading.Points;
import dev.taipan.gc.Collector;
import dev.taipan.x86.Exercised;
import dev.taipan.x86.X86Programs;
import dev.taipan.x86.asm.Assembler;
import dev.taipan.x86.asm.Cond;
import dev.taipan.x86.asm.Label;
import dev.taipan.x86.asm.Operand;
import dev.taipan.x86.asm.Reg;
import dev.taipan.x86.asm.Width;
import dev.taipan.x86.asm.Xmm;
import dev.taipan.x86.elf.Executables;
import dev.taipan.x86.link.InputSection;
import dev.taipan.x86.link.Linker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link Exercised#PARALLEL_MOVES} must do, whoever wrote it: turn a parallel move into
 * single moves that give every destination its source's <em>old</em> value, each one instruction,
 * with as few moves and as little memory traffic as the problem allows. Run here against
 * {@link ParallelMoves#remapFrameLayout}; the exercises module runs the same tests against a
 * student's resolver ({@code exercises/stage05/ex2}).
 *
 * <p>The oracle is a {@link ModelMachine} (which also hands every move to the
 * {@link MoveEmitter}, so a move no single instruction makes fails), the processor itself, and
 * programs whose loops rotate their variables, translated by the whole backend. The cycles a
 * problem has, and so the moves and the {@code push}/{@code pop}s it needs, are counted here
 * independently of any resolver.
 */
@Timeout(120)
class ParallelMovesContract {

    static final Location GP_SCRATCH = Location.of(R11);
    static final Location XMM_SCRATCH = Location.of(Xmm.XMM15);
    private static final int SLOTS = 6;

    @TempDir
    Path dir;

    private static List<Move> resolve(List<Move> moves, Location scratch) {
        return Exercised.PARALLEL_MOVES.current().sequentialize(moves, scratch);
    }

    private static Location r(Reg reg) {
        return Location.of(reg);
    }

    private static Location x(int n) {
        return Location.of(new Xmm(n));
    }

    private static Location slot(int offset) {
        return Location.slot(offset);
    }

    // ------------------------------------------------------------------ the oracle

    /**
     * Runs {@code sequence} on a model machine whose every location (and the scratch) holds a
     * distinct value, and checks it against the parallel meaning of {@code moves}: each
     * destination gets its source's value from before, every other location but the scratch
     * keeps its own. Returns the sequence, for the counting checks that follow.
     */
    private static List<Move> assertRunsLikeTheParallelMove(List<Move> moves, Location scratch, List<Move> sequence) {
        var machine = new ModelMachine();
        long value = 0x1000;
        for (Location l : pool(scratch instanceof Location.Gpr)) {
            machine.set(l, value += 17);
        }
        machine.set(scratch, -1);
        Map<Location, Long> before = machine.snapshot();
        try {
            machine.run(sequence);
        } catch (IllegalArgumentException e) {
            throw new AssertionError(moves + " as " + sequence + ": " + e.getMessage(), e);
        }
        Map<Location, Long> expected = new HashMap<>(before);
        for (Move m : moves) {
            expected.put(m.dst(), m.src() instanceof Location.Const c ? c.value() : before.get(m.src()));
        }
        expected.remove(scratch);
        Map<Location, Long> after = new HashMap<>(machine.snapshot());
        after.remove(scratch);
        assertThat(after).as("%s sequentialized as %s: what the locations hold afterwards", moves, sequence)
                .isEqualTo(expected);
        return sequence;
    }

    private static List<Move> assertResolves(List<Move> moves, Location scratch) {
        return assertRunsLikeTheParallelMove(moves, scratch, resolve(moves, scratch));
    }

    /** Every location a problem may use: one class of registers but the scratch (and rsp, rbp), and six slots. */
    static List<Location> pool(boolean integer) {
        var pool = new ArrayList<Location>();
        if (integer) {
            Reg.all(Width.QWORD).stream().filter(reg -> reg.number() != 4 && reg.number() != 5 && reg.number() != 11)
                    .forEach(reg -> pool.add(Location.of(reg)));
        } else {
            for (int i = 0; i < 15; i++) {
                pool.add(x(i));
            }
        }
        for (int i = 1; i <= SLOTS; i++) {
            pool.add(slot(-8 * i));
        }
        return pool;
    }

    /** A random problem: a permutation of its destinations, a partial map, or a mixture with constants. */
    static List<Move> randomProblem(Random rnd, boolean integer) {
        List<Location> pool = pool(integer);
        Collections.shuffle(pool, rnd);
        int n = rnd.nextInt(Math.min(pool.size(), 14) + 1);
        List<Location> dsts = pool.subList(0, n);
        List<Location> permuted = new ArrayList<>(dsts);
        Collections.shuffle(permuted, rnd);
        int shape = rnd.nextInt(3);
        var moves = new ArrayList<Move>();
        for (int i = 0; i < n; i++) {
            Location src = switch (shape) {
                case 0 -> permuted.get(i);
                case 1 -> pool.get(rnd.nextInt(pool.size()));
                default -> {
                    int k = rnd.nextInt(10);
                    if (k < 5) {
                        yield dsts.get(rnd.nextInt(n));
                    } else if (k < 7 && integer) {
                        yield Location.constant(rnd.nextBoolean() ? rnd.nextInt(1000) - 500 : rnd.nextLong());
                    } else {
                        yield pool.get(rnd.nextInt(pool.size()));
                    }
                }
            };
            moves.add(move(dsts.get(i), src));
        }
        return moves;
    }

    /**
     * The cycles of a problem, each as its destinations {@code [d0, d1, ...]} with
     * {@code d_i := d_(i+1)} and the last reading {@code d0}. Every place is written at most
     * once, so following sources from a destination either leaves the destinations or closes a
     * cycle.
     */
    static List<List<Location>> cycles(List<Move> moves) {
        Map<Location, Location> src = new LinkedHashMap<>();
        moves.stream().filter(m -> !m.dst().equals(m.src())).forEach(m -> src.put(m.dst(), m.src()));
        Set<Location> seen = new HashSet<>();
        List<List<Location>> cycles = new ArrayList<>();
        for (Location start : src.keySet()) {
            List<Location> path = new ArrayList<>();
            Location d = start;
            while (src.containsKey(d) && !seen.contains(d) && !path.contains(d)) {
                path.add(d);
                d = src.get(d);
            }
            if (path.contains(d)) {
                cycles.add(List.copyOf(path.subList(path.indexOf(d), path.size())));
            }
            seen.addAll(path);
        }
        return cycles;
    }

    /**
     * The slot-to-slot moves that must stay ({@code push}/{@code pop}): in each cycle, all its
     * slot-to-slot moves but the one broken through the scratch. Outside the cycles, none.
     */
    private static int pushPopsNeeded(List<Move> moves) {
        int needed = 0;
        for (List<Location> cycle : cycles(moves)) {
            int k = cycle.size();
            int slotToSlot = 0;
            for (int i = 0; i < k; i++) {
                if (cycle.get(i).isMemory() && cycle.get((i + 1) % k).isMemory()) {
                    slotToSlot++;
                }
            }
            needed += Math.max(0, slotToSlot - 1);
        }
        return needed;
    }

    /**
     * The most moves a problem needs: one per real move, one more per cycle, and one more for each
     * move outside the cycles that the scratch must carry (slot to slot, a large constant into a slot).
     */
    private static int movesNeeded(List<Move> moves) {
        Set<Location> onCycles = new HashSet<>();
        List<List<Location>> cycles = cycles(moves);
        cycles.forEach(onCycles::addAll);
        int needed = cycles.size();
        for (Move m : moves) {
            if (m.dst().equals(m.src())) {
                continue;
            }
            needed++;
            if (!onCycles.contains(m.dst()) && m.dst().isMemory() && (m.src().isMemory()
                    || m.src() instanceof Location.Const c && c.value() != (int) c.value())) {
                needed++;
            }
        }
        return needed;
    }

    private static long slotToSlot(List<Move> sequence) {
        return sequence.stream().filter(m -> m.dst().isMemory() && m.src().isMemory()).count();
    }

    // ------------------------------------------------------------------ small problems

    @Test
    @Points(2)
    void aChainIsOrderedSoThatEveryPlaceIsReadBeforeItIsWritten() {
        // rax := rbx, rbx := rcx, given the wrong way round: rbx must be read before it is written
        List<Move> two = List.of(move(r(RBX), r(RCX)), move(r(RAX), r(RBX)));
        assertThat(assertResolves(two, GP_SCRATCH)).as("a chain needs no scratch").hasSize(2);
        List<Move> five = List.of(move(r(RAX), r(RBX)), move(r(RBX), r(RCX)), move(r(RCX), r(RDX)),
                move(r(RDX), r(RSI)), move(r(RSI), r(RDI)));
        assertThat(assertResolves(five, GP_SCRATCH)).hasSize(5);
        // rbx read by two moves and written by a third: both reads come first
        List<Move> fanOut = List.of(move(r(RBX), r(RDX)), move(r(RAX), r(RBX)), move(r(RCX), r(RBX)));
        assertThat(assertResolves(fanOut, GP_SCRATCH)).hasSize(3);
        List<Move> floats = List.of(move(x(1), x(2)), move(x(0), x(1)));
        assertThat(assertResolves(floats, XMM_SCRATCH)).hasSize(2);
    }

    @Test
    @Points(1)
    void aSelfMoveTakesNoInstruction() {
        assertThat(assertResolves(List.of(move(r(RAX), r(RAX))), GP_SCRATCH)).isEmpty();
        assertThat(assertResolves(List.of(move(slot(-8), slot(-8)), move(r(RBX), r(RCX))), GP_SCRATCH)).hasSize(1);
    }

    @Test
    @Points(2)
    void aSwapGoesThroughTheScratchInThreeMoves() {
        assertThat(assertResolves(List.of(move(r(RAX), r(RBX)), move(r(RBX), r(RAX))), GP_SCRATCH))
                .hasSize(3).anyMatch(m -> m.dst().equals(GP_SCRATCH));
        assertThat(assertResolves(List.of(move(x(0), x(1)), move(x(1), x(0))), XMM_SCRATCH))
                .hasSize(3).anyMatch(m -> m.dst().equals(XMM_SCRATCH));
    }

    @Test
    @Points(3)
    void aPermutationOfRegistersTakesOneMoreMovePerCycle() {
        var rnd = new Random(11);
        List<Location> regs = pool(true).stream().filter(Location::isRegister).toList();
        for (int trial = 0; trial < 500; trial++) {
            List<Location> permuted = new ArrayList<>(regs);
            Collections.shuffle(permuted, rnd);
            var moves = new ArrayList<Move>();
            for (int i = 0; i < regs.size(); i++) {
                moves.add(move(regs.get(i), permuted.get(i)));
            }
            long real = moves.stream().filter(m -> !m.dst().equals(m.src())).count();
            assertThat(assertResolves(moves, GP_SCRATCH)).as("%s: %d real moves, %d cycles", moves, real,
                    cycles(moves).size()).hasSize((int) real + cycles(moves).size());
        }
    }

    @Test
    @Points(2)
    void theMovesThatReadACycleGoBeforeItIsBroken() {
        // rdi -> rsi -> rdx -> rcx -> rdi, read also by r10 and rbx: trees hanging off a cycle
        List<Move> moves = List.of(move(r(RDI), r(RSI)), move(r(RSI), r(RDX)), move(r(RDX), r(RCX)),
                move(r(RCX), r(RDI)), move(r(R10), r(RDI)), move(r(RBX), r(RSI)), move(r(R8), r(R10)));
        assertThat(assertResolves(moves, GP_SCRATCH)).hasSize(moves.size() + 1);
        // two cycles at once, one of them read from outside
        List<Move> two = List.of(move(r(RAX), r(RBX)), move(r(RBX), r(RAX)), move(r(RCX), r(RDX)),
                move(r(RDX), r(RSI)), move(r(RSI), r(RCX)), move(r(R9), r(RDX)));
        assertThat(assertResolves(two, GP_SCRATCH)).hasSize(two.size() + 2);
    }

    @Test
    @Points(2)
    void aSlotToSlotMoveAndALargeConstantIntoASlotGoThroughTheScratch() {
        List<Move> one = List.of(move(slot(-8), slot(-16)));
        assertThat(assertResolves(one, GP_SCRATCH)).as("mov has one memory operand").hasSize(2)
                .noneMatch(m -> m.dst().isMemory() && m.src().isMemory());
        List<Move> chain = List.of(move(slot(-8), slot(-16)), move(slot(-16), slot(-24)));
        assertThat(assertResolves(chain, GP_SCRATCH)).hasSize(4).noneMatch(m -> m.dst().isMemory() && m.src().isMemory());
        List<Move> floats = List.of(move(slot(-8), slot(-16)), move(x(3), slot(-8)));
        assertThat(assertResolves(floats, XMM_SCRATCH)).hasSize(3).noneMatch(m -> m.dst().isMemory() && m.src().isMemory());
        Location big = Location.constant(0x7edc_ba98_7654_3210L);
        assertThat(assertResolves(List.of(move(slot(-8), big)), GP_SCRATCH))
                .as("a constant that is no imm32 into a slot").hasSize(2);
        assertThat(assertResolves(List.of(move(slot(-8), Location.constant(-5)), move(r(RAX), big)), GP_SCRATCH))
                .as("an imm32 into a slot, anything into a register: one mov each").hasSize(2);
    }

    @Test
    @Points(2)
    void aCycleWithSlotsIsBrokenBetweenTwoSlots() {
        // rax := a, a := b, b := rax: broken at the a/b pair, no push/pop at all
        List<Move> one = List.of(move(r(RAX), slot(-8)), move(slot(-8), slot(-16)), move(slot(-16), r(RAX)));
        assertThat(assertResolves(one, GP_SCRATCH)).hasSize(4)
                .noneMatch(m -> m.dst().isMemory() && m.src().isMemory());
        // rbx -> a -> b -> c -> rbx: two slot-to-slot moves, one through the scratch, one push/pop
        List<Move> two = List.of(move(r(RBX), slot(-8)), move(slot(-8), slot(-16)), move(slot(-16), slot(-24)),
                move(slot(-24), r(RBX)));
        List<Move> sequence = assertResolves(two, GP_SCRATCH);
        assertThat(sequence).hasSize(5);
        assertThat(slotToSlot(sequence)).as("push/pops in %s", sequence).isEqualTo(1);
        // three slots in a cycle: the scratch saves one, the other two moves are push/pops
        List<Move> three = List.of(move(slot(-8), slot(-16)), move(slot(-16), slot(-24)), move(slot(-24), slot(-8)));
        sequence = assertResolves(three, GP_SCRATCH);
        assertThat(sequence).hasSize(4);
        assertThat(slotToSlot(sequence)).as("push/pops in %s", sequence).isEqualTo(2);
    }

    // ------------------------------------------------------------------ random problems

    @Test
    @Points(3)
    void randomProblemsRunLikeTheParallelMove() {
        var rnd = new Random(20240515);
        for (int trial = 0; trial < 6000; trial++) {
            boolean integer = trial % 3 != 0;
            List<Move> moves = randomProblem(rnd, integer);
            assertResolves(moves, integer ? GP_SCRATCH : XMM_SCRATCH);
        }
    }

    @Test
    @Points(2)
    void theScratchCarriesEverySlotToSlotMoveItCan() {
        var rnd = new Random(5);
        for (int trial = 0; trial < 3000; trial++) {
            boolean integer = trial % 3 != 0;
            Location scratch = integer ? GP_SCRATCH : XMM_SCRATCH;
            List<Move> moves = randomProblem(rnd, integer);
            List<Move> sequence = assertResolves(moves, scratch);
            boolean busy = false;
            for (Move m : sequence) {
                if (m.dst().isMemory() && m.src().isMemory()) {
                    assertThat(busy).as("%s in %s (for %s): the scratch was free to carry it", m, sequence, moves)
                            .isTrue();
                }
                if (m.dst().equals(scratch)) {
                    busy = true;
                } else if (m.src().equals(scratch)) {
                    busy = false;
                }
            }
            assertThat(slotToSlot(sequence)).as("push/pops in %s (for %s, cycles %s)", sequence, moves, cycles(moves))
                    .isEqualTo(pushPopsNeeded(moves));
        }
    }

    @Test
    @Points(2)
    void noMoreMovesThanTheProblemNeeds() {
        var rnd = new Random(7);
        for (int trial = 0; trial < 3000; trial++) {
            boolean integer = trial % 2 == 0;
            List<Move> moves = randomProblem(rnd, integer);
            List<Move> sequence = assertResolves(moves, integer ? GP_SCRATCH : XMM_SCRATCH);
            assertThat(sequence.size()).as("%s as %s (cycles %s)", moves, sequence, cycles(moves))
                    .isLessThanOrEqualTo(movesNeeded(moves));
        }
    }

    // ------------------------------------------------------------------ on the processor

    private static final List<Move> INTEGER = List.of(
            // a cycle of four registers, one of them also read by r10
            move(r(RDI), r(RSI)), move(r(RSI), r(RDX)), move(r(RDX), r(RCX)), move(r(RCX), r(RDI)),
            move(r(R10), r(RDI)),
            // a cycle through three slots: one slot-to-slot move is left for push/pop
            move(r(RBX), slot(-8)), move(slot(-8), slot(-16)), move(slot(-16), slot(-24)), move(slot(-24), r(RBX)),
            // a register swapped with a slot
            move(r(R12), slot(-32)), move(slot(-32), r(R12)),
            // a chain with a slot-to-slot move (through the scratch)
            move(r(R8), slot(-40)), move(slot(-40), slot(-48)),
            // constants, small and large, into registers and a slot; a self-move
            move(r(R9), Location.constant(0x123456789abcL)), move(slot(-56), Location.constant(0x7edcba9876543210L)),
            move(r(R14), Location.constant(-1)), move(r(R13), r(R13)));

    private static final List<Move> FLOAT = List.of(
            move(x(0), x(1)), move(x(1), x(2)), move(x(2), x(0)), move(x(4), x(0)),
            move(x(3), slot(-64)), move(slot(-64), x(3)),
            move(slot(-72), slot(-80)));

    /**
     * The processor runs the emitted moves: {@code _start} sets 13 registers, 5 SSE registers and
     * 10 frame slots to known values, runs the integer and the float problem, then compares every
     * location with its expected value and exits with 0, or with the number of the first wrong one.
     */
    @Test
    @Points(2)
    void theMovesRunOnTheProcessor() throws Exception {
        Executables.assumeLinuxX86_64();
        Map<Location, Long> initial = new LinkedHashMap<>();
        int i = 0;
        for (Location l : processorLocations()) {
            initial.put(l, 0x1000L + 17L * i++);
        }
        var asm = new Assembler();
        asm.push(RBP);
        asm.mov(RBP, RSP);
        asm.sub(RSP, imm(128));
        initial.forEach((l, v) -> set(asm, l, v));
        MoveEmitter.emit(asm, resolve(INTEGER, GP_SCRATCH));
        MoveEmitter.emit(asm, resolve(FLOAT, XMM_SCRATCH));

        Map<Location, Long> expected = new LinkedHashMap<>(initial);
        for (Move m : concat(INTEGER, FLOAT)) {
            expected.put(m.dst(), m.src() instanceof Location.Const c ? c.value() : initial.get(m.src()));
        }
        // The checks may not disturb what they check, so each failure has its own exit path.
        var failures = new ArrayList<Label>();
        for (var e : expected.entrySet()) {
            failures.add(asm.newLabel("wrong_" + e.getKey()));
            check(asm, e.getKey(), e.getValue(), failures.getLast());
        }
        Label exit = asm.newLabel("exit");
        Reg edi = RDI.view(Width.DWORD);
        asm.xor(edi, edi);
        asm.jmp(exit);
        for (int n = 0; n < failures.size(); n++) {
            asm.bind(failures.get(n));
            asm.mov(edi, imm(n + 1));
            asm.jmp(exit);
        }
        asm.bind(exit);
        asm.mov(EAX, imm(231));   // exit_group(edi)
        asm.syscall();

        var linked = Linker.link(List.of(InputSection.function("_start", asm.finish())));
        Path exe = Executables.save(dir, "moves", linked.executable("_start"));
        int status = Executables.run(dir, exe.toString()).status();
        List<Location> checked = List.copyOf(expected.keySet());
        assertThat(status).as("the exit status: 0, or 1 + the index of the first wrong location in %s (%s)", checked,
                status > 0 && status <= checked.size() ? checked.get(status - 1) + " is wrong" : "").isZero();
    }

    private static List<Location> processorLocations() {
        var all = new ArrayList<Location>();
        for (Reg reg : List.of(RAX, RBX, RCX, RDX, RSI, RDI, R8, R9, R10, R12, R13, R14, R15)) {
            all.add(r(reg));
        }
        for (int i = 0; i <= 4; i++) {
            all.add(x(i));
        }
        for (int off = -8; off >= -80; off -= 8) {
            all.add(slot(off));
        }
        return all;
    }

    private static List<Move> concat(List<Move> a, List<Move> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void set(Assembler asm, Location l, long v) {
        switch (l) {
            case Location.Fpr f -> {
                asm.mov(R11, imm(v));
                asm.movq(f.xmm(), R11);
            }
            default -> asm.mov(operand(l), imm(v));
        }
    }

    /**
     * cmp location, expected; jne fail. A large expected value goes through r11 (the scratch, free
     * after the moves), an SSE register through rax (checked, hence free, before any of them).
     */
    private static void check(Assembler asm, Location l, long v, Label fail) {
        Operand at = operand(l);
        if (l instanceof Location.Fpr f) {
            asm.movq(RAX, f.xmm());
            at = RAX;
        }
        if (v == (int) v) {
            asm.cmp(at, imm(v));
        } else {
            asm.mov(R11, imm(v));
            asm.cmp(at, R11);
        }
        asm.j(Cond.NE, fail);
    }

    private static Operand operand(Location l) {
        return switch (l) {
            case Location.Gpr g -> g.reg();
            case Location.StackSlot s -> MoveEmitter.word(s);
            case Location.Fpr f -> f.xmm();
            case Location.Const c -> imm(c.value());
        };
    }

    // ------------------------------------------------------------------ in the backend

    /**
     * Loops whose one block jumps back to itself with its variables rotated: every value lives in
     * a frame slot, so each jump is a cycle of slots (a swap, a rotation of three and of four, a
     * Fibonacci pair, floats among them), carried by the resolver in every translated function.
     */
    private static final String ROTATIONS = """
            def rotate3(n):
                a = 1
                b = 2
                c = 3
                i = 0
                while True:
                    a, b, c = b, c, a
                    i += 1
                    if i >= n:
                        break
                return a * 100 + b * 10 + c

            def rotate4(n):
                a = 1
                b = 2
                c = 3
                d = 4
                i = 0
                while True:
                    a, b, c, d = d, a, b, c
                    i += 1
                    if i >= n:
                        break
                return a * 1000 + b * 100 + c * 10 + d

            def fib(n):
                a = 0
                b = 1
                while True:
                    a, b = b, a + b
                    n -= 1
                    if n <= 0:
                        break
                return a

            def swaps(n):
                x = 1.5
                y = -2.25
                k = 7
                while True:
                    x, y, k = y, x, k + 1
                    n -= 1
                    if n <= 0:
                        break
                return x * 4.0 + y + float(k)

            def gcd(a, b):
                while b != 0:
                    a, b = b, a % b
                return a

            def entry_point(argv):
                n = int(argv[1])
                print(rotate3(n), rotate3(n + 1), rotate4(n), rotate4(n + 2), fib(n * 9), swaps(n), gcd(1071, 462 * n))
                return 0

            # args: 10
            # expect: 231 312 3412 1234 2880067194370816120 20.75 21
            """;

    @Test
    @Points(2)
    void programsWhoseLoopsRotateTheirVariablesRun() throws Exception {
        X86Programs.assertRuns(dir, "rotations.py", ROTATIONS, Collector.SEMISPACE);
    }
}
