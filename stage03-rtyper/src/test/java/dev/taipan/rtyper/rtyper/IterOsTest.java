package dev.taipan.rtyper.rtyper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LLOp;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * enumerate(), zip() and reversed() ({@link IteratorVariants}), the JIT hints ({@link JitHints}),
 * and bytes, os and time over the system-call operations ({@link OsRules}, {@code rposix.py}):
 * whole programs at {@code --stage=ll}, over the checked heap and the fast one, print what the
 * host prints, in the program's working directory; and the graphs hold what stage 06 and
 * stage 05 will need (jit_marker with the driver's variables in order, one syscall operation
 * per call).
 */
class IterOsTest {
    @TempDir
    Path dir;

    private record Run(int status, String out, String err) { }

    private Run host(Path file) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var host = new HostInterpreter(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), InputStream.nullInputStream());
        host.setWorkingDirectory(dir);
        int status = host.runProgram(file, List.of());
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run lowLevel(Path file, boolean checked) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);   // buffered: print and os.write share it
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        var host = new HostInterpreter(o, e, InputStream.nullInputStream());
        host.setWorkingDirectory(dir);
        int status = LLStage.run(host, file, List.of(), new ExecOptions(checked), o, e);
        o.flush();
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code source} on the host and at ll (checked or not), asserts the same output and status, returns it. */
    private String sameAsHost(String source, boolean checked) throws Exception {
        Path file = Files.writeString(dir.resolve("prog.py"), source);
        Run expected = host(file);
        assertThat(expected.status()).as(expected.err()).isZero();
        Run actual = lowLevel(file, checked);
        assertThat(actual.out()).as(actual.err()).isEqualTo(expected.out());
        assertThat(actual.status()).isEqualTo(expected.status());
        return actual.out();
    }

    private RTyper rtype(String source) throws Exception {
        return Rtyping.rtyper(dir, source, null);
    }

    private static List<SpaceOperation> ops(LowLevelGraph g, LLOp op) {
        return g.graph().iterblocks().stream().flatMap(b -> b.operations.stream()).filter(o -> o.op() == op).toList();
    }

    private static LowLevelGraph graph(RTyper rtyper, String name) {
        return rtyper.graphs().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "checked heap: {0}")
    @ValueSource(booleans = {true, false})
    void enumerateZipAndReversedWalkTheirIteratorsAsPythonDoes(boolean checked) throws Exception {
        String out = sameAsHost("""
                def entry_point(argv):
                    xs = [10, 20, 30]
                    words = ["a", "bb", "ccc", "dddd"]
                    for i, w in enumerate(words, start=-1):
                        print(i, w)
                    for i, c in enumerate("hi", 7):
                        print(i, c)
                    for a, b in zip(xs, words):           # the shorter first
                        print(a, b)
                    for b, a in zip(words, xs):           # the shorter last: one more word is taken
                        print(a, b)
                    for a, b, c in zip(xs, "xyz", range(100, 0, -7)):
                        print(a, b, c)
                    for p in zip(xs, []):
                        print("never")
                    for x in reversed(xs):
                        print(x)
                    for c in reversed(""):
                        print("never")
                    for t in reversed((1, 2, 3)):
                        print(t)
                    for r in reversed(range(1, 10, 3)):
                        print(r)
                    for r in reversed(range(10, -3, -4)):
                        print(r)
                    for r in reversed(range(5, 5)):
                        print("never")
                    for i, (k, w) in enumerate(zip(reversed(xs), words)):
                        print(i, k, w)
                    pairs = zip(xs, xs)
                    total = 0
                    for p in pairs:                       # the tuple kept, not unpacked
                        total += p[0] * p[1]
                    print(total)
                    e = enumerate(words)
                    for i, p in enumerate(e):             # an iterator walked by another
                        print(i, p[0], p[1])
                    return 0
                """, checked);
        assertThat(out).startsWith("-1 a\n0 bb\n1 ccc\n2 dddd\n7 h\n8 i\n10 a\n20 bb\n30 ccc\n")
                .contains("30\n20\n10\n3\n2\n1\n7\n4\n1\n-2\n2\n6\n10\n0 30 a\n1 20 bb\n2 10 ccc\n1400\n");
    }

    @Test
    void theVariantsAreStructsOfIteratorsAndAStepIsTheirSteps() throws Exception {
        RTyper rtyper = rtype("""
                def f(xs, s):
                    n = 0
                    for i, (x, c) in enumerate(zip(xs, s), 1):
                        n += i * x + ord(c)
                    for x in reversed(xs):
                        n -= x
                    return n

                def entry_point(argv):
                    return f([1, 2, 3], "abc")
                """);
        LowLevelGraph f = graph(rtyper, "f");
        List<String> made = ops(f, LLOp.MALLOC).stream()
                .map(o -> ((LLConstant) ((Constant) o.args().getFirst()).value()).value().toString()).toList();
        assertThat(made).anyMatch(t -> t.contains("enumerate")).anyMatch(t -> t.contains("zip"))
                .anyMatch(t -> t.contains("listiter")).anyMatch(t -> t.contains("striter"));
        rtyper.graphs().forEach(WellFormed::check);
    }

    @Test
    void aVariantOverADictIsRefusedAtItsLine() throws Exception {
        RTyperError e = catchThrowableOfType(RTyperError.class, () -> rtype("""
                def entry_point(argv):
                    d = {1: 2}
                    for k in reversed(d):
                        print(k)
                    return 0
                """));
        assertThat(e).isNotNull();
        assertThat(e.line).isEqualTo(3);
        assertThat(e.getMessage()).contains("of a dict", "d.keys()");
    }

    @ParameterizedTest(name = "checked heap: {0}")
    @ValueSource(booleans = {true, false})
    void jitHintsAreNoOpsThatStayInTheGraph(boolean checked) throws Exception {
        String source = """
                from rpython.rlib.jit import JitDriver, promote, hint, we_are_jitted, elidable, unroll_safe

                driver = JitDriver(greens=['pc', 'code'], reds=['acc', 'n'], name='toy')

                @elidable
                def cost(c):
                    return ord(c) - 48

                @unroll_safe
                def run(code, n):
                    acc = 0
                    pc = 0
                    while pc < len(code) * n:
                        driver.jit_merge_point(n=n, acc=acc, code=code, pc=pc)
                        acc += cost(code[promote(pc) % len(code)])
                        acc = hint(acc, promote=True)
                        pc += 1
                        driver.can_enter_jit(pc=pc, code=code, acc=acc, n=n)
                    return acc

                def entry_point(argv):
                    print(run("123" * len(argv), 4), we_are_jitted())
                    return 0
                """;
        assertThat(sameAsHost(source, checked)).isEqualTo("24 False\n");
        LowLevelGraph run = graph(rtype(source), "run");
        List<SpaceOperation> markers = ops(run, LLOp.JIT_MARKER);
        assertThat(markers).hasSize(2);
        SpaceOperation merge = markers.stream().filter(o -> o.args().getFirst().toString().contains("jit_merge_point"))
                .findFirst().orElseThrow();
        // the driver's order, greens first, whatever the keywords' order
        assertThat(merge.args().get(1).toString()).contains("JitDriver toy greens=[pc, code] reds=[acc, n]");
        assertThat(merge.args().subList(2, 6).stream().map(Object::toString).toList())
                .allMatch(s -> s.startsWith("pc") || s.startsWith("code") || s.startsWith("acc") || s.startsWith("n"))
                .satisfies(names -> {
                    assertThat(names.get(0)).startsWith("pc");
                    assertThat(names.get(1)).startsWith("code");
                    assertThat(names.get(2)).startsWith("acc");
                    assertThat(names.get(3)).startsWith("n");
                });
        assertThat(ops(run, LLOp.HINT)).extracting(o -> o.args().get(1).toString())
                .containsExactlyInAnyOrder("'promote'", "'hint(promote)'");
    }

    @Test
    void aHintThatIsNotTranslatedAndAMissingVariableAreRefused() throws Exception {
        RTyperError missing = catchThrowableOfType(RTyperError.class, () -> rtype("""
                from rpython.rlib.jit import JitDriver
                driver = JitDriver(greens=['i'], reds=['n'])

                def entry_point(argv):
                    i = 0
                    n = len(argv)
                    while i < n:
                        driver.jit_merge_point(i=i)
                        i += 1
                    return 0
                """));
        assertThat(missing).isNotNull();
        assertThat(missing.line).isEqualTo(8);
        assertThat(missing.getMessage()).contains("does not pass 'n'");
        RTyperError other = catchThrowableOfType(RTyperError.class, () -> rtype("""
                from rpython.rlib.jit import jit_debug

                def entry_point(argv):
                    jit_debug("here")
                    return 0
                """));
        assertThat(other).isNotNull();
        assertThat(other.getMessage()).contains("jit_debug()", "no low-level translation");
    }

    @ParameterizedTest(name = "checked heap: {0}")
    @ValueSource(booleans = {true, false})
    void filesAreWrittenReadBackAndRemovedInTheProgramsDirectory(boolean checked) throws Exception {
        String out = sameAsHost("""
                import os

                def entry_point(argv):
                    fd = os.open("scratch.txt", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                    n = os.write(fd, b"hello\\n") + os.write(fd, "d\\xe9j\\xe0 vu\\n".encode())
                    os.close(fd)
                    print("wrote", n)
                    fd = os.open("scratch.txt", os.O_WRONLY | os.O_APPEND)
                    os.write(fd, b"end")
                    os.close(fd)
                    fd = os.open("scratch.txt", os.O_RDONLY, 0)
                    data = b""
                    reads = 0
                    while True:
                        chunk = os.read(fd, 4)
                        if len(chunk) == 0:
                            break
                        data += chunk
                        reads += 1
                    os.close(fd)
                    text = data.decode()
                    print(reads, len(data), len(text), text.split("\\n")[1], data[:5].decode())
                    os.unlink("scratch.txt")
                    try:
                        os.open("scratch.txt", os.O_RDONLY, 0)
                    except FileNotFoundError:
                        print("gone")
                    try:
                        os.close(fd)
                    except OSError:
                        print("closed twice")
                    try:
                        os.write(fd, b"x")
                    except OSError:
                        print("write to a closed fd")
                    try:
                        os.open(".", os.O_WRONLY, 0)
                    except IsADirectoryError:
                        print("a directory")
                    return 0
                """, checked);
        assertThat(out).isEqualTo("wrote 16\n5 19 17 déjà vu hello\ngone\nclosed twice\nwrite to a closed fd\na directory\n");
        assertThat(dir.resolve("scratch.txt")).doesNotExist();
    }

    @Test
    void bytesAreStringsWhoseItemsAreInts() throws Exception {
        String out = sameAsHost("""
                def entry_point(argv):
                    data = "h\\xe9!".encode()
                    total = 0
                    for b in data:
                        total += b
                    print(len(data), data[0], data[-2], total, len(b"abc"))
                    print(data == b"h\\xc3\\xa9!", data[1:3] + b"?" == b"\\xc3\\xa9?", data[1:3].decode() == "\\xe9")
                    return 0
                """, true);
        assertThat(out).isEqualTo("4 104 169 501 3\nTrue True True\n");
    }

    @Test
    void printAndOsWriteToStdoutKeepTheProgramsOrder() throws Exception {
        String out = sameAsHost("""
                import os

                def entry_point(argv):
                    print("one", end=" ")
                    os.write(1, b"two ")
                    print("three")
                    os.write(1, b"")
                    os.write(1, b"four\\n")
                    print("five", "six", sep="-", flush=True)
                    return 0
                """, true);
        assertThat(out).isEqualTo("one two three\nfour\nfive-six\n");
    }

    @Test
    void anUncaughtOSErrorEndsTheProgramWithCPythonsNameAndErrno() throws Exception {
        Path file = Files.writeString(dir.resolve("prog.py"), """
                import os

                def entry_point(argv):
                    os.unlink("no such file")
                    return 0
                """);
        Run run = lowLevel(file, true);
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err().strip().lines().toList().getLast())
                .isEqualTo("FileNotFoundError: [Errno 2] No such file or directory");
        assertThat(host(file).err()).contains("FileNotFoundError: [Errno 2] No such file or directory");
    }

    @Test
    void osAndTimeCallsAreHelpersAroundOneSyscallOperation() throws Exception {
        RTyper rtyper = rtype("""
                import os
                import time

                def entry_point(argv):
                    fd = os.open(argv[0], os.O_RDONLY)
                    data = os.read(fd, 10)
                    os.close(fd)
                    t = time.time()
                    return len(data) + int(t > 0.0) + time.time_ns() % 2
                """);
        assertThat(ops(graph(rtyper, "ll_os_open[Ptr(GcStruct rpy_string), int, int]"), LLOp.SYSCALL_OPEN)).hasSize(1);
        assertThat(ops(graph(rtyper, "ll_os_read[int, int]"), LLOp.SYSCALL_READ)).hasSize(1);
        assertThat(ops(graph(rtyper, "ll_os_close[int]"), LLOp.SYSCALL_CLOSE)).hasSize(1);
        assertThat(ops(graph(rtyper, "ll_time_time[]"), LLOp.SYSCALL_CLOCK_GETTIME)).hasSize(1);
        rtyper.graphs().forEach(WellFormed::check);
    }

    @ParameterizedTest(name = "checked heap: {0}")
    @ValueSource(booleans = {true, false})
    void theClocksTickForward(boolean checked) throws Exception {
        String out = sameAsHost("""
                import time

                def entry_point(argv):
                    a = time.monotonic()
                    b = time.monotonic()
                    n = time.perf_counter_ns()
                    print(time.time() > 1.6e9, time.time_ns() > 1600000000000000000, b >= a, time.perf_counter_ns() >= n)
                    return 0
                """, checked);
        assertThat(out).isEqualTo("True True True True\n");
    }
}
