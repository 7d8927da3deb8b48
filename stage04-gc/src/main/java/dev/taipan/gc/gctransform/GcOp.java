package dev.taipan.gc.gctransform;

import dev.taipan.rtyper.lloperation.Impl;
import dev.taipan.rtyper.lloperation.LowLevelOperation;
import dev.taipan.rtyper.lloperation.Signature;
import java.util.List;
import java.util.Locale;

/**
 * The operations the GC transformer adds to low-level graphs: stage 04's part of the one
 * vocabulary of operations ({@link LowLevelOperation}), PyPy's {@code gc_*} operations.
 *
 * <p>The roots of the shadow stack, around an operation that can collect:
 * <pre>
 * gc_push_roots(a, b)        the live GC pointers, onto the shadow stack
 * v = direct_call(f, ...)    may collect: a moving collector updates the two slots
 * gc_pop_roots(2)            the stack as before
 * a' = gc_restore_root(0)    the slots just released, reloaded into new variables,
 * b' = gc_restore_root(1)    which the rest of the block uses instead of a and b
 * </pre>
 * A later step turns them into loads and stores of the shadow stack's words.
 */
public enum GcOp implements LowLevelOperation {
    /** gc_push_roots(v1, ..., vn): n new slots on top of the shadow stack, slot i holding v(i+1). */
    GC_PUSH_ROOTS(true),
    /** gc_pop_roots(n): removes the n slots pushed last (they stay readable until the next push). */
    GC_POP_ROOTS(true),
    /** gc_restore_root(i) -> v: slot i of the slots the last gc_pop_roots released; a pointer the collector may have moved. */
    GC_RESTORE_ROOT(false),
    /**
     * gc_write_barrier(obj): obj, a GC object, is about to get a GC pointer stored into it
     * ({@link WriteBarriers}); lowered to the collector's test of its header and call.
     */
    GC_WRITE_BARRIER(true);

    private final String opname = name().toLowerCase(Locale.ROOT);
    private final boolean sideEffects;

    GcOp(boolean sideEffects) {
        this.sideEffects = sideEffects;
    }

    @Override
    public String opname() {
        return opname;
    }

    @Override
    public boolean pure() {
        return false;
    }

    @Override
    public boolean hasSideEffects() {
        return sideEffects;
    }

    @Override
    public List<String> raises() {
        return List.of();
    }

    @Override
    public boolean canMallocGc() {
        return false;
    }

    @Override
    public Signature signature() {
        return null;
    }

    @Override
    public Impl impl() {
        return null;
    }

    @Override
    public String toString() {
        return opname;
    }
}
