package dev.taipan.flowgraph.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.grading.Points;
import dev.taipan.flowgraph.host.PyBool;
import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.operation.HLOp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link Exercised#JOIN_BLOCKS} must do, whoever wrote it: a block whose only exit is a
 * plain link to a block that nothing else enters absorbs that block. Run here against
 * {@link JoinBlocks}; the exercises module runs the very same tests against a student's pass
 * ({@code exercises/stage01/ex1}). Small hand-built graphs pin down each rule; the last tests
 * flow real functions, where the pass runs inside {@link Simplify} and the graph interpreter
 * must still agree with the host.
 */
@Timeout(10)
class JoinBlocksContract {
    @TempDir
    Path dir;

    private static GraphPass pass() {
        return Exercised.JOIN_BLOCKS.current();
    }

    /** Runs the pass until it has nothing left to do (as {@link Simplify} would); how many runs changed something. */
    private static int runToFixpoint(FunctionGraph g) {
        int changes = 0;
        while (pass().run(g)) {
            if (++changes > 100) {
                throw new AssertionError("the pass still reports a change after 100 runs");
            }
        }
        return changes;
    }

    private static Constant c(long v) {
        return Constant.of(PyInt.of(v));
    }

    private static SpaceOperation op(HLOp name, Variable result, Value... args) {
        return new SpaceOperation(name, List.of(args), result, 1);
    }

    private static List<Block> blocks(FunctionGraph g) {
        return g.iterblocks().stream().filter(b -> b != g.returnblock && b != g.exceptblock).toList();
    }

    @Test
    @Points(3)
    void aBlockAbsorbsItsOnlySuccessorWithTheLinkArgumentsSubstituted() {
        // start(x) -> t(y, k): z = mul(y, k) -> return(z)   with the link passing (x, 5)
        Variable x = new Variable("x");
        Block start = new Block(List.of(x));
        FunctionGraph g = new FunctionGraph("f", start, null, null);
        Variable y = new Variable("y");
        Variable k = new Variable("k");
        Variable z = new Variable();
        Block t = new Block(List.of(y, k));
        t.operations.add(op(HLOp.MUL, z, y, k));
        t.closeblock(new Link(List.of(z), g.returnblock, null));
        start.closeblock(new Link(List.of(x, c(5)), t, null));

        assertThat(pass().run(g)).as("run() reports the change").isTrue();

        assertThat(blocks(g)).as("one block is left").containsExactly(start);
        assertThat(start.operations).singleElement().satisfies(o -> {
            assertThat(o.opname()).isEqualTo("mul");
            assertThat(o.args()).as("the absorbed block's input arguments replaced by what the link passed")
                    .containsExactly(x, c(5));
        });
        assertThat(start.exits).singleElement().satisfies(l -> {
            assertThat(l.target).isSameAs(g.returnblock);
            assertThat(l.args).containsExactly(z);
        });
        CheckGraph.checkgraph(g);
    }

    @Test
    @Points(2)
    void theAbsorbedBlocksSwitchAndExitsNowLeaveTheJoinedBlock() {
        // start(x) -> t(y): b = bool(y); switch b: False -> return(y), True -> return(1)
        Variable x = new Variable("x");
        Block start = new Block(List.of(x));
        FunctionGraph g = new FunctionGraph("f", start, null, null);
        Variable y = new Variable("y");
        Variable b = new Variable();
        Block t = new Block(List.of(y));
        t.operations.add(op(HLOp.BOOL, b, y));
        t.exitswitch = b;
        t.closeblock(new Link(List.of(y), g.returnblock, PyBool.FALSE), new Link(List.of(c(1)), g.returnblock, PyBool.TRUE));
        start.closeblock(new Link(List.of(x), t, null));

        runToFixpoint(g);

        assertThat(start.exitswitch).isSameAs(b);
        assertThat(start.exits).hasSize(2).allSatisfy(l -> assertThat(l.prevblock).isSameAs(start));
        assertThat(start.exits.getFirst().args).as("the exits' arguments are substituted too").containsExactly(x);
        CheckGraph.checkgraph(g);
    }

    @Test
    @Points(2)
    void aChainCollapsesIntoOneBlock() {
        Variable x = new Variable("x");
        Block start = new Block(List.of(x));
        FunctionGraph g = new FunctionGraph("f", start, null, null);
        Block prev = start;
        Value last = x;
        for (int i = 0; i < 4; i++) {
            Variable in = new Variable("x");
            Variable out = new Variable();
            Block next = new Block(List.of(in));
            next.operations.add(op(HLOp.ADD, out, in, c(i)));
            prev.closeblock(new Link(List.of(last), next, null));
            prev = next;
            last = out;
        }
        prev.closeblock(new Link(List.of(last), g.returnblock, null));

        assertThat(runToFixpoint(g)).as("runs that changed something").isPositive();

        assertThat(blocks(g)).containsExactly(start);
        assertThat(start.operations).extracting(SpaceOperation::opname).containsExactly("add", "add", "add", "add");
        CheckGraph.checkgraph(g);
    }

    @Test
    @Points(3)
    void aBlockWithTwoEntriesIsNotAbsorbed() {
        // start(x): switch on x -> a or b; both go on to m(w): return(w). m is a merge point.
        Variable x = new Variable("x");
        Block start = new Block(List.of(x));
        FunctionGraph g = new FunctionGraph("f", start, null, null);
        Variable w = new Variable("w");
        Variable r = new Variable();
        Block m = new Block(List.of(w));
        m.operations.add(op(HLOp.NEG, r, w));
        m.closeblock(new Link(List.of(r), g.returnblock, null));
        Variable xa = new Variable("x");
        Block a = new Block(List.of(xa));
        Variable xb = new Variable("x");
        Block b = new Block(List.of(xb));
        Variable vb = new Variable();
        b.operations.add(op(HLOp.ADD, vb, xb, c(1)));
        a.closeblock(new Link(List.of(xa), m, null));
        b.closeblock(new Link(List.of(vb), m, null));
        start.exitswitch = x;
        start.closeblock(new Link(List.of(x), a, PyBool.FALSE), new Link(List.of(x), b, PyBool.TRUE));

        runToFixpoint(g);

        assertThat(blocks(g)).as("the merge block is still there, and still its own block").contains(m);
        assertThat(m.operations).extracting(SpaceOperation::opname).containsExactly("neg");
        assertThat(a.operations).as("a's exit enters a merge point: nothing to absorb").isEmpty();
        assertThat(b.operations).extracting(SpaceOperation::opname).containsExactly("add");
        CheckGraph.checkgraph(g);
    }

    @Test
    @Points(2)
    void nothingIsJoinedAcrossASwitch() {
        // start(x): switch on x; each side is entered once, but start has two exits
        Variable x = new Variable("x");
        Block start = new Block(List.of(x));
        FunctionGraph g = new FunctionGraph("f", start, null, null);
        Variable xa = new Variable("x");
        Variable va = new Variable();
        Block a = new Block(List.of(xa));
        a.operations.add(op(HLOp.NEG, va, xa));
        a.closeblock(new Link(List.of(va), g.returnblock, null));
        Variable xb = new Variable("x");
        Variable vb = new Variable();
        Block b = new Block(List.of(xb));
        b.operations.add(op(HLOp.POS, vb, xb));
        b.closeblock(new Link(List.of(vb), g.returnblock, null));
        start.exitswitch = x;
        start.closeblock(new Link(List.of(x), a, PyBool.FALSE), new Link(List.of(x), b, PyBool.TRUE));

        assertThat(pass().run(g)).as("run() reports that nothing changed").isFalse();
        assertThat(start.operations).isEmpty();
        assertThat(blocks(g)).containsExactly(start, a, b);
        CheckGraph.checkgraph(g);
    }

    @Test
    @Points(1)
    void theReturnBlockIsNeverAbsorbed() {
        Variable x = new Variable("x");
        Block start = new Block(List.of(x));
        FunctionGraph g = new FunctionGraph("f", start, null, null);
        start.closeblock(new Link(List.of(x), g.returnblock, null));

        assertThat(pass().run(g)).isFalse();
        assertThat(start.exits).singleElement().satisfies(l -> assertThat(l.target).isSameAs(g.returnblock));
        CheckGraph.checkgraph(g);
    }

    @Test
    @Points(1)
    void aValueStoredIntoALocalTakesTheLocalsName() {
        // start(a): v = add(a, 1) -> t(x): return(x)     v was stored into the local x
        Variable a = new Variable("a");
        Block start = new Block(List.of(a));
        FunctionGraph g = new FunctionGraph("f", start, null, null);
        Variable v = new Variable();
        start.operations.add(op(HLOp.ADD, v, a, c(1)));
        Variable x = new Variable("x");
        Variable r = new Variable();
        Block t = new Block(List.of(x));
        t.operations.add(op(HLOp.NEG, r, x));
        t.closeblock(new Link(List.of(r), g.returnblock, null));
        start.closeblock(new Link(List.of(v), t, null));

        runToFixpoint(g);

        assertThat(v.localName()).isEqualTo("x");
    }

    @Test
    @Points(3)
    void realGraphsAreJoinedAndStillRunLikeTheHost() {
        Flowing f = new Flowing(dir, """
                def f(n):
                    total = 0
                    i = 0
                    while i < n:
                        if i % 3 == 0:
                            total = total + i
                        else:
                            total = total - 1
                        i = i + 1
                    try:
                        x = [1, 2][n]
                    except IndexError:
                        x = -1
                    return total * 10 + x
                """);
        FunctionGraph g = f.graph("f");     // simplified with the current pass, then checkgraph
        for (Block b : blocks(g)) {
            if (b.exitswitch == null && b.exits.size() == 1) {
                Block t = b.exits.getFirst().target;
                assertThat(t == g.returnblock || t == g.exceptblock || t == g.startblock || g.mkentrymap().get(t).size() > 1)
                        .as("a block is left whose only successor has no other entry: " + b).isTrue();
            }
        }
        for (long n : new long[] {0, 1, 2, 7}) {
            assertThat(f.run("f", PyInt.of(n))).as("f(" + n + ")").isEqualTo(f.host("f", PyInt.of(n)));
        }
    }
}
