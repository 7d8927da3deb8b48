package dev.taipan.rtyper.rtyper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.grading.Points;
import dev.taipan.rtyper.Exercised;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link Exercised#CLASS_NUMBERING} must do, whoever wrote it: number a class tree so that
 * {@code isinstance} is one range check, depth first, the subclasses of each class in their
 * order. Run here against {@link PreorderNumbering}; the exercises module runs the same tests
 * against a student's numbering ({@code exercises/stage03/ex2}). Trees of strings pin down the
 * rules; the last tests rtype programs, whose vtables carry the numbers, and run them in the
 * llinterp, where {@code isinstance} and {@code except} read them.
 */
@Timeout(30)
class ClassNumberingContract {
    @TempDir
    Path dir;

    /** A class tree of names: each class's subclasses in the order they were added. */
    static final class Tree {
        final String root;
        final Map<String, String> parent = new HashMap<>();
        final Map<String, List<String>> subclasses = new LinkedHashMap<>();

        Tree(String root) {
            this.root = root;
            subclasses.put(root, new ArrayList<>());
        }

        Tree add(String name, String base) {
            parent.put(name, base);
            subclasses.put(name, new ArrayList<>());
            subclasses.get(base).add(name);
            return this;
        }

        List<String> classes() {
            return List.copyOf(subclasses.keySet());
        }

        boolean isSubclass(String d, String c) {
            for (String k = d; k != null; k = parent.get(k)) {
                if (k.equals(c)) {
                    return true;
                }
            }
            return false;
        }

        Map<String, SubclassRange> number() {
            Map<String, SubclassRange> ranges = Exercised.CLASS_NUMBERING.current()
                    .number(root, c -> List.copyOf(subclasses.get(c)));
            assertThat(ranges).as("the numbering must give every class of the tree a range, and nothing else")
                    .containsOnlyKeys(subclasses.keySet());
            return ranges;
        }
    }

    /**
     * <pre>
     * object
     *   Shape
     *     Square
     *     Circle
     *   Error
     *     ValueError
     *     LookupError
     *       KeyError
     * </pre>
     */
    private static Tree chapterTree() {
        return new Tree("object").add("Shape", "object").add("Square", "Shape").add("Circle", "Shape")
                .add("Error", "object").add("ValueError", "Error").add("LookupError", "Error").add("KeyError", "LookupError");
    }

    /** A random tree of {@code n} classes: each class below one chosen at random among those before it. */
    private static Tree randomTree(Random random, int n) {
        Tree t = new Tree("C0");
        for (int i = 1; i < n; i++) {
            t.add("C" + i, "C" + random.nextInt(i));
        }
        return t;
    }

    @Test
    @Points(1)
    void aLoneRootIsNumberedZeroWithARangeOfOne() {
        assertThat(new Tree("object").number()).containsExactlyEntriesOf(Map.of("object", new SubclassRange(0, 1)));
    }

    @Test
    @Points(2)
    void theRootIsNumberedZeroAndCoversEveryClass() {
        Tree t = chapterTree();
        assertThat(t.number().get("object")).isEqualTo(new SubclassRange(0, t.classes().size()));
    }

    @Test
    @Points(3)
    void classesAreNumberedDepthFirstTheSubclassesInTheirOrder() {
        Map<String, SubclassRange> r = chapterTree().number();
        assertThat(r).containsAllEntriesOf(Map.of(
                "object", new SubclassRange(0, 8),
                "Shape", new SubclassRange(1, 4),
                "Square", new SubclassRange(2, 3),
                "Circle", new SubclassRange(3, 4),
                "Error", new SubclassRange(4, 8),
                "ValueError", new SubclassRange(5, 6),
                "LookupError", new SubclassRange(6, 8),
                "KeyError", new SubclassRange(7, 8)));
    }

    @Test
    @Points(1)
    void aClassWithoutSubclassesHasARangeOfOne() {
        Tree t = chapterTree();
        Map<String, SubclassRange> r = t.number();
        for (String leaf : List.of("Square", "Circle", "ValueError", "KeyError")) {
            assertThat(r.get(leaf).max() - r.get(leaf).min()).as("the range of " + leaf).isEqualTo(1);
        }
    }

    @Test
    @Points(2)
    void everyClassHasANumberOfItsOwn() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            Tree t = randomTree(random, 1 + random.nextInt(40));
            List<Long> mins = t.number().values().stream().map(SubclassRange::min).sorted().toList();
            List<Long> expected = new ArrayList<>();
            for (long i = 0; i < t.classes().size(); i++) {
                expected.add(i);
            }
            assertThat(mins).as("the numbers of a tree of %d classes", expected.size()).isEqualTo(expected);
        }
    }

    @Test
    @Points(4)
    void theRangeAnswersIsinstanceExactlyAsTheSubclassRelationDoes() {
        Random random = new Random(42);
        for (int round = 0; round < 60; round++) {
            Tree t = randomTree(random, 1 + random.nextInt(60));
            Map<String, SubclassRange> r = t.number();
            for (String d : t.classes()) {
                for (String c : t.classes()) {
                    assertThat(r.get(c).includes(r.get(d)))
                            .as("isinstance(%s(), %s) by the ranges %s and %s, in the tree %s", d, c, r.get(d), r.get(c),
                                    t.subclasses)
                            .isEqualTo(t.isSubclass(d, c));
                }
            }
        }
    }

    @Test
    @Points(2)
    void subclassRangesNestInsideTheirBaseAndSiblingsNeverOverlap() {
        Random random = new Random(3);
        for (int round = 0; round < 40; round++) {
            Tree t = randomTree(random, 2 + random.nextInt(50));
            Map<String, SubclassRange> r = t.number();
            for (String c : t.classes()) {
                SubclassRange rc = r.get(c);
                assertThat(rc.min()).as("%s %s is not empty", c, rc).isLessThan(rc.max());
                List<String> subs = t.subclasses.get(c);
                for (int i = 0; i < subs.size(); i++) {
                    SubclassRange rs = r.get(subs.get(i));
                    assertThat(rc.min() < rs.min() && rs.max() <= rc.max())
                            .as("%s %s lies inside its base %s %s", subs.get(i), rs, c, rc).isTrue();
                    for (int j = i + 1; j < subs.size(); j++) {
                        SubclassRange other = r.get(subs.get(j));
                        assertThat(rs.max() <= other.min() || other.max() <= rs.min())
                                .as("siblings %s %s and %s %s do not overlap", subs.get(i), rs, subs.get(j), other).isTrue();
                    }
                }
            }
        }
    }

    @Test
    @Points(1)
    void deepAndWideHierarchiesAreNumberedToo() {
        Tree chain = new Tree("C0");
        for (int i = 1; i < 1000; i++) {
            chain.add("C" + i, "C" + (i - 1));
        }
        Map<String, SubclassRange> r = chain.number();
        for (int i = 0; i < 1000; i++) {
            assertThat(r.get("C" + i)).isEqualTo(new SubclassRange(i, 1000));
        }
        Tree wide = new Tree("object");
        for (int i = 0; i < 10_000; i++) {
            wide.add("C" + i, "object");
        }
        r = wide.number();
        assertThat(r.get("object")).isEqualTo(new SubclassRange(0, 10_001));
        assertThat(r.get("C9999")).isEqualTo(new SubclassRange(10_000, 10_001));
    }

    private static final String ANIMALS = """
            class Animal:
                def __init__(self, n):
                    self.n = n

            class Dog(Animal):
                pass

            class Puppy(Dog):
                pass

            class Cat(Animal):
                pass

            class Kitten(Cat):
                pass

            def make(k):
                if k == 0:
                    return Animal(k)
                if k == 1:
                    return Dog(k)
                if k == 2:
                    return Puppy(k)
                if k == 3:
                    return Cat(k)
                return Kitten(k)

            def classify(k):
                a = make(k)
                r = 0
                if isinstance(a, Dog):
                    r += 1
                if isinstance(a, Puppy):
                    r += 2
                if isinstance(a, Cat):
                    r += 4
                if isinstance(a, Kitten):
                    r += 8
                if isinstance(a, Animal):
                    r += 16
                return r
            """;

    @Test
    @Points(2)
    void theClassesOfAProgramAndTheBuiltinExceptionsAreNumberedForTheRangeCheck() throws Exception {
        RTyper rtyper = Rtyping.rtyper(dir, ANIMALS, "classify");
        List<ClassRepr> all = new ArrayList<>(rtyper.classes.all());
        all.add(rtyper.classes.root);
        for (ClassRepr d : all) {
            for (ClassRepr c : all) {
                assertThat(c.min <= d.min && d.min < c.max)
                        .as("%s [%d, %d) in the range of %s [%d, %d)", d.name(), d.min, d.max, c.name(), c.min, c.max)
                        .isEqualTo(d.isSubclassOf(c));
            }
        }
    }

    @Test
    @Points(3)
    void isinstanceInAProgramAnswersAsOnTheHost() throws Exception {
        for (long k = 0; k <= 4; k++) {
            Rtyping.assertRunsAsOnTheHost(dir, ANIMALS, "classify", k);
        }
    }

    private static final String HANDLERS = """
            class Oops(Exception):
                pass

            class BigOops(Oops):
                pass

            def fail(k):
                if k == 0:
                    raise KeyError()
                if k == 1:
                    raise IndexError()
                if k == 2:
                    raise ZeroDivisionError()
                if k == 3:
                    raise BigOops()
                if k == 4:
                    raise Oops()
                if k == 5:
                    raise ValueError()
                return k

            def catch(k):
                try:
                    return fail(k)
                except LookupError:
                    return 100
                except ArithmeticError:
                    return 200
                except BigOops:
                    return 300
                except Oops:
                    return 400
            """;

    @Test
    @Points(3)
    void exceptClausesCatchWhatTheHostCatches() throws Exception {
        for (long k = 0; k <= 6; k++) {
            Rtyping.assertRunsAsOnTheHost(dir, HANDLERS, "catch", k);
        }
    }
}
