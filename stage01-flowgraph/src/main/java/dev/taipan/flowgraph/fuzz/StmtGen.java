package dev.taipan.flowgraph.fuzz;

import dev.taipan.flowgraph.fuzz.Plan.Callable;
import dev.taipan.flowgraph.fuzz.Plan.ExcSpec;
import dev.taipan.flowgraph.fuzz.PyTree.Clause;
import dev.taipan.flowgraph.fuzz.PyTree.Compound;
import dev.taipan.flowgraph.fuzz.PyTree.Expr;
import dev.taipan.flowgraph.fuzz.PyTree.Line;
import dev.taipan.flowgraph.fuzz.PyTree.Lit;
import dev.taipan.flowgraph.fuzz.PyTree.Stmt;
import dev.taipan.flowgraph.fuzz.PyTree.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Typed random statements. Each production keeps the generator's promises (see
 * {@link ExprGen}) and adds those of statements: loops have a bound known when they are
 * written (a range of literals, a counter, or a container of at most {@link #CAP} items, as
 * every growth is guarded by {@code len(x) < CAP}); a loop over a container freezes that
 * container type for its body; {@code break}/{@code continue} only inside loops; a
 * {@code finally} body cannot raise or jump; a {@code raise} only where something catches it
 * (or the function may let it escape).
 */
final class StmtGen {
    static final int RECURSION_DEPTH = 6;
    static final int CAP = 64;
    /** How many times a loop body may run per call of its function, at most (as far as the bounds know). */
    static final long MAX_MULTIPLIER = 4096;
    private static final List<String> BUILTIN_EXCEPTIONS = List.of("IndexError", "KeyError", "ZeroDivisionError",
            "OverflowError", "ValueError", "LookupError", "ArithmeticError", "Exception");

    private final Random r;
    private final Plan plan;
    private final ExprGen ex;

    StmtGen(Random r, Plan plan, ExprGen ex) {
        this.r = r;
        this.plan = plan;
        this.ex = ex;
    }

    /** Operators per expression: mostly one or two, so that a line stays readable. */
    private int depth() {
        return r.nextInt(5) == 0 ? 3 : 1 + r.nextInt(2);
    }

    private Expr gen(Ty t, Scope s) {
        return ex.gen(t, s, depth());
    }

    /** Up to {@code max} statements, fewer when the body's budget runs out. */
    List<Stmt> block(Scope s, int max) {
        List<Stmt> out = new ArrayList<>();
        int n = 1 + r.nextInt(max);
        for (int k = 0; k < n && s.affords(8); k++) {
            out.addAll(stmt(s));
        }
        return out;
    }

    /** One statement (two for a while loop and its counter). */
    List<Stmt> stmt(Scope s) {
        boolean deep = s.nesting >= 3;
        for (int attempt = 0; attempt < 10; attempt++) {
            int k = r.nextInt(100);
            Stmt st;
            if (k < 22) {
                st = define(s);
            } else if (k < 32) {
                st = assign(s);
            } else if (k < 40) {
                st = deep ? null : ifStmt(s);
            } else if (k < 52) {
                if (!deep && r.nextInt(4) == 0) {
                    return whileLoop(s);
                }
                st = deep ? null : loop(s);
            } else if (k < 55) {
                st = s.inLoop ? Compound.of("if {0}", List.of(gen(Ty.BOOL, s)),
                        List.of(Line.of(r.nextBoolean() ? "break" : "continue"))) : null;
            } else if (k < 63) {
                st = mutateList(s);
            } else if (k < 69) {
                st = mutateDict(s);
            } else if (k < 74) {
                st = storeField(s);
            } else if (k < 80) {
                st = deep ? null : tryStmt(s);
            } else if (k < 83) {
                st = raise(s);
            } else if (k < 86) {
                st = print(s);
            } else if (k < 89) {
                st = callForEffect(s);
            } else if (k < 91) {
                st = earlyReturn(s);
            } else if (k < 94) {
                st = unpack(s);
            } else if (k < 97) {
                st = deep ? null : narrow(s);
            } else {
                st = deep ? null : churn(s);
            }
            if (st != null) {
                return List.of(st);
            }
        }
        return List.of(define(s));
    }

    // ---------------------------------------------------------------- names

    Stmt define(Scope s) {
        Ty t = ex.randomType();
        Expr e = gen(t, s);
        String name = s.body.fresh("v");
        s.define(name, t);
        return Line.of(name + " = {0}", e);
    }

    private Stmt assign(Scope s) {
        List<Map.Entry<String, Ty>> vars = s.vars.entrySet().stream()
                .filter(v -> !s.readOnly.contains(v.getKey()) && !(v.getValue() instanceof Ty.Func)).toList();
        if (vars.isEmpty()) {
            return null;
        }
        var v = ex.pick(vars);
        Var target = new Var(v.getValue(), v.getKey());
        return switch (v.getValue()) {
            case Ty.Int i when r.nextBoolean() -> Line.of(v.getKey() + " = intmask({0} * 31 + {1})", target, gen(Ty.INT, s));
            case Ty.Float f when r.nextBoolean() -> Line.of(v.getKey() + " " + ex.pick(List.of("+=", "-=", "*=")) + " {0}",
                    gen(Ty.FLOAT, s));
            case Ty.Uint u when r.nextBoolean() -> Line.of(v.getKey() + " " + ex.pick(List.of("+=", "^=", "*=")) + " {0}",
                    gen(Ty.UINT, s));
            case Ty.Str st when r.nextBoolean() -> Line.of(v.getKey() + " = ({0} + {1})[-" + ExprGen.STRCAP + ":]",
                    target, gen(Ty.STR, s));
            default -> Line.of(v.getKey() + " = {0}", gen(v.getValue(), s));
        };
    }

    /** {@code a, b = t}: a tuple taken apart into two new names. */
    private Stmt unpack(Scope s) {
        Ty.TupleOf t = new Ty.TupleOf(List.of(ex.randomScalar(), ex.randomType()));
        Expr e = gen(t, s);
        String a = s.body.fresh("v");
        String b = s.body.fresh("v");
        s.define(a, t.items().get(0)).define(b, t.items().get(1));
        return Line.of(a + ", " + b + " = {0}", e);
    }

    // ---------------------------------------------------------------- control flow

    private Stmt ifStmt(Scope s) {
        List<Clause> clauses = new ArrayList<>();
        clauses.add(new Clause("if {0}", List.of(gen(Ty.BOOL, s)), block(s.child(), 3)));
        if (r.nextInt(3) == 0) {
            clauses.add(new Clause("elif {0}", List.of(gen(Ty.BOOL, s)), block(s.child(), 2)));
        }
        if (r.nextBoolean()) {
            clauses.add(new Clause("else", List.of(), block(s.child(), 3)));
        }
        return new Compound(clauses);
    }

    private Stmt loop(Scope s) {
        // a loop over a container runs up to CAP times: not inside loops that already run long
        int kinds = s.multiplier * CAP > MAX_MULTIPLIER ? 2 : 7;
        return switch (r.nextInt(kinds)) {
            case 0, 1 -> {
                int start = r.nextInt(5) - 2;
                int stop = start + r.nextInt(10);
                int step = ex.pick(List.of(1, 1, 2, 3, -1));
                if (step < 0) {
                    int tmp = start;
                    start = stop;
                    stop = tmp;
                }
                String range = step == 1 && start == 0 ? "range(" + stop + ")"
                        : step == 1 ? "range(" + start + ", " + stop + ")" : "range(" + start + ", " + stop + ", " + step + ")";
                yield forLoop(s, "for {v} in " + range, List.of(), Math.abs(stop - start) + 1, null, Ty.INT);
            }
            case 2 -> {
                Expr l = iterable(s, Ty.ListOf.class);
                yield forLoop(s, "for {v} in {0}", List.of(l), trips(l), l.type(), ((Ty.ListOf) l.type()).item());
            }
            case 3 -> {
                Expr e = iterable(s, Ty.ListOf.class);
                Ty.ListOf l = (Ty.ListOf) e.type();
                String i = s.body.fresh("i");
                Scope body = s.loop(trips(e), l).define(i, Ty.INT);
                body.readOnly.add(i);
                yield forLoop(s, "for " + i + ", {v} in enumerate({0})", List.of(e), body, l.item());
            }
            case 4 -> dictLoop(s);
            case 5 -> forLoop(s, "for {v} in {0}", List.of(gen(Ty.STR, s)), CAP, null, Ty.STR);
            default -> {
                Ty.ListOf a = new Ty.ListOf(ex.randomScalar());
                Expr la = gen(a, s);
                if (r.nextBoolean()) {
                    yield forLoop(s, "for {v} in reversed({0})", List.of(la), trips(la), a, a.item());
                }
                Ty.ListOf b = new Ty.ListOf(ex.randomScalar());
                Expr lb = gen(b, s);
                String y = s.body.fresh("x");
                Scope body = s.loop(Math.min(trips(la), trips(lb)), a).loop(1, b).define(y, b.item());
                body.readOnly.add(y);
                yield forLoop(s, "for {v}, " + y + " in zip({0}, {1})", List.of(la, lb), body, a.item());
            }
        };
    }

    private Stmt forLoop(Scope s, String header, List<Expr> args, long trips, Ty iterated, Ty item) {
        return forLoop(s, header, args, s.loop(trips, iterated), item);
    }

    /** A for loop whose header binds {@code {v}} to an item of type {@code item}; sometimes with an else. */
    private Stmt forLoop(Scope s, String header, List<Expr> args, Scope body, Ty item) {
        String v = s.body.fresh("x");
        body.define(v, item);
        body.readOnly.add(v);
        List<Clause> clauses = new ArrayList<>(List.of(new Clause(header.replace("{v}", v), args, block(body, 4))));
        if (r.nextInt(6) == 0) {
            clauses.add(new Clause("else", List.of(), block(s.child(), 2)));
        }
        return new Compound(clauses);
    }

    /** {@code while k < N:} with the counter stepped first, so that continue cannot skip it. */
    private List<Stmt> whileLoop(Scope s) {
        String k = s.body.fresh("k");   // not in the scope: nothing else reads or assigns it
        int n = 1 + r.nextInt(8);
        List<Stmt> body = new ArrayList<>(List.of(Line.of(k + " += 1")));
        body.addAll(block(s.loop(n, null), 4));
        return List.of(Line.of(k + " = 0"), Compound.of("while " + k + " < " + n, List.of(), body));
    }

    /**
     * How often a loop over {@code e} runs at most: a display's length, else the cap every
     * container and string is kept under (growth is guarded, strings are cut).
     */
    private static long trips(Expr e) {
        return e instanceof PyTree.Op op && op.template().startsWith("[") && op.template().endsWith("]")
                && !op.template().contains(" for ") ? op.args().size() : CAP;
    }

    /**
     * Something to loop over, of the kind {@code kind} (lists or dicts): a name in scope when
     * there is one, as loops over a program's own data find more than loops over displays.
     */
    private Expr iterable(Scope s, Class<? extends Ty> kind) {
        List<Expr> names = new ArrayList<>();
        s.vars.forEach((n, t) -> {
            if (kind.isInstance(t)) {
                names.add(new Var(t, n));
            }
        });
        plan.globals.stream().filter(g -> kind.isInstance(g.type())).forEach(g -> names.add(new Var(g.type(), g.name())));
        if (!names.isEmpty() && r.nextInt(4) != 0) {
            return ex.pick(names);
        }
        return gen(kind == Ty.DictOf.class ? ex.randomDict() : new Ty.ListOf(ex.randomType()), s);
    }

    private Stmt dictLoop(Scope s) {
        Expr e = iterable(s, Ty.DictOf.class);
        Ty.DictOf d = (Ty.DictOf) e.type();
        return switch (r.nextInt(4)) {
            case 0 -> forLoop(s, "for {v} in {0}", List.of(e), trips(e), d, d.key());
            case 1 -> forLoop(s, "for {v} in {0}.keys()", List.of(e), trips(e), d, d.key());
            case 2 -> forLoop(s, "for {v} in {0}.values()", List.of(e), trips(e), d, d.value());
            default -> {
                String k = s.body.fresh("x");
                Scope body = s.loop(trips(e), d).define(k, d.key());
                body.readOnly.add(k);
                yield forLoop(s, "for " + k + ", {v} in {0}.items()", List.of(e), body, d.value());
            }
        };
    }

    // ---------------------------------------------------------------- containers

    /** A list or dict this point may change: a local or a global of a type no loop here iterates. */
    private Expr mutable(Scope s, Predicate<Ty> kind) {
        List<Expr> names = new ArrayList<>();
        s.vars.forEach((n, t) -> {
            if (kind.test(t) && s.mayMutate(t)) {
                names.add(new Var(t, n));
            }
        });
        plan.globals.stream().filter(g -> kind.test(g.type()) && s.mayMutate(g.type()))
                .forEach(g -> names.add(new Var(g.type(), g.name())));
        if (names.isEmpty()) {
            return null;
        }
        Expr target = ex.pick(names);
        s.mutate(target.type());
        return target;
    }

    private Stmt mutateList(Scope s) {
        // a table of functions keeps its length: calls index it with % len(table)
        Expr l = mutable(s, t -> t instanceof Ty.ListOf lt && !(lt.item() instanceof Ty.Func));
        if (l == null) {
            return null;
        }
        Ty item = ((Ty.ListOf) l.type()).item();
        String guardGrow = "if len({0}) < " + CAP;
        String guardNonEmpty = "if len({0}) > 0";
        Scope guarded = s.freezing(l.type());   // between the guard and the use, nothing may shrink the list
        return switch (r.nextInt(12)) {
            case 0, 1 -> Compound.of(guardGrow, List.of(l), List.of(Line.of("{0}.append({1})", l, gen(item, s))));
            case 2 -> Compound.of(guardGrow, List.of(l), List.of(Line.of("{0}.insert({1}, {2})", l, gen(Ty.INT, s), gen(item, s))));
            case 3 -> Compound.of(guardNonEmpty, List.of(l), List.of(r.nextBoolean() ? Line.of("{0}.pop()", l)
                    : Line.of("{0}.pop({1} % len({0}))", l, gen(Ty.INT, guarded))));
            case 4 -> Compound.of(guardNonEmpty, List.of(l), List.of(Line.of("{0}[{1} % len({0})] = {2}", l, gen(Ty.INT, guarded),
                    gen(item, guarded))));
            case 5 -> Compound.of(guardNonEmpty, List.of(l), List.of(Line.of("del {0}[{1} % len({0})]", l, gen(Ty.INT, guarded))));
            case 6 -> ExprGen.sortable(item) ? Line.of("{0}.sort()", l) : Line.of("{0}.reverse()", l);
            // += rebinds the name: on a global it would make the name local to the function
            case 7 -> Compound.of(guardGrow, List.of(l), List.of(Line.of(
                    r.nextBoolean() || isGlobal(l) ? "{0}.extend({1}[:8])" : "{0} += {1}[:8]", l, gen(l.type(), s))));
            case 8 -> {
                Expr x = ex.leaf(item, s);
                yield !ExprGen.floatFree(item) ? null
                        : Compound.of("if {1} in {0}", List.of(l, x), List.of(Line.of("{0}.remove({1})", l, x)));
            }
            case 9 -> Compound.of(guardGrow, List.of(l), List.of(Line.of("{0}[{1} % 4:{2} % 4] = {3}[:3]",
                    l, gen(Ty.INT, s), gen(Ty.INT, s), gen(l.type(), s))));
            case 10 -> s.raising("IndexError", plan)
                    ? r.nextBoolean() ? Line.of("{0}[{1}] = {2}", l, ExprGen.op(Ty.INT, "({0} % 7 - 3)", gen(Ty.INT, s)), gen(item, s))
                            : Line.of("del {0}[{1}]", l, ExprGen.op(Ty.INT, "({0} % 7 - 3)", gen(Ty.INT, s)))
                    : null;
            default -> Line.of("del {0}[{1} % 4:{2} % 4]", l, gen(Ty.INT, s), gen(Ty.INT, s));
        };
    }

    private boolean isGlobal(Expr e) {
        return e instanceof Var v && plan.globals.stream().anyMatch(g -> g.name().equals(v.name()));
    }

    private Stmt mutateDict(Scope s) {
        Expr d = mutable(s, t -> t instanceof Ty.DictOf);
        if (d == null) {
            return null;
        }
        Ty.DictOf t = (Ty.DictOf) d.type();
        return switch (r.nextInt(8)) {
            case 0, 1, 2 -> Compound.of("if len({0}) < " + CAP, List.of(d),
                    List.of(Line.of("{0}[{1}] = {2}", d, gen(t.key(), s), gen(t.value(), s))));
            case 3 -> Line.of("{0}.pop({1}, {2})", d, gen(t.key(), s), gen(t.value(), s));
            case 4 -> {
                Expr k = ex.leaf(t.key(), s);
                yield Compound.of("if {1} in {0}", List.of(d, k), List.of(Line.of("del {0}[{1}]", d, k)));
            }
            case 5 -> s.raising("KeyError", plan) ? Line.of("del {0}[{1}]", d, gen(t.key(), s)) : null;
            case 6 -> Compound.of("if len({0}) < " + CAP, List.of(d),
                    List.of(Line.of("{0}.setdefault({1}, {2})", d, gen(t.key(), s), gen(t.value(), s))));
            default -> r.nextInt(4) == 0 ? Line.of("{0}.clear()", d)
                    : Compound.of("if len({0}) < " + CAP, List.of(d), List.of(Line.of("{0}.update({1})", d, gen(t, s))));
        };
    }

    /**
     * Deletion during growth: keys go in and out of a dict while it grows (and its table is
     * rebuilt), which is where dict implementations break. The keys are drawn from a small set,
     * so the dict stays small.
     */
    private Stmt churn(Scope s) {
        Expr d = mutable(s, t -> t instanceof Ty.DictOf dt && keyOf(dt.key(), "i") != null);
        if (d == null) {
            return null;
        }
        Ty.DictOf t = (Ty.DictOf) d.type();
        String i = s.body.fresh("i");
        int n = 10 + r.nextInt(30);
        Scope body = s.loop(n, null).define(i, Ty.INT);
        body.readOnly.add(i);
        String in = keyOf(t.key(), "(" + i + " * 7 % 13)");
        String out = keyOf(t.key(), "(" + i + " * 5 % 13)");
        return Compound.of("for " + i + " in range(" + n + ")", List.of(), List.of(
                Line.of("{0}[" + in + "] = {1}", d, gen(t.value(), body)),
                Compound.of("if " + out + " in {0}", List.of(d), List.of(Line.of("del {0}[" + out + "]", d)))));
    }

    /** A key of type {@code key} computed from the int expression {@code i}, or null. */
    private static String keyOf(Ty key, String i) {
        return switch (key) {
            case Ty.Int x -> i;
            case Ty.Str x -> "'k' + str(" + i + ")";
            case Ty.TupleOf tu when tu.items().equals(List.of(Ty.INT, Ty.STR)) -> "(" + i + ", 't')";
            default -> null;
        };
    }

    private Stmt storeField(Scope s) {
        List<Plan.ClassSpec> withFields = plan.classes.stream().filter(c -> !c.ownFields.isEmpty()).toList();
        if (withFields.isEmpty()) {
            return null;
        }
        Plan.ClassSpec c = ex.pick(withFields);
        Plan.Param f = ex.pick(c.ownFields);
        Expr obj = ex.gen(ex.pick(c.family()).type(), s, r.nextInt(2));
        return Line.of("{0}." + f.name() + " = {1}", obj, gen(f.type(), s));
    }

    // ---------------------------------------------------------------- exceptions

    private Stmt tryStmt(Scope s) {
        List<String> names = new ArrayList<>(BUILTIN_EXCEPTIONS);
        plan.exceptions.forEach(e -> names.add(e.name()));
        List<String> caught = new ArrayList<>();
        int handlers = 1 + r.nextInt(2);
        for (int k = 0; k < handlers; k++) {
            String e = ex.pick(names);
            if (!caught.contains(e)) {
                caught.add(e);
            }
        }
        List<Clause> clauses = new ArrayList<>();
        clauses.add(new Clause("try", List.of(), block(s.tryBody(caught), 4)));
        for (String e : caught) {
            Scope handler = s.child();
            List<Stmt> body = new ArrayList<>();
            String header = "except " + e;
            if (plan.exceptions.stream().anyMatch(x -> x.name().equals(e))) {
                String err = handler.body.fresh("e");
                String code = handler.body.fresh("v");
                header += " as " + err;
                body.add(Line.of(code + " = " + err + ".code"));
                handler.define(code, Ty.INT);
            }
            body.addAll(block(handler, 2));
            clauses.add(new Clause(header, List.of(), body));
        }
        if (r.nextInt(4) == 0) {
            clauses.add(new Clause("else", List.of(), block(s.child(), 2)));
        }
        if (r.nextInt(4) == 0) {
            clauses.add(new Clause("finally", List.of(), List.of(finallyStmt(s))));
        }
        return new Compound(clauses);
    }

    /** A finally body that cannot return or jump (and raises only what the code around it may). */
    private Stmt finallyStmt(Scope s) {
        return define(s.child());
    }

    private Stmt raise(Scope s) {
        List<String> raisable = new ArrayList<>(plan.exceptions.stream().map(ExcSpec::name).toList());
        raisable.add("ValueError");
        String e = ex.pick(raisable);
        if (!s.allowsRaising(e, plan)) {
            return null;
        }
        Expr cond = gen(Ty.BOOL, s);
        s.raising(e, plan);
        Line raise = e.equals("ValueError") ? Line.of("raise ValueError({0})", ex.literal(Ty.STR))
                : Line.of("raise " + e + "({0})", gen(Ty.INT, s));
        return Compound.of("if {0}", List.of(cond), List.of(raise));
    }

    // ---------------------------------------------------------------- calls and output

    private Stmt print(Scope s) {
        if (!s.affordsLines(1)) {
            return null;
        }
        s.print(1);
        return Line.of("print({0})", gen(Ty.STR, s));
    }

    private Stmt callForEffect(Scope s) {
        List<Callable> effectful = plan.callables.stream()
                .filter(c -> c.effects != null && (!c.effects.mutates().isEmpty() || c.effects.lines() > 0)).toList();
        if (effectful.isEmpty()) {
            return null;
        }
        Expr call = ex.call(ex.pick(effectful).result, s, depth());
        return call == null ? null : Line.of("{0}", call);
    }

    private Stmt earlyReturn(Scope s) {
        Callable fn = s.body.fn;
        if (fn.owner == null && fn.name.equals(ProgramGenerator.ENTRY)) {
            return null;
        }
        return Compound.of("if {0}", List.of(gen(Ty.BOOL, s)), List.of(Line.of("return {0}", gen(fn.result, s))));
    }

    /** {@code if x is not None:} or {@code if isinstance(x, C):}, with x narrowed in the body. */
    private Stmt narrow(Scope s) {
        List<Map.Entry<String, Ty>> instances = s.vars.entrySet().stream()
                .filter(v -> v.getValue() instanceof Ty.Inst).toList();
        if (instances.isEmpty()) {
            return null;
        }
        var v = ex.pick(instances);
        Ty.Inst t = (Ty.Inst) v.getValue();
        Plan.ClassSpec to = ex.pick(plan.classNamed(t.cls()).family());
        String header = t.nullable() && r.nextBoolean() ? "if " + v.getKey() + " is not None"
                : "if isinstance(" + v.getKey() + ", " + to.name + ")";
        Scope body = s.child();
        body.define(v.getKey(), header.contains("None") ? new Ty.Inst(t.cls(), false) : to.type());
        body.readOnly.add(v.getKey());
        List<Clause> clauses = new ArrayList<>(List.of(new Clause(header, List.of(), block(body, 3))));
        if (r.nextBoolean()) {
            clauses.add(new Clause("else", List.of(), block(s.child(), 2)));
        }
        return new Compound(clauses);
    }

    /** Literal text of a default value for a parameter of type {@code t}, or null. */
    Lit defaultFor(Ty t) {
        return t instanceof Ty.Int || t instanceof Ty.Str || t instanceof Ty.Bool || t instanceof Ty.Float
                ? (Lit) ex.literal(t) : null;
    }
}
