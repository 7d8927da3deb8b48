package dev.taipan.flowgraph.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.bytecode.CodeVerifier;
import dev.taipan.flowgraph.syntax.Ast;
import dev.taipan.flowgraph.syntax.Parser;
import dev.taipan.flowgraph.syntax.SyntaxError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Compiles a sample of CPython's standard library: a large body of real, idiomatic Python that
 * exercises every construct in combinations no hand-written test thinks of. Every code object
 * produced goes through the {@link CodeVerifier}. Files the parser rejects as "not supported by
 * Taipan" (async, match, walrus, ...) are counted and skipped.
 */
class CompilerStdlibTest {

    private static final Path STDLIB = Path.of("/usr/lib/python3.11");
    /** Every k-th file, to stay well under the time budget of a unit test. */
    private static final int STRIDE = 1;

    @Test
    void compilesAndVerifiesTheStandardLibrary() throws IOException {
        assumeTrue(Files.isDirectory(STDLIB), "no CPython 3.11 standard library at " + STDLIB);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(STDLIB)) {
            files = walk.filter(p -> p.toString().endsWith(".py"))
                    .filter(p -> !p.toString().contains("/lib2to3/tests/data/"))
                    .filter(p -> !p.toString().contains("/site-packages/") && !p.toString().contains("/dist-packages/"))
                    .sorted().toList();
        }
        int compiled = 0;
        int unsupported = 0;
        int unreadable = 0;
        long codeObjects = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < files.size(); i += STRIDE) {
            Path file = files.get(i);
            SourceFile source;
            try {
                source = SourceFile.read(file);
            } catch (TaipanError e) {
                unreadable++;
                continue;
            }
            Ast.Module module;
            try {
                module = Parser.parse(source);
            } catch (SyntaxError e) {
                if (e.msg().startsWith("not supported by Taipan")) {
                    unsupported++;
                } else {
                    failures.add(file + ": parser: " + e.msg());
                }
                continue;
            }
            try {
                Code code = Compiler.compile(module, source);
                CodeVerifier.verify(code);
                codeObjects += count(code);
                compiled++;
            } catch (RuntimeException e) {
                failures.add(file + ": " + e);
            }
        }
        System.out.printf("stdlib: %d files sampled, %d compiled and verified (%d code objects), %d unsupported,"
                        + " %d unreadable, %d failed%n",
                (files.size() + STRIDE - 1) / STRIDE, compiled, codeObjects, unsupported, unreadable, failures.size());
        failures.stream().limit(20).forEach(System.out::println);
        assertThat(compiled).isGreaterThan(100);
        assertThat(failures).as("compile failures").hasSizeLessThanOrEqualTo(compiled / 100);
    }

    private static long count(Code code) {
        long n = 1;
        for (Object c : code.consts()) {
            if (c instanceof Code nested) {
                n += count(nested);
            }
        }
        return n;
    }
}
