package dev.taipan.flowgraph.syntax;

import static dev.taipan.flowgraph.syntax.LexerFixtures.pos;
import static dev.taipan.flowgraph.syntax.LexerFixtures.spell;
import static dev.taipan.flowgraph.syntax.LexerFixtures.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.syntax.Token.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Logical lines, indentation, brackets, names and operators. */
class LexerTest {

    @Test
    void simpleStatementEndsWithNewlineAndEndmarker() {
        assertThat(spell("x = 1\n")).containsExactly(
                "NAME x", "OP =", "NUMBER 1", "NEWLINE", "ENDMARKER");
    }

    @Test
    void emptySourceIsJustEndmarker() {
        assertThat(spell("")).containsExactly("ENDMARKER");
        assertThat(spell("\n\n# only a comment\n   \n")).containsExactly("ENDMARKER");
    }

    @Test
    void missingFinalNewlineStillEndsTheLine() {
        List<Token> toks = tokens("x");
        assertThat(toks).extracting(Token::kind)
                .containsExactly(Kind.NAME, Kind.NEWLINE, Kind.ENDMARKER);
        assertThat(toks.get(1).text()).isEmpty();
        assertThat(toks.get(1).pos()).isEqualTo(pos(1, 1, 1, 2));
        assertThat(toks.get(2).pos()).isEqualTo(pos(2, 0, 2, 0));
    }

    @Test
    void blockProducesIndentAndDedent() {
        assertThat(spell("if x:\n    y\nz\n")).containsExactly(
                "NAME if", "NAME x", "OP :", "NEWLINE",
                "INDENT", "NAME y", "NEWLINE",
                "DEDENT", "NAME z", "NEWLINE", "ENDMARKER");
    }

    @Test
    void severalDedentsAtOnceAndAtEndOfFile() {
        assertThat(spell("if a:\n if b:\n  c\nd\nif e:\n f")).containsExactly(
                "NAME if", "NAME a", "OP :", "NEWLINE",
                "INDENT", "NAME if", "NAME b", "OP :", "NEWLINE",
                "INDENT", "NAME c", "NEWLINE",
                "DEDENT", "DEDENT", "NAME d", "NEWLINE",
                "NAME if", "NAME e", "OP :", "NEWLINE",
                "INDENT", "NAME f", "NEWLINE", "DEDENT", "ENDMARKER");
    }

    @Test
    void indentAndDedentPositionsFollowPythonTokenize() {
        List<Token> toks = tokens("if x:\n    y\nz\n");
        Token indent = toks.get(4);
        assertThat(indent.text()).isEqualTo("    ");
        assertThat(indent.pos()).isEqualTo(pos(2, 0, 2, 4));
        Token dedent = toks.get(7);
        assertThat(dedent.kind()).isEqualTo(Kind.DEDENT);
        assertThat(dedent.pos()).isEqualTo(pos(3, 0, 3, 0));
        assertThat(toks.get(3).pos()).as("NEWLINE at the end of its line").isEqualTo(pos(1, 5, 1, 6));
    }

    @Test
    void blankAndCommentLinesDoNotAffectIndentation() {
        assertThat(spell("if x:\n    y  # c\n\n# flush left\n        \n    z\n")).containsExactly(
                "NAME if", "NAME x", "OP :", "NEWLINE",
                "INDENT", "NAME y", "NEWLINE", "NAME z", "NEWLINE", "DEDENT", "ENDMARKER");
    }

    @Test
    void consistentTabsAreFine() {
        assertThat(spell("if x:\n\ty\n\tif z:\n\t\tw\n")).containsSubsequence(
                "INDENT", "NAME y", "INDENT", "NAME w", "DEDENT", "DEDENT");
    }

    @Test
    void tabAndEightSpacesAreTheSameLevelOnlyIfBothMeasuresAgree() {
        // "\t" and "        " differ with tab size 1, so TabError; "\t" then "\t    " is fine
        assertThat(spell("if x:\n\ty\n\t    z\n")).contains("INDENT", "NAME z");
    }

    @Test
    void formFeedAtLineStartResetsTheColumn() {
        assertThat(spell("if x:\n  a\n\f  b\n")).containsExactly(
                "NAME if", "NAME x", "OP :", "NEWLINE", "INDENT", "NAME a", "NEWLINE",
                "NAME b", "NEWLINE", "DEDENT", "ENDMARKER");
        assertThat(spell("x\n\f\ny\n")).containsExactly(
                "NAME x", "NEWLINE", "NAME y", "NEWLINE", "ENDMARKER");
    }

    @Test
    void bracketsJoinLinesAndSuppressIndentation() {
        assertThat(spell("x = (1,\n        2,\n\n  3)\ny\n")).containsExactly(
                "NAME x", "OP =", "OP (", "NUMBER 1", "OP ,", "NUMBER 2", "OP ,",
                "NUMBER 3", "OP )", "NEWLINE", "NAME y", "NEWLINE", "ENDMARKER");
        assertThat(spell("d = {'a': [1,\n# c\n]}\n")).containsExactly(
                "NAME d", "OP =", "OP {", "STRING 'a'", "OP :", "OP [", "NUMBER 1", "OP ,",
                "OP ]", "OP }", "NEWLINE", "ENDMARKER");
    }

    @Test
    void backslashJoinsLines() {
        List<Token> toks = tokens("x = 1 + \\\n      2\ny\n");
        assertThat(toks).extracting(LexerFixtures::spell).containsExactly(
                "NAME x", "OP =", "NUMBER 1", "OP +", "NUMBER 2", "NEWLINE",
                "NAME y", "NEWLINE", "ENDMARKER");
        assertThat(toks.get(4).pos()).isEqualTo(pos(2, 6, 2, 7));
    }

    @Test
    void crlfAndCrLineEndingsAreLineBreaks() {
        List<String> expected = List.of("NAME a", "NEWLINE", "INDENT", "NAME b", "NEWLINE",
                "DEDENT", "ENDMARKER");
        assertThat(spell("a\r\n  b\r\n")).isEqualTo(expected);
        assertThat(spell("a\r  b\r")).isEqualTo(expected);
        List<Token> toks = tokens("a\r\n  b\r\n");
        assertThat(toks.get(3).pos()).isEqualTo(pos(2, 2, 2, 3));
        assertThat(toks.get(1).text()).isEqualTo("\n");
    }

    @Test
    void byteOrderMarkIsIgnored() {
        assertThat(tokens("\uFEFFx = 1\n").getFirst().pos()).isEqualTo(pos(1, 0, 1, 1));
    }

    @Test
    void tokenPositionsAreZeroBasedColumnsWithExclusiveEnd() {
        List<Token> toks = tokens("def f(x):\n    return x**2\n");
        assertThat(toks.get(0).pos()).isEqualTo(pos(1, 0, 1, 3));
        assertThat(toks.get(1).pos()).isEqualTo(pos(1, 4, 1, 5));
        Token power = toks.stream().filter(t -> t.is("**")).findFirst().orElseThrow();
        assertThat(power.pos()).isEqualTo(pos(2, 12, 2, 14));
    }

    @Test
    void keywordsAreNames() {
        List<Token> toks = tokens("if not None: pass\n");
        assertThat(toks.get(0).kind()).isEqualTo(Kind.NAME);
        assertThat(toks.get(0).isKeyword()).isTrue();
        assertThat(toks.get(2).text()).isEqualTo("None");
        assertThat(tokens("match = 1\n").getFirst().isKeyword()).isFalse();
    }

    @Test
    void unicodeIdentifiersAreNfkcNormalised() {
        assertThat(tokens("été = 1\n").getFirst().text()).isEqualTo("été");
        Token ligature = tokens("ﬁle = 1\n").getFirst();
        assertThat(ligature.text()).isEqualTo("file");
        assertThat(ligature.pos()).isEqualTo(pos(1, 0, 1, 3));
        assertThat(spell("_x1 = π\n")).containsExactly(
                "NAME _x1", "OP =", "NAME π", "NEWLINE", "ENDMARKER");
    }

    @Test
    void operatorsUseLongestMatch() {
        String ops = "+ - * ** / // % @ << >> & | ^ ~ := < > <= >= == != ( ) [ ] { } , : . ; = -> "
                + "+= -= *= /= //= %= @= &= |= ^= >>= <<= **= ...";
        List<Token> toks = tokens(ops + "\n");
        List<String> expected = List.of(ops.split(" "));
        assertThat(toks.subList(0, expected.size())).extracting(Token::text)
                .containsExactlyElementsOf(expected);
        assertThat(toks.subList(0, expected.size())).allMatch(t -> t.kind() == Kind.OP);
    }

    @Test
    void operatorsWithoutSpaces() {
        assertThat(spell("a**=b//c->d...e.f\n")).containsExactly(
                "NAME a", "OP **=", "NAME b", "OP //", "NAME c", "OP ->", "NAME d", "OP ...",
                "NAME e", "OP .", "NAME f", "NEWLINE", "ENDMARKER");
        assertThat(spell("x[..]\n")).containsExactly(
                "NAME x", "OP [", "OP .", "OP .", "OP ]", "NEWLINE", "ENDMARKER");
    }

    @Test
    void commentsAreDropped() {
        assertThat(spell("x = 1  # a comment with 'quotes' and (\ny\n")).containsExactly(
                "NAME x", "OP =", "NUMBER 1", "NEWLINE", "NAME y", "NEWLINE", "ENDMARKER");
    }
}
