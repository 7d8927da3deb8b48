package dev.taipan.gc.gctransform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.gc.Collector;
import dev.taipan.gc.GcParams;
import dev.taipan.gc.GcStage;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.rtyper.LLStage;
import dev.taipan.rtyper.transform.OptLevel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The self-test of the tests (issue 14): with one root forgotten at every call that can
 * collect ({@link ShadowStackRoots#forgettingOneRoot()}), the program that passes with the real
 * pass must fail under a moving collector on the checked heap: a stale pointer into the freed
 * from-space is caught at its first use, or the output is wrong. If this test ever passes with
 * the broken pass, the GC tests could not see a missing root.
 */
class RootsSelfTest {

    @Test
    void aForgottenRootIsCaught() throws Exception {
        Path program = Path.of(RootsSelfTest.class.getResource("/gc/dropped_lists.py").toURI());
        assertThat(run(program, false)).isEqualTo("0:323040000 780\n");
        assertThat(run(program, true)).isNotEqualTo("0:323040000 780\n");
    }

    /** The exit status and output of {@code program} under semispace (a few collections), checked; or the error that stopped it. */
    private static String run(Path program, boolean forgetOne) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        HostInterpreter host = new HostInterpreter(out, out, new ByteArrayInputStream(new byte[0]));
        try {
            LowLevelProgram p = GcStage.translate(host, program, Collector.SEMISPACE, OptLevel.O2, entries -> {
                GcTransformer t = new GcTransformer(Collector.SEMISPACE, entries, GcParams.INTERPRETED.withHeapCheck(true));
                return forgetOne ? t.forgettingOneRoot() : t;
            });
            int status = LLStage.runProgram(p, host, program, List.of(), true, out, out, null);
            return status + ":" + bytes.toString(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return "stopped: " + e;
        }
    }
}
