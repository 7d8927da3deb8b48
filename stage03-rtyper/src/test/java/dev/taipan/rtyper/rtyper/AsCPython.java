package dev.taipan.rtyper.rtyper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.host.HostInterpreter;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A program run on the host interpreter and at {@code --stage=ll} over the checked heap, each
 * compared with the text CPython 3.11 printed for it (written into the test by running
 * {@code python3}): the shared harness of the tests that check a stage 03 feature against CPython.
 */
final class AsCPython {
    private AsCPython() { }

    record Run(int status, String out, String err) { }

    /** FILE on the host, or ({@code lowLevel}) annotated, rtyped and run in the llinterp, checked heap. */
    static Run run(Path file, boolean lowLevel) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        var host = new HostInterpreter(o, e, InputStream.nullInputStream());
        int status = lowLevel ? LLStage.run(host, file, List.of(), new ExecOptions(true), o, e)
                : host.runProgram(file, List.of());
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code source}, as {@code dir/prog.py}, prints {@code cpython} on the host and at {@code ll}, and exits 0 there. */
    static void assertRunsAsCPython(Path dir, String source, String cpython) throws Exception {
        Path file = Files.writeString(dir.resolve("prog.py"), source);
        Run host = run(file, false);
        assertThat(host.out()).as(host.err()).isEqualTo(cpython);
        Run ll = run(file, true);
        assertThat(ll.out()).as(ll.err()).isEqualTo(cpython);
        assertThat(ll.status()).isZero();
    }
}
