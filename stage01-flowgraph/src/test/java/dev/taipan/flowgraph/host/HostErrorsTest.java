package dev.taipan.flowgraph.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Uncaught exceptions: CPython's messages, traceback layout, chaining, exit status. */
class HostErrorsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            undefined_name                          | NameError: name 'undefined_name' is not defined
            (1).foo                                 | AttributeError: 'int' object has no attribute 'foo'
            1 + 'a'                                 | TypeError: unsupported operand type(s) for +: 'int' and 'str'
            'a' + 1                                 | `TypeError: can only concatenate str (not "int") to str`
            [1] * 'x'                               | TypeError: can't multiply sequence by non-int of type 'str'
            1 / 0                                   | ZeroDivisionError: division by zero
            1 // 0                                  | ZeroDivisionError: integer division or modulo by zero
            1 % 0                                   | ZeroDivisionError: integer modulo by zero
            divmod(1, 0)                            | ZeroDivisionError: integer division or modulo by zero
            divmod(1.5, 0)                          | ZeroDivisionError: float divmod()
            5 % 0.0                                 | ZeroDivisionError: float modulo
            prnt(1)                                 | NameError: name 'prnt' is not defined. Did you mean: 'print'?
            [].apend(1)                             | AttributeError: 'list' object has no attribute 'apend'. Did you mean: 'append'?
            import math; math.sqr(4)                | AttributeError: module 'math' has no attribute 'sqr'. Did you mean: 'sqrt'?
            value = 1; print(valeu)                 | NameError: name 'valeu' is not defined. Did you mean: 'value'?
            may                                     | NameError: name 'may' is not defined. Did you mean: 'max'?
            'x'.strip(5)                            | TypeError: strip arg must be None or str
            'x'.split(5)                            | TypeError: must be str or None, not int
            sorted([], reverse=[])                  | TypeError: 'list' object cannot be interpreted as an integer
            [].append(*5)                           | TypeError: list.append() argument after * must be an iterable, not int
            def g(): pass\\ng(**5)                  | TypeError: __main__.g() argument after ** must be a mapping, not int
            [*5]                                    | TypeError: Value after * must be an iterable, not int
            {**5}                                   | TypeError: 'int' object is not a mapping
            import sys; sys.stdout.wrjte            | AttributeError: '_io.TextIOWrapper' object has no attribute 'wrjte'. Did you mean: 'write'?
            1.0 / 0                                 | ZeroDivisionError: float division by zero
            [1, 2][5]                               | IndexError: list index out of range
            (1, 2)[5]                               | IndexError: tuple index out of range
            'ab'[5]                                 | IndexError: string index out of range
            {'a': 1}['k']                           | KeyError: 'k'
            {}[(1, 'x')]                            | KeyError: (1, 'x')
            None()                                  | TypeError: 'NoneType' object is not callable
            len(5)                                  | TypeError: object of type 'int' has no len()
            iter(5)                                 | TypeError: 'int' object is not iterable
            5[0]                                    | TypeError: 'int' object is not subscriptable
            {}[[1]]                                 | TypeError: unhashable type: 'list'
            int('12x')                              | ValueError: invalid literal for int() with base 10: '12x'
            float('nope')                           | ValueError: could not convert string to float: 'nope'
            [].pop()                                | IndexError: pop from empty list
            [1].index(2)                            | ValueError: 2 is not in list
            1 < 'a'                                 | TypeError: '<' not supported between instances of 'int' and 'str'
            a, b = [1, 2, 3]                        | ValueError: too many values to unpack (expected 2)
            a, b, c = [1, 2]                        | ValueError: not enough values to unpack (expected 3, got 2)
            import nosuchmodule                     | ModuleNotFoundError: No module named 'nosuchmodule'
            from math import nosuch                 | `ImportError: cannot import name 'nosuch' from 'math' (unknown location)`
            raise ValueError                        | ValueError
            raise ValueError('a', 2)                | ValueError: ('a', 2)
            chr(-1)                                 | ValueError: chr() arg not in range(0x110000)
            max([])                                 | ValueError: max() arg is an empty sequence
            -(2 ** 63) // -1 and 1 << -1            | ValueError: negative shift count
            import math; math.sqrt(-1)              | ValueError: math domain error
            'x'.join([1])                           | TypeError: sequence item 0: expected str instance, int found
            x = {1}; x += {2}                       | TypeError: unsupported operand type(s) for +=: 'set' and 'set'
            x = 'a'; x += 1                         | `TypeError: can only concatenate str (not "int") to str`
            list.append(5, 1)                       | TypeError: descriptor 'append' for 'list' objects doesn't apply to a 'int' object
            str.upper()                             | TypeError: unbound method str.upper() needs an argument
            def f(): pass\\nf.__defaults__ = [1]    | TypeError: __defaults__ must be set to a tuple object
            """)
    void builtinErrorMessages(String statement, String lastLine) {
        HostRun r = HostRun.run(dir, statement.replace("\\n", "\n") + "\n");
        assertThat(r.lastErrLine()).isEqualTo(lastLine);
        assertThat(r.status()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            f(1, 2, 3)       | TypeError: f() takes 2 positional arguments but 3 were given
            f(1)             | TypeError: f() missing 1 required positional argument: 'b'
            f()              | TypeError: f() missing 2 required positional arguments: 'a' and 'b'
            f(1, 2, z=3)     | TypeError: f() got an unexpected keyword argument 'z'
            f(1, a=1)        | TypeError: f() got multiple values for argument 'a'
            g()              | TypeError: g() missing 3 required positional arguments: 'x', 'y', and 'z'
            h(1, 2, 3)       | TypeError: h() takes from 1 to 2 positional arguments but 3 were given
            k(1)             | TypeError: k() missing 1 required keyword-only argument: 'key'
            C().m(1)         | TypeError: C.m() takes 1 positional argument but 2 were given
            C(1)             | TypeError: C() takes no arguments
            """)
    void argumentErrors(String call, String lastLine) {
        HostRun r = HostRun.run(dir, """
                def f(a, b): pass
                def g(x, y, z): pass
                def h(a, b=2): pass
                def k(a, *, key): pass
                class C:
                    def m(self): pass
                """ + call + "\n");
        assertThat(r.lastErrLine()).isEqualTo(lastLine);
    }

    @Test
    void tracebackLikeCPython() {
        HostRun r = HostRun.run(dir, """
                def inner(x):
                    return 10 // x

                def outer():
                    return inner(0)

                outer()
                """);
        String file = dir.resolve("prog.py").toString();
        assertThat(r.err()).isEqualTo("""
                Traceback (most recent call last):
                  File "%1$s", line 7, in <module>
                    outer()
                  File "%1$s", line 5, in outer
                    return inner(0)
                  File "%1$s", line 2, in inner
                    return 10 // x
                ZeroDivisionError: integer division or modulo by zero
                """.formatted(file));
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void chainedExceptionsPrintBothTracebacks() {
        HostRun r = HostRun.run(dir, """
                class ConfigError(Exception):
                    pass
                try:
                    {}['key']
                except KeyError as e:
                    raise ConfigError("missing key") from e
                """);
        assertThat(r.err()).contains("KeyError: 'key'\n\nThe above exception was the direct cause of the following exception:\n\n"
                + "Traceback (most recent call last):\n");
        assertThat(r.lastErrLine()).isEqualTo("ConfigError: missing key");

        HostRun r2 = HostRun.run(dir, """
                try:
                    1 / 0
                except ZeroDivisionError:
                    undefined
                """);
        assertThat(r2.err()).startsWith("Traceback (most recent call last):\n")
                .contains("ZeroDivisionError: division by zero\n\nDuring handling of the above exception, another exception "
                        + "occurred:\n\n")
                .endsWith("NameError: name 'undefined' is not defined\n");
    }

    @Test
    void unboundLocalUsesThe311Wording() {
        HostRun r = HostRun.run(dir, """
                def f():
                    print(x)
                    x = 1
                f()
                """);
        assertThat(r.lastErrLine()).isEqualTo(
                "UnboundLocalError: cannot access local variable 'x' where it is not associated with a value");
    }

    @Test
    void deepRecursionIsARecursionErrorWithFoldedTraceback() {
        HostRun r = HostRun.run(dir, """
                def down(n):
                    return down(n + 1)
                down(0)
                """);
        assertThat(r.lastErrLine()).isEqualTo("RecursionError: maximum recursion depth exceeded");
        assertThat(r.err()).containsPattern("\\[Previous line repeated \\d+ more times\\]");
        assertThat(r.err().lines().count()).isLessThan(20);
    }

    @Test
    void syntaxErrorIsPrintedLikeCPython() {
        HostRun r = HostRun.run(dir, "x = 1\ny = (x +\n");
        assertThat(r.err()).isEqualTo("  File \"" + dir.resolve("prog.py") + "\", line 2\n    y = (x +\n        ^\n"
                + "SyntaxError: '(' was never closed\n");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void syntaxErrorInAnImportedModuleShowsTheImport() {
        HostRun r = HostRun.run(dir, "import broken\n", java.util.Map.of("broken.py", "def f(:\n"),
                java.util.List.of(), "");
        assertThat(r.err()).startsWith("Traceback (most recent call last):\n")
                .contains("    import broken\n  File \"" + dir.resolve("broken.py") + "\", line 1\n");
        assertThat(r.lastErrLine()).startsWith("SyntaxError: ");
    }

    @Test
    void systemExitGivesItsStatusOrMessage() {
        assertThat(HostRun.run(dir, "import sys\nprint('x')\nsys.exit(4)\n").status()).isEqualTo(4);
        assertThat(HostRun.run(dir, "import sys\nsys.exit()\n").status()).isZero();
        HostRun r = HostRun.run(dir, "import sys\nsys.exit('bad input')\n");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("bad input\n");
    }

    @Test
    void userExceptionsFromImportedModulesAreQualified() {
        HostRun r = HostRun.run(dir, "import errs\nraise errs.Boom('x')\n",
                java.util.Map.of("errs.py", "class Boom(Exception):\n    pass\n"), java.util.List.of(), "");
        assertThat(r.lastErrLine()).isEqualTo("errs.Boom: x");
    }

    @Test
    void entryPointProgramsExitWithItsResultAndNameTheirExceptionsBare() {
        HostRun ok = HostRun.run(dir, """
                import sys
                def entry_point(argv):
                    print(argv[1:])
                    return len(argv)
                if __name__ == '__main__':
                    print("not run")
                """, java.util.Map.of(), java.util.List.of("a", "b"), "");
        assertThat(ok.out()).isEqualTo("['a', 'b']\n");
        assertThat(ok.status()).isEqualTo(3);

        HostRun bad = HostRun.run(dir, """
                class Oops(Exception):
                    pass
                def entry_point(argv):
                    raise Oops("no")
                """);
        assertThat(bad.lastErrLine()).isEqualTo("Oops: no");
        assertThat(bad.status()).isEqualTo(1);

        HostRun decorated = HostRun.run(dir, """
                def deco(f):
                    return f

                @deco
                def entry_point(argv):
                    print("decorated")
                    return 5
                """);
        assertThat(decorated.out()).isEqualTo("decorated\n");
        assertThat(decorated.status()).isEqualTo(5);
    }
}
