package dev.taipan.annotator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Typing rules of the language itself that the soundness check found wanting: class-level
 * defaults of instance attributes, in-place operators on lists, {@code *} with the int on the
 * left, and {@code **}.
 */
class LanguageTypingTest extends ProgramTest {
    @Test
    void aClassAttributeIsTheDefaultOfTheInstanceAttributeOfTheSameName() throws IOException {
        String out = annotate("""
                class Node(object):
                    parent = None

                    def __init__(self, name):
                        self.name = name

                class Root(Node):
                    name = "root"

                def up(n):
                    return n.parent

                def entry_point(argv):
                    a = Node("a")
                    b = Node("b")
                    b.parent = a
                    print(str(up(a) is None) + str(up(b) is a) + Root("r").name)
                    return 0
                """);
        // a node whose parent was never set reads the class's None
        assertThat(out).contains("def up(n: Node) -> Node | None").contains("    parent: Node | None\n");
    }

    @Test
    void inPlaceAddWidensTheListItselfNotACopy() throws IOException {
        String out = annotate("""
                class Box(object):
                    def __init__(self):
                        self.items = [1]

                def grow(lst, x):
                    lst += [x]
                    lst *= 2

                def entry_point(argv):
                    b = Box()
                    grow(b.items, 2.5)
                    print(str(b.items))
                    return 0
                """);
        assertThat(out).contains("def grow(lst: list[float], x: float) -> None").contains("    items: list[float]\n");
    }

    @Test
    void multiplicationWithTheIntOnTheLeftAndPowers() throws IOException {
        String out = annotate("""
                def line(n):
                    return n * "-"

                def zeros(n):
                    return n * [0]

                def square(x):
                    return x ** 2

                def root(x):
                    return x ** 0.5

                def entry_point(argv):
                    print(line(3) + str(zeros(2)) + str(square(len(argv))) + str(root(2)))
                    return 0
                """);
        assertThat(out).contains("def line(n: int) -> str").contains("def zeros(n: int) -> list[int]")
                .contains("def square(x: int) -> int").contains("def root(x: int) -> float");
        assertThat(reject("""
                def entry_point(argv):
                    print(str(2 ** (len(argv) - 3)))
                    return 0
                """).getMessage()).contains("power of an int that may be negative");
    }
}
