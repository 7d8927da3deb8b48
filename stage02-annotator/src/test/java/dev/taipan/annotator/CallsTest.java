package dev.taipan.annotator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Binding arguments at call sites: keywords, defaults, {@code *args}, and {@code @specialize.memo()}. */
class CallsTest extends ProgramTest {
    @Test
    void starArgsGetOneCopyPerNumberOfArguments() throws IOException {
        String out = annotate("""
                def total(first, *rest):
                    s = first
                    for r in rest:
                        s += r
                    return s

                def entry_point(argv):
                    print(total(1), total(1, 2), total(1.5, 2.5, 3.5))
                    return 0
                """);
        assertThat(out).contains("def total[*0](first: int, rest: tuple[()]) -> int")
                .contains("def total[*1](first: int, rest: tuple[int]) -> int")
                .contains("def total[*2](first: float, rest: tuple[float, float]) -> float");
    }

    @Test
    void keywordsAndDefaultsBindByName() throws IOException {
        String out = annotate("""
                def greet(name, punct="!", times=1):
                    return (name + punct) * times

                class Box:
                    def __init__(self, w, h=1.0):
                        self.w = w
                        self.h = h

                def entry_point(argv):
                    print(greet("a"), greet("b", times=2), greet(times=3, name="c"))
                    b = Box(h=2.5, w=1.0)
                    print(b.w * b.h)
                    return 0
                """);
        assertThat(out).contains("def greet(name: str, punct: str, times: int) -> str")
                .contains("def Box.__init__(self: Box, w: float, h: float) -> None");
    }

    @Test
    void aKeywordGivenTwiceIsAnError() {
        AnnotatorError e = reject("""
                def f(a, b):
                    return a + b

                def entry_point(argv):
                    return f(1, a=2)
                """);
        assertThat(e.getMessage()).contains("function 'f' gets two values for its argument 'a'");
        assertThat(e.line).isEqualTo(5);
    }

    @Test
    void tooManyArgumentsForAMethodCountSelfAsPythonDoes() {
        AnnotatorError e = reject("""
                class P:
                    def move(self, dx):
                        return dx

                def entry_point(argv):
                    return P().move(1, 2)
                """);
        assertThat(e.getMessage()).contains("function 'move' takes 2 arguments but is called with 3");
    }

    @Test
    void memoFunctionsRunAtTranslationTimeOncePerConstant() throws IOException {
        String out = annotate("""
                from rpython.rlib.objectmodel import specialize

                class Tri:
                    sides = 3
                class Sq:
                    sides = 4

                @specialize.memo()
                def label(cls):
                    return cls.__name__ + "/" + str(cls.sides)

                def pick(n):
                    if n > 1:
                        return Tri
                    return Sq

                def entry_point(argv):
                    print(label(pick(len(argv))))
                    return len(label(Tri))
                """);
        assertThat(out).contains("def label(cls) -> str   # @specialize.memo, run by the translator for (")
                .contains("(Tri)").contains("(Sq)")
                .doesNotContain("def label(cls: ");   // no graph: the translator ran it
    }

    @Test
    void aMemoArgumentKnownOnlyAtRunTimeIsAnError() {
        AnnotatorError e = reject("""
                from rpython.rlib.objectmodel import specialize

                @specialize.memo()
                def square(n):
                    return n * n

                def entry_point(argv):
                    return square(len(argv))
                """);
        assertThat(e.getMessage()).contains("@specialize.memo function 'square' is called with an int for 'n' "
                + "that is not a constant");
        assertThat(e.line).isEqualTo(8);
    }

    @Test
    void aStarArgumentThatIsATupleSpreadsIntoTheCall() throws IOException {
        String out = annotate("""
                def total(*items):
                    s = 0
                    for x in items:
                        s += x
                    return s

                def forward(*args):
                    return total(*args)

                def point(x, y):
                    return x * 10 + y

                def entry_point(argv):
                    rest = (2, 3)
                    print(forward(1, *rest), point(*(len(argv), 4)))
                    return 0
                """);
        assertThat(out).contains("def forward[*3](args: tuple[int, int, int]) -> int")
                .contains("def total[*3](items: tuple[int, int, int]) -> int")
                .contains("def point(x: int, y: int) -> int");
    }

    @Test
    void aStarArgumentThatIsAListIsRejected() {
        AnnotatorError e = reject("""
                def total(*items):
                    return len(items)

                def entry_point(argv):
                    return total(*argv)
                """);
        assertThat(e.getMessage()).isEqualTo("the *argument of a call must be a tuple in RPy (its length is the "
                + "number of arguments), not a list[str]");
        assertThat(e.line).isEqualTo(5);
    }
}
