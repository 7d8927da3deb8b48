package dev.taipan.rtyper.rtyper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LLOp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding items in lists by the items' own equality ({@link ListRules}' {@code EQ}),
 * {@code list()} of any iterable ({@link ListOf}), {@code super()} ({@link SuperCalls}) and
 * tuples converted item by item ({@link TupleConversion}): each program runs at the low level
 * over the checked heap and must print what CPython 3.11 printed for it (the expected text was
 * produced by {@code python3}), and what the host interpreter prints.
 */
class ItemsListsAndSuperTest {
    @TempDir
    Path dir;

    private void assertRunsAsCPython(String source, String cpython) throws Exception {
        AsCPython.assertRunsAsCPython(dir, source, cpython);
    }

    /** in, index, count and remove on lists of strs (the empty str, a str built at run time, ValueError when absent), of tuples, of lists, of floats (-0.0 equals 0.0, an int finds a float) and of instances (by identity); == and != of lists of strs. */
    @Test
    void listsFindTheirItemsByTheItemsEqualityAsCPythonDoes() throws Exception {
        assertRunsAsCPython("""
                class Animal(object):
                    def __init__(self, name):
                        self.name = name


                def entry_point(argv):
                    words = ["to", "be", "", "or", "not", "to", "be"]
                    words.append(argv[0][:0] + "be")
                    print("%s %s %s %s" % ("be" in words, "" in words, "xyz" in words, argv[0][:0] in words))
                    print("%d %d %d %d" % (words.index("or"), words.index(""), words.count("be"), words.count("b")))
                    words.remove("be")
                    words.remove("to")
                    print(words)
                    try:
                        words.remove("xyz")
                    except ValueError:
                        print("remove: not there")
                    try:
                        words.index("xyz")
                    except ValueError:
                        print("index: not there")
                    pairs = [(1, "a"), (2, "b"), (1, "a")]
                    pairs.append((len(argv), "c"))
                    print("%s %s %d %d" % ((2, "b") in pairs, (2, "a") in pairs, pairs.count((1, "a")), pairs.index((1, "c"))))
                    rows = [[1, 2], [], [3]]
                    rows.append([len(argv)])
                    print("%s %s %d" % ([3] in rows, [2, 1] in rows, rows.index([1])))
                    floats = [0.0, 1.5, -2.5]
                    floats.append(3.0)
                    print("%s %s %d" % (-0.0 in floats, 3 in floats, floats.index(-2.5)))
                    a = Animal("a")
                    zoo = [a, Animal("a")]
                    zoo.append(a)
                    print("%d %d" % (zoo.count(a), zoo.index(zoo[1])))
                    print("%s %s" % (["x", "y"] == ["x", "y"][:len(argv) + 1], ["x"] != ["y"]))
                    return 0


                if __name__ == '__main__':
                    import sys
                    sys.exit(entry_point(sys.argv))
                """, """
                True True False True
                3 2 3 0
                ['', 'or', 'not', 'to', 'be', 'be']
                remove: not there
                index: not there
                True False 2 3
                True False 3
                True True 2
                2 1
                True True
                """);
    }

    /** list() of a str (the empty one, a constant), of a tuple, of a dict (its keys), d.items(), d.values(), enumerate, zip, reversed lists and strs, an empty range; the list then sorted and appended to. */
    @Test
    void listOfEveryIterableAgreesWithCPython() throws Exception {
        assertRunsAsCPython("""
                def entry_point(argv):
                    s = "maze" + argv[0][:0]
                    print(list(s))
                    print(list(""))
                    print(list("rpython"))
                    letters = list(s)
                    letters.sort()
                    letters.append("!")
                    print("".join(letters))
                    print(list((3, 1, 2)))
                    d = {"b": 2, "a": 1, "c": 3}
                    print(list(d))
                    print(list(d.items()))
                    print(list(d.values()))
                    print(list(enumerate(s)))
                    print(list(zip(s, [1, 2, 3])))
                    print(list(reversed([1, 2, 3])))
                    print(list(reversed(s)))
                    print(len(list(range(0))))
                    return 0


                if __name__ == '__main__':
                    import sys
                    sys.exit(entry_point(sys.argv))
                """, """
                ['m', 'a', 'z', 'e']
                []
                ['r', 'p', 'y', 't', 'h', 'o', 'n']
                aemz!
                [3, 1, 2]
                ['b', 'a', 'c']
                [('b', 2), ('a', 1), ('c', 3)]
                [2, 1, 3]
                [(0, 'm'), (1, 'a'), (2, 'z'), (3, 'e')]
                [('m', 1), ('a', 2), ('z', 3)]
                [3, 2, 1]
                ['e', 'z', 'a', 'm']
                0
                """);
    }

    /** list() of chars into a list that also holds strs (each char converted as it is appended), sorted() of a str and of a tuple with reverse=, list(zip()) grown by a tuple of wider items. */
    @Test
    void listOfConvertsItemsToWhatTheListStores() throws Exception {
        assertRunsAsCPython("""
                def entry_point(argv):
                    s = "ab" + argv[0][:0]
                    chars = list(s)
                    chars.append("cd")
                    print(chars)
                    print(sorted("hello"))
                    print(sorted((3, 1, 2), reverse=True))
                    pairs = list(zip("ab", (1, 2)))
                    pairs.append(("cc", 3))
                    print(pairs)
                    return 0


                if __name__ == '__main__':
                    import sys
                    sys.exit(entry_point(sys.argv))
                """, """
                ['a', 'b', 'cd']
                ['e', 'h', 'l', 'l', 'o']
                [3, 2, 1]
                [('a', 1), ('b', 2), ('cc', 3)]
                """);
    }

    /** super() and super(C, self) over three classes: __init__ chained, a default argument passed on, and a parent method that calls back an override through the vtable. */
    @Test
    void superCallsTheParentsMethodAsCPythonDoes() throws Exception {
        assertRunsAsCPython("""
                class Base(object):
                    def __init__(self, name):
                        self.name = name

                    def kind(self):
                        return "base"

                    def describe(self, prefix="<"):
                        return prefix + self.name + ":" + self.kind()


                class Middle(Base):
                    def __init__(self, name, n):
                        super().__init__(name)
                        self.n = n

                    def kind(self):
                        return "middle%d" % self.n

                    def describe(self, prefix="<"):
                        return "M" + super().describe(prefix)


                class Leaf(Middle):
                    def __init__(self, name):
                        super(Leaf, self).__init__(name, 3)

                    def kind(self):
                        return "leaf/" + super().kind()

                    def describe(self, prefix="<"):
                        return "L" + super(Leaf, self).describe("[")


                def entry_point(argv):
                    for o in [Base("b"), Middle("m", 2), Leaf("l")]:
                        print(o.describe())
                        print(o.kind())
                    return 0


                if __name__ == '__main__':
                    import sys
                    sys.exit(entry_point(sys.argv))
                """, """
                <b:base
                base
                M<m:middle2
                middle2
                LM[l:leaf/middle3
                leaf/middle3
                """);
    }

    /** A list of (str, str) pairs built from tuples with a char item, of (instance, int) pairs with a subclass instance, of nested tuples with a narrower inner tuple, and a tuple variable given two tuples. */
    @Test
    void tuplesOfNarrowerItemsAreConvertedItemByItem() throws Exception {
        assertRunsAsCPython("""
                class Animal(object):
                    def __init__(self, name):
                        self.name = name


                class Dog(Animal):
                    pass


                def entry_point(argv):
                    for section, key in [("limits", "timeout"), ("server", "user"), ("nowhere", "x"), ("y", "")]:
                        print(section + "." + key)
                    nums = [(1, 2.5), (3, 4.25)]
                    print(nums)
                    zoo = [(Dog("rex"), 1), (Animal("cat"), 2)]
                    print(zoo[0][0].name + zoo[1][0].name)
                    nested = [((1, "a"), 2.0), ((len(argv), "bc"), 3.5)]
                    print(nested)
                    t = ("a", 1)
                    if len(argv) > 5:
                        t = ("long", 2)
                    print(t)
                    return 0


                if __name__ == '__main__':
                    import sys
                    sys.exit(entry_point(sys.argv))
                """, """
                limits.timeout
                server.user
                nowhere.x
                y.
                [(1, 2.5), (3, 4.25)]
                rexcat
                [((1, 'a'), 2.0), ((1, 'bc'), 3.5)]
                ('a', 1)
                """);
    }

    /** super().m(): a direct call of the parent's graph, never an indirect call through the vtable (which would find the override again). */
    @Test
    void superIsADirectCallOfTheParentsGraph() throws Exception {
        RTyper rtyper = Rtyping.rtyper(dir, """
                class A(object):
                    def f(self):
                        return 1


                class B(A):
                    def f(self):
                        return super().f() + 10


                def entry_point(argv):
                    x = A()
                    if len(argv) > 1:
                        x = B()
                    return x.f()
                """, null);
        LowLevelGraph g = rtyper.graphs().stream().filter(h -> h.name().equals("B.f")).findFirst().orElseThrow();
        List<SpaceOperation> calls = g.graph().iterblocks().stream().flatMap(b -> b.operations.stream())
                .filter(o -> o.op() == LLOp.DIRECT_CALL || o.op() == LLOp.INDIRECT_CALL).toList();
        assertThat(calls).hasSize(1);
        assertThat(calls.getFirst().op()).isEqualTo(LLOp.DIRECT_CALL);
        Object callee = ((LLConstant) ((dev.taipan.flowgraph.flow.Constant) calls.getFirst().args().getFirst()).value()).value();
        assertThat(((LowLevelGraph) callee).name()).isEqualTo("A.f");
    }

    /** A list never resized cannot be appended to, so list() copies the helper's items into it: items stored differently are refused, with the line. */
    @Test
    void listOfCharsIntoAFixedListOfStrsIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("prog.py"), """
                def entry_point(argv):
                    fixed = list("xy")
                    if len(argv) > 3:
                        fixed = ["long"]
                    print(fixed[0])
                    return 0
                """);
        assertThatThrownBy(() -> AsCPython.run(file, true)).isInstanceOf(RTyperError.class)
                .hasMessageContaining("list() of a Ptr(GcStruct rpy_string) whose items are Char")
                .satisfies(e -> assertThat(((RTyperError) e).line).isEqualTo(2));
    }
}
