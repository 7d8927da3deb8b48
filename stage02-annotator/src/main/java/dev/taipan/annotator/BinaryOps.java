package dev.taipan.annotator;

import dev.taipan.annotator.SomeValue.*;
import dev.taipan.flowgraph.operation.HLOp;
import java.util.ArrayList;
import java.util.List;

/**
 * The typing rules of binary operators and comparisons, grouped by the pair of argument kinds,
 * as PyPy's {@code annotation/binaryop.py} groups them with {@code pairtype(SomeInteger,
 * SomeFloat)}: to find "what is {@code int + float}?", find the pair (number, number) in
 * {@link #rule} and read its method. Every pair lists the operators it accepts; everything else
 * is rejected here, with the operator as Python spells it, so that {@code len(argv) < "a"}
 * fails when annotated instead of when run (or, worse, when the rtyper finds no rule).
 */
final class BinaryOps {
    private BinaryOps() { }

    /** The result of {@code l op r}; {@code op} is a binary operator or a comparison, never an in-place one. */
    static SomeValue rule(Annotator ann, HLOp op, SomeValue l, SomeValue r) {
        if (isInt(l) && isInt(r)) {
            return ints(ann, op, l, r);
        }
        if (isNumber(l) && isNumber(r)) {
            return floats(ann, op, l, r);
        }
        if (op == HLOp.MOD && isStr(l)) {
            return Formatting.mod(ann, l, r);
        }
        if (isStr(l) && isStr(r)) {
            return strs(ann, op, l, r);
        }
        if (isStr(l) && isInt(r) || isInt(l) && isStr(r)) {
            return repeat(ann, op, l, r, new SomeString(false, null));
        }
        return switch (l) {
            case SomeBytes x when r instanceof SomeBytes -> op == HLOp.ADD ? new SomeBytes(null) : compare(ann, op, l, r);
            case SomeList x when r instanceof SomeList y -> lists(ann, op, x, y);
            case SomeList x when isInt(r) -> repeat(ann, op, l, r, copyOf(ann, x));
            case SomeTuple x when r instanceof SomeTuple y && op == HLOp.ADD -> concat(x, y);
            default -> {
                if (r instanceof SomeList y && isInt(l)) {
                    yield repeat(ann, op, l, r, copyOf(ann, y));
                }
                yield compare(ann, op, l, r);
            }
        };
    }

    /** int (or bool) with int: machine-word arithmetic; {@code /} makes a float. */
    private static SomeValue ints(Annotator ann, HLOp op, SomeValue l, SomeValue r) {
        return switch (op) {
            case TRUEDIV -> new SomeFloat(null);
            case MATMUL -> reject(ann, op, l, r);
            case EQ, NE, LT, LE, GT, GE -> new SomeBool(null);
            case POW -> {
                if (!(r instanceof SomeBool || r instanceof SomeInteger y && y.nonneg())) {
                    throw Annotator.error(ann, "cannot raise an int to the power of an int that may be negative: the "
                            + "result would be a float (write float(x) ** n)");
                }
                yield intResult(op, l, r);
            }
            default -> intResult(op, l, r);
        };
    }

    private static SomeValue intResult(HLOp op, SomeValue l, SomeValue r) {
        boolean nonneg = nonneg(l) && nonneg(r) && op != HLOp.SUB;
        boolean unsigned = l instanceof SomeInteger x && x.unsigned() || r instanceof SomeInteger y && y.unsigned();
        return new SomeInteger(nonneg, unsigned, null);
    }

    /** A float with a number: the arithmetic Python defines on floats, no bit operations. */
    private static SomeValue floats(Annotator ann, HLOp op, SomeValue l, SomeValue r) {
        return switch (op) {
            case ADD, SUB, MUL, TRUEDIV, FLOORDIV, MOD, POW -> new SomeFloat(null);
            case EQ, NE, LT, LE, GT, GE -> new SomeBool(null);
            default -> reject(ann, op, l, r);
        };
    }

    /** str (or char) with str: concatenation and the lexicographic comparisons. */
    private static SomeValue strs(Annotator ann, HLOp op, SomeValue l, SomeValue r) {
        return switch (op) {
            case ADD -> new SomeString(false, null);
            case EQ, NE, LT, LE, GT, GE -> new SomeBool(null);
            default -> reject(ann, op, l, r);
        };
    }

    /** A sequence and an int: {@code s * n} (and {@code n * s}) repeats it. */
    private static SomeValue repeat(Annotator ann, HLOp op, SomeValue l, SomeValue r, SomeValue result) {
        return op == HLOp.MUL ? result : compare(ann, op, l, r);
    }

    /**
     * list with list: {@code +} makes a new list of both item types; {@code ==} compares items.
     * The operands' items widen to the new list's too (PyPy's {@code ListDef.offspring}): one
     * helper copies both into the new list's array, so all three must store items alike
     * ({@code [1, 2] + []} copies no item of the empty list, but its array must hold ints).
     */
    private static SomeValue lists(Annotator ann, HLOp op, SomeList x, SomeList y) {
        if (op == HLOp.ADD) {
            ListDef d = ann.bookkeeper.listdef(ann.currentOp(), false);
            d.copiesFrom(ann, x.listdef());
            d.copiesFrom(ann, y.listdef());
            x.listdef().copiesFrom(ann, d);   // y's items reach x's array only through d: widen x too
            return new SomeList(d);
        }
        return compare(ann, op, x, y);
    }

    private static SomeList copyOf(Annotator ann, SomeList l) {
        ListDef d = ann.bookkeeper.listdef(ann.currentOp(), false);
        d.copiesFrom(ann, l.listdef());
        return new SomeList(d);
    }

    private static SomeTuple concat(SomeTuple x, SomeTuple y) {
        List<SomeValue> items = new ArrayList<>(x.items());
        items.addAll(y.items());
        return new SomeTuple(items);
    }

    /**
     * The comparisons of the remaining pairs. {@code ==} and {@code !=} need two values that
     * could be equal: the same kind of value, or None with anything (a test for None); the
     * orderings ({@code <}, ...) also need an order Python defines (numbers and strs were handled
     * before; tuples and lists item by item). Python answers {@code 1 == "a"} with False, but in
     * a program with one static type per variable such a test is always a bug, so RPy rejects it.
     */
    private static SomeValue compare(Annotator ann, HLOp op, SomeValue l, SomeValue r) {
        boolean equality = op == HLOp.EQ || op == HLOp.NE;
        boolean ordering = op == HLOp.LT || op == HLOp.LE || op == HLOp.GT || op == HLOp.GE;
        if (equality && comparable(ann, l, r, false) || ordering && comparable(ann, l, r, true)) {
            return new SomeBool(null);
        }
        return reject(ann, op, l, r);
    }

    /** Whether Python can compare {@code l} and {@code r} (for order when {@code ordered}) in a way RPy keeps. */
    static boolean comparable(Annotator ann, SomeValue l, SomeValue r, boolean ordered) {
        if (l instanceof SomeImpossibleValue || r instanceof SomeImpossibleValue) {
            return true;      // nothing reached yet: decided when something does
        }
        if (isNumber(l) && isNumber(r) || isStr(l) && isStr(r) || l instanceof SomeBytes && r instanceof SomeBytes) {
            return true;
        }
        return switch (l) {
            case SomeTuple x when r instanceof SomeTuple y -> sameLengthItems(ann, x.items(), y.items(), ordered);
            case SomeList x when r instanceof SomeList y ->
                    comparable(ann, x.listdef().item.read(ann), y.listdef().item.read(ann), ordered);
            case SomeNone n -> !ordered;
            default -> !ordered && (r instanceof SomeNone
                    || l instanceof SomeInstance && r instanceof SomeInstance
                    || l instanceof SomePBC && r instanceof SomePBC
                    || l instanceof SomeDict && r instanceof SomeDict);
        };
    }

    private static boolean sameLengthItems(Annotator ann, List<SomeValue> x, List<SomeValue> y, boolean ordered) {
        if (x.size() != y.size()) {
            return !ordered;     // tuples of different lengths are simply not equal
        }
        for (int i = 0; i < x.size(); i++) {
            if (!comparable(ann, x.get(i), y.get(i), ordered)) {
                return false;
            }
        }
        return true;
    }

    private static SomeValue reject(Annotator ann, HLOp op, SomeValue l, SomeValue r) {
        String a = Describe.article(l);
        String b = Describe.article(r);
        throw Annotator.error(ann, switch (op) {
            case EQ, NE -> "cannot compare " + a + " with " + b + " using '" + symbol(op) + "' (in RPy both sides "
                    + "must be of the same kind, or one of them None)";
            case LT, LE, GT, GE -> "cannot order " + a + " and " + b + " with '" + symbol(op) + "'";
            default -> "cannot " + verb(op) + " " + a + " and " + b;
        });
    }

    /** The Python spelling of a binary operator or comparison. */
    static String symbol(HLOp op) {
        return switch (op) {
            case ADD -> "+";
            case SUB -> "-";
            case MUL -> "*";
            case MATMUL -> "@";
            case TRUEDIV -> "/";
            case FLOORDIV -> "//";
            case MOD -> "%";
            case POW -> "**";
            case LSHIFT -> "<<";
            case RSHIFT -> ">>";
            case AND_ -> "&";
            case OR_ -> "|";
            case XOR -> "^";
            case EQ -> "==";
            case NE -> "!=";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            default -> op.opname();
        };
    }

    /** Whether {@code op} is ruled here: the binary operators and comparisons. */
    static boolean isBinary(HLOp op) {
        return switch (op) {
            case ADD, SUB, MUL, MATMUL, TRUEDIV, FLOORDIV, MOD, POW, LSHIFT, RSHIFT, AND_, OR_, XOR,
                 EQ, NE, LT, LE, GT, GE -> true;
            default -> false;
        };
    }

    static String verb(HLOp op) {
        return switch (op) {
            case ADD -> "add (+)";
            case SUB -> "subtract (-)";
            case MUL -> "multiply (*)";
            case MOD -> "take the modulo (%) of";
            default -> "apply '" + symbol(op) + "' to";
        };
    }

    static boolean isInt(SomeValue s) {
        return s instanceof SomeInteger || s instanceof SomeBool;
    }

    static boolean isNumber(SomeValue s) {
        return isInt(s) || s instanceof SomeFloat;
    }

    static boolean isStr(SomeValue s) {
        return s instanceof SomeString || s instanceof SomeChar;
    }

    private static boolean nonneg(SomeValue s) {
        return s instanceof SomeInteger i && i.nonneg();
    }
}
