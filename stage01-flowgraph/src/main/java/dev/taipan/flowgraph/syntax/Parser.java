package dev.taipan.flowgraph.syntax;

import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.syntax.Ast.*;
import dev.taipan.flowgraph.syntax.Token.Kind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The parser: tokens to {@link Ast}, for the Python 3.11 grammar minus what Taipan does not
 * support (those constructs are recognised and rejected with
 * {@link SyntaxError#unsupported}).
 *
 * <p><b>Approach.</b> Hand-written recursive descent, one method per grammar rule, each named
 * after the rule in CPython's {@code Grammar/python.gram} and headed by the rule it parses.
 * Python's grammar is almost LL(1) at the token level; the few places that need more look-ahead
 * ({@code with (a, b):} versus {@code with (a, b) as c:}) back up and retry. The six binary
 * operator levels from {@code |} to {@code *} are one method driven by a precedence table
 * ({@link #binaryPrecedence}): <em>precedence climbing</em>. The levels above them build other
 * node shapes ({@code Compare} chains, n-ary {@code BoolOp}s) and keep their own methods.
 *
 * <p><b>Targets.</b> The left side of {@code a, b[i] = ...} is parsed as an ordinary
 * expression, because only the {@code =} after it says it was a target; {@link Targets} then
 * checks its shape and words the error as CPython does ("cannot assign to function call").
 * {@code for} and comprehension targets are parsed at the {@code |} level so that the
 * {@code in} that follows is not taken for a comparison.
 *
 * <p><b>f-strings.</b> The lexer hands over an f-string's raw body; {@link FStringParser} splits
 * it into literal parts and {@code {expr!conv:spec}} fields and parses each expression with a
 * fresh lexer and parser, shifting the sub-tokens so that nested nodes keep their true source
 * positions.
 *
 * <p><b>Positions</b> follow CPython's {@code ast}: a node spans from the first token of the
 * rule that built it to the last token that rule consumed, so {@code (a).b} starts at the
 * parenthesis while the Name inside does not.
 *
 * <p><b>Errors</b> are CPython 3.11's words at CPython's position where the user is likely to
 * meet them; anything else is "invalid syntax" at the token where parsing could not go on.
 * The parser decides by looking at tokens, so it is fast; exceptions steer it only on error
 * paths (to find the best message) and in the rare {@code with (} back-up.
 */
public final class Parser {

    private final SourceFile src;
    private final Token[] toks;
    private int p;
    /** Nesting of (), [] and {}: inside brackets two juxtaposed expressions hint a missing comma. */
    private int depth;
    /**
     * Nesting of the recursive expression rules. Bounded so that no input, however long its
     * chain of {@code not not ...} or {@code - - ...}, can overflow the Java stack; CPython stops
     * such input too (with a MemoryError or RecursionError).
     */
    private int nesting;
    static final int MAX_NESTING = 1000;

    Parser(SourceFile src, List<Token> tokens) {
        this.src = src;
        this.toks = tokens.toArray(new Token[0]);
    }

    /** Parses a whole module ({@code exec} input). */
    public static Ast.Module parse(SourceFile src) {
        return new Parser(src, Lexer.tokenize(src)).fileInput();
    }

    /** Parses one expression ({@code eval} input), e.g. a notebook's value cell. */
    public static Expr parseExpression(SourceFile src) {
        return new Parser(src, Lexer.tokenize(src)).evalInput();
    }

    // ================================================================ token helpers

    private Token tok() {
        return toks[p];
    }

    private Token la(int k) {
        return toks[Math.min(p + k, toks.length - 1)];
    }

    private Token advance() {
        Token t = toks[p];
        if (p < toks.length - 1) {
            p++;
        }
        return t;
    }

    private boolean at(String s) {
        return toks[p].is(s);
    }

    private boolean at(Kind k) {
        return toks[p].kind() == k;
    }

    private boolean accept(String s) {
        if (toks[p].is(s)) {
            advance();
            return true;
        }
        return false;
    }

    private Token expect(String s) {
        if (!at(s)) {
            throw invalidSyntax();
        }
        return advance();
    }

    /** A NAME that is not a keyword. */
    private Token expectName() {
        Token t = tok();
        if (t.kind() != Kind.NAME || Keywords.isKeyword(t.text())) {
            throw invalidSyntax();
        }
        return advance();
    }

    /** From {@code start} to the end of the last consumed token. */
    private Pos span(Pos start) {
        Pos end = toks[Math.max(p - 1, 0)].pos();
        return new Pos(start.line(), start.col(), end.endLine(), end.endCol());
    }

    private static Pos spanToLast(Pos start, List<? extends Ast> nodes) {
        Pos end = nodes.getLast().pos();
        return new Pos(start.line(), start.col(), end.endLine(), end.endCol());
    }

    // ================================================================ errors

    SyntaxError error(String msg, Pos pos) {
        return new SyntaxError(msg, src, pos);
    }

    private SyntaxError unsupported(String construct, Pos pos) {
        return SyntaxError.unsupported(construct, src, pos);
    }

    private SyntaxError indentationError(String msg, Pos pos) {
        return new SyntaxError(SyntaxError.Kind.IndentationError, msg, src, pos);
    }

    /** The catch-all error at the current token. */
    private SyntaxError invalidSyntax() {
        Token t = tok();
        if (t.kind() == Kind.INDENT) {
            return unexpectedIndent(t);
        }
        if (t.is(":=")) {
            return unsupported("assignment expression ':='", t.pos());
        }
        return error("invalid syntax", errorPos());
    }

    /** CPython puts the caret on the last character of the indentation. */
    private SyntaxError unexpectedIndent(Token indent) {
        Pos p = indent.pos();
        return indentationError("unexpected indent", new Pos(p.endLine(), Math.max(0, p.endCol() - 1),
                p.endLine(), p.endCol()));
    }

    /** The current token's position; at the end of the file, CPython points at the last line instead. */
    private Pos errorPos() {
        if (at(Kind.ENDMARKER)) {
            for (int i = p - 1; i >= 0; i--) {
                if (toks[i].kind() == Kind.NEWLINE) {
                    return toks[i].pos();
                }
            }
        }
        return tok().pos();
    }

    /** {@code ':'} ending a compound statement's header; CPython names it when a NEWLINE comes instead. */
    private void expectColon() {
        if (at(":")) {
            advance();
        } else if (at(Kind.NEWLINE)) {
            throw error("expected ':'", tok().pos());
        } else {
            throw invalidSyntax();
        }
    }

    // ================================================================ start rules

    // file: [statements] ENDMARKER
    private Ast.Module fileInput() {
        List<Stmt> body = new ArrayList<>();
        while (!at(Kind.ENDMARKER)) {
            if (at(Kind.NEWLINE)) {
                advance();
                continue;
            }
            statement(body);
        }
        Pos pos = body.isEmpty() ? new Pos(1, 0, 1, 0) : spanToLast(body.getFirst().pos(), body);
        return new Ast.Module(pos, List.copyOf(body));
    }

    // eval: expressions NEWLINE* ENDMARKER
    private Expr evalInput() {
        while (at(Kind.NEWLINE) || at(Kind.INDENT)) {
            advance();
        }
        Expr e = starExpressions();
        while (at(Kind.NEWLINE) || at(Kind.DEDENT)) {
            advance();
        }
        if (!at(Kind.ENDMARKER)) {
            throw invalidSyntax();
        }
        return e;
    }

    // ================================================================ statements

    // statement: compound_stmt | simple_stmts
    private void statement(List<Stmt> out) {
        Token t = tok();
        if (t.kind() == Kind.NAME) {
            switch (t.text()) {
                case "def" -> { out.add(functionDef(List.of())); return; }
                case "class" -> { out.add(classDef(List.of())); return; }
                case "if" -> { out.add(ifStmt()); return; }
                case "while" -> { out.add(whileStmt()); return; }
                case "for" -> { out.add(forStmt()); return; }
                case "try" -> { out.add(tryStmt()); return; }
                case "with" -> { out.add(withStmt()); return; }
                case "async" -> throw unsupported(asyncConstruct(la(1)), t.pos());
                case "match" -> {
                    if (isMatchStatement()) {
                        throw unsupported("match statement", t.pos());
                    }
                }
                case "type" -> {
                    if (la(1).kind() == Kind.NAME && (la(2).is("=") || la(2).is("["))) {
                        throw unsupported("type alias statement", t.pos());
                    }
                }
                default -> { }
            }
        } else if (t.is("@")) {
            out.add(decorated());
            return;
        } else if (t.kind() == Kind.INDENT) {
            throw unexpectedIndent(t);
        }
        simpleStmts(out);
    }

    private static String asyncConstruct(Token next) {
        return switch (next.text()) {
            case "def" -> "async def";
            case "for" -> "async for";
            case "with" -> "async with";
            default -> "async";
        };
    }

    /** {@code match} is a soft keyword: a match statement's header line ends with ':'. */
    private boolean isMatchStatement() {
        Token next = la(1);
        if (next.is("=") || next.is(".") || next.is(":") || next.kind() == Kind.NEWLINE) {
            return false;
        }
        for (int i = p + 1; i < toks.length; i++) {
            if (toks[i].kind() == Kind.NEWLINE || toks[i].kind() == Kind.ENDMARKER) {
                return toks[i - 1].is(":");
            }
        }
        return false;
    }

    // simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE
    private void simpleStmts(List<Stmt> out) {
        while (true) {
            out.add(simpleStmt());
            if (!accept(";") || at(Kind.NEWLINE)) {
                break;
            }
        }
        if (!at(Kind.NEWLINE)) {
            throw invalidSyntax();
        }
        advance();
    }

    // simple_stmt: assignment | star_expressions | return_stmt | import_stmt | raise_stmt | 'pass'
    //            | del_stmt | yield_stmt | assert_stmt | 'break' | 'continue' | global_stmt | nonlocal_stmt
    private Stmt simpleStmt() {
        Token t = tok();
        if (t.kind() == Kind.NAME) {
            switch (t.text()) {
                case "pass": advance(); return new Pass(t.pos());
                case "break": advance(); return new Break(t.pos());
                case "continue": advance(); return new Continue(t.pos());
                case "return": return returnStmt();
                case "raise": return raiseStmt();
                case "global", "nonlocal": return globalStmt();
                case "del": return delStmt();
                case "assert": return assertStmt();
                case "import": return importName();
                case "from": return importFrom();
                default: break;
            }
        }
        return expressionStmt();
    }

    // assignment | star_expressions: the first expression decides which it is
    private Stmt expressionStmt() {
        Token first = tok();
        Expr e = at("yield") ? yieldExpr() : starExpressions();
        Token t = tok();
        if (t.is("=")) {
            return assignment(first, e);
        }
        if (t.is(":")) {
            return annotatedAssignment(first, e);
        }
        Operator aug = t.kind() == Kind.OP ? augmentedOperator(t) : null;
        if (aug != null) {
            // single_target augassign ~ (yield_expr | star_expressions)
            if (!Targets.isSingleTarget(e)) {
                throw error("'" + Targets.exprName(e) + "' is an illegal expression for augmented assignment",
                        e.pos());
            }
            advance();
            Expr value = at("yield") ? yieldExpr() : starExpressions();
            return new AugAssign(span(first.pos()), e, aug, value);
        }
        return new ExprStmt(span(first.pos()), e);
    }

    // (star_targets '=')+ (yield_expr | star_expressions)
    private Stmt assignment(Token first, Expr e) {
        List<Expr> targets = new ArrayList<>();
        Expr value = e;
        Expr bareYield = first.is("yield") ? e : null;
        Token afterFirstEq = null;
        while (accept("=")) {
            if (afterFirstEq == null) {
                afterFirstEq = tok();
            }
            targets.add(value);
            if (at("yield")) {
                value = yieldExpr();
                if (bareYield == null) {
                    bareYield = value;
                }
            } else {
                value = starExpressions();
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            Expr target = targets.get(i);
            Expr bad = Targets.invalid(target, Targets.Use.ASSIGN);
            if (bad == null) {
                continue;
            } else if (bad == bareYield) {
                throw error("assignment to yield expression not possible", bad.pos());
            }
            String msg = "cannot assign to " + Targets.exprName(bad);
            if (i == 0 && bad == target && targets.size() == 1 && isBitwiseOrLevel(target)
                    && !(afterFirstEq.is("yield") || afterFirstEq.is("not") || afterFirstEq.is("lambda")
                    || afterFirstEq.is("*"))) {
                // CPython's hint for `f() = 1`: one whole target that is an operand, not a
                // condition or a lambda, looks like a comparison with a missing '='
                msg += " here. Maybe you meant '==' instead of '='?";
            }
            throw error(msg, bad.pos());
        }
        return new Assign(span(first.pos()), List.copyOf(targets), value);
    }

    /** An expression that can stand as an operand of '|': not a condition, lambda, generator or True/False/None. */
    private static boolean isBitwiseOrLevel(Expr e) {
        return switch (e) {
            case IfExp x -> false;
            case Compare x -> false;
            case BoolOp x -> false;
            case UnaryOp u -> u.op() != UnaryOperator.NOT;
            case Lambda x -> false;
            case GeneratorExp x -> false;
            case Yield x -> false;
            case YieldFrom x -> false;
            default -> !isBoolOrNone(e);
        };
    }

    private static boolean isBoolOrNone(Expr e) {
        return e instanceof Constant c && (c.value() instanceof Boolean || c.value() == Singleton.NONE);
    }

    // annotated: single_target ':' expression ['=' annotated_rhs]
    private Stmt annotatedAssignment(Token first, Expr target) {
        switch (target) {
            case Tuple t -> throw error("only single target (not tuple) can be annotated", target.pos());
            case ListExpr l -> throw error("only single target (not list) can be annotated", target.pos());
            default -> {
                if (!Targets.isSingleTarget(target)) {
                    throw error("illegal target for annotation", target.pos());
                }
            }
        }
        advance();
        Expr annotation = expression();
        Expr value = null;
        if (accept("=")) {
            value = at("yield") ? yieldExpr() : starExpressions();
        }
        boolean simple = target instanceof Name && !first.is("(");
        return new AnnAssign(span(first.pos()), target, annotation, value, simple);
    }

    private Operator augmentedOperator(Token t) {
        return switch (t.text()) {
            case "+=" -> Operator.ADD;
            case "-=" -> Operator.SUB;
            case "*=" -> Operator.MULT;
            case "/=" -> Operator.DIV;
            case "//=" -> Operator.FLOORDIV;
            case "%=" -> Operator.MOD;
            case "**=" -> Operator.POW;
            case "<<=" -> Operator.LSHIFT;
            case ">>=" -> Operator.RSHIFT;
            case "&=" -> Operator.BITAND;
            case "|=" -> Operator.BITOR;
            case "^=" -> Operator.BITXOR;
            case "@=" -> throw unsupported("matrix multiplication operator '@='", t.pos());
            default -> null;
        };
    }

    // return_stmt: 'return' [star_expressions]
    private Stmt returnStmt() {
        Token kw = advance();
        Expr value = startsExpression(tok()) ? starExpressions() : null;
        return new Return(span(kw.pos()), value);
    }

    // raise_stmt: 'raise' expression ['from' expression] | 'raise'
    private Stmt raiseStmt() {
        Token kw = advance();
        Expr exc = null;
        Expr cause = null;
        if (startsExpression(tok())) {
            exc = expression();
            if (accept("from")) {
                cause = expression();
            }
        }
        return new Raise(span(kw.pos()), exc, cause);
    }

    // global_stmt: 'global' ','.NAME+ | nonlocal_stmt: 'nonlocal' ','.NAME+
    private Stmt globalStmt() {
        Token kw = advance();
        List<String> names = new ArrayList<>();
        do {
            names.add(expectName().text());
        } while (accept(","));
        return kw.text().equals("global")
                ? new Global(span(kw.pos()), List.copyOf(names))
                : new Nonlocal(span(kw.pos()), List.copyOf(names));
    }

    // del_stmt: 'del' ','.del_target+ [','] &(';' | NEWLINE)
    private Stmt delStmt() {
        Token kw = advance();
        List<Expr> targets = new ArrayList<>();
        do {
            if (at(";") || at(Kind.NEWLINE)) {
                break;
            }
            Expr t = starExpression();
            Targets.checkDelete(t, src);
            targets.add(t);
        } while (accept(","));
        if (targets.isEmpty()) {
            throw invalidSyntax();
        }
        return new Delete(span(kw.pos()), List.copyOf(targets));
    }

    // assert_stmt: 'assert' expression [',' expression]
    private Stmt assertStmt() {
        Token kw = advance();
        Expr test = expression();
        Expr msg = accept(",") ? expression() : null;
        return new Assert(span(kw.pos()), test, msg);
    }

    // import_name: 'import' ','.(dotted_name ['as' NAME])+
    private Stmt importName() {
        Token kw = advance();
        List<Alias> names = new ArrayList<>();
        do {
            Token first = tok();
            String name = dottedName();
            String asname = accept("as") ? expectName().text() : null;
            names.add(new Alias(span(first.pos()), name, asname));
        } while (accept(","));
        return new Import(span(kw.pos()), List.copyOf(names));
    }

    // dotted_name: NAME ('.' NAME)*
    private String dottedName() {
        String name = expectName().text();
        if (!at(".")) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name);
        while (accept(".")) {
            sb.append('.').append(expectName().text());
        }
        return sb.toString();
    }

    // import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
    //            | 'from' ('.' | '...')+ 'import' import_from_targets
    private Stmt importFrom() {
        Token kw = advance();
        int level = 0;
        while (at(".") || at("...")) {
            level += advance().text().length();
        }
        String module = level > 0 && at("import") ? null : dottedName();
        expect("import");
        List<Alias> names = new ArrayList<>();
        if (at("*")) {
            names.add(new Alias(advance().pos(), "*", null));
        } else if (accept("(")) {
            depth++;
            do {
                if (at(")")) {
                    break;
                }
                names.add(importAlias());
            } while (accept(","));
            if (names.isEmpty()) {
                throw invalidSyntax();
            }
            expect(")");
            depth--;
        } else {
            do {
                names.add(importAlias());
            } while (accept(","));
            if (toks[p - 1].is(",")) {
                throw error("trailing comma not allowed without surrounding parentheses", tok().pos());
            }
        }
        return new ImportFrom(span(kw.pos()), module, List.copyOf(names), level);
    }

    // import_from_as_name: NAME ['as' NAME]
    private Alias importAlias() {
        if (at(Kind.NEWLINE) && toks[p - 1].is(",")) {
            throw error("trailing comma not allowed without surrounding parentheses", tok().pos());
        }
        Token name = expectName();
        String asname = accept("as") ? expectName().text() : null;
        return new Alias(span(name.pos()), name.text(), asname);
    }

    // ---------------------------------------------------------------- compound statements

    // block: NEWLINE INDENT statements DEDENT | simple_stmts
    private List<Stmt> block(String header, int line) {
        List<Stmt> body = new ArrayList<>();
        if (!at(Kind.NEWLINE)) {
            simpleStmts(body);
            return List.copyOf(body);
        }
        Token newline = advance();
        if (!at(Kind.INDENT)) {
            Pos pos = at(Kind.ENDMARKER) ? newline.pos() : tok().pos();
            throw indentationError("expected an indented block after " + header + " on line " + line, pos);
        }
        advance();
        while (!at(Kind.DEDENT) && !at(Kind.ENDMARKER)) {
            statement(body);
        }
        acceptDedent();
        return List.copyOf(body);
    }

    private void acceptDedent() {
        if (at(Kind.DEDENT)) {
            advance();
        }
    }

    // if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
    private Stmt ifStmt() {
        Token kw = advance();
        Expr test = namedExpression();
        expectColon();
        String what = kw.text().equals("if") ? "'if' statement" : "'elif' statement";
        List<Stmt> body = block(what, kw.line());
        List<Stmt> orelse = List.of();
        if (at("elif")) {
            orelse = List.of(ifStmt());
        } else if (at("else")) {
            orelse = elseBlock();
        }
        return new If(spanToLast(kw.pos(), orelse.isEmpty() ? body : orelse), test, body, orelse);
    }

    // else_block: 'else' ':' block
    private List<Stmt> elseBlock() {
        Token kw = advance();
        expectColon();
        return block("'else' statement", kw.line());
    }

    // while_stmt: 'while' named_expression ':' block [else_block]
    private Stmt whileStmt() {
        Token kw = advance();
        Expr test = namedExpression();
        expectColon();
        List<Stmt> body = block("'while' statement", kw.line());
        List<Stmt> orelse = at("else") ? elseBlock() : List.of();
        return new While(spanToLast(kw.pos(), orelse.isEmpty() ? body : orelse), test, body, orelse);
    }

    // for_stmt: 'for' star_targets 'in' star_expressions ':' block [else_block]
    private Stmt forStmt() {
        Token kw = advance();
        Expr target = starTargets();
        Targets.checkAssign(target, src);
        expect("in");
        Expr iter = starExpressions();
        expectColon();
        List<Stmt> body = block("'for' statement", kw.line());
        List<Stmt> orelse = at("else") ? elseBlock() : List.of();
        return new For(spanToLast(kw.pos(), orelse.isEmpty() ? body : orelse), target, iter, body, orelse);
    }

    // with_stmt: 'with' '(' ','.with_item+ ','? ')' ':' block | 'with' ','.with_item+ ':' block
    private Stmt withStmt() {
        Token kw = advance();
        List<WithItem> items = at("(") ? parenthesizedWithItems() : null;
        if (items == null) {
            items = new ArrayList<>();
            do {
                items.add(withItem());
            } while (accept(","));
        }
        expectColon();
        List<Stmt> body = block("'with' statement", kw.line());
        return new With(spanToLast(kw.pos(), body), List.copyOf(items), body);
    }

    /**
     * The 3.10 form {@code with (a as b, c):}. A parenthesis may also open the first context
     * expression ({@code with (a, b) as c:}, {@code with (yield):}), and only the token after the
     * matching ')' tells which; so try this form and back up (null) when it does not fit.
     */
    private List<WithItem> parenthesizedWithItems() {
        int saveP = p;
        int saveDepth = depth;
        try {
            advance();
            depth++;
            List<WithItem> items = new ArrayList<>();
            do {
                if (at(")")) {
                    break;
                }
                items.add(withItem());
            } while (accept(","));
            if (items.isEmpty() || !at(")") || !la(1).is(":")) {
                throw invalidSyntax();
            }
            advance();
            depth--;
            return items;
        } catch (SyntaxError e) {
            p = saveP;
            depth = saveDepth;
            return null;
        }
    }

    // with_item: expression ['as' star_target]
    private WithItem withItem() {
        Token first = tok();
        Expr context = expression();
        Expr vars = null;
        if (accept("as")) {
            vars = starTarget();
            Targets.checkAssign(vars, src);
        }
        return new WithItem(span(first.pos()), context, vars);
    }

    // try_stmt: 'try' ':' block (except_block+ [else_block] [finally_block] | finally_block)
    private Stmt tryStmt() {
        Token kw = advance();
        expectColon();
        List<Stmt> body = block("'try' statement", kw.line());
        List<ExceptHandler> handlers = new ArrayList<>();
        while (at("except")) {
            handlers.add(exceptBlock());
        }
        List<Stmt> orelse = List.of();
        if (at("else") && !handlers.isEmpty()) {
            orelse = elseBlock();
        }
        List<Stmt> finalbody = List.of();
        if (at("finally")) {
            Token fin = advance();
            expectColon();
            finalbody = block("'finally' statement", fin.line());
        }
        if (handlers.isEmpty() && finalbody.isEmpty()) {
            throw error("expected 'except' or 'finally' block", errorPos());
        }
        Pos end = !finalbody.isEmpty() ? finalbody.getLast().pos()
                : !orelse.isEmpty() ? orelse.getLast().pos() : handlers.getLast().pos();
        return new Try(kw.pos().to(end), body, List.copyOf(handlers), orelse, finalbody);
    }

    // except_block: 'except' [expression ['as' NAME]] ':' block
    private ExceptHandler exceptBlock() {
        Token kw = advance();
        if (at("*")) {
            throw unsupported("except*", kw.pos().to(tok().pos()));
        }
        Expr type = null;
        String name = null;
        if (!at(":")) {
            type = expression();
            if (at(",")) {
                Pos start = type.pos();
                while (accept(",")) {
                    expression();
                }
                throw error("multiple exception types must be parenthesized", span(start));
            }
            if (accept("as")) {
                name = expectName().text();
            }
        }
        expectColon();
        List<Stmt> body = block("'except' statement", kw.line());
        return new ExceptHandler(spanToLast(kw.pos(), body), type, name, body);
    }

    // decorators: ('@' named_expression NEWLINE)+ then a function or class definition
    private Stmt decorated() {
        List<Expr> decorators = new ArrayList<>();
        while (accept("@")) {
            decorators.add(namedExpression());
            if (!at(Kind.NEWLINE)) {
                throw invalidSyntax();
            }
            advance();
        }
        if (at("def")) {
            return functionDef(List.copyOf(decorators));
        } else if (at("class")) {
            return classDef(List.copyOf(decorators));
        } else if (at("async")) {
            throw unsupported(asyncConstruct(la(1)), tok().pos());
        }
        throw invalidSyntax();
    }

    // function_def: 'def' NAME &&'(' [params] ')' ['->' expression] &&':' block
    private Stmt functionDef(List<Expr> decorators) {
        Token kw = advance();
        Token name = expectName();
        if (!at("(")) {
            throw error("expected '('", tok().pos());
        }
        advance();
        depth++;
        Arguments args = parameters(")", true);
        expect(")");
        depth--;
        Expr returns = null;
        if (at("->")) {
            // CPython's rule is ['->' expression] &&':', so a bad annotation reads as a missing ':'
            Token arrow = advance();
            returns = tryParse(this::expression);
            if (returns == null) {
                throw error("expected ':'", arrow.pos());
            }
        }
        if (!at(":")) {
            throw error("expected ':'", tok().pos());
        }
        advance();
        List<Stmt> body = block("function definition", kw.line());
        return new FunctionDef(spanToLast(kw.pos(), body), name.text(), args, body, decorators, returns);
    }

    // class_def: 'class' NAME ['(' [arguments] ')'] ':' block
    private Stmt classDef(List<Expr> decorators) {
        Token kw = advance();
        Token name = expectName();
        CallArgs args = at("(") ? callArguments() : new CallArgs(List.of(), List.of());
        expectColon();
        List<Stmt> body = block("class definition", kw.line());
        return new ClassDef(spanToLast(kw.pos(), body), name.text(), args.args(), args.keywords(), body,
                decorators);
    }

    /**
     * params (of def, annotated) and lambda_params (not annotated), up to {@code close}:
     * {@code a, b=1, /, c, *args, d, e=2, **kw}.
     */
    private Arguments parameters(String close, boolean annotated) {
        Token first = tok();
        List<Arg> posonly = new ArrayList<>();
        List<Arg> args = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        List<Arg> kwonly = new ArrayList<>();
        List<Expr> kwDefaults = new ArrayList<>();
        Arg vararg = null;
        Arg kwarg = null;
        boolean star = false;
        boolean slash = false;
        while (!at(close)) {
            Token t = tok();
            if (t.is("/")) {
                if (slash) {
                    throw error("/ may appear only once", t.pos());
                } else if (star) {
                    throw error("/ must be ahead of *", t.pos());
                } else if (args.isEmpty()) {
                    throw error("at least one argument must precede /", t.pos());
                }
                advance();
                slash = true;
                posonly.addAll(args);
                args.clear();
            } else if (t.is("*")) {
                if (star) {
                    throw error("* argument may appear only once", t.pos());
                }
                advance();
                star = true;
                if (at(",") || at(close)) {
                    if (at(close) || la(1).is("**") || la(1).is(close)) {
                        throw error("named arguments must follow bare *", t.pos());
                    }
                } else {
                    vararg = parameter(annotated);
                }
            } else if (t.is("**")) {
                advance();
                kwarg = parameter(annotated);
                accept(",");
                if (!at(close)) {
                    throw error("arguments cannot follow var-keyword argument", tok().pos());
                }
                break;
            } else {
                Arg a = parameter(annotated);
                Expr dflt = accept("=") ? expression() : null;
                if (star) {
                    kwonly.add(a);
                    kwDefaults.add(dflt);
                } else if (dflt != null) {
                    args.add(a);
                    defaults.add(dflt);
                } else if (!defaults.isEmpty()) {
                    throw error("non-default argument follows default argument", a.pos());
                } else {
                    args.add(a);
                }
            }
            if (!accept(",")) {
                break;
            }
        }
        Arguments result = new Arguments(span(first.pos()), List.copyOf(posonly), List.copyOf(args), vararg,
                List.copyOf(kwonly), java.util.Collections.unmodifiableList(kwDefaults), kwarg,
                List.copyOf(defaults));
        checkDuplicateArguments(result);
        return result;
    }

    // param: NAME [':' expression]   (lambda_param: NAME)
    private Arg parameter(boolean annotated) {
        Token name = expectName();
        Expr annotation = null;
        if (annotated && accept(":")) {
            annotation = at("*") ? starExpression() : expression();
        }
        return new Arg(span(name.pos()), name.text(), annotation);
    }

    /** CPython finds these in its symbol table; here it costs one set per definition. */
    private void checkDuplicateArguments(Arguments a) {
        HashSet<String> seen = new HashSet<>();
        List<Arg> all = new ArrayList<>(a.posonlyargs());
        all.addAll(a.args());
        if (a.vararg() != null) {
            all.add(a.vararg());
        }
        all.addAll(a.kwonlyargs());
        if (a.kwarg() != null) {
            all.add(a.kwarg());
        }
        for (Arg arg : all) {
            if (!seen.add(arg.arg())) {
                throw error("duplicate argument '" + arg.arg() + "' in function definition", arg.pos());
            }
        }
    }

    // ================================================================ expressions

    /** Tokens that can begin an expression (used where an expression is optional). */
    private static boolean startsExpression(Token t) {
        return switch (t.kind()) {
            case NUMBER, STRING -> true;
            case NAME -> !Keywords.isKeyword(t.text()) || switch (t.text()) {
                case "None", "True", "False", "not", "lambda", "await" -> true;
                default -> false;
            };
            case OP -> switch (t.text()) {
                case "(", "[", "{", "-", "+", "~", "*", "..." , "." -> true;
                default -> false;
            };
            default -> false;
        };
    }

    // star_expressions: star_expression (',' star_expression)* [',']
    Expr starExpressions() {
        Token first = tok();
        Expr e = starExpression();
        if (!at(",")) {
            return e;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(e);
        while (accept(",")) {
            if (!startsExpression(tok())) {
                break;
            }
            elts.add(starExpression());
        }
        return new Tuple(span(first.pos()), List.copyOf(elts));
    }

    // star_expression: '*' bitwise_or | expression
    private Expr starExpression() {
        if (at("*")) {
            Token star = advance();
            Expr value = bitwiseOr();
            return new Starred(span(star.pos()), value);
        }
        return expression();
    }

    // star_named_expression: '*' bitwise_or | named_expression
    private Expr starNamedExpression() {
        return at("*") ? starExpression() : namedExpression();
    }

    // named_expression: NAME ':=' expression (unsupported) | expression !':='
    private Expr namedExpression() {
        Token first = tok();
        Expr e = expression();
        if (at(":=")) {
            throw unsupported("assignment expression ':='", tok().pos());
        } else if (at("=")) {
            misplacedEquals(first, e);
        }
        return e;
    }

    /**
     * An '=' after a condition or an element, as in {@code if x = 1:}: CPython's hints, when
     * what follows is an operand; otherwise the caller reports "invalid syntax" at the '='.
     */
    private void misplacedEquals(Token first, Expr target) {
        int save = p;
        advance();
        Expr value = tryParse(this::bitwiseOr);
        if (value != null && !at("=")) {
            if (target instanceof Name) {
                throw error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", span(first.pos()));
            } else if (isBitwiseOrLevel(target) && !(target instanceof Tuple || target instanceof ListExpr)) {
                throw error("cannot assign to " + Targets.exprName(target)
                        + " here. Maybe you meant '==' instead of '='?", target.pos());
            }
        }
        p = save;
    }

    // expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
    Expr expression() {
        enterNested();
        try {
            return expressionBody();
        } finally {
            nesting--;
        }
    }

    private void enterNested() {
        if (++nesting > MAX_NESTING) {
            throw error("expression too deeply nested (more than " + MAX_NESTING + " levels)", tok().pos());
        }
    }

    private Expr expressionBody() {
        if (at("lambda")) {
            return lambdef();
        }
        int firstIndex = p;
        Token first = tok();
        Expr e = disjunction();
        if (at("if")) {
            advance();
            Expr test = disjunction();
            if (!at("else")) {
                if (at(":")) {
                    throw invalidSyntax();
                }
                throw error("expected 'else' after 'if' expression", span(first.pos()));
            }
            advance();
            Expr orelse = expression();
            return new IfExp(span(first.pos()), test, e, orelse);
        }
        if (juxtaposable(tok())) {
            juxtaposedExpressions(firstIndex, e);
        }
        return e;
    }

    /** A token that cannot follow a complete expression but could begin another one. */
    private static boolean juxtaposable(Token t) {
        return switch (t.kind()) {
            case NUMBER, STRING -> true;
            case NAME -> !Keywords.isKeyword(t.text()) || switch (t.text()) {
                case "None", "True", "False", "not", "lambda" -> true;
                default -> false;
            };
            case OP -> t.text().equals("{") || t.text().equals("~") || t.text().equals("...");
            default -> false;
        };
    }

    /**
     * Two expressions side by side: {@code print "x"} is a Python 2 print statement; inside
     * brackets, {@code [a b]} most likely lacks a comma. Both hints are CPython's; elsewhere the
     * caller reports "invalid syntax" at the second expression.
     */
    private void juxtaposedExpressions(int firstIndex, Expr a) {
        Token first = toks[firstIndex];
        if (a instanceof Name n && p == firstIndex + 1 && (n.id().equals("print") || n.id().equals("exec"))) {
            Expr b = tryParse(this::starExpressions);
            if (b != null) {
                throw error("Missing parentheses in call to '" + n.id() + "'. Did you mean " + n.id() + "(...)?",
                        span(first.pos()));
            }
        }
        if (depth == 0 || first.kind() == Kind.NAME
                && (toks[firstIndex + 1].kind() == Kind.STRING || isSoftKeyword(first.text()))) {
            return;
        }
        Expr b = tryParse(this::expression);
        if (b != null) {
            throw error("invalid syntax. Perhaps you forgot a comma?", span(first.pos()));
        }
    }

    private static boolean isSoftKeyword(String s) {
        return s.equals("match") || s.equals("case") || s.equals("_");
    }

    /** Parses with {@code rule} if it can; otherwise leaves the position unchanged. Error paths only. */
    private Expr tryParse(java.util.function.Supplier<Expr> rule) {
        int saveP = p;
        int saveDepth = depth;
        try {
            return rule.get();
        } catch (SyntaxError e) {
            p = saveP;
            depth = saveDepth;
            return null;
        }
    }

    // lambdef: 'lambda' [lambda_params] ':' expression
    private Expr lambdef() {
        Token kw = advance();
        Arguments args = parameters(":", false);
        expect(":");
        Expr body = expression();
        return new Lambda(span(kw.pos()), args, body);
    }

    // disjunction: conjunction ('or' conjunction)*
    private Expr disjunction() {
        Token first = tok();
        Expr e = conjunction();
        if (!at("or")) {
            return e;
        }
        List<Expr> values = new ArrayList<>();
        values.add(e);
        while (accept("or")) {
            values.add(conjunction());
        }
        return new BoolOp(span(first.pos()), BoolOperator.OR, List.copyOf(values));
    }

    // conjunction: inversion ('and' inversion)*
    private Expr conjunction() {
        Token first = tok();
        Expr e = inversion();
        if (!at("and")) {
            return e;
        }
        List<Expr> values = new ArrayList<>();
        values.add(e);
        while (accept("and")) {
            values.add(inversion());
        }
        return new BoolOp(span(first.pos()), BoolOperator.AND, List.copyOf(values));
    }

    // inversion: 'not' inversion | comparison
    private Expr inversion() {
        if (at("not")) {
            Token kw = advance();
            enterNested();
            try {
                Expr operand = inversion();
                return new UnaryOp(span(kw.pos()), UnaryOperator.NOT, operand);
            } finally {
                nesting--;
            }
        }
        return comparison();
    }

    // comparison: bitwise_or (compare_op bitwise_or)*
    private Expr comparison() {
        Token first = tok();
        Expr left = bitwiseOr();
        CmpOperator op = compareOperator();
        if (op == null) {
            return left;
        }
        List<CmpOperator> ops = new ArrayList<>();
        List<Expr> comparators = new ArrayList<>();
        do {
            ops.add(op);
            comparators.add(bitwiseOr());
            op = compareOperator();
        } while (op != null);
        return new Compare(span(first.pos()), left, List.copyOf(ops), List.copyOf(comparators));
    }

    /** Consumes and returns a comparison operator, or returns null. */
    private CmpOperator compareOperator() {
        Token t = tok();
        CmpOperator op;
        if (t.kind() == Kind.OP) {
            op = switch (t.text()) {
                case "==" -> CmpOperator.EQ;
                case "!=" -> CmpOperator.NOTEQ;
                case "<" -> CmpOperator.LT;
                case "<=" -> CmpOperator.LTE;
                case ">" -> CmpOperator.GT;
                case ">=" -> CmpOperator.GTE;
                default -> null;
            };
        } else if (t.kind() == Kind.NAME) {
            switch (t.text()) {
                case "in" -> op = CmpOperator.IN;
                case "not" -> {
                    if (!la(1).is("in")) {
                        return null;
                    }
                    advance();
                    op = CmpOperator.NOTIN;
                }
                case "is" -> {
                    if (la(1).is("not")) {
                        advance();
                        op = CmpOperator.ISNOT;
                    } else {
                        op = CmpOperator.IS;
                    }
                }
                default -> op = null;
            }
        } else {
            op = null;
        }
        if (op != null) {
            advance();
        }
        return op;
    }

    // bitwise_or: the six binary levels, by precedence climbing
    private Expr bitwiseOr() {
        return binary(1);
    }

    /** 1 {@code |}, 2 {@code ^}, 3 {@code &}, 4 shifts, 5 {@code + -}, 6 {@code * / // % @}; -1 for non-operators. */
    private static int binaryPrecedence(Token t) {
        if (t.kind() != Kind.OP) {
            return -1;
        }
        return switch (t.text()) {
            case "|" -> 1;
            case "^" -> 2;
            case "&" -> 3;
            case "<<", ">>" -> 4;
            case "+", "-" -> 5;
            case "*", "/", "//", "%", "@" -> 6;
            default -> -1;
        };
    }

    private static Operator binaryOperator(String s) {
        return switch (s) {
            case "|" -> Operator.BITOR;
            case "^" -> Operator.BITXOR;
            case "&" -> Operator.BITAND;
            case "<<" -> Operator.LSHIFT;
            case ">>" -> Operator.RSHIFT;
            case "+" -> Operator.ADD;
            case "-" -> Operator.SUB;
            case "*" -> Operator.MULT;
            case "/" -> Operator.DIV;
            case "//" -> Operator.FLOORDIV;
            case "%" -> Operator.MOD;
            default -> throw new IllegalArgumentException(s);
        };
    }

    /**
     * Precedence climbing: parse a factor, then fold in every operator that binds at least as
     * tightly as {@code minPrecedence}; the right operand is parsed one level tighter, which
     * makes all six levels left-associative.
     */
    private Expr binary(int minPrecedence) {
        Token first = tok();
        Expr left = factor();
        while (true) {
            Token t = tok();
            int prec = binaryPrecedence(t);
            if (prec < minPrecedence) {
                return left;
            }
            if (t.is("@")) {
                throw unsupported("matrix multiplication operator '@'", t.pos());
            }
            advance();
            Expr right = binary(prec + 1);
            left = new BinOp(span(first.pos()), left, binaryOperator(t.text()), right);
        }
    }

    // factor: '+' factor | '-' factor | '~' factor | power
    private Expr factor() {
        Token t = tok();
        UnaryOperator op = null;
        if (t.kind() == Kind.OP) {
            op = switch (t.text()) {
                case "+" -> UnaryOperator.UADD;
                case "-" -> UnaryOperator.USUB;
                case "~" -> UnaryOperator.INVERT;
                default -> null;
            };
        }
        if (op == null) {
            return power();
        }
        advance();
        enterNested();
        try {
            Expr operand = factor();
            return new UnaryOp(span(t.pos()), op, operand);
        } finally {
            nesting--;
        }
    }

    // power: primary '**' factor | primary    (so -2**2 is -(2**2), and 2**-1 works)
    private Expr power() {
        Token first = tok();
        Expr base = primary();
        if (!at("**")) {
            return base;
        }
        advance();
        enterNested();
        try {
            Expr exponent = factor();
            return new BinOp(span(first.pos()), base, Operator.POW, exponent);
        } finally {
            nesting--;
        }
    }

    // primary: atom ('.' NAME | '(' [arguments] ')' | '[' slices ']')*
    private Expr primary() {
        Token first = tok();
        if (first.is("await")) {
            throw unsupported("await", first.pos());
        }
        Expr e = atom();
        while (true) {
            Token t = tok();
            if (t.kind() != Kind.OP) {
                return e;
            }
            switch (t.text()) {
                case "." -> {
                    advance();
                    Token name = expectName();
                    e = new Attribute(span(first.pos()), e, name.text());
                }
                case "(" -> {
                    CallArgs args = callArguments();
                    e = new Call(span(first.pos()), e, args.args(), args.keywords());
                }
                case "[" -> {
                    advance();
                    depth++;
                    Expr slice = slices();
                    expect("]");
                    depth--;
                    e = new Subscript(span(first.pos()), e, slice);
                }
                default -> {
                    return e;
                }
            }
        }
    }

    private record CallArgs(List<Expr> args, List<Keyword> keywords) {}

    /**
     * '(' [arguments] ')' of a call or class: positional and {@code *} arguments go to args,
     * {@code name=} and {@code **} to keywords, each list in source order; a generator
     * expression may stand alone without its own parentheses.
     */
    private CallArgs callArguments() {
        Token open = advance();
        depth++;
        List<Expr> args = new ArrayList<>();
        List<Keyword> keywords = new ArrayList<>();
        Keyword firstDoubleStar = null;
        boolean keywordSeen = false;
        GeneratorExp bareGenerator = null;
        while (!at(")")) {
            Token t = tok();
            if (t.is("*")) {
                advance();
                Expr value = expression();
                if (firstDoubleStar != null) {
                    throw error("iterable argument unpacking follows keyword argument unpacking",
                            firstDoubleStar.pos());
                }
                args.add(new Starred(span(t.pos()), value));
            } else if (t.is("**")) {
                advance();
                Expr value = expression();
                Keyword k = new Keyword(span(t.pos()), null, value);
                if (firstDoubleStar == null) {
                    firstDoubleStar = k;
                }
                keywords.add(k);
            } else if (t.kind() == Kind.NAME && la(1).is("=") && !Keywords.isKeyword(t.text())) {
                advance();
                advance();
                Expr value = expression();
                keywords.add(new Keyword(span(t.pos()), t.text(), value));
                keywordSeen = true;
            } else {
                Expr e = expression();
                if (at("=")) {
                    throw keywordArgumentError(e);
                } else if (at(":=")) {
                    throw unsupported("assignment expression ':='", tok().pos());
                }
                if (at("for") || at("async")) {
                    List<Comprehension> gens = comprehensions();
                    bareGenerator = new GeneratorExp(span(t.pos()), e, gens);
                    e = bareGenerator;
                    if (!args.isEmpty() || !keywords.isEmpty() || !at(")")) {
                        throw error("Generator expression must be parenthesized", e.pos());
                    }
                } else if (firstDoubleStar != null) {
                    throw error("positional argument follows keyword argument unpacking", e.pos());
                } else if (keywordSeen) {
                    throw error("positional argument follows keyword argument", e.pos());
                }
                args.add(e);
            }
            if (!accept(",")) {
                break;
            }
            if (bareGenerator != null) {
                throw error("Generator expression must be parenthesized", bareGenerator.pos());
            }
        }
        expect(")");
        depth--;
        if (bareGenerator != null) {
            // CPython lets the call's parentheses stand for the generator's own
            args.set(0, new GeneratorExp(span(open.pos()), bareGenerator.elt(), bareGenerator.generators()));
        }
        return new CallArgs(List.copyOf(args), List.copyOf(keywords));
    }

    /** {@code f(x.y=1)}, {@code f(True=1)}: something other than a name before '='. */
    private SyntaxError keywordArgumentError(Expr e) {
        Token eq = tok();
        if (isBoolOrNone(e)) {
            advance();
            tryParse(this::expression);
            return error("cannot assign to " + Targets.exprName(e), span(e.pos()));
        }
        return error("expression cannot contain assignment, perhaps you meant \"==\"?", e.pos().to(eq.pos()));
    }

    // slices: slice !',' | ','.(slice | starred_expression)+ [',']
    private Expr slices() {
        Token first = tok();
        Expr s = slice();
        if (!at(",")) {
            return s instanceof Starred ? new Tuple(span(first.pos()), List.of(s)) : s;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(s);
        while (accept(",")) {
            if (at("]")) {
                break;
            }
            elts.add(slice());
        }
        return new Tuple(span(first.pos()), List.copyOf(elts));
    }

    // slice: [expression] ':' [expression] [':' [expression]] | named_expression | '*' expression
    private Expr slice() {
        Token first = tok();
        if (first.is("*")) {
            advance();
            Expr value = expression();
            return new Starred(span(first.pos()), value);
        }
        Expr lower = null;
        if (!at(":")) {
            lower = namedExpression();
            if (!at(":")) {
                return lower;
            }
        }
        advance();
        Expr upper = at(":") || at(",") || at("]") ? null : expression();
        Expr step = null;
        if (accept(":") && !at(",") && !at("]")) {
            step = expression();
        }
        return new Slice(span(first.pos()), lower, upper, step);
    }

    // atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER | tuple | group | genexp
    //     | list | listcomp | dict | set | dictcomp | setcomp | '...'
    private Expr atom() {
        Token t = tok();
        switch (t.kind()) {
            case NAME -> {
                if (!Keywords.isKeyword(t.text())) {
                    advance();
                    return new Name(t.pos(), t.text());
                }
                switch (t.text()) {
                    case "None" -> { advance(); return new Constant(t.pos(), Singleton.NONE); }
                    case "True" -> { advance(); return new Constant(t.pos(), Boolean.TRUE); }
                    case "False" -> { advance(); return new Constant(t.pos(), Boolean.FALSE); }
                    case "await" -> throw unsupported("await", t.pos());
                    default -> throw invalidSyntax();
                }
            }
            case NUMBER -> {
                advance();
                return new Constant(t.pos(), t.value());
            }
            case STRING -> {
                return strings();
            }
            case OP -> {
                switch (t.text()) {
                    case "(" -> { return parenthesized(); }
                    case "[" -> { return listDisplay(); }
                    case "{" -> { return braceDisplay(); }
                    case "..." -> { advance(); return new Constant(t.pos(), Singleton.ELLIPSIS); }
                    case "." -> {
                        if (la(1).is(".") && la(2).is(".") && la(2).pos().col() == t.pos().col() + 2
                                && la(2).line() == t.line()) {
                            advance();
                            advance();
                            advance();
                            return new Constant(span(t.pos()), Singleton.ELLIPSIS);
                        }
                    }
                    default -> { }
                }
            }
            default -> { }
        }
        throw invalidSyntax();
    }

    // strings: STRING+   (adjacent literals concatenate; any f-string makes the whole a JoinedStr)
    private Expr strings() {
        Token first = tok();
        int start = p;
        boolean fstring = false;
        boolean bytes = false;
        boolean text = false;
        while (at(Kind.STRING)) {
            StringLiteral lit = (StringLiteral) advance().value();
            fstring |= lit.fstring();
            bytes |= lit.bytes();
            text |= !lit.bytes();
        }
        Pos pos = span(first.pos());
        if (bytes && text) {
            throw error("cannot mix bytes and nonbytes literals", pos);
        }
        if (p - start == 1 && !fstring) {
            return new Constant(pos, literalValue((StringLiteral) first.value()));
        }
        if (!fstring) {
            StringBuilder sb = new StringBuilder();
            for (int i = start; i < p; i++) {
                sb.append(((StringLiteral) toks[i].value()).body());
            }
            StringLiteral joined = new StringLiteral(sb.toString(), bytes, false, false, first.pos());
            return new Constant(pos, literalValue(joined));
        }
        FStringParser f = new FStringParser(src, pos);
        for (int i = start; i < p; i++) {
            StringLiteral lit = (StringLiteral) toks[i].value();
            if (lit.fstring()) {
                f.addFString(lit, toks[i].pos());
            } else {
                f.addLiteral(lit.body());
            }
        }
        return f.joinedStr();
    }

    private static Object literalValue(StringLiteral lit) {
        if (!lit.bytes()) {
            return lit.body();
        }
        String body = lit.body();
        byte[] data = new byte[body.length()];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) body.charAt(i);
        }
        return new Bytes(data);
    }

    // group: '(' (yield_expr | named_expression) ')'
    // tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
    // genexp: '(' named_expression for_if_clauses ')'
    private Expr parenthesized() {
        Token open = advance();
        depth++;
        Expr result;
        if (at(")")) {
            advance();
            result = new Tuple(span(open.pos()), List.of());
        } else if (at("yield")) {
            result = yieldExpr();
            expect(")");
        } else {
            Expr first = starNamedExpression();
            if (at("for") || at("async")) {
                checkComprehensionElement(first);
                List<Comprehension> gens = comprehensions();
                expect(")");
                result = new GeneratorExp(span(open.pos()), first, gens);
            } else if (at(")")) {
                if (first instanceof Starred) {
                    throw error("cannot use starred expression here", first.pos());
                }
                advance();
                result = first;
            } else {
                List<Expr> elts = new ArrayList<>();
                elts.add(first);
                if (!at(",")) {
                    throw invalidSyntax();
                }
                while (accept(",")) {
                    if (at(")")) {
                        break;
                    }
                    elts.add(starNamedExpression());
                }
                expect(")");
                result = new Tuple(span(open.pos()), List.copyOf(elts));
            }
        }
        depth--;
        return result;
    }

    // list: '[' [star_named_expressions] ']' | listcomp: '[' named_expression for_if_clauses ']'
    private Expr listDisplay() {
        Token open = advance();
        depth++;
        List<Expr> elts = new ArrayList<>();
        Expr result = null;
        while (!at("]")) {
            Expr e = starNamedExpression();
            if (elts.isEmpty() && (at("for") || at("async"))) {
                checkComprehensionElement(e);
                List<Comprehension> gens = comprehensions();
                expect("]");
                result = new ListComp(span(open.pos()), e, gens);
                break;
            }
            elts.add(e);
            if (!accept(",")) {
                break;
            }
        }
        if (result == null) {
            expect("]");
            result = new ListExpr(span(open.pos()), List.copyOf(elts));
        }
        depth--;
        return result;
    }

    // dict: '{' [double_starred_kvpairs] '}' | set: '{' star_named_expressions '}'
    // dictcomp: '{' kvpair for_if_clauses '}' | setcomp: '{' named_expression for_if_clauses '}'
    private Expr braceDisplay() {
        Token open = advance();
        depth++;
        Expr result;
        if (at("}")) {
            advance();
            result = new Dict(span(open.pos()), List.of(), List.of());
        } else if (at("**")) {
            result = dictDisplay(open, null);
        } else {
            Expr first = starNamedExpression();
            if (at(":") && !(first instanceof Starred)) {
                result = dictDisplay(open, first);
            } else {
                result = setDisplay(open, first);
            }
        }
        depth--;
        return result;
    }

    /** The rest of a dict or dict comprehension; {@code firstKey} null means it starts with '**'. */
    private Expr dictDisplay(Token open, Expr firstKey) {
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        Expr key = firstKey;
        boolean first = true;
        while (true) {
            if (!first) {
                if (at("}")) {
                    break;
                }
                key = at("**") ? null : expression();
            }
            Token itemStart = key == null ? tok() : null;
            Expr value;
            if (key == null) {
                expect("**");
                value = bitwiseOr();
            } else {
                value = dictValue(key);
            }
            if (first && (at("for") || at("async"))) {
                if (key == null) {
                    throw error("dict unpacking cannot be used in dict comprehension", span(itemStart.pos()));
                }
                List<Comprehension> gens = comprehensions();
                expect("}");
                return new DictComp(span(open.pos()), key, value, gens);
            }
            first = false;
            keys.add(key);
            values.add(value);
            if (!accept(",")) {
                break;
            }
        }
        expect("}");
        return new Dict(span(open.pos()), java.util.Collections.unmodifiableList(keys), List.copyOf(values));
    }

    // kvpair: expression ':' expression   (the key is parsed)
    private Expr dictValue(Expr key) {
        if (!at(":")) {
            if (at(",") || at("}")) {
                throw error("':' expected after dictionary key", key.pos());
            }
            throw invalidSyntax();
        }
        Token colon = advance();
        if (at(",") || at("}")) {
            throw error("expression expected after dictionary key and ':'", colon.pos());
        }
        return expression();
    }

    private Expr setDisplay(Token open, Expr first) {
        if (at("for") || at("async")) {
            checkComprehensionElement(first);
            List<Comprehension> gens = comprehensions();
            expect("}");
            return new SetComp(span(open.pos()), first, gens);
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (accept(",")) {
            if (at("}")) {
                break;
            }
            elts.add(starNamedExpression());
        }
        expect("}");
        return new Set(span(open.pos()), List.copyOf(elts));
    }

    private void checkComprehensionElement(Expr e) {
        if (e instanceof Starred) {
            throw error("iterable unpacking cannot be used in comprehension", e.pos());
        }
    }

    // for_if_clauses: ('for' star_targets 'in' disjunction ('if' disjunction)*)+
    private List<Comprehension> comprehensions() {
        List<Comprehension> gens = new ArrayList<>();
        while (at("for") || at("async")) {
            if (at("async")) {
                throw unsupported("asynchronous comprehension", tok().pos());
            }
            Token kw = advance();
            Expr target = starTargets();
            Targets.checkAssign(target, src);
            expect("in");
            Expr iter = disjunction();
            List<Expr> ifs = new ArrayList<>();
            while (accept("if")) {
                ifs.add(disjunction());
            }
            gens.add(new Comprehension(span(kw.pos()), target, iter, List.copyOf(ifs)));
        }
        return List.copyOf(gens);
    }

    // star_targets: star_target (',' star_target)* [',']
    private Expr starTargets() {
        Token first = tok();
        Expr t = starTarget();
        if (!at(",")) {
            return t;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(t);
        while (accept(",")) {
            if (!startsExpression(tok())) {
                break;
            }
            elts.add(starTarget());
        }
        return new Tuple(span(first.pos()), List.copyOf(elts));
    }

    // star_target: '*' bitwise_or | bitwise_or   (checked by Targets afterwards)
    private Expr starTarget() {
        if (at("*")) {
            Token star = advance();
            Expr value = bitwiseOr();
            return new Starred(span(star.pos()), value);
        }
        return bitwiseOr();
    }

    // yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
    private Expr yieldExpr() {
        Token kw = advance();
        if (accept("from")) {
            Expr value = expression();
            return new YieldFrom(span(kw.pos()), value);
        }
        Expr value = startsExpression(tok()) ? starExpressions() : null;
        return new Yield(span(kw.pos()), value);
    }

    // ================================================================ f-string fields

    /**
     * Parses the expression of an f-string field: {@code tokens} come from lexing
     * "(" + text + ")", already shifted to the text's place in the source.
     */
    static Expr fieldExpression(SourceFile src, List<Token> tokens) {
        Parser sub = new Parser(src, tokens);
        Expr e = sub.parenthesized();
        if (!sub.at(Kind.NEWLINE) && !sub.at(Kind.ENDMARKER)) {
            throw sub.invalidSyntax();
        }
        return e;
    }
}
