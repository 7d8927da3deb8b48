package dev.taipan.annotator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.annotator.IsinstanceNarrowing.Narrowed;
import dev.taipan.annotator.SomeValue.SomeInstance;
import dev.taipan.annotator.SomeValue.SomeNone;
import dev.taipan.flowgraph.grading.Points;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link Exercised#ISINSTANCE_NARROWING} must do, whoever wrote it: on the True branch of
 * {@code isinstance(x, C)}, x is an instance of the more precise of its class and C, never None,
 * and nothing at all when the classes are unrelated or x is only None so far; on the False branch
 * x keeps what it was.
 * Run here against {@link Narrowing#narrowIsinstance}; the exercises module runs the same tests
 * against a student's narrowing ({@code exercises/stage02/ex2}). The unit tests use the classes
 * of a small annotated program; the last tests annotate programs whose signatures and classes
 * come out right only when the narrowing is.
 */
@Timeout(20)
class IsinstanceNarrowingContract {
    @TempDir
    Path dir;

    /** Base <- Sub <- Leaf, Base <- Other, and Unrelated on its own. */
    private static Annotating hierarchy;

    @BeforeAll
    static void annotateTheHierarchy(@TempDir Path dir) {
        hierarchy = Annotating.program(dir, """
                class Base:
                    def __init__(self, n):
                        self.n = n

                class Sub(Base):
                    pass

                class Leaf(Sub):
                    pass

                class Other(Base):
                    pass

                class Unrelated:
                    pass

                def entry_point(argv):
                    things = [Base(1), Sub(2), Leaf(3), Other(4)]
                    u = Unrelated()
                    return len(things)
                """);
    }

    private static ClassDef cls(String name) {
        return hierarchy.classdef(name);
    }

    private static SomeInstance inst(String name) {
        return new SomeInstance(cls(name), false);
    }

    private static SomeInstance orNone(String name) {
        return new SomeInstance(cls(name), true);
    }

    private static Narrowed narrow(SomeValue x, String tested) {
        return Exercised.ISINSTANCE_NARROWING.current().narrow(x, cls(tested));
    }

    @Test
    @Points(3)
    void testingForASubclassGivesTheSubclass() {
        assertThat(narrow(inst("Base"), "Sub").ifTrue()).isEqualTo(inst("Sub"));
        assertThat(narrow(inst("Base"), "Leaf").ifTrue()).as("two levels down").isEqualTo(inst("Leaf"));
        assertThat(narrow(inst("Sub"), "Sub").ifTrue()).as("the class itself").isEqualTo(inst("Sub"));
    }

    @Test
    @Points(2)
    void theTrueBranchExcludesNone() {
        assertThat(narrow(orNone("Base"), "Sub").ifTrue()).as("isinstance(None, Sub) is False").isEqualTo(inst("Sub"));
        assertThat(narrow(orNone("Sub"), "Sub").ifTrue()).isEqualTo(inst("Sub"));
    }

    @Test
    @Points(2)
    void testingForABaseKeepsTheMorePreciseClass() {
        assertThat(narrow(inst("Sub"), "Base").ifTrue()).isEqualTo(inst("Sub"));
        assertThat(narrow(orNone("Leaf"), "Base").ifTrue()).isEqualTo(inst("Leaf"));
    }

    @Test
    @Points(2)
    void anUnrelatedClassMakesTheTrueBranchImpossible() {
        assertThat(narrow(inst("Sub"), "Other").ifTrue()).as("siblings").isEqualTo(SomeValue.IMPOSSIBLE);
        assertThat(narrow(orNone("Other"), "Leaf").ifTrue()).isEqualTo(SomeValue.IMPOSSIBLE);
        assertThat(narrow(inst("Base"), "Unrelated").ifTrue()).as("no common base").isEqualTo(SomeValue.IMPOSSIBLE);
    }

    @Test
    @Points(1)
    void aValueThatIsOnlyNoneSoFarNeverPassesTheTest() {
        Narrowed n = Exercised.ISINSTANCE_NARROWING.current().narrow(new SomeNone(), cls("Sub"));
        assertThat(n.ifTrue()).isEqualTo(SomeValue.IMPOSSIBLE);
        assertThat(n.ifFalse()).isEqualTo(new SomeNone());
    }

    @Test
    @Points(2)
    void theFalseBranchKeepsWhatItKnew() {
        assertThat(narrow(orNone("Base"), "Sub").ifFalse()).as("a Base that is not a Sub, or None")
                .isEqualTo(orNone("Base"));
        assertThat(narrow(inst("Base"), "Sub").ifFalse()).isEqualTo(inst("Base"));
        assertThat(narrow(inst("Sub"), "Other").ifFalse()).isEqualTo(inst("Sub"));
        assertThat(narrow(orNone("Leaf"), "Base").ifFalse()).as("None still fails the test").isEqualTo(orNone("Leaf"));
    }

    private static final String CLASSES = """
            class Base:
                def __init__(self, n):
                    self.n = n

            class Sub(Base):
                def __init__(self, n):
                    self.n = n
                    self.extra = n * 2

            class Other:
                pass

            def make(i):
                if i > 1:
                    return Sub(i)
                return Base(i)

            def find(i):
                if i > 2:
                    return None
                return make(i)

            def describe(s):
                return s.extra

            """;

    @Test
    @Points(3)
    void anAttributeOfTheSubclassIsReadAfterIsinstance() {
        Annotating a = Annotating.program(dir, CLASSES + """
                def only_subs(x):
                    if not isinstance(x, Sub):
                        return 0
                    return x.extra

                def entry_point(argv):
                    x = make(len(argv))
                    total = x.n + only_subs(x)
                    if isinstance(x, Sub):
                        total += describe(x)
                    return total
                """);
        assertThat(a.report).contains("def describe(s: Sub) -> int").contains("def only_subs(x: Base) -> int")
                .contains("class Sub(Base):\n    extra: int\n");
        assertThat(a.classdef("Base").attributes()).as("extra stays on Sub").doesNotContainKey("extra");
    }

    @Test
    @Points(2)
    void aValueThatMayBeNoneIsNotNoneWhenTheTestHolds() {
        Annotating a = Annotating.program(dir, CLASSES + """
                def entry_point(argv):
                    x = find(len(argv))
                    if isinstance(x, Sub):
                        print(describe(x))
                    return 0
                """);
        assertThat(a.report).contains("def find(i: int) -> Base | None").contains("def describe(s: Sub) -> int");
    }

    @Test
    @Points(2)
    void aBranchNoValueCanTakeIsNotFlowed() {
        Annotating a = Annotating.program(dir, CLASSES + """
                def never(o):
                    return 1

                def entry_point(argv):
                    x = make(len(argv))
                    if isinstance(x, Other):
                        print(never(x))
                    return 0
                """);
        assertThat(a.report).as("isinstance(a Base, Other) is never True").doesNotContain("def never");
    }

    @Test
    @Points(2)
    void theElseBranchSeesTheValueAsItWas() {
        Annotating a = Annotating.program(dir, CLASSES + """
                def rest(y):
                    if y is None:
                        return 0
                    return y.n

                def entry_point(argv):
                    x = find(len(argv))
                    if isinstance(x, Sub):
                        print(describe(x))
                    else:
                        print(rest(x))
                    return 0
                """);
        assertThat(a.report).contains("def rest(y: Base | None) -> int");
    }

    @Test
    @Points(1)
    void testingForABaseDoesNotWidenTheValue() {
        Annotating a = Annotating.program(dir, CLASSES + """
                def entry_point(argv):
                    s = Sub(len(argv))
                    if isinstance(s, Base):
                        print(describe(s))
                    return 0
                """);
        assertThat(a.report).contains("def describe(s: Sub) -> int");
    }
}
