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

    record Branch(int slot, Jump ifFalse, Jump ifTrue) implements Exit {
        @Override
        public Jump choose(long[] f) {
            return f[slot] != 0 ? ifTrue : ifFalse;
        }
    }
}
