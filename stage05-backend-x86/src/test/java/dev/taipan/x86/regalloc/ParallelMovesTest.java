package dev.taipan.x86.regalloc;

import static dev.taipan.x86.regalloc.Move.move;
import static dev.taipan.x86.regalloc.ParallelMovesContract.GP_SCRATCH;
import static dev.taipan.x86.regalloc.ParallelMovesContract.XMM_SCRATCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.x86.asm.Reg;
import dev.taipan.x86.asm.Xmm;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The reference resolver's own choices, beyond what {@link ParallelMovesContract} asks of any
 * resolver: the order before lowering takes at most one move per move plus one per cycle, the
 * exact sequences of small cases, and the problems it refuses, with the reason.
 */
class ParallelMovesTest {

    @Test
    void theOrderTakesNoMoreThanOneMovePerMovePlusOnePerCycle() {
        var rnd = new Random(7);
        for (int trial = 0; trial < 4000; trial++) {
            boolean integer = trial % 2 == 0;
            List<Move> moves = ParallelMovesContract.randomProblem(rnd, integer);
            long real = moves.stream().filter(m -> !m.dst().equals(m.src())).count();
            int cycles = ParallelMovesContract.cycles(moves).size();
            List<Move> ordered = ParallelMoves.order(moves, integer ? GP_SCRATCH : XMM_SCRATCH);
            assertThat(ordered.size()).as("%s", moves).isLessThanOrEqualTo((int) (real + cycles));
        }
    }

    @Test
    void aSwapSavesItsFirstDestination() {
        Location rax = Location.of(Reg.RAX), rbx = Location.of(Reg.RBX);
        assertThat(ParallelMoves.remapFrameLayout(List.of(move(rax, rbx), move(rbx, rax)), GP_SCRATCH))
                .containsExactly(move(GP_SCRATCH, rax), move(rax, rbx), move(rbx, GP_SCRATCH));
    }

    @Test
    void aChainIsOrderedBackwards() {
        Location rax = Location.of(Reg.RAX), rbx = Location.of(Reg.RBX), rcx = Location.of(Reg.RCX);
        assertThat(ParallelMoves.remapFrameLayout(List.of(move(rbx, rcx), move(rax, rbx)), GP_SCRATCH))
                .containsExactly(move(rax, rbx), move(rbx, rcx));
    }

    @Test
    void slotToSlotAndLargeConstantsGoThroughTheScratch() {
        Location a = Location.slot(-8), b = Location.slot(-16);
        assertThat(ParallelMoves.remapFrameLayout(List.of(move(a, b)), GP_SCRATCH))
                .containsExactly(move(GP_SCRATCH, b), move(a, GP_SCRATCH));
        assertThat(ParallelMoves.remapFrameLayout(List.of(move(a, Location.constant(1L << 40))), GP_SCRATCH))
                .containsExactly(move(GP_SCRATCH, Location.constant(1L << 40)), move(a, GP_SCRATCH));
    }

    @Test
    void badProblemsAreRefusedWithTheReason() {
        Location rax = Location.of(Reg.RAX), rbx = Location.of(Reg.RBX);
        assertThatThrownBy(() -> ParallelMoves.remapFrameLayout(List.of(move(rax, rbx), move(rax, rax)), GP_SCRATCH))
                .hasMessageContaining("two moves write rax");
        assertThatThrownBy(() -> ParallelMoves.remapFrameLayout(List.of(move(rax, GP_SCRATCH)), GP_SCRATCH))
                .hasMessageContaining("the scratch r11 cannot take part");
        assertThatThrownBy(() -> ParallelMoves.remapFrameLayout(List.of(move(Location.of(Xmm.XMM0), rax)), XMM_SCRATCH))
                .hasMessageContaining("sequentialize integer and float moves apart");
        assertThatThrownBy(() -> ParallelMoves.remapFrameLayout(List.of(move(Location.of(Xmm.XMM0), Location.constant(1))),
                XMM_SCRATCH)).hasMessageContaining("load it from .rodata");
        assertThatThrownBy(() -> move(Location.constant(1), rax)).hasMessageContaining("cannot be a move's destination");
        assertThatThrownBy(() -> ParallelMoves.remapFrameLayout(List.of(), Location.slot(-8)))
                .hasMessageContaining("the scratch must be a register");
    }
}
