package dev.taipan.flowgraph.syntax;

import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.syntax.Ast.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link JoinedStr} of one run of adjacent string literals of which at least one is
 * an f-string ({@code 'a' f'{x}' "b"}).
 *
 * <p>In Python 3.11 an f-string is a single token to the lexer; its structure is found here, in
 * the raw text between the quotes: literal text (escapes processed, {@code {{ }}} halved) and
 * fields {@code {expression=!conversion:format_spec}}. The field's expression text is cut out
 * by scanning for the delimiter that ends it at bracket depth zero (outside nested strings),
 * then lexed and parsed on its own, as CPython 3.11 does, wrapped in parentheses so that it may
 * span lines. Its tokens are shifted to where the text stands in the file, so the nested nodes
 * carry true source positions; the literal parts and FormattedValues carry the position of the
 * whole string, as CPython's do. A format spec is itself a small f-string body: its own literal
 * parts and (one level of) nested fields.
 *
 * <p>Consecutive literal text (including the text of plain strings concatenated with the
 * f-string, and the {@code "x="} of a self-documenting {@code {x=}}) is merged into one
 * Constant; empty literal parts are dropped, as CPython does.
 */
final class FStringParser {

    private final SourceFile src;
    /** The position of the whole run of literals, given to the parts CPython gives it to. */
    private final Pos pos;
    private final List<Expr> values = new ArrayList<>();
    private final StringBuilder literal = new StringBuilder();

    // the f-string being scanned
    private String body;
    private boolean raw;
    private char[] chars;
    /** The f-string token being scanned: CPython gives its position to the parts of format specs. */
    private Pos tokenPos;
    private Pos bodyPos;

    FStringParser(SourceFile src, Pos pos) {
        this.src = src;
        this.pos = pos;
    }

    /** Text of a plain (non-f) string concatenated with f-strings; its escapes are already done. */
    void addLiteral(String text) {
        literal.append(text);
    }

    void addFString(StringLiteral lit, Pos tokenPos) {
        this.tokenPos = tokenPos;
        body = lit.body();
        raw = lit.raw();
        chars = body.toCharArray();
        bodyPos = lit.bodyPos();
        int end = parts(0, false, 0, values, literal, pos);
        if (end != body.length()) {
            throw new IllegalStateException("unreachable: top-level f-string body ends early");
        }
    }

    JoinedStr joinedStr() {
        flush(values, literal, pos);
        return new JoinedStr(pos, List.copyOf(values));
    }

    private static void flush(List<Expr> out, StringBuilder lit, Pos partPos) {
        if (!lit.isEmpty()) {
            out.add(new Constant(partPos, lit.toString()));
            lit.setLength(0);
        }
    }

    // ---------------------------------------------------------------- body structure

    /**
     * fstring_body: (literal | '{{' | '}}' | field)*, from {@code i}. In a format spec
     * ({@code inSpec}) braces are never doubled and the first '}' ends the spec; its index is
     * returned. At top level the whole body is consumed.
     */
    private int parts(int i, boolean inSpec, int nesting, List<Expr> out, StringBuilder lit, Pos partPos) {
        int n = body.length();
        int run = i;
        while (i < n) {
            char c = body.charAt(i);
            if (c == '\\' && !raw) {
                i = skipEscape(i);
                continue;
            }
            if (c != '{' && c != '}') {
                i++;
                continue;
            }
            decodeInto(lit, run, i);
            if (c == '{') {
                if (!inSpec && i + 1 < n && body.charAt(i + 1) == '{') {
                    lit.append('{');
                    i += 2;
                } else {
                    i = field(i, nesting, out, lit, partPos);
                }
            } else if (inSpec) {
                return i;
            } else if (i + 1 < n && body.charAt(i + 1) == '}') {
                lit.append('}');
                i += 2;
            } else {
                throw error("f-string: single '}' is not allowed", i);
            }
            run = i;
        }
        decodeInto(lit, run, n);
        if (inSpec) {
            throw error("f-string: expecting '}'", n);
        }
        return n;
    }

    /** Steps over an escape so that braces in it are not taken for a field: {@code \N{DASH}}, {@code \\}. */
    private int skipEscape(int i) {
        int n = body.length();
        if (i + 2 < n && body.charAt(i + 1) == 'N' && body.charAt(i + 2) == '{') {
            int close = body.indexOf('}', i);
            return close < 0 ? n : close + 1;
        }
        return i + 1 < n && body.charAt(i + 1) == '\\' ? i + 2 : i + 1;
    }

    /** Appends literal text {@code body[from..to)}, its escapes processed as the lexer does for plain strings. */
    private void decodeInto(StringBuilder lit, int from, int to) {
        if (from == to) {
            return;
        }
        if (raw) {
            lit.append(body, from, to);
        } else {
            lit.append(StringDecoder.decode(chars, from, to, false, src, pos));
        }
    }

    /** field: '{' expression ['='] ['!' conversion] [':' format_spec] '}', from the '{' at {@code open}. */
    private int field(int open, int nesting, List<Expr> out, StringBuilder lit, Pos partPos) {
        if (nesting >= 2) {
            throw error("f-string: expressions nested too deeply", open);
        }
        int start = open + 1;
        int end = expressionEnd(start);
        int n = body.length();
        if (end >= n) {
            throw error("f-string: expecting '}'", n);
        }
        String text = body.substring(start, end);
        if (text.isBlank()) {
            throw error("f-string: empty expression not allowed", end);
        }
        int i = end;
        String selfDocumenting = null;
        if (body.charAt(i) == '=') {
            i++;
            while (i < n && (body.charAt(i) == ' ' || body.charAt(i) == '\t')) {
                i++;
            }
            selfDocumenting = body.substring(start, i);
        }
        Expr value = expression(start, text);
        int conversion = -1;
        if (i < n && body.charAt(i) == '!') {
            char conv = i + 1 < n ? body.charAt(i + 1) : '\0';
            if (conv != 's' && conv != 'r' && conv != 'a') {
                throw error("f-string: invalid conversion character: expected 's', 'r', or 'a'", i + 1);
            }
            conversion = conv;
            i += 2;
        }
        Expr spec = null;
        if (i < n && body.charAt(i) == ':') {
            List<Expr> specValues = new ArrayList<>();
            StringBuilder specLiteral = new StringBuilder();
            i = parts(i + 1, true, nesting + 1, specValues, specLiteral, tokenPos);
            flush(specValues, specLiteral, tokenPos);
            spec = new JoinedStr(tokenPos, List.copyOf(specValues));
        }
        if (i >= n || body.charAt(i) != '}') {
            throw error("f-string: expecting '}'", i);
        }
        if (selfDocumenting != null) {
            lit.append(selfDocumenting);
            if (conversion == -1 && spec == null) {
                conversion = 'r';
            }
        }
        flush(out, lit, partPos);
        out.add(new FormattedValue(partPos, value, conversion, spec));
        return i + 1;
    }

    /**
     * Where the expression that starts at {@code i} ends: the first '}', '!', ':' or '=' at
     * bracket depth zero outside nested strings (not the '!=' or '==' of an operator), or the
     * end of the body when there is none.
     */
    private int expressionEnd(int i) {
        int n = body.length();
        StringBuilder brackets = new StringBuilder();
        char quote = 0;
        boolean triple = false;
        for (; i < n; i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                throw error("f-string expression part cannot include a backslash", i);
            }
            if (quote != 0) {
                if (c == quote && (!triple || body.startsWith(String.valueOf(c).repeat(3), i))) {
                    i += triple ? 2 : 0;
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '\'', '"' -> {
                    quote = c;
                    triple = body.startsWith(String.valueOf(c).repeat(3), i);
                    i += triple ? 2 : 0;
                }
                case '(', '[', '{' -> brackets.append(c);
                case ')', ']', '}' -> {
                    if (brackets.isEmpty()) {
                        if (c == '}') {
                            return i;
                        }
                        throw error("f-string: unmatched '" + c + "'", i);
                    }
                    char opening = brackets.charAt(brackets.length() - 1);
                    if (opening != matching(c)) {
                        throw error("f-string: closing parenthesis '" + c
                                + "' does not match opening parenthesis '" + opening + "'", i);
                    }
                    brackets.setLength(brackets.length() - 1);
                }
                case '#' -> throw error("f-string expression part cannot include '#'", i);
                case '!', '=', '<', '>' -> {
                    boolean operator = i + 1 < n && body.charAt(i + 1) == '=';
                    if (operator) {
                        i++;
                    } else if (brackets.isEmpty() && (c == '!' || c == '=')) {
                        return i;
                    }
                }
                case ':' -> {
                    if (brackets.isEmpty()) {
                        return i;
                    }
                }
                default -> { }
            }
        }
        if (quote != 0) {
            throw error("f-string: unterminated string", n);
        }
        return n;
    }

    private static char matching(char close) {
        return close == ')' ? '(' : close == ']' ? '[' : '{';
    }

    /** Lexes and parses one field's expression, giving its tokens their place in the file. */
    private Expr expression(int offset, String text) {
        Pos at = position(offset);
        List<Token> tokens;
        try {
            tokens = Lexer.tokenize(SourceFile.of(src.name(), "(" + text + ")"));
        } catch (SyntaxError e) {
            throw new SyntaxError(e.kind(), prefixed(e.msg()), src, shift(e.pos(), at));
        }
        List<Token> shifted = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            shifted.add(new Token(t.kind(), t.text(), t.value(), shift(t.pos(), at)));
        }
        try {
            return Parser.fieldExpression(src, shifted);
        } catch (SyntaxError e) {
            throw new SyntaxError(e.kind(), prefixed(e.msg()), src, e.pos());
        }
    }

    private static String prefixed(String msg) {
        return msg.startsWith("f-string") || msg.startsWith("not supported") ? msg : "f-string: " + msg;
    }

    /** Moves a position in "(" + text + ")" to the file; the text starts at {@code at}, one column after the '('. */
    private static Pos shift(Pos p, Pos at) {
        int dl = at.line() - 1;
        int startCol = p.line() == 1 ? p.col() - 1 + at.col() : p.col();
        int endCol = p.endLine() == 1 ? p.endCol() - 1 + at.col() : p.endCol();
        return new Pos(p.line() + dl, startCol, p.endLine() + dl, endCol);
    }

    /** The source position of body offset {@code offset}. */
    private Pos position(int offset) {
        int line = bodyPos.line();
        int col = bodyPos.col();
        for (int i = 0; i < offset && i < body.length(); i++) {
            if (body.charAt(i) == '\n') {
                line++;
                col = 0;
            } else {
                col++;
            }
        }
        return new Pos(line, col, line, col);
    }

    private SyntaxError error(String msg, int offset) {
        Pos at = position(offset);
        return new SyntaxError(msg, src, new Pos(at.line(), at.col(), at.line(), at.col() + 1));
    }
}
