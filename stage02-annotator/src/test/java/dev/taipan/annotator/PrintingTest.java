package dev.taipan.annotator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Turning values into text: {@code __str__}/{@code __repr__} are called, and checked, like any method. */
class PrintingTest extends ProgramTest {
    @Test
    void strPrintAndPercentSCallStrAndContainersCallRepr() throws IOException {
        String out = annotate("""
                class Money(object):
                    def __init__(self, cents):
                        self.cents = cents
                    def __str__(self):
                        return "$%d.%02d" % (self.cents // 100, self.cents % 100)
                    def __repr__(self):
                        return "Money(%d)" % self.cents

                class Tag(object):
                    def __init__(self, name):
                        self.name = name
                    def __repr__(self):
                        return "<" + self.name + ">"

                def entry_point(argv):
                    m = Money(1234)
                    print(m)
                    print("total: %s" % m)
                    print([Tag("a"), Tag("b")])
                    print({1: Money(5)})
                    return len(str(Tag("c")))
                """);
        assertThat(out).contains("def Money.__str__(self: Money) -> str")
                .contains("def Money.__repr__(self: Money) -> str")
                .contains("def Tag.__repr__(self: Tag) -> str");
    }

    @Test
    void anOverrideInASubclassIsCalledToo() throws IOException {
        String out = annotate("""
                class Shape(object):
                    def __str__(self):
                        return "shape"
                class Circle(Shape):
                    def __init__(self, r):
                        self.r = r
                    def __str__(self):
                        return "circle %d" % self.r

                def show(s):
                    print(s)

                def entry_point(argv):
                    show(Shape())
                    show(Circle(2))
                    return 0
                """);
        assertThat(out).contains("def Shape.__str__(self: Shape) -> str")
                .contains("def Circle.__str__(self: Circle) -> str");
    }

    @Test
    void aStrMethodThatReturnsAnIntIsRejected() {
        AnnotatorError e = catchThrowableOfType(AnnotatorError.class, () -> annotate("""
                class Count(object):
                    def __init__(self, n):
                        self.n = n
                    def __str__(self):
                        return self.n

                def entry_point(argv):
                    print(Count(3))
                    return 0
                """));
        assertThat(e.getMessage()).isEqualTo("'__str__' of class Count returns an int, not a str");
        assertThat(e.line).isEqualTo(8);
    }
}
