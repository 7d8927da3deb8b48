package dev.taipan.flowgraph.host.lib;

import java.math.BigInteger;
import java.util.Random;

/** Random values that hit the interesting cases of number formatting, and their Python spelling. */
final class Values {

    private Values() {}

    /** Doubles of every kind: random bits, short decimals, exact ties, integers, zeros, specials. */
    static double randomDouble(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> Double.longBitsToDouble(r.nextLong());
            case 1 -> r.nextInt(-100000, 100000) / Math.pow(10, r.nextInt(0, 9));
            case 2 -> (r.nextInt(-2000, 2000) + 0.5) / (1 << r.nextInt(0, 6));   // exact binary ties
            case 3 -> (double) r.nextLong() / (1L << r.nextInt(0, 40));
            case 4 -> r.nextGaussian() * Math.pow(10, r.nextInt(-30, 30));
            case 5 -> new double[] {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
                    Double.MAX_VALUE, Double.MIN_VALUE, 1e16, 1e15, 0.0001, 0.00001, 9.9999995, 0.5, 2.5, -0.05}[r.nextInt(15)];
            case 6 -> Math.scalb(1.0, r.nextInt(-1074, 1024)) * (r.nextBoolean() ? 1 : -1);
            default -> r.nextInt(-1000, 1000) / 8.0 * Math.pow(10, r.nextInt(-3, 4));
        };
    }

    static BigInteger randomInt(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> BigInteger.valueOf(r.nextInt(-20, 200));
            case 1 -> BigInteger.valueOf(r.nextLong());
            case 2 -> new BigInteger(r.nextInt(1, 200), r).multiply(BigInteger.valueOf(r.nextBoolean() ? 1 : -1));
            default -> BigInteger.valueOf(r.nextInt(-100000, 100000));
        };
    }

    /** A Python expression for a double, exact (hex) for finite values. */
    static String py(double d) {
        if (Double.isNaN(d)) {
            return "float('nan')";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "float('inf')" : "float('-inf')";
        }
        return "float.fromhex('" + Double.toHexString(d) + "')";
    }
}
