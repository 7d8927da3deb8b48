package dev.taipan.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.host.PyFunction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The notebook helpers, and how their values look in Jupyter. */
class TaipanFacadeTest {

    @Test
    void runShowsOutputAndFailsTheCellWhenTheProgramFails() {
        Run ok = Taipan.run("""
                def entry_point(argv):
                    print("args", argv[1:])
                    return 0
                """, "a");
        assertThat(ok.text()).isEqualTo("args ['a']\n");
        assertThatThrownBy(() -> Taipan.run("print(1)\nprint(1 // 0)"))
                .isInstanceOf(ProgramFailed.class)
                .hasMessage("ZeroDivisionError: integer division or modulo by zero")
                .satisfies(e -> assertThat(((TaipanError) e).render())
                        .startsWith("1\n").contains("Traceback (most recent call last):").endsWith("[exit status 1]"));
    }

    @Test
    void failsWantsAFailure() {
        Run failed = Taipan.fails("raise ValueError('no')");
        assertThat(failed.status()).isEqualTo(1);
        assertThat(failed.stderr()).endsWith("ValueError: no\n");
        assertThatThrownBy(() -> Taipan.fails("print('fine')")).isInstanceOf(ProgramFailed.class);
    }

    @Test
    void loadReturnsTheLiveModuleAndReportsImportErrorsAsTracebacks() {
        var m = Taipan.load("""
                def f(x):
                    return x + 1
                TABLE = {n: n * n for n in range(3)}
                """);
        assertThat(m.get("f")).isInstanceOf(PyFunction.class);
        assertThat(m.get("TABLE")).hasToString("{0: 0, 1: 1, 2: 4}");
        assertThatThrownBy(() -> Taipan.load("import no_such_module"))
                .isInstanceOf(ProgramFailed.class)
                .hasMessageContaining("ModuleNotFoundError");
    }

    @Test
    void frontEndViews() {
        var code = Taipan.compile("""
                    def f(x):
                        return [y for y in x]
                """);
        assertThat(Taipan.codeObjects(code)).extracting(c -> c.name()).containsExactly("<module>", "f");
        assertThat(Taipan.dis(Taipan.codeOf(code, "f")).text()).contains("LIST_APPEND");
        assertThat(Taipan.ast("x = 1").text()).isEqualTo("Assign(targets=[Name(id='x')], value=Constant(value=1))");
        assertThat(Taipan.compileError("def f(:\n  pass").text()).startsWith("<cell>:1:").contains("^");
        assertThatThrownBy(() -> Taipan.compileError("x = 1")).isInstanceOf(TaipanError.class);
        assertThatThrownBy(() -> Taipan.codeOf(code, "g")).hasMessageContaining("no code object named 'g'");
    }

    @Test
    void richValuesBecomeJupyterDisplayData() {
        var table = Taipan.table(List.of("a", "b"), List.of(List.of(1, "<x>")));
        var data = TaipanKernel.render(table);
        assertThat((String) data.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_HTML))
                .contains("<th>a</th>").contains("&lt;x&gt;");
        assertThat(table.text()).isEqualTo("a  b\n-  ---\n1  <x>");
        var svg = TaipanKernel.render(new Rich.Svg("<svg/>", "a picture"));
        assertThat(svg.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.IMAGE_SVG)).isEqualTo("<svg/>");
        var png = TaipanKernel.render(new Rich.Png(new byte[] {1, 2, 3}, "an image"));
        assertThat(png.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.IMAGE_PNG)).isEqualTo("AQID");
        var plain = TaipanKernel.render(List.of(1, 2));
        assertThat(plain.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN)).isEqualTo("[1, 2]");
    }
}
