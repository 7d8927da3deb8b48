package dev.taipan.rtyper.llinterp;

/**
 * How a block ends when its operations ran without raising: the one link of a block without an
 * exitswitch (or the normal link of a block whose last operation may raise), or a choice on a
 * {@code Bool} (or {@code Signed}: zero is false) variable between the {@code False} and
 * {@code True} links.
 */
sealed interface Exit {

    Jump choose(long[] frame);

    record Goto(Jump next) implements Exit {
        @Override
        public Jump choose(long[] f) {
            return next;
        }
    }

    /**
     * The exception transform's test after a call, {@code ptr_iszero(exc_data.exc_type)}, run
     * as one step ({@link PendingCheck}): PyPy's C backend makes it a load and a branch too.
     */
    record Pending(PendingException pending, Jump raised, Jump clear) implements Exit {
        @Override
        public Jump choose(long[] f) {
            return pending.isSet() ? raised : clear;
        }
    }

    record Branch(int slot, Jump ifFalse, Jump ifTrue) implements Exit {
        @Override
        public Jump choose(long[] f) {
            return f[slot] != 0 ? ifTrue : ifFalse;
        }
    }
}
