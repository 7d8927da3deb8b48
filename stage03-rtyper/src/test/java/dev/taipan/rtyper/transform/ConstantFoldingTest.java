package dev.taipan.rtyper.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.CheckGraph;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.flowgraph.host.PyBool;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Constant folding on a graph built by hand, where every fold can be seen, and on a program run before and after. */
class ConstantFoldingTest {

    @TempDir
    Path dir;

    private LowLevelGraph graph;

    private Variable var(String name, LowLevelType type) {
        Variable v = new Variable(name);
        graph.setType(v, type);
        return v;
    }

    private SpaceOperation op(LLOp op, Variable result, Value... args) {
        return new SpaceOperation(op, List.of(args), result, 1);
    }

    /**
     * <pre>
     * f(x):  a = int_add(2, 3); c = int_gt(a, 4); dead = int_mul(x, x)      switch c: False -> return(0), True -> g(x, a)
     * g(y, b): r = int_add(y, b); o = int_add_ovf(1, 2); big = int_add_ovf(MAX, 1); z = int_floordiv(7, 0)
     *          s = int_add(r, o)                                               -> return(s)
     * </pre>
     * becomes one block, {@code r = int_add(x, 5); big = int_add_ovf(MAX, 1); s = int_add(r, 3)}.
     */
    @Test
    void foldsOperationsBranchesAndArgumentsButNotWhatWouldFail() {
        Variable x = new Variable("x");
        Block start = new Block(List.of(x));
        graph = new LowLevelGraph("f", new FunctionGraph("f", start, null, null), new FuncType(List.of(Primitive.SIGNED), Primitive.SIGNED));
        graph.setType(x, Primitive.SIGNED);
        FunctionGraph fg = graph.graph();
        graph.setType(fg.returnblock.inputargs.getFirst(), Primitive.SIGNED);
        Variable a = var("a", Primitive.SIGNED);
        Variable c = var("c", Primitive.BOOL);
        Variable dead = var("dead", Primitive.SIGNED);
        start.operations.addAll(List.of(op(LLOp.INT_ADD, a, LLConstant.signed(2), LLConstant.signed(3)),
                op(LLOp.INT_GT, c, a, LLConstant.signed(4)), op(LLOp.INT_MUL, dead, x, x)));
        Variable y = var("y", Primitive.SIGNED);
        Variable b = var("b", Primitive.SIGNED);
        Block g = new Block(List.of(y, b));
        Variable r = var("r", Primitive.SIGNED);
        Variable o = var("o", Primitive.SIGNED);
        Variable big = var("big", Primitive.SIGNED);
        Variable z = var("z", Primitive.SIGNED);
        Variable s = var("s", Primitive.SIGNED);
        g.operations.addAll(List.of(op(LLOp.INT_ADD, r, y, b), op(LLOp.INT_ADD_OVF, o, LLConstant.signed(1), LLConstant.signed(2)),
                op(LLOp.INT_ADD_OVF, big, LLConstant.signed(Long.MAX_VALUE), LLConstant.signed(1)),
                op(LLOp.INT_FLOORDIV, z, LLConstant.signed(7), LLConstant.signed(0)), op(LLOp.INT_ADD, s, r, o)));
        g.closeblock(new Link(List.of(s), fg.returnblock, null));
        start.exitswitch = c;
        start.closeblock(new Link(List.of(LLConstant.signed(0)), fg.returnblock, PyBool.FALSE), new Link(List.of(x, a), g, PyBool.TRUE));
        CheckGraph.checkgraph(fg);

        ConstantFolding.fold(graph);

        CheckGraph.checkgraph(fg);
        // the switch folded, g's argument b became 5 and g, entered from start alone, was joined to it
        assertThat(fg.iterblocks()).containsExactly(start, fg.returnblock);
        assertThat(start.exitswitch).isNull();
        assertThat(start.operations.stream().map(SpaceOperation::toString)).containsExactly(
                r + " = int_add(" + x + ", 5)", big + " = int_add_ovf(9223372036854775807, 1)",
                s + " = int_add(" + r + ", 3)");
        assertThat(start.exits).singleElement().satisfies(l -> assertThat(l.args).containsExactly(s));
    }

    @Test
    void aProgramRunsTheSameFoldedAndItsConstantTestsAreGone() throws IOException {
        String source = """
                def f(n):
                    s = "abc"
                    total = 0
                    for i in range(n):
                        total += ord(s[0]) + i
                    return total
                """;
        assertThat(Transformed.run(dir, source, "f", OptLevel.O1, 10L))
                .isEqualTo(Transformed.run(dir, source, "f", OptLevel.NONE, 10L));
        LowLevelGraph f = Transformed.program(dir, source, "f", OptLevel.O1).entry();
        // s[0] of a constant string: the index check on constants is folded away with its IndexError branch
        assertThat(f.graph().operations()).noneMatch(op -> op.op() == LLOp.CAST_INT_TO_UINT
                && op.args().getFirst() instanceof dev.taipan.flowgraph.flow.Constant);
    }

    /**
     * <pre>
     * f(x): c = int_ge(x, 3); ci = cast_bool_to_int(c); a1 = int_and(1, ci); z = int_and(0, x); o = int_or(a1, z)
     *       t = int_is_true(o); m = int_mul(x, 1); p = int_add(m, 0); keep = int_and(2, ci); neg = int_sub(0, x)
     *       q = int_add(keep, neg)                       switch t: False -> return(q), True -> return(p)
     * </pre>
     * The test is {@code c} again, {@code p} is {@code x}; {@code 2 & ci} and {@code 0 - x} are no identities.
     */
    @Test
    void identitiesWithOneOperandKnownMakeAnOperationOneOfItsOperands() {
        Variable x = new Variable("x");
        Block start = new Block(List.of(x));
        graph = new LowLevelGraph("f", new FunctionGraph("f", start, null, null), new FuncType(List.of(Primitive.SIGNED), Primitive.SIGNED));
        graph.setType(x, Primitive.SIGNED);
        FunctionGraph fg = graph.graph();
        graph.setType(fg.returnblock.inputargs.getFirst(), Primitive.SIGNED);
        Variable c = var("c", Primitive.BOOL);
        Variable ci = var("ci", Primitive.SIGNED);
        Variable a1 = var("a1", Primitive.SIGNED);
        Variable z = var("z", Primitive.SIGNED);
        Variable o = var("o", Primitive.SIGNED);
        Variable t = var("t", Primitive.BOOL);
        Variable m = var("m", Primitive.SIGNED);
        Variable p = var("p", Primitive.SIGNED);
        Variable keep = var("keep", Primitive.SIGNED);
        Variable neg = var("neg", Primitive.SIGNED);
        Variable q = var("q", Primitive.SIGNED);
        start.operations.addAll(List.of(op(LLOp.INT_GE, c, x, LLConstant.signed(3)), op(LLOp.CAST_BOOL_TO_INT, ci, c),
                op(LLOp.INT_AND, a1, LLConstant.signed(1), ci), op(LLOp.INT_AND, z, LLConstant.signed(0), x),
                op(LLOp.INT_OR, o, a1, z), op(LLOp.INT_IS_TRUE, t, o), op(LLOp.INT_MUL, m, x, LLConstant.signed(1)),
                op(LLOp.INT_ADD, p, m, LLConstant.signed(0)), op(LLOp.INT_AND, keep, LLConstant.signed(2), ci),
                op(LLOp.INT_SUB, neg, LLConstant.signed(0), x), op(LLOp.INT_ADD, q, keep, neg)));
        start.exitswitch = t;
        start.closeblock(new Link(List.of(q), fg.returnblock, PyBool.FALSE), new Link(List.of(p), fg.returnblock, PyBool.TRUE));
        CheckGraph.checkgraph(fg);

        ConstantFolding.fold(graph);

        CheckGraph.checkgraph(fg);
        assertThat(start.exitswitch).isSameAs(c);
        assertThat(start.exits.get(1).args).containsExactly(x);
        assertThat(start.operations.stream().map(SpaceOperation::toString)).containsExactly(
                c + " = int_ge(" + x + ", 3)", ci + " = cast_bool_to_int(" + c + ")", keep + " = int_and(2, " + ci + ")",
                neg + " = int_sub(0, " + x + ")", q + " = int_add(" + keep + ", " + neg + ")");
    }
}
