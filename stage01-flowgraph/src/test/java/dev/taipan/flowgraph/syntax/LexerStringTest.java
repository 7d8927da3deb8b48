package dev.taipan.flowgraph.syntax;

import static dev.taipan.flowgraph.syntax.LexerFixtures.error;
import static dev.taipan.flowgraph.syntax.LexerFixtures.first;
import static dev.taipan.flowgraph.syntax.LexerFixtures.literal;
import static dev.taipan.flowgraph.syntax.LexerFixtures.pos;
import static dev.taipan.flowgraph.syntax.LexerFixtures.spell;
import static dev.taipan.flowgraph.syntax.LexerFixtures.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.syntax.Token.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * String, bytes and f-string literals. Java text blocks and escapes make Python source hard to
 * read, so the Python text of each case is given in a comment where it is not obvious.
 */
class LexerStringTest {

    @Test
    void quotesOfEveryKind() {
        assertThat(literal("'a'").body()).isEqualTo("a");
        assertThat(literal("\"a\"").body()).isEqualTo("a");
        assertThat(literal("'''a\nb'''").body()).isEqualTo("a\nb");
        assertThat(literal("\"\"\"a'\"b\"\"\"").body()).isEqualTo("a'\"b");
        assertThat(literal("''").body()).isEmpty();
        assertThat(literal("''''''").body()).isEmpty();
        assertThat(literal("'it''s'").body()).as("adjacent literals stay separate").isEqualTo("it");
        assertThat(spell("'a' \"b\"\n")).containsExactly(
                "STRING 'a'", "STRING \"b\"", "NEWLINE", "ENDMARKER");
    }

    @Test
    void tripleQuotedStringEndsAtTheFirstThreeQuotes() {
        // '''a''''  is the string 'a' followed by an unterminated '
        assertThat(error("'''a''''\n").msg()).startsWith("unterminated string literal");
        assertThat(literal("'''a\\''''").body()).isEqualTo("a'");
    }

    @Test
    void multiLineStringPositions() {
        List<Token> toks = tokens("x = '''one\ntwo''' + y\n");
        Token s = toks.get(2);
        assertThat(s.text()).isEqualTo("'''one\ntwo'''");
        assertThat(s.pos()).isEqualTo(pos(1, 4, 2, 6));
        assertThat(((StringLiteral) s.value()).bodyPos()).isEqualTo(pos(1, 7, 2, 3));
        assertThat(toks.get(3).pos()).isEqualTo(pos(2, 7, 2, 8));
    }

    @Test
    void prefixesInAnyCase() {
        for (String prefix : List.of("r", "R", "u", "U", "b", "B", "br", "Br", "bR", "RB", "rb",
                "f", "F", "fr", "Rf", "rF")) {
            Token t = first(prefix + "'x'");
            assertThat(t.kind()).as(prefix).isEqualTo(Kind.STRING);
            assertThat(t.text()).isEqualTo(prefix + "'x'");
            StringLiteral lit = (StringLiteral) t.value();
            String p = prefix.toLowerCase();
            assertThat(lit.bytes()).as(prefix).isEqualTo(p.contains("b"));
            assertThat(lit.raw()).as(prefix).isEqualTo(p.contains("r"));
            assertThat(lit.fstring()).as(prefix).isEqualTo(p.contains("f"));
        }
    }

    @Test
    void invalidPrefixCombinationsAreNames() {
        assertThat(spell("ur'a'")).startsWith("NAME ur", "STRING 'a'");
        assertThat(spell("bu'a'")).startsWith("NAME bu", "STRING 'a'");
        assertThat(spell("fb'a'")).startsWith("NAME fb", "STRING 'a'");
        assertThat(spell("rr'a'")).startsWith("NAME rr", "STRING 'a'");
        assertThat(spell("print'a'")).startsWith("NAME print", "STRING 'a'");
    }

    @Test
    void simpleEscapes() {
        // '\\ \' \" \a \b \f \n \r \t \v'
        assertThat(literal("'\\\\ \\' \\\" \\a \\b \\f \\n \\r \\t \\v'").body())
                .isEqualTo("\\ ' \" \u0007 \b \f \n \r \t \u000b");
    }

    @Test
    void numericEscapes() {
        assertThat(literal("'\\101\\0\\7\\1234'").body()).isEqualTo("A\0\u0007S4");
        assertThat(literal("'\\777'").body()).isEqualTo("\u01ff");
        assertThat(literal("'\\x41\\xfF'").body()).isEqualTo("A\u00ff");
        assertThat(literal("'\\u20ac\\U0001F600'").body()).isEqualTo("€\uD83D\uDE00");
        assertThat(literal("'\\N{EM DASH}\\N{latin small letter a}'").body()).isEqualTo("—a");
    }

    @Test
    void unknownEscapesKeepTheBackslash() {
        // '\d\8\ ' -- as a regex would have it
        assertThat(literal("'\\d\\8\\ '").body()).isEqualTo("\\d\\8\\ ");
    }

    @Test
    void backslashNewlineContinuesTheLiteral() {
        List<Token> toks = tokens("x = 'a\\\nb'\ny\n");
        StringLiteral lit = (StringLiteral) toks.get(2).value();
        assertThat(lit.body()).isEqualTo("ab");
        assertThat(toks.get(2).pos()).isEqualTo(pos(1, 4, 2, 2));
        assertThat(toks.get(3).kind()).isEqualTo(Kind.NEWLINE);
        assertThat(toks.get(4).pos()).as("lines keep counting").isEqualTo(pos(3, 0, 3, 1));
    }

    @Test
    void rawStringsKeepBackslashesButQuotesStillDoNotEndThem() {
        assertThat(literal("r'a\\nb'").body()).isEqualTo("a\\nb");
        assertThat(literal("r'\\''").body()).isEqualTo("\\'");
        assertThat(literal("r\"\\\"\"").body()).isEqualTo("\\\"");
        assertThat(literal("r'a\\\nb'").body()).isEqualTo("a\\\nb");
        assertThat(literal("r'\\x'").body()).as("no escape errors in raw strings").isEqualTo("\\x");
    }

    @Test
    void bytesLiterals() {
        StringLiteral lit = literal("b'A\\x80\\xff\\101\\777\\u20ac\\N{X}'");
        assertThat(lit.bytes()).isTrue();
        assertThat(lit.body()).isEqualTo("A\u0080\u00ffA\u00ff\\u20ac\\N{X}");
        assertThat(literal("rb'\\x'").body()).isEqualTo("\\x");
    }

    @Test
    void fStringBodyIsLeftRaw() {
        Token t = tokens("x = f'a{b!r:>{w}}\\n{c[\"k\"]}'\n").get(2);
        StringLiteral lit = (StringLiteral) t.value();
        assertThat(lit.fstring()).isTrue();
        assertThat(lit.raw()).isFalse();
        assertThat(lit.body()).isEqualTo("a{b!r:>{w}}\\n{c[\"k\"]}");
        assertThat(lit.bodyPos().line()).isEqualTo(1);
        assertThat(lit.bodyPos().col()).isEqualTo(6);
        assertThat(t.pos()).isEqualTo(pos(1, 4, 1, 28));
        StringLiteral rf = literal("rf'{x}\\d'");
        assertThat(rf.raw()).isTrue();
        assertThat(rf.body()).isEqualTo("{x}\\d");
    }

    @Test
    void fStringEndsAtTheFirstMatchingQuoteAsIn311() {
        assertThat(spell("f'{x['a']}'")).startsWith("STRING f'{x['", "NAME a", "STRING ']}'");
        StringLiteral triple = literal("f'''{x}\n{'y'}'''");
        assertThat(triple.body()).isEqualTo("{x}\n{'y'}");
    }

    @Test
    void bytesRejectNonAsciiCharacters() {
        SyntaxError e = error("x = b'é'\n");
        assertThat(e.msg()).isEqualTo("bytes can only contain ASCII literal characters");
        assertThat(e.pos()).isEqualTo(pos(1, 4, 1, 8));
        assertThat(error("rb'é'").msg()).isEqualTo("bytes can only contain ASCII literal characters");
    }

    @Test
    void unterminatedStrings() {
        SyntaxError e = error("x = 'abc\n");
        assertThat(e.msg()).isEqualTo("unterminated string literal (detected at line 1)");
        assertThat(e.pos()).isEqualTo(pos(1, 4, 1, 5));

        SyntaxError prefixed = error("x = 1\ny = rb\"abc");
        assertThat(prefixed.msg()).isEqualTo("unterminated string literal (detected at line 2)");
        assertThat(prefixed.pos()).as("points at the prefix").isEqualTo(pos(2, 4, 2, 5));

        SyntaxError continued = error("x = 'abc\\\ndef\n");
        assertThat(continued.msg()).isEqualTo("unterminated string literal (detected at line 2)");
        assertThat(continued.pos()).isEqualTo(pos(1, 4, 1, 5));

        assertThat(error("x = 'abc\\").msg())
                .isEqualTo("unterminated string literal (detected at line 1)");
    }

    @Test
    void unterminatedTripleQuotedStrings() {
        SyntaxError e = error("x = 1\ny = '''abc\nd\n");
        assertThat(e.msg()).isEqualTo("unterminated triple-quoted string literal (detected at line 3)");
        assertThat(e.pos()).isEqualTo(pos(2, 4, 2, 5));
        assertThat(error("'''abc\nd").msg()).endsWith("(detected at line 2)");
        assertThat(error("'''abc\nd\n\n").msg()).endsWith("(detected at line 3)");
        assertThat(error("f\"\"\"{x}\"\"").msg())
                .isEqualTo("unterminated triple-quoted string literal (detected at line 1)");
    }

    /** Bad escapes, with the codec positions CPython prints (Python source in the first column). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "\\x4"            | (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape
            "\\x"             | (unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape
            "ab\\xg"          | (unicode error) 'unicodeescape' codec can't decode bytes in position 2-3: truncated \\xXX escape
            "é\\x4"           | (unicode error) 'unicodeescape' codec can't decode bytes in position 10-12: truncated \\xXX escape
            "\\u12"           | (unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape
            "\\U0011"         | (unicode error) 'unicodeescape' codec can't decode bytes in position 0-5: truncated \\UXXXXXXXX escape
            "\\U00110000"     | (unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character
            "\\N"             | (unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape
            "\\N{"            | (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \\N character escape
            "\\N{}"           | (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \\N character escape
            "\\N{LATIN SMALL" | (unicode error) 'unicodeescape' codec can't decode bytes in position 0-13: malformed \\N character escape
            "a\\N{foo}"       | (unicode error) 'unicodeescape' codec can't decode bytes in position 1-7: unknown Unicode character name
            "\\N{EM DASH}\\xg" | (unicode error) 'unicodeescape' codec can't decode bytes in position 11-12: truncated \\xXX escape
            b"\\xg"           | (value error) invalid \\x escape at position 0
            b"ab\\x1"         | (value error) invalid \\x escape at position 2
            """)
    void badEscapes(String python, String message) {
        String source = "x = " + python.replace("\\\\", "\\") + " + 1\n";
        SyntaxError e = error(source);
        assertThat(e.msg()).isEqualTo(message.replace("\\\\", "\\"));
        int len = python.replace("\\\\", "\\").length();
        assertThat(e.pos()).as("the whole literal").isEqualTo(pos(1, 4, 1, 4 + len));
    }
}
