package dev.taipan.gc;

import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.cli.ExecOptions;
import java.util.Locale;

/**
 * What the collector is set up with when the program starts: the arguments the GC transformer
 * gives {@code gc_setup} besides the layout's tables (PyPy's {@code GC_PARAMS}, which its
 * translator bakes in and its collectors may override from the environment).
 *
 * @param heapMax     the most the heap may grow to, in bytes, or 0 for no limit ({@code --heap-max})
 * @param nurserySize the young generation's size in bytes ({@code --nursery}); collectors
 *                    without one ignore it
 * @param stress      collect at every allocation ({@code --gc-stress})
 * @param heapCheck   check the heap after every collection ({@code rpython/memory/gc/heapcheck.py};
 *                    what {@code --checked} asks of the collector)
 */
public record GcParams(long heapMax, long nurserySize, boolean stress, boolean heapCheck) {
    /**
     * The llinterp's nursery: it runs a program about a thousand times slower than machine code,
     * so the programs one runs there would not fill a native-sized nursery, and a student would
     * never see a minor collection.
     */
    public static final long INTERPRETED_NURSERY = 256 << 10;

    /**
     * An executable's nursery: PyPy's default where it cannot size the nursery from a large
     * L2 cache ({@code NURSERY_SIZE_UNKNOWN_CACHE} in {@code rpython/memory/gc/env.py}). Most
     * objects die before it fills, and each minor collection traces the remembered old objects
     * whole, so fewer collections pay (the strings benchmark under minimark: 647 ms of task clock
     * with 256 KiB, 482 ms with 4 MiB).
     */
    public static final long NATIVE_NURSERY = 4 << 20;

    /** The llinterp's defaults: no limit, its nursery, no stress, no heap check. */
    public static final GcParams INTERPRETED = new GcParams(0, INTERPRETED_NURSERY, false, false);

    /** An executable's defaults: no limit, its nursery, no stress (there is no checked heap natively). */
    public static final GcParams NATIVE = new GcParams(0, NATIVE_NURSERY, false, false);

    public GcParams {
        if (heapMax < 0 || nurserySize <= 0) {
            throw new IllegalArgumentException("heap limit " + heapMax + ", nursery " + nurserySize);
        }
    }

    /** What {@code options} ask, where they do not say: the values of {@code defaults}. */
    public static GcParams of(ExecOptions options, GcParams defaults) {
        return new GcParams(
                options.heapMax() == null ? defaults.heapMax : parseSize("--heap-max", options.heapMax()),
                options.nursery() == null ? defaults.nurserySize : parseSize("--nursery", options.nursery()),
                options.gcStress() || defaults.stress, options.checked() || defaults.heapCheck);
    }

    public GcParams withStress(boolean stress) {
        return new GcParams(heapMax, nurserySize, stress, heapCheck);
    }

    public GcParams withHeapCheck(boolean heapCheck) {
        return new GcParams(heapMax, nurserySize, stress, heapCheck);
    }

    /** {@code OPTION=SIZE}: bytes, or with k, m or g (64m); anything else is the user's mistake, named. */
    public static long parseSize(String option, String size) {
        String s = size.strip().toLowerCase(Locale.ROOT);
        long unit = switch (s.isEmpty() ? ' ' : s.charAt(s.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        String digits = unit == 1 ? s : s.substring(0, s.length() - 1);
        try {
            long n = Long.parseLong(digits);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new TaipanError(option + "=" + size + ": a size is a positive number of bytes, or of k, m or g (64m)");
        }
    }
}
