package dev.taipan.flowgraph.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taipan.flowgraph.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test: Python 3.11's own {@code tokenize} module and this lexer must agree on
 * every token's kind, text and position (comments and non-logical line breaks, which this lexer
 * drops, are filtered out of Python's output). Skipped when no python3.11 is installed.
 */
class LexerCPythonTest {

    private static final String[] SNIPPETS = {
        "",
        "x = 1",
        "x = 1\n",
        "def f(a, *args, b=2, **kw) -> int:\n    return a**2 // b\n\n\nclass C(B, metaclass=M):\n"
                + "    '''doc'''\n    @property\n    def g(self): pass\n",
        "if a:\n    if b:\n        c\n    # comment\n\n  # odd comment\n    d\nelse:\n\te = 1\n",
        "x = (1,\n     2,  # c\n\n     3)\ny = [\n]\nz = {1: 2,\n}\n",
        "x = 1 + \\\n    2\ny = 3\n",
        "s = 'a' \"b\" '''c\nd''' \"\"\"e\"\"\" r'\\d' b'x' Rb\"y\" u'z' f'{x!r:>{w}}' rf'{y}\\n'\n",
        "s = 'a\\\nb'\nt = f'''{\nx\n}'''\n",
        "n = [0, 00, 0_0, 12, 1_000, 0x_fF, 0O17, 0b1_0, 1., .5, 1e10, 1E+5, 2.5e-3, 1_0.0_1e-1_0]\n",
        "a += 1; b -= 2; c *= 3; d /= 4; e //= 5; f %= 6; g @= 7; h &= 8; i |= 9; j ^= 1\n"
                + "k >>= 1; l <<= 2; m **= 3; n = a if b else c; o = a != b <= c >= d == e < f > g\n"
                + "p = ~a & b | c ^ d << e >> f; q = x[1:2, ...]; r = lambda: (yield); s = (t := 1)\n",
        "été = π = 1\n_x = __y__\n",
        "x = 1\r\nif x:\r\n    y\r\n",
        "if x:\n  a\n\f  b\n",
        "x = [\n  1\n",  // never closed: skipped below, as Python's tokenize raises
        "async def f():\n    await g()\n    async with a as b:\n        pass\n",
        "x = 1if y else 2\n",
        "def f():\n    return\n# trailing comment",
    };

    @TempDir
    Path tmp;

    @Test
    void tokensAgreeWithPythonTokenize() throws Exception {
        Path python = findPython();
        assumeTrue(python != null, "python3.11 not installed: differential test skipped");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < SNIPPETS.length; i++) {
            Path f = tmp.resolve("s" + i + ".py");
            Files.writeString(f, SNIPPETS[i]);
            files.add(f);
        }
        for (String name : List.of("textwrap.py", "string.py", "tokenize.py", "dataclasses.py")) {
            Path f = Path.of("/usr/lib/python3.11", name);
            if (Files.isReadable(f)) {
                files.add(f);
            }
        }
        List<String> expected = runPythonTokenize(python, files);
        int compared = 0;
        for (int i = 0; i < files.size(); i++) {
            String py = expected.get(i);
            if (py.startsWith("ERROR")) {
                continue;
            }
            SourceFile src = SourceFile.of(files.get(i).toString(), Files.readString(files.get(i)));
            assertThat(spellLikePython(Lexer.tokenize(src))).as(files.get(i).toString()).isEqualTo(py);
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(SNIPPETS.length - 1);
    }

    private static String spellLikePython(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            Pos p = t.pos();
            sb.append(t.kind()).append('|').append(t.text().replace("\n", "\\n")).append('|')
                    .append(p.line()).append(',').append(p.col()).append('-')
                    .append(p.endLine()).append(',').append(p.endCol()).append('\n');
        }
        return sb.toString();
    }

    private static final String SCRIPT = """
            import sys, tokenize, io
            if sys.version_info[:2] != (3, 11):
                sys.exit(3)
            for path in sys.argv[1:]:
                src = open(path, encoding='utf-8', newline='').read()
                out = []
                try:
                    for t in tokenize.generate_tokens(io.StringIO(src, newline=None).readline):
                        if t.type in (tokenize.COMMENT, tokenize.NL):
                            continue
                        s = t.string.replace('\\r\\n', '\\n').replace('\\r', '\\n')
                        out.append('%s|%s|%d,%d-%d,%d\\n' % (tokenize.tok_name[t.type],
                                   s.replace('\\n', '\\\\n'), *t.start, *t.end))
                    sys.stdout.write(''.join(out))
                except Exception as e:
                    sys.stdout.write('ERROR\\n')
                sys.stdout.write('\\x00\\n')
            """;

    private static List<String> runPythonTokenize(Path python, List<Path> files)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(python.toString(), "-c", SCRIPT));
        files.forEach(f -> cmd.add(f.toString()));
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(proc.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assumeTrue(proc.exitValue() != 3, "python3 is not 3.11: differential test skipped");
        assertThat(proc.exitValue()).isZero();
        List<String> results = new ArrayList<>(List.of(out.split("\0\n", -1)));
        results.removeLast();
        assertThat(results).hasSize(files.size());
        return results;
    }

    private static Path findPython() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of("/usr/bin"), Stream.of(path.split(":")))
                .flatMap(dir -> Stream.of(Path.of(dir, "python3.11"), Path.of(dir, "python3")))
                .filter(Files::isExecutable)
                .findFirst().orElse(null);
    }
}
