package dev.taipan.annotator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.annotator.SomeValue.SomeBool;
import dev.taipan.annotator.SomeValue.SomeFloat;
import dev.taipan.annotator.SomeValue.SomeInteger;
import dev.taipan.flowgraph.grading.Points;
import dev.taipan.flowgraph.host.PyBool;
import dev.taipan.flowgraph.host.PyFloat;
import dev.taipan.flowgraph.host.PyInt;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link Exercised#NUMBER_UNION} must do, whoever wrote it: join bools, ints and floats
 * along Python's numeric tower, keep {@code nonneg} only when both sides have it, let unsigned
 * win, and keep a constant only when both sides are that constant. Run here against
 * {@link Union#numbers}; the exercises module runs the same tests against a student's join
 * ({@code exercises/stage02/ex1}). The last tests annotate whole programs, whose signatures come
 * out of the join wherever two paths or two callers meet.
 */
@Timeout(20)
class NumberUnionContract {
    @TempDir
    Path dir;

    private static SomeValue union(SomeValue a, SomeValue b) {
        return Exercised.NUMBER_UNION.current().union(a, b);
    }

    private static SomeInteger integer(boolean nonneg, boolean unsigned) {
        return new SomeInteger(nonneg, unsigned, null);
    }

    private static SomeInteger constant(long v) {
        return new SomeInteger(v >= 0, false, PyInt.of(v));
    }

    private static final SomeBool BOOL = new SomeBool(null);
    private static final SomeFloat FLOAT = new SomeFloat(null);

    @Test
    @Points(2)
    void theSameConstantStaysThatConstant() {
        assertThat(union(constant(7), constant(7))).isEqualTo(constant(7));
        assertThat(union(new SomeBool(PyBool.TRUE), new SomeBool(PyBool.TRUE))).isEqualTo(new SomeBool(PyBool.TRUE));
        assertThat(union(new SomeFloat(PyFloat.of(0.5)), new SomeFloat(PyFloat.of(0.5))))
                .isEqualTo(new SomeFloat(PyFloat.of(0.5)));
        assertThat(union(integer(true, false), integer(true, false))).isEqualTo(integer(true, false));
    }

    @Test
    @Points(2)
    void differentConstantsLoseTheConstant() {
        assertThat(union(constant(1), constant(2))).isEqualTo(integer(true, false));
        assertThat(union(constant(1), integer(true, false))).as("a constant and any int").isEqualTo(integer(true, false));
        assertThat(union(new SomeBool(PyBool.TRUE), new SomeBool(PyBool.FALSE))).isEqualTo(BOOL);
        assertThat(union(new SomeFloat(PyFloat.of(0.5)), new SomeFloat(PyFloat.of(1.5)))).isEqualTo(FLOAT);
    }

    @Test
    @Points(2)
    void nonnegOnlyWhenBothAreNonneg() {
        assertThat(union(integer(true, false), integer(false, false))).isEqualTo(integer(false, false));
        assertThat(union(integer(false, false), integer(true, false))).as("in either order").isEqualTo(integer(false, false));
        assertThat(union(constant(3), constant(-3))).isEqualTo(integer(false, false));
        assertThat(union(constant(3), constant(4))).isEqualTo(integer(true, false));
    }

    @Test
    @Points(1)
    void unsignedWins() {
        assertThat(union(integer(false, true), integer(true, false))).isEqualTo(integer(false, true));
        assertThat(union(integer(true, false), integer(true, true))).as("in either order").isEqualTo(integer(true, true));
    }

    @Test
    @Points(2)
    void aBoolJoinsAnIntToThatInt() {
        assertThat(union(BOOL, integer(true, false))).isEqualTo(integer(true, false));
        assertThat(union(integer(false, false), new SomeBool(PyBool.TRUE))).as("in either order")
                .isEqualTo(integer(false, false));
        assertThat(union(BOOL, integer(true, true))).as("an r_uint stays unsigned").isEqualTo(integer(true, true));
        assertThat(union(BOOL, constant(5))).as("a bool is never negative").isEqualTo(integer(true, false));
    }

    @Test
    @Points(2)
    void aFloatAbsorbsIntsAndBools() {
        assertThat(union(integer(false, false), FLOAT)).isEqualTo(FLOAT);
        assertThat(union(new SomeFloat(PyFloat.of(2.0)), constant(2))).as("no constant survives").isEqualTo(FLOAT);
        assertThat(union(BOOL, FLOAT)).isEqualTo(FLOAT);
        assertThat(union(FLOAT, integer(true, true))).isEqualTo(FLOAT);
    }

    @Test
    @Points(2)
    void aFunctionCalledWithAnIntAndAFloatTakesAFloat() {
        Annotating a = Annotating.program(dir, """
                def half(x):
                    return x / 2

                def entry_point(argv):
                    print(half(len(argv)))
                    print(half(2.5))
                    return 0
                """);
        assertThat(a.report).contains("def half(x: float) -> float");
    }

    @Test
    @Points(2)
    void aBoolThatMayBeTrueOrFalseTakesBothBranches() {
        // a wrong constant here would prune the branch the annotator believes is never taken
        Annotating a = Annotating.program(dir, """
                def yes():
                    return 1

                def no():
                    return 2

                def entry_point(argv):
                    if len(argv) > 1:
                        flag = True
                    else:
                        flag = False
                    if flag:
                        print(yes())
                    else:
                        print(no())
                    return 0
                """);
        assertThat(a.report).contains("def yes() -> int").contains("def no() -> int");
    }

    @Test
    @Points(2)
    void loopCountersKeepWhatTheyKnow() {
        Annotating a = Annotating.program(dir, """
                def up(n):
                    i = 0
                    while i < n:
                        i = i + 1
                    return i

                def down(n):
                    i = 0
                    while i > n:
                        i = i - 1
                    return i

                def either(n):
                    if n > 3:
                        return n > 5
                    return n

                def entry_point(argv):
                    print(up(len(argv)) + down(0 - len(argv)) + either(len(argv)))
                    return 0
                """);
        assertThat(a.returns("up")).as("up counts from 0 with + 1: never negative, never one constant")
                .isEqualTo(integer(true, false));
        assertThat(a.returns("down")).as("down subtracts: may be negative").isEqualTo(integer(false, false));
        assertThat(a.returns("either")).as("a bool or a len(): a nonneg int").isEqualTo(integer(true, false));
    }

    @Test
    @Points(1)
    void anRUintMeetingAnIntIsAnRUint() {
        Annotating a = Annotating.program(dir, """
                from rpython.rlib.rarithmetic import r_uint

                def twice(x):
                    return x + x

                def entry_point(argv):
                    print(twice(r_uint(3)))
                    print(twice(len(argv)))
                    return 0
                """);
        assertThat(a.report).contains("def twice(x: r_uint) -> r_uint");
    }
}
