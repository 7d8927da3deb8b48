package dev.taipan.rtyper.rtyper;

import static dev.taipan.rtyper.lloperation.LLOp.*;

import dev.taipan.annotator.Desc;
import dev.taipan.annotator.SomeValue.SomeBuiltin;
import dev.taipan.annotator.SomeValue.SomePBC;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PySingleton;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.flowgraph.host.PyType;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.operation.HLOp;
import dev.taipan.rtyper.llannotation.LLHostFunction;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.rtyper.LowLevelHelpers.Helper;
import dev.taipan.rtyper.rtyper.Repr.ConstantRepr;
import dev.taipan.rtyper.rtyper.Repr.PrimitiveRepr;
import java.util.ArrayList;
import java.util.List;

/**
 * What each high-level operation becomes at the low level: one {@code case} per entry of the
 * catalogue {@link HLOp}, as the annotator's rules are (PyPy spreads the same knowledge over
 * {@code rtype_*} methods of its reprs). Numbers work in the repr both sides are converted
 * to: {@code int + float} is {@code float_add(cast_int_to_float(x), y)}, an {@code r_uint}
 * makes the operation unsigned.
 *
 * <p>Instances, classes and exceptions have their rules in {@link InstanceRules}.
 *
 * <p>An operation that is more than one machine instruction is a call of a helper written in
 * RPy ({@link HighLevelOp#gendirectcall}): Python's floor division and modulo round towards minus
 * infinity and check the divisor, which {@code rpython/rtyper/rint.py} spells out. What helpers
 * do with their pointers is in {@link PtrRules}.
 */
final class Rules {
    private Rules() { }

    /** The value of the operation's result; the low-level operations are in {@code hop.llops}. */
    static Value translate(RTyper rtyper, HighLevelOp hop) {
        HLOp op = (HLOp) hop.spaceop.op();
        if (contributedRuler(hop, op) instanceof RTypedAnnotation a) {
            return a.rtype(new ContributedOp(hop));
        }
        if (DictRules.handles(rtyper, hop)) {
            return DictRules.translate(rtyper, hop);
        }
        if (hop.isOvfcheckCall()) {
            return hop.inputarg(hop.resultRepr, 1);   // its argument was computed by an _ovf operation
        }
        if (StringFormatting.applies(hop)) {
            return StringFormatting.format(rtyper, hop);
        }
        if (op == HLOp.CONTAINS && TupleContains.handles(hop)) {
            return TupleContains.translate(hop);
        }
        if (StrRules.handles(hop)) {
            return StrRules.translate(rtyper, hop);
        }
        if ((op == HLOp.EQ || op == HLOp.NE || op == HLOp.IS_ || op == HLOp.IS_NOT) && PtrRules.onPointers(hop)) {
            return PtrRules.identity(hop, op);
        }
        if (Orderings.handles(hop)) {
            return Orderings.translate(hop);
        }
        if (ListRules.handles(hop)) {
            return ListRules.translate(rtyper, hop);
        }
        if ((op == HLOp.EQ || op == HLOp.NE) && InstanceRules.onInstances(hop)) {
            return InstanceRules.identity(rtyper, hop, op == HLOp.EQ);
        }
        return switch (op) {
            case ADD, SUB, MUL, AND_, OR_, XOR, LSHIFT, RSHIFT, EQ, NE, LT, LE, GT, GE,
                 INPLACE_ADD, INPLACE_SUB, INPLACE_MUL, INPLACE_AND, INPLACE_OR, INPLACE_XOR,
                 INPLACE_LSHIFT, INPLACE_RSHIFT -> arithmetic(hop, op.withoutInplace());
            case TRUEDIV, INPLACE_TRUEDIV -> trueDivision(hop);
            case FLOORDIV, MOD, INPLACE_FLOORDIV, INPLACE_MOD -> division(hop, op.withoutInplace());
            case POW, INPLACE_POW -> power(hop);
            case NEG, POS, INVERT -> unary(hop, op);
            case BOOL -> truth(rtyper, hop, 0);
            case NOT_ -> hop.genop(BOOL_NOT, List.of(truth(rtyper, hop, 0)), Primitive.BOOL);
            case IS_, IS_NOT -> InstanceRules.onInstances(hop) ? InstanceRules.identity(rtyper, hop, op == HLOp.IS_)
                    : identity(hop, op);
            case SAME_AS -> hop.inputarg(hop.resultRepr, 0);
            case SIMPLE_CALL, CALL_ARGS -> call(rtyper, hop);
            case LEN -> rtyper.sequences.len(hop, 0);
            case GETITEM -> onPointer(hop) ? PtrRules.getitem(hop) : rtyper.sequences.getitem(rtyper, hop);
            case SETITEM -> onPointer(hop) ? PtrRules.setitem(rtyper, hop) : rtyper.sequences.setitem(rtyper, hop);
            case ITER -> hop.argReprs.getFirst() instanceof Repr.IteratorRepr || hop.argReprs.getFirst() instanceof Repr.IteratorVariantRepr
                    ? hop.inputarg(hop.resultRepr, 0)
                    : rtyper.sequences.iter(hop);
            case NEXT -> rtyper.sequences.next(rtyper, hop);
            case NEWLIST -> rtyper.sequences.newlist(hop);
            case NEWTUPLE -> rtyper.sequences.newtuple(hop);
            case GETATTR -> onPointer(hop) ? PtrRules.getattr(hop)
                    : hop.resultRepr instanceof Repr.BuiltinMethodRepr m ? hop.inputarg(m.self(), 0)   // the object is the method
                    : InstanceRules.getattr(rtyper, hop);
            case SETATTR -> onPointer(hop) ? PtrRules.setattr(rtyper, hop) : InstanceRules.setattr(rtyper, hop);
            case TYPE -> InstanceRules.type(rtyper, hop);
            case EXCEPTION_MATCH -> InstanceRules.exceptionMatch(rtyper, hop);
            default -> unsupported(hop, op);
        };
    }

    /**
     * The later stage's annotation that rules this operation, as the annotator chose it: the
     * first argument's, or, for a binary operator or a comparison, either side's.
     */
    private static RTypedAnnotation contributedRuler(HighLevelOp hop, HLOp op) {
        if (op == HLOp.NEWTUPLE || op == HLOp.NEWLIST || op == HLOp.NEWDICT) {
            return null;   // their arguments are items, only passed along
        }
        if (hop.nargs() > 0 && hop.argReprs.getFirst() instanceof Repr.ContributedRepr(var a)) {
            return a;
        }
        boolean binary = switch (op.withoutInplace()) {
            case ADD, SUB, MUL, TRUEDIV, FLOORDIV, MOD, POW, LSHIFT, RSHIFT, AND_, OR_, XOR, MATMUL,
                 EQ, NE, LT, LE, GT, GE -> true;
            default -> false;
        };
        return binary && hop.nargs() == 2 && hop.argReprs.get(1) instanceof Repr.ContributedRepr(var a) ? a : null;
    }

    private static Value unsupported(HighLevelOp hop, HLOp op) {
        throw hop.error("'" + op.opname() + "' on " + describe(hop) + " has no low-level translation "
                + "in this part of stage 03");
    }

    /** The operation is on a pointer of a helper written in RPy (its first argument). */
    private static boolean onPointer(HighLevelOp hop) {
        return hop.argReprs.getFirst() instanceof Repr.PtrRepr || hop.argReprs.getFirst() instanceof Repr.InteriorPtrRepr;
    }

    private static String describe(HighLevelOp hop) {
        return hop.argReprs.stream().map(r -> r.lowleveltype().toString()).toList().toString();
    }

    /** The repr two numbers are computed in: float if either is, else unsigned if either is, else signed. */
    private static Repr common(HighLevelOp hop) {
        Primitive a = primitive(hop, 0);
        Primitive b = primitive(hop, 1);
        if (a == Primitive.FLOAT || b == Primitive.FLOAT) {
            return Repr.FLOAT;
        }
        if (a == Primitive.UNSIGNED || b == Primitive.UNSIGNED) {
            return Repr.UNSIGNED;
        }
        if (a == Primitive.CHAR && b == Primitive.CHAR) {
            return Repr.CHAR;
        }
        return Repr.SIGNED;
    }

    private static boolean oneChar(HighLevelOp hop, int i) {
        return hop.argReprs.get(i) instanceof Repr.ConstantRepr(dev.taipan.flowgraph.host.PyStr s) && s.value().length() == 1;
    }

    private static Primitive primitive(HighLevelOp hop, int i) {
        if (hop.nargs() == 2 && oneChar(hop, i) && (oneChar(hop, 1 - i) || hop.argReprs.get(1 - i) == Repr.CHAR)) {
            return Primitive.CHAR;   // 'a' known now, compared with a char (or another): a char constant
        }
        if (!(hop.argReprs.get(i) instanceof PrimitiveRepr(Primitive p))) {
            throw hop.error("'" + hop.spaceop.opname() + "' on " + describe(hop) + " has no low-level translation "
                    + "in this part of stage 03");
        }
        return p;
    }

    private static Value arithmetic(HighLevelOp hop, HLOp op) {
        boolean shift = op == HLOp.LSHIFT || op == HLOp.RSHIFT;
        // a shift is the type of what it shifts; the count is always a Signed word
        Repr r = shift && primitive(hop, 0) == Primitive.UNSIGNED ? Repr.UNSIGNED : common(hop);
        Value x = hop.inputarg(r, 0);
        Value y = hop.inputarg(shift && r == Repr.UNSIGNED ? Repr.SIGNED : r, 1);
        Primitive t = (Primitive) r.lowleveltype();
        LLOp ll = switch (t) {
            case SIGNED -> signed(op);
            case UNSIGNED -> unsigned(op);
            case FLOAT -> floating(op);
            case CHAR -> character(op);
            default -> null;
        };
        if (ll == null) {
            throw hop.error("'" + op.opname() + "' on " + describe(hop) + " has no low-level translation");
        }
        if (hop.overflowChecked()) {
            ll = checked(hop, ll);
        }
        boolean comparison = op == HLOp.EQ || op == HLOp.NE || op == HLOp.LT || op == HLOp.LE || op == HLOp.GT
                || op == HLOp.GE;
        return hop.genop(ll, List.of(x, y), comparison ? Primitive.BOOL : t);
    }

    /** The operation {@code ovfcheck(...)} wraps, checked: it raises OverflowError instead of wrapping. */
    private static LLOp checked(HighLevelOp hop, LLOp op) {
        return switch (op) {
            case INT_ADD -> INT_ADD_OVF;
            case INT_SUB -> INT_SUB_OVF;
            case INT_MUL -> INT_MUL_OVF;
            default -> throw hop.error("ovfcheck() checks the arithmetic of signed ints only");
        };
    }

    private static LLOp signed(HLOp op) {
        return switch (op) {
            case ADD -> INT_ADD;
            case SUB -> INT_SUB;
            case MUL -> INT_MUL;
            case AND_ -> INT_AND;
            case OR_ -> INT_OR;
            case XOR -> INT_XOR;
            case LSHIFT -> INT_LSHIFT;
            case RSHIFT -> INT_RSHIFT;
            case EQ -> INT_EQ;
            case NE -> INT_NE;
            case LT -> INT_LT;
            case LE -> INT_LE;
            case GT -> INT_GT;
            case GE -> INT_GE;
            default -> null;
        };
    }

    private static LLOp unsigned(HLOp op) {
        return switch (op) {
            case ADD -> UINT_ADD;
            case SUB -> UINT_SUB;
            case MUL -> UINT_MUL;
            case AND_ -> UINT_AND;
            case OR_ -> UINT_OR;
            case XOR -> UINT_XOR;
            case LSHIFT -> UINT_LSHIFT;
            case RSHIFT -> UINT_RSHIFT;
            case EQ -> UINT_EQ;
            case NE -> UINT_NE;
            case LT -> UINT_LT;
            case LE -> UINT_LE;
            case GT -> UINT_GT;
            case GE -> UINT_GE;
            default -> null;
        };
    }

    private static LLOp floating(HLOp op) {
        return switch (op) {
            case ADD -> FLOAT_ADD;
            case SUB -> FLOAT_SUB;
            case MUL -> FLOAT_MUL;
            case EQ -> FLOAT_EQ;
            case NE -> FLOAT_NE;
            case LT -> FLOAT_LT;
            case LE -> FLOAT_LE;
            case GT -> FLOAT_GT;
            case GE -> FLOAT_GE;
            default -> null;
        };
    }

    private static LLOp character(HLOp op) {
        return switch (op) {
            case EQ -> CHAR_EQ;
            case NE -> CHAR_NE;
            case LT -> CHAR_LT;
            case LE -> CHAR_LE;
            case GT -> CHAR_GT;
            case GE -> CHAR_GE;
            default -> null;
        };
    }

    /** The helpers of division: what Python's {@code //}, {@code %} and {@code /} mean on machine words and doubles. */
    private static final String RINT = "rpython.rtyper.rint";
    private static final String RFLOAT = "rpython.rtyper.rfloat";

    /**
     * {@code x // y} and {@code x % y} with Python's rounding, by the helpers of
     * {@code rpython/rtyper/rint.py} and {@code rfloat.py}: C's division (and
     * {@code int_floordiv}) rounds towards zero, Python's towards minus infinity, and the helper
     * corrects the one by the other; on floats it is CPython's {@code float_floor_div} and
     * {@code float_rem}, built on an {@code fmod} in RPy. Python raises
     * {@code ZeroDivisionError} for a zero divisor, always (PyPy only where the function
     * catches it): unless the divisor is a constant other than 0, the helper called is the one
     * that checks first ({@code ll_int_py_div_zer}). Unsigned division already rounds as
     * Python's does: with a known divisor it is one instruction, inline.
     */
    private static Value division(HighLevelOp hop, HLOp op) {
        Repr r = common(hop);
        Value x = hop.inputarg(r, 0);
        Value y = hop.inputarg(r, 1);
        boolean floordiv = op == HLOp.FLOORDIV;
        String zer = nonZeroConstant(y) ? "" : "_zer";
        if (r == Repr.FLOAT) {
            return hop.gendirectcall(new Helper(RFLOAT, (floordiv ? "ll_float_py_div" : "ll_float_py_mod") + zer), x, y);
        }
        if (r == Repr.UNSIGNED) {
            return zer.isEmpty() ? hop.genop(floordiv ? UINT_FLOORDIV : UINT_MOD, List.of(x, y), Primitive.UNSIGNED)
                    : hop.gendirectcall(new Helper(RINT, floordiv ? "ll_uint_py_div_zer" : "ll_uint_py_mod_zer"), x, y);
        }
        return hop.gendirectcall(new Helper(RINT, (floordiv ? "ll_int_py_div" : "ll_int_py_mod") + zer), x, y);
    }

    /**
     * {@code x ** y} on ints (the annotator proved {@code y} not negative): {@code rint.ll_int_pow},
     * by squaring, wrapping around as a word does. A float power is {@code float_pow},
     * correctly rounded ({@link Transcendental#power}).
     */
    private static Value power(HighLevelOp hop) {
        Repr r = common(hop);
        if (r == Repr.FLOAT) {
            return Transcendental.power(hop);
        }
        String helper = r == Repr.UNSIGNED ? "ll_uint_pow" : "ll_int_pow";
        return hop.gendirectcall(new Helper(RINT, helper), hop.inputarg(r, 0), hop.inputarg(r, 1));
    }

    /**
     * {@code x / y}, a float: {@code float_truediv}, which gives an infinity or a NaN for a zero
     * divisor where Python raises {@code ZeroDivisionError}; so unless the divisor is a constant
     * other than 0, the helper that checks first, with Python's message for two ints
     * ({@code ll_int_py_truediv_zer}: "division by zero") or floats ("float division by zero").
     */
    private static Value trueDivision(HighLevelOp hop) {
        if (common(hop) == Repr.SIGNED) {
            Value y = hop.inputarg(Repr.SIGNED, 1);
            if (!nonZeroConstant(y)) {
                return hop.gendirectcall(new Helper(RINT, "ll_int_py_truediv_zer"), hop.inputarg(Repr.SIGNED, 0), y);
            }
        }
        Value x = hop.inputarg(Repr.FLOAT, 0);
        Value y = hop.inputarg(Repr.FLOAT, 1);
        return nonZeroConstant(y) ? hop.genop(FLOAT_TRUEDIV, List.of(x, y), Primitive.FLOAT)
                : hop.gendirectcall(new Helper(RFLOAT, "ll_float_py_truediv_zer"), x, y);
    }

    /** A divisor known now not to be zero: the division needs no check. */
    private static boolean nonZeroConstant(Value y) {
        return y instanceof Constant c && c.value() instanceof LLConstant k
                && (k.value() instanceof Long l ? l != 0 : k.value() instanceof Double d && d != 0.0);
    }

    private static Value unary(HighLevelOp hop, HLOp op) {
        Primitive p = primitive(hop, 0);
        Repr r = p == Primitive.FLOAT ? Repr.FLOAT : p == Primitive.UNSIGNED ? Repr.UNSIGNED : Repr.SIGNED;
        Value x = hop.inputarg(r, 0);
        if (op == HLOp.POS) {
            return x;
        }
        if (op == HLOp.NEG && r == Repr.UNSIGNED) {   // -x modulo 2**64: PyPy has no uint_neg either
            return hop.genop(UINT_SUB, List.of(LLConstant.of(0L, Primitive.UNSIGNED), x), Primitive.UNSIGNED);
        }
        LLOp ll = switch ((Primitive) r.lowleveltype()) {
            case FLOAT -> op == HLOp.NEG ? FLOAT_NEG : null;
            case UNSIGNED -> op == HLOp.INVERT ? UINT_INVERT : null;
            default -> op == HLOp.NEG ? INT_NEG : INT_INVERT;
        };
        if (ll == null) {
            throw hop.error("'" + op.opname() + "' on " + describe(hop) + " has no low-level translation");
        }
        return hop.genop(ll, List.of(x), r.lowleveltype());
    }

    /** The truth of argument {@code i} as a {@code Bool} (also {@code bool(x)}). */
    static Value truth(RTyper rtyper, HighLevelOp hop, int i) {
        return switch (hop.argReprs.get(i)) {
            case PrimitiveRepr(Primitive p) when p == Primitive.BOOL -> hop.inputarg(Repr.BOOL, i);
            case PrimitiveRepr(Primitive p) when p == Primitive.FLOAT ->
                    hop.genop(FLOAT_IS_TRUE, List.of(hop.inputarg(Repr.FLOAT, i)), Primitive.BOOL);
            case PrimitiveRepr(Primitive p) when p == Primitive.UNSIGNED ->
                    hop.genop(UINT_IS_TRUE, List.of(hop.inputarg(Repr.UNSIGNED, i)), Primitive.BOOL);
            case PrimitiveRepr(Primitive p) when p == Primitive.CHAR -> LLConstant.of(true, Primitive.BOOL);
            case PrimitiveRepr p -> hop.genop(INT_IS_TRUE, List.of(hop.inputarg(Repr.SIGNED, i)), Primitive.BOOL);
            case ConstantRepr(var v) -> LLConstant.of(v != PySingleton.NONE, Primitive.BOOL);
            case Repr.InstanceRepr r -> hop.genop(PTR_NONZERO, List.of(hop.arg(i)), Primitive.BOOL);
            case Repr.ClassRefRepr r -> LLConstant.of(true, Primitive.BOOL);
            case Repr.MethodRepr r -> LLConstant.of(true, Primitive.BOOL);
            case Repr.StrRepr r -> rtyper.sequences.truth(hop, i);
            case Repr.ListRepr r -> rtyper.sequences.truth(hop, i);
            case Repr.TupleRepr r -> rtyper.sequences.truth(hop, i);
            case Repr.IteratorRepr r -> rtyper.sequences.truth(hop, i);
            case Repr.IteratorVariantRepr r -> LLConstant.of(true, Primitive.BOOL);
            case Repr.FunctionPtrRepr r -> LLConstant.of(true, Primitive.BOOL);
            case Repr.BuiltinMethodRepr r -> LLConstant.of(true, Primitive.BOOL);
            case Repr.DictRepr r -> DictRules.truth(hop, i);
            case Repr.ContributedRepr r -> r.annotation().truth(new ContributedOp(hop), i);
            case Repr.RangeRepr r -> throw hop.error("the truth of a range has no low-level translation in this part");
            case Repr.PtrRepr r -> hop.genop(PTR_NONZERO, List.of(hop.arg(i)), Primitive.BOOL);
            case Repr.InteriorPtrRepr r -> LLConstant.of(true, Primitive.BOOL);
        };
    }

    /** {@code x is None}: between values known now, known now; a number is never None. */
    private static Value identity(HighLevelOp hop, HLOp op) {
        Repr a0 = hop.argReprs.get(0);
        Repr a1 = hop.argReprs.get(1);
        boolean is = op == HLOp.IS_;
        // a string or a list may be None: its pointer tells
        if (a0.lowleveltype() instanceof Ptr && a1 instanceof ConstantRepr(var n) && n == PySingleton.NONE) {
            return hop.genop(is ? PTR_ISZERO : PTR_NONZERO, List.of(hop.arg(0)), Primitive.BOOL);
        }
        if (a1.lowleveltype() instanceof Ptr && a0 instanceof ConstantRepr(var n) && n == PySingleton.NONE) {
            return hop.genop(is ? PTR_ISZERO : PTR_NONZERO, List.of(hop.arg(1)), Primitive.BOOL);
        }
        if (a0.lowleveltype() instanceof Ptr p && p.equals(a1.lowleveltype())) {
            return hop.genop(is ? PTR_EQ : PTR_NE, List.of(hop.arg(0), hop.arg(1)), Primitive.BOOL);
        }
        boolean same = hop.argReprs.get(0) instanceof ConstantRepr(var a) && hop.argReprs.get(1) instanceof ConstantRepr(var b)
                && a == b;
        boolean bothConstant = hop.argReprs.stream().allMatch(r -> r instanceof ConstantRepr);
        if (!bothConstant && hop.argReprs.stream().noneMatch(r -> r instanceof ConstantRepr)) {
            throw hop.error("'is' between two " + describe(hop) + " has no low-level translation in this part");
        }
        return LLConstant.of(op == HLOp.IS_ == same, Primitive.BOOL);
    }

    /** A call of a function known now (a direct call), or of a builtin this part knows. */
    private static Value call(RTyper rtyper, HighLevelOp hop) {
        Repr callee = hop.argReprs.getFirst();
        if (JitHints.hint(rtyper, hop) instanceof PyFunction hint) {
            return JitHints.translate(rtyper, hop, hint);
        }
        if (callee instanceof Repr.MethodRepr m) {
            return InstanceRules.callMethod(rtyper, hop, m);
        }
        if (callee instanceof Repr.BuiltinMethodRepr m) {
            return MethodCalls.call(rtyper, hop, m);
        }
        if (callee instanceof Repr.FunctionPtrRepr(Ptr fp)) {
            List<PyFunction> functions = ((SomePBC) rtyper.annotation(hop.spaceop.args().getFirst())).descs().stream()
                    .map(d -> ((Desc.FunctionDesc) d).pyobj()).toList();
            return rtyper.indirectCall(hop, hop.arg(0), (FuncType) fp.to(), functions, null);
        }
        if (!(callee instanceof ConstantRepr(var f))) {
            throw hop.error("calling a " + callee.lowleveltype() + " has no low-level translation in this part");
        }
        if (f instanceof PyFunction fn && Builtins.isRarithmetic(fn, "intmask")) {
            return Builtins.intmask(hop);
        }
        if (f instanceof LLHostFunction fn) {
            return PtrRules.call(hop, fn.function());
        }
        if (f instanceof PyFunction fn) {
            return rtyper.directCall(hop, fn);
        }
        if (rtyper.annotation(hop.spaceop.args().getFirst()) instanceof SomeBuiltin b) {
            return Builtins.call(rtyper, hop, b.name());
        }
        if (SuperCalls.isSuper(f)) {
            return SuperCalls.call(hop);
        }
        if (f instanceof PyType t && t.isBuiltin() && Builtins.TYPES.contains(t.name())) {
            return Builtins.call(rtyper, hop, t.name());   // int(x), float(x), range(n): not instances
        }
        if (f instanceof PyType t && !t.isBuiltin() && t.name().equals("r_uint")) {
            return hop.inputarg(Repr.UNSIGNED, 1);   // the support package's unsigned word: a cast
        }
        if (f instanceof PyType t && t.isBuiltin() && !t.isSubtypeOf((PyType) rtyper.annotator().translator().host()
                .builtin("BaseException"))) {
            throw hop.error(t.name() + "() has no low-level translation in this part (str(), repr() and the "
                    + "containers' constructors come in part 2)");
        }
        if (f instanceof PyType t) {
            return InstanceRules.instantiate(rtyper, hop, t);
        }
        throw hop.error("calling " + f + " has no low-level translation in this part");
    }

    /**
     * The arguments of {@code debug_print} for {@code print(...)}: {@code sep} and {@code end}
     * (constant strings), then the values: numbers and strings as they are, constants as Void text.
     */
    static List<Value> printable(RTyper rtyper, HighLevelOp hop) {
        List<HighLevelOp.CallArg> args = hop.callArgs();
        List<String> keywords = hop.keywords();
        int npos = args.size() - keywords.size();
        List<Value> out = new ArrayList<>(List.of(LLConstant.voidOf(" "), LLConstant.voidOf("\n")));
        for (int k = 0; k < keywords.size(); k++) {
            if (keywords.get(k).equals("flush")) {
                continue;   // the llinterp's output is flushed before every write to fd 1 or 2 (SystemCalls)
            }
            int at = List.of("sep", "end").indexOf(keywords.get(k));
            // a constant, or a variable the annotator knows the value of (a default argument)
            Object text = rtyper.annotation(hop.spaceop.args().get(hop.spaceop.args().size() - keywords.size() + k)).konst();
            if (at < 0 || !(text instanceof PyStr)) {
                throw hop.error("print() takes sep= and end= as constant strings here, not " + keywords.get(k) + "=");
            }
            out.set(at, LLConstant.voidOf(((PyStr) text).value()));
        }
        for (HighLevelOp.CallArg a : args.subList(0, npos)) {
            switch (a.repr()) {
                case PrimitiveRepr p when p == Repr.FLOAT -> out.add(FloatRules.repr(hop, a.value()));   // no libc prints it
                case PrimitiveRepr p -> out.add(a.value());
                case ConstantRepr(var v) when v instanceof PyStr s -> out.add(LLConstant.voidOf(s.value()));
                case ConstantRepr(var v) when v == PySingleton.NONE -> out.add(LLConstant.voidOf("None"));
                case Repr.StrRepr r -> out.add(a.value());
                case Repr.InstanceRepr r -> out.add(InstanceRules.str(rtyper, hop, a.value(), r, false));
                default -> out.add(StrRules.strOf(hop, a.value(), a.repr(), false));
            }
        }
        return out;
    }
}
