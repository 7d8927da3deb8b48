package dev.taipan.rtyper.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code taipan rtype --opt/--after} and {@code taipan exec --stage=ll --opt}, through the command line. */
class PassCommandsTest {

    @TempDir
    Path dir;

    private static final String PROGRAM = """
            class Oops(Exception):
                pass

            def check(n):
                if n < 0:
                    raise Oops
                return n

            def f(n):
                try:
                    return check(n) + 1
                except Oops:
                    return 0

            def entry_point(argv):
                print(f(len(argv)))
                print(f(-len(argv)))
                return 0
            """;

    private record Result(int status, String out, String err) { }

    private Result taipan(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(status, out.toString(), err.toString());
    }

    private String file() throws IOException {
        return Files.writeString(dir.resolve("prog.py"), PROGRAM).toString();
    }

    @Test
    void rtypeAfterTheExceptionTransformShowsThePendingExceptionAndNoExceptionLinks() throws IOException {
        String before = taipan("rtype", file(), "--function", "f").out();
        assertThat(before).contains("exitswitch: last_exception").doesNotContain("exc_data");
        // at --opt=0: at the default --opt=2, check is inlined into f and its call is gone
        Result after = taipan("rtype", file(), "--function", "f", "--opt=0", "--after=exceptiontransform");
        assertThat(after.status()).isZero();
        assertThat(after.out()).contains("getfield((prebuilt Struct exc_data), 'exc_type')", "debug_start_traceback",
                "debug_record_traceback").doesNotContain("last_exception");
    }

    @Test
    void rtypeAfterSccpShowsARangeLoopWithoutItsStepTest() throws IOException {
        String loop = Files.writeString(dir.resolve("loop.py"), """
                def total(n):
                    s = 0
                    for i in range(n):
                        s += i
                    return s
                """).toString();
        String removed = taipan("rtype", loop, "--function", "total", "--after=malloc-removal").out();
        assertThat(removed).contains("int_gt(step");
        Result sccp = taipan("rtype", loop, "--function", "total", "--after=sccp");
        assertThat(sccp.status()).isZero();
        assertThat(sccp.out()).contains("int_ge(next").doesNotContain("int_gt(", "step");
        assertThat(taipan("rtype", loop, "--function", "total", "--opt=1", "--after=sccp").err()).contains("its passes are: constfold, exceptiontransform");
    }

    @Test
    void rtypeAfterAPassTheLevelDoesNotHaveIsAnError() throws IOException {
        Result r = taipan("rtype", file(), "--opt=0", "--after=constfold");
        assertThat(r.status()).isNotZero();
        assertThat(r.err()).contains("--after=constfold: no such pass at this level; its passes are: exceptiontransform");
    }

    @Test
    void execRunsTheSameAtEveryLevelAndRefusesAnUnknownOne() throws IOException {
        for (String level : new String[] {"none", "0", "1", "2"}) {
            Result r = taipan("exec", "--stage=ll", "--checked", "--opt=" + level, file());
            assertThat(r).as("--opt=" + level).isEqualTo(new Result(0, "2\n0\n", ""));
        }
        Result bad = taipan("exec", "--stage=ll", "--opt=3", file());
        assertThat(bad.status()).isNotZero();
        assertThat(bad.err()).contains("--opt=3: the levels are none, 0, 1, 2");
    }
}
