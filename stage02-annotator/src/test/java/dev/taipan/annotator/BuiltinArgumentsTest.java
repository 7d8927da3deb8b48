package dev.taipan.annotator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Builtins called with what Python would refuse at run time are rejected at the call, in Python's terms. */
class BuiltinArgumentsTest extends ProgramTest {
    /** A function using its four parameters (an int, a str, a list of ints, a list of strs) in one expression. */
    private static final String USE = """
            def use(n, s, xs, words):
                return %s

            def entry_point(argv):
                print(use(len(argv), "abc", [1, 2], ["a"]))
                return 0
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            len(n)                     | len() needs a str, bytes, list, tuple or dict, but gets an int
            len(s, s)                  | len() takes exactly 1 argument but is called with 2
            abs(s)                     | abs() needs a number, but gets a str
            chr(s)                     | chr() needs an int, but gets a str
            range(s)                   | range() needs an int, but gets a str
            range(1, 2, 3, 4)          | range() takes 1 to 3 arguments but is called with 4
            zip(xs, n)                 | zip() needs something iterable (a str, list, tuple, dict or iterator) for its argument 2, but gets an int
            sum(words)                 | sum() adds numbers, but gets a list[str]
            ','.join(xs)               | join() needs strs to join, but gets a list[int]
            s.find(n)                  | find() needs a str, but gets an int
            s.replace('a', n)          | replace() needs a str for its argument 2, but gets an int
            s.upper(1)                 | upper() takes exactly 0 arguments but is called with 1
            xs.insert('a', 1)          | insert() needs an int for its argument 1, but gets a str
            sorted(xs, key=abs)        | sorted() has no keyword argument 'key' in RPy
            sorted(xs, reverse='yes')  | sorted() needs an int for 'reverse', but gets a str
            """)
    void rejected(String call, String message) throws Exception {
        AnnotatorError e = reject(USE.formatted(call));
        assertThat(e).as(call).isNotNull();
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.line).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            len(s) + len(xs) + len(words)
            abs(n) + int(s) + int(2.5) + round(2.5) + ord(s[0])
            s.startswith('a', 1) and s.endswith('c')
            ','.join(words) + s.strip() + s.replace('a', 'b', 1) + s.ljust(5, '.')
            sum(xs) + sum([0.5, 1.5]) + sum(xs, 10) + s.find('b', 1) + s.count('a')
            (sorted(xs, reverse=True), s.split(maxsplit=1) + s.split(None, 1) + s.split(','))
            list(enumerate(words, start=1)) + [(int(s, base=16), s)]
            """)
    void accepted(String call) throws Exception {
        assertThat(annotate(USE.formatted(call))).contains("def use(");
    }

    @org.junit.jupiter.api.Test
    void twoBuiltinsMakingListsOnOneLineMakeTwoLists() throws Exception {
        assertThat(annotate("""
                def entry_point(argv):
                    print(sorted([3, 1]), "a b".split(), dict(), list(argv)); a = dict(); b = dict()
                    a[1] = 2
                    b["x"] = "y"
                    return 0
                """)).contains("def entry_point(argv: list[str]) -> int");
    }
}
