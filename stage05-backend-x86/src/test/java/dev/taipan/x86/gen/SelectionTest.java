package dev.taipan.x86.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.gc.GcStage;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.x86.elf.Executables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The selections that are easy to get wrong, run as a tiny program ({@code selection.py}):
 * division and modulo with every sign and {@code MIN // -1} (x86's {@code idiv} traps there),
 * shifts through {@code cl}, unsigned comparison and division, chars as unsigned bytes, floats
 * with NaN (the parity flag), overflow checks, calls with arguments on the stack. The expected
 * output is CPython's ({@code selection.expected}), and the llinterp must print the same.
 */
class SelectionTest {
    private static final Path PROGRAM = Path.of("src/test/resources/x86/selection.py");

    @Test
    void tinyProgramPrintsWhatCPythonAndTheLlinterpPrint() throws Exception {
        Executables.assumeLinuxX86_64();
        String expected = Files.readString(Path.of("src/test/resources/x86/selection.expected"));
        Run x86 = run(true);
        Run ll = run(false);
        assertThat(x86.stdout()).isEqualTo(expected);
        assertThat(x86.status()).isEqualTo(3);
        assertThat(ll.stdout()).isEqualTo(x86.stdout());
        assertThat(ll.status()).isEqualTo(x86.status());
        // a few lines by hand, so that the file cannot drift with the code
        assertThat(x86.stdout()).contains("-7 // 2 = -4   -7 % 2 = 1\n", "7 // -2 = -4   7 % -2 = -1\n",
                "-9223372036854775808 0\n", "-40 -3 -1 4611686018427387904\n",
                "True True 6148914691236517205 0 15\n", "False True False False -4\n");
    }

    private record Run(String stdout, int status) {
    }

    private static Run run(boolean x86) {
        var bytes = new ByteArrayOutputStream();
        var out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        var err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        var in = new ByteArrayInputStream(new byte[0]);
        var host = new HostInterpreter(out, err, in);
        var options = new ExecOptions(false, null, "none", false, null);
        int status = x86 ? X86Stage.run(host, PROGRAM, List.of(), options, out, err, in)
                : GcStage.run(host, PROGRAM, List.of(), options, out, err);
        out.flush();
        return new Run(bytes.toString(StandardCharsets.UTF_8), status);
    }

    /** An operation without a rule stops the translation with its name and its function's, as a user error. */
    @Test
    void anOperationNotSelectedIsRefusedByName() {
        GcStruct node = GcStruct.of("Node", new Field("x", Primitive.SIGNED));
        Variable p = new Variable("p");
        Block start = new Block(List.of());
        start.operations.add(new SpaceOperation(LLOp.MALLOC, List.<Value>of(LLConstant.voidOf(node)), p, 1));
        FunctionGraph fg = new FunctionGraph("make", start, null, null);
        start.closeblock(new Link(List.of(p), fg.returnblock, null));
        LowLevelGraph g = new LowLevelGraph("make", fg, new FuncType(List.of(), new Ptr(node)));
        g.setType(p, new Ptr(node));
        g.setType(fg.returnblock.inputargs.getFirst(), new Ptr(node));
        assertThatThrownBy(() -> new FunctionCodegen(g, x -> "x", new TextPool(), null).generate())
                .isInstanceOf(NotSelectedError.class)
                .hasMessage("x86 backend: the operation malloc in function make is not selected yet");
    }
}
