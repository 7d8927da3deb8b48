package dev.taipan.annotator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.taipan.flowgraph.corpus.Corpus;
import dev.taipan.flowgraph.corpus.CorpusProgram;
import dev.taipan.annotator.SomeValue.*;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.Variable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The annotator is sound on the corpus: every RPy program runs through its annotated graphs
 * with its expected output, and every value every variable takes is one its annotation allows
 * ({@link SoundnessCheck}). A failure lists every violation: function, line, variable,
 * annotation and the value that escaped it. The check itself is tested by annotations made
 * wrong on purpose: each must be caught.
 */
class SoundnessTest {
    private static final AtomicInteger PROGRAMS = new AtomicInteger();
    private static final AtomicInteger VARIABLES = new AtomicInteger();
    private static final AtomicLong BINDINGS = new AtomicLong();

    @TestFactory
    Stream<DynamicTest> everyValueOfEveryCorpusProgramIsInItsAnnotation() {
        return Corpus.locate().programs(Corpus.Folder.RPY).stream()
                .map(program -> dynamicTest(program.name(), program.path().toUri(), () -> check(program)));
    }

    private static void check(CorpusProgram program) throws InterruptedException {
        SoundnessCheck.Result r = SoundnessCheck.run(program);
        program.assertPasses(r.outcome());
        assertThat(r.violations()).as("%s: values outside their annotations", program.name()).isEmpty();
        assertThat(r.variables()).as("variables observed").isPositive();
        PROGRAMS.incrementAndGet();
        VARIABLES.addAndGet(r.variables());
        BINDINGS.addAndGet(r.bindings());
    }

    // --- the check can fail: annotations made wrong on purpose are caught -----------------------

    @TempDir
    Path dir;

    private static final String PROGRAM = """
            class Shape(object):
                def __init__(self, size):
                    self.size = size

            class Square(Shape):
                pass

            class Circle(Shape):
                pass

            def half(x):
                return x // 2

            def entry_point(argv):
                n = len(argv) - 3
                sizes = [n, 4]
                shape = Square(half(n))
                print("%d %d %d %d" % (half(n), sizes[1], shape.size, Circle(1).size))
                return 0

            # expect: -1 4 -1 1
            """;

    private SoundnessCheck.Result runTampered(Consumer<Annotator> tamper) throws Exception {
        Path file = Files.writeString(dir.resolve("prog.py"), PROGRAM);
        SoundnessCheck.Result r = SoundnessCheck.run(CorpusProgram.read(Corpus.Folder.RPY, file), tamper);
        CorpusProgram.read(Corpus.Folder.RPY, file).assertPasses(r.outcome());
        return r;
    }

    /** The variable of {@code function}'s graph holding the local {@code name} on entry. */
    private static Variable parameter(Annotator ann, String function, String name) {
        for (FunctionGraph g : ann.graphs()) {
            if (g.func.name().equals(function)) {
                return g.startblock.inputargs.stream().filter(v -> name.equals(v.localName())).findFirst().orElseThrow();
            }
        }
        throw new AssertionError("no graph " + function);
    }

    @Test
    void theUntamperedProgramIsSound() throws Exception {
        assertThat(runTampered(ann -> { }).violations()).isEmpty();
    }

    @Test
    void aNegativeIntWhereTheAnnotationSaysNonNegativeIsCaught() throws Exception {
        SoundnessCheck.Result r = runTampered(ann ->
                ann.bindings.put(parameter(ann, "half", "x"), new SomeInteger(true, false, null)));
        assertThat(r.violations()).singleElement().satisfies(v -> {
            assertThat(v.function()).isEqualTo("half");
            assertThat(v.line()).isEqualTo(12);
            assertThat(v.annotation()).isEqualTo("int (nonneg)");
            assertThat(v.value()).isEqualTo("-2");
            assertThat(v.times()).isEqualTo(2);
        });
    }

    @Test
    void aListItemOfTheWrongTypeIsCaught() throws Exception {
        SoundnessCheck.Result r = runTampered(ann -> {
            for (SomeValue s : ann.bindings.values()) {
                if (s instanceof SomeList l && l.listdef().itemValue() instanceof SomeInteger) {
                    l.listdef().item.find().value = new SomeString(false, null);
                }
            }
        });
        assertThat(r.violations()).extracting(SoundnessCheck.Violation::annotation).contains("list[str]");
        assertThat(r.violations()).extracting(SoundnessCheck.Violation::value).contains("[-2, 4]");
    }

    @Test
    void anInstanceOfAnotherClassIsCaught() throws Exception {
        SoundnessCheck.Result r = runTampered(ann -> {
            ClassDef circle = ann.classdefs().stream().filter(c -> c.name().equals("Circle")).findFirst().orElseThrow();
            ann.bindings.put(parameter(ann, "__init__", "self"), new SomeInstance(circle, false));
        });
        assertThat(r.violations()).singleElement().satisfies(v -> {
            assertThat(v.function()).isEqualTo("Shape.__init__");
            assertThat(v.annotation()).isEqualTo("Circle");
            assertThat(v.value()).startsWith("<prog.Square object");
        });
    }

    @Test
    void aCallTheAnnotatorNeverSawIsCaught() throws Exception {
        SoundnessCheck.Result r = runTampered(ann -> ann.bookkeeper.calledGraphs.clear());
        assertThat(r.violations()).extracting(SoundnessCheck.Violation::variable)
                .contains("call of half", "call of __init__");
    }

    @AfterAll
    static void summary() {
        System.out.printf("soundness: %d programs, %d variables, %d bindings checked, no value outside its annotation%n",
                PROGRAMS.get(), VARIABLES.get(), BINDINGS.get());
    }
}
