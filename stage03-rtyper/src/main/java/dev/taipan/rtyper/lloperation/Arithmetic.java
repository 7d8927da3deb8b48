package dev.taipan.rtyper.lloperation;

/**
 * The operations whose meaning is more than one Java operator: where C and x86 leave a choice,
 * this class makes it, once, and says why. Everything else in {@link LLOp} is a Java operator
 * on {@code long} (two's complement, wrapping, which is what x86 does and what C does with
 * {@code -fwrapv}) or on {@code double} (IEEE 754, as SSE2 does).
 *
 * <ul>
 *   <li><b>Division</b> truncates toward zero and the remainder has the dividend's sign (C99,
 *       and x86's {@code idiv}); Python's floor division and modulo are RPy helpers on top.
 *       A zero divisor is undefined (x86 traps), so the helpers check it first and here it is an
 *       {@link UndefinedBehaviorError}. {@code MIN // -1} does not fit: {@code int_floordiv}
 *       wraps to {@code MIN} (and {@code MIN % -1} is 0), as Java does; the x86 backend must
 *       special-case it, since {@code idiv} traps there. {@code int_floordiv_ovf} raises.
 *   <li><b>Shifts</b> need a count in 0..63, as PyPy's {@code int_lshift} documents (C leaves
 *       other counts undefined; x86 silently uses the count mod 64). Outside it,
 *       {@link UndefinedBehaviorError}: Python's {@code x << 100} is for the helper to handle.
 *       {@code int_rshift} is arithmetic, {@code uint_rshift} logical.
 *   <li><b>Float to int</b> truncates toward zero; NaN and values outside the word give
 *       {@code MIN}, which is what x86's {@code cvttsd2si} returns (the "integer indefinite"),
 *       so the llinterp and the x86 backend agree without a check. Python's {@code int(nan)}
 *       raising {@code ValueError} is the helper's job.
 *   <li><b>Char</b> is a byte 0..255: {@code cast_int_to_char} of anything else is undefined
 *       (the rtyper checks {@code chr(i)}'s argument first).
 * </ul>
 */
final class Arithmetic {

    private Arithmetic() {
    }

    static long addOvf(long x, long y) {
        try {
            return Math.addExact(x, y);
        } catch (ArithmeticException e) {
            throw new LowLevelOverflow("int_add_ovf");
        }
    }

    static long subOvf(long x, long y) {
        try {
            return Math.subtractExact(x, y);
        } catch (ArithmeticException e) {
            throw new LowLevelOverflow("int_sub_ovf");
        }
    }

    static long mulOvf(long x, long y) {
        try {
            return Math.multiplyExact(x, y);
        } catch (ArithmeticException e) {
            throw new LowLevelOverflow("int_mul_ovf");
        }
    }

    static long negOvf(long x) {
        if (x == Long.MIN_VALUE) {
            throw new LowLevelOverflow("int_neg_ovf");
        }
        return -x;
    }

    static long floordiv(long x, long y) {
        checkDivisor("int_floordiv", x, y);
        return x / y;
    }

    static long floordivOvf(long x, long y) {
        checkDivisor("int_floordiv_ovf", x, y);
        if (x == Long.MIN_VALUE && y == -1) {
            throw new LowLevelOverflow("int_floordiv_ovf");
        }
        return x / y;
    }

    static long mod(long x, long y) {
        checkDivisor("int_mod", x, y);
        return x % y;
    }

    static long uintFloordiv(long x, long y) {
        checkDivisor("uint_floordiv", x, y);
        return Long.divideUnsigned(x, y);
    }

    static long uintMod(long x, long y) {
        checkDivisor("uint_mod", x, y);
        return Long.remainderUnsigned(x, y);
    }

    static long lshift(long x, long n) {
        checkShift("int_lshift", x, n);
        return x << n;
    }

    static long lshiftOvf(long x, long n) {
        checkShift("int_lshift_ovf", x, n);
        long result = x << n;
        if (result >> n != x) {
            throw new LowLevelOverflow("int_lshift_ovf");
        }
        return result;
    }

    static long rshift(long x, long n) {
        checkShift("int_rshift", x, n);
        return x >> n;
    }

    static long uintLshift(long x, long n) {
        checkShift("uint_lshift", x, n);
        return x << n;
    }

    static long uintRshift(long x, long n) {
        checkShift("uint_rshift", x, n);
        return x >>> n;
    }

    static long castFloatToInt(double d) {
        if (!(d >= -0x1p63 && d < 0x1p63)) {
            return Long.MIN_VALUE;
        }
        return (long) d;
    }

    static long castIntToChar(long x) {
        if (x < 0 || x > 0xFF) {
            throw new UndefinedBehaviorError("cast_int_to_char(" + x + "): a Char is a byte 0..255");
        }
        return x;
    }

    private static void checkDivisor(String opname, long x, long y) {
        if (y == 0) {
            throw new UndefinedBehaviorError(opname + "(" + x + ", 0): division by zero is undefined at the low level"
                    + " (the RPy helper checks the divisor first)");
        }
    }

    private static void checkShift(String opname, long x, long n) {
        if (n < 0 || n > 63) {
            throw new UndefinedBehaviorError(opname + "(" + x + ", " + n + "): the shift count must be in 0..63"
                    + " (the RPy helper handles larger and negative counts)");
        }
    }
}
