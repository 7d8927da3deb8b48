package dev.taipan.x86.gen;

import dev.taipan.flowgraph.cli.PhaseListener;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.gc.GcParams;
import dev.taipan.x86.elf.Executables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/fib.py} translated into a file, as {@code taipan translate} does: the file is
 * a static executable (readelf: EXEC, two LOADs and GNU_STACK, no interpreter, no dynamic
 * section, the entry at {@code _start}), it runs by itself with its arguments, and
 * {@code objdump -d} names the functions after their graphs, those the executable needs: a
 * graph inlined at every call has no code of its own.
 */
class TranslatedExecutableTest {
    private static final Path FIB = Path.of("../stage01-flowgraph/examples/fib.py");

    @TempDir
    Path dir;

    private Path translate() {
        var out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Path exe = dir.resolve("fib");
        Translation.translate(new HostInterpreter(out, out, new ByteArrayInputStream(new byte[0])), FIB, exe, "none",
                null, GcParams.NATIVE, PhaseListener.NONE);
        return exe;
    }

    @Test
    void fibRunsAsAProcess() throws Exception {
        Executables.assumeLinuxX86_64();
        Path exe = translate();
        var result = Executables.run(dir, exe.toString(), "30");
        assertThat(result.stdout()).isEqualTo("fib(30) = 832040\n");
        assertThat(result.status()).isZero();
        assertThat(Executables.run(dir, exe.toString(), "90").stdout()).isEqualTo("fib(90) = 2880067194370816120\n");
    }

    @Test
    void theExecutableIsStatic() throws Exception {
        Executables.assumeLinuxX86_64();
        Executables.assumeTool("readelf");
        Path exe = translate();
        String headers = Executables.run(dir, "readelf", "-W", "-h", "-l", exe.toString()).stdout();
        assertThat(headers).contains("Type:                              EXEC (Executable file)",
                "Machine:                           Advanced Micro Devices X86-64", "GNU_STACK");
        assertThat(headers).doesNotContain("INTERP", "DYNAMIC", "interpreter");
        assertThat(headers.lines().filter(l -> l.strip().startsWith("LOAD")).count()).isEqualTo(2);
        String entry = headers.lines().filter(l -> l.contains("Entry point address:")).findFirst().orElseThrow()
                .replaceAll(".*0x", "");
        String symbols = Executables.run(dir, "readelf", "-W", "-s", exe.toString()).stdout();
        assertThat(symbols.lines().filter(l -> l.endsWith(" _start")).findFirst().orElseThrow())
                .contains(String.format("%016x", Long.parseLong(entry, 16)), "FUNC");
    }

    @Test
    void objdumpNamesTheFunctionsAfterTheirGraphs() throws Exception {
        Executables.assumeLinuxX86_64();
        Executables.assumeTool("objdump");
        Path exe = translate();
        String dump = Executables.run(dir, "objdump", "-d", "-M", "intel", exe.toString()).stdout();
        assertThat(dump).contains("<_start>:", "<main>:", "call", "<rt_print_int>");
        // inlined at their only call (fib into entry_point, entry_point into main): no code of their own
        assertThat(dump).doesNotContain("<entry_point>:", "<fib>:");
    }
}
