package dev.taipan.flowgraph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.bytecode.CodeVerifier;
import dev.taipan.flowgraph.compiler.Compiler;
import dev.taipan.flowgraph.fuzz.FrontEndCheck;
import dev.taipan.flowgraph.fuzz.ProgramGenerator;
import dev.taipan.flowgraph.fuzz.SourceMutator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Property test of the whole front end (lexer, parser, compiler): for any text at all, the only
 * allowed outcomes are those of {@link FrontEndCheck}: a code object that passes the
 * {@link CodeVerifier}, or a SyntaxError whose position lies inside the text and whose
 * rendering names the error. A Java exception, a hang, or a position outside the source is a
 * bug.
 *
 * <p>Inputs are valid programs (the shared corpus, the examples, a dense seed program, some
 * generated RPy programs) broken
 * by {@link SourceMutator}, plus random token soup. Reproducible: {@code -Dtaipan.fuzz.seed=N};
 * longer: {@code -Dtaipan.fuzz.cases=N}, or {@code taipan fuzz --front-end} (which also breaks
 * generated programs).
 */
class FrontEndFuzzTest {

    private static final long SEED = Long.getLong("taipan.fuzz.seed", 20261121L);
    private static final int CASES = Integer.getInteger("taipan.fuzz.cases", 20000);
    private static final Duration PER_INPUT = Duration.ofSeconds(5);

    private static List<String> seeds;
    private static ExecutorService runner;

    @BeforeAll
    static void collectSeeds() throws IOException {
        seeds = new ArrayList<>(List.of(SourceMutator.SEED_PROGRAM));
        for (long seed = 0; seed < 8; seed++) {
            seeds.add(ProgramGenerator.generate(seed).source());
        }
        for (String dir : List.of("examples", "corpus")) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                for (Path p : files.filter(f -> f.toString().endsWith(".py")).sorted().toList()) {
                    seeds.add(Files.readString(p));
                }
            }
        }
        runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-input");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stop() {
        runner.shutdownNow();
    }

    @Test
    void corpusAndExamplesCompileAndVerify() {
        assertThat(seeds).hasSizeGreaterThan(70);
        for (String seed : seeds) {
            Code code = Compiler.compile(SourceFile.of("seed.py", seed));
            CodeVerifier.verify(code);
        }
    }

    @Test
    void mutatedProgramsGiveCodeOrSyntaxError() {
        SourceMutator mutator = new SourceMutator(new Random(SEED), seeds);
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            rejected += check(mutator.mutant(), i) ? 0 : 1;
        }
        // Mutations must actually exercise the error paths, and must not all be fatal.
        assertThat(rejected).isBetween(CASES / 10, CASES - CASES / 50);
    }

    @Test
    void tokenSoupGivesCodeOrSyntaxError() {
        SourceMutator mutator = new SourceMutator(new Random(SEED + 1), seeds);
        for (int i = 0; i < CASES / 3; i++) {
            check(mutator.tokenSoup(), i);
        }
    }

    /** Compiles one input; returns true when it compiled, false on a well-formed SyntaxError. */
    private static boolean check(String input, int caseNo) {
        Future<FrontEndCheck.Outcome> outcome = runner.submit(() -> FrontEndCheck.check(input));
        try {
            return outcome.get(PER_INPUT.toMillis(), TimeUnit.MILLISECONDS) == FrontEndCheck.Outcome.COMPILED;
        } catch (TimeoutException e) {
            outcome.cancel(true);
            throw new AssertionError(report("hangs", input, caseNo), e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(report("breaks its contract: " + e.getCause(), input, caseNo), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String report(String what, String input, int caseNo) {
        return "front end " + what + " on fuzz case " + caseNo + " (seed " + SEED + "):\n---\n"
                + input.replace("\t", "\\t").replace("\r", "\\r") + "\n---";
    }
}
