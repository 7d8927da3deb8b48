package dev.taipan.rtyper.lloperation;

import dev.taipan.flowgraph.operation.Op;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import java.util.List;

/**
 * What every stage needs to know about a low-level operation, PyPy's {@code LLOp}: its name and
 * the properties the passes after the rtyper reason with. It is an {@link Op}, as the flow
 * space's operations are, so low-level graphs are the same {@code FunctionGraph}s with other
 * operations in their {@code SpaceOperation}s, and stage 01's passes and pictures work on them.
 *
 * <ul>
 *   <li>{@link #pure()}: pure: the result depends only on the operands, so an operation
 *       whose operands are constants can be replaced by its result (constant folding, the JIT's
 *       optimiser). {@link #fold} may still refuse by throwing (an overflow, a zero divisor):
 *       then the operation stays, to fail at run time as it must.
 *   <li>{@link #hasSideEffects()}: false when an unused result means the operation can go (dead
 *       code removal); reading memory has no side effect but cannot fold.
 *   <li>{@link #raises()}: the RPy exceptions it may raise; an operation that raises must be
 *       the last of its block, so the exception can leave through the block's exits.
 *   <li>{@link #canMallocGc()}: it may allocate in the GC heap, so a moving collector may run:
 *       stage 04 saves the live pointers around it (shadow stack).
 * </ul>
 *
 * Stage 03's operations are {@link LLOp}; later stages add their own (the GC's) as enums
 * implementing this interface, so one vocabulary grows without being spelled as strings.
 */
public interface LowLevelOperation extends Op {

    /** Names of the RPy exception classes it may raise; {@code Exception} for "anything" (calls). */
    List<String> raises();

    @Override
    default boolean canRaise() {
        return !raises().isEmpty();
    }

    boolean canMallocGc();

    /** The operand and result types, or null for an operation on any type (memory, calls, {@code same_as}). */
    Signature signature();

    /** The Java implementation of a pure operation, or null for one the llinterp runs itself. */
    Impl impl();

    /**
     * Computes a pure operation on constants, held as Java values (see
     * {@link Primitive#holds}; a pointer as its address, a {@code Long}). Throws what the
     * operation throws at run time: {@link LowLevelOverflow}, {@link UndefinedBehaviorError}.
     */
    default Object fold(Object... args) {
        Impl impl = impl();
        if (impl == null) {
            throw new IllegalArgumentException(opname() + " is not a pure operation: it cannot be folded");
        }
        Signature sig = signature();
        if (sig != null) {
            checkOperands(sig, args);
        }
        return switch (impl) {
            case Impl.WordBinary(var op) -> box(sig.result(), op.applyAsLong(word(args[0]), word(args[1])));
            case Impl.WordUnary(var op) -> box(sig.result(), op.applyAsLong(word(args[0])));
            case Impl.WordCompare(var test) -> test.test(word(args[0]), word(args[1]));
            case Impl.WordTest(var test) -> test.test(word(args[0]));
            case Impl.FloatBinary(var op) -> op.applyAsDouble((Double) args[0], (Double) args[1]);
            case Impl.FloatUnary(var op) -> op.applyAsDouble((Double) args[0]);
            case Impl.FloatCompare(var test) -> test.test((Double) args[0], (Double) args[1]);
            case Impl.FloatTest(var test) -> test.test((Double) args[0]);
            case Impl.FloatToWord(var op) -> box(sig.result(), op.applyAsLong((Double) args[0]));
            case Impl.WordToFloat(var op) -> op.applyAsDouble(word(args[0]));
            case Impl.Identity() -> args[0];
        };
    }

    private void checkOperands(Signature sig, Object[] args) {
        if (args.length != sig.args().size()) {
            throw new IllegalArgumentException(opname() + " takes " + sig.args().size() + " operands, got " + args.length);
        }
        for (int i = 0; i < args.length; i++) {
            if (!(sig.args().get(i) instanceof Primitive p && p.holds(args[i]))) {
                throw new IllegalArgumentException(opname() + " " + sig + ": operand " + (i + 1) + " is " + args[i]
                        + ", not a " + sig.args().get(i));
            }
        }
    }

    /** A word-sized constant as a register holds it. */
    private static long word(Object value) {
        return switch (value) {
            case Long l -> l;
            case Boolean b -> b ? 1 : 0;
            case Character c -> c;
            default -> throw new IllegalArgumentException(value + " is not a word-sized constant");
        };
    }

    private static Object box(LowLevelType type, long word) {
        return switch ((Primitive) type) {
            case BOOL -> word != 0;
            case CHAR -> (char) word;
            default -> word;
        };
    }
}
