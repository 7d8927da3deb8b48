package dev.taipan.annotator.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.taipan.annotator.Annotator;
import dev.taipan.annotator.AnnotatorError;
import dev.taipan.annotator.SomeValue;
import dev.taipan.annotator.SomeValue.SomeInteger;
import dev.taipan.annotator.SomeValue.SomeObject;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.TranslationContext;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.host.PyModule;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.flowgraph.operation.HLOp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A later stage adds an annotation to the lattice without editing stage 02: this package stands
 * for stage 03 (whose {@code SomePtr} is made the same way). The toy annotation {@link SomeCounter}
 * is a machine counter of some bit width: counters join to the wider one, {@code c + n} is a
 * counter, {@code c.value} an int, and nothing else applies.
 */
class ContributedAnnotationTest {
    @TempDir
    Path dir;

    /** A counter {@code width} bits wide: the toy annotation, contributed from outside the package. */
    record SomeCounter(int width) implements SomeValue.Contributed {
        @Override
        public SomeValue unionWith(SomeValue other) {
            return other instanceof SomeCounter c ? new SomeCounter(Math.max(width, c.width)) : null;
        }

        @Override
        public SomeValue consider(Annotator ann, HLOp op, List<SomeValue> args) {
            return switch (op) {
                case ADD, INPLACE_ADD -> args.get(0) instanceof SomeCounter c && args.get(1) instanceof SomeInteger ? c : new SomeObject();
                case GETATTR -> args.get(1).konst() instanceof PyStr name && name.value().equals("value") ? new SomeInteger()
                        : new SomeObject();
                case BOOL -> throw Annotator.error(ann, "a counter has no truth value");
                default -> new SomeObject();
            };
        }

        @Override
        public String pyType() {
            return "Counter[" + width + "]";
        }

        @Override
        public boolean contains(PyObject v) {
            return v instanceof PyInt;
        }
    }

    private static final String PROGRAM = """
            def bump(c):
                return c + 1


            def read(c):
                return bump(c).value


            def entry(a, b):
                return read(a) + read(b)


            def times_two(c):
                return c * 2


            def truth(c):
                if c:
                    return 1
                return 0
            """;

    private Annotator annotate(String function, List<SomeValue> args) throws IOException {
        PrintStream quiet = new PrintStream(new java.io.ByteArrayOutputStream());
        HostInterpreter host = new HostInterpreter(quiet, quiet, new ByteArrayInputStream(new byte[0]));
        PyModule module = host.importFile(Files.writeString(dir.resolve("counters.py"), PROGRAM));
        Annotator ann = new Annotator(new TranslationContext(host));
        host.runInside(() -> ann.annotate((PyFunction) module.get(function), args));
        return ann;
    }

    private static FunctionGraph graph(Annotator ann, String name) {
        return ann.graphs().stream().filter(g -> g.name.equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theContributedRulesTypeTheProgramAndTheJoinWidens() throws IOException {
        Annotator ann = annotate("entry", List.of(new SomeCounter(8), new SomeCounter(16)));
        assertThat(ann.returnAnnotation(graph(ann, "entry"))).isInstanceOf(SomeInteger.class);
        // bump is called with an 8-bit and a 16-bit counter: its argument is their join
        assertThat(ann.returnAnnotation(graph(ann, "bump"))).isEqualTo(new SomeCounter(16));
    }

    @Test
    void anOperationTheContributionDoesNotRuleIsRejectedInItsTerms() {
        AnnotatorError e = catchThrowableOfType(AnnotatorError.class,
                () -> annotate("times_two", List.of(new SomeCounter(8))));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("Counter[8]");
        assertThat(e.line).isEqualTo(14);
    }

    @Test
    void aContributedRuleMayRejectWithItsOwnMessage() {
        AnnotatorError e = catchThrowableOfType(AnnotatorError.class,
                () -> annotate("truth", List.of(new SomeCounter(8))));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("a counter has no truth value");
    }

    @Test
    void aCounterNeverMeetsAnInt() {
        assertThat(dev.taipan.annotator.Union.union(new SomeCounter(8), new SomeInteger())).isInstanceOf(SomeObject.class);
        assertThat(dev.taipan.annotator.Union.union(new SomeCounter(8), SomeValue.IMPOSSIBLE)).isEqualTo(new SomeCounter(8));
    }
}
