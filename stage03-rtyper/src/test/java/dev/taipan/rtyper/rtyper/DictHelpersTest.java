package dev.taipan.rtyper.rtyper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.host.HostInterpreter;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dicts through the helpers of {@code rpython/rtyper/rdict.py}: whole programs run in the
 * llinterp over the checked heap print what the host interpreter prints, for the cases a hash
 * table gets wrong: deletions while it grows, many keys (several resizes), negative and extreme
 * ints, keys that collide in the index table, identity keys, and a long random mix of
 * operations checked against the host's dict at every step.
 */
class DictHelpersTest {
    @TempDir
    Path dir;

    private record Run(int status, String out, String err) { }

    private Run host(Path file) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = new HostInterpreter(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), InputStream.nullInputStream()).runProgram(file, List.of());
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run lowLevel(Path file) throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        var host = new HostInterpreter(o, e, InputStream.nullInputStream());
        int status = LLStage.run(host, file, List.of(), new ExecOptions(true), o, e);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code source} on both, asserts the same output and status, and returns the output. */
    private String sameAsHost(String source) throws Exception {
        Path file = Files.writeString(dir.resolve("prog.py"), source);
        Run expected = host(file);
        assertThat(expected.status()).as(expected.err()).isZero();
        Run actual = lowLevel(file);
        assertThat(actual.out()).as(actual.err()).isEqualTo(expected.out());
        assertThat(actual.status()).isEqualTo(expected.status());
        return actual.out();
    }

    @Test
    void intKeysSurviveDeletionsDuringGrowthAndManyResizes() throws Exception {
        String out = sameAsHost("""
                def entry_point(argv):
                    d = {}
                    for i in range(3000):
                        d[i * 13 - 20000] = i
                        if i % 4 != 1:
                            del d[i * 13 - 20000]
                        if i % 500 == 0:
                            print(len(d))
                    total = 0
                    prev = -1000000
                    inorder = True
                    for k in d:
                        total += d[k]
                        if k <= prev:
                            inorder = False
                        prev = k
                    print(len(d), total, inorder)
                    for i in range(3000):
                        if i % 4 == 1 and i % 3 == 0:
                            del d[i * 13 - 20000]
                    print(len(d), -19987 in d, -19948 in d)
                    return 0
                """);
        assertThat(out).endsWith("750 1124250 True\n500 True False\n");
    }

    @Test
    void negativeAndExtremeIntsAndCollidingHashes() throws Exception {
        sameAsHost("""
                def entry_point(argv):
                    d = {}
                    big = 9223372036854775807
                    keys = [-1, -2, 0, 1, big, -big - 1, -big, 1 << 62, -(1 << 62), 8, 16, 24, 1024, 2048]
                    for k in keys:
                        d[k] = k // 2
                    for k in keys:
                        print(k, d[k], (k ^ 1) in d)
                    coll = {}
                    for i in range(200):
                        coll[i << 20] = i
                        coll[-(i << 20) - 1] = -i
                    n = 0
                    for i in range(200):
                        n += coll[i << 20] - coll[-(i << 20) - 1]
                    print(len(coll), n, (5 << 20) + 1 in coll)
                    return 0
                """);
    }

    @Test
    void theMethodsAndOperations() throws Exception {
        sameAsHost("""
                def entry_point(argv):
                    d = {1: 10, 2: 20}
                    print(d.get(1, 0), d.get(3, 0), d.setdefault(3, 30), d.setdefault(1, 0), len(d))
                    print(d.pop(1), d.pop(1, -1), len(d), not d)
                    try:
                        d.pop(99)
                    except KeyError:
                        print("pop: KeyError")
                    try:
                        del d[99]
                    except KeyError:
                        print("del: KeyError")
                    e = dict(d)
                    e[7] = 70
                    d.update(e)
                    s = 0
                    for k, v in d.items():
                        s = s * 100 + k + v
                    print(s, len(e))
                    for v in d.values():
                        print(v)
                    d.clear()
                    print(len(d), 2 in d, not d)
                    d[4] = 4
                    print(d[4])
                    return 0
                """);
    }

    /**
     * get and pop with a default wider than the dict's values (the result is their union, the
     * dict keeps its type): a base class, a str for a dict of chars, an instance for a dict of
     * Nones, anything for a dict that never held a value (found by the fuzzer, seed 112).
     */
    @Test
    void aDefaultWiderThanTheValues() throws Exception {
        String out = sameAsHost("""
                class Base(object):
                    def __init__(self, n):
                        self.n = n
                class Sub(Base):
                    pass
                class Holder(object):
                    def __init__(self):
                        self.b = None
                PREBUILT = Holder()
                def entry_point(argv):
                    k = len(argv)
                    print({}.get(Sub(k), Sub(2)).n, {}.pop(k, 3))
                    PREBUILT.b = {}.get(k, Sub(4))
                    print(PREBUILT.b.n)
                    subs = {0: Sub(5)}
                    print(subs.get(k - 1, Base(6)).n, subs.get(k, Base(7)).n)
                    print(subs.pop(k, Base(8)).n, subs.pop(k - 1, Base(9)).n, subs.pop(k - 1, Base(10)).n, len(subs))
                    chars = {0: 'a', 1: 'b'}
                    print(chars.get(k - 1, 'zz'), chars.get(k + 1, 'zz'), chars.pop(k, 'yy'), chars.pop(k, 'yy'), len(chars))
                    nones = {0: None}
                    print(nones.get(k - 1, Sub(11)) is None, nones.get(k, Sub(12)).n)
                    return 0
                """);
        assertThat(out).isEqualTo("2 3\n4\n5 7\n8 5 10 0\na zz b yy 1\nTrue 12\n");
    }

    @Test
    void charAndBoolKeys() throws Exception {
        sameAsHost("""
                def entry_point(argv):
                    counts = {}
                    for c in "abracadabra, the quick brown fox":
                        counts[c] = counts.get(c, 0) + 1
                    for c in counts:
                        print(c, counts[c])
                    flags = {True: 1, False: 0}
                    flags[True] += 5
                    print(flags[True], flags[False], len(flags))
                    return 0
                """);
    }

    @Test
    void instancesAreKeysByIdentity() throws Exception {
        sameAsHost("""
                class Node(object):
                    def __init__(self, n):
                        self.n = n


                def entry_point(argv):
                    nodes = {}
                    for i in range(100):
                        nodes[i] = Node(i)
                    seen = {}
                    for i in nodes:
                        x = nodes[i]
                        seen[x] = x.n * 2
                    twin = Node(5)
                    print(len(seen), seen[nodes[5]], twin in seen, nodes[99] in seen)
                    for i in nodes:
                        if i % 2 == 0:
                            del seen[nodes[i]]
                    total = 0
                    for x in seen:
                        total += x.n
                    print(len(seen), total)
                    return 0
                """);
    }

    @Test
    void aRandomMixOfOperationsAgreesWithTheHostAtEveryStep() throws Exception {
        sameAsHost("""
                def entry_point(argv):
                    d = {}
                    seed = 12345
                    check = 0
                    for step in range(4000):
                        seed = (seed * 1103515245 + 12345) & 2147483647
                        k = (seed >> 8) % 300 - 150
                        op = seed % 5
                        if op == 0 or op == 1:
                            d[k] = step
                        elif op == 2:
                            if k in d:
                                del d[k]
                        elif op == 3:
                            check = check * 31 + d.get(k, -1)
                            check = check & 1048575
                        else:
                            check = (check + d.pop(k, 7) + len(d)) & 1048575
                        if step % 400 == 0:
                            first = 0
                            for key in d:
                                first = first * 7 + key
                                first = first & 1048575
                            print(step, len(d), check, first)
                    return 0
                """);
    }

    @Test
    void prebuiltDictsGetTheirIndexTableAtTheFirstLookup() throws Exception {
        sameAsHost("""
                SQUARES = {}
                for i in range(-50, 50):
                    SQUARES[i * 3] = i * i
                del SQUARES[0]
                ROMAN = {'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100}
                EMPTY = {}


                def roman(s):
                    n = 0
                    prev = 0
                    for c in s:
                        v = ROMAN[c]
                        if v > prev:
                            n -= 2 * prev
                        n += v
                        prev = v
                    return n


                def entry_point(argv):
                    print(len(SQUARES), SQUARES[-150], SQUARES[147], 0 in SQUARES, 3 in SQUARES)
                    total = 0
                    for k in SQUARES:
                        total = (total * 3 + k) & 65535
                    print(total)
                    SQUARES[1000] = 1
                    del SQUARES[3]
                    print(len(SQUARES), SQUARES[1000], 3 in SQUARES)
                    print(roman("XCIV"), roman("LXXVII"))
                    print(len(EMPTY), 5 in EMPTY, EMPTY.get(5, -5))
                    EMPTY[5] = 55
                    print(EMPTY[5], len(EMPTY))
                    return 0
                """);
    }

    @Test
    void anUncaughtKeyErrorNamesAConstantKey() throws Exception {
        Path file = Files.writeString(dir.resolve("prog.py"), """
                def entry_point(argv):
                    d = {1: 2}
                    return d[5]
                """);
        Run expected = host(file);
        Run actual = lowLevel(file);
        assertThat(actual.status()).isEqualTo(1).isEqualTo(expected.status());
        assertThat(actual.err().strip()).endsWith("KeyError: 5");
        assertThat(expected.err().strip()).endsWith("KeyError: 5");
    }

    @Test
    void strKeysCompareByTheirCharsAndHashTheSameForEqualStrings() throws Exception {
        String out = sameAsHost("""
                def build(n):
                    d = {}
                    for i in range(n):
                        d["k" + str(i % 37)] = i
                    return d

                def entry_point(argv):
                    d = build(500)
                    words = "the cat and the hat and the bat".split()
                    counts = {}
                    for w in words:
                        counts[w] = counts.get(w, 0) + 1
                    for w in counts:
                        print(w, counts[w])
                    key = "k" + "1" + "2"              # built at run time: equal, not identical
                    print(len(d), d[key], key in d, "k99" in d, d.pop("k0"), len(d))
                    del d["k5"]
                    d[""] = -1
                    print(d.get("k5", 7), d[""], len(d))
                    return 0
                """);
        assertThat(out).contains("the 3", "and 2", "cat 1").contains("37 493 True False 481 36").contains("7 -1 36");
    }
}
