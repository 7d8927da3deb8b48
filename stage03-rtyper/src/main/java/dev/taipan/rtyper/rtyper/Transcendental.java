package dev.taipan.rtyper.rtyper;

import dev.taipan.flowgraph.flow.Value;
import dev.taipan.rtyper.rtyper.LowLevelHelpers.Helper;
import java.util.Set;

/**
 * The transcendental functions of {@code math} ({@code exp}, {@code log}, {@code sin},
 * {@code atan2}, {@code pow}, ...) and the float {@code **}: calls of the RPy helpers of
 * {@code rpython/rtyper/rmath_elementary.py}, which compute the correctly rounded result (the
 * double nearest the exact value, settled by Ziv's test over the multi-precision fixed-point
 * numbers of {@code rmath_mp.py}) with CPython's special values and errors.
 *
 * <p>CPython's own results are the C library's, which are not correctly rounded: on this
 * machine (glibc 2.36) they differ from these in the last bit for a fraction of the inputs
 * that depends on the function (measured by {@code TranscendentalTest}), and never by more.
 * The correctly rounded value is the one answer that does not depend on a library or a CPU,
 * which is what a translated program (and, from stage 05 on, a static executable with no libc)
 * can promise.
 *
 * <pre>
 * math.exp(x)        ll_math_exp(x)            math.log(x, b)   ll_math_log_base(x, b)
 * math.atan2(y, x)   ll_math_atan2(y, x)       x ** y (floats)  ll_float_pow(x, y)
 * </pre>
 */
final class Transcendental {
    private Transcendental() { }

    private static final String RMATH_ELEMENTARY = "rpython.rtyper.rmath_elementary";

    private static final Set<String> ONE_ARGUMENT = Set.of("exp", "expm1", "log2", "log10", "log1p", "sin", "cos",
            "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh");

    static boolean handles(String name) {
        return ONE_ARGUMENT.contains(name) || name.equals("log") || name.equals("pow") || name.equals("atan2");
    }

    static Value math(HighLevelOp hop, String name) {
        if (name.equals("log") && hop.nargs() - 1 == 2) {
            return FloatRules.call(hop, RMATH_ELEMENTARY, "ll_math_log_base", 2);
        }
        int arity = name.equals("pow") || name.equals("atan2") ? 2 : 1;
        return FloatRules.call(hop, RMATH_ELEMENTARY, "ll_math_" + name, arity);
    }

    /** {@code x ** y} when either is a float: floatobject.c's {@code float_pow}, special cases and messages included. */
    static Value power(HighLevelOp hop) {
        return hop.gendirectcall(new Helper(RMATH_ELEMENTARY, "ll_float_pow"), hop.inputarg(Repr.FLOAT, 0),
                hop.inputarg(Repr.FLOAT, 1));
    }
}
