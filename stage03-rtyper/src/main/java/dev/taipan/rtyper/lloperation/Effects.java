package dev.taipan.rtyper.lloperation;

import java.util.List;

/** The properties of an operation that passes reason with; see {@link LowLevelOperation}. */
record Effects(boolean pure, boolean hasSideEffects, List<String> raises, boolean canMallocGc) {

    /** Arithmetic, comparisons, casts: depends on the operands only. */
    static final Effects PURE = new Effects(true, false, List.of(), false);
    /** The {@code _ovf} operations: pure, or {@code OverflowError}. */
    static final Effects PURE_OVF = new Effects(true, false, List.of("OverflowError"), false);
    /** Reads memory (or computes an address inside an object): no effect, but not a constant. */
    static final Effects READ = new Effects(false, false, List.of(), false);
    /** Writes memory. */
    static final Effects WRITE = new Effects(false, true, List.of(), false);
    /**
     * Allocates or frees raw memory ({@code raw_malloc}, {@code raw_free}): it must stay, but no
     * GC runs, so no GC pointer moves. {@code raw_malloc} gives NULL when memory is short, as
     * C's {@code malloc} does, rather than raising.
     */
    static final Effects RAW_MEMORY = new Effects(false, true, List.of(), false);
    /** Allocates in the GC heap, which may be full. */
    static final Effects MALLOC = new Effects(false, true, List.of("MemoryError"), true);
    /** Runs another graph: anything can happen. */
    static final Effects CALL = new Effects(false, true, List.of("Exception"), true);
    /** Checks the depth of the calls: {@code RecursionError} when they nest too deep. */
    static final Effects STACK_CHECK = new Effects(false, true, List.of("RecursionError"), false);
    /** Writes to the program's output: must stay, in order. */
    static final Effects OUTPUT = new Effects(false, true, List.of(), false);
    /**
     * A hint for the JIT of stage 06 ({@code jit_marker}, {@code hint}): nothing happens at run
     * time, but it must stay where it is, so that the codewriter finds it.
     */
    static final Effects JIT_HINT = new Effects(false, true, List.of(), false);
    /**
     * A system call: it acts on the world (files, streams, the clock), so it stays, in order.
     * It never raises: a failure is a negative errno in its result, which the RPy helper
     * around it turns into {@code OSError}, as libc's wrappers hand {@code -errno} to C.
     */
    static final Effects SYSCALL = new Effects(false, true, List.of(), false);
    /** Stops the program when its condition is false: must not be removed. */
    static final Effects ASSERTION = new Effects(false, true, List.of(), false);
}
