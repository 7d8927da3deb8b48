package dev.taipan.x86.regalloc;

import static dev.taipan.x86.regalloc.Move.move;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.x86.asm.Reg;
import dev.taipan.x86.asm.Width;
import dev.taipan.x86.asm.Xmm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Sequentialized parallel moves, checked on a model machine over thousands of random problems
 * (permutations, partial maps, cycles through registers and slots, duplicated sources,
 * constants), and counted.
 */
class ParallelMovesTest {

    private static final Location GP_SCRATCH = Location.of(Reg.R11);
    private static final Location XMM_SCRATCH = Location.of(Xmm.XMM15);
    private static final int SLOTS = 6;

    /** Every location a problem may use: the registers of one class but the scratch (and rsp, rbp), and six slots. */
    private static List<Location> pool(boolean integer) {
        var pool = new ArrayList<Location>();
        if (integer) {
            Reg.all(Width.QWORD).stream().filter(r -> r.number() != 4 && r.number() != 5 && r.number() != 11)
                    .forEach(r -> pool.add(Location.of(r)));
        } else {
            for (int i = 0; i < 15; i++) {
                pool.add(Location.of(new Xmm(i)));
            }
        }
        for (int i = 1; i <= SLOTS; i++) {
            pool.add(Location.slot(-8 * i));
        }
        return pool;
    }

    /** A random problem: a permutation of its destinations, a partial map, or a mixture with constants. */
    private static List<Move> randomProblem(Random rnd, boolean integer) {
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
                    int r = rnd.nextInt(10);
                    if (r < 5) {
                        yield dsts.get(rnd.nextInt(n));
                    } else if (r < 7 && integer) {
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

    @Test
    void everyDestinationGetsItsSourcesOldValueAndNothingElseChanges() {
        var rnd = new Random(20240515);
        for (int trial = 0; trial < 6000; trial++) {
            boolean integer = trial % 3 != 0;
            List<Move> moves = randomProblem(rnd, integer);
            Location scratch = integer ? GP_SCRATCH : XMM_SCRATCH;
            var machine = new ModelMachine();
            for (Location l : pool(integer)) {
                machine.set(l, rnd.nextLong());
            }
            machine.set(scratch, rnd.nextLong());
            Map<Location, Long> before = machine.snapshot();

            List<Move> sequence = ParallelMoves.sequentialize(moves, scratch);
            machine.run(sequence);

            Map<Location, Long> expected = new HashMap<>(before);
            for (Move m : moves) {
                expected.put(m.dst(), m.src() instanceof Location.Const c ? c.value() : before.get(m.src()));
            }
            expected.remove(scratch);
            Map<Location, Long> after = new HashMap<>(machine.snapshot());
            after.remove(scratch);
            assertThat(after).as("trial %d: %s as %s", trial, moves, sequence).isEqualTo(expected);
            assertSlotToSlotOnlyWhileTheScratchIsBusy(sequence, scratch);
        }
    }

    /** The scratch carries memory-to-memory moves whenever it is free; only a cycle's break keeps it busy. */
    private static void assertSlotToSlotOnlyWhileTheScratchIsBusy(List<Move> sequence, Location scratch) {
        boolean busy = false;
        for (Move m : sequence) {
            if (m.dst().isMemory() && m.src().isMemory()) {
                assertThat(busy).as("%s in %s: the scratch was free", m, sequence).isTrue();
            }
            if (m.dst().equals(scratch)) {
                busy = true;
            } else if (m.src().equals(scratch)) {
                busy = false;
            }
        }
    }

    @Test
    void noMoreThanOneMovePerMovePlusOnePerCycle() {
        var rnd = new Random(7);
        for (int trial = 0; trial < 4000; trial++) {
            boolean integer = trial % 2 == 0;
            List<Move> moves = randomProblem(rnd, integer);
            long real = moves.stream().filter(m -> !m.dst().equals(m.src())).count();
            int cycles = cycles(moves);
            List<Move> ordered = ParallelMoves.order(moves, integer ? GP_SCRATCH : XMM_SCRATCH);
            assertThat(ordered.size()).as("%s", moves).isLessThanOrEqualTo((int) (real + cycles));
        }
    }

    @Test
    void aPermutationOfRegistersTakesExactlyOneMoreMovePerCycle() {
        var rnd = new Random(11);
        List<Location> regs = pool(true).stream().filter(Location::isRegister).toList();
        for (int trial = 0; trial < 1000; trial++) {
            List<Location> permuted = new ArrayList<>(regs);
            Collections.shuffle(permuted, rnd);
            var moves = new ArrayList<Move>();
            for (int i = 0; i < regs.size(); i++) {
                moves.add(move(regs.get(i), permuted.get(i)));
            }
            long real = moves.stream().filter(m -> !m.dst().equals(m.src())).count();
            assertThat(ParallelMoves.sequentialize(moves, GP_SCRATCH)).hasSize((int) real + cycles(moves));
        }
    }

    /** The cycles of the move graph (each destination has one source), counted independently of the algorithm. */
    private static int cycles(List<Move> moves) {
        Map<Location, Location> src = new HashMap<>();
        moves.stream().filter(m -> !m.dst().equals(m.src())).forEach(m -> src.put(m.dst(), m.src()));
        Set<Location> onACycle = new HashSet<>();
        int count = 0;
        for (Location start : src.keySet()) {
            Location d = start;
            for (int steps = 0; steps <= src.size() && src.containsKey(d); steps++) {
                d = src.get(d);
                if (d.equals(start)) {
                    if (onACycle.add(start)) {
                        count++;
                        for (Location x = src.get(start); !x.equals(start); x = src.get(x)) {
                            onACycle.add(x);
                        }
                    }
                    break;
                }
            }
        }
        return count;
    }

    @Test
    void aSwapOfTwoRegistersGoesThroughTheScratch() {
        Location rax = Location.of(Reg.RAX), rbx = Location.of(Reg.RBX);
        assertThat(ParallelMoves.sequentialize(List.of(move(rax, rbx), move(rbx, rax)), GP_SCRATCH))
                .containsExactly(move(GP_SCRATCH, rax), move(rax, rbx), move(rbx, GP_SCRATCH));
    }

    @Test
    void aChainIsOrderedBackwardsWithoutTheScratch() {
        Location rax = Location.of(Reg.RAX), rbx = Location.of(Reg.RBX), rcx = Location.of(Reg.RCX);
        // rax := rbx, rbx := rcx: rbx must be read before it is written
        assertThat(ParallelMoves.sequentialize(List.of(move(rbx, rcx), move(rax, rbx)), GP_SCRATCH))
                .containsExactly(move(rax, rbx), move(rbx, rcx));
    }

    @Test
    void slotToSlotGoesThroughTheScratchAndACycleOfSlotsBreaksBetweenTwoSlots() {
        Location a = Location.slot(-8), b = Location.slot(-16), rax = Location.of(Reg.RAX);
        assertThat(ParallelMoves.sequentialize(List.of(move(a, b)), GP_SCRATCH))
                .containsExactly(move(GP_SCRATCH, b), move(a, GP_SCRATCH));
        // rax := a, a := b, b := rax: broken at the a/b pair, so no push/pop is needed
        assertThat(ParallelMoves.sequentialize(List.of(move(rax, a), move(a, b), move(b, rax)), GP_SCRATCH))
                .noneMatch(m -> m.dst().isMemory() && m.src().isMemory())
                .hasSize(4);
    }

    @Test
    void aLargeConstantGoesIntoASlotThroughTheScratch() {
        Location a = Location.slot(-8);
        assertThat(ParallelMoves.sequentialize(List.of(move(a, Location.constant(1L << 40))), GP_SCRATCH))
                .containsExactly(move(GP_SCRATCH, Location.constant(1L << 40)), move(a, GP_SCRATCH));
        assertThat(ParallelMoves.sequentialize(List.of(move(a, Location.constant(-5))), GP_SCRATCH))
                .containsExactly(move(a, Location.constant(-5)));
    }

    @Test
    void badProblemsAreRefusedWithTheReason() {
        Location rax = Location.of(Reg.RAX), rbx = Location.of(Reg.RBX);
        assertThatThrownBy(() -> ParallelMoves.sequentialize(List.of(move(rax, rbx), move(rax, rax)), GP_SCRATCH))
                .hasMessageContaining("two moves write rax");
        assertThatThrownBy(() -> ParallelMoves.sequentialize(List.of(move(rax, GP_SCRATCH)), GP_SCRATCH))
                .hasMessageContaining("the scratch r11 cannot take part");
        assertThatThrownBy(() -> ParallelMoves.sequentialize(List.of(move(Location.of(Xmm.XMM0), rax)), XMM_SCRATCH))
                .hasMessageContaining("sequentialize integer and float moves apart");
        assertThatThrownBy(() -> ParallelMoves.sequentialize(List.of(move(Location.of(Xmm.XMM0), Location.constant(1))),
                XMM_SCRATCH)).hasMessageContaining("load it from .rodata");
        assertThatThrownBy(() -> move(Location.constant(1), rax)).hasMessageContaining("cannot be a move's destination");
        assertThatThrownBy(() -> ParallelMoves.sequentialize(List.of(), Location.slot(-8)))
                .hasMessageContaining("the scratch must be a register");
    }
}
