package dev.taipan.annotator.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.taipan.annotator.Annotator;
import dev.taipan.annotator.AnnotatorError;
import dev.taipan.annotator.ContributedObject;
import dev.taipan.annotator.SomeValue;
import dev.taipan.annotator.SomeValue.SomeFloat;
import dev.taipan.annotator.SomeValue.SomeInteger;
import dev.taipan.annotator.SomeValue.SomeObject;
import dev.taipan.annotator.extension.ContributedAnnotationTest.SomeCounter;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.TranslationContext;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyExtensionObject;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.host.PyModule;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyType;
import dev.taipan.flowgraph.operation.HLOp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What stage 03's helpers in RPy need of the annotator, shown with the toy counter of
 * {@link ContributedAnnotationTest}: more functions annotated after the program
 * ({@link Annotator#annotateHelper}), one graph per list of argument types for a helper and for
 * what it calls (PyPy's low-level policy), a host object of a later stage that gives its own
 * annotation ({@link ContributedObject}: the toy {@code new_counter}), and the program's
 * annotations left as they were.
 */
class HelperAnnotationTest {
    @TempDir
    Path dir;

    private static final PyType MAKER_TYPE = PyExtensionObject.newType("counter_maker");

    /** {@code new_counter(8)}: a counter as wide as its constant argument. */
    private static final class NewCounter extends PyExtensionObject implements ContributedObject {
        @Override
        public PyType type() {
            return MAKER_TYPE;
        }

        @Override
        public String pyRepr() {
            return "<new_counter>";
        }

        @Override
        public SomeValue.Contributed annotation() {
            return new SomeMaker();
        }
    }

    /** The annotation of {@code new_counter}: its call makes a counter. */
    record SomeMaker() implements SomeValue.Contributed {
        @Override
        public SomeValue unionWith(SomeValue other) {
            return null;
        }

        @Override
        public SomeValue consider(Annotator ann, HLOp op, List<SomeValue> args) {
            return op == HLOp.SIMPLE_CALL && args.get(1).konst() instanceof PyInt w ? new SomeCounter((int) w.longValue())
                    : new SomeObject();
        }

        @Override
        public String pyType() {
            return "new_counter";
        }

        @Override
        public boolean contains(PyObject v) {
            return v instanceof NewCounter;
        }
    }

    private static final String HELPERS = """
            from counters import new_counter


            def ll_twice(x):
                return ll_add(x, x)


            def ll_add(x, y):
                return x + y


            def ll_fresh():
                return new_counter(32)


            class Holder(object):
                pass


            HOLDER = Holder()
            HOLDER.value = 0


            def ll_store(x):
                HOLDER.value = x


            def peek():
                return HOLDER.value


            def program(n):
                return ll_add(n, 1.5) + peek()
            """;

    private HostInterpreter host;
    private PyModule module;

    private Annotator annotator() throws IOException {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        host = new HostInterpreter(quiet, quiet, new ByteArrayInputStream(new byte[0]));
        host.addExtensionModule("counters", () -> Map.of("new_counter", new NewCounter()));
        module = host.importFile(Files.writeString(dir.resolve("helpers.py"), HELPERS));
        return new Annotator(new TranslationContext(host));
    }

    private FunctionGraph helper(Annotator ann, String name, SomeValue... args) {
        return host.runInside(() -> ann.annotateHelper((PyFunction) module.get(name), List.of(args), "test"));
    }

    @Test
    void aHelperAndWhatItCallsGetOneGraphPerListOfArgumentTypes() throws IOException {
        Annotator ann = annotator();
        FunctionGraph ints = helper(ann, "ll_twice", new SomeInteger(true, false, PyInt.of(3)));
        FunctionGraph again = helper(ann, "ll_twice", new SomeInteger());
        FunctionGraph floats = helper(ann, "ll_twice", new SomeFloat(null));
        assertThat(again).isSameAs(ints);   // a constant, non-negative int is an int to a low-level helper
        assertThat(floats).isNotSameAs(ints);
        assertThat(ann.returnAnnotation(ints)).isEqualTo(new SomeInteger());
        assertThat(ann.returnAnnotation(floats)).isEqualTo(new SomeFloat(null));
        assertThat(ann.graphs().stream().map(ann::displayName))
                .contains("ll_twice[int]", "ll_twice[float]", "ll_add[int, int]", "ll_add[float, float]");
        // the rtyper asking for ll_add itself gets the graph ll_twice's call already made
        FunctionGraph add = helper(ann, "ll_add", new SomeInteger(), new SomeInteger());
        assertThat(ann.displayName(add)).isEqualTo("ll_add[int, int]");
        assertThat(ann.graphs().stream().filter(g -> ann.displayName(g).equals("ll_add[int, int]"))).hasSize(1);
    }

    @Test
    void aContributedObjectGivesItsOwnAnnotationAndRulesItsCall() throws IOException {
        Annotator ann = annotator();
        assertThat(ann.returnAnnotation(helper(ann, "ll_fresh"))).isEqualTo(new SomeCounter(32));
    }

    @Test
    void theProgramKeepsItsAnnotationsAndAHelperThatWouldWidenThemIsRefused() throws IOException {
        Annotator ann = annotator();
        host.runInside(() -> ann.annotate((PyFunction) module.get("program"), List.of(new SomeInteger())));
        FunctionGraph program = ann.graphs().getFirst();
        assertThat(ann.returnAnnotation(program)).isEqualTo(new SomeFloat(null));
        FunctionGraph add = helper(ann, "ll_add", new SomeInteger(), new SomeInteger());
        assertThat(add).isNotSameAs(ann.graphs().get(1));   // its own graph: the program's ll_add is untouched
        assertThat(ann.returnAnnotation(program)).isEqualTo(new SomeFloat(null));

        // through shared state, a prebuilt instance's attribute, a helper could still widen the program
        AnnotatorError e = catchThrowableOfType(AnnotatorError.class,
                () -> helper(ann, "ll_store", new SomeFloat(null)));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("a low-level helper makes", "of function 'peek'", "a float, where it was an int");
    }
}
