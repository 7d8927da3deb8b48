package dev.taipan.rtyper.rtyper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.rtyper.llgraph.LowLevelGraph;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the random-program fuzzer found missing or wrong in the rtyper (issue 17's follow-up),
 * each against the text CPython 3.11 printed: one signature for the members of a family, a
 * family of functions that are only stored together, {@code round()}, iterating over a char,
 * ordering tuples whose items differ in representation (fuzz seed 520034), a value converted to
 * the constant the annotator knows it is (fuzz seed 520018), a char against a str known now.
 */
class FamiliesRoundAndCharsTest {
    @TempDir
    Path dir;

    /** Fuzz seed 511063: C18.m26 gets a (str, int), C19.m26 only a (char, int), one vtable slot. */
    private static final String METHOD_FAMILY = """
            class C18(object):
                def m26(self, p0):
                    print('C18', p0[0], p0[1])
            class C19(C18):
                def m26(self, p0):
                    print('C19', p0[0] + 'c', p0[1] + 1)
            class C20(C18):
                pass
            def pick(k):
                if k:
                    return C19()
                return C18()
            def entry_point(argv):
                C20().m26(('', 0))
                for k in range(2):
                    pick(k).m26((':', k))
                return 0
            """;

    @Test
    void theMethodsOfOneSlotTakeTheFamilysTupleAndNarrowItOnEntry() throws Exception {
        AsCPython.assertRunsAsCPython(dir, METHOD_FAMILY, "C18  0\nC18 : 0\nC19 :c 2\n");
        RTyper rtyper = Rtyping.rtyper(dir, METHOD_FAMILY, "entry_point");
        LowLevelGraph base = graph(rtyper, "C18.m26");
        LowLevelGraph sub = graph(rtyper, "C19.m26");
        assertThat(sub.signature()).isEqualTo(base.signature());   // the same tuple2 type, not two of one name
    }

    @Test
    void functionsStoredTogetherAreOneFamilyAndOneNeverCalledIsANullPointer() throws Exception {
        AsCPython.assertRunsAsCPython(dir, """
                def shout(s):
                    return s.upper()
                def initial(s):
                    return s[0]
                def unused(s):
                    return s + s
                KEPT = [shout, initial]
                TABLE = {'shout': shout, 'unused': unused}
                def entry_point(argv):
                    print(len(KEPT), shout('ab'), initial('cd'), TABLE['shout']('ef'))
                    return 0
                """, "2 AB c EF\n");
    }

    @Test
    void roundIsPythonThreesTiesToEvenAndCorrectlyRounded() throws Exception {
        AsCPython.assertRunsAsCPython(dir, """
                def entry_point(argv):
                    for x in [0.5, 1.5, 2.5, -2.5, 2.675, -0.0, 1e16]:
                        print(round(x), round(x, 2), round(x, -1), round(x, 0))
                    print(round(7), round(15, -1), round(25, -1), round(-35, -1))
                    return 0
                """, """
                0 0.5 0.0 0.0
                2 1.5 0.0 2.0
                2 2.5 0.0 2.0
                -2 -2.5 -0.0 -2.0
                3 2.67 0.0 3.0
                0 -0.0 -0.0 -0.0
                10000000000000000 1e+16 1e+16 1e+16
                7 20 20 -40
                """);
    }

    @Test
    void aCharOrAConstantStrIsIteratedAsAStr() throws Exception {
        AsCPython.assertRunsAsCPython(dir, """
                def count(s, ch):
                    n = 0
                    for c in s:
                        if c == ch:
                            n += 1
                    return n
                def entry_point(argv):
                    n = len(argv) + 96
                    print(count(chr(n), 'a'), count('banana', 'a'), [c for c in chr(n + 1)])
                    for i, c in enumerate('hi'):
                        print(i, c)
                    return 0
                """, "1 3 ['b']\n0 h\n1 i\n");
    }

    @Test
    void tuplesOfACharAndOfAStrCompareAsTuplesOfStrs() throws Exception {
        AsCPython.assertRunsAsCPython(dir, """
                def entry_point(argv):
                    a = ('x', 1)
                    b = ('xy', 1)
                    if len(argv) > 3:
                        a = ('zz', 2)
                    c = (chr(len(argv) + 96), 2)
                    print(a == b, a < b, b < a, c > b, c == ('a', 2), ('b', 0) <= c)
                    return 0
                """, "False True False False True False\n");
    }

    @Test
    void anItemReadWhereItCanOnlyBeOneConstantIsThatConstant() throws Exception {
        // v1[0] is ' 2yc_' to the annotator, a str field of the tuple (fuzz seed 520018)
        AsCPython.assertRunsAsCPython(dir, """
                class C5(object):
                    def m8(self, k):
                        v = {1: True}[k]
                        return (' 2yc_', 'aaa')
                def entry_point(argv):
                    try:
                        v1 = C5().m8(len(argv) + 5)
                        print(len(v1[0]), v1[1])
                    except KeyError:
                        print('KeyError')
                    v2 = C5().m8(1)
                    print(len(v2[0]), v2[1])
                    return 0
                """, "KeyError\n5 aaa\n");
    }

    @Test
    void aCharAgainstAStrKnownNowComparesAsStrsAndHasLengthOne() throws Exception {
        // fuzz seeds 520041, 520082, 520121 ('lt' on [Void, Char]), 520065 (len() of Char)
        AsCPython.assertRunsAsCPython(dir, """
                def entry_point(argv):
                    c = chr(len(argv) + 96)
                    k = 'b'
                    print(c == 'a', 'a' < c, c <= 'a', k == c, len(c), len(chr(65)) + 1)
                    print('x-y-z' == c, 'x-y-z' > c, c < 'ab', c != '', '' < c)
                    return 0
                """, "True False True False 1 2\nFalse True True True True\n");
    }

    private static LowLevelGraph graph(RTyper rtyper, String name) {
        return rtyper.graphs().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }
}
