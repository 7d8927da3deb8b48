package dev.taipan.flowgraph.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.syntax.Ast;
import dev.taipan.flowgraph.syntax.Parser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scope analysis checked against CPython 3.11 on its own standard library: for every function,
 * lambda, generator expression, class body and module, the argument counts, flags, parameters,
 * locals, cell variables and free variables must be the ones CPython's compiler computes
 * ({@code codeinfo.py} prints them). Where Taipan differs on purpose (comprehensions are
 * inlined) the script masks the affected fields. Skips without {@code /usr/bin/python3} 3.11.
 */
class CompilerScopeDifferentialTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path STDLIB = Path.of("/usr/lib/python3.11");

    @TempDir
    Path tmp;

    @Test
    void scopesMatchCPythonOnTheStandardLibrary() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON) && Files.isDirectory(STDLIB),
                "CPython 3.11 and its standard library not found; differential test skipped");
        assumeTrue(run(List.of(PYTHON.toString(), "-c", "import sys; print(sys.version_info[:2] == (3, 11))"), "")
                .equals(List.of("True")), PYTHON + " is not Python 3.11; differential test skipped");

        Map<String, Code> ours = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(STDLIB)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".py")).sorted().toList()) {
                if (p.toString().contains("/site-packages/") || p.toString().contains("/dist-packages/")) {
                    continue;
                }
                try {
                    SourceFile source = SourceFile.read(p);
                    Ast.Module module = Parser.parse(source);
                    ours.put(p.toString(), Compiler.compile(module, source));
                } catch (TaipanError e) {
                    // unsupported constructs and unreadable files are the stdlib test's business
                }
            }
        }
        Path script = tmp.resolve("codeinfo.py");
        try (InputStream in = getClass().getResourceAsStream("codeinfo.py")) {
            Files.copy(in, script);
        }
        Map<String, Map<String, List<String>>> expected = new HashMap<>();
        for (String line : run(List.of(PYTHON.toString(), script.toString()), String.join("\n", ours.keySet()) + "\n")) {
            String[] parts = line.split("\t", -1);
            expected.computeIfAbsent(parts[0], k -> new HashMap<>())
                    .computeIfAbsent(parts[1], k -> new ArrayList<>()).add(parts[2]);
        }

        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, Code> file : ours.entrySet()) {
            Map<String, List<String>> theirs = expected.getOrDefault(file.getKey(), Map.of());
            Map<String, List<String[]>> mine = new HashMap<>();
            collect(file.getValue(), mine);
            for (Map.Entry<String, List<String>> e : theirs.entrySet()) {
                if (e.getKey().equals("ERROR")) {
                    continue;
                }
                List<String> want = e.getValue().stream().sorted().toList();
                List<String> got = mine.getOrDefault(e.getKey(), List.of()).stream()
                        .map(fields -> mask(fields, want.getFirst())).sorted().toList();
                compared += want.size();
                if (!got.equals(want) && !got.containsAll(want)) {
                    mismatches.add(file.getKey() + " " + e.getKey() + "\n    cpython: " + want + "\n    taipan:  " + got);
                }
            }
        }
        System.out.printf("scope differential: %d files, %d code objects compared, %d mismatches%n",
                ours.size(), compared, mismatches.size());
        mismatches.stream().limit(25).forEach(System.out::println);
        assertThat(compared).isGreaterThan(10_000);
        assertThat(mismatches).isEmpty();
    }

    private static void collect(Code code, Map<String, List<String[]>> out) {
        int nargs = code.totalArgCount();
        List<String> params = code.varnames().subList(0, Math.min(nargs, code.varnames().size()));
        List<String> locals = code.varnames().subList(params.size(), code.varnames().size()).stream()
                .distinct().sorted().toList();
        String[] fields = {
            Integer.toString(code.argCount()), Integer.toString(code.posOnlyArgCount()),
            Integer.toString(code.kwOnlyArgCount()),
            Integer.toString(code.flags() & (Code.VARARGS | Code.VARKEYWORDS | Code.GENERATOR)),
            String.join(",", params), String.join(",", locals),
            String.join(",", code.cellvars().stream().sorted().toList()),
            String.join(",", code.freevars().stream().sorted().toList()),
        };
        out.computeIfAbsent(code.qualname() + "@" + code.firstLine(), k -> new ArrayList<>()).add(fields);
        for (Object c : code.consts()) {
            if (c instanceof Code nested) {
                collect(nested, out);
            }
        }
    }

    /** Our fields, with those CPython's line leaves uncompared ('-') masked the same way. */
    private static String mask(String[] fields, String theirs) {
        String[] t = theirs.split("\\|", -1);
        String[] f = fields.clone();
        for (int i = 0; i < f.length; i++) {
            if (t[i].equals("-")) {
                f[i] = "-";
            }
        }
        return String.join("|", f);
    }

    private static List<String> run(List<String> command, String input) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        Process process = builder.start();
        try (OutputStream out = process.getOutputStream()) {
            out.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("exit status of " + command).isZero();
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
