package dev.taipan.flowgraph.syntax;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.taipan.flowgraph.SourceFile;
import java.util.List;

/** Shorthands shared by the lexer tests: tokenize a snippet, spell tokens compactly. */
final class LexerFixtures {

    private LexerFixtures() {}

    static List<Token> tokens(String text) {
        return Lexer.tokenize(SourceFile.of("t.py", text));
    }

    /** Each token as "KIND text" (just "KIND" when the text is empty or a line break). */
    static List<String> spell(String text) {
        return tokens(text).stream().map(LexerFixtures::spell).toList();
    }

    static String spell(Token t) {
        return switch (t.kind()) {
            case NEWLINE, DEDENT, ENDMARKER -> t.kind().name();
            case INDENT -> "INDENT";
            default -> t.kind() + " " + t.text();
        };
    }

    /** The first token of {@code text}. */
    static Token first(String text) {
        return tokens(text).getFirst();
    }

    static Object value(String text) {
        return first(text).value();
    }

    static StringLiteral literal(String text) {
        return (StringLiteral) first(text).value();
    }

    static SyntaxError error(String text) {
        SyntaxError e = catchThrowableOfType(SyntaxError.class, () -> tokens(text));
        if (e == null) {
            throw new AssertionError("expected a SyntaxError for " + text.translateEscapes());
        }
        return e;
    }

    static Pos pos(int line, int col, int endLine, int endCol) {
        return new Pos(line, col, endLine, endCol);
    }
}
