package dev.taipan.rtyper.transform;

import static dev.taipan.rtyper.lloperation.LLOp.*;

import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.Primitive;
import java.util.List;

/**
 * An {@code _ovf} operation as plain arithmetic and a test, for the exception transform: the
 * wrapping operation computes the result, and a {@code Bool} says whether the true result did
 * not fit (the tests of Hacker's Delight, section 2-13). A backend can fuse each into the
 * instruction and its overflow flag ({@code add} then {@code jo}); the llinterp runs them as
 * they are.
 *
 * <ul>
 *   <li>{@code x + y} overflows when the result's sign differs from both operands':
 *       {@code ((r ^ x) & (r ^ y)) < 0};</li>
 *   <li>{@code x - y} when the operands' signs differ and the result's differs from x's:
 *       {@code ((x ^ y) & (x ^ r)) < 0};</li>
 *   <li>{@code x * y} when the high word of the 128-bit product is not the sign of the low
 *       one ({@code int_mul_high});</li>
 *   <li>{@code -x} and {@code x // -1} when x is the smallest int;</li>
 *   <li>{@code x << y} when shifting back does not give x.</li>
 * </ul>
 */
final class OverflowTest {
    private OverflowTest() { }

    static boolean handles(SpaceOperation op) {
        return op.op() instanceof LLOp o && switch (o) {
            case INT_ADD_OVF, INT_SUB_OVF, INT_MUL_OVF, INT_NEG_OVF, INT_FLOORDIV_OVF, INT_LSHIFT_OVF -> true;
            default -> false;
        };
    }

    /** Appends to {@code ops} the operations that compute {@code op}'s result without raising; returns the overflow test. */
    static Variable expand(GraphEdit edit, List<SpaceOperation> ops, SpaceOperation op) {
        int line = op.line();
        List<Value> a = op.args();
        Variable r = op.result();
        Value x = a.getFirst();
        Primitive i = Primitive.SIGNED;
        return switch ((LLOp) op.op()) {
            case INT_ADD_OVF -> {
                ops.add(new SpaceOperation(INT_ADD, a, r, line));
                Variable both = edit.add(ops, INT_AND, i, line, edit.add(ops, INT_XOR, i, line, r, x),
                        edit.add(ops, INT_XOR, i, line, r, a.get(1)));
                yield edit.add(ops, INT_LT, Primitive.BOOL, line, both, LLConstant.signed(0));
            }
            case INT_SUB_OVF -> {
                ops.add(new SpaceOperation(INT_SUB, a, r, line));
                Variable both = edit.add(ops, INT_AND, i, line, edit.add(ops, INT_XOR, i, line, x, a.get(1)),
                        edit.add(ops, INT_XOR, i, line, x, r));
                yield edit.add(ops, INT_LT, Primitive.BOOL, line, both, LLConstant.signed(0));
            }
            case INT_MUL_OVF -> {
                ops.add(new SpaceOperation(INT_MUL, a, r, line));
                Variable high = edit.add(ops, INT_MUL_HIGH, i, line, x, a.get(1));
                Variable sign = edit.add(ops, INT_RSHIFT, i, line, r, LLConstant.signed(63));
                yield edit.add(ops, INT_NE, Primitive.BOOL, line, high, sign);
            }
            case INT_NEG_OVF -> {
                ops.add(new SpaceOperation(INT_NEG, a, r, line));
                yield edit.add(ops, INT_EQ, Primitive.BOOL, line, x, LLConstant.signed(Long.MIN_VALUE));
            }
            case INT_FLOORDIV_OVF -> {
                // MIN // -1 wraps to MIN in int_floordiv, so computing it first is harmless
                ops.add(new SpaceOperation(INT_FLOORDIV, a, r, line));
                Variable notMin = edit.add(ops, INT_XOR, i, line, x, LLConstant.signed(Long.MIN_VALUE));
                Variable notMinusOne = edit.add(ops, INT_XOR, i, line, a.get(1), LLConstant.signed(-1));
                Variable either = edit.add(ops, INT_OR, i, line, notMin, notMinusOne);
                yield edit.add(ops, INT_EQ, Primitive.BOOL, line, either, LLConstant.signed(0));
            }
            case INT_LSHIFT_OVF -> {
                ops.add(new SpaceOperation(INT_LSHIFT, a, r, line));
                Variable back = edit.add(ops, INT_RSHIFT, i, line, r, a.get(1));
                yield edit.add(ops, INT_NE, Primitive.BOOL, line, back, x);
            }
            default -> throw new IllegalArgumentException(op.opname() + " is not an _ovf operation");
        };
    }
}
