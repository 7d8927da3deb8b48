package dev.taipan.rtyper.rtyper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyException;
import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.host.PyModule;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.rtyper.llannotation.LLTypeModule;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.llinterp.LLException;
import dev.taipan.rtyper.llinterp.LLInterpreter;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.memory.Heap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python's {@code //} and {@code %} through the helpers of {@code rpython/rtyper/rint.py}: the
 * llinterp computes what the host computes, on a grid of operands that includes the extremes of
 * a machine word, zero divisors and constant divisors, for signed and unsigned words. The one
 * difference is the one PyPy has: {@code MIN // -1} does not fit in a word and wraps to
 * {@code MIN}, where the host's unbounded ints give 2**63.
 */
class DivisionHelpersTest {
    @TempDir
    Path dir;

    private static final String PROGRAM = """
            from rpython.rlib.rarithmetic import r_uint

            BIG = r_uint(18446744073709551611)


            def div(a, b):
                return a // b


            def mod(a, b):
                return a % b


            def inplace(a, b):
                a //= b
                a %= b - 1
                return a


            def by_constants(a):
                return a // -3 + a % 5 + a // 1


            def caught(a, b):
                try:
                    return a % b
                except ZeroDivisionError:
                    return -99


            def udiv(b):
                return BIG // b


            def umod(b):
                return BIG % b


            def uconst(b):
                return (BIG + b) // 7 + (BIG + b) % 10
            """;

    private static final long MIN = Long.MIN_VALUE;
    private static final long MAX = Long.MAX_VALUE;
    private static final long[] GRID = {MIN, MIN + 1, -1000000007, -7, -3, -2, -1, 0, 1, 2, 3, 7, 1000000007, MAX - 1, MAX};

    private PyModule module;
    private HostInterpreter host;
    private RTyper rtyper;

    /** One outcome, as text: the value (an Unsigned as the non-negative number it is) or the exception's last line. */
    private String onHost(String function, long... args) {
        return host.runInside(() -> hostResult(function, args));
    }

    /** The host's result, computed on the host's thread (one for a whole grid: {@link #compare}). */
    private String hostResult(String function, long... args) {
        PyObject[] py = new PyObject[args.length];
        for (int i = 0; i < args.length; i++) {
            py[i] = PyInt.of(args[i]);
        }
        try {
            return ((PyInt) module.get(function).call(py, null)).bigValue().toString();
        } catch (PyException e) {
            return host.formatException(e).strip().lines().reduce((a, b) -> b).orElseThrow();
        }
    }

    private String lowLevel(LLInterpreter interp, String function, boolean unsigned, long... args) {
        LowLevelGraph g = rtyper.graphs().stream().filter(x -> x.name().equals(function)).findFirst().orElseThrow();
        Object[] llArgs = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            llArgs[i] = args[i];
        }
        try {
            long r = (Long) interp.call(g, llArgs);
            return unsigned ? Long.toUnsignedString(r) : Long.toString(r);
        } catch (LLException e) {
            return interp.report(e).strip().lines().reduce((a, b) -> b).orElseThrow();
        }
    }

    /** Where the llinterp and the host differ on {@code function} (rtyped from it), over {@code a} and {@code b} (or {@code b} alone). */
    private Map<String, String> compare(String function, boolean unsigned, long[] as, long[] bs) throws Exception {
        rtype(function);
        Map<String, String> differences = new TreeMap<>();
        try (Heap heap = Heap.checked()) {
            LLInterpreter interp = new LLInterpreter(program(), heap, new PrintStream(new ByteArrayOutputStream()));
            Map<String, String> onHost = host.runInside(() -> {   // one thread for all the host's calls
                Map<String, String> results = new TreeMap<>();
                for (long a : as) {
                    for (long b : bs) {
                        results.put(a + "," + b, hostResult(function, a, b));
                    }
                }
                for (long b : as.length == 0 ? bs : new long[0]) {
                    results.put(String.valueOf(b), hostResult(function, b));
                }
                return results;
            });
            for (long a : as) {
                for (long b : bs) {
                    long[] args = {a, b};
                    String expected = onHost.get(a + "," + b);
                    String actual = lowLevel(interp, function, unsigned, args);
                    if (!expected.equals(actual)) {
                        differences.put(function + java.util.Arrays.toString(args), "host " + expected + ", ll " + actual);
                    }
                }
            }
            if (as.length == 0) {
                for (long b : bs) {
                    String expected = onHost.get(String.valueOf(b));
                    String actual = lowLevel(interp, function, unsigned, b);
                    if (!expected.equals(actual)) {
                        differences.put(function + "[" + b + "]", "host " + expected + ", ll " + actual);
                    }
                }
            }
        }
        return differences;
    }

    private LowLevelProgram program() {
        return rtyper.program(rtyper.graphs().getFirst());
    }

    @Test
    void signedDivisionAndModuloComputeWhatTheHostComputesExceptMinByMinusOne() throws Exception {
        Map<String, String> differences = new TreeMap<>();
        differences.putAll(compare("div", false, GRID, GRID));
        differences.putAll(compare("mod", false, GRID, GRID));
        differences.putAll(compare("caught", false, GRID, GRID));
        differences.putAll(compare("inplace", false, new long[] {-100, -7, 0, 7, 100}, new long[] {-3, -1, 0, 1, 2, 5}));
        // the word cannot hold 2**63: it wraps, as PyPy's ll_int_py_div does; -1 // -1 and the like agree
        assertThat(differences).containsExactly(Map.entry("div[-9223372036854775808, -1]",
                "host 9223372036854775808, ll -9223372036854775808"));
    }

    @Test
    void taipanRtypeShowsTheCallOfTheHelperAndTheHelpersOwnGraph() throws Exception {
        String text = RtypeCommand.text(rtype("div").graphs());
        assertThat(text).contains("v2: Signed = direct_call((fn ll_int_py_div_zer[int, int]), a_0, b_1)",
                "graph ll_int_py_div_zer[int, int](x_0: Signed, y_1: Signed) -> Signed   [",
                "rpython/rtyper/rint.py:", "int_eq(y_1, 0)", "malloc(GcStruct ZeroDivisionError)",
                "graph ll_int_py_div[int, int](x_0: Signed, y_1: Signed) -> Signed", "int_floordiv(x_0, y_1)",
                "int_rshift(u_");
    }

    @Test
    void theMessagesOfZeroDivisionErrorAreTheHosts() throws Exception {
        for (String function : List.of("div", "mod")) {
            rtype(function);
            try (Heap heap = Heap.checked()) {
                LLInterpreter interp = new LLInterpreter(program(), heap, new PrintStream(new ByteArrayOutputStream()));
                assertThat(lowLevel(interp, function, false, 5, 0)).startsWith("ZeroDivisionError: integer ")
                        .isEqualTo(onHost(function, 5, 0));
            }
        }
    }

    @Test
    void aConstantDivisorNeedsNoCheck() throws Exception {
        assertThat(compare("by_constants", false, new long[0], GRID)).isEmpty();
        LowLevelGraph g = rtyper.graphs().getFirst();   // the comparison rtyped from by_constants
        assertThat(g.graph().iterblocks().stream().flatMap(b -> b.operations.stream()).map(PtrAndHelpersTest::callee)
                .filter(n -> !n.isEmpty()).toList())
                .containsExactly("ll_int_py_div[int, int]", "ll_int_py_mod[int, int]", "ll_int_py_div[int, int]");
        assertThat(rtyper.graphs()).extracting(LowLevelGraph::name).noneMatch(n -> n.contains("_zer"));
    }

    @Test
    void unsignedDivisionIsCDivisionWithTheCheckOfPython() throws Exception {
        // non-negative divisors: r_uint(x) // -1 divides by -1 on the host, then wraps (rarithmetic,
        // as PyPy's), while the translated int is first cast to 2**64 - 1, as PyPy's is too
        long[] divisors = {0, 1, 2, 7, 1000000007, MAX};
        assertThat(compare("udiv", true, new long[0], divisors)).isEmpty();
        assertThat(compare("umod", true, new long[0], divisors)).isEmpty();
        assertThat(compare("uconst", true, new long[0], new long[] {0, 1, 4, 5, 100})).isEmpty();
        // by a constant: one uint_floordiv and one uint_mod, inline, no helper
        LowLevelGraph uconst = rtyper.graphs().getFirst();
        List<Object> ops = uconst.graph().iterblocks().stream().flatMap(b -> b.operations.stream()).map(op -> (Object) op.op()).toList();
        assertThat(ops).contains(LLOp.UINT_FLOORDIV, LLOp.UINT_MOD).doesNotContain(LLOp.DIRECT_CALL);
    }

    @Test
    void onTheHostTheHelpersAreWhatPythonComputesAwayFromOverflow() throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        HostInterpreter h = new HostInterpreter(quiet, quiet, new ByteArrayInputStream(new byte[0]));
        LLTypeModule.install(h);
        Path file = Files.writeString(dir.resolve("try_rint.py"), """
                from rpython.rtyper.rint import ll_int_py_div, ll_int_py_mod


                def check(a, b):
                    return ll_int_py_div(a, b) == a // b and ll_int_py_mod(a, b) == a % b
                """);
        PyObject check = h.importFile(file).get("check");
        long[] small = {-1000000007, -100, -7, -3, -2, -1, 1, 2, 3, 7, 100, 1000000007};
        for (long a : small) {
            for (long b : small) {
                assertThat(h.call(check, List.of(PyInt.of(a), PyInt.of(b))).toString()).as(a + ", " + b).isEqualTo("True");
            }
        }
    }

    /** The program imported on a host of its own, and rtyped from {@code function} (called with ints). */
    private RTyper rtype(String function) throws Exception {
        Path file = Files.writeString(dir.resolve("divisions.py"), PROGRAM);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        host = new HostInterpreter(quiet, quiet, new ByteArrayInputStream(new byte[0]));
        module = host.importFile(file);
        rtyper = RtypeCommand.rtyper(file, function);
        return rtyper;
    }
}
