package dev.taipan.rtyper.lloperation;

/**
 * An {@code _ovf} operation's result does not fit in a machine word: at the RPy level this is
 * the {@code OverflowError} that {@code ovfcheck} promises. The llinterp turns it into that
 * exception; the constant folder, seeing it, leaves the operation alone. No stack trace: it is a
 * result, not a bug.
 */
public final class LowLevelOverflow extends RuntimeException {

    LowLevelOverflow(String opname) {
        super(opname + ": integer overflow", null, false, false);
    }
}
