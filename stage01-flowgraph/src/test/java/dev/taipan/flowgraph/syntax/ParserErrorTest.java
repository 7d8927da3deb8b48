package dev.taipan.flowgraph.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.taipan.flowgraph.SourceFile;
import org.junit.jupiter.api.Test;

/**
 * Every error the parser raises, with CPython 3.11's words, class and position (as
 * {@link Pos}: 1-based lines, 0-based columns), and the constructs Taipan rejects as
 * "not supported". {@link ParserDifferentialTest} checks many more against CPython itself.
 */
class ParserErrorTest {

    static SyntaxError error(String source) {
        SyntaxError e = catchThrowableOfType(SyntaxError.class,
                () -> Parser.parse(SourceFile.of("t.py", source)));
        if (e == null) {
            throw new AssertionError("expected a SyntaxError for:\n" + source);
        }
        return e;
    }

    static void assertError(String source, String msg, int line, int col) {
        assertError(source, SyntaxError.Kind.SyntaxError, msg, line, col);
    }

    static void assertError(String source, SyntaxError.Kind kind, String msg, int line, int col) {
        SyntaxError e = error(source);
        assertThat(e.msg()).as(source).isEqualTo(msg);
        assertThat(e.kind()).as(source).isEqualTo(kind);
        assertThat(e.pos().line()).as("line of " + source).isEqualTo(line);
        assertThat(e.pos().col()).as("column of " + source).isEqualTo(col);
    }

    @Test
    void invalidSyntaxAtTheToken() {
        assertError("x = a b", "invalid syntax", 1, 6);
        assertError("a = 1; if x: pass", "invalid syntax", 1, 7);
        assertError("x = 1 +", "invalid syntax", 1, 7);
        assertError("if x:\n  pass\n  else: pass", "invalid syntax", 3, 2);
    }

    @Test
    void missingColonAndBlocks() {
        assertError("if x\n  pass", "expected ':'", 1, 4);
        assertError("def f() -> : pass", "expected ':'", 1, 8);
        assertError("def f:\n  pass", "expected '('", 1, 5);
        var ie = SyntaxError.Kind.IndentationError;
        assertError("if x:\npass", ie, "expected an indented block after 'if' statement on line 1", 2, 0);
        assertError("if x:\n  a\nelif y:\npass", ie, "expected an indented block after 'elif' statement on line 3", 4, 0);
        assertError("if x:\n  a\nelse:\npass", ie, "expected an indented block after 'else' statement on line 3", 4, 0);
        assertError("def f():\nreturn", ie, "expected an indented block after function definition on line 1", 2, 0);
        assertError("class C:\npass", ie, "expected an indented block after class definition on line 1", 2, 0);
        assertError("for x in y:\npass", ie, "expected an indented block after 'for' statement on line 1", 2, 0);
        assertError("while x:\npass", ie, "expected an indented block after 'while' statement on line 1", 2, 0);
        assertError("with a:\npass", ie, "expected an indented block after 'with' statement on line 1", 2, 0);
        assertError("try:\npass", ie, "expected an indented block after 'try' statement on line 1", 2, 0);
        assertError("try:\n  a\nexcept E:\npass", ie, "expected an indented block after 'except' statement on line 3",
                4, 0);
        assertError("try:\n  a\nfinally:\npass", ie,
                "expected an indented block after 'finally' statement on line 3", 4, 0);
        assertError("if x:", ie, "expected an indented block after 'if' statement on line 1", 1, 5);
        assertError("try:\n  pass\nelse:\n  pass", "expected 'except' or 'finally' block", 3, 0);
    }

    @Test
    void indentation() {
        assertError("x = 1\n  y = 2", SyntaxError.Kind.IndentationError, "unexpected indent", 2, 1);
        SyntaxError e = error("if x:\n    a\n  b\n");
        assertThat(e.kind()).isEqualTo(SyntaxError.Kind.IndentationError);
        assertThat(e.msg()).startsWith("unindent does not match");
    }

    @Test
    void invalidAssignmentTargets() {
        assertError("f() = 1", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 0);
        assertError("1 = x", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 0);
        assertError("a + b = 1", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 0);
        assertError("a < b = 1", "cannot assign to comparison", 1, 0);
        assertError("(a, f()) = 1", "cannot assign to function call", 1, 4);
        assertError("x = f() = 1", "cannot assign to function call", 1, 4);
        assertError("[a, 1] = x", "cannot assign to literal", 1, 4);
        assertError("True = 1", "cannot assign to True", 1, 0);
        assertError("None = 1", "cannot assign to None", 1, 0);
        assertError("x = yield = 1", "assignment to yield expression not possible", 1, 4);
        assertError("for f() in y: pass", "cannot assign to function call", 1, 4);
        assertError("with a as f(): pass", "cannot assign to function call", 1, 10);
        assertError("[x for f() in y]", "cannot assign to function call", 1, 7);
    }

    @Test
    void augmentedAnnotatedAndDeleteTargets() {
        assertError("x.y() += 1", "'function call' is an illegal expression for augmented assignment", 1, 0);
        assertError("(a, b) += 1", "'tuple' is an illegal expression for augmented assignment", 1, 0);
        assertError("(a, b): int", "only single target (not tuple) can be annotated", 1, 0);
        assertError("[a]: int", "only single target (not list) can be annotated", 1, 0);
        assertError("f(): int", "illegal target for annotation", 1, 0);
        assertError("del 1", "cannot delete literal", 1, 4);
        assertError("del f(), x", "cannot delete function call", 1, 4);
        assertError("del *a", "cannot delete starred", 1, 4);
    }

    @Test
    void callArguments() {
        assertError("f(a=1, b)", "positional argument follows keyword argument", 1, 7);
        assertError("f(**a, b)", "positional argument follows keyword argument unpacking", 1, 7);
        assertError("f(**a, *b)", "iterable argument unpacking follows keyword argument unpacking", 1, 2);
        assertError("f(x.y=1)", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 2);
        assertError("f(True=1)", "cannot assign to True", 1, 2);
        assertError("f(x for x in y, 1)", "Generator expression must be parenthesized", 1, 2);
    }

    @Test
    void parameters() {
        assertError("def f(a=1, b): pass", "non-default argument follows default argument", 1, 11);
        assertError("def f(*): pass", "named arguments must follow bare *", 1, 6);
        assertError("def f(**k, a): pass", "arguments cannot follow var-keyword argument", 1, 11);
        assertError("def f(/, a): pass", "at least one argument must precede /", 1, 6);
        assertError("lambda a=1, b: 0", "non-default argument follows default argument", 1, 12);
    }

    /** CPython finds these in its symbol table, Taipan already in the parser. */
    @Test
    void duplicateArguments() {
        assertError("def f(x, y, x): pass", "duplicate argument 'x' in function definition", 1, 12);
        assertError("lambda x, *x: 0", "duplicate argument 'x' in function definition", 1, 11);
    }

    @Test
    void hintsForCommonMistakes() {
        assertError("print \"hello\"", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 0);
        assertError("print x, y", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 0);
        assertError("exec code", "Missing parentheses in call to 'exec'. Did you mean exec(...)?", 1, 0);
        assertError("x = [1, 2 3]", "invalid syntax. Perhaps you forgot a comma?", 1, 8);
        assertError("f(a b)", "invalid syntax. Perhaps you forgot a comma?", 1, 2);
        assertError("x = 1 if y", "expected 'else' after 'if' expression", 1, 4);
        assertError("if x = 1: pass", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 3);
        assertError("x = (1, f() = 2)", "cannot assign to function call here. Maybe you meant '==' instead of '='?",
                1, 8);
        assertError("try:\n  a\nexcept A, B:\n  b", "multiple exception types must be parenthesized", 3, 7);
        assertError("from m import a,", "trailing comma not allowed without surrounding parentheses", 1, 16);
        assertError("x = {1: 2, 3}", "':' expected after dictionary key", 1, 11);
        assertError("(*x)", "cannot use starred expression here", 1, 1);
        assertError("[*a for a in b]", "iterable unpacking cannot be used in comprehension", 1, 1);
    }

    @Test
    void strings() {
        assertError("'a' b'b'", "cannot mix bytes and nonbytes literals", 1, 0);
        assertError("f'{}'", "f-string: empty expression not allowed", 1, 3);
        assertError("f'{x}}'", "f-string: single '}' is not allowed", 1, 5);
        assertError("f'{x'", "f-string: expecting '}'", 1, 4);
        assertError("f'{x!z}'", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 5);
        assertError("f'{x:{y:{z}}}'", "f-string: expressions nested too deeply", 1, 8);
        assertError("f'{a b}'", "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 3);
        assertError("x = 1\nf'''\n{a +}'''", "f-string: invalid syntax", 3, 4);
        assertError("f'{a\\n}'", "f-string expression part cannot include a backslash", 1, 4);
    }

    @Test
    void unsupportedConstructs() {
        assertUnsupported("async def f(): pass", "async def", 1, 0);
        assertUnsupported("def f():\n    async with a: pass", "async with", 2, 4);
        assertUnsupported("def f():\n    async for x in y: pass", "async for", 2, 4);
        assertUnsupported("@d\nasync def f(): pass", "async def", 2, 0);
        assertUnsupported("x = await y", "await", 1, 4);
        assertUnsupported("[x async for x in y]", "asynchronous comprehension", 1, 3);
        assertUnsupported("match x:\n    case 1: pass", "match statement", 1, 0);
        assertUnsupported("if (n := 10) > 5: pass", "assignment expression ':='", 1, 6);
        assertUnsupported("f(y := 1)", "assignment expression ':='", 1, 4);
        assertUnsupported("a @ b", "matrix multiplication operator '@'", 1, 2);
        assertUnsupported("a @= b", "matrix multiplication operator '@='", 1, 2);
        assertUnsupported("try:\n  a\nexcept* E:\n  b", "except*", 3, 0);
        assertUnsupported("type X = int", "type alias statement", 1, 0);
    }

    static void assertUnsupported(String source, String construct, int line, int col) {
        assertError(source, "not supported by Taipan: " + construct, line, col);
    }

    @Test
    void renderQuotesTheLine() {
        assertThat(error("x = g(1, f() = 2)").render()).isEqualTo(
                "t.py:1:10: SyntaxError: expression cannot contain assignment, perhaps you meant \"==\"?\n"
                        + "    x = g(1, f() = 2)\n"
                        + "             ^^^^^");
    }
}
