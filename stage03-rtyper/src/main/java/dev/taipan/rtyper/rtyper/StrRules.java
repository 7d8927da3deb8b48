package dev.taipan.rtyper.rtyper;

import static dev.taipan.rtyper.lloperation.LLOp.*;

import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.host.PySingleton;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.flowgraph.operation.HLOp;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Strings;
import dev.taipan.rtyper.rtyper.LowLevelHelpers.Helper;
import dev.taipan.rtyper.rtyper.Repr.ConstantRepr;
import dev.taipan.rtyper.rtyper.Repr.ListRepr;
import dev.taipan.rtyper.rtyper.Repr.StrRepr;
import java.util.ArrayList;
import java.util.List;

/**
 * The operations on strs (PyPy's {@code rstr.py}, its {@code AbstractStringRepr}): almost each
 * is a {@code direct_call} of a helper written in RPy, in {@code rpython/rtyper/rstr.py}, over
 * the string's struct ({@code s.chars[i]} there is an interior read). A char where a str is
 * wanted becomes a str of one char first ({@code 'a' + s}); a constant str is a prebuilt one.
 *
 * <pre>
 * s + t        ll_strconcat(s, t)            s == t      ll_streq(s, t) (None-aware)
 * s * n        ll_strmul(s, n)               s &lt; t       int_lt(ll_strcmp(s, t), 0)
 * t in s       ll_contains(s, t)             c in s      ll_contains_char(s, c)
 * s[a:b]       ll_slice(s, a, b)             s.find(t)   ll_find(s, t, 0, MAX)
 * s[a:b:k]     ll_slice_step(s, a, b, k, has_a, has_b)
 * str(n)       ll_int2dec(n)                 int(s)      ll_int_parse(s)
 * </pre>
 */
final class StrRules {
    private StrRules() { }

    static final String RSTR = "rpython.rtyper.rstr";
    /** The end of a slice or a search not given: clamped to the string's length by the helper. */
    private static final Value NO_END = LLConstant.signed(Long.MAX_VALUE);

    private static Helper helper(String name) {
        return new Helper(RSTR, name);
    }

    private static boolean isStr(Repr r) {
        return r instanceof StrRepr || r instanceof ConstantRepr(PyStr s);
    }

    private static boolean isStrOrChar(Repr r) {
        return isStr(r) || r == Repr.CHAR;
    }

    /** Whether this operation is one of a str's (this class's rules apply). */
    static boolean handles(HighLevelOp hop) {
        HLOp op = (HLOp) hop.spaceop.op();
        List<Repr> a = hop.argReprs;
        return switch (op) {
            case ADD, INPLACE_ADD -> hop.resultRepr instanceof StrRepr && isStrOrChar(a.get(0)) && isStrOrChar(a.get(1));
            case MUL, INPLACE_MUL -> hop.resultRepr instanceof StrRepr;
            // 'x-y-z' == c, known now against a char: as strs (a one-char constant is a char's)
            case EQ, NE, LT, LE, GT, GE -> (a.get(0) instanceof StrRepr || a.get(1) instanceof StrRepr
                    || notOneChar(a.get(0)) || notOneChar(a.get(1))) && isStrOrChar(a.get(0)) && isStrOrChar(a.get(1));
            case CONTAINS -> isStrOrChar(a.get(0));   // c in "aeiou": a constant str too
            case GETITEM -> isStrOrChar(a.get(0)) && hop.resultRepr instanceof StrRepr
                    && hop.spaceop.args().get(1) instanceof dev.taipan.flowgraph.flow.Variable;
            default -> false;
        };
    }

    private static boolean notOneChar(Repr r) {
        return r instanceof Repr.ConstantRepr(dev.taipan.flowgraph.host.PyStr s) && s.value().length() != 1;
    }

    static Value translate(RTyper rtyper, HighLevelOp hop) {
        HLOp op = (HLOp) hop.spaceop.op();
        return switch (op) {
            case ADD, INPLACE_ADD -> hop.gendirectcall(helper("ll_strconcat"), hop.inputarg(Repr.STR, 0), hop.inputarg(Repr.STR, 1));
            case MUL, INPLACE_MUL -> {
                int s = isStrOrChar(hop.argReprs.get(0)) ? 0 : 1;
                yield hop.gendirectcall(helper("ll_strmul"), hop.inputarg(Repr.STR, s), hop.inputarg(Repr.SIGNED, 1 - s));
            }
            case EQ, NE -> {
                Value eq = hop.gendirectcall(helper("ll_streq"), hop.inputarg(Repr.STR, 0), hop.inputarg(Repr.STR, 1));
                yield op == HLOp.EQ ? eq : hop.genop(BOOL_NOT, List.of(eq), Primitive.BOOL);
            }
            case LT, LE, GT, GE -> {
                Value c = hop.gendirectcall(helper("ll_strcmp"), hop.inputarg(Repr.STR, 0), hop.inputarg(Repr.STR, 1));
                yield hop.genop(switch (op) {
                    case LT -> INT_LT;
                    case LE -> INT_LE;
                    case GT -> INT_GT;
                    default -> INT_GE;
                }, List.of(c, LLConstant.signed(0)), Primitive.BOOL);
            }
            case CONTAINS -> hop.argReprs.get(1) == Repr.CHAR
                    ? hop.gendirectcall(helper("ll_contains_char"), hop.inputarg(Repr.STR, 0), hop.inputarg(Repr.CHAR, 1))
                    : hop.gendirectcall(helper("ll_contains"), hop.inputarg(Repr.STR, 0), hop.inputarg(Repr.STR, 1));
            case GETITEM -> slice(hop);
            default -> throw hop.error("'" + op.opname() + "' on a str has no low-level translation in this part");
        };
    }

    /** {@code s[a:b]}, {@code s[a:]}, {@code s[:b]}: the bounds of the {@code newslice} that made the index. */
    private static Value slice(HighLevelOp hop) {
        SpaceOperation ns = hop.definition(hop.spaceop.args().get(1));
        if (ns == null || ns.op() != HLOp.NEWSLICE) {
            throw hop.error("a str is sliced by s[a:b] written in place, in this part");
        }
        Value start = ns.args().get(0);
        Value stop = ns.args().get(1);
        Value step = ns.args().get(2);
        Value s = hop.inputarg(Repr.STR, 0);
        Value a = isNone(start) ? LLConstant.signed(0) : hop.valueOf(start, Repr.SIGNED);
        Value b = isNone(stop) ? NO_END : hop.valueOf(stop, Repr.SIGNED);
        if (isNone(step)) {
            return hop.gendirectcall(helper("ll_slice"), s, a, b);
        }
        return hop.gendirectcall(helper("ll_slice_step"), s, a, b, hop.valueOf(step, Repr.SIGNED),
                LLConstant.of(!isNone(start), Primitive.BOOL), LLConstant.of(!isNone(stop), Primitive.BOOL));
    }

    private static boolean isNone(Value v) {
        return v instanceof Constant c && c.value() == PySingleton.NONE;
    }

    /** {@code s.method(args)}: the object is argument 0, of repr {@code m.self()}. */
    static Value method(RTyper rtyper, HighLevelOp hop, Repr.BuiltinMethodRepr m) {
        String name = m.name().substring(m.name().indexOf('.') + 1);
        if (hop.spaceop.op() == HLOp.CALL_ARGS) {
            throw hop.error("str." + name + "() with keywords has no low-level translation in this part");
        }
        Value self = hop.convert(hop.arg(0), m.self(), Repr.STR);
        int n = hop.nargs() - 1;   // arguments after the object
        return switch (name) {
            case "find", "rfind", "index", "count", "startswith", "endswith" -> {
                Value start = n >= 2 ? hop.inputarg(Repr.SIGNED, 2) : LLConstant.signed(0);
                Value end = n >= 3 ? hop.inputarg(Repr.SIGNED, 3) : NO_END;
                yield hop.gendirectcall(helper("ll_" + name), self, hop.inputarg(Repr.STR, 1), start, end);
            }
            case "strip", "lstrip", "rstrip" -> {
                boolean whitespace = n == 0 || hop.argReprs.get(1) instanceof ConstantRepr(var v) && v == PySingleton.NONE;
                Value chars = whitespace ? LLConstant.nullOf(Strings.PTR) : hop.inputarg(Repr.STR, 1);
                yield hop.gendirectcall(helper("ll_strip"), self, chars, LLConstant.of(whitespace, Primitive.BOOL),
                        LLConstant.of(!name.equals("rstrip"), Primitive.BOOL), LLConstant.of(!name.equals("lstrip"), Primitive.BOOL));
            }
            case "upper", "lower", "isdigit", "isalpha", "isspace", "isalnum", "isupper", "islower" ->
                    hop.gendirectcall(helper("ll_" + name), self);
            case "ljust", "rjust" -> hop.gendirectcall(helper("ll_just"), self, hop.inputarg(Repr.SIGNED, 1),
                    n >= 2 ? hop.inputarg(Repr.CHAR, 2) : LLConstant.of(' ', Primitive.CHAR),
                    LLConstant.of(name.equals("ljust"), Primitive.BOOL));
            case "replace" -> hop.gendirectcall(helper("ll_replace"), self, hop.inputarg(Repr.STR, 1), hop.inputarg(Repr.STR, 2),
                    n >= 3 ? hop.inputarg(Repr.SIGNED, 3) : LLConstant.signed(-1));
            case "join" -> join(hop, self);
            case "split" -> split(hop, self, n);
            default -> throw hop.error("str." + name + "() has no low-level translation in this part");
        };
    }

    private static Value join(HighLevelOp hop, Value sep) {
        if (!(hop.argReprs.get(1) instanceof ListRepr l) || !(l.item() instanceof StrRepr || l.item() == Repr.CHAR)) {
            throw hop.error("str.join() takes a list of strs or chars in this part, not " + hop.argReprs.get(1).lowleveltype());
        }
        Value list = hop.arg(1);
        Value items = list;
        Value n;
        if (l.resizable()) {
            GcStruct s = (GcStruct) l.lowleveltype().to();
            items = hop.genop(GETFIELD, List.of(list, LLConstant.voidOf("items")), s.field("items").type());
            n = hop.genop(GETFIELD, List.of(list, LLConstant.voidOf("length")), Primitive.SIGNED);
        } else {
            n = hop.genop(GETARRAYSIZE, List.of(list), Primitive.SIGNED);
        }
        return hop.gendirectcall(helper(l.item() == Repr.CHAR ? "ll_join_chars" : "ll_join"), sep, items, n);
    }

    /** {@code s.split([sep[, maxsplit]])}: a maxsplit below 0 (or none) is no limit. */
    private static Value split(HighLevelOp hop, Value s, int n) {
        boolean whitespace = n == 0 || hop.argReprs.get(1) instanceof ConstantRepr(var v) && v == PySingleton.NONE;
        Value sep = whitespace ? LLConstant.nullOf(Strings.PTR) : hop.inputarg(Repr.STR, 1);
        Value ws = LLConstant.of(whitespace, Primitive.BOOL);
        Value maxsplit = n >= 2 ? hop.inputarg(Repr.SIGNED, 2) : LLConstant.signed(-1);
        ListRepr l = (ListRepr) hop.resultRepr;
        if (l.resizable()) {
            GcStruct list = (GcStruct) l.lowleveltype().to();
            Ptr items = (Ptr) list.field("items").type();
            return hop.gendirectcall(helper("ll_split_list"), LLConstant.voidOf(list), LLConstant.voidOf(items.to()), s, sep, ws,
                    maxsplit);
        }
        return hop.gendirectcall(helper("ll_split_pieces"), LLConstant.voidOf(l.lowleveltype().to()), s, sep, ws, maxsplit);
    }

    /** Whether {@code name(...)} is a builtin this class translates: str(), repr(), chr(), ord(), int() of a str. */
    static boolean handlesBuiltin(HighLevelOp hop, String name) {
        return switch (name) {
            case "str", "repr", "chr", "ord" -> true;
            case "int" -> hop.nargs() == 2 && isStrOrChar(hop.argReprs.get(1));
            default -> false;
        };
    }

    static Value builtin(RTyper rtyper, HighLevelOp hop, String name) {
        Repr r = hop.argReprs.get(1);
        return switch (name) {
            case "chr" -> hop.genop(CAST_INT_TO_CHAR, List.of(hop.inputarg(Repr.SIGNED, 1)), Primitive.CHAR);
            case "ord" -> hop.genop(CAST_CHAR_TO_INT, List.of(hop.inputarg(Repr.CHAR, 1)), Primitive.SIGNED);
            case "int" -> hop.gendirectcall(helper("ll_int_parse"), hop.inputarg(Repr.STR, 1));
            case "repr" -> strOf(hop, hop.arg(1), r, true);
            default -> str(hop, r);
        };
    }

    private static Value str(HighLevelOp hop, Repr r) {
        return strOf(hop, hop.arg(1), r, false);
    }

    /** A prebuilt str constant. */
    private static Value constant(HighLevelOp hop, String text) {
        return hop.convert(LLConstant.of(PyStr.of(text), Primitive.VOID), new ConstantRepr(PyStr.of(text)), Repr.STR);
    }

    /**
     * {@code str(v)} (or {@code repr(v)}) of a value of repr {@code r}: a constant as its text, a
     * str or char as it is (its repr quoted), an int in decimal, a bool as 'True' or 'False', a
     * list of ints or strs, an instance by its {@code __str__}. Also {@code %s} and {@code %r}
     * ({@link StringFormatting}). No branch in the graph: a format calls this between pieces
     * it has computed already, which a branch would leave behind.
     */
    static Value strOf(HighLevelOp hop, Value v, Repr r, boolean repr) {
        if (r instanceof ConstantRepr(var k) && k instanceof PyObject o && !(k instanceof PyStr && repr)) {
            // a constant's text is the host's: str() and repr() of (), of None, of a prebuilt tuple
            return constant(hop, o instanceof PyStr str ? str.value()
                    : repr ? dev.taipan.flowgraph.host.HostSpace.repr(o) : dev.taipan.flowgraph.host.HostSpace.str(o));
        }
        if (isStrOrChar(r)) {
            Value s = hop.convert(v, r, Repr.STR);
            return repr ? hop.gendirectcall(helper("ll_repr"), s) : s;
        }
        if (r == Repr.BOOL) {
            return hop.gendirectcall(new Helper("rpython.rtyper.rformat", "ll_bool2str"), v);
        }
        if (r == Repr.SIGNED) {
            return hop.gendirectcall(helper("ll_int2dec"), v);
        }
        if (r == Repr.FLOAT) {
            return FloatRules.repr(hop, v);
        }
        if (r == Repr.UNSIGNED) {
            return hop.gendirectcall(new Helper("rpython.rtyper.rformat", "ll_uint2dec"), v);
        }
        if (ContainerText.isContainer(r)) {
            return ContainerText.repr(hop, v, r);
        }
        if (r instanceof Repr.InstanceRepr i) {
            return InstanceRules.str(hop.rtyper(), hop, v, i, repr);
        }
        throw hop.error("str() of a " + r.lowleveltype() + " has no low-level translation in this part");
    }
}
