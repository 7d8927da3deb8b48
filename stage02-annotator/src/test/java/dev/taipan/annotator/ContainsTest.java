package dev.taipan.annotator;

import static dev.taipan.annotator.Contains.contains;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.annotator.SomeValue.*;
import dev.taipan.flowgraph.host.PyBool;
import dev.taipan.flowgraph.host.PyFloat;
import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PySingleton;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.flowgraph.host.PyTuple;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The meaning of the basic annotations: which host values each one holds. */
class ContainsTest {
    private static final PyObject NONE = PySingleton.NONE;

    @Test
    void integers() {
        assertThat(contains(new SomeInteger(), PyInt.of(-5))).isTrue();
        assertThat(contains(new SomeInteger(), PyBool.TRUE)).as("a bool is an int").isTrue();
        assertThat(contains(new SomeInteger(true, false, null), PyInt.of(0))).isTrue();
        assertThat(contains(new SomeInteger(true, false, null), PyInt.of(-1))).isFalse();
        assertThat(contains(new SomeInteger(true, false, PyInt.of(3)), PyInt.of(3))).isTrue();
        assertThat(contains(new SomeInteger(true, false, PyInt.of(3)), PyInt.of(4))).isFalse();
        assertThat(contains(new SomeInteger(), PyStr.of("1"))).isFalse();
        assertThat(contains(new SomeInteger(), PyFloat.of(1.0))).isFalse();
        assertThat(contains(new SomeBool(null), PyInt.of(1))).as("an int is not a bool").isFalse();
        assertThat(contains(new SomeBool(PyBool.TRUE), PyBool.FALSE)).isFalse();
    }

    @Test
    void floatsAdmitTheIntsTheyAreJoinedWith() {
        assertThat(contains(new SomeFloat(null), PyFloat.of(0.5))).isTrue();
        assertThat(contains(new SomeFloat(null), PyInt.of(2))).isTrue();
        assertThat(contains(new SomeFloat(null), PyStr.of("x"))).isFalse();
    }

    @Test
    void stringsCharsAndNone() {
        assertThat(contains(new SomeChar(null), PyStr.of("a"))).isTrue();
        assertThat(contains(new SomeChar(null), PyStr.of("ab"))).isFalse();
        assertThat(contains(new SomeString(false, null), PyStr.of(""))).isTrue();
        assertThat(contains(new SomeString(false, null), NONE)).isFalse();
        assertThat(contains(new SomeString(true, null), NONE)).isTrue();
        assertThat(contains(new SomeString(false, PyStr.of("x")), PyStr.of("y"))).isFalse();
        assertThat(contains(new SomeNone(), NONE)).isTrue();
        assertThat(contains(new SomeNone(), PyInt.of(0))).isFalse();
    }

    @Test
    void tuplesItemByItem() {
        SomeTuple t = new SomeTuple(List.of(new SomeInteger(), new SomeString(false, null)));
        assertThat(contains(t, new PyTuple(PyInt.of(1), PyStr.of("a")))).isTrue();
        assertThat(contains(t, new PyTuple(PyStr.of("a"), PyInt.of(1)))).isFalse();
        assertThat(contains(t, new PyTuple(PyInt.of(1)))).isFalse();
    }

    @Test
    void topAndBottom() {
        assertThat(contains(new SomeObject(), NONE)).isTrue();
        assertThat(contains(SomeValue.IMPOSSIBLE, PyInt.of(0))).as("no value reaches an unannotated variable").isFalse();
    }
}
