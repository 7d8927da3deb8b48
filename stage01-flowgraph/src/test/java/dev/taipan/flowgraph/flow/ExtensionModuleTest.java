package dev.taipan.flowgraph.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyException;
import dev.taipan.flowgraph.host.PyExtensionObject;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.host.PyModule;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyType;
import dev.taipan.flowgraph.operation.HLOp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A later stage offers Python code a module written in Java (as stage 03 offers {@code lltype}
 * to its RPy helpers): the module is importable only in the interpreter it was added to, its
 * objects print, can be called on the host, and a frozen one's attributes are constants the
 * flow space reads at translation time.
 */
class ExtensionModuleTest {
    @TempDir
    Path dir;

    private static final PyType OPS_TYPE = PyExtensionObject.newType("ops");
    private static final PyType OP_TYPE = PyExtensionObject.newType("op");

    /** A function written in Java: doubles an int on the host. */
    private static final class Double extends PyExtensionObject {
        @Override
        public PyType type() {
            return OP_TYPE;
        }

        @Override
        public String pyRepr() {
            return "<op double>";
        }

        @Override
        public PyObject call(PyObject[] args, String[] kwnames) {
            return PyInt.of(((PyInt) args[0]).longValue() * 2);
        }
    }

    private static final Double DOUBLE = new Double();

    /** A frozen namespace, as {@code llop} is: {@code ops.double} is a constant. */
    private static final PyExtensionObject OPS = new PyExtensionObject() {
        @Override
        public PyType type() {
            return OPS_TYPE;
        }

        @Override
        public String pyRepr() {
            return "<ops>";
        }

        @Override
        public PyObject attribute(String name) {
            return name.equals("double") ? DOUBLE : null;
        }

        @Override
        public boolean isFrozen() {
            return true;
        }
    };

    private static final String PROGRAM = """
            from ext import ops
            SIX = ops.double(3)
            SHOWN = repr(ops.double)

            def f(x):
                return ops.double(x) + 1
            """;

    private HostInterpreter host() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        return new HostInterpreter(quiet, quiet, new ByteArrayInputStream(new byte[0]));
    }

    @Test
    void theModuleRunsAtImportTimeAndItsFrozenAttributesAreConstantsOfTheGraph() throws Exception {
        HostInterpreter host = host();
        host.addExtensionModule("ext", () -> Map.of("ops", OPS));
        PyModule m = host.importFile(Files.writeString(dir.resolve("prog.py"), PROGRAM));
        assertThat(m.get("SIX")).isEqualTo(PyInt.of(6));
        assertThat(HostInterpreter.repr(m.get("SHOWN"))).isEqualTo("'<op double>'");

        FunctionGraph g = host.runInside(() -> new TranslationContext(host).buildflowgraph((PyFunction) m.get("f")));
        List<SpaceOperation> ops = g.startblock.operations;
        assertThat(ops.getFirst().op()).isEqualTo(HLOp.SIMPLE_CALL);
        assertThat(ops.getFirst().args().getFirst()).isEqualTo(Constant.of(DOUBLE));
        assertThat(ops.getFirst().args().getFirst().toString()).isEqualTo("<op double>");
    }

    @Test
    void anotherInterpreterDoesNotSeeTheModule() throws Exception {
        Path file = Files.writeString(dir.resolve("prog.py"), PROGRAM);
        HostInterpreter other = host();
        assertThatThrownBy(() -> other.importFile(file)).isInstanceOf(PyException.class)
                .satisfies(e -> assertThat(other.formatException((PyException) e)).contains("No module named 'ext'"));
    }
}
