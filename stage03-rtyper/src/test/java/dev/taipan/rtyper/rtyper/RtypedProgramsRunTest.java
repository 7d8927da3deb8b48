package dev.taipan.rtyper.rtyper;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rtyper's graphs run in the llinterp and compute what the host interpreter computes: the
 * same result, the same output, the same uncaught exception, for every argument tried. Each
 * program is rtyped from one function called with ints (as {@code taipan rtype --function}),
 * and runs on the checked heap, so a bad load or store fails the test too.
 */
class RtypedProgramsRunTest {
    @TempDir
    Path dir;

    /** Python's floor division, modulo and true division, on every sign. */
    private static final String DIVISIONS = """
            def divisions(a, b):
                if b == 0:
                    return 0
                return a // b * 1000 + a % b + int(a / b) + abs(a) * 7 + int(abs(a / b) * 3)
            """;

    private static final String EXCEPTIONS = """
            from rpython.rlib.rarithmetic import ovfcheck


            class TooBig(Exception):
                def __init__(self, value):
                    self.value = value


            def check(n):
                if n > 100:
                    raise TooBig(n)
                return n * 2


            def safe_div(a, b):
                try:
                    return a // b
                except ZeroDivisionError:
                    return -1


            def grow(n):
                try:
                    return ovfcheck(n * n * n * n * n * n * n)
                except OverflowError:
                    return -2


            def handle(n):
                try:
                    r = check(n)
                except TooBig as e:
                    r = e.value + 1
                return r + safe_div(n, n % 4) + grow(n)


            def boom(n):
                if n > 2:
                    raise ValueError("out of range")
                return check(n * 50)
            """;

    @Test
    void numbersComputeWhatTheHostComputes() throws Exception {
        for (long n : new long[] {1, 7, 27, 97, 1000}) {
            same(RTyperTest.NUMBERS, "collatz", n, 1000);   // the low-level graph takes its default explicitly
        }
        for (long a : new long[] {-17, -7, 0, 7, 17, 1001}) {
            for (long b : new long[] {-5, -2, 3, 4, 0}) {
                same(DIVISIONS, "divisions", a, b);
            }
        }
    }

    /** The example of the chapter: a class hierarchy through its vtable, isinstance, ovfcheck. */
    @Test
    void classesFieldsAndMethodsThroughTheVtableComputeWhatTheHostComputes() throws Exception {
        String shapes = Files.readString(Path.of("examples/shapes.py"));
        for (long n : new long[] {0, 1, 5, 12, 40}) {
            same(shapes, "total", n);
        }
    }

    @Test
    void exceptionsRaisedAndCaughtAcrossCallsComputeWhatTheHostComputes() throws Exception {
        for (long n : new long[] {1, 4, 6, 99, 101, 20000}) {
            same(EXCEPTIONS, "handle", n);
        }
    }

    @Test
    void anUncaughtExceptionEndsAsOnTheHost() throws Exception {
        Rtyping.Outcome host = Rtyping.host(dir, EXCEPTIONS, "boom", 3);
        Rtyping.Outcome low = Rtyping.lowLevel(dir, EXCEPTIONS, "boom", 3);
        assertThat(host.error()).isEqualTo("ValueError: out of range");
        assertThat(low.error()).isEqualTo(host.error());
    }

    /** {@code function(args)} computes, prints and raises the same on the host and in the llinterp. */
    private void same(String source, String function, long... args) throws Exception {
        Rtyping.assertRunsAsOnTheHost(dir, source, function, args);
    }
}
