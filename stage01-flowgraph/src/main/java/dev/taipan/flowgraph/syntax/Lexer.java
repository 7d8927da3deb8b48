package dev.taipan.flowgraph.syntax;

import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.syntax.Token.Kind;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Python 3.11's tokenizer: turns a {@link SourceFile} into the token list the parser reads,
 * with the tokens, positions and error messages CPython's own tokenizer produces.
 *
 * <p><b>One pass over a char array.</b> The text is copied once into a {@code char[]} with
 * line endings normalised to {@code \n} (as CPython's universal newlines do), a final
 * {@code \n} added if the file lacks one, and a few {@code \0} sentinels after it. Lookahead
 * past the end then simply reads {@code \0}, which cannot occur earlier because null bytes are
 * rejected up front, so the scanning loops need no bounds checks and allocate nothing per char.
 *
 * <p><b>Logical lines and indentation.</b> Python's block structure lives in the lexer: at the
 * start of each physical line outside brackets the indentation is measured and compared with a
 * stack of open indentation levels, yielding INDENT or DEDENT tokens, so that the grammar can
 * treat blocks like bracketed groups. CPython produces one token per call and therefore keeps
 * a counter of DEDENTs still owed; this lexer produces the whole list in one go, so it simply
 * appends the DEDENTs before the line's first token. Blank and comment-only lines, and every
 * line break inside {@code ()}, {@code []} or {@code {}}, produce nothing: only the end of a
 * logical line is a NEWLINE.
 *
 * <p><b>Tabs.</b> Python does not fix the width of a tab. CPython measures each indentation
 * twice, with tabs to multiples of 8 and with tabs as 1 column, and raises TabError when the
 * two measurements order two lines differently: such indentation means something different in
 * an editor with another tab width.
 *
 * <p><b>Literals are decoded here</b>, numbers to {@code Long}/{@code BigInteger}/{@code Double}
 * and strings to a {@link StringLiteral}, except for f-strings: their body mixes literal text
 * with expressions whose extent is only known once braces are matched, so the lexer hands the
 * raw body to the parser (with its position, so nested expressions get true positions).
 * In Python 3.11 an f-string ends at its first matching quote, exactly like any string, so
 * finding its end needs no knowledge of the expressions inside.
 *
 * <p><b>Errors</b> carry CPython 3.11's exception class, words and caret. Because this lexer
 * runs over the whole file before the parser starts, it also reproduces the order in which
 * CPython, whose tokenizer runs lazily under the parser, would report competing errors; see
 * {@link #defer} and {@link #orPending}.
 *
 * <p>Columns are 0-based offsets in UTF-16 chars; a NAME token's text is its NFKC-normalised
 * spelling, which differs from the source only for the rare non-ASCII identifiers that
 * normalisation changes (Python treats {@code ﬁ} and {@code fi} as the same name).
 */
public final class Lexer {

    /** CPython's limits: deeper nesting is almost surely generated code gone wrong. */
    private static final int MAX_INDENT = 100;
    private static final int MAX_BRACKETS = 200;
    private static final int SENTINELS = 4;
    private static final int TAB_SIZE = 8;

    private final SourceFile src;
    private final char[] buf;
    /** Index of the final {@code \n} if the source lacked it (its NEWLINE is then spelled ""). */
    private final int addedNewline;
    private final List<Token> out;

    private int p;
    private int line = 1;
    /** Index in {@link #buf} of the first char of the current physical line. */
    private int lineStart;

    /** Indentation levels measured with tab size 8 and with tab size 1; level 0 is column 0. */
    private final int[] indents = new int[MAX_INDENT];
    private final int[] altIndents = new int[MAX_INDENT];
    private int indentTop;

    /** Open brackets with the position of each, for mismatch and never-closed messages. */
    private final char[] brackets = new char[MAX_BRACKETS];
    private final int[] bracketLines = new int[MAX_BRACKETS];
    private final int[] bracketCols = new int[MAX_BRACKETS];
    private int depth;

    /** The first error CPython would report only after lexing the whole file; see {@link #defer}. */
    private SyntaxError pendingError;

    private Lexer(SourceFile src) {
        this.src = src;
        String text = src.text();
        rejectNullBytes(text);
        int n = text.length();
        boolean needsNewline = n > 0 && text.charAt(n - 1) != '\n' && text.charAt(n - 1) != '\r';
        this.buf = new char[n + (needsNewline ? 1 : 0) + SENTINELS];
        int len = normaliseNewlines(text, buf);
        if (needsNewline) {
            buf[len++] = '\n';
        }
        this.addedNewline = needsNewline ? len - 1 : -1;
        this.out = new ArrayList<>(len / 4 + 16);
        if (len > 0 && buf[0] == '\uFEFF') {
            p = lineStart = 1;  // a UTF-8 byte order mark is not part of the program
        }
    }

    /**
     * Tokenizes {@code src}. The list ends with NEWLINE (if the last logical line has tokens),
     * one DEDENT per open indentation level, and ENDMARKER.
     *
     * @throws SyntaxError with CPython's message and position for any lexical error
     */
    public static List<Token> tokenize(SourceFile src) {
        return new Lexer(src).run();
    }

    private void rejectNullBytes(String text) {
        int i = text.indexOf('\0');
        if (i >= 0) {
            int ln = 1;
            int ls = 0;
            for (int k = 0; k < i; k++) {
                if (text.charAt(k) == '\n') {
                    ln++;
                    ls = k + 1;
                }
            }
            throw new SyntaxError("source code cannot contain null bytes", src,
                    new Pos(ln, i - ls, ln, i - ls + 1));
        }
    }

    /** Copies {@code text} into {@code dst} with CRLF and CR turned into LF; returns the length. */
    private static int normaliseNewlines(String text, char[] dst) {
        if (text.indexOf('\r') < 0) {
            text.getChars(0, text.length(), dst, 0);
            return text.length();
        }
        int j = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                if (i + 1 < n && text.charAt(i + 1) == '\n') {
                    continue;
                }
                c = '\n';
            }
            dst[j++] = c;
        }
        return j;
    }

    // ------------------------------------------------------------------ the main loop

    private List<Token> run() {
        boolean atLineStart = true;
        while (true) {
            if (atLineStart) {
                if (!startLine()) {
                    continue;
                }
                atLineStart = false;
            }
            char c = buf[p];
            switch (c) {
                case ' ', '\t', '\f' -> p++;
                case '\0' -> {
                    return finish();
                }
                case '#' -> skipComment();
                case '\n' -> {
                    endOfLine();
                    atLineStart = true;
                }
                case '\\' -> continuation();
                case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> number();
                case '.' -> {
                    if (isDigit(buf[p + 1])) {
                        number();
                    } else {
                        operator();
                    }
                }
                case '\'', '"' -> string(p, p);
                default -> {
                    if (isIdentifierStart(c)) {
                        nameOrString();
                    } else {
                        operator();
                    }
                }
            }
        }
    }

    private void skipComment() {
        while (buf[p] != '\n') {
            p++;
        }
    }

    /** Consumes the {@code \n} at {@code p}; the NEWLINE token, if any, is the caller's. */
    private void newLine() {
        p++;
        line++;
        lineStart = p;
    }

    /** A line break outside brackets ends the logical line; inside, it is just whitespace. */
    private void endOfLine() {
        if (depth == 0) {
            int col = p - lineStart;
            String text = p == addedNewline ? "" : "\n";
            out.add(new Token(Kind.NEWLINE, text, null, new Pos(line, col, line, col + 1)));
        }
        newLine();
    }

    /** A backslash at the end of a physical line joins the next one to this logical line. */
    private void continuation() {
        int col = p - lineStart;
        if (buf[p + 1] != '\n') {
            throw orPending(error("unexpected character after line continuation character",
                    col + 1, col + 2));
        }
        p++;
        newLine();
        if (buf[p] == '\0') {
            if (depth > 0) {
                throw orPending(neverClosed());
            }
            throw orPending(new SyntaxError("unexpected EOF while parsing", src,
                    new Pos(line - 1, col + 1, line - 1, col + 2)));
        }
    }

    private List<Token> finish() {
        if (depth > 0) {
            throw orPending(neverClosed());
        }
        if (pendingError != null) {
            throw pendingError;
        }
        Pos end = new Pos(line, 0, line, 0);
        for (; indentTop > 0; indentTop--) {
            out.add(new Token(Kind.DEDENT, "", null, end));
        }
        out.add(new Token(Kind.ENDMARKER, "", null, end));
        return out;
    }

    // ------------------------------------------------------------------ indentation

    /**
     * At the start of a physical line: measures its indentation and, outside brackets, emits
     * INDENT or DEDENTs (see the class comment for the two measurements and TabError). Returns
     * false, having consumed the line, if it holds only whitespace and perhaps a comment: such
     * lines neither end a logical line nor indent.
     *
     * <p>Indentation may be followed by backslash continuations before the first token. As in
     * CPython 3.11.7, the column of the first backslash is then the line's indentation, except
     * that a backslash in column 0 counts as none and the next line's whitespace is measured.
     */
    private boolean startLine() {
        int col = 0;
        int altCol = 0;
        int continuationCol = 0;
        while (true) {
            char c = buf[p];
            if (c == ' ') {
                col++;
                altCol++;
            } else if (c == '\t') {
                col = (col / TAB_SIZE + 1) * TAB_SIZE;
                altCol++;
            } else if (c == '\f') {
                col = altCol = 0;  // a form feed restarts the measurement, as in CPython
            } else if (c == '\\') {
                continuationCol = continuationCol != 0 ? continuationCol : col;
                continuation();
                continue;
            } else {
                break;
            }
            p++;
        }
        if (buf[p] == '#' || buf[p] == '\n') {
            skipComment();
            newLine();
            return false;
        }
        if (depth == 0 && buf[p] != '\0') {
            if (continuationCol != 0) {
                col = altCol = continuationCol;
            }
            indentation(col, altCol);
        }
        return true;
    }

    private void indentation(int col, int altCol) {
        int width = p - lineStart;
        if (col == indents[indentTop]) {
            if (altCol != altIndents[indentTop]) {
                throw orPending(tabError());
            }
        } else if (col > indents[indentTop]) {
            if (indentTop + 1 == MAX_INDENT) {
                throw orPending(new SyntaxError(SyntaxError.Kind.IndentationError,
                        "too many levels of indentation", src, new Pos(line, 0, line, 1)));
            }
            if (altCol <= altIndents[indentTop]) {
                throw orPending(tabError());
            }
            indentTop++;
            indents[indentTop] = col;
            altIndents[indentTop] = altCol;
            out.add(new Token(Kind.INDENT, new String(buf, lineStart, width), null,
                    new Pos(line, 0, line, width)));
        } else {
            Pos here = new Pos(line, width, line, width);
            while (indentTop > 0 && col < indents[indentTop]) {
                indentTop--;
                out.add(new Token(Kind.DEDENT, "", null, here));
            }
            if (col != indents[indentTop]) {
                int len = lineLength();
                throw orPending(new SyntaxError(SyntaxError.Kind.IndentationError,
                        "unindent does not match any outer indentation level", src,
                        new Pos(line, len, line, len + 1)));
            }
            if (altCol != altIndents[indentTop]) {
                throw orPending(tabError());
            }
        }
    }

    private SyntaxError tabError() {
        return new SyntaxError(SyntaxError.Kind.TabError,
                "inconsistent use of tabs and spaces in indentation", src, new Pos(line, 0, line, 1));
    }

    private int lineLength() {
        int i = lineStart;
        while (buf[i] != '\n') {
            i++;
        }
        return i - lineStart;
    }

    // ------------------------------------------------------------------ names

    /** A name, or the prefix of a string literal such as {@code rb'...'}. */
    private void nameOrString() {
        int start = p;
        boolean ascii = true;
        for (char c = buf[p]; ; c = buf[p]) {
            if (c < 0x80) {
                if (!isAsciiIdentifierChar(c)) {
                    break;
                }
            } else {
                ascii = false;  // judged after the scan, by Unicode's identifier properties
            }
            p++;
        }
        int len = p - start;
        if (len <= 2 && (buf[p] == '\'' || buf[p] == '"') && isStringPrefix(start, len)) {
            string(start, p);
            return;
        }
        String text = new String(buf, start, len);
        if (!ascii) {
            text = unicodeIdentifier(start, text);
        }
        add(Kind.NAME, text, null, start);
    }

    /**
     * Python accepts XID_Start/XID_Continue identifiers and compares them after NFKC
     * normalisation (PEP 3131). Java's identifier predicates follow the same Unicode
     * properties once "ignorable" format characters are excluded.
     */
    private String unicodeIdentifier(int start, String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean ok = i == 0
                    ? cp == '_' || Character.isUnicodeIdentifierStart(cp)
                    : Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp);
            if (!ok) {
                int col = start + i - lineStart;
                String hex = String.format("%04X", cp);
                String msg = PyRepr.isPrintable(cp)
                        ? "invalid character '" + Character.toString(cp) + "' (U+" + hex + ")"
                        : "invalid non-printable character U+" + hex;
                throw error(msg, col, col + Character.charCount(cp));
            }
            i += Character.charCount(cp);
        }
        return Normalizer.isNormalized(text, Normalizer.Form.NFKC)
                ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
    }


    /** r, u, b, f and the two-letter combinations br, rb, fr, rf, in any case. */
    private boolean isStringPrefix(int start, int len) {
        char a = Character.toLowerCase(buf[start]);
        if (len == 1) {
            return a == 'r' || a == 'u' || a == 'b' || a == 'f';
        }
        char b = Character.toLowerCase(buf[start + 1]);
        return a == 'r' ? b == 'b' || b == 'f' : (a == 'b' || a == 'f') && b == 'r';
    }

    // ------------------------------------------------------------------ numbers

    /**
     * A numeric literal, with CPython's error messages and caret positions. Where CPython
     * reports "invalid ... literal" its caret stands on the last character it consumed,
     * hence the {@code p - 1} in {@link #invalidAt}.
     */
    private void number() {
        int start = p;
        if (buf[p] == '0' && "xXoObB".indexOf(buf[p + 1]) >= 0) {
            radixInteger(start);
            return;
        }
        boolean isFloat = buf[p] == '.';
        if (!isFloat) {
            decimalDigits();
        }
        int intEnd = p;
        if (buf[p] == '.') {
            isFloat = true;
            p++;
            if (isDigit(buf[p])) {
                decimalDigits();
            }
        }
        if ((buf[p] == 'e' || buf[p] == 'E') && exponent()) {
            isFloat = true;
        }
        if (buf[p] == 'j' || buf[p] == 'J') {
            p++;
            verifyEndOfNumber("imaginary");
            // valid Python, so a lexical error later in the file would still be reported first
            defer(SyntaxError.unsupported("complex numbers", src, posFrom(start)));
            add(Kind.NUMBER, new String(buf, start, p - start), null, start);
            return;
        }
        if (!isFloat && buf[start] == '0') {
            rejectLeadingZeros(start, intEnd);
        }
        verifyEndOfNumber("decimal");
        Number value = isFloat
                ? NumberLiteral.decimalFloat(buf, start, p)
                : NumberLiteral.integer(buf, start, p, 10);
        add(Kind.NUMBER, new String(buf, start, p - start), value, start);
    }

    /** Digits with single underscores between them; {@code p} is on a digit. */
    private void decimalDigits() {
        while (true) {
            while (isDigit(buf[p])) {
                p++;
            }
            if (buf[p] != '_') {
                return;
            }
            p++;
            if (!isDigit(buf[p])) {
                throw invalidAt("invalid decimal literal");
            }
        }
    }

    /**
     * At an {@code e}: consumes the exponent and returns true, or returns false when the
     * {@code e} starts a keyword instead ({@code 1else}, which 3.11 still accepts).
     */
    private boolean exponent() {
        int e = p;
        p++;
        if (buf[p] == '+' || buf[p] == '-') {
            p++;
            if (!isDigit(buf[p])) {
                throw invalidAt("invalid decimal literal");
            }
        } else if (!isDigit(buf[p])) {
            p = e;
            verifyEndOfNumber("decimal");
            return false;
        }
        decimalDigits();
        return true;
    }

    /** {@code 012} is an error: in Python 2 it was octal, so Python 3 refuses to guess. */
    private void rejectLeadingZeros(int start, int intEnd) {
        int zerosEnd = start;
        while (buf[zerosEnd] == '0' || buf[zerosEnd] == '_') {
            zerosEnd++;
        }
        if (zerosEnd < intEnd) {
            throw error("leading zeros in decimal integer literals are not permitted; "
                    + "use an 0o prefix for octal integers",
                    start - lineStart, zerosEnd - lineStart);
        }
    }

    private void radixInteger(int start) {
        char letter = Character.toLowerCase(buf[start + 1]);
        int radix = letter == 'x' ? 16 : letter == 'o' ? 8 : 2;
        String kind = letter == 'x' ? "hexadecimal" : letter == 'o' ? "octal" : "binary";
        p = start + 2;
        do {
            if (buf[p] == '_') {
                p++;
            }
            if (Character.digit(buf[p], radix) < 0 || buf[p] >= 0x80) {
                rejectDigitOutOfRadix(radix, kind);
                throw invalidAt("invalid " + kind + " literal");
            }
            while (buf[p] < 0x80 && Character.digit(buf[p], radix) >= 0) {
                p++;
            }
        } while (buf[p] == '_');
        rejectDigitOutOfRadix(radix, kind);
        verifyEndOfNumber(kind);
        Number value = NumberLiteral.integer(buf, start + 2, p, radix);
        add(Kind.NUMBER, new String(buf, start, p - start), value, start);
    }

    /** {@code 0o8}, {@code 0b2}: CPython names the offending digit. */
    private void rejectDigitOutOfRadix(int radix, String kind) {
        if (radix < 10 && isDigit(buf[p])) {
            char d = buf[p++];
            throw invalidAt("invalid digit '" + d + "' in " + kind + " literal");
        }
    }

    /**
     * A number must not run into a name ({@code 123abc}), except into the keywords that may
     * follow a number in valid code ({@code 1if x else 2}), which Python 3.11 only warns about.
     * CPython 3.11 looks at ASCII only here: {@code 1é} is a number and a name, and the parser
     * rejects the pair.
     */
    private void verifyEndOfNumber(String kind) {
        if (isAsciiIdentifierChar(buf[p]) && !keywordFollows(p)) {
            int col = p - 1 - lineStart;  // CPython's caret: the last char of the number
            throw error("invalid " + kind + " literal", col, col + 1);
        }
    }

    private boolean keywordFollows(int i) {
        return switch (buf[i]) {
            case 'a' -> startsWith(i + 1, "nd");
            case 'e' -> startsWith(i + 1, "lse");
            case 'f' -> startsWith(i + 1, "or");
            case 'i' -> buf[i + 1] == 'f' || buf[i + 1] == 'n' || buf[i + 1] == 's';
            case 'n' -> startsWith(i + 1, "ot");
            case 'o' -> startsWith(i + 1, "r");
            default -> false;
        };
    }

    private boolean startsWith(int i, String s) {
        for (int k = 0; k < s.length(); k++) {
            if (buf[i + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** CPython's plain {@code syntaxerror()}: the caret on the last character consumed. */
    private SyntaxError invalidAt(String msg) {
        int col = p - 1 - lineStart;
        return error(msg, col, col + 1);
    }

    // ------------------------------------------------------------------ strings

    /**
     * A string literal whose prefix is {@code buf[start..quoteAt)}. The end is the first
     * unescaped matching quote (or triple quote); a backslash always protects the next
     * character, even in raw strings, where it is nevertheless kept in the value.
     */
    private void string(int start, int quoteAt) {
        boolean bytes = false;
        boolean raw = false;
        boolean fstring = false;
        for (int i = start; i < quoteAt; i++) {
            switch (Character.toLowerCase(buf[i])) {
                case 'b' -> bytes = true;
                case 'r' -> raw = true;
                case 'f' -> fstring = true;
                default -> { }  // u: the Python 2 spelling of a plain str
            }
        }
        char quote = buf[quoteAt];
        int startLine = line;
        int startCol = start - lineStart;
        p = quoteAt + 1;
        int quoteSize = 1;
        if (buf[p] == quote && buf[p + 1] == quote) {
            quoteSize = 3;
            p += 2;
        }
        int bodyStart = p;
        int bodyCol = p - lineStart;
        boolean escapes = false;
        boolean nonAscii = false;
        while (true) {
            char c = buf[p];
            if (c == quote && (quoteSize == 1 || buf[p + 1] == quote && buf[p + 2] == quote)) {
                break;
            } else if (c == '\n') {
                if (quoteSize == 1) {
                    throw unterminated("unterminated string literal", line, startLine, startCol);
                }
                newLine();
            } else if (c == '\0') {
                throw unterminated(quoteSize == 1 ? "unterminated string literal"
                        : "unterminated triple-quoted string literal", line - 1, startLine, startCol);
            } else if (c == '\\') {
                escapes = true;
                p++;
                if (buf[p] == '\n') {
                    newLine();
                } else if (buf[p] != '\0') {
                    p++;
                }
            } else {
                nonAscii |= c >= 0x80;
                p++;
            }
        }
        int bodyEnd = p;
        Pos bodyPos = new Pos(startLine, bodyCol, line, bodyEnd - lineStart);
        p += quoteSize;
        Pos pos = new Pos(startLine, startCol, line, p - lineStart);
        out.add(new Token(Kind.STRING, new String(buf, start, p - start),
                literal(bodyStart, bodyEnd, bytes, raw, fstring, nonAscii, escapes, pos, bodyPos),
                pos));
    }

    /**
     * The value of a string token. Its errors are the parser's in CPython (the token itself is
     * fine), so they are deferred like "invalid syntax" and the value is then null.
     */
    private StringLiteral literal(int bodyStart, int bodyEnd, boolean bytes, boolean raw,
                                  boolean fstring, boolean nonAscii, boolean escapes, Pos pos,
                                  Pos bodyPos) {
        if (bytes && nonAscii) {
            defer(new SyntaxError("bytes can only contain ASCII literal characters", src, pos));
            return null;
        }
        String body;
        if (escapes && !raw && !fstring) {
            try {
                body = StringDecoder.decode(buf, bodyStart, bodyEnd, bytes, src, pos);
            } catch (SyntaxError e) {
                defer(e);
                return null;
            }
        } else {
            body = new String(buf, bodyStart, bodyEnd - bodyStart);
        }
        return new StringLiteral(body, bytes, raw, fstring, bodyPos);
    }

    /** CPython points at the start of the literal and names the line where it gave up. */
    private SyntaxError unterminated(String what, int detectedAt, int startLine, int startCol) {
        return new SyntaxError(what + " (detected at line " + detectedAt + ")", src,
                new Pos(startLine, startCol, startLine, startCol + 1));
    }

    // ------------------------------------------------------------------ operators

    /** Operators and delimiters, longest match first; brackets are tracked for the messages. */
    private void operator() {
        int start = p;
        char c = buf[p];
        char c1 = buf[p + 1];
        char c2 = buf[p + 2];
        String op = switch (c) {
            case '(', '[', '{' -> open(c);
            case ')', ']', '}' -> close(c);
            case ',' -> ",";
            case ';' -> ";";
            case '~' -> "~";
            case '.' -> c1 == '.' && c2 == '.' ? "..." : ".";
            case ':' -> c1 == '=' ? ":=" : ":";
            case '=' -> c1 == '=' ? "==" : "=";
            case '!' -> c1 == '=' ? "!=" : null;
            case '+' -> c1 == '=' ? "+=" : "+";
            case '-' -> c1 == '=' ? "-=" : c1 == '>' ? "->" : "-";
            case '%' -> c1 == '=' ? "%=" : "%";
            case '@' -> c1 == '=' ? "@=" : "@";
            case '&' -> c1 == '=' ? "&=" : "&";
            case '|' -> c1 == '=' ? "|=" : "|";
            case '^' -> c1 == '=' ? "^=" : "^";
            case '*' -> c1 == '*' ? (c2 == '=' ? "**=" : "**") : c1 == '=' ? "*=" : "*";
            case '/' -> c1 == '/' ? (c2 == '=' ? "//=" : "//") : c1 == '=' ? "/=" : "/";
            case '<' -> c1 == '<' ? (c2 == '=' ? "<<=" : "<<")
                    : c1 == '=' ? "<=" : c1 == '>' ? "<>" : "<";
            case '>' -> c1 == '>' ? (c2 == '=' ? ">>=" : ">>") : c1 == '=' ? ">=" : ">";
            default -> null;
        };
        if (op == null || op.equals("<>")) {
            invalidSyntax(c, op == null ? 1 : 2);
            return;
        }
        p += op.length();
        add(Kind.OP, op, null, start);
    }

    /**
     * {@code <>} (PEP 401's joke), a lone {@code !} (only meaningful inside f-string
     * replacement fields, which the parser reads), {@code $}, {@code ?}, a backtick: CPython's
     * tokenizer lets them through and its parser says "invalid syntax", so it is deferred.
     * Control characters, in contrast, are the tokenizer's own error.
     */
    private void invalidSyntax(char c, int len) {
        int col = p - lineStart;
        if (c < 0x20 || c == 0x7F) {
            throw error(String.format("invalid non-printable character U+%04X", (int) c), col, col + 1);
        }
        defer(error("invalid syntax", col, col + len));
        p += len;
    }

    /**
     * Keeps {@code e} to report at the end unless a lexical error comes first. CPython's
     * tokenizer runs lazily under its parser, and before reporting a parser-level error (a
     * stray character's "invalid syntax", a bad escape in a string) it tokenizes the rest of
     * the file: a tokenizer error found there wins. Complex literals, valid Python that Taipan
     * lacks, wait the same way.
     */
    private void defer(SyntaxError e) {
        if (pendingError == null) {
            pendingError = e;
        }
    }

    /**
     * The error to report for {@code e}, a condition CPython's tokenizer flags without raising
     * (indentation, line continuation, end of file inside brackets). Its rescan stops there, so
     * an earlier deferred error wins, except that "'(' was never closed" is preferred for a
     * bracket opened on a line before the deferred error.
     */
    private SyntaxError orPending(SyntaxError e) {
        if (pendingError == null) {
            return e;
        }
        // CPython's one exception: a bracket opened on a line before the pending error
        boolean bracketOpenedEarlier = depth > 0 && bracketLines[depth - 1] < pendingError.pos().line();
        return bracketOpenedEarlier ? neverClosed() : pendingError;
    }

    private String open(char c) {
        if (depth == MAX_BRACKETS) {
            throw error("too many nested parentheses", p - lineStart, p - lineStart + 1);
        }
        brackets[depth] = c;
        bracketLines[depth] = line;
        bracketCols[depth] = p - lineStart;
        depth++;
        return c == '(' ? "(" : c == '[' ? "[" : "{";
    }

    private String close(char c) {
        int col = p - lineStart;
        if (depth == 0) {
            throw error("unmatched '" + c + "'", col, col + 1);
        }
        depth--;
        char opener = brackets[depth];
        if (opener != matchingOpener(c)) {
            String msg = "closing parenthesis '" + c + "' does not match opening parenthesis '"
                    + opener + "'";
            if (bracketLines[depth] != line) {
                msg += " on line " + bracketLines[depth];
            }
            throw error(msg, col, col + 1);
        }
        return c == ')' ? ")" : c == ']' ? "]" : "}";
    }

    private static char matchingOpener(char closer) {
        return closer == ')' ? '(' : closer == ']' ? '[' : '{';
    }

    /** At the end of input the innermost open bracket is the one to blame. */
    private SyntaxError neverClosed() {
        int top = depth - 1;
        int col = bracketCols[top];
        return new SyntaxError("'" + brackets[top] + "' was never closed", src,
                new Pos(bracketLines[top], col, bracketLines[top], col + 1));
    }

    // ------------------------------------------------------------------ helpers

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiIdentifierChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** Like CPython, any non-ASCII char may start a name; {@link #unicodeIdentifier} judges it. */
    private static boolean isIdentifierStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80;
    }

    /** A token from {@code start} to {@code p}, both on the current line. */
    private void add(Kind kind, String text, Object value, int start) {
        out.add(new Token(kind, text, value, posFrom(start)));
    }

    private Pos posFrom(int start) {
        return new Pos(line, start - lineStart, line, p - lineStart);
    }

    private SyntaxError error(String msg, int col, int endCol) {
        return new SyntaxError(msg, src, new Pos(line, col, line, endCol));
    }
}
