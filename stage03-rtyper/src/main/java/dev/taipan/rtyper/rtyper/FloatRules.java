package dev.taipan.rtyper.rtyper;

import static dev.taipan.rtyper.lloperation.LLOp.*;

import dev.taipan.flowgraph.flow.Value;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.rtyper.LowLevelHelpers.Helper;
import java.util.List;

/**
 * What floats need beyond arithmetic: their text, reading them from text, and {@code math}.
 * Each is a helper written in RPy, since a translated program has no C library to print or
 * parse a double with ({@code rpython/rtyper/rdtoa.py}: {@code repr}, {@code float(s)},
 * {@code '%.2f'}; {@code rpython/rtyper/rmath.py}: the {@code math} functions computed
 * exactly). Where one machine instruction does the work ({@code sqrt} is {@code sqrtsd},
 * {@code fabs} an and of the sign bit) the rule emits that operation instead.
 *
 * <pre>
 * str(x), repr(x), '%s' % x   ll_float_repr(x)          float(s)      ll_float_parse(s)
 * '%-8.3f' % x                 ll_percent_float(x, 'f', 3, 8, True, ...)
 * int(x), '%d' % x             ll_float_to_int(x)        math.sqrt(x)  ll_math_sqrt(x) -> float_sqrt
 * </pre>
 */
final class FloatRules {
    private FloatRules() { }

    private static final String RDTOA = "rpython.rtyper.rdtoa";
    private static final String RMATH = "rpython.rtyper.rmath";

    /** {@code repr(x)}, which is also {@code str(x)} in Python 3: the shortest round-trip digits. */
    static Value repr(HighLevelOp hop, Value x) {
        return hop.gendirectcall(new Helper(RDTOA, "ll_float_repr"), x);
    }

    /** {@code float(s)}: Python's syntax, the nearest double, {@code ValueError} otherwise. */
    static Value parse(HighLevelOp hop, Value s) {
        return hop.gendirectcall(new Helper(RDTOA, "ll_float_parse"), s);
    }

    /** {@code int(x)}: towards zero, with CPython's errors for an infinity and a NaN. */
    static Value toInt(HighLevelOp hop, Value x) {
        return hop.gendirectcall(new Helper(RMATH, "ll_float_to_int"), x);
    }

    /**
     * {@code round(x)} and {@code round(x, n)}, Python 3's: of a float, an int ties to even
     * ({@code ll_round}), or the float nearest the decimal rounded ties to even at {@code n}
     * places, {@code round(2.675, 2)} is {@code 2.67} since the double is below 2.675
     * ({@code ll_round_digits}, CPython's {@code double_round} on {@code rdtoa.py}'s exact digits);
     * of an int, the int itself, or the nearest multiple of {@code 10**-n} ({@code ll_int_round}).
     */
    static Value round(HighLevelOp hop) {
        Repr r = hop.argReprs.get(1);
        boolean digits = hop.nargs() == 3;
        if (r == Repr.FLOAT) {
            return digits ? hop.gendirectcall(new Helper(RDTOA, "ll_round_digits"), hop.inputarg(Repr.FLOAT, 1),
                    hop.inputarg(Repr.SIGNED, 2)) : hop.gendirectcall(new Helper(RMATH, "ll_round"), hop.inputarg(Repr.FLOAT, 1));
        }
        if (r == Repr.SIGNED || r == Repr.BOOL) {
            return digits ? hop.gendirectcall(new Helper(RMATH, "ll_int_round"), hop.inputarg(Repr.SIGNED, 1),
                    hop.inputarg(Repr.SIGNED, 2)) : hop.inputarg(Repr.SIGNED, 1);
        }
        throw hop.error("round() of " + r.lowleveltype() + " has no low-level translation in this part (it takes floats and ints)");
    }

    /** One {@code %e %E %f %F %g %G} of a constant format, flags, width and precision included. */
    static Value percent(HighLevelOp hop, char type, String flags, int width, int precision, Value x) {
        char code = Character.toLowerCase(type);
        return hop.gendirectcall(new Helper(RDTOA, "ll_percent_float"), x, LLConstant.of(code, Primitive.CHAR),
                LLConstant.signed(precision), LLConstant.signed(width), flag(flags, '-'), flag(flags, '0'),
                flag(flags, '+'), flag(flags, ' '), flag(flags, '#'), LLConstant.of(Character.isUpperCase(type), Primitive.BOOL));
    }

    private static Value flag(String flags, char f) {
        return LLConstant.of(flags.indexOf(f) >= 0, Primitive.BOOL);
    }

    /**
     * {@code math.NAME(...)}: the exact ones ({@code rmath.py}: one instruction, or an exact
     * algorithm, or CPython's own, as {@code hypot}), and the transcendental ones, correctly
     * rounded ({@link Transcendental}).
     */
    static Value math(HighLevelOp hop, String name) {
        int n = hop.nargs() - 1;
        boolean integral = n == 1 && (hop.argReprs.get(1) == Repr.SIGNED || hop.argReprs.get(1) == Repr.BOOL);
        if (Transcendental.handles(name)) {
            return Transcendental.math(hop, name);
        }
        return switch (name) {
            case "floor", "ceil", "trunc" -> integral ? hop.inputarg(Repr.SIGNED, 1)   // an int is its own floor
                    : call(hop, "ll_math_" + name, 1);
            case "fabs" -> hop.genop(FLOAT_ABS, List.of(hop.inputarg(Repr.FLOAT, 1)), Primitive.FLOAT);
            case "sqrt", "isnan", "isinf", "isfinite", "degrees", "radians" -> call(hop, "ll_math_" + name, 1);
            case "copysign", "fmod", "hypot" -> call(hop, "ll_math_" + name, 2);
            case "factorial" -> onInts(hop, name, 1);
            case "gcd" -> onInts(hop, name, 2);
            default -> throw hop.error("math." + name + "() has no low-level translation");
        };
    }

    /** {@code math.factorial(n)}, {@code math.gcd(a, b)}: ints only, as in Python 3.10 on (a float is a TypeError there). */
    private static Value onInts(HighLevelOp hop, String name, int arity) {
        if (hop.nargs() - 1 != arity) {
            throw hop.error("math." + name + "() is translated with " + arity + " argument" + (arity == 1 ? "" : "s")
                    + ", not " + (hop.nargs() - 1));
        }
        Value[] args = new Value[arity];
        for (int i = 0; i < arity; i++) {
            Repr r = hop.argReprs.get(i + 1);
            if (r != Repr.SIGNED && r != Repr.BOOL) {
                throw hop.error("math." + name + "() takes ints (CPython raises TypeError: 'float' object cannot be "
                        + "interpreted as an integer)");
            }
            args[i] = hop.inputarg(Repr.SIGNED, i + 1);
        }
        return hop.gendirectcall(new Helper(RMATH, "ll_math_" + name), args);
    }

    static Value call(HighLevelOp hop, String helper, int arity) {
        return call(hop, RMATH, helper, arity);
    }

    static Value call(HighLevelOp hop, String module, String helper, int arity) {
        if (hop.nargs() - 1 != arity) {
            throw hop.error("math." + helper.substring("ll_math_".length()) + "() takes " + arity + " argument"
                    + (arity == 1 ? "" : "s") + ", not " + (hop.nargs() - 1));
        }
        Value[] args = new Value[arity];
        for (int i = 0; i < arity; i++) {
            args[i] = hop.inputarg(Repr.FLOAT, i + 1);
        }
        return hop.gendirectcall(new Helper(module, helper), args);
    }
}
