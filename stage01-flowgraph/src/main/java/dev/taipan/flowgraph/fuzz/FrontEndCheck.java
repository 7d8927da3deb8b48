package dev.taipan.flowgraph.fuzz;

import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.bytecode.CodeVerifier;
import dev.taipan.flowgraph.compiler.Compiler;
import dev.taipan.flowgraph.syntax.Lexer;
import dev.taipan.flowgraph.syntax.Parser;
import dev.taipan.flowgraph.syntax.SyntaxError;

/**
 * The front end's contract on any text at all: the lexer gives tokens, the parser a tree and
 * the compiler a code object that passes the {@link CodeVerifier}, or each raises a
 * {@link SyntaxError} (or IndentationError, TabError) whose position lies inside the text and
 * whose rendering names the file, the line and the error. A Java exception, a position outside
 * the source, or (for the caller to detect) a hang is a bug.
 */
public final class FrontEndCheck {
    public static final String FILE = "fuzz.py";

    public enum Outcome { COMPILED, REJECTED }

    /** The contract broken: what the front end did wrong on one input. */
    public static final class Broken extends RuntimeException {
        Broken(String message) {
            super(message);
        }
    }

    private FrontEndCheck() {
    }

    /** Runs the three phases on {@code input}; throws {@link Broken} or whatever the front end threw. */
    public static Outcome check(String input) {
        SourceFile source = SourceFile.of(FILE, input);
        boolean lexed = accepts(input, () -> Lexer.tokenize(source));
        boolean parsed = accepts(input, () -> Parser.parse(source));
        boolean compiled = accepts(input, () -> CodeVerifier.verify(Compiler.compile(source)));
        if (parsed && !lexed || compiled && !parsed) {
            throw new Broken("a later phase accepts what an earlier one rejects (lexed " + lexed + ", parsed "
                    + parsed + ", compiled " + compiled + ")");
        }
        return compiled ? Outcome.COMPILED : Outcome.REJECTED;
    }

    private static boolean accepts(String input, Runnable phase) {
        try {
            phase.run();
            return true;
        } catch (SyntaxError e) {
            int lines = (int) input.lines().count();
            if (e.pos().line() < 1 || e.pos().line() > lines + 1 || e.pos().col() < 0) {
                throw new Broken("position " + e.pos() + " outside the source (" + lines + " lines) for: " + e.msg());
            }
            if (!e.render().startsWith(FILE + ":" + e.pos().line() + ":") || !e.render().contains(e.kind().name())) {
                throw new Broken("the error does not name its file, line and kind: " + e.render().lines().findFirst().orElse(""));
            }
            if (e.msg().isBlank()) {
                throw new Broken("a " + e.kind().name() + " without a message");
            }
            return false;
        }
    }
}
