package dev.taipan.flowgraph.fuzz;

import java.util.List;

/**
 * The generated program as a tree, so that the {@link Minimizer} can take it apart. It is not
 * the parser's {@code Ast}: it knows only what reduction needs. An expression has a static
 * {@link Ty} (so a reduction may put a simpler expression <em>of the same type</em> in its
 * place and the program stays RPy) and a template that prints it; a statement is one line or
 * a compound of clauses, each a header and a body.
 *
 * <p>Templates are the generator's own constants: {@code "intmask({0} * {1})"} prints its
 * arguments where {@code {0}}, {@code {1}} stand. That keeps the set of node kinds closed and
 * tiny, as Csmith's reducer (C-Reduce) also works on shapes, not on meanings. Every
 * expression template prints as a Python primary (parenthesised unless it is a call, an
 * attribute, a subscript or a display), so that any expression may stand anywhere.
 */
public final class PyTree {
    private PyTree() {
    }

    /** An expression of a known static type. */
    public sealed interface Expr permits Lit, Var, Op {
        Ty type();

        String print();
    }

    /** A literal, printed as written: {@code 42}, {@code 'ab'}, {@code None}, {@code []}. */
    public record Lit(Ty type, String text) implements Expr {
        @Override
        public String print() {
            return text;
        }
    }

    /** A name: a local, a parameter, a global, a function or a class. */
    public record Var(Ty type, String name) implements Expr {
        @Override
        public String print() {
            return name;
        }
    }

    /** Anything with operands: an operator, a call, an attribute, a subscript. */
    public record Op(Ty type, String template, List<Expr> args) implements Expr {
        public Op {
            args = List.copyOf(args);
        }

        @Override
        public String print() {
            return fill(template, args);
        }
    }

    /** A statement. */
    public sealed interface Stmt permits Line, Compound {
    }

    /** A simple statement: {@code x = {0}}, {@code print({0})}, {@code return {0}}, {@code break}. */
    public record Line(String template, List<Expr> args) implements Stmt {
        public Line {
            args = List.copyOf(args);
        }

        public static Line of(String template, Expr... args) {
            return new Line(template, List.of(args));
        }
    }

    /**
     * A compound statement: {@code if}/{@code elif}/{@code else}, {@code while}, {@code for},
     * {@code try}/{@code except}/{@code finally}, {@code def}, {@code class}. Clauses stay
     * together so that a reduction never leaves an {@code else:} without its {@code if}.
     */
    public record Compound(List<Clause> clauses) implements Stmt {
        public Compound {
            clauses = List.copyOf(clauses);
        }

        public static Compound of(String header, List<Expr> args, List<Stmt> body) {
            return new Compound(List.of(new Clause(header, args, body)));
        }
    }

    /** {@code header:} and its indented body ({@code pass} when the body is empty). */
    public record Clause(String header, List<Expr> args, List<Stmt> body) {
        public Clause {
            args = List.copyOf(args);
            body = List.copyOf(body);
        }

        public Clause withBody(List<Stmt> newBody) {
            return new Clause(header, args, newBody);
        }
    }

    /** A whole program: its statements, with a docstring saying where it came from. */
    public record Module(String docstring, List<Stmt> body) {
        public Module {
            body = List.copyOf(body);
        }

        public Module withBody(List<Stmt> newBody) {
            return new Module(docstring, newBody);
        }

        /** The program text. */
        public String source() {
            StringBuilder sb = new StringBuilder();
            sb.append("\"\"\"").append(docstring).append("\"\"\"\n");
            body.forEach(s -> print(s, 0, sb));
            return sb.toString();
        }
    }

    private static void print(Stmt stmt, int indent, StringBuilder sb) {
        String pad = "    ".repeat(indent);
        switch (stmt) {
            case Line l -> sb.append(pad).append(fill(l.template(), l.args())).append('\n');
            case Compound c -> {
                for (Clause clause : c.clauses()) {
                    sb.append(pad).append(fill(clause.header(), clause.args())).append(":\n");
                    if (clause.body().isEmpty()) {
                        sb.append(pad).append("    pass\n");
                    }
                    clause.body().forEach(s -> print(s, indent + 1, sb));
                }
            }
        }
    }

    /** The template with each {@code {i}} replaced by the i-th argument, in one pass. */
    static String fill(String template, List<Expr> args) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            int close = template.indexOf('}', i);
            if (c == '{' && close > i + 1 && template.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                sb.append(args.get(Integer.parseInt(template.substring(i + 1, close))).print());
                i = close;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
