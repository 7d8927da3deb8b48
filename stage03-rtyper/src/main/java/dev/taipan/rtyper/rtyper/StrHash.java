package dev.taipan.rtyper.rtyper;

/**
 * The hash of a str, for the strings of the image: {@code rdict.ll_strhash_compute} computes
 * it at run time and caches it in the string's {@code hash} field (0: not yet), but a prebuilt
 * string is read-only, so the image holds its hash already, computed here the same way
 * (CPython 2's string hash over the bytes, modulo 2**64, 0 replaced as the helper replaces it).
 * A dict looks a run-time string up among prebuilt keys only if both agree, bit for bit:
 * {@code StrHashTest} checks them against each other.
 */
final class StrHash {
    private StrHash() { }

    /** What {@code ll_strhash_compute} gives for a hash of 0, which means "not computed" in the field (PyPy's constant). */
    static final long INSTEAD_OF_ZERO = 29872897;

    static long of(String text) {
        int n = text.length();
        long x = 0;
        if (n > 0) {
            x = (long) PrebuiltStrings.byteOf(text.charAt(0)) << 7;
            for (int i = 0; i < n; i++) {
                x = (x * 1000003) ^ PrebuiltStrings.byteOf(text.charAt(i));
            }
            x ^= n;
        }
        return x == 0 ? INSTEAD_OF_ZERO : x;
    }
}
