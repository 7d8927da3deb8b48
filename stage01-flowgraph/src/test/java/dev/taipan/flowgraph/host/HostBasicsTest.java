package dev.taipan.flowgraph.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostBasicsTest {
    @TempDir
    Path dir;

    private String out(String program) {
        HostRun r = HostRun.run(dir, program);
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        return r.out();
    }

    @Test
    void printsValuesWithSepEndAndFile() {
        HostRun r = HostRun.run(dir, """
                import sys
                print(1, "a", None, True, 2.5, [1, 'x'], (1,), {'k': (2, 3)})
                print("a", "b", sep="-", end="!\\n")
                print("to stderr", file=sys.stderr)
                print()
                sys.stdout.write("raw\\n")
                """);
        assertThat(r.out()).isEqualTo("1 a None True 2.5 [1, 'x'] (1,) {'k': (2, 3)}\na-b!\n\nraw\n");
        assertThat(r.err()).isEqualTo("to stderr\n");
    }

    @Test
    void controlFlow() {
        assertThat(out("""
                total = 0
                i = 0
                while True:
                    i += 1
                    if i % 2 == 0:
                        continue
                    if i > 9:
                        break
                    total += i
                else:
                    total = -1
                for j in range(3):
                    pass
                else:
                    total += 100
                print(total, j, 1 < 2 < 3, 1 < 3 < 2, 0 or "x", 1 and 0, not [])
                """)).isEqualTo("125 2 True False x 0 True\n");
    }

    @Test
    void functionsAndRecursion() {
        assertThat(out("""
                def fib(n):
                    return n if n < 2 else fib(n - 1) + fib(n - 2)
                def fact(n):
                    return 1 if n == 0 else n * fact(n - 1)
                print(fib(20), fact(25))
                """)).isEqualTo("6765 15511210043330985984000000\n");
    }

    @Test
    void stringsAndFStrings() {
        assertThat(out("""
                s = "Hello, World"
                print(s[0], s[-1], s[2:5], s[::-1], len(s), "lo" in s, s.upper(), s.split(", "))
                name = "x"
                print(f"{name!r}:{3.14159:.2f}|{42:>5}|{'ab':*^6}|{255:#x}|{1234567:,}")
                print("%s=%d (%5.1f) %r %x %%" % ("a", 7, 2.25, "q", 255))
                print("{} and {name}".format(1, name="two"), "-".join(["a", "b", "c"]))
                """)).isEqualTo("""
                H d llo dlroW ,olleH 12 True HELLO, WORLD ['Hello', 'World']
                'x':3.14|   42|**ab**|0xff|1,234,567
                a=7 (  2.2) 'q' ff %
                1 and two a-b-c
                """.stripLeading());
    }

    @Test
    void comprehensionsAndUnpacking() {
        assertThat(out("""
                squares = [x * x for x in range(6) if x % 2 == 0]
                pairs = {k: v for k, v in zip("abc", range(3))}
                s = {c for c in "hello"}
                a, *rest, b = range(5)
                (x, y), z = (1, 2), 3
                print(squares, pairs, sorted(s), a, rest, b, x, y, z)
                print([[i * j for j in range(3)] for i in range(2)], sum(i for i in range(10)))
                """)).isEqualTo("[0, 4, 16] {'a': 0, 'b': 1, 'c': 2} ['e', 'h', 'l', 'o'] 0 [1, 2, 3] 4 1 2 3\n"
                + "[[0, 0, 0], [0, 1, 2]] 45\n");
    }

    @Test
    void globalAndNonlocal() {
        assertThat(out("""
                counter = 0
                def bump():
                    global counter
                    counter += 1
                def make():
                    n = 0
                    def inc():
                        nonlocal n
                        n += 1
                        return n
                    return inc
                bump(); bump()
                f = make()
                f(); f()
                print(counter, f(), [g() for g in [lambda i=i: i * 10 for i in range(3)]])
                """)).isEqualTo("2 3 [0, 10, 20]\n");
    }

    @Test
    void deleteAndAssert() {
        HostRun r = HostRun.run(dir, """
                x = 1
                del x
                d = {'a': 1, 'b': 2}
                del d['a']
                l = [1, 2, 3, 4]
                del l[1:3]
                print(d, l)
                assert l == [1, 4], "fine"
                assert len(l) == 3, "length is %d" % len(l)
                """);
        assertThat(r.out()).isEqualTo("{'b': 2} [1, 4]\n");
        assertThat(r.lastErrLine()).isEqualTo("AssertionError: length is 2");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void withStatementCallsEnterAndExit() {
        assertThat(out("""
                class CM:
                    def __init__(self, name):
                        self.name = name
                    def __enter__(self):
                        print("enter", self.name)
                        return self.name.upper()
                    def __exit__(self, t, v, tb):
                        print("exit", self.name, t.__name__ if t else None, v)
                        return t is KeyError
                with CM("a") as x, CM("b") as y:
                    print(x, y)
                with CM("c"):
                    raise KeyError("swallowed")
                print("after")
                """)).isEqualTo("enter a\nenter b\nA B\nexit b None None\nexit a None None\n"
                + "enter c\nexit c KeyError 'swallowed'\nafter\n");
    }

    /** FOR_ITER steps list and range iterators inline, and fuses int comparisons with branches. */
    @Test
    void loopFastPathsKeepPythonSemantics() {
        assertThat(out("""
                l = [1]
                it = iter(l)
                print(list(it))
                l.append(2)
                print(list(it))
                l2 = [1, 2]
                for x in l2:
                    if len(l2) < 5:
                        l2.append(x * 10)
                print(l2)
                r = iter(range(2))
                print(next(r), next(r), next(r, "end"), list(r))
                n = 0
                for i in range(10 ** 6, 10 ** 6 + 3):
                    n += i if i > 1000001 else -i
                print(n, [i for i in range(-3, 3) if not -2 < i <= 1])
                """)).isEqualTo("""
                [1]
                []
                [1, 2, 10, 20, 100]
                0 1 end []
                -999999 [-3, -2, 2]
                """);
    }

    /** with/finally on every exit path, class-body scoping, del, generator close and throw. */
    @Test
    void exitPathsScopesAndGeneratorCleanupMatchCPython() {
        assertThat(out("""
                class CM:
                    def __init__(self, n): self.n = n
                    def __enter__(self): print("enter", self.n); return self
                    def __exit__(self, *a): print("exit", self.n, a[0].__name__ if a[0] else None); return False
                def f():
                    with CM(1):
                        with CM(2):
                            return "ret"
                print(f())
                def g():
                    for i in range(3):
                        with CM(i):
                            if i == 1:
                                continue
                            if i == 2:
                                break
                    return i
                print(g())
                try:
                    with CM(9):
                        raise KeyError("k")
                except KeyError as e:
                    print("caught", repr(e))
                class Outer:
                    x = 10
                    ys = [x * 2 for _ in range(2)] if False else None
                    def m(self):
                        try:
                            return x
                        except NameError as e:
                            return str(e)
                print(Outer().m())
                class K:
                    vals = [1, 2]
                    doubled = [v * 2 for v in vals]
                print(K.doubled)
                def counter():
                    c = 0
                    def inc():
                        nonlocal c
                        c += 1
                        return [c for _ in range(2)]
                    return inc
                i = counter()
                i()
                print(i())
                a = 1
                del a
                try:
                    a
                except NameError as e:
                    print(e)
                x = [1, 2, 3]
                del x[0], x[-1]
                print(x)
                d = {"a": {"b": 1}}
                del d["a"]["b"]
                print(d)
                def gen():
                    try:
                        yield 1
                        yield 2
                    except GeneratorExit:
                        print("exit seen")
                        raise
                g2 = gen()
                next(g2)
                g2.close()
                print("closed")
                def swallow():
                    while True:
                        try:
                            yield
                        except ValueError:
                            print("swallowed")
                s = swallow(); next(s); s.throw(ValueError); print("alive")
                try:
                    raise ValueError("outer")
                except ValueError:
                    try:
                        raise TypeError("inner")
                    except TypeError as t:
                        print(repr(t.__context__))
                e = None
                try:
                    1/0
                except ZeroDivisionError as e:
                    pass
                try:
                    print(e)
                except NameError as ne:
                    print("NameError", ne)
                """)).isEqualTo("""
                enter 1
                enter 2
                exit 2 None
                exit 1 None
                ret
                enter 0
                exit 0 None
                enter 1
                exit 1 None
                enter 2
                exit 2 None
                2
                enter 9
                exit 9 KeyError
                caught KeyError('k')
                name 'x' is not defined
                [2, 4]
                [2, 2]
                name 'a' is not defined
                [2]
                {'a': {}}
                exit seen
                closed
                swallowed
                alive
                ValueError('outer')
                NameError name 'e' is not defined
                """);
    }
}
