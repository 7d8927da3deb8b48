package dev.taipan.rtyper.transform;

import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import java.util.List;
import java.util.Map;

/**
 * Operations whose result is known with only one operand known, or is one of their operands:
 * {@code x | 0} is {@code x}, {@code x & 0} is 0, {@code x * 1} is {@code x}, and a bool made an
 * int and tested again is the bool (PyPy's JIT does the same on traces, {@code optimizeopt/rewrite.py}).
 * Constant folding applies them after folding what is wholly constant: the rtyper's helpers,
 * written for any operands, leave such operations behind once some operands are constants. The
 * test of a {@code for i in range(n)} loop is one: with its step known to be 1, it computes
 * {@code (1 & (next >= stop)) | (0 & (next <= stop))} and tests it, which is {@code next >= stop}.
 *
 * <p>Only operations that cannot fail: {@code int_add_ovf(x, 0)} is {@code x} too, but folding it
 * would also take its exception links, which constant folding does only for a wholly constant one.
 */
final class AlgebraicIdentities {
    private AlgebraicIdentities() { }

    /**
     * What {@code op} (its result of type {@code type}) is, as an operand or a constant, or null if none of the identities applies;
     * {@code defs} are the operations of its block by result, for the identities that look at how
     * an operand was made.
     */
    static Value simplified(SpaceOperation op, LowLevelType type, Map<Variable, SpaceOperation> defs) {
        if (!(op.op() instanceof LLOp llop) || op.args().size() > 2) {
            return null;
        }
        List<Value> a = op.args();
        return switch (llop) {
            case INT_ADD, UINT_ADD, INT_OR, UINT_OR, INT_XOR, UINT_XOR -> either(a, 0L);
            case INT_SUB, UINT_SUB -> isWord(a.get(1), 0L) ? a.get(0) : null;
            case INT_MUL, UINT_MUL -> isWord(a.get(0), 0L) || isWord(a.get(1), 0L) ? LLConstant.of(0L, type) : either(a, 1L);
            case INT_AND, UINT_AND -> {
                if (isWord(a.get(0), 0L) || isWord(a.get(1), 0L)) {
                    yield LLConstant.of(0L, type);
                }
                Value x = either(a, -1L);
                // a bool made an int keeps only its low bit: and-ing it with 1 changes nothing
                yield x != null ? x : isWord(a.get(0), 1L) && isBoolAsInt(a.get(1), defs) ? a.get(1)
                        : isWord(a.get(1), 1L) && isBoolAsInt(a.get(0), defs) ? a.get(0) : null;
            }
            case INT_IS_TRUE -> isBoolAsInt(a.getFirst(), defs) ? defs.get((Variable) a.getFirst()).args().getFirst() : null;
            default -> null;
        };
    }

    /** The other operand, when one of the two is the neutral element {@code neutral}. */
    private static Value either(List<Value> a, long neutral) {
        if (isWord(a.get(1), neutral)) {
            return a.get(0);
        }
        return isWord(a.get(0), neutral) ? a.get(1) : null;
    }

    private static boolean isWord(Value v, long word) {
        return v instanceof Constant(LLConstant(Long x, Primitive p)) && x == word
                && (p == Primitive.SIGNED || p == Primitive.UNSIGNED);
    }

    private static boolean isBoolAsInt(Value v, Map<Variable, SpaceOperation> defs) {
        return v instanceof Variable var && defs.get(var) instanceof SpaceOperation def && def.op() == LLOp.CAST_BOOL_TO_INT;
    }
}
