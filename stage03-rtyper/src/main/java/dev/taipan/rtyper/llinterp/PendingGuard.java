package dev.taipan.rtyper.llinterp;

/**
 * The exception transform's test after a call, inside a superblock ({@link GraphCompiler}):
 * nothing pending, the next instruction runs; an exception pending, the block is left by the
 * {@code raised} jump, which {@link GraphCode} takes when this instruction throws {@link Exit}.
 * A Java exception is the way out because the raised path is the rare one: the common path costs
 * one read of the pending exception, as the {@code cmp} and {@code jne} of machine code would.
 */
record PendingGuard(PendingException pending, Jump raised) implements Instr {

    @Override
    public void exec(long[] f) {
        if (pending.isSet()) {
            throw new Exit(raised);
        }
    }

    /** Leaving a superblock at a guard, by {@code jump}; no stack trace, it is control flow. */
    static final class Exit extends RuntimeException {
        private final Jump jump;

        Exit(Jump jump) {
            super(null, null, false, false);
            this.jump = jump;
        }

        Jump jump() {
            return jump;
        }
    }
}
