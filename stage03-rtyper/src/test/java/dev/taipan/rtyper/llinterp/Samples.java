package dev.taipan.rtyper.llinterp;

import static dev.taipan.rtyper.lloperation.LLOp.DIRECT_CALL;
import static dev.taipan.rtyper.lloperation.LLOp.INT_ADD;
import static dev.taipan.rtyper.lloperation.LLOp.INT_LT;
import static dev.taipan.rtyper.lloperation.LLOp.INT_SUB;
import static dev.taipan.rtyper.llinterp.GraphBuilder.signed;
import static dev.taipan.rtyper.lltype.Primitive.BOOL;
import static dev.taipan.rtyper.lltype.Primitive.SIGNED;

import dev.taipan.rtyper.llgraph.LowLevelGraph;

/** Low-level graphs that several tests and the benchmark share. */
public final class Samples {

    private Samples() {
    }

    /**
     * {@code def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)}, as the rtyper makes it:
     * <pre>
     * start(n):   small = int_lt(n, 2); switch small: True -> return n, False -> big(n)
     * big(n):     a = direct_call(fib, int_sub(n, 1)); b = direct_call(fib, int_sub(n, 2)); return int_add(a, b)
     * </pre>
     */
    public static LowLevelGraph fib() {
        var g = new GraphBuilder("fib", SIGNED, SIGNED);
        var start = g.start();
        var n = start.arg(0);
        var small = start.op(INT_LT, BOOL, n, signed(2));
        var big = g.block(SIGNED);
        start.branch(small, g.toReturn(n), big.with(n));
        var m = big.arg(0);
        var a = big.op(DIRECT_CALL, SIGNED, g.fn(), big.op(INT_SUB, SIGNED, m, signed(1)));
        var b = big.op(DIRECT_CALL, SIGNED, g.fn(), big.op(INT_SUB, SIGNED, m, signed(2)));
        big.jump(g.toReturn(big.op(INT_ADD, SIGNED, a, b)));
        return g.graph();
    }
}
