package dev.taipan.rtyper.rtyper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyException;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llinterp.LLException;
import dev.taipan.rtyper.llinterp.LLInterpreter;
import dev.taipan.rtyper.memory.Heap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The list helpers of {@code rpython/rtyper/rlist.py}, each through the operation that calls
 * it, compute what the host interpreter computes: every function below builds lists from
 * {@code (n, seed)} (n items of a small linear congruential sequence), applies one family of
 * operations, prints what it sees and returns a checksum. Each is rtyped once and run in the
 * llinterp over the checked heap, for lengths from 0 past the first reallocations and for
 * several seeds; the output, the result and any uncaught exception must be the host's.
 */
class ListHelpersTest {
    @TempDir
    Path dir;

    private static final String PROGRAM = """
            def make(n, seed):
                xs = []
                x = seed
                for i in range(n):
                    x = (x * 1103515245 + 12345) % 2147483648
                    xs.append(x % 23 - 11)
                return xs


            def checksum(xs):
                s = 0
                for x in xs:
                    s = s * 31 + x
                    s = s % 1000000007
                return s * 1000 + len(xs)


            def growing(n, seed):
                xs = make(n, seed)
                ys = []
                for x in xs:
                    ys.append(x)
                    ys.insert(x % 5, x * 2)
                while len(ys) > n:
                    ys.pop()
                if ys:
                    print(ys.pop(0), ys.pop(-1) if ys else 0)
                return checksum(ys)


            def popping(n, seed):
                xs = make(n, seed)
                s = 0
                for i in range(-3, 4):
                    try:
                        s = s * 7 + xs.pop(i * seed)
                    except IndexError:
                        s = s * 7 + 1
                try:
                    while True:
                        s = s * 3 + xs.pop()
                        s = s % 1000003
                except IndexError:
                    print("empty", s)
                return s


            def deleting(n, seed):
                xs = make(n, seed)
                for i in range(n // 2):
                    try:
                        del xs[(i * seed) % (n + 3) - 2]
                    except IndexError:
                        print("del out of range", i)
                del xs[1:n // 3]
                return checksum(xs)


            def removing(n, seed):
                xs = make(n, seed)
                s = 0
                for v in range(-12, 13, seed):
                    try:
                        xs.remove(v)
                    except ValueError:
                        s += 1
                ys = list()
                ys.extend(xs)
                xs.clear()
                xs.append(n)
                return checksum(xs) + checksum(ys) + s


            def extending(n, seed):
                xs = make(n, seed)
                ys = make(seed % 7, n)
                xs.extend(ys)
                xs.extend(xs)
                xs += ys
                return checksum(xs)


            def searching(n, seed):
                xs = make(n, seed)
                s = 0
                for v in range(-12, 13):
                    if v in xs:
                        s = s * 5 + xs.index(v) + 100 * xs.count(v)
                    else:
                        try:
                            s = s * 5 + xs.index(v)
                        except ValueError:
                            s = s * 5 + 3
                    s = s % 1000003
                return s


            def reshaping(n, seed):
                xs = make(n, seed)
                xs.reverse()
                ys = xs + make(seed % 5, n)
                zs = ys * (seed % 4 - 1)
                ws = 2 * xs
                print(len(ys), len(zs), len(ws), xs == ws[:len(xs)], xs != ws[len(xs):], xs == ys)
                return checksum(ys) + checksum(zs) + checksum(ws)


            def slicing(n, seed):
                xs = make(n, seed)
                s = 0
                a = 0
                b = 0
                for a in range(-n - 2, n + 3, 3):
                    for b in range(-n - 2, n + 3, 2):
                        s = s * 3 + checksum(xs[a:b])
                        s = s % 1000003
                for c in [-3, -2, -1, 1, 2, 5]:
                    s = s * 3 + checksum(xs[::c]) + checksum(xs[a::c]) + checksum(xs[:b:c])
                    for a in range(-n - 2, n + 3, 5):
                        for b in range(-n - 2, n + 3, 4):
                            s = s * 3 + checksum(xs[a:b:c])
                            s = s % 1000003
                s = s + checksum(xs[:a]) + checksum(xs[b:]) + checksum(xs[:])
                ys = list(xs)
                ys[a % 5:b % 7] = make(seed % 4, n)
                ys[-2:] = ys
                return s + checksum(ys)


            def sorting(n, seed):
                xs = make(n, seed)
                ys = sorted(xs)
                xs.sort()
                fs = [x * 0.5 for x in xs]
                fs.reverse()
                fs.sort()
                cs = ['q', 'b', 'x', 'b', 'a']
                cs.sort()
                print(cs[0], cs[4], fs == [x * 0.5 for x in ys])
                zs = sorted(xs, reverse=seed > 2)
                ws = [x * 0.0 for x in zs]
                ws.sort(reverse=True)
                for w in ws[:4]:
                    print(w)
                print(checksum(zs), checksum(sorted(range(n), reverse=True)))
                if xs:
                    print(min(xs), max(xs), sum(xs), min(fs), max(fs), sum(fs))
                return checksum(ys) + checksum(xs) + checksum(list(range(seed, n, 3)))


            def zerostep(n, seed):
                xs = make(n, seed)
                return len(xs[::seed - 1])


            def emptymin(n, seed):
                return min(make(n, seed))
            """;

    @Test
    void growingAndShrinkingLikeTheHost() throws Exception {
        compare("growing");
        compare("popping");
        compare("deleting");
        compare("removing");
        compare("extending");
    }

    @Test
    void searchingLikeTheHost() throws Exception {
        compare("searching");
    }

    @Test
    void newListsLikeTheHost() throws Exception {
        compare("reshaping");
        compare("slicing");
    }

    @Test
    void sortingLikeTheHost() throws Exception {
        compare("sorting");
    }

    @Test
    void minOfAnEmptyListRaisesAsOnTheHost() throws Exception {
        Path file = Files.writeString(dir.resolve("lists.py"), PROGRAM);
        Outcome low = lowLevel(file, "emptymin", List.of(new long[] {0, 1}, new long[] {3, 1})).getFirst();
        assertThat(low.error()).isEqualTo("ValueError: min() arg is an empty sequence");
        assertThat(host(file, "emptymin", new long[] {0, 1}).error()).isEqualTo(low.error());
    }

    @Test
    void aSliceOfStepZeroRaisesAsOnTheHost() throws Exception {
        Path file = Files.writeString(dir.resolve("lists.py"), PROGRAM);
        List<Outcome> low = lowLevel(file, "zerostep", List.of(new long[] {4, 1}, new long[] {4, 3}));
        assertThat(low.getFirst().error()).isEqualTo("ValueError: slice step cannot be zero");
        assertThat(host(file, "zerostep", new long[] {4, 1}).error()).isEqualTo(low.getFirst().error());
        assertThat(low.get(1).result()).isEqualTo(2L);
    }

    /** The helpers alone, on a list struct built by hand: what {@code append} and {@code pop} leave in it. */
    private static final String CAPACITY = """
            from rpython.rtyper.lltypesystem.lltype import Signed, Ptr, GcStruct, GcArray, malloc
            from rpython.rtyper.rlist import ll_append, ll_pop_default

            INTS = GcArray(Signed)
            LIST = GcStruct('list', ('length', Signed), ('items', Ptr(INTS)))


            def ll_capacity_after(appends, pops):
                l = malloc(LIST)
                l.items = malloc(INTS, 0)
                i = 0
                while i < appends:
                    ll_append(l, i * 3, INTS)
                    i += 1
                while i > appends - pops:
                    ll_pop_default(l, INTS)
                    i -= 1
                total = 0
                i = 0
                while i < l.length:
                    total += l.items[i]
                    i += 1
                return len(l.items) * 1000000 + l.length * 1000 + total % 1000
            """;

    /**
     * {@code append} over-allocates by CPython's rule, {@code new_allocated = n + (n >> 3) + (3 if
     * n < 9 else 6)} when {@code n} items no longer fit; {@code pop} keeps the array until it is
     * less than half full.
     */
    @Test
    void appendOverAllocatesAndPopShrinksByThePyPyRule() throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        HostInterpreter host = new HostInterpreter(quiet, quiet, new ByteArrayInputStream(new byte[0]));
        dev.taipan.rtyper.llannotation.LLTypeModule.install(host);
        dev.taipan.flowgraph.host.PyModule m = host.importFile(Files.writeString(dir.resolve("capacity.py"), CAPACITY));
        RTyper rtyper = new RTyper(new dev.taipan.annotator.Annotator(new dev.taipan.flowgraph.flow.TranslationContext(host)));
        host.runInside(rtyper::specialize);
        LowLevelGraph g = rtyper.helper((PyFunction) m.get("ll_capacity_after"),
                dev.taipan.rtyper.lltype.Primitive.SIGNED, dev.taipan.rtyper.lltype.Primitive.SIGNED);
        try (Heap heap = Heap.checked()) {
            LLInterpreter interp = new LLInterpreter(rtyper.program(g), heap, quiet);
            long allocated = 0;
            for (long n = 1; n <= 100; n++) {
                if (allocated < n) {
                    allocated = n + (n >> 3) + (n < 9 ? 3 : 6);
                }
                long total = 3 * n * (n - 1) / 2;
                assertThat(interp.call(g, n, 0L)).as("capacity after %d appends", n)
                        .isEqualTo(allocated * 1000000 + n * 1000 + total % 1000);
            }
            // 100 appends leave 106 slots; popping down to 48 (106 / 2 - 5) keeps them, to 47
            // reallocates 47 + (47 >> 3) + 3
            assertThat(allocated).isEqualTo(106);
            assertThat((Long) interp.call(g, 100L, 52L) / 1000).isEqualTo(106L * 1000 + 48);
            assertThat((Long) interp.call(g, 100L, 53L) / 1000).isEqualTo(55L * 1000 + 47);
        }
    }

    private record Outcome(Long result, String output, String error) { }

    private void compare(String function) throws Exception {
        Path file = Files.writeString(dir.resolve("lists.py"), PROGRAM);
        List<long[]> cases = new java.util.ArrayList<>();
        for (long n : new long[] {0, 1, 2, 3, 8, 9, 17, 40}) {
            for (long seed : new long[] {1, 2, 5, 11}) {
                cases.add(new long[] {n, seed});
            }
        }
        List<Outcome> low = lowLevel(file, function, cases);
        for (int i = 0; i < cases.size(); i++) {
            assertThat(low.get(i)).as(function + java.util.Arrays.toString(cases.get(i)))
                    .isEqualTo(host(file, function, cases.get(i)));
        }
    }

    private static Outcome host(Path file, String function, long[] args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HostInterpreter host = new HostInterpreter(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()), new ByteArrayInputStream(new byte[0]));
        PyFunction f = (PyFunction) host.importFile(file).get(function);
        List<PyObject> pyArgs = java.util.Arrays.stream(args).mapToObj(a -> (PyObject) PyInt.of(a)).toList();
        try {
            PyObject r = host.call(f, pyArgs);
            return new Outcome(((PyInt) r).longValue(), out.toString(StandardCharsets.UTF_8), null);
        } catch (PyException e) {
            return new Outcome(null, out.toString(StandardCharsets.UTF_8), lastLine(host.formatException(e)));
        }
    }

    /** Rtypes {@code function} once, then runs it on each case over one checked heap. */
    private static List<Outcome> lowLevel(Path file, String function, List<long[]> cases) {
        RTyper rtyper = RtypeCommand.rtyper(file, function);
        LowLevelGraph entry = rtyper.graphs().stream().filter(g -> g.name().equals(function)).findFirst().orElseThrow();
        List<Outcome> outcomes = new java.util.ArrayList<>();
        try (Heap heap = Heap.checked()) {
            for (long[] args : cases) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                LLInterpreter interp = new LLInterpreter(rtyper.program(entry), heap,
                        new PrintStream(out, true, StandardCharsets.UTF_8));
                try {
                    Object r = interp.call(entry, args[0], args[1]);
                    outcomes.add(new Outcome((Long) r, out.toString(StandardCharsets.UTF_8), null));
                } catch (LLException e) {
                    outcomes.add(new Outcome(null, out.toString(StandardCharsets.UTF_8), lastLine(interp.report(e))));
                }
            }
        }
        return outcomes;
    }

    private static String lastLine(String text) {
        return text.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
    }
}
