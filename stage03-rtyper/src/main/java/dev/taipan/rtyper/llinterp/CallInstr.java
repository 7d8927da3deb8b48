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
}
