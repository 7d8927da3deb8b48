package dev.taipan.flowgraph.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * What RPython forbids in translated code, each reported as a {@link FlowingError} at the
 * offending line, with the source line, what is wrong and why, in Python's words. Each program
 * is fine Python: it imports, and only flowing {@code f} fails.
 */
class FlowErrorTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            yield                 | def f(n):¶    yield n¶                                                     | 1 | generator function f() (it uses yield)
            global assignment     | COUNT = 0¶def f(n):¶    global COUNT¶    COUNT = n¶                      | 4 | assignment to module global 'COUNT'
            exec                  | def f(s):¶    exec(s)¶                                                     | 2 | call to exec()
            eval                  | def f(s):¶    return eval(s)¶                                              | 2 | call to eval()
            nested def            | def f(n):¶    def g():¶        return n¶    return g¶                       | 2 | function definition executed at run time
            lambda                | def f(n):¶    return lambda: n¶                                            | 2 | function definition executed at run time
            class at run time     | def f(n):¶    class C:¶        pass¶    return C¶                         | 2 | class definition executed at run time
            star-args             | def g(*a):¶    return a¶def f(t):¶    return g(*t, 1)¶                     | 4 | call with *args or **kwargs of unknown length
            undefined global      | def f(n):¶    return n + UNDEFINED¶                                        | 2 | global name 'UNDEFINED' is not defined
            nonlocal assignment   | def make():¶    x = 0¶    def f(n):¶        nonlocal x¶        x = n¶    return f¶f = make()¶ | 5 | assignment to the closure variable 'x' (nonlocal)
            class attribute store | class C:¶    n = 0¶def f(v):¶    C.n = v¶                                   | 4 | assignment to attribute 'n' of class C
            with statement        | def f(m):¶    with m:¶        pass¶                                        | 2 | 'with' statement
            maybe-unbound local   | def f(c):¶    if c:¶        y = 1¶    return y¶                             | 4 | local variable 'y' may be used before it is assigned
            starred assignment    | def f(t):¶    a, *b = t¶    return a¶                                     | 2 | starred assignment (a, *b = ...)
            """)
    void forbiddenConstruct(String name, String program, int line, String what) {
        Flowing f = new Flowing(dir, program.replace("¶", "\n"));
        FlowingError e = catchThrowableOfType(FlowingError.class, () -> f.graph("f"));
        assertThat(e).as(name).isNotNull();
        assertThat(e.what()).isEqualTo(what);
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.why()).isNotBlank();
        String sourceLine = program.split("¶")[line - 1].strip();
        assertThat(e.render()).startsWith(dir.resolve("prog.py") + ":" + line + ": FlowingError: " + what)
                .contains("\n    " + sourceLine + "\n");
    }
}
