package dev.taipan.flowgraph.fuzz;

import dev.taipan.flowgraph.fuzz.PyTree.Clause;
import dev.taipan.flowgraph.fuzz.PyTree.Compound;
import dev.taipan.flowgraph.fuzz.PyTree.Expr;
import dev.taipan.flowgraph.fuzz.PyTree.Lit;
import dev.taipan.flowgraph.fuzz.PyTree.Module;
import dev.taipan.flowgraph.fuzz.PyTree.Op;
import dev.taipan.flowgraph.fuzz.PyTree.Stmt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Delta debugging (Zeller and Hildebrandt's ddmin, as C-Reduce applies it to programs): a
 * program that shows a bug is made smaller, one reduction at a time, keeping every reduction
 * after which the test still sees the same bug. The reductions, in rounds until none applies:
 *
 * <ol>
 *   <li>statements: ddmin over every statement list (chunks of half the list, then quarters,
 *       down to single statements), shallow lists first and the entry point's body first of
 *       all, so that definitions nothing calls any more can go, all in one test;
 *   <li>compound statements replaced by the body of one of their clauses (an {@code if} by its
 *       branch, a {@code try} by its body), or left without an optional clause;
 *   <li>expressions replaced by the plain literal of their type ({@code 0}, {@code ''},
 *       {@code []}) or by one of their operands of the same type.
 * </ol>
 *
 * Types make the reductions mostly valid RPy; the test rejects the rest (a name no longer
 * defined, a program the reference cannot run). Each test runs the program again, so the
 * number of tests and the time are bounded.
 */
public final class Minimizer {
    private final Predicate<Module> interesting;
    private final int maxTests;
    private final long deadline;
    private final Set<String> tried = new HashSet<>();
    private int tests;

    private Minimizer(Predicate<Module> interesting, int maxTests, Duration maxTime) {
        this.interesting = interesting;
        this.maxTests = maxTests;
        this.deadline = System.nanoTime() + maxTime.toNanos();
    }

    /** The smallest program found that {@code interesting} still accepts; {@code m} must be one. */
    public static Module minimize(Module m, Predicate<Module> interesting, int maxTests, Duration maxTime) {
        return new Minimizer(interesting, maxTests, maxTime).run(m);
    }

    private boolean exhausted() {
        return tests >= maxTests || System.nanoTime() > deadline;
    }

    private boolean test(Module candidate) {
        if (exhausted() || !tried.add(candidate.source())) {
            return false;
        }
        tests++;
        return interesting.test(candidate);
    }

    private Module run(Module m) {
        Module before;
        do {
            before = m;
            m = expressions(flatten(statements(m)));
        } while (!m.equals(before) && !exhausted());
        return m;
    }

    /**
     * ddmin over the statement lists, shallow ones first (from the last, which is the entry
     * point's body), the module itself last; definitions nothing mentions any more are dropped
     * after each level, in one test, which is how whole functions and classes go cheaply.
     */
    private Module statements(Module m) {
        List<Integer> depths = Sites.listDepths(m);
        int deepest = depths.stream().max(Integer::compare).orElse(0);
        for (int depth = 1; depth <= deepest && !exhausted(); depth++) {
            for (int k = Sites.allLists(m).size() - 1; k >= 0 && !exhausted(); k--) {
                if (k < Sites.allLists(m).size() && Sites.listDepths(m).get(k) == depth) {
                    Module smaller = ddmin(m, k);
                    // what the smaller body no longer calls can go now, before its body costs tests
                    m = smaller.equals(m) ? m : dropUnreferenced(smaller);
                }
            }
        }
        return exhausted() ? m : ddmin(m, 0);
    }

    private static final Pattern DEFINES = Pattern.compile("^(?:def |class )?(\\w+)");

    /** Without the top-level definitions whose names the rest of the program no longer mentions. */
    private Module dropUnreferenced(Module m) {
        while (!exhausted()) {
            List<Stmt> body = m.body();
            List<Stmt> kept = new ArrayList<>();
            for (int i = 0; i < body.size(); i++) {
                String name = definedName(body.get(i));
                List<Stmt> others = new ArrayList<>(body);
                others.remove(i);
                if (name == null || Pattern.compile("\\b" + name + "\\b").matcher(m.withBody(others).source()).find()) {
                    kept.add(body.get(i));
                }
            }
            if (kept.size() == body.size() || !test(m.withBody(kept))) {
                return m;
            }
            m = m.withBody(kept);
        }
        return m;
    }

    /** The name a top-level statement defines ({@code def f}, {@code class C}, {@code X = ...}), or null. */
    private static String definedName(Stmt s) {
        String head = switch (s) {
            case PyTree.Line l -> l.template().contains(" = ") ? l.template() : "";
            case Compound c -> c.clauses().getFirst().header();
        };
        Matcher d = DEFINES.matcher(head);
        return d.find() && !d.group(1).equals("if") ? d.group(1) : null;
    }

    private Module ddmin(Module m, int k) {
        List<Stmt> current = Sites.allLists(m).get(k);
        int chunk = Math.max(1, current.size() / 2);
        while (!exhausted()) {
            boolean removed = false;
            for (int start = 0; start < current.size() && !exhausted(); ) {
                List<Stmt> smaller = new ArrayList<>(current.subList(0, start));
                smaller.addAll(current.subList(Math.min(current.size(), start + chunk), current.size()));
                Module candidate = Sites.withList(m, k, l -> smaller);
                if (test(candidate)) {
                    m = candidate;
                    current = smaller;
                    removed = true;
                } else {
                    start += chunk;
                }
            }
            if (!removed) {
                if (chunk == 1) {
                    break;
                }
                chunk /= 2;
            }
        }
        return m;
    }

    private Module flatten(Module m) {
        for (int k = Sites.allLists(m).size() - 1; k >= 0 && !exhausted(); k--) {
            List<Stmt> list = Sites.allLists(m).get(k);
            for (int j = list.size() - 1; j >= 0 && !exhausted(); j--) {
                if (list.get(j) instanceof Compound c) {
                    for (List<Stmt> replacement : simpler(c)) {
                        int at = j;
                        List<Stmt> changed = new ArrayList<>(list.subList(0, at));
                        changed.addAll(replacement);
                        changed.addAll(list.subList(at + 1, list.size()));
                        Module candidate = Sites.withList(m, k, l -> changed);
                        if (test(candidate)) {
                            m = candidate;
                            break;
                        }
                    }
                    list = Sites.allLists(m).get(k);
                }
            }
        }
        return m;
    }

    /** What may stand for a compound statement: one clause's body, or itself minus an optional clause. */
    private static List<List<Stmt>> simpler(Compound c) {
        List<List<Stmt>> out = new ArrayList<>();
        c.clauses().forEach(cl -> out.add(cl.body()));
        for (int i = 1; i < c.clauses().size(); i++) {
            List<Clause> fewer = new ArrayList<>(c.clauses());
            fewer.remove(i);
            out.add(List.of(new Compound(fewer)));
        }
        return out;
    }

    private Module expressions(Module m) {
        for (int k = 0; k < Sites.allExprs(m).size() && !exhausted(); k++) {
            Expr e = Sites.allExprs(m).get(k);
            for (Expr simpler : simpler(e)) {
                Module candidate = Sites.withExpr(m, k, x -> simpler);
                if (test(candidate)) {
                    m = candidate;
                    break;
                }
            }
        }
        return m;
    }

    private static List<Expr> simpler(Expr e) {
        List<Expr> out = new ArrayList<>();
        plainLiteral(e.type()).filter(l -> !l.equals(e)).ifPresent(out::add);
        if (e instanceof Op op) {
            op.args().stream().filter(a -> a.type().equals(e.type())).forEach(out::add);
        }
        return out;
    }

    /** The simplest value of a type, if it has one that needs no class: {@code 0}, {@code ''}, {@code []}, ... */
    static Optional<Lit> plainLiteral(Ty t) {
        String text = switch (t) {
            case Ty.Int i -> "0";
            case Ty.Uint u -> "r_uint(0)";
            case Ty.Float f -> "0.0";
            case Ty.Bool b -> "False";
            case Ty.Str s -> "''";
            case Ty.ListOf l -> "[]";
            case Ty.DictOf d -> "{}";
            case Ty.TupleOf tu -> {
                List<String> items = new ArrayList<>();
                for (Ty item : tu.items()) {
                    Optional<Lit> l = plainLiteral(item);
                    if (l.isEmpty()) {
                        yield null;
                    }
                    items.add(l.get().text());
                }
                yield "(" + String.join(", ", items) + ")";
            }
            case Ty.Inst in -> in.nullable() ? "None" : null;
            case Ty.Func f -> null;
        };
        return Optional.ofNullable(text).map(x -> new Lit(t, x));
    }
}
