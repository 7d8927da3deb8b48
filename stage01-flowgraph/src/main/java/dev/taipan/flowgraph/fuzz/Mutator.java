package dev.taipan.flowgraph.fuzz;

import dev.taipan.flowgraph.fuzz.PyTree.Expr;
import dev.taipan.flowgraph.fuzz.PyTree.Line;
import dev.taipan.flowgraph.fuzz.PyTree.Lit;
import dev.taipan.flowgraph.fuzz.PyTree.Module;
import dev.taipan.flowgraph.fuzz.PyTree.Op;
import dev.taipan.flowgraph.fuzz.PyTree.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Valid RPy programs made (probably) invalid the way their authors would: a value of another
 * type where one was expected, an attribute or method misspelt, a {@code return} forgotten, a
 * statement (perhaps the one defining a name) left out, an argument dropped, a None where an
 * object was. The annotator must accept each mutant or reject it with an error naming a line;
 * never crash.
 */
public final class Mutator {
    public enum Kind { TYPE_CHANGED, ATTRIBUTE_RENAMED, RETURN_REMOVED, STATEMENT_REMOVED, ARGUMENT_DROPPED, NONE_PASSED }

    /** A mutant and what was done to it. */
    public record Mutant(Module module, Kind kind) {
    }

    private static final Pattern ATTRIBUTE = Pattern.compile("\\.([a-z]\\w*)\\b(?!\\()|\\.(m\\d+)\\(");
    private static final Pattern LAST_ARGUMENT = Pattern.compile(", (\\w+=)?\\{\\d+\\}\\)$");
    private static final List<String> WRONG_VALUES = List.of("0", "''", "1.5", "True", "[]", "{}", "(1, 'x')", "r_uint(1)");

    private final Random r;

    public Mutator(Random r) {
        this.r = r;
    }

    /** One mutation of {@code m} (the first kind drawn that applies). */
    public Mutant mutate(Module m) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Kind kind = Kind.values()[r.nextInt(Kind.values().length)];
            Module mutated = switch (kind) {
                case TYPE_CHANGED -> replaceExpr(m, e -> true, e -> new Lit(e.type(), WRONG_VALUES.get(r.nextInt(WRONG_VALUES.size()))));
                case NONE_PASSED -> replaceExpr(m, e -> e.type() instanceof Ty.Inst, e -> new Lit(e.type(), "None"));
                case ATTRIBUTE_RENAMED -> replaceExpr(m, e -> e instanceof Op op && ATTRIBUTE.matcher(op.template()).find(),
                        e -> renamed((Op) e));
                case ARGUMENT_DROPPED -> replaceExpr(m, e -> e instanceof Op op && LAST_ARGUMENT.matcher(op.template()).find(),
                        e -> new Op(e.type(), LAST_ARGUMENT.matcher(((Op) e).template()).replaceFirst(")"), ((Op) e).args()));
                case RETURN_REMOVED -> removeStmt(m, s -> s instanceof Line l && l.template().startsWith("return"));
                case STATEMENT_REMOVED -> removeStmt(m, s -> true);
            };
            if (mutated != null && !mutated.equals(m)) {
                return new Mutant(mutated, kind);
            }
        }
        return new Mutant(m, Kind.STATEMENT_REMOVED);
    }

    private Op renamed(Op op) {
        Matcher a = ATTRIBUTE.matcher(op.template());
        a.find();
        int group = a.group(1) != null ? 1 : 2;
        String name = a.group(group);
        String other = r.nextBoolean() ? name + "x" : name.replaceAll("\\d+", String.valueOf(r.nextInt(40)));
        String template = op.template().substring(0, a.start(group)) + other + op.template().substring(a.end(group));
        return new Op(op.type(), template, op.args());
    }

    private Module replaceExpr(Module m, Predicate<Expr> where, UnaryOperator<Expr> how) {
        List<Integer> sites = new ArrayList<>();
        List<Expr> all = Sites.allExprs(m);
        for (int k = 0; k < all.size(); k++) {
            if (where.test(all.get(k))) {
                sites.add(k);
            }
        }
        return sites.isEmpty() ? null : Sites.withExpr(m, sites.get(r.nextInt(sites.size())), how);
    }

    private Module removeStmt(Module m, Predicate<Stmt> which) {
        List<int[]> sites = new ArrayList<>();
        List<List<Stmt>> all = Sites.allLists(m);
        for (int k = 0; k < all.size(); k++) {
            List<Stmt> l = all.get(k);
            for (int j = 0; j < l.size(); j++) {
                if (which.test(l.get(j))) {
                    sites.add(new int[] {k, j});
                }
            }
        }
        if (sites.isEmpty()) {
            return null;
        }
        int[] at = sites.get(r.nextInt(sites.size()));
        return Sites.withList(m, at[0], l -> {
            List<Stmt> fewer = new ArrayList<>(l);
            fewer.remove(at[1]);
            return fewer;
        });
    }
}
