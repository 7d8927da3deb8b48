package dev.taipan.rtyper.rtyper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * repr() of containers built from their items' reprs ({@code rcontainer.py}, {@link ContainerText}),
 * instances through an overridden {@code __repr__}, and the orderings of tuples and lists
 * ({@link Orderings}) with sort, min and max: run at the low level on the checked heap, each
 * output compared with what CPython 3.11 prints (written here), and with the host's.
 */
class ContainerTextTest {
    @TempDir
    Path dir;

    private String run(String source, long n) throws Exception {
        Rtyping.Outcome o = Rtyping.lowLevel(dir, source, "f", n);
        assertThat(o.error()).isNull();
        assertThat(o.output()).isEqualTo(Rtyping.host(dir, source, "f", n).output());
        return o.output();
    }

    @Test
    void containersShowTheirItemsReprsRecursively() throws Exception {
        String out = run("""
                def f(n):
                    print([n, -n], [], (n,), (), (n, "a", True, None))
                    print(["it's", 'say "hi"', "both ' and \\"", "t\\tn\\n\\\\", "\\x01"])
                    print([[n], []], [(n, "x")], {"k": [n]}, {n: (n, 'c')})
                    d = {}
                    d[n] = n
                    del d[n]
                    print(d, str([False]), repr(("q",)))
                    return 0
                """, -3);
        assertThat(out).isEqualTo("""
                [-3, 3] [] (-3,) () (-3, 'a', True, None)
                ["it's", 'say "hi"', 'both \\' and "', 't\\tn\\n\\\\', '\\x01']
                [[-3], []] [(-3, 'x')] {'k': [-3]} {-3: (-3, 'c')}
                {} [False] ('q',)
                """);
    }

    @Test
    void anOverriddenReprIsCalledThroughTheVtableAndNoneShowsAsNone() throws Exception {
        String out = run("""
                class A(object):
                    pass
                class B(A):
                    def __repr__(self):
                        return "B"
                class C(A):
                    def __repr__(self):
                        return "C%d" % 1
                def f(n):
                    xs = [B(), C()]
                    if n > 10:
                        xs.append(None)
                    print(xs, xs[n])
                    ys = [B(), None]
                    print(ys, (xs[0], ys[1]))
                    return 0
                """, 1);
        assertThat(out).isEqualTo("[B, C1] C1\n[B, None] (B, None)\n");
    }

    @Test
    void tuplesAndListsAreOrderedItemByItemAndSortedStably() throws Exception {
        String out = run("""
                def f(n):
                    a = (n, "x")
                    b = (n, "y")
                    print(a < b, a <= b, a > b, a >= b, a == b, a != b)
                    print([n] < [n, 0], [[n]] == [[n]], ["a"] != ["a"], [n, 2] > [n, 1, 5])
                    ws = ["b", "", "B", "ab", "b"]
                    ws.sort()
                    print(ws, sorted(ws, reverse=True), min(ws), max(ws))
                    ps = [(1, "b"), (0, "z"), (1, "a"), (1, "b")]
                    print(sorted(ps), sorted(ps, reverse=True), max(ps), min(ps))
                    keys = [(1, 0), (0, 7), (1, 0)]
                    print(sorted(keys, reverse=True))
                    return 0
                """, 2);
        assertThat(out).isEqualTo("""
                True True False False False True
                True True False True
                ['', 'B', 'ab', 'b', 'b'] ['b', 'b', 'ab', 'B', ''] \
                 b
                [(0, 'z'), (1, 'a'), (1, 'b'), (1, 'b')] [(1, 'b'), (1, 'b'), (1, 'a'), (0, 'z')] (1, 'b') (0, 'z')
                [(1, 0), (1, 0), (0, 7)]
                """);
    }

    @Test
    void strOfAFamilyMixingStrAndReprIsRefusedAtItsLine() {
        RTyperError e = catchThrowableOfType(RTyperError.class, () -> Rtyping.lowLevel(dir, """
                class A(object):
                    def __repr__(self):
                        return "A"
                class B(A):
                    def __str__(self):
                        return "B"
                def f(n):
                    x = A()
                    if n > 0:
                        x = B()
                    print(x)
                    return 0
                """, "f", 1));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("some of its classes define __str__, others only __repr__");
    }
}
