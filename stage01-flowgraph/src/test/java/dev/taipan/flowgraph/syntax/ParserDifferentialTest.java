package dev.taipan.flowgraph.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taipan.flowgraph.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The strongest test of the parser: the same input through CPython 3.11's {@code ast} module
 * (by {@code astdump.py}, run once per batch) and through Taipan's parser must give the same
 * dump, node positions included, or the same error. Inputs: the snippets of
 * {@code parser-snippets.py} (every construct, valid), {@code parser-errors.py} (CPython's
 * error messages and positions) and the Python files of CPython's own standard library in
 * {@code /usr/lib/python3.11}. Skips when {@code /usr/bin/python3} is not Python 3.11.
 */
class ParserDifferentialTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path STDLIB = Path.of("/usr/lib/python3.11");

    @TempDir
    static Path tmp;
    private static Path script;

    @BeforeAll
    static void findPython() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "CPython not found at " + PYTHON + "; differential test skipped");
        List<String> version = run(List.of(PYTHON.toString(), "-c",
                "import sys; print('%d.%d' % sys.version_info[:2])"));
        assumeTrue(version.equals(List.of("3.11")),
                PYTHON + " is Python " + version + ", not 3.11; differential test skipped");
        script = copyResource("astdump.py");
    }

    @Test
    void snippetsMatchCPython() throws Exception {
        assertSnippetsMatch("parser-snippets.py", true);
    }

    @Test
    void errorsMatchCPython() throws Exception {
        assertSnippetsMatch("parser-errors.py", false);
    }

    private void assertSnippetsMatch(String resource, boolean expectValid) throws Exception {
        Path file = copyResource(resource);
        List<String> snippets = splitSnippets(Files.readString(file));
        List<String> cpython = run(List.of(PYTHON.toString(), script.toString(), "--positions", "--snippets",
                file.toString()));
        assertThat(cpython).hasSameSizeAs(snippets);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            String snippet = snippets.get(i);
            if (snippet.lines().allMatch(line -> line.startsWith("#"))) {
                continue;
            }
            String expected = cpython.get(i);
            String actual = ours(snippet, true);
            if (snippet.endsWith("\n# taipan: column")) {
                expected = withoutColumn(expected);
                actual = withoutColumn(actual);
            } else if (snippet.endsWith("\n# taipan: lexer first")) {
                expected = expected.substring(0, 3);
                actual = actual.substring(0, 3);
            }
            if (expectValid != expected.startsWith("OK ")) {
                mismatches.add("CPython does not agree this snippet is " + (expectValid ? "valid" : "invalid")
                        + ":\n" + snippet + "\n  cpython: " + expected);
            } else if (!actual.equals(expected)) {
                mismatches.add(snippet + "\n  taipan:  " + actual + "\n  cpython: " + expected);
            }
        }
        assertThat(mismatches).as("snippets of %s whose tree or error differs from CPython's", resource).isEmpty();
    }

    /**
     * Every Python file of CPython's standard library: the same tree with positions, or a
     * "not supported by Taipan" error (counted, and a minority). Under a few seconds.
     */
    @Test
    void standardLibraryMatchesCPython() throws Exception {
        assumeTrue(Files.isDirectory(STDLIB), STDLIB + " not found");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(STDLIB)) {
            files = walk.filter(f -> f.toString().endsWith(".py") && Files.isRegularFile(f)).sorted().toList();
        }
        Path list = tmp.resolve("files.txt");
        Files.write(list, files.stream().map(Path::toString).toList());
        List<String> cpython = run(List.of(PYTHON.toString(), script.toString(), "--positions", "--files",
                list.toString()));
        assertThat(cpython).hasSameSizeAs(files);
        int same = 0;
        int unsupported = 0;
        int bothReject = 0;
        java.util.Map<String, Integer> unsupportedBy = new java.util.TreeMap<>();
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String expected = cpython.get(i);
            String source;
            try {
                source = Files.readString(files.get(i));
            } catch (MalformedInputException e) {
                continue;
            }
            String actual = ours(source, true);
            if (actual.equals(expected)) {
                same++;
            } else if (actual.startsWith("ERR SyntaxError") && actual.contains("not supported by Taipan")
                    && expected.startsWith("OK ")) {
                unsupported++;
                unsupportedBy.merge(actual.substring(actual.indexOf("not supported by Taipan: ") + 25), 1, Integer::sum);
            } else if (actual.startsWith("ERR") && expected.startsWith("ERR")) {
                bothReject++;
            } else {
                mismatches.add(files.get(i) + "\n" + firstDifference(actual, expected));
            }
        }
        System.out.printf("stdlib: %d files, %d same as CPython, %d not supported by Taipan, %d rejected by both,"
                + " %d different; unsupported: %s%n", files.size(), same, unsupported, bothReject, mismatches.size(),
                unsupportedBy);
        assertThat(mismatches).as("stdlib files whose tree differs from CPython's").isEmpty();
        assertThat(unsupported).as("files using constructs Taipan does not support").isLessThan(files.size() / 4);
    }

    // ---------------------------------------------------------------- helpers

    /** Taipan's side, in astdump.py's format. */
    static String ours(String source, boolean positions) {
        try {
            return "OK " + AstDump.dump(Parser.parse(SourceFile.of("<snippet>", source)), positions);
        } catch (SyntaxError e) {
            return "ERR " + e.kind() + ":" + e.pos().line() + ":" + e.pos().col() + ":" + e.msg();
        } catch (RuntimeException | StackOverflowError e) {
            return "CRASH " + e;
        }
    }

    /** "ERR kind:line:col:msg" without the col. */
    private static String withoutColumn(String result) {
        String[] parts = result.split(":", 4);
        return parts.length == 4 ? parts[0] + ":" + parts[1] + ":" + parts[3] : result;
    }

    private static String firstDifference(String actual, String expected) {
        int i = 0;
        while (i < actual.length() && i < expected.length() && actual.charAt(i) == expected.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 150);
        return "  taipan:  ..." + actual.substring(from, Math.min(actual.length(), i + 150))
                + "\n  cpython: ..." + expected.substring(from, Math.min(expected.length(), i + 150));
    }

    /** Inputs are separated by lines "#====", as astdump.py splits them. */
    static List<String> splitSnippets(String text) {
        List<String> snippets = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean any = false;
        for (String line : text.split("\n", -1)) {
            if (line.equals("#====")) {
                snippets.add(current.isEmpty() ? "" : current.substring(0, current.length() - 1));
                current.setLength(0);
                any = false;
            } else {
                current.append(line).append('\n');
                any |= !line.isBlank();
            }
        }
        if (any) {
            snippets.add(current.substring(0, current.length() - 1));
        }
        return snippets;
    }

    private static Path copyResource(String name) throws IOException {
        Path target = tmp.resolve(name);
        try (InputStream in = ParserDifferentialTest.class.getResourceAsStream(name)) {
            assertThat(in).as("resource " + name).isNotNull();
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static List<String> run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        assertThat(status).as("exit status of " + command).isZero();
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }
}
