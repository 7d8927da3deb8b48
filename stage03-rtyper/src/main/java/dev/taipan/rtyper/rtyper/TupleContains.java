package dev.taipan.rtyper.rtyper;

import static dev.taipan.rtyper.lloperation.LLOp.*;

import dev.taipan.flowgraph.flow.Value;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.rtyper.LowLevelHelpers.Helper;
import dev.taipan.rtyper.rtyper.Repr.PrimitiveRepr;
import dev.taipan.rtyper.rtyper.Repr.TupleRepr;
import java.util.List;

/**
 * {@code x in (a, b, c)} (PyPy's {@code rtuple.rtype_contains}, which unrolls the same way): a
 * tuple's items have types of their own, so no helper can loop over them; the test is
 * {@code x == a or x == b or x == c}, unrolled, each comparison the rule of its two types,
 * the answers or-ed without a branch. Items of a type {@code x} can never equal (a str and an
 * int) compare False, as in Python.
 */
final class TupleContains {
    private TupleContains() { }

    static boolean handles(HighLevelOp hop) {
        return hop.nargs() == 2 && hop.argReprs.get(0) instanceof TupleRepr;
    }

    static Value translate(HighLevelOp hop) {
        TupleRepr t = (TupleRepr) hop.argReprs.get(0);
        Value tuple = hop.arg(0);
        Repr xr = hop.argReprs.get(1);
        Value any = LLConstant.signed(0);
        for (int k = 0; k < t.items().size(); k++) {
            Repr ir = t.items().get(k);
            Value item = hop.genop(GETFIELD, List.of(tuple, LLConstant.voidOf("item" + k)), ir.lowleveltype());
            Value eq = equal(hop, hop.arg(1), xr, item, ir);
            any = hop.genop(INT_OR, List.of(any, hop.genop(CAST_BOOL_TO_INT, List.of(eq), Primitive.SIGNED)), Primitive.SIGNED);
        }
        return hop.genop(INT_IS_TRUE, List.of(any), Primitive.BOOL);
    }

    /** {@code a == b} for an item of a tuple: numbers in their common repr, strs and chars by their chars, pointers by identity. */
    private static Value equal(HighLevelOp hop, Value a, Repr ar, Value b, Repr br) {
        if (ar == Repr.CHAR && br == Repr.CHAR) {
            return hop.genop(CHAR_EQ, List.of(a, b), Primitive.BOOL);
        }
        if (isText(ar) && isText(br)) {
            return hop.gendirectcall(new Helper(StrRules.RSTR, "ll_streq"), hop.convert(a, ar, Repr.STR), hop.convert(b, br, Repr.STR));
        }
        if (number(ar) && number(br)) {
            Repr common = ar == Repr.FLOAT || br == Repr.FLOAT ? Repr.FLOAT
                    : ar == Repr.UNSIGNED || br == Repr.UNSIGNED ? Repr.UNSIGNED : Repr.SIGNED;
            LLOp op = common == Repr.FLOAT ? FLOAT_EQ : common == Repr.UNSIGNED ? UINT_EQ : INT_EQ;
            return hop.genop(op, List.of(hop.convert(a, ar, common), hop.convert(b, br, common)), Primitive.BOOL);
        }
        if (ar.lowleveltype() instanceof dev.taipan.rtyper.lltype.Ptr && ar.lowleveltype().equals(br.lowleveltype())
                && (ar instanceof Repr.InstanceRepr)) {
            return hop.genop(PTR_EQ, List.of(a, b), Primitive.BOOL);
        }
        if (isText(ar) || isText(br) || number(ar) || number(br)) {
            return LLConstant.of(false, Primitive.BOOL);   // a str is never equal to a number or an instance
        }
        throw hop.error("'in' a tuple of " + br.lowleveltype() + " for a " + ar.lowleveltype()
                + " has no low-level translation in this part");
    }

    private static boolean isText(Repr r) {
        return r instanceof Repr.StrRepr || r == Repr.CHAR || r instanceof Repr.ConstantRepr(dev.taipan.flowgraph.host.PyStr s);
    }

    private static boolean number(Repr r) {
        return r instanceof PrimitiveRepr(Primitive p) && p != Primitive.CHAR && p != Primitive.VOID;
    }
}
