package dev.taipan.flowgraph.syntax;

import static dev.taipan.flowgraph.syntax.LexerFixtures.error;
import static dev.taipan.flowgraph.syntax.LexerFixtures.pos;
import static dev.taipan.flowgraph.syntax.LexerFixtures.spell;
import static dev.taipan.flowgraph.syntax.LexerFixtures.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.syntax.SyntaxError.Kind;
import org.junit.jupiter.api.Test;

/** Lexical errors: CPython 3.11's exception class, words and caret position. */
class LexerErrorTest {

    @Test
    void unindentToNoOuterLevel() {
        SyntaxError e = error("if x:\n    a\n  bcd = 5\n");
        assertThat(e.kind()).isEqualTo(Kind.IndentationError);
        assertThat(e.msg()).isEqualTo("unindent does not match any outer indentation level");
        assertThat(e.pos()).as("CPython's caret: end of the line").isEqualTo(pos(3, 9, 3, 10));
    }

    @Test
    void unexpectedIndentIsLeftToTheParser() {
        assertThat(spell("x = 1\n  y = 2\n")).containsSubsequence("NEWLINE", "INDENT", "NAME y");
    }

    @Test
    void tabsInconsistentWithSpaces() {
        // tab vs 8 spaces: equal with tab size 8, unequal with tab size 1
        SyntaxError e = error("if x:\n\ta\n        b\n");
        assertThat(e.kind()).isEqualTo(Kind.TabError);
        assertThat(e.msg()).isEqualTo("inconsistent use of tabs and spaces in indentation");
        assertThat(e.pos()).isEqualTo(pos(3, 0, 3, 1));
        // 8 spaces then a tab: a dedent with tab size 8 only
        assertThat(error("if x:\n        a\n\tb\n").kind()).isEqualTo(Kind.TabError);
        // "  \t" indents deeper than "\t" with tab size 1 but not with tab size 8
        assertThat(error("if x:\n  \ty\n\tz\n").kind()).isEqualTo(Kind.TabError);
        // an indent with tab size 8 but not with tab size 1
        assertThat(error("if x:\n       a\n\tb\n").kind()).isEqualTo(Kind.TabError);
    }

    @Test
    void tooDeepIndentation() {
        assertThat(spell(nestedIfs(99))).as("99 levels are fine").contains("NAME pass");
        SyntaxError e = error(nestedIfs(100));
        assertThat(e.kind()).isEqualTo(Kind.IndentationError);
        assertThat(e.msg()).isEqualTo("too many levels of indentation");
        assertThat(e.pos()).isEqualTo(pos(101, 0, 101, 1));
    }

    private static String nestedIfs(int levels) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < levels; i++) {
            sb.append(" ".repeat(i)).append("if x:\n");
        }
        return sb.append(" ".repeat(levels)).append("pass\n").toString();
    }

    @Test
    void unmatchedClosingBracket() {
        SyntaxError e = error("x = 1)\n");
        assertThat(e.msg()).isEqualTo("unmatched ')'");
        assertThat(e.pos()).isEqualTo(pos(1, 5, 1, 6));
        assertThat(error("}").msg()).isEqualTo("unmatched '}'");
    }

    @Test
    void mismatchedClosingBracket() {
        SyntaxError same = error("x = (1]\n");
        assertThat(same.msg()).isEqualTo("closing parenthesis ']' does not match opening parenthesis '('");
        assertThat(same.pos()).isEqualTo(pos(1, 6, 1, 7));

        SyntaxError other = error("x = [1,\n2)\n");
        assertThat(other.msg())
                .isEqualTo("closing parenthesis ')' does not match opening parenthesis '[' on line 1");
        assertThat(other.pos()).isEqualTo(pos(2, 1, 2, 2));

        assertThat(error("f(a, [b}\n").msg())
                .isEqualTo("closing parenthesis '}' does not match opening parenthesis '['");
    }

    @Test
    void bracketNeverClosedPointsAtTheInnermostOpener() {
        SyntaxError e = error("x = (1 +\n");
        assertThat(e.msg()).isEqualTo("'(' was never closed");
        assertThat(e.pos()).isEqualTo(pos(1, 4, 1, 5));

        SyntaxError inner = error("x = [\n  {1: (2,\n\n");
        assertThat(inner.msg()).isEqualTo("'(' was never closed");
        assertThat(inner.pos()).isEqualTo(pos(2, 6, 2, 7));

        assertThat(error("x = (1 + \\\n").msg()).isEqualTo("'(' was never closed");
    }

    @Test
    void tooManyNestedParentheses() {
        SyntaxError e = error("(".repeat(201));
        assertThat(e.msg()).isEqualTo("too many nested parentheses");
        assertThat(e.pos()).isEqualTo(pos(1, 200, 1, 201));
    }

    @Test
    void characterAfterLineContinuation() {
        SyntaxError e = error("a \\ b\n");
        assertThat(e.msg()).isEqualTo("unexpected character after line continuation character");
        assertThat(e.pos()).isEqualTo(pos(1, 3, 1, 4));
    }

    @Test
    void lineContinuationAtEndOfFile() {
        SyntaxError e = error("x = 1 \\\n");
        assertThat(e.msg()).isEqualTo("unexpected EOF while parsing");
        assertThat(e.pos()).isEqualTo(pos(1, 7, 1, 8));
        assertThat(error("\\").msg()).isEqualTo("unexpected EOF while parsing");
    }

    @Test
    void invalidCharacters() {
        SyntaxError euro = error("x = 1 + é€\n");
        assertThat(euro.msg()).isEqualTo("invalid character '€' (U+20AC)");
        assertThat(euro.pos()).isEqualTo(pos(1, 9, 1, 10));
        assertThat(error("€").msg()).isEqualTo("invalid character '€' (U+20AC)");

        SyntaxError nbsp = error("x =\u00a01\n");
        assertThat(nbsp.msg()).isEqualTo("invalid non-printable character U+00A0");
        assertThat(nbsp.pos()).isEqualTo(pos(1, 3, 1, 4));
        assertThat(error("a\u200b = 1").msg()).isEqualTo("invalid non-printable character U+200B");
        assertThat(error("x = 1\u000b").msg()).isEqualTo("invalid non-printable character U+000B");
    }

    @Test
    void supplementaryCharacterInName() {
        SyntaxError e = error("x\uD83D\uDE00 = 1\n");
        assertThat(e.msg()).isEqualTo("invalid character '\uD83D\uDE00' (U+1F600)");
        assertThat(e.pos()).isEqualTo(pos(1, 1, 1, 3));
    }

    @Test
    void strayPunctuationIsInvalidSyntax() {
        for (String bad : new String[] {"$", "?", "`", "!"}) {
            SyntaxError e = error("a " + bad + " b\n");
            assertThat(e.msg()).as(bad).isEqualTo("invalid syntax");
            assertThat(e.pos()).as(bad).isEqualTo(pos(1, 2, 1, 3));
        }
        SyntaxError barry = error("a <> b\n");
        assertThat(barry.msg()).isEqualTo("invalid syntax");
        assertThat(barry.pos()).isEqualTo(pos(1, 2, 1, 4));
        assertThat(spell("a != b")).contains("OP !=");
    }

    @Test
    void nullBytes() {
        SyntaxError e = error("x = 1\ny\0 = 2\n");
        assertThat(e.msg()).isEqualTo("source code cannot contain null bytes");
        assertThat(e.pos()).isEqualTo(pos(2, 1, 2, 2));
    }

    @Test
    void errorsOnLaterLinesCountCrlfLinesOnce() {
        assertThat(error("a\r\nb\r\nc = $\r\n").pos()).isEqualTo(pos(3, 4, 3, 5));
    }

    @Test
    void renderShowsFileLineColumnSourceLineAndCaret() {
        SyntaxError e = null;
        try {
            Lexer.tokenize(SourceFile.of("prog.py", "def f():\n    x = (1 +\n"));
        } catch (SyntaxError err) {
            e = err;
        }
        assertThat(e).isNotNull();
        assertThat(e.render()).isEqualTo("""
                prog.py:2:9: SyntaxError: '(' was never closed
                    x = (1 +
                        ^""");
        assertThat(tokens("x = 1\n")).isNotEmpty();
    }

    @Test
    void renderOfAnIndentationError() {
        SyntaxError e = error("if x:\n    a\n  b\n");
        assertThat(e.render()).startsWith("t.py:3:4: IndentationError: unindent does not match");
    }
}
