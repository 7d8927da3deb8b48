package dev.taipan.rtyper.rtyper;

import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.operation.HLOp;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.rtyper.LowLevelHelpers.Helper;
import dev.taipan.rtyper.rtyper.Repr.PrimitiveRepr;

/**
 * The builtins on single values that {@link Builtins} leaves out (PyPy's {@code rbuiltin.py}):
 * {@code bool(x)}, the truth rule of {@code if x:} as a value, {@code hash(x)}, {@code abs()} of an
 * {@code r_uint}, {@code int(s, base)} ({@code rstr.ll_int_parse_base}), and {@code min(a, b, ...)} /
 * {@code max(a, b, ...)} of numbers and chars, a chain of calls of {@code rbuiltin.ll_min}/
 * {@code ll_max}. Those helpers compare with RPy's own {@code <}, so the item type's ordering
 * is the one rule a comparison of that type already has; {@code min} and {@code max} of a list
 * are {@link ListRules}'.
 */
final class NumericBuiltins {
    private NumericBuiltins() { }

    private static final String RBUILTIN = "rpython.rtyper.rbuiltin";

    static boolean handles(HighLevelOp hop, String name) {
        return switch (name) {
            case "bool" -> hop.spaceop.op() == HLOp.SIMPLE_CALL;
            case "min", "max" -> hop.nargs() >= 3;   // the callee and two values or more
            case "hash" -> hop.nargs() == 2;
            case "abs" -> hop.nargs() == 2 && hop.argReprs.get(1) == Repr.UNSIGNED;
            case "int" -> hop.nargs() == 3 && hop.spaceop.op() == HLOp.SIMPLE_CALL;   // int(s, base)
            default -> false;
        };
    }

    static Value call(RTyper rtyper, HighLevelOp hop, String name) {
        return switch (name) {
            case "bool" -> hop.nargs() == 1 ? LLConstant.of(false, Primitive.BOOL) : Rules.truth(rtyper, hop, 1);
            case "hash" -> hash(rtyper, hop);
            case "abs" -> hop.inputarg(Repr.UNSIGNED, 1);   // an r_uint is never negative: the word itself
            case "int" -> {
                Repr r = hop.argReprs.get(1);
                if (!(r instanceof Repr.StrRepr || r == Repr.CHAR || r instanceof Repr.ConstantRepr(dev.taipan.flowgraph.host.PyStr s))) {
                    throw hop.error("int() can't convert non-string with explicit base");
                }
                yield hop.gendirectcall(new Helper(StrRules.RSTR, "ll_int_parse_base"), hop.inputarg(Repr.STR, 1),
                        hop.inputarg(Repr.SIGNED, 2));
            }
            default -> minmax(hop, name);
        };
    }

    /**
     * {@code hash(x)}: an int's (or a bool's) is CPython's, {@code ll_int_hash}, since a program
     * may print it; a str's, a tuple's or an instance's is the one dicts use ({@link KeyFunctions}),
     * which equal values share, as Python promises; CPython's own differs from run to run anyway.
     */
    private static Value hash(RTyper rtyper, HighLevelOp hop) {
        Repr r = hop.argReprs.get(1);
        if (r == Repr.SIGNED || r == Repr.BOOL) {
            return hop.gendirectcall(new Helper(RBUILTIN, "ll_int_hash"), hop.inputarg(Repr.SIGNED, 1));
        }
        if (r instanceof Repr.ConstantRepr(dev.taipan.flowgraph.host.PyStr s) || r == Repr.CHAR) {
            r = Repr.STR;   // a char hashes as the str of one char it equals
        }
        KeyFunctions.Pair fns = r == Repr.FLOAT ? null : rtyper.dicts.keyFunctions().find(r);
        if (fns == null) {
            throw hop.error("hash() of " + r.lowleveltype() + " has no low-level translation in this part "
                    + "(ints, strs, tuples and instances have)");
        }
        return hop.gendirectcall(new Helper("rpython.rtyper.rdict", "ll_hash_with"), LLConstant.voidOf(fns.hash()),
                hop.inputarg(r, 1));   // a float's would be CPython's, equal to an int's for 2.0: not given
    }

    /**
     * {@code max(a, b, c)} is {@code ll_max(ll_max(a, b), c)}: Python keeps the first of equal
     * values (and, with a NaN, whatever the comparisons keep), and so does a left fold of
     * {@code if b > a: return b}. The values are first converted to the result's repr, the
     * union the annotator made of them ({@code max(1, 2.5)} is a float, as in PyPy).
     */
    private static Value minmax(HighLevelOp hop, String name) {
        if (hop.spaceop.op() != HLOp.SIMPLE_CALL) {
            throw hop.error(name + "() with key= or default= has no low-level translation in this part");
        }
        Repr r = hop.resultRepr;
        if (!(r instanceof PrimitiveRepr(Primitive p)) || p == Primitive.VOID) {
            throw hop.error(name + "() of " + r.lowleveltype() + " values has no low-level translation in this part "
                    + "(it takes numbers and chars; strs and tuples need their ordering)");
        }
        Helper helper = new Helper(RBUILTIN, "ll_" + name);
        Value acc = hop.inputarg(r, 1);
        for (int i = 2; i < hop.nargs(); i++) {
            acc = hop.gendirectcall(helper, acc, hop.inputarg(r, i));
        }
        return acc;
    }
}
