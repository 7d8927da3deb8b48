/**
 * Register allocation. So far its last step: the moves that carry block arguments from where a
 * jump has them to where the target block expects them ({@link dev.taipan.x86.regalloc.ParallelMoves}),
 * and their instructions ({@link dev.taipan.x86.regalloc.MoveEmitter}).
 */
package dev.taipan.x86.regalloc;
