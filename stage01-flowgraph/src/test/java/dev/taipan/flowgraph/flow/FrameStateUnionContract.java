package dev.taipan.flowgraph.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.flowgraph.grading.Points;
import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyStr;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link Exercised#FRAMESTATE_UNION} must do, whoever wrote it: agreeing constants stay,
 * everything else generalises to a fresh variable named after its local, unbound stays
 * unbound, and states that must never merge (other depth, other offset, other unrolling
 * position) are refused. Run here against {@link FrameState#union}; the exercises module runs
 * the same tests against a student's union ({@code exercises/stage01/ex2}). The last test flows
 * a loop, where the union is what makes the flow space reach a fixpoint.
 */
@Timeout(10)
class FrameStateUnionContract {
    private static final String[] NAMES = {"a", "b"};

    @TempDir
    Path dir;

    private static FrameState union(FrameState x, FrameState y) throws FrameState.UnionError {
        return Exercised.FRAMESTATE_UNION.current().union(x, y);
    }

    private static Constant c(long v) {
        return Constant.of(PyInt.of(v));
    }

    private static FrameState locals(Value a, Value b) {
        return new FrameState(NAMES, new Value[] {a, b}, new Value[0], Constant.NONE, 10);
    }

    private static FrameState stack(Value... stack) {
        return new FrameState(NAMES, new Value[] {c(0), c(0)}, stack, Constant.NONE, 10);
    }

    @Test
    @Points(2)
    void constantsThatAgreeStayConstants() throws Exception {
        FrameState u = union(locals(c(1), Constant.of(PyStr.of("s"))), locals(c(1), Constant.of(PyStr.of("s"))));
        assertThat(u.local(0)).isEqualTo(c(1));
        assertThat(u.local(1)).isEqualTo(Constant.of(PyStr.of("s")));
        assertThat(u.pc()).isEqualTo(10);
        assertThat(u.depth()).isZero();
    }

    @Test
    @Points(3)
    void constantsThatDifferBecomeAVariableNamedAfterTheLocal() throws Exception {
        FrameState u = union(locals(c(1), c(7)), locals(c(2), c(7)));
        assertThat(u.local(0)).isInstanceOf(Variable.class);
        assertThat(((Variable) u.local(0)).localName()).isEqualTo("a");
        assertThat(u.local(1)).as("the other local agreed").isEqualTo(c(7));
    }

    @Test
    @Points(2)
    void aConstantAgainstAVariableGeneralises() throws Exception {
        Variable v = new Variable("a");
        FrameState u = union(locals(c(1), c(2)), locals(v, c(2)));
        assertThat(u.local(0)).isInstanceOf(Variable.class);
        FrameState w = union(locals(v, c(2)), locals(c(1), c(2)));
        assertThat(w.local(0)).as("in either order").isInstanceOf(Variable.class);
    }

    @Test
    @Points(2)
    void theUnionIsAtLeastAsGeneralAsBothStates() throws Exception {
        FrameState x = new FrameState(NAMES, new Value[] {c(1), new Variable("b")}, new Value[] {c(3), c(4)}, Constant.NONE, 10);
        FrameState y = new FrameState(NAMES, new Value[] {c(2), c(5)}, new Value[] {c(3), new Variable()}, Constant.NONE, 10);
        FrameState u = union(x, y);
        assertThat(u.matches(x)).as("the union covers the first state").isTrue();
        assertThat(u.matches(y)).as("the union covers the second state").isTrue();
    }

    @Test
    @Points(3)
    void aLocalUnboundOnEitherSideIsUnbound() throws Exception {
        FrameState u = union(locals(null, c(1)), locals(c(1), c(1)));
        assertThat(u.local(0)).as("unbound on the first path").isNull();
        FrameState w = union(locals(c(1), c(1)), locals(c(1), null));
        assertThat(w.local(1)).as("unbound on the second path").isNull();
        assertThat(w.local(0)).isEqualTo(c(1));
    }

    @Test
    @Points(2)
    void theStackIsUnitedSlotBySlot() throws Exception {
        FrameState u = union(stack(c(1), c(2)), stack(c(1), c(3)));
        assertThat(u.depth()).isEqualTo(2);
        assertThat(u.stackItem(0)).isEqualTo(c(1));
        assertThat(u.stackItem(1)).isInstanceOf(Variable.class);
    }

    @Test
    @Points(1)
    void theHandledExceptionIsUnitedToo() throws Exception {
        FrameState none = locals(c(1), c(1));
        assertThat(union(none, none).handled()).isEqualTo(Constant.NONE);
        FrameState handling = new FrameState(NAMES, new Value[] {c(1), c(1)}, new Value[0], new Variable(), 10);
        assertThat(union(none, handling).handled()).isInstanceOf(Variable.class);
    }

    @Test
    @Points(2)
    void statesAtDifferentDepthsOrOffsetsNeverMerge() {
        assertThatThrownBy(() -> union(stack(c(1)), stack(c(1), c(2)))).isInstanceOf(FrameState.UnionError.class);
        FrameState elsewhere = new FrameState(NAMES, new Value[] {c(0), c(0)}, new Value[0], Constant.NONE, 12);
        assertThatThrownBy(() -> union(locals(c(0), c(0)), elsewhere)).isInstanceOf(FrameState.UnionError.class);
    }

    @Test
    @Points(2)
    void twoPositionsOfAnUnrollingIteratorNeverMerge() throws Exception {
        List<PyObject> items = List.of(PyInt.of(1), PyInt.of(2));
        Constant first = Constant.of(new UnrollingIterator(items, 0));
        Constant second = Constant.of(new UnrollingIterator(items, 1));
        assertThatThrownBy(() -> union(stack(first), stack(second))).isInstanceOf(FrameState.UnionError.class);
        assertThat(union(stack(first), stack(first)).stackItem(0)).as("the same position merges").isEqualTo(first);
    }

    @Test
    @Points(3)
    void loopsReachAFixpointAndKeepTheConstantsThatNeverChange() {
        Flowing f = new Flowing(dir, """
                def f(n):
                    step = 3
                    i = 0
                    total = 0
                    while i < n:
                        total = total + step
                        i = i + 1
                    return total
                """);
        FunctionGraph g = f.graph("f");      // flowed with the current union, then checkgraph
        assertThat(g.operations()).as("step stays the constant 3 inside the loop")
                .anySatisfy(o -> assertThat(o.args()).contains(c(3)));
        for (long n : new long[] {0, 1, 5}) {
            assertThat(f.run("f", PyInt.of(n))).as("f(" + n + ")").isEqualTo(f.host("f", PyInt.of(n)));
        }
    }
}
