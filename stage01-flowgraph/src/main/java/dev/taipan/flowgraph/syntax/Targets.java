package dev.taipan.flowgraph.syntax;

import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.syntax.Ast.*;

/**
 * Target validation. The parser reads the left side of {@code a, b.c = ...} with the ordinary
 * expression rules (it cannot know it is a target until it sees the {@code =}), then checks
 * here that the expression has a target's shape: names, attributes, subscripts, starred
 * targets, and tuples or lists of these. Whatever else is found is reported as CPython 3.11
 * reports it, naming the offending node: "cannot assign to function call", "cannot delete
 * literal", "'tuple' is an illegal expression for augmented assignment".
 *
 * <p>Rules that need the whole target list (one starred target per list, a starred target
 * outside a list or tuple) belong to the compiler, as in CPython.
 */
final class Targets {

    /** Why an expression is being used as a target; decides the wording of the error. */
    enum Use { ASSIGN, DELETE }

    private Targets() {}

    /** The first sub-expression of {@code e} that cannot be a target, or null. */
    static Expr invalid(Expr e, Use use) {
        return switch (e) {
            case Name n -> null;
            case Attribute a -> null;
            case Subscript s -> null;
            case Starred s -> use == Use.DELETE ? s : invalid(s.value(), use);
            case Tuple t -> firstInvalid(t.elts(), use);
            case ListExpr l -> firstInvalid(l.elts(), use);
            default -> e;
        };
    }

    private static Expr firstInvalid(java.util.List<Expr> elts, Use use) {
        for (Expr x : elts) {
            Expr bad = invalid(x, use);
            if (bad != null) {
                return bad;
            }
        }
        return null;
    }

    /** Checks an assignment, for, with or comprehension target: "cannot assign to X". */
    static void checkAssign(Expr e, SourceFile src) {
        Expr bad = invalid(e, Use.ASSIGN);
        if (bad != null) {
            throw new SyntaxError("cannot assign to " + exprName(bad), src, bad.pos());
        }
    }

    /** Checks a {@code del} target: "cannot delete X". */
    static void checkDelete(Expr e, SourceFile src) {
        Expr bad = invalid(e, Use.DELETE);
        if (bad != null) {
            throw new SyntaxError("cannot delete " + exprName(bad), src, bad.pos());
        }
    }

    /** Augmented assignment and annotated assignment take exactly one name, attribute or item. */
    static boolean isSingleTarget(Expr e) {
        return e instanceof Name || e instanceof Attribute || e instanceof Subscript;
    }

    /** CPython's name for a kind of expression, as its error messages use it. */
    static String exprName(Expr e) {
        return switch (e) {
            case Attribute a -> "attribute";
            case Subscript s -> "subscript";
            case Starred s -> "starred";
            case Name n -> "name";
            case ListExpr l -> "list";
            case Tuple t -> "tuple";
            case Lambda l -> "lambda";
            case Call c -> "function call";
            case BoolOp b -> "expression";
            case BinOp b -> "expression";
            case UnaryOp u -> "expression";
            case GeneratorExp g -> "generator expression";
            case Yield y -> "yield expression";
            case YieldFrom y -> "yield expression";
            case ListComp l -> "list comprehension";
            case SetComp s -> "set comprehension";
            case DictComp d -> "dict comprehension";
            case Dict d -> "dict literal";
            case Set s -> "set display";
            case JoinedStr j -> "f-string expression";
            case FormattedValue f -> "f-string expression";
            case Compare c -> "comparison";
            case IfExp i -> "conditional expression";
            case Slice s -> "slice";
            case Constant c -> constantName(c.value());
        };
    }

    private static String constantName(Object v) {
        if (v == Singleton.NONE) {
            return "None";
        } else if (v == Singleton.ELLIPSIS) {
            return "ellipsis";
        } else if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return "literal";
    }
}
