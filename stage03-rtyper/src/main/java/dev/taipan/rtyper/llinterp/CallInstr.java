package dev.taipan.rtyper.llinterp;

import dev.taipan.rtyper.lltype.FuncType;

/**
 * The calls. A {@code direct_call} names its callee at translation time, so it holds the callee
 * itself; an {@code indirect_call} reads a function pointer, an address the
 * {@link FunctionTable} turns back into the function, after checking that it is one, of the
 * type the call expects. Either way the arguments are copied from the caller's slots into a
 * fresh frame of the callee, and the result word comes back into the caller's result slot. An
 * RPy exception raised by the callee goes on unwinding through here as a Java exception.
 */
sealed interface CallInstr extends Instr {

    record Direct(LLFunction callee, int[] args, int result) implements CallInstr {
        @Override
        public void exec(long[] f) {
            f[result] = callee.invoke(f, args);
        }
    }

    /**
     * A {@code direct_call} and the pending-exception test after it, fused ("call, then test
     * {@code exc_data}"): the common pair of exception-transformed graphs, one dispatch instead
     * of two. An exception pending leaves the superblock as {@link PendingGuard} does.
     */
    record DirectChecked(LLFunction callee, int[] args, int result, PendingException pending, Jump raised) implements CallInstr {
        @Override
        public void exec(long[] f) {
            f[result] = callee.invoke(f, args);
            if (pending.isSet()) {
                throw new PendingGuard.Exit(raised);
            }
        }
    }

    record Indirect(FunctionTable functions, FuncType type, int function, int[] args, int result) implements CallInstr {
        @Override
        public void exec(long[] f) {
            LLFunction callee = functions.at(f[function]);
            if (!callee.type().equals(type)) {
                throw new IllegalStateException("indirect_call of " + callee + " through a pointer to " + type);
            }
            f[result] = callee.invoke(f, args);
        }
    }

    /** {@code stack_check()}: a RecursionError pending when the calls nest too deep (exception-transformed graphs only). */
    record StackCheck(PendingException pending) implements CallInstr {
        @Override
        public void exec(long[] f) {
            pending.checkStack();
        }
    }

    /** {@code stack_check()} and the pending-exception test after it, fused as {@link DirectChecked} is. */
    record StackCheckChecked(PendingException pending, Jump raised) implements CallInstr {
        @Override
        public void exec(long[] f) {
            pending.checkStack();
            if (pending.isSet()) {
                throw new PendingGuard.Exit(raised);
            }
        }
    }
}
