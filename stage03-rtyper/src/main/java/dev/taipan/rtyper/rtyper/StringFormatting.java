package dev.taipan.rtyper.rtyper;

import static dev.taipan.rtyper.lloperation.LLOp.*;

import dev.taipan.annotator.SomeValue.SomeTuple;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.host.PySingleton;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.flowgraph.operation.HLOp;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.lltype.GcArray;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Strings;
import dev.taipan.rtyper.rtyper.LowLevelHelpers.Helper;
import dev.taipan.rtyper.rtyper.Repr.ConstantRepr;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code fmt % args} with a constant format (RPy's rule, and PyPy's {@code do_stringformat}):
 * the format is read now, at translation time, into text and specifiers; each value becomes a
 * string by its specifier ({@code %d} by {@code rstr.ll_int2dec}, {@code %x} by
 * {@code rformat.ll_int2base}, a width by {@code rformat.ll_pad}), and the pieces are joined in
 * one allocation ({@code rstr.ll_join}). So a format costs nothing to parse at run time.
 *
 * <p>Specifiers: {@code %d %i %s %r %x %X %o %c %%}, the flags {@code - 0 + #}, a width, and a
 * precision for {@code %s}/{@code %r}; {@code %f %e %g} (and upper case) by {@link FloatRules},
 * flags and width included. A format known only at run time, which RPython refuses, is read at
 * run time by {@link RuntimeFormatting}.
 */
final class StringFormatting {
    private StringFormatting() { }

    private static final String RFORMAT = "rpython.rtyper.rformat";
    private static final String RSTR = "rpython.rtyper.rstr";
    private static final Ptr PIECES = new Ptr(new GcArray(Strings.PTR));

    /** One specifier of the format: {@code %-05.2d} is flags "-0", width 5, precision 2, type 'd'. */
    private record Spec(String flags, int width, int precision, char type) { }

    /** Whether this is {@code str % args}, not a number's modulo. */
    static boolean applies(HighLevelOp hop) {
        return hop.spaceop.op() == HLOp.MOD
                && (hop.argReprs.getFirst() == Repr.STR || hop.argReprs.getFirst() == Repr.CHAR
                || hop.argReprs.getFirst() instanceof ConstantRepr(PyStr s));
    }

    static Value format(RTyper rtyper, HighLevelOp hop) {
        List<HighLevelOp.CallArg> values = values(rtyper, hop);
        if (!(rtyper.annotation(hop.spaceop.args().getFirst()).konst() instanceof PyStr fmt)) {
            return rtyper.runtimeFormats.format(hop, values);   // read while the program runs
        }
        List<Value> pieces = new ArrayList<>();
        String text = fmt.value();
        StringBuilder literal = new StringBuilder();
        int next = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                literal.append(c);
                continue;
            }
            int start = i;
            i++;
            StringBuilder flags = new StringBuilder();
            while (i < text.length() && "-0+ #".indexOf(text.charAt(i)) >= 0) {
                flags.append(text.charAt(i++));
            }
            int width = number(text, i);
            i += digits(text, i);
            int precision = -1;
            if (i < text.length() && text.charAt(i) == '.') {
                i++;
                precision = number(text, i);
                i += digits(text, i);
            }
            if (i >= text.length()) {
                throw hop.error("the format ends inside the specifier '" + text.substring(start) + "'");
            }
            Spec spec = new Spec(flags.toString(), width, precision, text.charAt(i));
            if (spec.type() == '%') {
                literal.append('%');
                continue;
            }
            if (next >= values.size()) {
                throw hop.error("not enough arguments for the format '" + fmt.value() + "'");
            }
            if (!literal.isEmpty()) {
                pieces.add(constant(rtyper, literal.toString()));
                literal.setLength(0);
            }
            pieces.add(piece(rtyper, hop, spec, values.get(next++)));
        }
        if (next < values.size()) {
            throw hop.error("not all arguments converted during string formatting of '" + fmt.value() + "'");
        }
        if (!literal.isEmpty() || pieces.isEmpty()) {
            pieces.add(constant(rtyper, literal.toString()));
        }
        if (pieces.size() == 1) {
            return pieces.getFirst();
        }
        Value array = hop.genop(MALLOC_VARSIZE, List.of(LLConstant.voidOf(PIECES.to()), LLConstant.signed(pieces.size())),
                PIECES);
        for (int k = 0; k < pieces.size(); k++) {
            hop.genop(SETARRAYITEM, List.of(array, LLConstant.signed(k), pieces.get(k)), Primitive.VOID);
        }
        return hop.gendirectcall(new Helper(RSTR, "ll_join"), constant(rtyper, ""), array, LLConstant.signed(pieces.size()));
    }

    /** The values the format takes: a tuple's items, or the one value. */
    private static List<HighLevelOp.CallArg> values(RTyper rtyper, HighLevelOp hop) {
        List<HighLevelOp.CallArg> out = new ArrayList<>();
        if (rtyper.annotation(hop.spaceop.args().get(1)) instanceof SomeTuple && hop.argReprs.get(1) instanceof Repr.TupleRepr t) {
            Value tuple = hop.arg(1);
            for (int k = 0; k < t.items().size(); k++) {
                Repr r = t.items().get(k);
                out.add(new HighLevelOp.CallArg(hop.genop(GETFIELD, List.of(tuple, LLConstant.voidOf("item" + k)),
                        r.lowleveltype()), r));
            }
        } else {
            out.add(new HighLevelOp.CallArg(hop.arg(1), hop.argReprs.get(1)));
        }
        return out;
    }

    /** One value as the string its specifier makes of it. */
    private static Value piece(RTyper rtyper, HighLevelOp hop, Spec spec, HighLevelOp.CallArg a) {
        if ("fFeEgG".indexOf(spec.type()) >= 0) {   // flags, width and all: the float's own helper
            return FloatRules.percent(hop, spec.type(), spec.flags(), spec.width(), spec.precision(),
                    hop.convert(a.value(), a.repr(), Repr.FLOAT));
        }
        boolean unsigned = a.repr() == Repr.UNSIGNED && "dixXo".indexOf(spec.type()) >= 0;
        Value s = unsigned ? unsigned(hop, spec, a) : switch (spec.type()) {
            case 'd', 'i' -> {
                Value n = integer(hop, spec, a);
                yield hop.gendirectcall(new Helper(RSTR, "ll_int2dec"), n);
            }
            case 'x', 'X', 'o' -> hop.gendirectcall(new Helper(RFORMAT, "ll_int2base"), integer(hop, spec, a),
                    LLConstant.signed(spec.type() == 'o' ? 8 : 16), LLConstant.of(spec.type() == 'X', Primitive.BOOL),
                    LLConstant.of(spec.flags().contains("#"), Primitive.BOOL));
            case 'c' -> a.repr() == Repr.SIGNED
                    ? hop.convert(hop.genop(CAST_INT_TO_CHAR, List.of(a.value()), Primitive.CHAR), Repr.CHAR, Repr.STR)
                    : hop.convert(a.value(), a.repr(), Repr.STR);
            case 's' -> StrRules.strOf(hop, a.value(), a.repr(), false);
            case 'r' -> StrRules.strOf(hop, a.value(), a.repr(), true);
            default -> throw hop.error("unsupported format character '" + spec.type() + "'");
        };
        char sign = spec.flags().contains("+") ? '+' : spec.flags().contains(" ") ? ' ' : 0;
        if (sign != 0 && "dixXo".indexOf(spec.type()) >= 0) {
            s = hop.gendirectcall(new Helper(RFORMAT, "ll_sign"), s, LLConstant.of(sign, Primitive.CHAR));
        }
        if (spec.precision() >= 0 && (spec.type() == 's' || spec.type() == 'r')) {
            s = hop.gendirectcall(new Helper(RFORMAT, "ll_truncate"), s, LLConstant.signed(spec.precision()));
        }
        if (spec.width() > 0) {
            boolean numeric = "dixXo".indexOf(spec.type()) >= 0;
            s = hop.gendirectcall(new Helper(RFORMAT, "ll_pad"), s, LLConstant.signed(spec.width()),
                    LLConstant.of(spec.flags().contains("-"), Primitive.BOOL),
                    LLConstant.of(numeric && spec.flags().contains("0") && !spec.flags().contains("-"), Primitive.BOOL));
        }
        return s;
    }

    /** An r_uint prints as the unsigned word it is, as CPython prints it (an int that is never negative). */
    private static Value unsigned(HighLevelOp hop, Spec spec, HighLevelOp.CallArg a) {
        int base = switch (spec.type()) {
            case 'o' -> 8;
            case 'x', 'X' -> 16;
            default -> 10;
        };
        return hop.gendirectcall(new Helper(RFORMAT, "ll_uint2base"), a.value(), LLConstant.signed(base),
                LLConstant.of(spec.type() == 'X', Primitive.BOOL), LLConstant.of(spec.flags().contains("#"), Primitive.BOOL));
    }

    private static Value integer(HighLevelOp hop, Spec spec, HighLevelOp.CallArg a) {
        if (a.repr() == Repr.FLOAT && spec.type() != 'x' && spec.type() != 'X' && spec.type() != 'o') {
            return FloatRules.toInt(hop, a.value());   // '%d' % 2.7 is '2', as int() truncates
        }
        if (!(a.repr() == Repr.SIGNED || a.repr() == Repr.BOOL || a.repr() instanceof ConstantRepr(var k)
                && !(k instanceof PyStr) && k != PySingleton.NONE)) {
            throw hop.error("'%" + spec.type() + "' formats an int, not a " + a.repr().lowleveltype()
                    + (a.repr() == Repr.FLOAT ? " (Python's '%" + spec.type() + "' takes no float)" : ""));
        }
        return hop.convert(a.value(), a.repr(), Repr.SIGNED);
    }

    private static Value constant(RTyper rtyper, String text) {
        return LLConstant.of(rtyper.strings.of(text), Strings.PTR);
    }

    private static int number(String text, int at) {
        int n = digits(text, at);
        return n == 0 ? 0 : Integer.parseInt(text.substring(at, at + n));
    }

    private static int digits(String text, int at) {
        int i = at;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        return i - at;
    }
}
