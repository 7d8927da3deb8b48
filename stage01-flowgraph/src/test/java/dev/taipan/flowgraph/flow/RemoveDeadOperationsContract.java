package dev.taipan.flowgraph.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.grading.Points;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.host.PyType;
import dev.taipan.flowgraph.operation.HLOp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What {@link Exercised#REMOVE_DEAD_OPERATIONS} must do, whoever wrote it: an operation without
 * side effects whose result nothing reads (no operation, no exitswitch, no link) disappears;
 * everything else stays. Run here against {@link RemoveDeadOperations}; the exercises module
 * runs the same tests against a student's pass ({@code exercises/stage01/ex3}).
 */
@Timeout(10)
class RemoveDeadOperationsContract {

    private static GraphPass pass() {
        return Exercised.REMOVE_DEAD_OPERATIONS.current();
    }

    private static void runToFixpoint(FunctionGraph g) {
        for (int runs = 0; pass().run(g); runs++) {
            if (runs > 100) {
                throw new AssertionError("the pass still reports a change after 100 runs");
            }
        }
    }

    private static Constant c(long v) {
        return Constant.of(PyInt.of(v));
    }

    private static SpaceOperation op(HLOp name, Variable result, Value... args) {
        return new SpaceOperation(name, List.of(args), result, 1);
    }

    /** The host's {@code Exception} class. */
    private static PyType exceptionClass() {
        return (PyType) new HostInterpreter(System.out, System.err, System.in).builtin("Exception");
    }

    private static List<String> opnames(Block b) {
        return b.operations.stream().map(SpaceOperation::opname).toList();
    }

    /** start(x): the given operations, then return(returned). */
    private static FunctionGraph straightLine(Variable x, Value returned, SpaceOperation... ops) {
        Block start = new Block(List.of(x));
        FunctionGraph g = new FunctionGraph("f", start, null, null);
        start.operations.addAll(List.of(ops));
        start.closeblock(new Link(List.of(returned), g.returnblock, null));
        return g;
    }

    @Test
    @Points(3)
    void anUnreadPureOperationIsRemoved() {
        Variable x = new Variable("x");
        Variable dead = new Variable();
        FunctionGraph g = straightLine(x, x, op(HLOp.ADD, dead, x, c(1)));

        assertThat(pass().run(g)).as("run() reports the change").isTrue();

        assertThat(g.startblock.operations).isEmpty();
        CheckGraph.checkgraph(g);
    }

    @Test
    @Points(3)
    void resultsReadByAnOperationASwitchOrALinkStay() {
        // a = add(x, 1); b = mul(a, 2); c = lt(x, 3); switch c: False -> return(b), True -> return(x)
        Variable x = new Variable("x");
        Variable a = new Variable();
        Variable b = new Variable();
        Variable cond = new Variable();
        Block start = new Block(List.of(x));
        FunctionGraph g = new FunctionGraph("f", start, null, null);
        start.operations.addAll(List.of(op(HLOp.ADD, a, x, c(1)), op(HLOp.MUL, b, a, c(2)), op(HLOp.LT, cond, x, c(3))));
        start.exitswitch = cond;
        start.closeblock(new Link(List.of(b), g.returnblock, dev.taipan.flowgraph.host.PyBool.FALSE),
                new Link(List.of(x), g.returnblock, dev.taipan.flowgraph.host.PyBool.TRUE));

        assertThat(pass().run(g)).as("nothing is dead, so run() reports no change").isFalse();

        assertThat(opnames(start)).containsExactly("add", "mul", "lt");
        CheckGraph.checkgraph(g);
    }

    @Test
    @Points(3)
    void operationsWithSideEffectsStayEvenWhenTheirResultIsUnread() {
        // simple_call, setattr, setitem and getattr (which may run a property or raise) are not pure.
        Variable x = new Variable("x");
        FunctionGraph g = straightLine(x, x,
                op(HLOp.SIMPLE_CALL, new Variable(), x),
                op(HLOp.SETATTR, new Variable(), x, Constant.of(dev.taipan.flowgraph.host.PyStr.of("a")), c(1)),
                op(HLOp.SETITEM, new Variable(), x, c(0), c(1)),
                op(HLOp.GETATTR, new Variable(), x, Constant.of(dev.taipan.flowgraph.host.PyStr.of("b"))));

        runToFixpoint(g);

        assertThat(opnames(g.startblock)).containsExactly("simple_call", "setattr", "setitem", "getattr");
    }

    @Test
    @Points(2)
    void removingOneOperationCanMakeItsArgumentsDeadToo() {
        // a = add(x, 1); b = mul(a, 2); l = newlist(b)   -- nothing reads l
        Variable x = new Variable("x");
        Variable a = new Variable();
        Variable b = new Variable();
        FunctionGraph g = straightLine(x, x,
                op(HLOp.ADD, a, x, c(1)), op(HLOp.MUL, b, a, c(2)), op(HLOp.NEWLIST, new Variable(), b));

        runToFixpoint(g);

        assertThat(g.startblock.operations).isEmpty();
        CheckGraph.checkgraph(g);
    }

    @Test
    @Points(2)
    void aResultReadInAnotherBlockStays() {
        // start(x): a = add(x, 1) -> next(x, a)    next(y, b): return(b)
        Variable x = new Variable("x");
        Variable a = new Variable();
        Block start = new Block(List.of(x));
        FunctionGraph g = new FunctionGraph("f", start, null, null);
        start.operations.add(op(HLOp.ADD, a, x, c(1)));
        Variable y = new Variable("y");
        Variable b = new Variable();
        Block next = new Block(List.of(y, b));
        next.closeblock(new Link(List.of(b), g.returnblock, null));
        start.closeblock(new Link(List.of(x, a), next, null));

        runToFixpoint(g);

        assertThat(opnames(start)).containsExactly("add");
    }

    @Test
    @Points(2)
    void theOperationAnExceptionLinkGuardsStays() {
        // start(x): v = add(x, 1) may raise inside a try: exitswitch last_exception,
        // exits: normal -> return(x), Exception -> except(etype, evalue). v is read nowhere,
        // yet the exception links mean "if *this* operation raised": it must stay.
        Variable x = new Variable("x");
        Variable v = new Variable();
        Block start = new Block(List.of(x));
        FunctionGraph g = new FunctionGraph("f", start, null, null);
        start.operations.add(op(HLOp.ADD, v, x, c(1)));
        start.exitswitch = Constant.LAST_EXCEPTION;
        Variable etype = new Variable("last_exception");
        Variable evalue = new Variable("last_exc_value");
        start.closeblock(new Link(List.of(x), g.returnblock, null),
                Link.exceptional(List.of(etype, evalue), g.exceptblock, exceptionClass(),
                        etype, evalue));

        runToFixpoint(g);

        assertThat(opnames(start)).containsExactly("add");
        CheckGraph.checkgraph(g);
    }
}
