package dev.taipan.flowgraph.compiler;

import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.compiler.Scope.Binding;
import dev.taipan.flowgraph.compiler.Scope.Kind;
import dev.taipan.flowgraph.compiler.Scope.Symbol;
import dev.taipan.flowgraph.syntax.Ast;
import dev.taipan.flowgraph.syntax.Ast.Expr;
import dev.taipan.flowgraph.syntax.Ast.Stmt;
import dev.taipan.flowgraph.syntax.Pos;
import dev.taipan.flowgraph.syntax.SyntaxError;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scope analysis: decides, before any code is generated, where every name of the program lives.
 *
 * <p>Two passes, as in CPython's {@code symtable.c}. The first walks the tree and records, per
 * scope, how each name is used: bound (assignment, import, def, for, with, except-as, del,
 * parameter), read, declared {@code global} or {@code nonlocal}. The second walks the scope tree
 * top down with the set of names bound by enclosing <em>functions</em> and classifies each name
 * as local, global (explicit or implicit), free, or cell; free names flow back up and turn the
 * binding they refer to into a cell.
 *
 * <p>The rules that make Python's scoping subtle, and where they live here:
 * <ul>
 *   <li>Class bodies are not visible from the functions nested in them: a class passes on the
 *       names bound above it, never its own. A name a method needs from further out still
 *       travels through the class, which then lists it among its free variables.</li>
 *   <li>A function that uses {@code super} or {@code __class__} inside a class reads the
 *       implicit {@code __class__} cell, which the class body creates.</li>
 *   <li>Comprehensions are inlined (PEP 709) but keep their own loop variables. A name a
 *       comprehension only reads resolves as in its host; a comprehension directly in a class
 *       body does not see the class's names (except in its outermost iterable, which is
 *       evaluated in the class). A host variable becomes a cell only if a function nested in the
 *       comprehension captures it, not merely because the inlined code reads it.</li>
 * </ul>
 */
final class SymbolTable {

    private final SourceFile source;
    private final Map<Ast, Scope> scopes = new IdentityHashMap<>();
    private Scope current;
    final Scope top;

    private SymbolTable(SourceFile source, Ast.Module module) {
        this.source = source;
        this.top = new Scope(Kind.MODULE, "<module>", null);
        scopes.put(module, top);
    }

    /** Analyses {@code module}; scope rule violations are SyntaxErrors. */
    static SymbolTable build(Ast.Module module, SourceFile source) {
        SymbolTable table = new SymbolTable(source, module);
        table.current = table.top;
        table.visitBody(module.body());
        table.analyze(table.top, Set.of());
        return table;
    }

    /** The scope of a module, def, class, lambda, comprehension or generator expression node. */
    Scope scopeOf(Ast node) {
        Scope s = scopes.get(node);
        if (s == null) {
            throw new IllegalStateException("no scope for " + node.getClass().getSimpleName() + " at " + node.pos());
        }
        return s;
    }

    private SyntaxError error(String message, Pos pos) {
        return new SyntaxError(message, source, pos);
    }

    // ------------------------------------------------------------------ pass 1: collect uses

    private Scope enter(Kind kind, String name, Ast node) {
        Scope s = new Scope(kind, name, current);
        scopes.put(node, s);
        current = s;
        return s;
    }

    private void leave() {
        current = current.parent;
    }

    private void def(String name) {
        current.symbol(current.mangle(name)).flags |= Scope.DEF_LOCAL;
    }

    private void use(String name) {
        current.symbol(current.mangle(name)).flags |= Scope.USE;
        if (name.equals("super") && current.host().kind.isFunctionLike()) {
            current.symbol("__class__").flags |= Scope.USE;
        }
    }

    private void visitBody(List<Stmt> body) {
        for (Stmt s : body) {
            visitStmt(s);
        }
    }

    private void visitExprs(List<Expr> exprs) {
        for (Expr e : exprs) {
            visitExpr(e);
        }
    }

    private void visitStmt(Stmt stmt) {
        switch (stmt) {
            case Ast.FunctionDef f -> {
                visitExprs(f.decorators());
                visitDefaults(f.args());
                def(f.name());
                enter(Kind.FUNCTION, f.name(), f);
                visitParams(f.args());
                visitBody(f.body());
                leave();
            }
            case Ast.ClassDef c -> {
                visitExprs(c.decorators());
                visitExprs(c.bases());
                for (Ast.Keyword k : c.keywords()) {
                    visitExpr(k.value());
                }
                def(c.name());
                enter(Kind.CLASS, c.name(), c);
                visitBody(c.body());
                leave();
            }
            case Ast.Return r -> visitOptional(r.value());
            case Ast.Delete d -> d.targets().forEach(this::visitTarget);
            case Ast.Assign a -> {
                visitExpr(a.value());
                a.targets().forEach(this::visitTarget);
            }
            case Ast.AugAssign a -> {
                if (a.target() instanceof Ast.Name n) {
                    use(n.id());
                }
                visitTarget(a.target());
                visitExpr(a.value());
            }
            case Ast.AnnAssign a -> {
                visitOptional(a.value());
                if (a.target() instanceof Ast.Name n) {
                    def(n.id());
                } else {
                    visitTarget(a.target());
                }
            }
            case Ast.For f -> {
                visitExpr(f.iter());
                visitTarget(f.target());
                visitBody(f.body());
                visitBody(f.orelse());
            }
            case Ast.While w -> {
                visitExpr(w.test());
                visitBody(w.body());
                visitBody(w.orelse());
            }
            case Ast.If i -> {
                visitExpr(i.test());
                visitBody(i.body());
                visitBody(i.orelse());
            }
            case Ast.With w -> {
                for (Ast.WithItem item : w.items()) {
                    visitExpr(item.contextExpr());
                    if (item.optionalVars() != null) {
                        visitTarget(item.optionalVars());
                    }
                }
                visitBody(w.body());
            }
            case Ast.Raise r -> {
                visitOptional(r.exc());
                visitOptional(r.cause());
            }
            case Ast.Try t -> {
                visitBody(t.body());
                for (Ast.ExceptHandler h : t.handlers()) {
                    visitOptional(h.type());
                    if (h.name() != null) {
                        def(h.name());
                    }
                    visitBody(h.body());
                }
                visitBody(t.orelse());
                visitBody(t.finalbody());
            }
            case Ast.Assert a -> {
                visitExpr(a.test());
                visitOptional(a.msg());
            }
            case Ast.Import i -> {
                for (Ast.Alias a : i.names()) {
                    def(a.asname() != null ? a.asname() : topModule(a.name()));
                }
            }
            case Ast.ImportFrom i -> {
                for (Ast.Alias a : i.names()) {
                    if (a.name().equals("*")) {
                        if (current.kind != Kind.MODULE) {
                            throw error("import * only allowed at module level", i.pos());
                        }
                    } else {
                        def(a.asname() != null ? a.asname() : a.name());
                    }
                }
            }
            case Ast.Global g -> {
                for (String name : g.names()) {
                    declare(name, Scope.DEF_GLOBAL, "global", g.pos());
                }
            }
            case Ast.Nonlocal n -> {
                if (current.kind == Kind.MODULE) {
                    throw error("nonlocal declaration not allowed at module level", n.pos());
                }
                for (String name : n.names()) {
                    declare(name, Scope.DEF_NONLOCAL, "nonlocal", n.pos());
                }
            }
            case Ast.ExprStmt e -> visitExpr(e.value());
            case Ast.Pass p -> { }
            case Ast.Break b -> { }
            case Ast.Continue c -> { }
        }
    }

    static String topModule(String dotted) {
        int dot = dotted.indexOf('.');
        return dot < 0 ? dotted : dotted.substring(0, dot);
    }

    /** {@code global x} / {@code nonlocal x}, with CPython's complaints about earlier uses. */
    private void declare(String name, int flag, String what, Pos pos) {
        Symbol sym = current.symbol(current.mangle(name));
        int other = flag == Scope.DEF_GLOBAL ? Scope.DEF_NONLOCAL : Scope.DEF_GLOBAL;
        if ((sym.flags & Scope.DEF_PARAM) != 0) {
            throw error("name '" + name + "' is parameter and " + what, pos);
        }
        if ((sym.flags & other) != 0) {
            throw error("name '" + name + "' is nonlocal and global", pos);
        }
        if ((sym.flags & Scope.USE) != 0) {
            throw error("name '" + name + "' is used prior to " + what + " declaration", pos);
        }
        if ((sym.flags & Scope.DEF_LOCAL) != 0) {
            throw error("name '" + name + "' is assigned to before " + what + " declaration", pos);
        }
        sym.flags |= flag;
        sym.declaredAt = pos;
    }

    private void visitDefaults(Ast.Arguments args) {
        visitExprs(args.defaults());
        for (Expr e : args.kwDefaults()) {
            visitOptional(e);
        }
    }

    private void visitParams(Ast.Arguments args) {
        args.posonlyargs().forEach(this::param);
        args.args().forEach(this::param);
        args.kwonlyargs().forEach(this::param);
        if (args.vararg() != null) {
            param(args.vararg());
        }
        if (args.kwarg() != null) {
            param(args.kwarg());
        }
    }

    private void param(Ast.Arg arg) {
        Symbol sym = current.symbol(current.mangle(arg.arg()));
        if ((sym.flags & Scope.DEF_PARAM) != 0) {
            throw error("duplicate argument '" + arg.arg() + "' in function definition", arg.pos());
        }
        sym.flags |= Scope.DEF_PARAM;
        current.params.add(current.mangle(arg.arg()));
    }

    private void visitOptional(Expr e) {
        if (e != null) {
            visitExpr(e);
        }
    }

    /** An assignment target: names are bound, everything else inside it is read. */
    private void visitTarget(Expr target) {
        switch (target) {
            case Ast.Name n -> def(n.id());
            case Ast.Tuple t -> t.elts().forEach(this::visitTarget);
            case Ast.ListExpr l -> l.elts().forEach(this::visitTarget);
            case Ast.Starred s -> visitTarget(s.value());
            default -> visitExpr(target);
        }
    }

    /**
     * Expressions nested deeper than this are rejected here, in the first pass, so that neither
     * this pass nor the compiler can overflow the Java stack on them. The parser's own bound
     * does not cover left-deep chains such as {@code 1 + 1 + ... + 1}, which it builds in a
     * loop; CPython rejects those too ("RecursionError: maximum recursion depth exceeded
     * during compilation", at a few thousand terms).
     */
    static final int MAX_EXPR_DEPTH = 1000;
    private int exprDepth;

    private void visitExpr(Expr expr) {
        if (++exprDepth > MAX_EXPR_DEPTH) {
            throw error("expression too deeply nested to compile (more than " + MAX_EXPR_DEPTH + " levels)", expr.pos());
        }
        try {
            visitExprNode(expr);
        } finally {
            exprDepth--;
        }
    }

    private void visitExprNode(Expr expr) {
        switch (expr) {
            case Ast.Name n -> use(n.id());
            case Ast.BoolOp b -> visitExprs(b.values());
            case Ast.BinOp b -> {
                visitExpr(b.left());
                visitExpr(b.right());
            }
            case Ast.UnaryOp u -> visitExpr(u.operand());
            case Ast.Lambda l -> {
                visitDefaults(l.args());
                enter(Kind.LAMBDA, "<lambda>", l);
                visitParams(l.args());
                visitExpr(l.body());
                leave();
            }
            case Ast.IfExp i -> {
                visitExpr(i.test());
                visitExpr(i.body());
                visitExpr(i.orelse());
            }
            case Ast.Dict d -> {
                for (int i = 0; i < d.keys().size(); i++) {
                    visitOptional(d.keys().get(i));
                    visitExpr(d.values().get(i));
                }
            }
            case Ast.Set s -> visitExprs(s.elts());
            case Ast.ListComp c -> visitComprehension(c, Kind.COMPREHENSION, "<listcomp>", c.generators(), c.elt());
            case Ast.SetComp c -> visitComprehension(c, Kind.COMPREHENSION, "<setcomp>", c.generators(), c.elt());
            case Ast.DictComp c -> visitComprehension(c, Kind.COMPREHENSION, "<dictcomp>", c.generators(), c.key(), c.value());
            case Ast.GeneratorExp g -> visitComprehension(g, Kind.GENEXPR, "<genexpr>", g.generators(), g.elt());
            case Ast.Yield y -> {
                checkYield(y.pos());
                visitOptional(y.value());
            }
            case Ast.YieldFrom y -> {
                checkYield(y.pos());
                visitExpr(y.value());
            }
            case Ast.Compare c -> {
                visitExpr(c.left());
                visitExprs(c.comparators());
            }
            case Ast.Call c -> {
                visitExpr(c.func());
                visitExprs(c.args());
                for (Ast.Keyword k : c.keywords()) {
                    visitExpr(k.value());
                }
            }
            case Ast.FormattedValue f -> {
                visitExpr(f.value());
                visitOptional(f.formatSpec());
            }
            case Ast.JoinedStr j -> visitExprs(j.values());
            case Ast.Constant c -> { }
            case Ast.Attribute a -> visitExpr(a.value());
            case Ast.Subscript s -> {
                visitExpr(s.value());
                visitExpr(s.slice());
            }
            case Ast.Starred s -> visitExpr(s.value());
            case Ast.ListExpr l -> visitExprs(l.elts());
            case Ast.Tuple t -> visitExprs(t.elts());
            case Ast.Slice s -> {
                visitOptional(s.lower());
                visitOptional(s.upper());
                visitOptional(s.step());
            }
        }
    }

    private void checkYield(Pos pos) {
        switch (current.kind) {
            case MODULE, CLASS -> throw error("'yield' outside function", pos);
            case COMPREHENSION -> throw error("'yield' inside " + switch (current.name) {
                case "<setcomp>" -> "set comprehension";
                case "<dictcomp>" -> "dict comprehension";
                default -> "list comprehension";
            }, pos);
            case GENEXPR -> throw error("'yield' inside generator expression", pos);
            default -> current.generator = true;
        }
    }

    /**
     * The outermost iterable is evaluated in the enclosing scope (it is the argument of a
     * generator expression); everything else belongs to the comprehension's own scope.
     */
    private void visitComprehension(Expr node, Kind kind, String name, List<Ast.Comprehension> generators,
                                    Expr... elts) {
        visitExpr(generators.getFirst().iter());
        Scope s = enter(kind, name, node);
        if (kind == Kind.GENEXPR) {
            s.symbol(".0").flags |= Scope.DEF_PARAM;
            s.params.add(".0");
            s.generator = true;
        }
        for (int i = 0; i < generators.size(); i++) {
            Ast.Comprehension g = generators.get(i);
            if (i > 0) {
                visitExpr(g.iter());
            }
            visitTarget(g.target());
            visitExprs(g.ifs());
        }
        for (Expr e : elts) {
            visitExpr(e);
        }
        leave();
    }

    // ------------------------------------------------------------------ pass 2: resolve

    /**
     * Classifies the names of {@code s} and its children. {@code bound} holds the names bound by
     * enclosing function scopes (and comprehensions) that {@code s} can see. Returns the names
     * {@code s} needs from enclosing scopes (its free variables, including those it only passes
     * through to nested scopes).
     */
    private Set<String> analyze(Scope s, Set<String> bound) {
        Set<String> locals = new HashSet<>();
        Set<String> globals = new HashSet<>();
        for (Map.Entry<String, Symbol> e : s.symbols.entrySet()) {
            String name = e.getKey();
            Symbol sym = e.getValue();
            if ((sym.flags & Scope.DEF_GLOBAL) != 0) {
                sym.binding = Binding.GLOBAL_EXPLICIT;
                globals.add(name);
            } else if ((sym.flags & Scope.DEF_NONLOCAL) != 0) {
                if (!bound.contains(name)) {
                    throw error("no binding for nonlocal '" + name + "' found", sym.declaredAt);
                }
                sym.binding = Binding.FREE;
            } else if (sym.isBoundHere()) {
                sym.binding = Binding.LOCAL;
                locals.add(name);
            } else if (bound.contains(name)) {
                sym.binding = Binding.FREE;
            } else {
                sym.binding = Binding.GLOBAL_IMPLICIT;
            }
        }
        Set<String> childBound = switch (s.kind) {
            case MODULE -> Set.of();
            case CLASS -> union(bound, Set.of("__class__"));
            default -> {
                Set<String> b = union(bound, locals);
                b.removeAll(globals);
                yield b;
            }
        };
        for (Scope child : s.children) {
            for (String name : analyze(child, childBound)) {
                boolean captured = child.kind != Kind.COMPREHENSION || child.captured.contains(name);
                receiveFree(s, name, captured);
            }
        }
        for (Map.Entry<String, Symbol> e : s.symbols.entrySet()) {
            if (e.getValue().binding == Binding.CELL) {
                s.cellvars.add(e.getKey());
            }
        }
        if (s.needsClassCell) {
            s.cellvars.add("__class__");
        }
        for (Map.Entry<String, Symbol> e : s.symbols.entrySet()) {
            if (e.getValue().binding == Binding.FREE) {
                s.freevars.add(e.getKey());
            }
        }
        return s.freevars;
    }

    /** A child of {@code s} needs {@code name} from above; {@code captured}: by a real closure. */
    private static void receiveFree(Scope s, String name, boolean captured) {
        if (s.kind == Kind.CLASS) {
            if (name.equals("__class__")) {
                s.needsClassCell = true;
            } else {
                s.freevars.add(name);
            }
            return;
        }
        Symbol sym = s.symbol(name);
        if (sym.binding == Binding.LOCAL || sym.binding == Binding.CELL) {
            if (captured) {
                sym.binding = Binding.CELL;
            }
            return;
        }
        sym.binding = Binding.FREE;
        if (s.kind == Kind.COMPREHENSION && captured) {
            s.captured.add(name);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }
}
