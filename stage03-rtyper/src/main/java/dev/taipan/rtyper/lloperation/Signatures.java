package dev.taipan.rtyper.lloperation;

import static dev.taipan.rtyper.lltype.Primitive.ADDRESS;
import static dev.taipan.rtyper.lltype.Primitive.BOOL;
import static dev.taipan.rtyper.lltype.Primitive.CHAR;
import static dev.taipan.rtyper.lltype.Primitive.FLOAT;
import static dev.taipan.rtyper.lltype.Primitive.SIGNED;
import static dev.taipan.rtyper.lltype.Primitive.UNSIGNED;
import static dev.taipan.rtyper.lltype.Primitive.VOID;

import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Strings;
import java.util.List;

/**
 * The signatures of the catalogue, named by their letters: argument types, an underscore, the
 * result type; {@code I} Signed, {@code U} Unsigned, {@code F} Float, {@code B} Bool, {@code C}
 * Char, {@code A} Address, {@code V} Void (nothing), {@code S} a string ({@code Ptr(rpy_string)}, a system call's buffer or path).
 * {@code II_B} is (Signed, Signed) -> Bool.
 */
final class Signatures {

    private Signatures() {
    }

    static final Signature II_I = of(SIGNED, SIGNED, SIGNED);
    static final Signature I_I = of(SIGNED, SIGNED);
    static final Signature II_B = of(SIGNED, SIGNED, BOOL);
    static final Signature I_B = of(SIGNED, BOOL);
    static final Signature UU_U = of(UNSIGNED, UNSIGNED, UNSIGNED);
    static final Signature US_U = of(UNSIGNED, SIGNED, UNSIGNED);
    static final Signature U_U = of(UNSIGNED, UNSIGNED);
    static final Signature UU_B = of(UNSIGNED, UNSIGNED, BOOL);
    static final Signature U_B = of(UNSIGNED, BOOL);
    static final Signature FF_F = of(FLOAT, FLOAT, FLOAT);
    static final Signature F_F = of(FLOAT, FLOAT);
    static final Signature FF_B = of(FLOAT, FLOAT, BOOL);
    static final Signature F_B = of(FLOAT, BOOL);
    static final Signature I_F = of(SIGNED, FLOAT);
    static final Signature F_I = of(FLOAT, SIGNED);
    static final Signature I_U = of(SIGNED, UNSIGNED);
    static final Signature U_I = of(UNSIGNED, SIGNED);
    static final Signature B_I = of(BOOL, SIGNED);
    static final Signature C_I = of(CHAR, SIGNED);
    static final Signature I_C = of(SIGNED, CHAR);
    static final Signature CC_B = of(CHAR, CHAR, BOOL);
    static final Signature B_B = of(BOOL, BOOL);
    static final Signature I_A = of(SIGNED, ADDRESS);
    static final Signature A_I = of(ADDRESS, SIGNED);
    static final Signature A_V = of(ADDRESS, VOID);
    static final Signature AI_A = of(ADDRESS, SIGNED, ADDRESS);
    static final Signature AA_I = of(ADDRESS, ADDRESS, SIGNED);
    static final Signature AA_B = of(ADDRESS, ADDRESS, BOOL);
    static final Signature AI_V = of(ADDRESS, SIGNED, VOID);
    static final Signature AAI_V = of(ADDRESS, ADDRESS, SIGNED, VOID);
    static final Signature ISII_I = of(SIGNED, Strings.PTR, SIGNED, SIGNED, SIGNED);
    static final Signature ISI_I = of(SIGNED, Strings.PTR, SIGNED, SIGNED);
    static final Signature SII_I = of(Strings.PTR, SIGNED, SIGNED, SIGNED);
    static final Signature S_I = of(Strings.PTR, SIGNED);

    /** The last type is the result. */
    private static Signature of(LowLevelType... types) {
        var all = List.of(types);
        return new Signature(all.subList(0, all.size() - 1), all.getLast());
    }
}
