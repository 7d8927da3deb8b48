package dev.taipan.annotator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.annotator.SomeValue.SomeList;
import dev.taipan.annotator.SomeValue.SomeString;
import dev.taipan.flowgraph.flow.TranslationContext;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyModule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two translations in one JVM never see each other: the annotator, its bookkeeper and its
 * host are passed explicitly, with no "current" annotator or interpreter behind them. A
 * notebook runs many translations in one process, and the rtyper (stage 03) annotates its
 * helpers in the middle of rtyping, with another annotator alive.
 */
class IndependentAnnotationsTest {
    @TempDir
    Path dir;

    /** Lists that meet (merging their items) and a dict, so that unions re-flow readers. */
    private static final String LISTS = """
            def first(xs):
                return xs[0]


            def pick(flag, a, b):
                if flag:
                    return a
                return b


            def entry_point(argv):
                ints = [len(a) for a in argv]
                more = [7]
                both = pick(len(argv) > 1, ints, more)
                print(first(both))
                return 0


            def second_entry(argv):
                floats = [0.5]
                mixed = pick(len(argv) > 2, [1.5], floats)
                print(first(mixed))
                return 0
            """;

    private static final String CLASSES = """
            class Shape:
                def area(self):
                    return 0.0


            class Square(Shape):
                def __init__(self, side):
                    self.side = side

                def area(self):
                    return float(self.side * self.side)


            def entry_point(argv):
                table = {}
                for a in argv:
                    table[a] = Square(len(a))
                total = 0.0
                for k in table:
                    total += table[k].area()
                print(total)
                return 0
            """;

    private record Translation(HostInterpreter host, PyModule module, Annotator annotator) {
        String annotate(String entry) {
            return host.runInside(() -> {
                ListDef argv = new ListDef(annotator, false);
                argv.item.generalize(annotator, new SomeString(false, null));
                annotator.annotate((PyFunction) module.get(entry), List.of(new SomeList(argv)));
                return AnnotateCommand.report(annotator);
            });
        }
    }

    private Translation translation(String name, String source) throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        HostInterpreter host = new HostInterpreter(quiet, quiet, new ByteArrayInputStream(new byte[0]));
        PyModule module = host.importFile(Files.writeString(dir.resolve(name + ".py"), source));
        return new Translation(host, module, new Annotator(new TranslationContext(host)));
    }

    @Test
    void anAnnotatorResumedAfterAnotherOneRanGivesTheSameResultAsAlone() throws Exception {
        Translation alone = translation("lists_alone", LISTS);
        alone.annotate("entry_point");
        String expected = alone.annotate("second_entry");

        Translation a = translation("lists", LISTS);
        a.annotate("entry_point");
        translation("classes", CLASSES).annotate("entry_point");   // another annotator runs in between
        assertThat(a.annotate("second_entry")).isEqualTo(expected);
    }

    @Test
    void twoProgramsAnnotatedOnTwoThreadsGiveTheirResultsAlone() throws Exception {
        String lists = translation("solo_lists", LISTS).annotate("entry_point");
        String classes = translation("solo_classes", CLASSES).annotate("entry_point");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> listRuns = new ArrayList<>();
            List<Future<String>> classRuns = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int n = i;
                listRuns.add(pool.submit(() -> translation("lists" + n, LISTS).annotate("entry_point")));
                classRuns.add(pool.submit(() -> translation("classes" + n, CLASSES).annotate("entry_point")));
            }
            for (int i = 0; i < listRuns.size(); i++) {
                assertThat(listRuns.get(i).get()).isEqualTo(lists);
                assertThat(classRuns.get(i).get()).isEqualTo(classes);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
