package dev.taipan.flowgraph.fuzz;

import dev.taipan.flowgraph.fuzz.PyTree.Clause;
import dev.taipan.flowgraph.fuzz.PyTree.Compound;
import dev.taipan.flowgraph.fuzz.PyTree.Expr;
import dev.taipan.flowgraph.fuzz.PyTree.Line;
import dev.taipan.flowgraph.fuzz.PyTree.Module;
import dev.taipan.flowgraph.fuzz.PyTree.Op;
import dev.taipan.flowgraph.fuzz.PyTree.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The places of a program tree, numbered in pre-order: its statement lists (the module body,
 * then each clause body) and its expressions (each statement's, then its sub-expressions).
 * Reducing (the {@link Minimizer}) and mutating ({@link Mutator}) are "replace place number k",
 * so neither needs to know the tree's shape. Removing statements from list k or replacing
 * expression k leaves the numbers of the places before k as they were.
 */
final class Sites {
    private Sites() {
    }

    /** Every statement list, in pre-order: list k is {@code allLists(m).get(k)}. */
    static List<List<Stmt>> allLists(Module m) {
        List<List<Stmt>> out = new ArrayList<>();
        collectLists(m.body(), 0, out, new ArrayList<>());
        return out;
    }

    /** How deep each list of {@link #allLists} is nested: 0 for the module body, 1 for a top-level body, ... */
    static List<Integer> listDepths(Module m) {
        List<Integer> depths = new ArrayList<>();
        collectLists(m.body(), 0, new ArrayList<>(), depths);
        return depths;
    }

    private static void collectLists(List<Stmt> l, int depth, List<List<Stmt>> out, List<Integer> depths) {
        out.add(l);
        depths.add(depth);
        for (Stmt s : l) {
            if (s instanceof Compound c) {
                c.clauses().forEach(cl -> collectLists(cl.body(), depth + 1, out, depths));
            }
        }
    }

    /** Every expression, in pre-order: expression k is {@code allExprs(m).get(k)}. */
    static List<Expr> allExprs(Module m) {
        List<Expr> out = new ArrayList<>();
        collectExprs(m.body(), out);
        return out;
    }

    private static void collectExprs(List<Stmt> l, List<Expr> out) {
        for (Stmt s : l) {
            switch (s) {
                case Line line -> line.args().forEach(e -> collectExprs(e, out));
                case Compound c -> c.clauses().forEach(cl -> {
                    cl.args().forEach(e -> collectExprs(e, out));
                    collectExprs(cl.body(), out);
                });
            }
        }
    }

    private static void collectExprs(Expr e, List<Expr> out) {
        out.add(e);
        if (e instanceof Op op) {
            op.args().forEach(a -> collectExprs(a, out));
        }
    }

    static Module withList(Module m, int k, UnaryOperator<List<Stmt>> f) {
        return m.withBody(new ListWalk(k, f).list(m.body()));
    }

    static Module withExpr(Module m, int k, UnaryOperator<Expr> f) {
        return m.withBody(new ExprWalk(k, f).list(m.body()));
    }

    private static final class ListWalk {
        final int target;
        final UnaryOperator<List<Stmt>> f;
        int n;

        ListWalk(int target, UnaryOperator<List<Stmt>> f) {
            this.target = target;
            this.f = f;
        }

        List<Stmt> list(List<Stmt> l) {
            if (n++ == target) {
                return f.apply(l);
            }
            return l.stream().map(this::stmt).toList();
        }

        Stmt stmt(Stmt s) {
            return switch (s) {
                case Line line -> line;
                case Compound c -> new Compound(c.clauses().stream().map(cl -> cl.withBody(list(cl.body()))).toList());
            };
        }
    }

    private static final class ExprWalk {
        final int target;
        final UnaryOperator<Expr> f;
        int n;

        ExprWalk(int target, UnaryOperator<Expr> f) {
            this.target = target;
            this.f = f;
        }

        Expr expr(Expr e) {
            if (n++ == target) {
                return f.apply(e);
            }
            return e instanceof Op op ? new Op(op.type(), op.template(), op.args().stream().map(this::expr).toList()) : e;
        }

        List<Stmt> list(List<Stmt> l) {
            return l.stream().map(this::stmt).toList();
        }

        Stmt stmt(Stmt s) {
            return switch (s) {
                case Line line -> new Line(line.template(), line.args().stream().map(this::expr).toList());
                case Compound c -> new Compound(c.clauses().stream().map(cl -> new Clause(cl.header(),
                        cl.args().stream().map(this::expr).toList(), list(cl.body()))).toList());
            };
        }
    }
}
