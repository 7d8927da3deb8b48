package dev.taipan.flowgraph.fuzz;

import dev.taipan.flowgraph.fuzz.Plan.Callable;
import dev.taipan.flowgraph.fuzz.Plan.ClassSpec;
import dev.taipan.flowgraph.fuzz.Plan.Global;
import dev.taipan.flowgraph.fuzz.Plan.Param;
import dev.taipan.flowgraph.fuzz.PyTree.Expr;
import dev.taipan.flowgraph.fuzz.PyTree.Lit;
import dev.taipan.flowgraph.fuzz.PyTree.Op;
import dev.taipan.flowgraph.fuzz.PyTree.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Typed random expressions, Csmith's way: asked for an expression of type T, pick one of T's
 * productions whose operands can be generated (recursively, with less depth) and whose
 * effects the scope allows. Every production is valid RPy and means the same on CPython and
 * on every stage:
 *
 * <ul>
 *   <li>int arithmetic that may leave the machine word is wrapped in {@code intmask} or
 *       checked with {@code ovfcheck} (CPython's ints are unbounded, translated ones are not);
 *   <li>a divisor is a literal, a positive {@code (x % 7 + 1)} or a negative
 *       {@code -(x % 5 + 2)}, never -1 (so {@code MININT // -1} never happens), unless the
 *       point may raise ZeroDivisionError;
 *   <li>an operation that may raise (an index, a key, {@code int(s)}, {@code ovfcheck}) is
 *       generated only where the exception is caught or may escape ({@link Scope#raising});
 *   <li>a string that could grow is cut to {@link #STRCAP} characters, a list to 16 items,
 *       so loops over them have a known bound;
 *   <li>floats are never compared with ints, put in sets of keys, searched with {@code in}
 *       (CPython's identity shortcut would make {@code nan in [nan]} true) or sorted.
 * </ul>
 */
final class ExprGen {
    static final int STRCAP = 40;
    private static final String ALPHABET = "abcdxyz0129 -_.,:";
    private static final String[] WORDS = {"", "a", "ab", "xyz", "42", "-7", "3.5", "1e3", "inf", "nan", " 12 ",
        "a,b,c", "hello world", "0x1f", "x-y-z", "Mixed Case", "  pad  ", "1_000", "aaa"};
    private static final String[] FLOATS = {"0.0", "1.0", "-2.5", "0.1", "3.14159", "1e10", "-1e-05", "0.6666666666666666",
        "123.456", "1e+200", "-0.0", "2.5", "1e-300"};

    private final Random r;
    private final Plan plan;

    ExprGen(Random r, Plan plan) {
        this.r = r;
        this.plan = plan;
    }

    static Op op(Ty type, String template, Expr... args) {
        return new Op(type, template, List.of(args));
    }

    // ---------------------------------------------------------------- literals

    /** A literal (or, for an instance, a constructor call with literal arguments): needs no scope. */
    Expr literal(Ty t) {
        return switch (t) {
            case Ty.Int i -> new Lit(t, intLiteral());
            case Ty.Uint u -> op(t, "r_uint({0})", new Lit(Ty.INT, intLiteral()));
            case Ty.Float f -> new Lit(t, FLOATS[r.nextInt(FLOATS.length)]);
            case Ty.Bool b -> new Lit(t, r.nextBoolean() ? "True" : "False");
            case Ty.Str s -> new Lit(t, pyStr(randomString()));
            case Ty.ListOf l -> {
                List<Expr> items = new ArrayList<>();
                // never empty: an empty display that nothing ever adds to has no item type
                int n = 1 + r.nextInt(4);
                for (int k = 0; k < n; k++) {
                    items.add(literal(l.item()));
                }
                yield new Op(t, "[" + placeholders(n, ", ") + "]", items);
            }
            case Ty.DictOf d -> {
                List<Expr> items = new ArrayList<>();
                StringBuilder template = new StringBuilder("{");
                int n = 1 + r.nextInt(3);
                for (int k = 0; k < n; k++) {
                    template.append(k == 0 ? "" : ", ").append('{').append(2 * k).append("}: {").append(2 * k + 1).append('}');
                    items.add(literal(d.key()));
                    items.add(literal(d.value()));
                }
                yield new Op(t, template.append('}').toString(), items);
            }
            case Ty.TupleOf tu -> new Op(t, "(" + placeholders(tu.items().size(), ", ") + ")",
                    tu.items().stream().map(this::literal).toList());
            // None for a nullable one, so that a class linked to itself is built in finitely many steps
            case Ty.Inst in -> in.nullable() ? new Lit(t, "None")
                    : construct(pick(plan.classNamed(in.cls()).family()), this::literal);
            case Ty.Func f -> functionNamed(f);
        };
    }

    private Var functionNamed(Ty.Func f) {
        return new Var(f, pick(tableMembers(f)).name);
    }

    private String intLiteral() {
        return switch (r.nextInt(12)) {
            case 0 -> String.valueOf(r.nextInt(2001) - 1000);
            case 1 -> pick(List.of("0", "1", "-1", "2147483648", "4611686018427387904", "9223372036854775807",
                    "-9223372036854775807", "(-9223372036854775807 - 1)", "65535", "-256"));
            default -> String.valueOf(r.nextInt(26) - 5);
        };
    }

    private String randomString() {
        if (r.nextBoolean()) {
            return WORDS[r.nextInt(WORDS.length)];
        }
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(9);
        for (int k = 0; k < n; k++) {
            sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    static String pyStr(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String placeholders(int n, String sep) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n; k++) {
            sb.append(k == 0 ? "" : sep).append('{').append(k).append('}');
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- entry

    /** An expression of type {@code t}, at most {@code depth} operators deep. */
    Expr gen(Ty t, Scope s, int depth) {
        s.spend(1);
        if (depth <= 0 || r.nextInt(6) == 0) {
            return leaf(t, s);
        }
        for (int attempt = 0; attempt < 8; attempt++) {
            Expr e = r.nextInt(5) == 0 ? generic(t, s, depth - 1) : specific(t, s, depth - 1);
            if (e != null) {
                return e;
            }
        }
        return leaf(t, s);
    }

    /** A name of type {@code t} in scope, or a literal. */
    Expr leaf(Ty t, Scope s) {
        List<Expr> names = names(t, s);
        if (!names.isEmpty() && r.nextInt(4) != 0) {
            return pick(names);
        }
        return literal(t);
    }

    /** The locals and globals whose values fit {@code t}. */
    List<Expr> names(Ty t, Scope s) {
        List<Expr> names = new ArrayList<>();
        for (Map.Entry<String, Ty> v : s.vars.entrySet()) {
            if (fits(v.getValue(), t)) {
                names.add(new Var(t, v.getKey()));
            }
        }
        for (Global g : plan.globals) {
            if (fits(g.type(), t)) {
                names.add(new Var(t, g.name()));
            }
        }
        return names;
    }

    /** Locals (only) of exactly the type {@code t}: what a guard may mention twice. */
    List<Var> locals(Ty t, Scope s) {
        List<Var> vs = new ArrayList<>();
        s.vars.forEach((name, type) -> {
            if (type.equals(t)) {
                vs.add(new Var(t, name));
            }
        });
        return vs;
    }

    /** Can a value of type {@code have} be used where {@code want} is expected? */
    boolean fits(Ty have, Ty want) {
        if (have.equals(want)) {
            return true;
        }
        return have instanceof Ty.Inst h && want instanceof Ty.Inst w && (w.nullable() || !h.nullable())
                && plan.classNamed(h.cls()).isSubclassOf(plan.classNamed(w.cls()));
    }

    private Expr specific(Ty t, Scope s, int d) {
        return switch (t) {
            case Ty.Int i -> intExpr(s, d);
            case Ty.Uint u -> uintExpr(s, d);
            case Ty.Float f -> floatExpr(s, d);
            case Ty.Bool b -> boolExpr(s, d);
            case Ty.Str st -> strExpr(s, d);
            case Ty.ListOf l -> listExpr(l, s, d);
            case Ty.DictOf dt -> r.nextBoolean() ? op(t, "dict({0})", gen(t, s, d)) : literalFrom(t, s, d);
            case Ty.TupleOf tu -> literalFrom(t, s, d);
            case Ty.Inst in -> instExpr(in, s, d);
            case Ty.Func f -> funcExpr(f, s, d);
        };
    }

    /** A container or tuple display whose items are expressions, not only literals. */
    private Expr literalFrom(Ty t, Scope s, int d) {
        return switch (t) {
            case Ty.TupleOf tu -> new Op(t, "(" + placeholders(tu.items().size(), ", ") + ")",
                    tu.items().stream().map(x -> gen(x, s, d)).toList());
            case Ty.DictOf dt -> {
                int n = 1 + r.nextInt(3);
                List<Expr> items = new ArrayList<>();
                StringBuilder template = new StringBuilder("{");
                for (int k = 0; k < n; k++) {
                    template.append(k == 0 ? "" : ", ").append('{').append(2 * k).append("}: {").append(2 * k + 1).append('}');
                    items.add(gen(dt.key(), s, d));
                    items.add(gen(dt.value(), s, d));
                }
                yield new Op(t, template.append('}').toString(), items);
            }
            default -> literal(t);
        };
    }

    // ---------------------------------------------------------------- ints

    private Expr intExpr(Scope s, int d) {
        Ty I = Ty.INT;
        return switch (r.nextInt(24)) {
            case 0, 1 -> op(I, "intmask({0} " + pick(List.of("+", "-", "*")) + " {1})", gen(I, s, d), gen(I, s, d));
            case 2 -> op(I, "({0} " + pick(List.of("//", "%")) + " {1})", gen(I, s, d),
                    new Lit(I, String.valueOf((2 + r.nextInt(8)) * (r.nextBoolean() ? 1 : -1))));
            case 3 -> r.nextBoolean()
                    ? op(I, "({0} " + pick(List.of("//", "%")) + " ({1} % 7 + 1))", gen(I, s, d), gen(I, s, d))
                    : op(I, "({0} " + pick(List.of("//", "%")) + " -({1} % 5 + 2))", gen(I, s, d), gen(I, s, d));
            case 4 -> op(I, "({0} " + pick(List.of("&", "|", "^")) + " {1})", gen(I, s, d), gen(I, s, d));
            case 5 -> r.nextBoolean() ? op(I, "(~{0})", gen(I, s, d))
                    : op(I, "({0} >> ({1} % 64))", gen(I, s, d), gen(I, s, d));
            case 6 -> op(I, "intmask({0} << ({1} % 64))", gen(I, s, d), gen(I, s, d));
            case 7 -> op(I, pick(List.of("intmask(-{0})", "intmask(abs({0}))", "intmask({0} ** 2)", "({0} ** 0)")),
                    gen(I, s, d));
            case 8 -> op(I, "len({0})", gen(pick(List.of(Ty.STR, new Ty.ListOf(randomScalar()),
                    new Ty.DictOf(Ty.INT, Ty.STR))), s, d));
            case 9 -> op(I, "ord(({0} + 'abc')[{1} % 3])", gen(Ty.STR, s, d), gen(I, s, d));
            case 10 -> s.raising("OverflowError", plan)
                    ? op(I, "ovfcheck({0} " + pick(List.of("+", "-", "*")) + " {1})", gen(I, s, d), gen(I, s, d)) : null;
            case 11 -> s.raising("ZeroDivisionError", plan)
                    ? op(I, "({0} " + pick(List.of("//", "%")) + " ({1} % 3))", gen(I, s, d), gen(I, s, d)) : null;
            case 12 -> r.nextBoolean() ? op(I, "int(str({0}))", gen(I, s, d))
                    : s.raising("ValueError", plan) ? op(I, "int({0})", gen(Ty.STR, s, d)) : null;
            case 13 -> op(I, pick(List.of("min({0}, {1})", "max({0}, {1})")), gen(I, s, d), gen(I, s, d));
            case 14 -> op(I, "intmask(sum({0}))", gen(new Ty.ListOf(I), s, d));
            case 15 -> {
                Ty.ListOf l = new Ty.ListOf(r.nextBoolean() ? I : Ty.STR);
                List<Var> vs = locals(l, s);
                if (vs.isEmpty()) {
                    yield null;
                }
                Var v = pick(vs);
                Expr pickOne = op(l.item(), pick(List.of("min({0})", "max({0})")), v);
                yield op(I, l.item() == I ? "({0} if len({1}) > 0 else -1)" : "(len({0}) if len({1}) > 0 else -1)",
                        pickOne, v);
            }
            case 16 -> op(I, "intmask({0})", gen(Ty.UINT, s, d));
            case 17 -> {
                List<Var> vs = locals(Ty.FLOAT, s);
                String convert = pick(List.of("int", "round", "math.floor", "math.ceil"));
                yield vs.isEmpty() ? null : op(I, "(" + convert + "({0}) if -1e15 < {0} < 1e15 else 7)", pick(vs));
            }
            case 18 -> op(I, "{0}." + pick(List.of("find", "rfind", "count")) + "({1})", gen(Ty.STR, s, d), gen(Ty.STR, s, d));
            case 19 -> {
                Ty item = randomComparable();
                if (r.nextBoolean()) {
                    yield op(I, "{0}.count({1})", gen(new Ty.ListOf(item), s, d), gen(item, s, d));
                }
                yield s.raising("ValueError", plan)
                        ? op(I, "{0}.index({1})", gen(new Ty.ListOf(item), s, d), gen(item, s, d)) : null;
            }
            case 20 -> op(I, "(1 if {0} else 0)", gen(Ty.BOOL, s, d));
            // the product wrapped before it is divided (wrapping the quotient instead divided
            // an unbounded product on CPython, a wrapped one translated: seed 801263), and a
            // divisor in 0..3, so never MININT // -1
            case 21 -> s.raising("ZeroDivisionError", plan)
                    ? op(I, "(intmask({0} * {1}) // ({2} % 4))", gen(I, s, d), gen(I, s, d), gen(I, s, d))
                    : null;
            default -> generic(I, s, d);
        };
    }

    private Expr uintExpr(Scope s, int d) {
        Ty U = Ty.UINT;
        return switch (r.nextInt(7)) {
            case 0 -> op(U, "r_uint({0})", gen(Ty.INT, s, d));
            case 1, 2 -> op(U, "({0} " + pick(List.of("+", "-", "*", "&", "|", "^")) + " {1})", gen(U, s, d), gen(U, s, d));
            case 3 -> op(U, "({0} " + pick(List.of(">>", "<<")) + " ({1} % 64))", gen(U, s, d), gen(Ty.INT, s, d));
            case 4 -> op(U, "({0} " + pick(List.of("//", "%")) + " r_uint({1} % 7 + 1))", gen(U, s, d), gen(Ty.INT, s, d));
            case 5 -> op(U, "(~{0})", gen(U, s, d));
            default -> generic(U, s, d);
        };
    }

    private Expr floatExpr(Scope s, int d) {
        Ty F = Ty.FLOAT;
        return switch (r.nextInt(11)) {
            case 0 -> op(F, "float({0})", gen(Ty.INT, s, d));
            case 1, 2 -> op(F, "({0} " + pick(List.of("+", "-", "*")) + " {1})", gen(F, s, d), gen(F, s, d));
            case 3 -> op(F, "({0} / (abs({1}) + 1.0))", gen(F, s, d), gen(F, s, d));
            case 4 -> s.raising("ZeroDivisionError", plan) ? op(F, "({0} / {1})", gen(F, s, d), gen(F, s, d)) : null;
            case 5 -> op(F, pick(List.of("abs({0})", "(-{0})", "math.sqrt(abs({0}))")), gen(F, s, d));
            case 6 -> op(F, "({0} * {1})", gen(Ty.INT, s, d), gen(F, s, d));
            case 7 -> s.raising("ValueError", plan) ? op(F, "float({0})", gen(Ty.STR, s, d)) : null;
            case 8 -> op(F, pick(List.of("min({0}, {1})", "max({0}, {1})")), gen(F, s, d), gen(F, s, d));
            default -> generic(F, s, d);
        };
    }

    private Expr boolExpr(Scope s, int d) {
        Ty B = Ty.BOOL;
        return switch (r.nextInt(12)) {
            case 0, 1 -> {
                Ty t = pick(List.of(Ty.INT, Ty.INT, Ty.STR, Ty.FLOAT, Ty.UINT));
                yield op(B, "({0} " + pick(List.of("<", "<=", "==", "!=", ">", ">=")) + " {1})", gen(t, s, d), gen(t, s, d));
            }
            case 2 -> op(B, "(not {0})", gen(B, s, d));
            case 3 -> op(B, "({0} " + pick(List.of("and", "or")) + " {1})", gen(B, s, d), gen(B, s, d));
            case 4 -> {
                Ty item = randomComparable();
                yield op(B, "({0} " + pick(List.of("in", "not in")) + " {1})", gen(item, s, d), gen(new Ty.ListOf(item), s, d));
            }
            case 5 -> {
                Ty.DictOf dt = randomDict();
                yield op(B, "({0} in {1})", gen(dt.key(), s, d), gen(dt, s, d));
            }
            case 6 -> op(B, "({0} in {1})", gen(Ty.STR, s, d), gen(Ty.STR, s, d));
            case 7 -> {
                if (plan.classes.isEmpty()) {
                    yield null;
                }
                ClassSpec c = pick(plan.classes);
                yield op(B, "isinstance({0}, " + pick(c.family()).name + ")",
                        gen(new Ty.Inst(c.name, r.nextBoolean()), s, d));
            }
            case 8 -> {
                if (plan.classes.isEmpty()) {
                    yield null;
                }
                yield op(B, "({0} " + pick(List.of("is None", "is not None")) + ")",
                        gen(new Ty.Inst(pick(plan.classes).name, true), s, d));
            }
            case 9 -> r.nextBoolean()
                    ? op(B, "{0}." + pick(List.of("startswith", "endswith")) + "({1})", gen(Ty.STR, s, d), gen(Ty.STR, s, d))
                    : op(B, "{0}." + pick(List.of("isdigit", "isalpha", "isspace", "isalnum", "isupper", "islower")) + "()",
                            gen(Ty.STR, s, d));
            case 10 -> {
                Ty t = r.nextBoolean() ? new Ty.TupleOf(List.of(Ty.INT, Ty.STR)) : new Ty.ListOf(randomComparable());
                yield op(B, "({0} " + pick(List.of("==", "!=")) + " {1})", gen(t, s, d), gen(t, s, d));
            }
            default -> generic(B, s, d);
        };
    }

    private Expr strExpr(Scope s, int d) {
        Ty S = Ty.STR;
        String cap = "[:" + STRCAP + "]";
        return switch (r.nextInt(20)) {
            case 0, 1 -> op(S, "({0} + {1})" + cap, gen(S, s, d), gen(S, s, d));
            case 2 -> op(S, "str({0})", gen(pick(List.of(Ty.INT, Ty.FLOAT, Ty.BOOL)), s, d));
            // capped: repr of a repr doubles its backslashes, so a loop of them grows exponentially
            case 3 -> op(S, "repr({0})" + cap, gen(pick(List.of(Ty.FLOAT, Ty.STR, Ty.INT)), s, d));
            case 4 -> op(S, "str({0})" + cap, gen(randomPrintable(), s, d));
            case 5, 6 -> format(s, d);
            case 7 -> op(S, "{0}." + pick(List.of("upper()", "lower()", "strip()", "lstrip()", "rstrip()", "strip('xa ')")),
                    gen(S, s, d));
            case 8 -> op(S, "{0}.replace({1}, {2})" + cap, gen(S, s, d), literal(S), gen(S, s, d));
            case 9 -> slice(S, s, d);
            case 10 -> op(S, "chr(32 + {0} % 95)", gen(Ty.INT, s, d));
            case 11 -> op(S, "({0} + 'abc')[{1} % 3]", gen(S, s, d), gen(Ty.INT, s, d));
            case 12 -> op(S, "{0}.join({1})" + cap, literal(S), gen(new Ty.ListOf(S), s, d));
            case 13 -> op(S, "({0} * ({1} % 4))" + cap, gen(S, s, d), gen(Ty.INT, s, d));
            case 14 -> op(S, "{0}." + pick(List.of("ljust", "rjust")) + "({1} % 12)" + cap, gen(S, s, d), gen(Ty.INT, s, d));
            case 15 -> op(S, "{0}.split({1})[0]", gen(S, s, d), new Lit(S, pyStr(pick(List.of(",", " ", "-", "ab")))));
            case 16 -> {
                List<ClassSpec> printing = plan.classes.stream().filter(ClassSpec::printsItself).toList();
                yield printing.isEmpty() ? null : op(S, "str({0})", gen(pick(printing).type(), s, d));
            }
            case 17 -> op(S, "('%d' % {0})", gen(Ty.UINT, s, d));
            default -> generic(S, s, d);
        };
    }

    /** {@code x[a:b]}, {@code x[-3:]}, {@code x[::-1]}...: Python clamps the bounds, so any int will do. */
    private Expr slice(Ty t, Scope s, int d) {
        Expr x = gen(t, s, d);
        return switch (r.nextInt(7)) {
            case 0 -> op(t, "{0}[{1} % 8:]", x, gen(Ty.INT, s, d));
            case 1 -> op(t, "{0}[:{1} % 8]", x, gen(Ty.INT, s, d));
            case 2 -> op(t, "{0}[{1} % 8:{2} % 8]", x, gen(Ty.INT, s, d), gen(Ty.INT, s, d));
            case 3 -> op(t, "{0}[" + pick(List.of("-3:", ":-2", "-4:-1", "1:")) + "]", x);
            case 4 -> op(t, "{0}[" + pick(List.of("::-1", "::2", "1::3")) + "]", x);
            case 5 -> op(t, "{0}[{1}:{2}]", x, gen(Ty.INT, s, d), gen(Ty.INT, s, d));
            default -> op(t, "{0}[:]", x);
        };
    }

    /** {@code '%5d|%s' % (x, y)}: a format with one to three conversions and its values. */
    private Expr format(Scope s, int d) {
        int n = 1 + r.nextInt(3);
        StringBuilder fmt = new StringBuilder();
        List<Expr> values = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            fmt.append(pick(List.of("", " ", "|", "x=", "-")));
            switch (r.nextInt(6)) {
                case 0 -> {
                    fmt.append(pick(List.of("%d", "%5d", "%-4d", "%05d", "%x", "%+d")));
                    values.add(gen(Ty.INT, s, d));
                }
                case 1 -> {
                    fmt.append(pick(List.of("%.3f", "%e", "%g", "%.1f", "%8.2f", "%s", "%.10g", "%r")));
                    values.add(gen(Ty.FLOAT, s, d));
                }
                case 2 -> {
                    fmt.append(pick(List.of("%s", "%d")));
                    values.add(gen(Ty.BOOL, s, d));
                }
                default -> {
                    fmt.append(pick(List.of("%s", "%6s", "%-6s", "%r")));
                    values.add(gen(Ty.STR, s, d));
                }
            }
        }
        if (r.nextInt(8) == 0) {
            fmt.append("%%");
        }
        Lit f = new Lit(Ty.STR, pyStr(fmt.toString()));
        if (n == 1) {
            return op(Ty.STR, "({0} % {1})[:" + STRCAP + "]", f, values.getFirst());
        }
        List<Expr> args = new ArrayList<>(List.of(f));
        args.addAll(values);
        StringBuilder template = new StringBuilder("({0} % (");
        for (int k = 1; k <= n; k++) {
            template.append(k == 1 ? "" : ", ").append('{').append(k).append('}');
        }
        return new Op(Ty.STR, template.append("))[:").append(STRCAP).append(']').toString(), args);
    }

    // ---------------------------------------------------------------- containers

    private Expr listExpr(Ty.ListOf t, Scope s, int d) {
        Ty item = t.item();
        return switch (r.nextInt(11)) {
            case 0 -> literalList(t, s, d);
            case 1 -> {
                String c = s.body.fresh("c");
                long n = 1 + r.nextInt(10);
                Scope inner = s.comprehension(n, null).define(c, Ty.INT);
                inner.readOnly.add(c);
                yield op(t, "[{0} for " + c + " in range(" + n + ")]", gen(item, inner, d));
            }
            case 2 -> {
                Ty.ListOf from = new Ty.ListOf(randomScalar());
                Expr source = gen(from, s, d);
                String c = s.body.fresh("c");
                Scope inner = s.comprehension(64, from).define(c, from.item());
                inner.readOnly.add(c);
                yield r.nextBoolean() ? op(t, "[{0} for " + c + " in {1}]", gen(item, inner, d), source)
                        : op(t, "[{0} for " + c + " in {1} if {2}]", gen(item, inner, d), source,
                                filter(new Var(from.item(), c), inner, d));
            }
            case 3 -> op(t, "({0} + {1})[:16]", gen(t, s, d), gen(t, s, d));
            case 4 -> op(t, "([{0}] * ({1} % 5))", gen(item, s, d), gen(Ty.INT, s, d));
            case 5 -> slice(t, s, d);
            case 6 -> sortable(item) ? op(t, "sorted({0})", gen(t, s, d)) : null;
            case 7 -> item.equals(Ty.STR) ? op(t, "{0}.split({1})", gen(Ty.STR, s, d),
                    new Lit(Ty.STR, pyStr(pick(List.of(",", " ", "-", "ab"))))) : null;
            case 8 -> keyTypes().contains(item) && r.nextBoolean()
                    ? op(t, "list({0}.keys())", gen(new Ty.DictOf(item, randomScalar()), s, d))
                    : op(t, "list({0}.values())", gen(new Ty.DictOf(randomKey(), item), s, d));
            case 9 -> op(t, "list(reversed({0}))", gen(t, s, d));
            default -> generic(t, s, d);
        };
    }

    /**
     * A comprehension's condition that depends on its variable {@code c}: a constant one
     * ({@code if False}) would leave a list nothing ever goes into, whose item type the
     * annotator cannot know.
     */
    private Expr filter(Var c, Scope s, int d) {
        Expr test = switch (c.type()) {
            case Ty.Int i -> op(Ty.BOOL, "({0} % 3 != 1)", c);
            case Ty.Float f -> op(Ty.BOOL, "({0} > -1.0)", c);
            case Ty.Str str -> op(Ty.BOOL, "(len({0}) != 2)", c);
            case Ty.Bool b -> c;
            default -> op(Ty.BOOL, "({0} is not None)", c);
        };
        // 'or', not 'and': "test and False" is as constant as False
        return op(Ty.BOOL, "({0} or {1})", test, gen(Ty.BOOL, s, d));
    }

    private Expr literalList(Ty.ListOf t, Scope s, int d) {
        int n = 1 + r.nextInt(4);
        List<Expr> items = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            items.add(gen(t.item(), s, d));
        }
        return new Op(t, "[" + placeholders(n, ", ") + "]", items);
    }

    /**
     * No float inside: such values may be compared with {@code ==} and {@code in}, where
     * CPython's identity shortcut makes {@code [nan] == [nan]} true and the stages need not.
     */
    static boolean floatFree(Ty t) {
        return switch (t) {
            case Ty.Float f -> false;
            case Ty.ListOf l -> floatFree(l.item());
            case Ty.DictOf d -> floatFree(d.key()) && floatFree(d.value());
            case Ty.TupleOf tu -> tu.items().stream().allMatch(ExprGen::floatFree);
            default -> true;
        };
    }

    static boolean sortable(Ty t) {
        return t instanceof Ty.Int || t instanceof Ty.Str || t instanceof Ty.Bool;
    }

    // ---------------------------------------------------------------- instances and functions

    private Expr instExpr(Ty.Inst t, Scope s, int d) {
        ClassSpec c = plan.classNamed(t.cls());
        if (t.nullable() && r.nextInt(4) == 0) {
            return new Lit(t, "None");
        }
        return r.nextBoolean() ? construct(pick(c.family()), p -> gen(p, s, d)) : generic(t, s, d);
    }

    private Expr construct(ClassSpec c, Function<Ty, Expr> arg) {
        List<Param> fields = c.fields();
        List<Expr> args = fields.stream().map(p -> arg.apply(p.type())).toList();
        return new Op(c.type(), c.name + "(" + placeholders(args.size(), ", ") + ")", args);
    }

    /** A function value: a table member by name, an item of its table, or a choice of two. */
    private Expr funcExpr(Ty.Func t, Scope s, int d) {
        List<Callable> members = tableMembers(t);
        String table = members.getFirst().table;
        return switch (r.nextInt(3)) {
            case 0 -> op(t, "({0} if {1} else {2})", functionNamed(t), gen(Ty.BOOL, s, d), functionNamed(t));
            case 1 -> leaf(t, s);
            default -> op(t, table + "[{0} % len(" + table + ")]", gen(Ty.INT, s, d));
        };
    }

    private List<Callable> tableMembers(Ty.Func t) {
        return plan.callables.stream().filter(c -> c.table != null && c.type().equals(t)).toList();
    }

    // ---------------------------------------------------------------- any type

    /** Productions every type has: calls, attributes, items of containers, a conditional. */
    private Expr generic(Ty t, Scope s, int d) {
        return switch (r.nextInt(7)) {
            case 0, 1 -> call(t, s, d);
            case 2 -> attribute(t, s, d);
            case 3 -> listItem(t, s, d);
            case 4 -> dictValue(t, s, d);
            case 5 -> tupleItem(t, s, d);
            default -> op(t, "({0} if {1} else {2})", gen(t, s, d), gen(Ty.BOOL, s, d), gen(t, s, d));
        };
    }

    /** A call of a function or method, or through a function value, returning {@code t}. */
    Expr call(Ty t, Scope s, int d) {
        List<Callable> fits = plan.callables.stream()
                .filter(c -> fits(c.result, t) && c.effects != null && s.mayCall(c.effects, plan)).toList();
        if (fits.isEmpty()) {
            return null;
        }
        // prefer what nothing calls yet, so that most of the program runs
        return callOf(fits.stream().filter(x -> x.calls == 0).findFirst().orElse(pick(fits)), s, d);
    }

    /** A call of {@code c}, which the scope must allow ({@link Scope#mayCall}). */
    Expr callOf(Callable c, Scope s, int d) {
        c.calls++;
        s.call(c.effects, plan);
        List<Expr> args = new ArrayList<>();
        String callee = c.name;
        if (c.owner != null) {
            args.add(gen(pick(c.owner.family()).type(), s, d));
            callee = "{0}." + c.name;
        } else if (c.table != null && r.nextInt(3) != 0) {
            // through a function value: every function of the table shares c's signature and effects
            args.add(funcExpr(c.type(), s, d));
            callee = "{0}";
        }
        List<String> parts = new ArrayList<>();
        boolean byKeyword = false;
        for (Param p : c.params) {
            if (p.dflt() != null && r.nextInt(3) == 0) {
                byKeyword = true;   // left out, so the parameters after it go by keyword
                continue;
            }
            Expr a = p == c.params.getFirst() && c.recursive
                    ? op(Ty.INT, "({0} % " + StmtGen.RECURSION_DEPTH + ")", gen(Ty.INT, s, d))
                    : gen(p.type(), s, d);
            byKeyword |= p.dflt() != null && r.nextInt(3) == 0;
            parts.add((byKeyword ? p.name() + "=" : "") + "{" + args.size() + "}");
            args.add(a);
        }
        return new Op(c.result, callee + "(" + String.join(", ", parts) + ")", args);
    }

    private Expr attribute(Ty t, Scope s, int d) {
        List<Expr> options = new ArrayList<>();
        for (ClassSpec c : plan.classes) {
            for (Param f : c.ownFields) {
                if (fits(f.type(), t)) {
                    options.add(op(t, "{0}." + f.name(), gen(pick(c.family()).type(), s, d)));
                }
            }
            for (Map.Entry<String, Lit> a : c.classAttrs.entrySet()) {
                if (c.base == null && a.getValue().type().equals(t)) {
                    options.add(r.nextBoolean() ? op(t, "{0}." + a.getKey(), gen(pick(c.family()).type(), s, d))
                            : new Var(t, pick(c.family()).name + "." + a.getKey()));
                }
            }
        }
        return options.isEmpty() ? null : pick(options);
    }

    private Expr listItem(Ty t, Scope s, int d) {
        Ty.ListOf l = new Ty.ListOf(t);
        List<Var> vs = locals(l, s);
        if (!vs.isEmpty() && r.nextBoolean()) {
            Var v = pick(vs);
            // the index is computed after the test of the length: it must not shrink the list
            return op(t, "({0}[{1} % len({0})] if len({0}) > 0 else {2})", v, gen(Ty.INT, s.freezing(l), d), gen(t, s, d));
        }
        if (!s.raising("IndexError", plan)) {
            return null;
        }
        return op(t, "{0}[{1}]", gen(l, s, d), op(Ty.INT, "({0} % 6 - 2)", gen(Ty.INT, s, d)));
    }

    private Expr dictValue(Ty t, Scope s, int d) {
        Ty.DictOf dt = new Ty.DictOf(randomKey(), t);
        if (r.nextBoolean()) {
            return op(t, "{0}.get({1}, {2})", gen(dt, s, d), gen(dt.key(), s, d), gen(t, s, d));
        }
        return s.raising("KeyError", plan) ? op(t, "{0}[{1}]", gen(dt, s, d), gen(dt.key(), s, d)) : null;
    }

    private Expr tupleItem(Ty t, Scope s, int d) {
        List<Ty> items = new ArrayList<>(List.of(t, randomScalar()));
        if (r.nextBoolean()) {
            java.util.Collections.swap(items, 0, 1);
        }
        int at = items.indexOf(t);
        return op(t, "{0}[" + at + "]", gen(new Ty.TupleOf(items), s, d));
    }

    // ---------------------------------------------------------------- random types

    Ty randomScalar() {
        return pick(List.of(Ty.INT, Ty.INT, Ty.STR, Ty.STR, Ty.FLOAT, Ty.BOOL));
    }

    /** A type whose values compare without floats (for {@code in}, {@code ==}, {@code count}). */
    Ty randomComparable() {
        return pick(List.of(Ty.INT, Ty.STR, Ty.BOOL));
    }

    /** What may key a dict: hashable, float-free (CPython hashes -0.0 and 0.0 alike), no lists. */
    private List<Ty> keyTypes() {
        List<Ty> keys = new ArrayList<>(List.of(Ty.INT, Ty.STR, new Ty.TupleOf(List.of(Ty.INT, Ty.STR))));
        plan.classes.forEach(c -> keys.add(c.type()));
        return keys;
    }

    Ty randomKey() {
        List<Ty> keys = keyTypes();
        return r.nextInt(4) == 0 ? pick(keys) : pick(keys.subList(0, 3));
    }

    Ty.DictOf randomDict() {
        return new Ty.DictOf(randomKey(), pick(List.of(Ty.INT, Ty.STR, Ty.FLOAT, Ty.BOOL, new Ty.ListOf(Ty.INT))));
    }

    Ty randomPrintable() {
        return pick(List.of(new Ty.ListOf(randomScalar()), new Ty.DictOf(Ty.STR, Ty.INT),
                new Ty.TupleOf(List.of(Ty.INT, Ty.STR)), new Ty.ListOf(new Ty.TupleOf(List.of(Ty.INT, Ty.FLOAT)))));
    }

    /** A type for a new variable, parameter or field. */
    Ty randomType() {
        int k = r.nextInt(40);
        if (k < 10) {
            return Ty.INT;
        } else if (k < 15) {
            return Ty.STR;
        } else if (k < 18) {
            return Ty.FLOAT;
        } else if (k < 21) {
            return Ty.BOOL;
        } else if (k < 23) {
            return Ty.UINT;
        } else if (k < 28) {
            return new Ty.ListOf(r.nextInt(6) == 0 ? new Ty.ListOf(Ty.INT) : randomScalar());
        } else if (k < 31) {
            return randomDict();
        } else if (k < 33) {
            return new Ty.TupleOf(List.of(randomScalar(), randomScalar()));
        } else if (k == 33 && !plan.tables().isEmpty()) {
            return pick(plan.tables());
        } else if (!plan.classes.isEmpty()) {
            ClassSpec c = pick(plan.classes);
            return k < 37 ? c.type() : k < 39 ? new Ty.Inst(c.name, true) : new Ty.ListOf(c.type());
        }
        return Ty.INT;
    }

    <T> T pick(List<T> options) {
        return options.get(r.nextInt(options.size()));
    }
}
