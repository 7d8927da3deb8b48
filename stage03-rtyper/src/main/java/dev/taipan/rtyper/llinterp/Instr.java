package dev.taipan.rtyper.llinterp;

/**
 * One operation of a compiled graph: it reads its operands from the frame's slots and writes
 * its result to a slot, all of them numbers fixed when the graph was compiled. Everything the
 * operation's operands said at translation time (a field name, a type, the function of a
 * {@code direct_call}) has become a field of the instruction: an offset, a size, a callee.
 * Running a block is then a loop of {@code exec} calls, with no lookup, no boxing and no
 * decision left but the ones the program makes.
 */
sealed interface Instr permits PureInstr, MemoryInstr, CallInstr, DebugInstr, SyscallInstr, TracebackInstr, PendingGuard {

    void exec(long[] frame);
}
