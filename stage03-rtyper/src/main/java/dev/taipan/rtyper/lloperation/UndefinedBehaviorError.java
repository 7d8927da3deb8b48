package dev.taipan.rtyper.lloperation;

/**
 * The operands of an operation are outside its domain, where C says "undefined behaviour" and
 * x86 traps or returns garbage: a zero divisor, a shift count outside 0..63, a char code outside
 * 0..255. The rtyper never emits such an operation unchecked (the RPy helpers test the divisor
 * and the shift count first), so reaching this is a bug in a low-level program, reported with
 * the operation and its operands instead of computing something arbitrary.
 */
public final class UndefinedBehaviorError extends RuntimeException {

    UndefinedBehaviorError(String message) {
        super(message);
    }
}
