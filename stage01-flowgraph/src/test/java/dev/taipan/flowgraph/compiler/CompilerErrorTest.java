package dev.taipan.flowgraph.compiler;

import static dev.taipan.flowgraph.compiler.CompilerTestSupport.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.syntax.SyntaxError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Compile-time errors: CPython's words, at CPython's positions (line, 1-based column). */
class CompilerErrorTest {

    private static void assertError(String source, String message, int line, int column) {
        SyntaxError e = error(source);
        assertThat(e.msg()).isEqualTo(message);
        assertThat(e.pos().line()).as("line").isEqualTo(line);
        assertThat(e.pos().col() + 1).as("column").isEqualTo(column);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            return 1                                            | 'return' outside function           | 1 | 1
            class C:\\n    return                               | 'return' outside function           | 2 | 5
            break                                               | 'break' outside loop                | 1 | 1
            while x:\\n    def f():\\n        break             | 'break' outside loop                | 3 | 9
            for x in y:\\n    class C:\\n        continue       | 'continue' not properly in loop     | 3 | 9
            if x:\\n  continue                                  | 'continue' not properly in loop     | 2 | 3
            yield 1                                             | 'yield' outside function            | 1 | 1
            class C:\\n    x = yield                            | 'yield' outside function            | 2 | 9
            def f():\\n    return [(yield x) for x in y]        | 'yield' inside list comprehension   | 2 | 14
            def f():\\n    return {(yield x) for x in y}        | 'yield' inside set comprehension    | 2 | 14
            def f():\\n    return ((yield x) for x in y)        | 'yield' inside generator expression | 2 | 14
            nonlocal x                                          | nonlocal declaration not allowed at module level | 1 | 1
            def f():\\n    nonlocal x                           | no binding for nonlocal 'x' found   | 2 | 5
            x = 1\\ndef f():\\n    nonlocal x                   | no binding for nonlocal 'x' found   | 3 | 5
            def f():\\n    class C:\\n        x = 1\\n        def g():\\n            nonlocal x | no binding for nonlocal 'x' found | 5 | 13
            def f():\\n    print(x)\\n    global x              | name 'x' is used prior to global declaration | 3 | 5
            def f():\\n    x = 1\\n    global x                 | name 'x' is assigned to before global declaration | 3 | 5
            def f(x):\\n    global x                            | name 'x' is parameter and global    | 2 | 5
            def f(x):\\n    def g():\\n        nonlocal x\\n    def h(y):\\n        nonlocal y | name 'y' is parameter and nonlocal | 5 | 9
            def f():\\n    x = 1\\n    def g():\\n        x\\n        nonlocal x | name 'x' is used prior to nonlocal declaration | 5 | 9
            def f():\\n    x = 1\\n    def g():\\n        global x\\n        nonlocal x | name 'x' is nonlocal and global | 5 | 9
            def f(a, b, a):\\n    pass                         | duplicate argument 'a' in function definition | 1 | 13
            f = lambda a, *a: 0                                 | duplicate argument 'a' in function definition | 1 | 16
            def f():\\n    from m import *                      | import * only allowed at module level | 2 | 5
            """)
    void scopeAndControlFlowErrors(String source, String message, int line, int column) {
        assertError(source.replace("\\n", "\n"), message, line, column);
    }

    @Test
    void starredAssignmentTargetMustBeInAListOrTuple() {
        SyntaxError e = error("*a = b\n");
        assertThat(e.msg()).isEqualTo("starred assignment target must be in a list or tuple");
        assertThat(e.pos().line()).isEqualTo(1);
    }

    @Test
    void multipleStarredExpressionsInAssignment() {
        SyntaxError e = error("a, *b, *c = d\n");
        assertThat(e.msg()).isEqualTo("multiple starred expressions in assignment");
    }

    @Test
    void tooManyExpressionsInStarUnpacking() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 256; i++) {
            sb.append("a").append(i).append(", ");
        }
        SyntaxError e = error(sb + "*rest = x\n");
        assertThat(e.msg()).isEqualTo("too many expressions in star-unpacking assignment");
        assertThat(e.pos().line()).isEqualTo(1);
    }

    @Test
    void starredExpressionInAPlainExpression() {
        SyntaxError e = error("x = *a\n");
        assertThat(e.msg()).isIn("can't use starred expression here");
    }

    @Test
    void repeatedKeywordArgument() {
        SyntaxError e = error("f(a=1, a=2)\n");
        assertThat(e.msg()).isEqualTo("keyword argument repeated: a");
        assertThat(e.pos().line()).isEqualTo(1);
        assertThat(e.pos().col() + 1).isEqualTo(8);
    }

    @Test
    void defaultExceptMustBeLast() {
        SyntaxError e = error("try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n");
        assertThat(e.msg()).isEqualTo("default 'except:' must be last");
        assertThat(e.pos().line()).isEqualTo(3);
    }

    @Test
    void errorsRenderLikeCPython() {
        SyntaxError e = error("def f():\n    pass\nreturn 1\n");
        assertThat(e.render()).isEqualTo("""
                test.py:3:1: SyntaxError: 'return' outside function
                    return 1
                    ^^^^^^^^""");
    }
}
