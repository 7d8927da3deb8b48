package dev.taipan.flowgraph.compiler;

import dev.taipan.flowgraph.syntax.Pos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One scope of the program: what {@link SymbolTable} learned about the names of a module, class
 * body, function, lambda, generator expression or (inlined) comprehension.
 *
 * <p>Only the first five become code objects. A {@link Kind#COMPREHENSION} scope exists for
 * name isolation alone: its loop variables are its own ({@code [x for x in y]} does not touch an
 * outer {@code x}), but its code is inlined into the nearest enclosing code-producing scope, its
 * <em>host</em>, where the compiler gives those variables fresh fast-local (or cell) slots.
 */
final class Scope {

    enum Kind {
        MODULE, CLASS, FUNCTION, LAMBDA, GENEXPR, COMPREHENSION;

        /** Scopes whose locals live in fast slots and are visible to nested functions. */
        boolean isFunctionLike() {
            return this == FUNCTION || this == LAMBDA || this == GENEXPR;
        }
    }

    /** Where a name lives, seen from the scope that uses it (CPython's symtable vocabulary). */
    enum Binding {
        /** Bound here: a fast local in functions, a namespace entry in module and class bodies. */
        LOCAL,
        /** Bound here and captured by a nested function: lives in a cell. */
        CELL,
        /** Bound in an enclosing function: reached through a cell of the closure. */
        FREE,
        /** Declared {@code global} here. */
        GLOBAL_EXPLICIT,
        /** Never bound in a visible scope: a global or a builtin. */
        GLOBAL_IMPLICIT
    }

    static final int DEF_LOCAL = 1;
    static final int DEF_PARAM = 2;
    static final int DEF_GLOBAL = 4;
    static final int DEF_NONLOCAL = 8;
    static final int USE = 16;

    /** What one scope knows about one name: how it is used (flags) and, after analysis, where it lives. */
    static final class Symbol {
        int flags;
        Binding binding;
        /** Where a {@code global}/{@code nonlocal} declaration stands, for error messages. */
        Pos declaredAt;

        boolean isBoundHere() {
            return (flags & (DEF_LOCAL | DEF_PARAM)) != 0;
        }
    }

    final Kind kind;
    final String name;
    final Scope parent;
    /**
     * The class whose name mangles {@code __private} identifiers here: this scope's own name for
     * a class body, else inherited from the enclosing scope (null outside classes).
     */
    final String privateName;
    final Map<String, Symbol> symbols = new LinkedHashMap<>();
    final List<Scope> children = new ArrayList<>();
    /** Parameter names in frame order (positional, keyword-only, *args, **kwargs). */
    final List<String> params = new ArrayList<>();

    boolean generator;
    /** Class bodies only: a method uses {@code super} or {@code __class__}. */
    boolean needsClassCell;
    /** Cell and free names, in the order they get slots (filled by the analysis). */
    final Set<String> cellvars = new LinkedHashSet<>();
    final Set<String> freevars = new LinkedHashSet<>();
    /**
     * Comprehensions only: the free names some nested function of this comprehension captures.
     * They force a cell in the host; names the comprehension merely reads do not, since the
     * inlined code reads the host's slot directly.
     */
    final Set<String> captured = new LinkedHashSet<>();

    Scope(Kind kind, String name, Scope parent) {
        this.kind = kind;
        this.name = name;
        this.parent = parent;
        this.privateName = kind == Kind.CLASS ? name : parent == null ? null : parent.privateName;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    Symbol symbol(String id) {
        return symbols.computeIfAbsent(id, k -> new Symbol());
    }

    /** Where {@code id} lives as seen from this scope; unknown names are implicit globals. */
    Binding binding(String id) {
        Symbol s = symbols.get(id);
        return s == null || s.binding == null ? Binding.GLOBAL_IMPLICIT : s.binding;
    }

    /**
     * Private name mangling: inside class {@code C}, an identifier {@code __x} (not a dunder)
     * stands for {@code _C__x}, in variable names and attribute names alike, so that subclasses
     * do not clash with their bases' private attributes.
     */
    String mangle(String id) {
        if (privateName == null || !id.startsWith("__") || id.endsWith("__") || id.indexOf('.') >= 0) {
            return id;
        }
        int i = 0;
        while (i < privateName.length() && privateName.charAt(i) == '_') {
            i++;
        }
        return i == privateName.length() ? id : "_" + privateName.substring(i) + id;
    }

    /** The nearest enclosing scope that produces a code object (this one unless a comprehension). */
    Scope host() {
        Scope s = this;
        while (s.kind == Kind.COMPREHENSION) {
            s = s.parent;
        }
        return s;
    }

    @Override
    public String toString() {
        return kind + " " + name;
    }
}
