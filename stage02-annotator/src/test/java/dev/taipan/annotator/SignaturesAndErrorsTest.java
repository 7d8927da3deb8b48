package dev.taipan.annotator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Signatures of small programs, and the messages of rejected ones with their lines. */
class SignaturesAndErrorsTest extends ProgramTest {
    @Test
    void fibAndAClass() throws IOException {
        String out = annotate("""
                class Point:
                    def __init__(self, x, y):
                        self.x = x
                        self.y = y

                def fib(n):
                    if n < 2:
                        return n
                    return fib(n - 1) + fib(n - 2)

                def entry_point(argv):
                    p = Point(1.5, 2.0)
                    print(fib(len(argv)) + int(p.x))
                    return 0
                """);
        assertThat(out).contains("def entry_point(argv: list[str]) -> int")
                .contains("def fib(n: int) -> int")
                .contains("def Point.__init__(self: Point, x: float, y: float) -> None")
                .contains("class Point:\n    x: float\n    y: float\n");
    }

    @Test
    void listsAndStrings() throws IOException {
        String out = annotate("""
                def words(s):
                    return s.split(" ")

                def entry_point(argv):
                    ws = words("a b")
                    ws.append(argv[0])
                    print(", ".join(ws))
                    return 0
                """);
        assertThat(out).contains("def words(s: str) -> list[str]");
    }

    @Test
    void variableWithTwoTypes() {
        AnnotatorError e = reject("""
                def entry_point(argv):
                    if len(argv) > 1:
                        x = 1
                    else:
                        x = "one"
                    print(x)
                    return 0
                """);
        assertThat(e.getMessage()).contains("variable 'x'").contains("an int").contains("a str");
        assertThat(e.render()).contains("prog.py:").doesNotContain("Exception");
    }

    @Test
    void listGetsAStr() {
        AnnotatorError e = reject("""
                def entry_point(argv):
                    lst = [1, 2]
                    lst.append("three")
                    return 0
                """);
        assertThat(e.line).isEqualTo(3);
        assertThat(e.getMessage()).contains("list of int gets a str");
        assertThat(e.render()).contains("lst.append(\"three\")").contains("in function entry_point");
    }

    @Test
    void attributeNeverAssigned() {
        AnnotatorError e = reject("""
                class Point:
                    def __init__(self):
                        self.x = 1

                def entry_point(argv):
                    p = Point()
                    print(p.color)
                    return 0
                """);
        assertThat(e.line).isEqualTo(7);
        assertThat(e.getMessage()).contains("attribute 'color' of class Point is read but never assigned");
    }

    @Test
    void wrongArgumentCount() {
        AnnotatorError e = reject("""
                def add(a, b):
                    return a + b

                def entry_point(argv):
                    print(add(1, 2, 3))
                    return 0
                """);
        assertThat(e.line).isEqualTo(5);
        assertThat(e.getMessage()).contains("function 'add' takes 2 arguments but is called with 3");
    }

    @Test
    void intReturnedOrNone() {
        AnnotatorError e = reject("""
                def find(lst, x):
                    for i in range(len(lst)):
                        if lst[i] == x:
                            return i
                    return None

                def entry_point(argv):
                    print(find([1, 2], 2))
                    return 0
                """);
        assertThat(e.getMessage()).contains("function 'find' returns").contains("cannot be None in RPy");
        assertThat(e.callChain).anyMatch(s -> s.contains("called from entry_point at line 8"));
    }

    @Test
    void overridesAreCalledThroughTheBase() throws IOException {
        String out = annotate("""
                class Shape:
                    def area(self):
                        return 0

                class Square(Shape):
                    def __init__(self, side):
                        self.side = side
                    def area(self):
                        return self.side * self.side

                def total(s):
                    return s.area()

                def entry_point(argv):
                    print(total(Shape()) + total(Square(3)))
                    return 0
                """);
        assertThat(out).contains("def total(s: Shape) -> int").contains("def Square.area(self: Square) -> int")
                .contains("class Square(Shape):\n    side: int");
    }

    @Test
    void callFamilyUnifiesArguments() throws IOException {
        String out = annotate("""
                def f(x):
                    return x

                def g(x):
                    return x

                def entry_point(argv):
                    h = f if len(argv) > 1 else g
                    print(h(1))
                    print(f(2.5))
                    return 0
                """);
        assertThat(out).contains("def f(x: float) -> float").contains("def g(x: float) -> float");
    }

    @Test
    void argumentWithTwoTypes() {
        AnnotatorError e = reject("""
                def double(x):
                    return x + x

                def entry_point(argv):
                    print(double(2))
                    print(double("ab"))
                    return 0
                """);
        assertThat(e.line).isEqualTo(6);
        assertThat(e.getMessage()).contains("function 'double' gets a str for its argument 'x' here, but an int elsewhere");
    }

    @Test
    void specializeArgtypeMakesOneCopyPerType() throws IOException {
        String out = annotate("""
                from rpython.rlib.objectmodel import specialize

                @specialize.argtype(0)
                def double(x):
                    return x + x

                def entry_point(argv):
                    print(double(2))
                    print(double("ab"))
                    return 0
                """);
        assertThat(out).contains("def double[int](x: int) -> int").contains("def double[str](x: str) -> str");
    }

    @Test
    void isNoneAndIsinstanceNarrow() throws IOException {
        String out = annotate("""
                class Node:
                    def __init__(self, v):
                        self.v = v
                        self.next = None

                class Leaf(Node):
                    pass

                def show(n):
                    return n.v

                def leaf_value(n):
                    return n.v + 1

                def walk(n):
                    total = 0
                    while n is not None:
                        total += show(n)
                        if isinstance(n, Leaf):
                            total += leaf_value(n)
                        n = n.next
                    return total

                def entry_point(argv):
                    a = Node(1)
                    a.next = Leaf(2)
                    print(walk(a))
                    return 0
                """);
        assertThat(out).contains("def walk(n: Node) -> int").contains("def show(n: Node) -> int")
                .contains("def leaf_value(n: Leaf) -> int").contains("    next: Leaf | None");
    }

    @Test
    void handlerOfAFunctionThatAlwaysRaisesIsAnnotated() throws IOException {
        String out = annotate("""
                def fail(n):
                    raise ValueError("no")

                def handled(s):
                    return len(s)

                def entry_point(argv):
                    try:
                        fail(1)
                    except ValueError:
                        print(handled("x"))
                    return 0
                """);
        assertThat(out).contains("def fail(n: int) -> Never").contains("def handled(s: str) -> int");
    }
}
