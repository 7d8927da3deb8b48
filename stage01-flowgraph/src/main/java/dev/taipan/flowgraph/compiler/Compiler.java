package dev.taipan.flowgraph.compiler;

import static dev.taipan.flowgraph.bytecode.Opcode.*;

import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.bytecode.Opcode;
import dev.taipan.flowgraph.compiler.CodeBuilder.Handler;
import dev.taipan.flowgraph.compiler.CodeBuilder.Label;
import dev.taipan.flowgraph.compiler.Scope.Binding;
import dev.taipan.flowgraph.compiler.Scope.Kind;
import dev.taipan.flowgraph.syntax.Ast;
import dev.taipan.flowgraph.syntax.Ast.Expr;
import dev.taipan.flowgraph.syntax.Ast.Stmt;
import dev.taipan.flowgraph.syntax.Parser;
import dev.taipan.flowgraph.syntax.Pos;
import dev.taipan.flowgraph.syntax.SyntaxError;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bytecode compiler: turns a module's AST into {@link Code} objects, CPython 3.11's scheme
 * simplified (see {@link Opcode} for the instruction set).
 *
 * <p>{@link SymbolTable} decides first where every name lives; this class then walks the tree
 * once, emitting into a {@link CodeBuilder} per code object. Four ideas shape the output.
 *
 * <p><b>Frame blocks.</b> While compiling, a stack of {@link FrameBlock}s records what
 * surrounds the current statement: loops (a {@code for} keeps its iterator on the stack),
 * {@code try} bodies, {@code finally} bodies, {@code with} bodies (the bound {@code __exit__} is on
 * the stack), exception handlers (the previously handled exception is on the stack). A
 * {@code return}, {@code break} or {@code continue} walks this stack outwards and emits, for each
 * block it leaves, the code that leaving it requires: pop the iterator, call {@code __exit__},
 * restore the handled exception, run the {@code finally} body. The same stack gives the stack
 * depth at every statement, which is the depth recorded for an exception handler.
 *
 * <p><b>Finally bodies are duplicated.</b> A {@code finally} body is compiled once for the normal
 * path, once inside an exception handler that ends with RERAISE, and once more before every
 * {@code return}/{@code break}/{@code continue} that leaves the {@code try}. There is thus no
 * run-time "why are we in this finally" state (CPython 2's WHY_* codes, PyPy's
 * SApplicationException/SReturnValue unrollers): each copy knows statically where it continues.
 * That is what the flow space wants: the state of a frame is its locals and its stack, nothing
 * else, so frame states merge cleanly, and a {@code return} in a {@code try} becomes an ordinary
 * link to the return block after the inlined finally operations.
 *
 * <p><b>Exceptions use a static table.</b> Entering a {@code try} emits no instruction; the
 * compiler only changes the handler that covers the instructions emitted next. The flow space
 * reads the table as "this operation may raise; if it does, link to that block with the stack
 * cut to this depth plus the exception" — PyPy's {@code c_last_exception} exits, derived from
 * the table instead of from a SETUP_EXCEPT block stack. Every handler starts with PUSH_EXC_INFO;
 * every handler body is itself covered by a cleanup row that restores the previously handled
 * exception before propagating ({@code SWAP 2; POP_EXCEPT; RERAISE}).
 *
 * <p><b>Comprehensions are inlined</b> (PEP 709). A list, set or dict comprehension is a loop in
 * the code that contains it, with its loop variables in fresh fast-local slots (cells, made
 * fresh by MAKE_CELL, when a lambda inside captures them). Translated RPy code thus never
 * creates a function object for {@code [f(x) for x in xs]}, and the flow space sees one graph.
 * Generator expressions stay separate {@code <genexpr>} code objects: they are lazy, so they
 * need a frame of their own. They take one argument, {@code .0}, the outermost iterator.
 *
 * <p><b>Conventions a consumer relies on.</b>
 * <ul>
 *   <li>Function code objects (defs and lambdas) have the docstring, or None, as
 *       {@code consts[0]}; the function's {@code __doc__} is {@code consts[0]} when it is a str.</li>
 *   <li>Module and class bodies store their docstring as {@code __doc__}; a class body first
 *       stores {@code __module__} (from {@code __name__}) and {@code __qualname__}.</li>
 *   <li>{@code __build_class__(body_fn, name, *bases, **kw)} runs {@code body_fn}'s code (no
 *       FUNCTION flag: it uses LOAD_NAME/STORE_NAME) with a fresh namespace as its locals. When
 *       a method uses {@code super()} or {@code __class__}, the body has the cellvar
 *       {@code __class__}; it then stores that cell as {@code __classcell__} in the namespace and
 *       also returns it (otherwise it returns None). After creating the class,
 *       {@code __build_class__} must set the cell's contents to the class and remove
 *       {@code __classcell__} from the namespace (CPython's {@code type.__new__} protocol).</li>
 *   <li>Zero-argument {@code super()} finds the class in the {@code __class__} free variable and
 *       the instance in the first argument (fast local 0, or its cell if captured).</li>
 *   <li>Inside a class, {@code __private} identifiers (variables, parameters, attributes) are
 *       mangled to {@code _Class__private}, as CPython does.</li>
 *   <li>Annotations are not evaluated (no {@code __annotations__}): the AST keeps them for
 *       readers only.</li>
 *   <li>An inlined comprehension's variables are not cleared when it starts: a comprehension
 *       that reads one of its own variables before binding it ({@code [y for x in r for y in
 *       f(y)]}) raises UnboundLocalError on its first run in a frame, but sees the previous
 *       run's value on later runs. Programs that do not fail this way cannot tell.</li>
 * </ul>
 */
public final class Compiler {

    /** What surrounds the current statement, and what leaving it takes (see class comment). */
    private record FrameBlock(BlockKind kind, Label continueTarget, Label breakTarget, Handler outerHandler,
                              List<Stmt> finalBody, String excName) {}

    /** Each kind of frame block and how many stack items it keeps under the statements it holds. */
    private enum BlockKind {
        WHILE_LOOP(0), FOR_LOOP(1), TRY_EXCEPT(0), FINALLY_TRY(0), FINALLY_END(2), WITH(1),
        HANDLER_CLEANUP(1), POP_VALUE(1);

        final int items;

        BlockKind(int items) {
            this.items = items;
        }

        boolean isLoop() {
            return this == WHILE_LOOP || this == FOR_LOOP;
        }
    }

    private enum Ctx { LOAD, STORE, DEL }

    /** The code object under construction and its name slots. */
    private static final class Unit {
        final Scope scope;
        final String qualname;
        final CodeBuilder b = new CodeBuilder();
        final ArrayDeque<FrameBlock> blocks = new ArrayDeque<>();
        final List<String> varnames = new ArrayList<>();
        final List<String> cellvars = new ArrayList<>();
        final List<String> freevars = new ArrayList<>();
        final Map<String, Integer> fast = new HashMap<>();
        final Map<String, Integer> cells = new HashMap<>();
        /** Slots of the inlined comprehensions' own variables, per comprehension scope. */
        final Map<Scope, Map<String, Integer>> compFast = new IdentityHashMap<>();
        final Map<Scope, Map<String, Integer>> compCells = new IdentityHashMap<>();
        /** The scope names resolve in: {@link #scope}, or a comprehension being inlined. */
        Scope current;

        Unit(Scope scope, String qualname) {
            this.scope = scope;
            this.qualname = qualname;
            this.current = scope;
            if (scope.kind.isFunctionLike()) {
                for (String p : scope.params) {
                    addFast(p);
                }
                scope.symbols.forEach((name, sym) -> {
                    if (sym.binding == Binding.LOCAL) {
                        addFast(name);
                    }
                });
            }
            cellvars.addAll(scope.cellvars);
            freevars.addAll(scope.freevars);
            allocateComprehensionSlots(scope);
            for (int i = cellvars.size() - 1; i >= 0; i--) {
                cells.put(cellvars.get(i), i);
            }
            for (int i = 0; i < freevars.size(); i++) {
                cells.put(freevars.get(i), cellvars.size() + i);
            }
            // Host cells win over same-named comprehension cells.
            for (int i = scope.cellvars.size() - 1; i >= 0; i--) {
                cells.put(cellvars.get(i), i);
            }
        }

        private void addFast(String name) {
            if (!fast.containsKey(name)) {
                fast.put(name, varnames.size());
                varnames.add(name);
            }
        }

        /** Comprehensions inlined here (also inside other inlined ones) get their own slots. */
        private void allocateComprehensionSlots(Scope s) {
            for (Scope child : s.children) {
                if (child.kind != Kind.COMPREHENSION) {
                    continue;
                }
                Map<String, Integer> f = new HashMap<>();
                Map<String, Integer> c = new HashMap<>();
                child.symbols.forEach((name, sym) -> {
                    if (sym.binding == Binding.LOCAL) {
                        f.put(name, varnames.size());
                        varnames.add(name);
                    } else if (sym.binding == Binding.CELL) {
                        c.put(name, cellvars.size());
                        cellvars.add(name);
                    }
                });
                compFast.put(child, f);
                compCells.put(child, c);
                allocateComprehensionSlots(child);
            }
        }

        int depth() {
            int d = 0;
            for (FrameBlock fb : blocks) {
                d += fb.kind().items;
            }
            return d;
        }
    }

    private final SourceFile source;
    private final SymbolTable table;
    private Unit unit;
    private CodeBuilder b;

    private Compiler(SourceFile source, SymbolTable table) {
        this.source = source;
        this.table = table;
    }

    /** Compiles a module; its code object returns None. */
    public static Code compile(Ast.Module module, SourceFile source) {
        Compiler c = new Compiler(source, SymbolTable.build(module, source));
        return c.compileModule(module);
    }

    /** Parses and compiles a module. */
    public static Code compile(SourceFile source) {
        return compile(Parser.parse(source), source);
    }

    /**
     * Compiles one expression, for {@code eval}-like uses: the code object evaluates it with
     * module-level name semantics and returns its value.
     */
    public static Code compileExpression(Expr expr, SourceFile source) {
        Ast.Module wrapper = new Ast.Module(expr.pos(), List.of(new Ast.ExprStmt(expr.pos(), expr)));
        Compiler c = new Compiler(source, SymbolTable.build(wrapper, source));
        c.enterUnit(c.table.top, "<expression>");
        c.b.setPos(expr.pos());
        c.compileExpr(expr);
        c.b.emit(RETURN_VALUE);
        return c.leaveUnit("<expression>", expr.pos().line(), null, 0);
    }

    /** Parses and compiles one expression (see {@link #compileExpression(Expr, SourceFile)}). */
    public static Code compileExpression(SourceFile source) {
        return compileExpression(Parser.parseExpression(source), source);
    }

    private SyntaxError error(String message, Pos pos) {
        return new SyntaxError(message, source, pos);
    }

    // ------------------------------------------------------------------ units

    private Unit enterUnit(Scope scope, String qualname) {
        Unit saved = unit;
        unit = new Unit(scope, qualname);
        b = unit.b;
        return saved;
    }

    private Code leaveUnit(String name, int firstLine, Ast.Arguments args, int flags) {
        Scope s = unit.scope;
        int argCount = s.kind == Kind.GENEXPR ? 1 : 0;
        int posOnly = 0;
        int kwOnly = 0;
        if (args != null) {
            posOnly = args.posonlyargs().size();
            argCount = posOnly + args.args().size();
            kwOnly = args.kwonlyargs().size();
            flags |= (args.vararg() != null ? Code.VARARGS : 0) | (args.kwarg() != null ? Code.VARKEYWORDS : 0);
        }
        if (s.kind.isFunctionLike()) {
            flags |= Code.FUNCTION;
        }
        if (s.generator) {
            flags |= Code.GENERATOR;
        }
        return b.build(name, unit.qualname, source, firstLine, argCount, posOnly, kwOnly, flags,
                unit.varnames, unit.cellvars, unit.freevars);
    }

    private void restoreUnit(Unit saved) {
        unit = saved;
        b = saved == null ? null : saved.b;
    }

    /** CPython's {@code __qualname__} rule: {@code f.<locals>.g}, {@code C.m}, or just the name. */
    private String qualname(String name) {
        Scope host = unit.scope;
        if (host.kind == Kind.MODULE) {
            return name;
        }
        if (host.binding(host.mangle(name)) == Binding.GLOBAL_EXPLICIT) {
            return name;
        }
        return unit.qualname + (host.kind == Kind.CLASS ? "." : ".<locals>.") + name;
    }

    private Code compileModule(Ast.Module module) {
        enterUnit(table.top, "<module>");
        List<Stmt> body = storeDocstring(module.body());
        compileBody(body);
        returnNone(module.body());
        return leaveUnit("<module>", 1, null, 0);
    }

    /** Module and class docstrings become {@code __doc__}; returns the rest of the body. */
    private List<Stmt> storeDocstring(List<Stmt> body) {
        String doc = docstring(body);
        if (doc == null) {
            return body;
        }
        b.setPos(body.getFirst().pos());
        b.emit(LOAD_CONST, b.addConst(doc));
        b.emit(STORE_NAME, b.addName("__doc__"));
        return body.subList(1, body.size());
    }

    private static String docstring(List<Stmt> body) {
        if (!body.isEmpty() && body.getFirst() instanceof Ast.ExprStmt e
                && e.value() instanceof Ast.Constant c && c.value() instanceof String s) {
            return s;
        }
        return null;
    }

    private void returnNone(List<Stmt> body) {
        if (b.isReachable()) {
            if (!body.isEmpty()) {
                b.setLine(lastLine(body.getLast()));
            }
            b.emit(LOAD_CONST, b.addConst(Ast.Singleton.NONE));
            b.emit(RETURN_VALUE);
        }
    }

    private static int lastLine(Stmt s) {
        return s.pos().endLine() > 0 ? s.pos().endLine() : s.pos().line();
    }

    // ------------------------------------------------------------------ statements

    private void compileBody(List<Stmt> body) {
        for (Stmt s : body) {
            compileStmt(s);
        }
    }

    private void compileStmt(Stmt stmt) {
        b.setPos(stmt.pos());
        switch (stmt) {
            case Ast.FunctionDef f -> compileFunctionDef(f);
            case Ast.ClassDef c -> compileClassDef(c);
            case Ast.Return r -> compileReturn(r);
            case Ast.Delete d -> {
                for (Expr t : d.targets()) {
                    compileDelete(t);
                }
            }
            case Ast.Assign a -> {
                compileExpr(a.value());
                for (int i = 0; i < a.targets().size(); i++) {
                    if (i < a.targets().size() - 1) {
                        b.emit(COPY, 1);
                    }
                    compileStore(a.targets().get(i));
                }
            }
            case Ast.AugAssign a -> compileAugAssign(a);
            case Ast.AnnAssign a -> {
                if (a.value() != null) {
                    compileExpr(a.value());
                    compileStore(a.target());
                }
            }
            case Ast.For f -> compileFor(f);
            case Ast.While w -> compileWhile(w);
            case Ast.If i -> compileIf(i);
            case Ast.With w -> compileWith(w, 0);
            case Ast.Raise r -> {
                int n = 0;
                if (r.exc() != null) {
                    compileExpr(r.exc());
                    n++;
                    if (r.cause() != null) {
                        compileExpr(r.cause());
                        n++;
                    }
                }
                b.emit(RAISE_VARARGS, n);
            }
            case Ast.Try t -> {
                if (!t.finalbody().isEmpty()) {
                    compileTryFinally(t);
                } else {
                    compileTryExcept(t);
                }
            }
            case Ast.Assert a -> {
                Label end = new Label();
                jumpIf(a.test(), true, end);
                b.emit(LOAD_ASSERTION_ERROR);
                if (a.msg() != null) {
                    compileExpr(a.msg());
                    b.emit(CALL, 1);
                }
                b.emit(RAISE_VARARGS, 1);
                b.bind(end);
            }
            case Ast.Import i -> compileImport(i);
            case Ast.ImportFrom i -> compileImportFrom(i);
            case Ast.Global g -> { }
            case Ast.Nonlocal n -> { }
            case Ast.ExprStmt e -> {
                if (!(e.value() instanceof Ast.Constant)) {
                    compileExpr(e.value());
                    b.emit(POP_TOP);
                }
            }
            case Ast.Pass p -> { }
            case Ast.Break br -> compileBreak(br);
            case Ast.Continue c -> compileContinue(c);
        }
    }

    private void compileIf(Ast.If s) {
        Label orelse = new Label();
        jumpIf(s.test(), false, orelse);
        compileBody(s.body());
        if (s.orelse().isEmpty()) {
            b.bind(orelse);
        } else {
            Label end = new Label();
            b.emitJump(JUMP, end);
            b.bind(orelse);
            compileBody(s.orelse());
            b.bind(end);
        }
    }

    private void compileWhile(Ast.While w) {
        Label top = new Label();
        Label orelse = new Label();
        Label end = new Label();
        b.bind(top);
        if (!isConstantTrue(w.test())) {
            jumpIf(w.test(), false, orelse);
        }
        pushBlock(BlockKind.WHILE_LOOP, top, end, null, null);
        compileBody(w.body());
        popBlock();
        b.setPos(w.pos());
        b.emitJump(JUMP, top);
        b.bind(orelse);
        compileBody(w.orelse());
        b.bind(end);
    }

    private static boolean isConstantTrue(Expr e) {
        return e instanceof Ast.Constant c
                && (Boolean.TRUE.equals(c.value()) || c.value() instanceof Long l && l != 0);
    }

    private void compileFor(Ast.For f) {
        Label top = new Label();
        Label exhausted = new Label();
        Label end = new Label();
        compileExpr(f.iter());
        b.emit(GET_ITER);
        b.bind(top);
        b.setPos(f.pos());
        b.emitJump(FOR_ITER, exhausted);
        pushBlock(BlockKind.FOR_LOOP, top, end, null, null);
        compileStore(f.target());
        compileBody(f.body());
        popBlock();
        b.setPos(f.pos());
        b.emitJump(JUMP, top);
        b.bind(exhausted);
        compileBody(f.orelse());
        b.bind(end);
    }

    private FrameBlock pushBlock(BlockKind kind, Label cont, Label brk, List<Stmt> finalBody, String name) {
        return pushBlock(kind, cont, brk, finalBody, name, b.handler());
    }

    private FrameBlock pushBlock(BlockKind kind, Label cont, Label brk, List<Stmt> finalBody, String name,
                                 Handler outer) {
        FrameBlock fb = new FrameBlock(kind, cont, brk, outer, finalBody, name);
        unit.blocks.push(fb);
        return fb;
    }

    private void popBlock() {
        unit.blocks.pop();
    }

    // ------------------------------------------------------------------ leaving blocks

    private void compileReturn(Ast.Return r) {
        if (!unit.scope.kind.isFunctionLike()) {
            throw error("'return' outside function", r.pos());
        }
        Expr value = r.value();
        boolean preserve = value != null && !(value instanceof Ast.Constant);
        if (preserve) {
            compileExpr(value);
        }
        Handler saved = b.handler();
        List<FrameBlock> left = unwindUntil(null, preserve);
        b.setPos(r.pos());
        if (!preserve) {
            b.emit(LOAD_CONST, b.addConst(value == null ? Ast.Singleton.NONE : ((Ast.Constant) value).value()));
        }
        b.emit(RETURN_VALUE);
        restoreBlocks(left, saved);
    }

    private void compileBreak(Ast.Break br) {
        FrameBlock loop = innermostLoop();
        if (loop == null) {
            throw error("'break' outside loop", br.pos());
        }
        Handler saved = b.handler();
        List<FrameBlock> left = unwindUntil(loop, false);
        unwind(loop, false);
        b.setPos(br.pos());
        b.emitJump(JUMP, loop.breakTarget());
        restoreBlocks(left, saved);
    }

    private void compileContinue(Ast.Continue c) {
        FrameBlock loop = innermostLoop();
        if (loop == null) {
            throw error("'continue' not properly in loop", c.pos());
        }
        Handler saved = b.handler();
        List<FrameBlock> left = unwindUntil(loop, false);
        b.setPos(c.pos());
        b.emitJump(JUMP, loop.continueTarget());
        restoreBlocks(left, saved);
    }

    private FrameBlock innermostLoop() {
        for (FrameBlock fb : unit.blocks) {
            if (fb.kind().isLoop()) {
                return fb;
            }
        }
        return null;
    }

    /**
     * Emits the exit code of every block inside {@code stop} (all blocks when null), innermost
     * first, taking them off the block stack so that a finally body compiled on the way sees
     * only the blocks around it. Returns them, to be put back by {@link #restoreBlocks}.
     */
    private List<FrameBlock> unwindUntil(FrameBlock stop, boolean preserveTop) {
        List<FrameBlock> left = new ArrayList<>();
        while (!unit.blocks.isEmpty() && unit.blocks.peek() != stop) {
            FrameBlock fb = unit.blocks.pop();
            left.add(fb);
            unwind(fb, preserveTop);
        }
        return left;
    }

    private void restoreBlocks(List<FrameBlock> left, Handler handler) {
        for (int i = left.size() - 1; i >= 0; i--) {
            unit.blocks.push(left.get(i));
        }
        b.setHandler(handler);
    }

    /** The code that leaves one block; {@code preserveTop}: a return value stays on top. */
    private void unwind(FrameBlock fb, boolean preserveTop) {
        b.setHandler(fb.outerHandler());
        switch (fb.kind()) {
            case WHILE_LOOP, TRY_EXCEPT -> { }
            case FOR_LOOP, POP_VALUE -> {
                if (preserveTop) {
                    b.emit(SWAP, 2);
                }
                b.emit(POP_TOP);
            }
            case FINALLY_TRY -> {
                if (preserveTop) {
                    pushBlock(BlockKind.POP_VALUE, null, null, null, null);
                }
                compileBody(fb.finalBody());
                if (preserveTop) {
                    popBlock();
                }
            }
            case FINALLY_END -> {
                if (preserveTop) {
                    b.emit(SWAP, 2);
                }
                b.emit(POP_TOP);
                if (preserveTop) {
                    b.emit(SWAP, 2);
                }
                b.emit(POP_EXCEPT);
            }
            case WITH -> {
                if (preserveTop) {
                    b.emit(SWAP, 2);
                }
                callExitWithNones();
            }
            case HANDLER_CLEANUP -> {
                if (preserveTop) {
                    b.emit(SWAP, 2);
                }
                b.emit(POP_EXCEPT);
                if (fb.excName() != null) {
                    clearName(fb.excName());
                }
            }
        }
    }

    private void callExitWithNones() {
        int none = b.addConst(Ast.Singleton.NONE);
        b.emit(LOAD_CONST, none);
        b.emit(LOAD_CONST, none);
        b.emit(LOAD_CONST, none);
        b.emit(CALL, 3);
        b.emit(POP_TOP);
    }

    /** {@code name = None; del name}: an except-as variable does not outlive its handler. */
    private void clearName(String name) {
        b.emit(LOAD_CONST, b.addConst(Ast.Singleton.NONE));
        nameOp(name, Ctx.STORE);
        nameOp(name, Ctx.DEL);
    }

    // ------------------------------------------------------------------ try and with

    /**
     * <pre>
     *     (handler: exc_label)  body                  // covered at depth d
     *     orelse; JUMP end
     * exc_label:                                      // stack d + [exc]
     *     (handler: cleanup)    PUSH_EXC_INFO         // d + [prev, exc]
     *     for each clause:  type; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE next
     *                       STORE name (or POP_TOP); body; POP_EXCEPT; name = None; del name; JUMP end
     *     RERAISE                                     // no clause matched
     * cleanup:                                        // d + [prev, exc2]
     *     SWAP 2; POP_EXCEPT; RERAISE
     * end:
     * </pre>
     */
    private void compileTryExcept(Ast.Try t) {
        Handler outer = b.handler();
        int depth = unit.depth();
        Label except = new Label();
        Label cleanup = new Label();
        Label end = new Label();
        b.setHandler(new Handler(except, depth));
        pushBlock(BlockKind.TRY_EXCEPT, null, null, null, null, outer);
        compileBody(t.body());
        popBlock();
        b.setHandler(outer);
        compileBody(t.orelse());
        b.emitJump(JUMP, end);

        b.bind(except);
        b.setPos(t.pos());
        Handler cleanupHandler = new Handler(cleanup, depth + 1);
        b.setHandler(cleanupHandler);
        b.emit(PUSH_EXC_INFO);
        List<Ast.ExceptHandler> clauses = t.handlers();
        for (int i = 0; i < clauses.size(); i++) {
            Ast.ExceptHandler h = clauses.get(i);
            b.setPos(h.pos());
            if (h.type() == null && i < clauses.size() - 1) {
                throw error("default 'except:' must be last", h.pos());
            }
            Label next = new Label();
            if (h.type() != null) {
                compileExpr(h.type());
                b.emit(CHECK_EXC_MATCH);
                b.emitJump(POP_JUMP_IF_FALSE, next);
            }
            if (h.name() != null) {
                nameOp(h.name(), Ctx.STORE);
                Label nameCleanup = new Label();
                b.setHandler(new Handler(nameCleanup, depth + 1));
                pushBlock(BlockKind.HANDLER_CLEANUP, null, null, null, h.name(), outer);
                compileBody(h.body());
                popBlock();
                b.setHandler(outer);
                b.setPos(h.pos());
                b.emit(POP_EXCEPT);
                clearName(h.name());
                b.emitJump(JUMP, end);
                b.setHandler(cleanupHandler);
                b.bind(nameCleanup);
                b.setPos(h.pos());
                clearName(h.name());
                b.emit(RERAISE);
            } else {
                b.emit(POP_TOP);
                pushBlock(BlockKind.HANDLER_CLEANUP, null, null, null, null, outer);
                compileBody(h.body());
                popBlock();
                b.setHandler(outer);
                b.setPos(h.pos());
                b.emit(POP_EXCEPT);
                b.emitJump(JUMP, end);
                b.setHandler(cleanupHandler);
            }
            if (h.type() != null) {
                b.bind(next);
                if (i == clauses.size() - 1) {
                    b.emit(RERAISE);
                }
            }
        }
        b.setHandler(outer);
        emitCleanup(cleanup, t.pos().line());
        b.bind(end);
    }

    /** The landing pad that restores the previously handled exception and propagates. */
    private void emitCleanup(Label cleanup, int line) {
        b.bind(cleanup);
        b.setLine(line);
        b.emit(SWAP, 2);
        b.emit(POP_EXCEPT);
        b.emit(RERAISE);
    }

    /**
     * <pre>
     *     (handler: exc_label)  body                  // finally copies before return/break/continue
     *     finalbody; JUMP end                         // the normal-path copy
     * exc_label:                                      // d + [exc]
     *     (handler: cleanup)    PUSH_EXC_INFO; finalbody; RERAISE
     * cleanup:  SWAP 2; POP_EXCEPT; RERAISE
     * end:
     * </pre>
     */
    private void compileTryFinally(Ast.Try t) {
        Handler outer = b.handler();
        int depth = unit.depth();
        Label exc = new Label();
        Label cleanup = new Label();
        Label end = new Label();
        b.setHandler(new Handler(exc, depth));
        pushBlock(BlockKind.FINALLY_TRY, null, null, t.finalbody(), null, outer);
        if (t.handlers().isEmpty()) {
            compileBody(t.body());
        } else {
            compileTryExcept(t);
        }
        popBlock();
        b.setHandler(outer);
        compileBody(t.finalbody());
        b.emitJump(JUMP, end);

        b.bind(exc);
        b.setPos(t.pos());
        b.setHandler(new Handler(cleanup, depth + 1));
        b.emit(PUSH_EXC_INFO);
        pushBlock(BlockKind.FINALLY_END, null, null, null, null, outer);
        compileBody(t.finalbody());
        popBlock();
        b.setPos(t.pos());
        b.emit(RERAISE);
        b.setHandler(outer);
        emitCleanup(cleanup, t.pos().line());
        b.bind(end);
    }

    /**
     * <pre>
     *     mgr; BEFORE_WITH                           // d + [exit, value]
     *     (handler: exc_label, depth d+1)  STORE target; body
     *     LOAD_CONST None x3; CALL 3; POP_TOP; JUMP end
     * exc_label:                                      // d + [exit, exc]
     *     (handler: cleanup)  PUSH_EXC_INFO; WITH_EXCEPT_START; POP_JUMP_IF_TRUE suppress; RERAISE
     * suppress: POP_TOP; POP_EXCEPT; POP_TOP; JUMP end
     * cleanup:  SWAP 2; POP_EXCEPT; RERAISE
     * end:
     * </pre>
     */
    private void compileWith(Ast.With w, int index) {
        Ast.WithItem item = w.items().get(index);
        b.setPos(item.pos());
        compileExpr(item.contextExpr());
        b.emit(BEFORE_WITH);
        Handler outer = b.handler();
        int depth = unit.depth();
        Label exc = new Label();
        Label cleanup = new Label();
        Label suppress = new Label();
        Label end = new Label();
        b.setHandler(new Handler(exc, depth + 1));
        pushBlock(BlockKind.WITH, null, null, null, null, outer);
        if (item.optionalVars() != null) {
            compileStore(item.optionalVars());
        } else {
            b.emit(POP_TOP);
        }
        if (index + 1 < w.items().size()) {
            compileWith(w, index + 1);
        } else {
            compileBody(w.body());
        }
        popBlock();
        b.setHandler(outer);
        b.setPos(w.pos());
        callExitWithNones();
        b.emitJump(JUMP, end);

        b.bind(exc);
        b.setHandler(new Handler(cleanup, depth + 2));
        b.emit(PUSH_EXC_INFO);
        b.emit(WITH_EXCEPT_START);
        b.emitJump(POP_JUMP_IF_TRUE, suppress);
        b.emit(RERAISE);
        b.bind(suppress);
        b.emit(POP_TOP);
        b.setHandler(outer);
        b.emit(POP_EXCEPT);
        b.emit(POP_TOP);
        b.emitJump(JUMP, end);
        emitCleanup(cleanup, w.pos().line());
        b.bind(end);
    }

    // ------------------------------------------------------------------ imports

    private void compileImport(Ast.Import i) {
        for (Ast.Alias a : i.names()) {
            b.setLine(a.pos().line() > 0 ? a.pos().line() : i.pos().line());
            b.emit(LOAD_CONST, b.addConst(0L));
            b.emit(LOAD_CONST, b.addConst(Ast.Singleton.NONE));
            b.emit(IMPORT_NAME, b.addName(a.name()));
            if (a.asname() == null) {
                nameOp(SymbolTable.topModule(a.name()), Ctx.STORE);
            } else {
                // `import a.b.c as d` binds the submodule: walk down from the top package.
                String[] parts = a.name().split("\\.");
                for (int k = 1; k < parts.length; k++) {
                    b.emit(IMPORT_FROM, b.addName(parts[k]));
                    b.emit(SWAP, 2);
                    b.emit(POP_TOP);
                }
                nameOp(a.asname(), Ctx.STORE);
            }
        }
    }

    private void compileImportFrom(Ast.ImportFrom i) {
        List<Object> fromlist = new ArrayList<>();
        for (Ast.Alias a : i.names()) {
            fromlist.add(a.name());
        }
        b.emit(LOAD_CONST, b.addConst((long) i.level()));
        b.emit(LOAD_CONST, b.addConst(List.copyOf(fromlist)));
        b.emit(IMPORT_NAME, b.addName(i.module() == null ? "" : i.module()));
        if (fromlist.equals(List.of("*"))) {
            b.emit(IMPORT_STAR);
            return;
        }
        for (Ast.Alias a : i.names()) {
            b.emit(IMPORT_FROM, b.addName(a.name()));
            nameOp(a.asname() != null ? a.asname() : a.name(), Ctx.STORE);
        }
        b.emit(POP_TOP);
    }

    // ------------------------------------------------------------------ definitions

    private void compileFunctionDef(Ast.FunctionDef f) {
        for (Expr d : f.decorators()) {
            compileExpr(d);
        }
        b.setPos(f.pos());
        int flags = compileDefaults(f.args());
        Scope scope = table.scopeOf(f);
        Code code = compileFunctionBody(scope, f.name(), qualname(f.name()), firstLine(f.pos(), f.decorators()), f.args(),
                docstring(f.body()), () -> {
                    List<Stmt> body = f.body();
                    if (docstring(body) != null) {
                        body = body.subList(1, body.size());
                    }
                    compileBody(body);
                    returnNone(f.body());
                });
        makeFunction(code, flags);
        for (int i = 0; i < f.decorators().size(); i++) {
            b.emit(CALL, 1);
        }
        nameOp(f.name(), Ctx.STORE);
    }

    /** A decorated definition starts at its first decorator, as CPython's {@code co_firstlineno}. */
    private static int firstLine(Pos pos, List<Expr> decorators) {
        return decorators.isEmpty() ? pos.line() : Math.min(pos.line(), decorators.getFirst().pos().line());
    }

    /** Positional defaults (flag 1) and keyword-only defaults (flag 2), pushed for MAKE_FUNCTION. */
    private int compileDefaults(Ast.Arguments args) {
        int flags = 0;
        if (!args.defaults().isEmpty()) {
            compileSequence(args.defaults(), BUILD_TUPLE);
            flags |= 1;
        }
        int kw = 0;
        for (int i = 0; i < args.kwonlyargs().size(); i++) {
            Expr d = args.kwDefaults().get(i);
            if (d != null) {
                b.emit(LOAD_CONST, b.addConst(unit.current.mangle(args.kwonlyargs().get(i).arg())));
                compileExpr(d);
                kw++;
            }
        }
        if (kw > 0) {
            b.emit(BUILD_MAP, kw);
            flags |= 2;
        }
        return flags;
    }

    private Code compileFunctionBody(Scope scope, String name, String qualname, int line, Ast.Arguments args,
                                     String doc, Runnable body) {
        Unit saved = enterUnit(scope, qualname);
        b.setLine(line);
        b.addConst(doc != null ? doc : Ast.Singleton.NONE);
        copyCellArguments();
        body.run();
        Code code = leaveUnit(name, line, args, 0);
        restoreUnit(saved);
        return code;
    }

    /** Arguments that nested functions capture start in their fast slot; move them to their cell. */
    private void copyCellArguments() {
        for (String p : unit.scope.params) {
            if (unit.scope.binding(p) == Binding.CELL) {
                b.emit(LOAD_FAST, unit.fast.get(p));
                b.emit(STORE_DEREF, unit.cells.get(p));
            }
        }
    }

    /** {@code [defaults] [kwdefaults] [closure] code -> function}. */
    private void makeFunction(Code code, int flags) {
        if (!code.freevars().isEmpty()) {
            for (String name : code.freevars()) {
                b.emit(LOAD_CLOSURE, closureIndex(name));
            }
            b.emit(BUILD_TUPLE, code.freevars().size());
            flags |= 8;
        }
        b.emit(LOAD_CONST, b.addConst(code));
        b.emit(MAKE_FUNCTION, flags);
    }

    /** The cell slot, in the current code, that holds variable {@code name} for a closure. */
    private int closureIndex(String name) {
        for (Scope s = unit.current; s.kind == Kind.COMPREHENSION; s = s.parent) {
            Integer c = unit.compCells.get(s).get(name);
            if (c != null) {
                return c;
            }
            if (s.binding(name) == Binding.LOCAL) {
                break;
            }
        }
        Integer i = unit.cells.get(name);
        if (i == null) {
            throw new IllegalStateException("no cell for " + name + " in " + unit.qualname);
        }
        return i;
    }

    private void compileClassDef(Ast.ClassDef c) {
        for (Expr d : c.decorators()) {
            compileExpr(d);
        }
        b.setPos(c.pos());
        Scope scope = table.scopeOf(c);
        String qualname = qualname(c.name());
        Unit saved = enterUnit(scope, qualname);
        b.setPos(c.pos());
        b.emit(LOAD_NAME, b.addName("__name__"));
        b.emit(STORE_NAME, b.addName("__module__"));
        b.emit(LOAD_CONST, b.addConst(qualname));
        b.emit(STORE_NAME, b.addName("__qualname__"));
        List<Stmt> body = storeDocstring(c.body());
        compileBody(body);
        if (b.isReachable()) {
            b.setLine(lastLine(c.body().getLast()));
            if (scope.needsClassCell) {
                b.emit(LOAD_CLOSURE, unit.cells.get("__class__"));
                b.emit(COPY, 1);
                b.emit(STORE_NAME, b.addName("__classcell__"));
            } else {
                b.emit(LOAD_CONST, b.addConst(Ast.Singleton.NONE));
            }
            b.emit(RETURN_VALUE);
        }
        Code code = leaveUnit(c.name(), firstLine(c.pos(), c.decorators()), null, 0);
        restoreUnit(saved);

        b.setPos(c.pos());
        b.emit(LOAD_BUILD_CLASS);
        makeFunction(code, 0);
        b.emit(LOAD_CONST, b.addConst(c.name()));
        compileCall(2, c.bases(), c.keywords());
        for (int i = 0; i < c.decorators().size(); i++) {
            b.emit(CALL, 1);
        }
        nameOp(c.name(), Ctx.STORE);
    }

    private void compileLambda(Ast.Lambda l) {
        int flags = compileDefaults(l.args());
        Scope scope = table.scopeOf(l);
        Code code = compileFunctionBody(scope, "<lambda>", qualname("<lambda>"), l.pos().line(), l.args(), null,
                () -> {
                    compileExpr(l.body());
                    b.emit(RETURN_VALUE);
                });
        makeFunction(code, flags);
    }

    // ------------------------------------------------------------------ names and targets

    /** Loads, stores or deletes a variable, wherever the symbol table says it lives. */
    private void nameOp(String id, Ctx ctx) {
        String name = unit.current.mangle(id);
        Scope s = unit.current;
        while (s.kind == Kind.COMPREHENSION) {
            Binding binding = s.binding(name);
            if (binding == Binding.LOCAL) {
                b.emit(pick(ctx, LOAD_FAST, STORE_FAST, DELETE_FAST), unit.compFast.get(s).get(name));
                return;
            }
            if (binding == Binding.CELL) {
                b.emit(pick(ctx, LOAD_DEREF, STORE_DEREF, DELETE_DEREF), unit.compCells.get(s).get(name));
                return;
            }
            if (s.parent.kind == Kind.CLASS) {
                // The class's own names are invisible from inside its comprehensions.
                if (binding == Binding.FREE) {
                    b.emit(pick(ctx, LOAD_DEREF, STORE_DEREF, DELETE_DEREF), unit.cells.get(name));
                } else {
                    b.emit(pick(ctx, LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL), b.addName(name));
                }
                return;
            }
            s = s.parent;
        }
        Binding binding = s.binding(name);
        switch (s.kind) {
            case MODULE -> {
                if (binding == Binding.GLOBAL_EXPLICIT) {
                    b.emit(pick(ctx, LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL), b.addName(name));
                } else {
                    b.emit(pick(ctx, LOAD_NAME, STORE_NAME, DELETE_NAME), b.addName(name));
                }
            }
            case CLASS -> {
                switch (binding) {
                    case GLOBAL_EXPLICIT -> b.emit(pick(ctx, LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL), b.addName(name));
                    case FREE -> b.emit(pick(ctx, LOAD_CLASSDEREF, STORE_DEREF, DELETE_DEREF), unit.cells.get(name));
                    default -> b.emit(pick(ctx, LOAD_NAME, STORE_NAME, DELETE_NAME), b.addName(name));
                }
            }
            default -> {
                switch (binding) {
                    case LOCAL -> b.emit(pick(ctx, LOAD_FAST, STORE_FAST, DELETE_FAST), unit.fast.get(name));
                    case CELL, FREE -> b.emit(pick(ctx, LOAD_DEREF, STORE_DEREF, DELETE_DEREF), unit.cells.get(name));
                    default -> b.emit(pick(ctx, LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL), b.addName(name));
                }
            }
        }
    }

    /** The name-table index of an attribute name, mangled inside a class. */
    private int attr(String name) {
        return b.addName(unit.current.mangle(name));
    }

    private static Opcode pick(Ctx ctx, Opcode load, Opcode store, Opcode del) {
        return switch (ctx) {
            case LOAD -> load;
            case STORE -> store;
            case DEL -> del;
        };
    }

    /** Stores the value on top of the stack into an assignment target. */
    private void compileStore(Expr target) {
        Pos saved = b.pos();
        b.setPos(target.pos());
        switch (target) {
            case Ast.Name n -> nameOp(n.id(), Ctx.STORE);
            case Ast.Attribute a -> {
                compileExpr(a.value());
                b.emit(STORE_ATTR, attr(a.attr()));
            }
            case Ast.Subscript s -> {
                compileExpr(s.value());
                compileSlice(s.slice());
                b.emit(STORE_SUBSCR);
            }
            case Ast.Tuple t -> compileUnpack(t.elts(), t.pos());
            case Ast.ListExpr l -> compileUnpack(l.elts(), l.pos());
            case Ast.Starred s -> throw error("starred assignment target must be in a list or tuple", s.pos());
            default -> throw error("cannot assign to " + target.getClass().getSimpleName(), target.pos());
        }
        b.setPos(saved);
    }

    private void compileUnpack(List<Expr> elts, Pos pos) {
        int star = -1;
        for (int i = 0; i < elts.size(); i++) {
            if (elts.get(i) instanceof Ast.Starred) {
                if (star >= 0) {
                    throw error("multiple starred expressions in assignment", elts.get(i).pos());
                }
                star = i;
            }
        }
        if (star < 0) {
            b.emit(UNPACK_SEQUENCE, elts.size());
        } else {
            int after = elts.size() - star - 1;
            if (star >= 1 << 8 || after >= 1 << 16) {
                throw error("too many expressions in star-unpacking assignment", pos);
            }
            b.emit(UNPACK_EX, star | after << 8);
        }
        for (Expr e : elts) {
            compileStore(e instanceof Ast.Starred s ? s.value() : e);
        }
    }

    private void compileDelete(Expr target) {
        b.setPos(target.pos());
        switch (target) {
            case Ast.Name n -> nameOp(n.id(), Ctx.DEL);
            case Ast.Attribute a -> {
                compileExpr(a.value());
                b.emit(DELETE_ATTR, attr(a.attr()));
            }
            case Ast.Subscript s -> {
                compileExpr(s.value());
                compileSlice(s.slice());
                b.emit(DELETE_SUBSCR);
            }
            case Ast.Tuple t -> t.elts().forEach(this::compileDelete);
            case Ast.ListExpr l -> l.elts().forEach(this::compileDelete);
            default -> throw error("cannot delete " + target.getClass().getSimpleName(), target.pos());
        }
    }

    private void compileAugAssign(Ast.AugAssign a) {
        int op = a.op().ordinal() + Opcode.INPLACE;
        switch (a.target()) {
            case Ast.Name n -> {
                nameOp(n.id(), Ctx.LOAD);
                compileExpr(a.value());
                b.emit(BINARY_OP, op);
                nameOp(n.id(), Ctx.STORE);
            }
            case Ast.Attribute t -> {
                compileExpr(t.value());
                b.emit(COPY, 1);
                b.emit(LOAD_ATTR, attr(t.attr()));
                compileExpr(a.value());
                b.emit(BINARY_OP, op);
                b.emit(SWAP, 2);
                b.emit(STORE_ATTR, attr(t.attr()));
            }
            case Ast.Subscript t -> {
                compileExpr(t.value());
                compileSlice(t.slice());
                b.emit(COPY, 2);
                b.emit(COPY, 2);
                b.emit(BINARY_SUBSCR);
                compileExpr(a.value());
                b.emit(BINARY_OP, op);
                b.emit(SWAP, 3);
                b.emit(SWAP, 2);
                b.emit(STORE_SUBSCR);
            }
            default -> throw error("illegal expression for augmented assignment", a.target().pos());
        }
    }

    // ------------------------------------------------------------------ expressions

    private void compileExpr(Expr expr) {
        Pos saved = b.pos();
        b.setPos(expr.pos());
        switch (expr) {
            case Ast.Name n -> nameOp(n.id(), Ctx.LOAD);
            case Ast.Constant c -> b.emit(LOAD_CONST, b.addConst(c.value()));
            case Ast.BinOp o -> {
                compileExpr(o.left());
                compileExpr(o.right());
                b.setPos(expr.pos());
                b.emit(BINARY_OP, o.op().ordinal());
            }
            case Ast.UnaryOp u -> {
                Object folded = constantValue(u);
                if (folded != null) {
                    b.emit(LOAD_CONST, b.addConst(folded));
                } else {
                    compileExpr(u.operand());
                    b.setPos(expr.pos());
                    b.emit(UNARY_OP, u.op().ordinal());
                }
            }
            case Ast.BoolOp o -> {
                Label end = new Label();
                Opcode jump = o.op() == Ast.BoolOperator.AND ? JUMP_IF_FALSE_OR_POP : JUMP_IF_TRUE_OR_POP;
                for (int i = 0; i < o.values().size() - 1; i++) {
                    compileExpr(o.values().get(i));
                    b.emitJump(jump, end);
                }
                compileExpr(o.values().getLast());
                b.bind(end);
            }
            case Ast.Compare c -> compileCompare(c);
            case Ast.IfExp i -> {
                Label orelse = new Label();
                Label end = new Label();
                jumpIf(i.test(), false, orelse);
                compileExpr(i.body());
                b.emitJump(JUMP, end);
                b.bind(orelse);
                compileExpr(i.orelse());
                b.bind(end);
            }
            case Ast.Lambda l -> compileLambda(l);
            case Ast.Call c -> compileCallExpr(c);
            case Ast.Attribute a -> {
                compileExpr(a.value());
                b.setPos(expr.pos());
                b.emit(LOAD_ATTR, attr(a.attr()));
            }
            case Ast.Subscript s -> {
                compileExpr(s.value());
                compileSlice(s.slice());
                b.setPos(expr.pos());
                b.emit(BINARY_SUBSCR);
            }
            case Ast.Slice s -> throw error("slice outside a subscript", s.pos());
            case Ast.Starred s -> throw error("can't use starred expression here", s.pos());
            case Ast.Tuple t -> {
                Object folded = constantValue(t);
                if (folded != null) {
                    b.emit(LOAD_CONST, b.addConst(folded));
                } else {
                    compileDisplay(t.elts(), BUILD_TUPLE);
                }
            }
            case Ast.ListExpr l -> compileDisplay(l.elts(), BUILD_LIST);
            case Ast.Set s -> compileDisplay(s.elts(), BUILD_SET);
            case Ast.Dict d -> compileDict(d);
            case Ast.ListComp c -> compileInlined(c, c.generators(), BUILD_LIST, c.elt(), null);
            case Ast.SetComp c -> compileInlined(c, c.generators(), BUILD_SET, c.elt(), null);
            case Ast.DictComp c -> compileInlined(c, c.generators(), BUILD_MAP, c.key(), c.value());
            case Ast.GeneratorExp g -> compileGenExp(g);
            case Ast.Yield y -> {
                if (y.value() != null) {
                    compileExpr(y.value());
                } else {
                    b.emit(LOAD_CONST, b.addConst(Ast.Singleton.NONE));
                }
                b.emit(YIELD_VALUE);
            }
            case Ast.YieldFrom y -> {
                compileExpr(y.value());
                b.emit(GET_YIELD_FROM_ITER);
                b.emit(LOAD_CONST, b.addConst(Ast.Singleton.NONE));
                b.emit(YIELD_FROM);
            }
            case Ast.JoinedStr j -> compileJoinedStr(j);
            case Ast.FormattedValue f -> compileFormattedValue(f);
        }
        b.setPos(saved);
    }

    /**
     * The value of an expression made only of literals, folded at compile time, or null. Only
     * what is obviously safe: a minus sign on a number literal ({@code -1} is one constant, as
     * the reader thinks of it) and tuples of such constants. Nothing that could raise or depend
     * on run-time state.
     */
    private static Object constantValue(Expr e) {
        return switch (e) {
            case Ast.Constant c -> c.value();
            case Ast.UnaryOp u when u.op() == Ast.UnaryOperator.USUB && u.operand() instanceof Ast.Constant c -> switch (c.value()) {
                case Long l -> l == Long.MIN_VALUE ? BigInteger.valueOf(l).negate() : (Object) (-l);
                case BigInteger i -> normalize(i.negate());
                case Double d -> -d;
                default -> null;
            };
            case Ast.Tuple t -> {
                List<Object> values = new ArrayList<>(t.elts().size());
                for (Expr elt : t.elts()) {
                    Object v = constantValue(elt);
                    if (v == null) {
                        yield null;
                    }
                    values.add(v);
                }
                yield List.copyOf(values);
            }
            default -> null;
        };
    }

    private static Object normalize(BigInteger i) {
        return i.bitLength() < 64 ? (Object) i.longValue() : i;
    }

    /** Jumps to {@code target} when {@code e} is {@code cond}; {@code not}/{@code and}/{@code or} become jumps. */
    private void jumpIf(Expr e, boolean cond, Label target) {
        switch (e) {
            case Ast.UnaryOp u when u.op() == Ast.UnaryOperator.NOT -> jumpIf(u.operand(), !cond, target);
            case Ast.BoolOp o -> {
                boolean isAnd = o.op() == Ast.BoolOperator.AND;
                List<Expr> values = o.values();
                if (isAnd != cond) {
                    // `a and b` jumping when false (or `a or b` when true): any operand decides.
                    for (Expr v : values) {
                        jumpIf(v, cond, target);
                    }
                } else {
                    Label skip = new Label();
                    for (int i = 0; i < values.size() - 1; i++) {
                        jumpIf(values.get(i), !cond, skip);
                    }
                    jumpIf(values.getLast(), cond, target);
                    b.bind(skip);
                }
            }
            default -> {
                compileExpr(e);
                b.setPos(e.pos());
                b.emitJump(cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, target);
            }
        }
    }

    /**
     * {@code a < b < c}: b is evaluated once and kept under the first result.
     * <pre>
     *     a; b; SWAP 2; COPY 2; COMPARE_OP &lt;; JUMP_IF_FALSE_OR_POP cleanup
     *     c; COMPARE_OP &lt;; JUMP end
     * cleanup: SWAP 2; POP_TOP
     * end:
     * </pre>
     */
    private void compileCompare(Ast.Compare c) {
        compileExpr(c.left());
        int n = c.ops().size();
        if (n == 1) {
            compileExpr(c.comparators().getFirst());
            b.setPos(c.pos());
            b.emit(COMPARE_OP, c.ops().getFirst().ordinal());
            return;
        }
        Label cleanup = new Label();
        Label end = new Label();
        for (int i = 0; i < n - 1; i++) {
            compileExpr(c.comparators().get(i));
            b.setPos(c.pos());
            b.emit(SWAP, 2);
            b.emit(COPY, 2);
            b.emit(COMPARE_OP, c.ops().get(i).ordinal());
            b.emitJump(JUMP_IF_FALSE_OR_POP, cleanup);
        }
        compileExpr(c.comparators().getLast());
        b.setPos(c.pos());
        b.emit(COMPARE_OP, c.ops().getLast().ordinal());
        b.emitJump(JUMP, end);
        b.bind(cleanup);
        b.emit(SWAP, 2);
        b.emit(POP_TOP);
        b.bind(end);
    }

    private void compileSlice(Expr slice) {
        if (slice instanceof Ast.Slice s) {
            compileOptional(s.lower());
            compileOptional(s.upper());
            if (s.step() != null) {
                compileExpr(s.step());
            }
            b.emit(BUILD_SLICE, s.step() != null ? 3 : 2);
        } else if (slice instanceof Ast.Tuple t && t.elts().stream().anyMatch(x -> x instanceof Ast.Slice)) {
            for (Expr e : t.elts()) {
                compileSlice(e);
            }
            b.emit(BUILD_TUPLE, t.elts().size());
        } else {
            compileExpr(slice);
        }
    }

    private void compileOptional(Expr e) {
        if (e == null) {
            b.emit(LOAD_CONST, b.addConst(Ast.Singleton.NONE));
        } else {
            compileExpr(e);
        }
    }

    private void compileSequence(List<Expr> elts, Opcode build) {
        for (Expr e : elts) {
            compileExpr(e);
        }
        b.emit(build, elts.size());
    }

    /**
     * A tuple, list or set display. With {@code *x} elements the items go into a list built
     * incrementally ({@code LIST_EXTEND}), converted at the end.
     */
    private void compileDisplay(List<Expr> elts, Opcode build) {
        int firstStar = -1;
        for (int i = 0; i < elts.size(); i++) {
            if (elts.get(i) instanceof Ast.Starred) {
                firstStar = i;
                break;
            }
        }
        if (firstStar < 0) {
            compileSequence(elts, build);
            return;
        }
        boolean isSet = build == BUILD_SET;
        for (int i = 0; i < firstStar; i++) {
            compileExpr(elts.get(i));
        }
        b.emit(isSet ? BUILD_SET : BUILD_LIST, firstStar);
        for (int i = firstStar; i < elts.size(); i++) {
            Expr e = elts.get(i);
            if (e instanceof Ast.Starred s) {
                compileExpr(s.value());
                b.emit(isSet ? SET_UPDATE : LIST_EXTEND, 1);
            } else {
                compileExpr(e);
                b.emit(isSet ? SET_ADD : LIST_APPEND, 1);
            }
        }
        if (build == BUILD_TUPLE) {
            b.emit(LIST_TO_TUPLE);
        }
    }

    private void compileDict(Ast.Dict d) {
        int pending = 0;
        boolean built = false;
        for (int i = 0; i < d.keys().size(); i++) {
            Expr key = d.keys().get(i);
            if (key != null) {
                compileExpr(key);
                compileExpr(d.values().get(i));
                pending++;
            } else {
                built = flushPairs(pending, built, DICT_UPDATE);
                pending = 0;
                compileExpr(d.values().get(i));
                b.emit(DICT_UPDATE, 1);
            }
        }
        if (pending > 0 || !built) {
            flushPairs(pending, built, DICT_UPDATE);
        }
    }

    /** Turns {@code pending} key/value pairs into a dict, merged into the one below if there is one. */
    private boolean flushPairs(int pending, boolean built, Opcode merge) {
        if (pending > 0 || !built) {
            b.emit(BUILD_MAP, pending);
            if (built) {
                b.emit(merge, 1);
            }
        }
        return true;
    }

    private void compileCallExpr(Ast.Call c) {
        if (c.func() instanceof Ast.Attribute a && c.keywords().isEmpty()
                && c.args().stream().noneMatch(x -> x instanceof Ast.Starred)) {
            compileExpr(a.value());
            b.setPos(c.pos());
            b.emit(LOAD_METHOD, attr(a.attr()));
            for (Expr arg : c.args()) {
                compileExpr(arg);
            }
            b.setPos(c.pos());
            b.emit(CALL_METHOD, c.args().size());
            return;
        }
        compileExpr(c.func());
        compileCall(0, c.args(), c.keywords());
    }

    /**
     * Emits the arguments and the call, the callable and {@code pushed} leading arguments being
     * already on the stack: CALL, CALL_KW with a constant tuple of names, or, when there is a
     * {@code *} or {@code **}, a tuple and a dict for CALL_EX.
     */
    /** The most positional arguments before a trailing {@code *rest} that CALL_EX's flag 2 encodes. */
    private static final int CALL_EX_MAX_POSITIONAL = 255;

    private void compileCall(int pushed, List<Expr> args, List<Ast.Keyword> keywords) {
        Pos pos = b.pos();
        Set<String> seen = new HashSet<>();
        boolean dynamic = false;
        for (Ast.Keyword k : keywords) {
            if (k.arg() == null) {
                dynamic = true;
            } else if (!seen.add(k.arg())) {
                throw error("keyword argument repeated: " + k.arg(), k.pos());
            }
        }
        for (Expr a : args) {
            dynamic |= a instanceof Ast.Starred;
        }
        if (!dynamic) {
            for (Expr a : args) {
                compileExpr(a);
            }
            if (keywords.isEmpty()) {
                b.setPos(pos);
                b.emit(CALL, pushed + args.size());
                return;
            }
            List<Object> names = new ArrayList<>();
            for (Ast.Keyword k : keywords) {
                compileExpr(k.value());
                names.add(k.arg());
            }
            b.setPos(pos);
            b.emit(LOAD_CONST, b.addConst(List.copyOf(names)));
            b.emit(CALL_KW, pushed + args.size() + keywords.size());
            return;
        }
        int plain = 0;
        while (plain < args.size() && !(args.get(plain) instanceof Ast.Starred)) {
            compileExpr(args.get(plain++));
        }
        if (keywords.isEmpty() && plain == args.size() - 1 && pushed + plain <= CALL_EX_MAX_POSITIONAL) {
            // f(a, b, *rest), the common shape: the positional arguments stay apart from the star
            // one, so that the flow space sees how many there are (see CALL_EX)
            compileExpr(((Ast.Starred) args.getLast()).value());
            b.setPos(pos);
            b.emit(CALL_EX, 2 | (pushed + plain) << 2);
            return;
        }
        b.emit(BUILD_LIST, pushed + plain);
        for (int i = plain; i < args.size(); i++) {
            if (args.get(i) instanceof Ast.Starred s) {
                compileExpr(s.value());
                b.emit(LIST_EXTEND, 1);
            } else {
                compileExpr(args.get(i));
                b.emit(LIST_APPEND, 1);
            }
        }
        b.emit(LIST_TO_TUPLE);
        if (keywords.isEmpty()) {
            b.setPos(pos);
            b.emit(CALL_EX, 0);
            return;
        }
        int pending = 0;
        boolean built = false;
        for (Ast.Keyword k : keywords) {
            if (k.arg() != null) {
                b.emit(LOAD_CONST, b.addConst(k.arg()));
                compileExpr(k.value());
                pending++;
            } else {
                built = flushPairs(pending, built, DICT_MERGE);
                pending = 0;
                compileExpr(k.value());
                b.emit(DICT_MERGE, 1);
            }
        }
        if (pending > 0) {
            flushPairs(pending, built, DICT_MERGE);
        }
        b.setPos(pos);
        b.emit(CALL_EX, 1);
    }

    private void compileJoinedStr(Ast.JoinedStr j) {
        List<Expr> parts = j.values();
        if (parts.isEmpty()) {
            b.emit(LOAD_CONST, b.addConst(""));
            return;
        }
        for (Expr p : parts) {
            compileExpr(p);
        }
        if (parts.size() > 1) {
            b.emit(BUILD_STRING, parts.size());
        }
    }

    private void compileFormattedValue(Ast.FormattedValue f) {
        compileExpr(f.value());
        int flags = switch (f.conversion()) {
            case 's' -> 1;
            case 'r' -> 2;
            case 'a' -> 3;
            default -> 0;
        };
        if (f.formatSpec() != null) {
            compileExpr(f.formatSpec());
            flags |= 4;
        }
        b.setPos(f.pos());
        b.emit(FORMAT_VALUE, flags);
    }

    // ------------------------------------------------------------------ comprehensions

    /**
     * An inlined list, set or dict comprehension:
     * <pre>
     *     outermost; GET_ITER; [MAKE_CELL ...]; BUILD_LIST 0; SWAP 2
     * top: FOR_ITER end; STORE x; [if-tests jump to top]; ...; elt; LIST_APPEND n; JUMP top
     * end:
     * </pre>
     * The outermost iterable is compiled in the enclosing scope (in a class body it sees the
     * class's names), the rest in the comprehension's own scope.
     */
    private void compileInlined(Expr node, List<Ast.Comprehension> generators, Opcode build, Expr elt, Expr value) {
        compileExpr(generators.getFirst().iter());
        b.emit(GET_ITER);
        Scope scope = table.scopeOf(node);
        Scope saved = unit.current;
        unit.current = scope;
        for (int cell : unit.compCells.get(scope).values().stream().sorted().toList()) {
            b.emit(MAKE_CELL, cell);
        }
        b.setPos(node.pos());
        b.emit(build, 0);
        b.emit(SWAP, 2);
        compileGenerators(generators, 0, () -> {
            int depth = generators.size() + 1;
            if (build == BUILD_MAP) {
                compileExpr(elt);
                compileExpr(value);
                b.setPos(node.pos());
                b.emit(MAP_ADD, depth);
            } else {
                compileExpr(elt);
                b.setPos(node.pos());
                b.emit(build == BUILD_LIST ? LIST_APPEND : SET_ADD, depth);
            }
        });
        unit.current = saved;
    }

    /** One {@code for} clause and everything nested in it; the first clause's iterator is on the stack. */
    private void compileGenerators(List<Ast.Comprehension> generators, int i, Runnable element) {
        Ast.Comprehension g = generators.get(i);
        if (i > 0) {
            compileExpr(g.iter());
            b.emit(GET_ITER);
        }
        Label top = new Label();
        Label end = new Label();
        b.bind(top);
        b.setPos(g.pos());
        b.emitJump(FOR_ITER, end);
        compileStore(g.target());
        for (Expr test : g.ifs()) {
            jumpIf(test, false, top);
        }
        if (i + 1 < generators.size()) {
            compileGenerators(generators, i + 1, element);
        } else {
            element.run();
        }
        b.setPos(g.pos());
        b.emitJump(JUMP, top);
        b.bind(end);
    }

    /** {@code MAKE_FUNCTION <genexpr>; outermost; GET_ITER; CALL 1}. */
    private void compileGenExp(Ast.GeneratorExp g) {
        Scope scope = table.scopeOf(g);
        Unit saved = enterUnit(scope, qualname("<genexpr>"));
        b.setPos(g.pos());
        copyCellArguments();
        b.emit(LOAD_FAST, 0);
        compileGenerators(g.generators(), 0, () -> {
            compileExpr(g.elt());
            b.setPos(g.pos());
            b.emit(YIELD_VALUE);
            b.emit(POP_TOP);
        });
        b.emit(LOAD_CONST, b.addConst(Ast.Singleton.NONE));
        b.emit(RETURN_VALUE);
        Code code = leaveUnit("<genexpr>", g.pos().line(), null, 0);
        restoreUnit(saved);
        makeFunction(code, 0);
        compileExpr(g.generators().getFirst().iter());
        b.setPos(g.pos());
        b.emit(GET_ITER);
        b.emit(CALL, 1);
    }
}
