package dev.taipan.flowgraph.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What later stages use: the live objects left by import time. */
class HostApiTest {
    @TempDir
    Path dir;

    private HostInterpreter host;

    private PyModule importText(String text) throws Exception {
        Path file = dir.resolve("target_mod.py");
        Files.writeString(file, text);
        host = new HostInterpreter(new PrintStream(new ByteArrayOutputStream()), System.err,
                InputStream.nullInputStream());
        return host.importFile(file);
    }

    @Test
    void importFileExposesFunctionsWithCodeGlobalsDefaultsAndClosure() throws Exception {
        PyModule m = importText("""
                SCALE = 3
                def make(k):
                    def mul(x, y=2):
                        return x * y * k * SCALE
                    return mul
                times5 = make(5)
                times5._annspecialcase_ = "specialize:memo"
                if __name__ == '__main__':
                    raise SystemExit("must not run")
                """);
        assertThat(m.name()).isEqualTo("target_mod");
        PyFunction f = (PyFunction) m.get("times5");
        assertThat(f.name()).isEqualTo("mul");
        assertThat(f.qualname()).isEqualTo("make.<locals>.mul");
        assertThat(f.code().argCount()).isEqualTo(2);
        assertThat(f.code().freevars()).containsExactly("k");
        assertThat(f.closure()).hasSize(1);
        assertThat(f.closure().get(0).contents()).isEqualTo(PyInt.of(5));
        assertThat(f.defaults()).containsExactly(PyInt.of(2));
        assertThat(f.globals().getStr("SCALE")).isEqualTo(PyInt.of(3));
        assertThat(f.dict().getStr("_annspecialcase_")).isEqualTo(PyStr.of("specialize:memo"));
    }

    @Test
    void classesAndPrebuiltInstances() throws Exception {
        PyModule m = importText("""
                class Node:
                    kind = "node"
                    def __init__(self, v):
                        self.v = v
                class Leaf(Node):
                    def size(self):
                        return 1
                ROOT = Leaf(7)
                """);
        PyType leaf = (PyType) m.get("Leaf");
        PyType node = (PyType) m.get("Node");
        assertThat(leaf.name()).isEqualTo("Leaf");
        assertThat(leaf.bases()).containsExactly(node);
        assertThat(leaf.mro()).containsExactly(leaf, node, Types.OBJECT);
        assertThat(leaf.dictView()).containsKeys("size", "__module__").doesNotContainKey("kind");
        assertThat(leaf.lookup("kind")).isEqualTo(PyStr.of("node"));
        PyObject root = m.get("ROOT");
        assertThat(root.type()).isSameAs(leaf);
        assertThat(root.dict().getStr("v")).isEqualTo(PyInt.of(7));
        assertThat(HostInterpreter.getattr(root, "kind")).isEqualTo(PyStr.of("node"));
        assertThat(HostInterpreter.getattr(root, "size")).isInstanceOf(PyMethod.class);
        assertThat(HostInterpreter.repr(HostInterpreter.getattr(leaf, "__mro__")))
                .isEqualTo("(<class 'target_mod.Leaf'>, <class 'target_mod.Node'>, <class 'object'>)");
    }

    @Test
    void importErrorsPropagateAsPyException() {
        assertThatThrownBy(() -> importText("x = 1\nundefined_thing\n"))
                .isInstanceOf(PyException.class)
                .hasMessage("NameError: name 'undefined_thing' is not defined");
    }

    @Test
    void callRunsImportedFunctionsWithTheInterpretersStack() throws Exception {
        PyModule m = importText("""
                def depth(n, *, step=1):
                    return 0 if n == 0 else 1 + depth(n - step, step=step)
                def fail():
                    return {}["k"]
                """);
        PyFunction depth = (PyFunction) m.get("depth");
        assertThat(depth.kwdefaults()).containsEntry("step", PyInt.of(1));
        assertThat(host.call(depth, java.util.List.of(PyInt.of(900)))).isEqualTo(PyInt.of(900));
        assertThatThrownBy(() -> host.call(m.get("fail"), java.util.List.of()))
                .isInstanceOfSatisfying(PyException.class, e -> assertThat(host.formatException(e))
                        .startsWith("Traceback (most recent call last):\n").endsWith("KeyError: 'k'\n"));
    }
}
