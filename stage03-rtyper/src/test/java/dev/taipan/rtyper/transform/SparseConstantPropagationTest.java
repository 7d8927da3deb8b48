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
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SCCP on graphs built by hand, each next to what constant folding alone makes of the same graph
 * (so that the test shows what the optimism adds), and on a program's {@code for} loop.
 */
class SparseConstantPropagationTest {

    @TempDir
    Path dir;

    private LowLevelGraph graph;

    private Variable var(String name, LowLevelType type) {
        Variable v = new Variable(name);
        graph.setType(v, type);
        return v;
    }

    private static SpaceOperation op(LLOp op, Variable result, Value... args) {
        return new SpaceOperation(op, List.of(args), result, 1);
    }

    private FunctionGraph start(Variable... params) {
        Block start = new Block(List.of(params));
        graph = new LowLevelGraph("f", new FunctionGraph("f", start, null, null),
                new FuncType(List.of(Primitive.SIGNED), Primitive.SIGNED));
        for (Variable p : params) {
            graph.setType(p, Primitive.SIGNED);
        }
        graph.setType(graph.graph().returnblock.inputargs.getFirst(), Primitive.SIGNED);
        return graph.graph();
    }

    private static void branch(Block b, Variable cond, Link ifFalse, Link ifTrue) {
        GraphEdit.branch(b, cond, ifFalse, ifTrue);
    }

    private static Link to(Block target, Value... args) {
        return new Link(List.of(args), target, null);
    }

    /**
     * A counting loop whose step, 1, flows around it:
     * <pre>
     * f(n):             -> head(0, 1, n)
     * head(i, step, m): pos = int_gt(step, 0)     switch pos: False -> return(-1), True -> body(i, step, m)
     * body(j, s, k):    j2 = int_add(j, s); c = int_lt(j2, k)    switch c: False -> return(j2), True -> head(j2, s, k)
     * </pre>
     */
    private LowLevelGraph countingLoop() {
        Variable n = new Variable("n");
        FunctionGraph fg = start(n);
        Variable i = var("i", Primitive.SIGNED);
        Variable step = var("step", Primitive.SIGNED);
        Variable m = var("m", Primitive.SIGNED);
        Variable pos = var("pos", Primitive.BOOL);
        Block head = new Block(List.of(i, step, m));
        head.operations.add(op(LLOp.INT_GT, pos, step, LLConstant.signed(0)));
        Variable j = var("j", Primitive.SIGNED);
        Variable s = var("s", Primitive.SIGNED);
        Variable k = var("k", Primitive.SIGNED);
        Variable j2 = var("j2", Primitive.SIGNED);
        Variable c = var("c", Primitive.BOOL);
        Block body = new Block(List.of(j, s, k));
        body.operations.addAll(List.of(op(LLOp.INT_ADD, j2, j, s), op(LLOp.INT_LT, c, j2, k)));
        fg.startblock.closeblock(to(head, LLConstant.signed(0), LLConstant.signed(1), n));
        branch(head, pos, to(fg.returnblock, LLConstant.signed(-1)), to(body, i, step, m));
        branch(body, c, to(fg.returnblock, j2), to(head, j2, s, k));
        CheckGraph.checkgraph(fg);
        return graph;
    }

    private static List<String> opnames(LowLevelGraph g) {
        return g.graph().operations().stream().map(SpaceOperation::opname).toList();
    }

    @Test
    void aConstantFlowingAroundALoopIsFoundAndItsTestGoes() {
        LowLevelGraph folded = countingLoop();
        ConstantFolding.fold(folded);
        // link by link, the back edge passes a variable: constant folding keeps the step and its test
        assertThat(opnames(folded)).contains("int_gt");

        LowLevelGraph g = countingLoop();
        assertThat(SparseConstantPropagation.propagate(g)).isGreaterThan(0);
        CheckGraph.checkgraph(g.graph());
        assertThat(opnames(g)).containsExactly("int_add", "int_lt");
        Block body = g.graph().iterblocks().stream().filter(b -> b.operations.size() == 2).findFirst().orElseThrow();
        assertThat(body.operations.getFirst().args().get(1)).isEqualTo(LLConstant.signed(1));
        // the step is no longer carried; the loop never returns -1
        assertThat(g.graph().iterblocks()).allMatch(b -> b.inputargs.size() <= 2);
        assertThat(g.graph().iterlinks()).noneMatch(l -> l.args.contains(LLConstant.signed(-1)));
    }

    /** {@code f(n): switch n > 0: False -> join(1), True -> join(2);  join(x): r = int_add(x, 10) -> return(r)}. */
    @Test
    void aBlockArgumentOfTwoDifferentConstantsIsNotFolded() {
        Variable n = new Variable("n");
        FunctionGraph fg = start(n);
        Variable pos = var("pos", Primitive.BOOL);
        fg.startblock.operations.add(op(LLOp.INT_GT, pos, n, LLConstant.signed(0)));
        Variable x = var("x", Primitive.SIGNED);
        Variable r = var("r", Primitive.SIGNED);
        Block join = new Block(List.of(x));
        join.operations.add(op(LLOp.INT_ADD, r, x, LLConstant.signed(10)));
        join.closeblock(to(fg.returnblock, r));
        branch(fg.startblock, pos, to(join, LLConstant.signed(1)), to(join, LLConstant.signed(2)));

        assertThat(SparseConstantPropagation.propagate(graph)).isZero();
        CheckGraph.checkgraph(fg);
        assertThat(join.inputargs).containsExactly(x);
        assertThat(join.operations).singleElement().satisfies(o -> assertThat(o.args()).containsExactly(x, LLConstant.signed(10)));
    }

    /**
     * A flag that a loop carries unchanged decides a branch inside it: the branch never taken goes, with
     * the block it led to; and an {@code int_add_ovf} on constants that cannot overflow loses its
     * exception link (the next test: one that does overflow keeps it).
     * <pre>
     * f(n):                 -> loop(n, 0)
     * loop(a, flag):        t = int_is_true(flag)     switch t: False -> step(a, flag), True -> return(-7)
     * step(b, fl):          o = int_add_ovf(fl, 5)    -> next(b, fl, o); OverflowError -> handler() -> return(-8)
     * next(b2, fl2, o2):    b3 = int_sub(b2, o2); more = int_gt(b3, 0)    switch more: False -> return(b3), True -> loop(b3, fl2)
     * </pre>
     */
    @Test
    void aBranchOnALoopCarriedFlagAndAnOverflowCheckOnConstantsGo() {
        Variable n = new Variable("n");
        FunctionGraph fg = start(n);
        Variable a = var("a", Primitive.SIGNED);
        Variable flag = var("flag", Primitive.SIGNED);
        Variable t = var("t", Primitive.BOOL);
        Block loop = new Block(List.of(a, flag));
        loop.operations.add(op(LLOp.INT_IS_TRUE, t, flag));
        Variable b = var("b", Primitive.SIGNED);
        Variable fl = var("fl", Primitive.SIGNED);
        Variable o = var("o", Primitive.SIGNED);
        Block step = new Block(List.of(b, fl));
        step.operations.add(op(LLOp.INT_ADD_OVF, o, fl, LLConstant.signed(5)));
        Variable more = var("more", Primitive.BOOL);
        Variable b2 = var("b2", Primitive.SIGNED);
        Block next = new Block(List.of(b2, var("fl2", Primitive.SIGNED), var("o2", Primitive.SIGNED)));
        Variable b3 = var("b3", Primitive.SIGNED);
        next.operations.addAll(List.of(op(LLOp.INT_SUB, b3, b2, next.inputargs.get(2)), op(LLOp.INT_GT, more, b3, LLConstant.signed(0))));
        Variable etype = var("etype", Primitive.SIGNED);
        Variable evalue = var("evalue", Primitive.SIGNED);
        Block handler = new Block(List.of());
        handler.closeblock(to(fg.returnblock, LLConstant.signed(-8)));
        fg.startblock.closeblock(to(loop, n, LLConstant.signed(0)));
        branch(loop, t, to(step, a, flag), to(fg.returnblock, LLConstant.signed(-7)));
        step.exitswitch = dev.taipan.flowgraph.flow.Constant.LAST_EXCEPTION;
        step.closeblock(to(next, b, fl, o), Link.exceptional(List.of(), handler, "OverflowError", etype, evalue));
        branch(next, more, to(fg.returnblock, b3), to(loop, b3, next.inputargs.get(1)));
        CheckGraph.checkgraph(fg);

        SparseConstantPropagation.propagate(graph);

        CheckGraph.checkgraph(fg);
        assertThat(fg.iterblocks()).doesNotContain(handler);
        assertThat(step.exitswitch).isNull();
        assertThat(opnames(graph)).containsExactly("int_sub", "int_gt");
        assertThat(fg.iterlinks()).noneMatch(l -> l.args.contains(LLConstant.signed(-7)) || l.args.contains(LLConstant.signed(-8)));
    }

    @Test
    void anOverflowOnConstantsKeepsItsExceptionLink() {
        Variable n = new Variable("n");
        FunctionGraph fg = start(n);
        Variable o = var("o", Primitive.SIGNED);
        Block step = fg.startblock;
        step.operations.add(op(LLOp.INT_ADD_OVF, o, LLConstant.signed(Long.MAX_VALUE), LLConstant.signed(1)));
        Block handler = new Block(List.of());
        handler.closeblock(to(fg.returnblock, LLConstant.signed(-8)));
        step.exitswitch = dev.taipan.flowgraph.flow.Constant.LAST_EXCEPTION;
        step.closeblock(to(fg.returnblock, o),
                Link.exceptional(List.of(), handler, "OverflowError", var("etype", Primitive.SIGNED), var("evalue", Primitive.SIGNED)));

        SparseConstantPropagation.propagate(graph);

        CheckGraph.checkgraph(fg);
        assertThat(fg.iterblocks()).contains(handler);
        assertThat(opnames(graph)).containsExactly("int_add_ovf");
    }

    @Test
    void theStepTestOfARangeLoopIsGoneAfterTheO2Passes() throws IOException {
        String source = """
                def f(n):
                    total = 0
                    for i in range(n):
                        total += i * i
                    return total
                """;
        LowLevelProgram optimised = Transformed.program(dir, source, "f", OptLevel.O2);
        // int_gt(step, 0) is the sign test; the loop's own test is int_ge(next, stop)
        assertThat(opnames(optimised.entry())).doesNotContain("int_gt", "int_xor", "int_and", "int_or");
        assertThat(Transformed.run(optimised, 10L)).isEqualTo(Transformed.run(dir, source, "f", OptLevel.NONE, 10L));

        Pipeline withoutSccp = new Pipeline(Pipeline.of(OptLevel.O2).passes().stream()
                .filter(p -> !p.name().equals(SparseConstantPropagation.NAME)).toList());
        LowLevelProgram folded = withoutSccp.runThrough(Transformed.program(dir, source, "f", OptLevel.NONE), ConstantFolding.NAME);
        assertThat(opnames(folded.entry())).contains("int_gt");
    }
}
