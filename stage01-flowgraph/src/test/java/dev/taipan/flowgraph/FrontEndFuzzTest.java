package dev.taipan.flowgraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.bytecode.CodeVerifier;
import dev.taipan.flowgraph.compiler.Compiler;
import dev.taipan.flowgraph.syntax.SyntaxError;
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
 * allowed outcomes are a code object that passes the {@link CodeVerifier}, or a
 * {@link SyntaxError} whose position lies inside the text and whose rendering names the error.
 * A Java exception, a hang, or a position outside the source is a bug.
 *
 * <p>Inputs are valid programs (the shared corpus, the examples, a dense seed program) mutated
 * in the ways people break programs (deleted spans, stray brackets and quotes, wrong
 * indentation, truncation, tabs, odd characters) plus random token soup. Reproducible: {@code -Dtaipan.fuzz.seed=N}; longer: {@code -Dtaipan.fuzz.cases=N}.
 */
class FrontEndFuzzTest {

    private static final long SEED = Long.getLong("taipan.fuzz.seed", 20261121L);
    private static final int CASES = Integer.getInteger("taipan.fuzz.cases", 20000);
    private static final Duration PER_INPUT = Duration.ofSeconds(5);

    /** Fragments a mutation may insert: tokens, half-tokens and whitespace that matter. */
    private static final String[] VOCAB = {
        "(", ")", "[", "]", "{", "}", ":", ",", ";", ".", "=", "==", "+=", "**", "*", "->", "@",
        "'", "\"", "'''", "\"\"\"", "f'{", "}'", "f\"{x!r:>{w}}\"", "b'\\x", "\\", "\\\n", "#",
        "\n", "\n    ", "\n\t", "\t", "    ", "\r\n", "\f", "\u00a0", "\u20ac", "\0", "0x", "1e",
        "0o8", "1_", "1j", "012", "9" .repeat(40), ".5", "def ", "class ", "if ", "elif ", "else",
        "while ", "for ", " in ", "return", "yield", "lambda", "try:", "except", "finally:",
        "with ", " as ", "import ", "from ", "global ", "nonlocal ", "del ", "pass", "break",
        "continue", "raise", "assert ", "async ", "await ", "not ", " and ", " or ", " is ",
        "None", "True", "x", "self", "*args", "**kw", ":=", "print ", "match ", "case ",
    };

    private static final String SEED_PROGRAMS = """
            import sys
            from os import path as p, sep

            class Point(object):
                \"\"\"A point.\"\"\"
                count = 0

                def __init__(self, x, y=0, *rest, scale=1, **kw):
                    self.x, self.y = x * scale, y
                    Point.count += 1

                @property
                def norm(self):
                    return (self.x ** 2 + self.y ** 2) ** 0.5

                def __repr__(self):
                    return f"Point({self.x!r}, {self.y:.2f})"

            def gen(n):
                for i in range(n):
                    if i % 2 == 0 and not i > 10:
                        yield i
                    elif i < 0:
                        continue
                    else:
                        break
                else:
                    yield from [1, 2]

            def closure():
                total = 0
                def add(v):
                    nonlocal total
                    total += v
                    return total
                return add

            def tries(d):
                try:
                    x = d['k']
                except (KeyError, IndexError) as e:
                    raise ValueError("bad") from e
                except Exception:
                    raise
                else:
                    pass
                finally:
                    del d
                with open('f') as f, open('g') as g:
                    data = [c for line in f for c in line if c.isdigit()]
                squares = {k: v ** 2 for k, v in enumerate(data)}
                first, *middle, last = sorted(squares, key=lambda k: -k)
                assert first <= last, "order"
                return {*middle}, (1, 2.5e-3, 0xFF, 0b101, 0o17, 1_000), b"\\x00\\n", r"\\d+"

            x = [i if i else -i for i in range(10)][1:8:2]
            print(*x, sep=", ", end="\\n", **{})
            lambda a, b=2, *c, d, **e: a if b else c
            while x:
                x = x[1:]
            """;

    private static List<String> seeds;
    private static ExecutorService runner;

    @BeforeAll
    static void collectSeeds() throws IOException {
        seeds = new ArrayList<>(List.of(SEED_PROGRAMS));
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
        assertThat(seeds).hasSizeGreaterThan(60);
        for (String seed : seeds) {
            Code code = Compiler.compile(SourceFile.of("seed.py", seed));
            CodeVerifier.verify(code);
        }
    }

    @Test
    void mutatedProgramsGiveCodeOrSyntaxError() {
        Random random = new Random(SEED);
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            String input = mutate(random, seeds.get(random.nextInt(seeds.size())), 1 + random.nextInt(3));
            rejected += check(input, i) ? 0 : 1;
        }
        // Mutations must actually exercise the error paths, and must not all be fatal.
        assertThat(rejected).isBetween(CASES / 10, CASES - CASES / 50);
    }

    @Test
    void tokenSoupGivesCodeOrSyntaxError() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < CASES / 3; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(30);
            for (int k = 0; k < n; k++) {
                sb.append(VOCAB[random.nextInt(VOCAB.length)]);
                if (random.nextInt(4) == 0) {
                    sb.append(' ');
                }
            }
            check(sb.toString(), i);
        }
    }

    /** Compiles one input; returns true when it compiled, false on a well-formed SyntaxError. */
    private static boolean check(String input, int caseNo) {
        Future<Boolean> outcome = runner.submit(() -> compileOrReject(input));
        try {
            return outcome.get(PER_INPUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            outcome.cancel(true);
            throw new AssertionError(report("hangs", input, caseNo), e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(report("crashes with " + e.getCause(), input, caseNo), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static boolean compileOrReject(String input) {
        SourceFile source = SourceFile.of("fuzz.py", input);
        try {
            CodeVerifier.verify(Compiler.compile(source));
            return true;
        } catch (SyntaxError e) {
            int lines = (int) input.lines().count();
            if (e.pos().line() < 1 || e.pos().line() > lines + 1 || e.pos().col() < 0) {
                fail("position %s outside the source (%d lines) for: %s", e.pos(), lines, e.msg());
            }
            assertThat(e.render()).startsWith("fuzz.py:" + e.pos().line() + ":").contains(e.kind().name());
            assertThat(e.msg()).isNotBlank();
            return false;
        }
    }

    private static String report(String what, String input, int caseNo) {
        return "front end " + what + " on fuzz case " + caseNo + " (seed " + SEED + "):\n---\n"
                + input.replace("\t", "\\t").replace("\r", "\\r") + "\n---";
    }

    // ---------------------------------------------------------------- mutations

    private static String mutate(Random random, String program, int times) {
        String s = program;
        for (int i = 0; i < times; i++) {
            s = mutateOnce(random, s);
        }
        return s;
    }

    private static String mutateOnce(Random random, String s) {
        if (s.isEmpty()) {
            return VOCAB[random.nextInt(VOCAB.length)];
        }
        int at = random.nextInt(s.length());
        List<String> lines = new ArrayList<>(s.lines().toList());
        int line = random.nextInt(lines.size());
        return switch (random.nextInt(8)) {
            case 0 -> s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + random.nextInt(12)));
            case 1 -> s.substring(0, at) + VOCAB[random.nextInt(VOCAB.length)] + s.substring(at);
            case 2 -> s.substring(0, at) + (char) (random.nextInt(3) == 0 ? random.nextInt(0x3000) : 32 + random.nextInt(95))
                    + s.substring(at + 1);
            case 3 -> {
                lines.add(line, lines.get(random.nextInt(lines.size())));
                yield String.join("\n", lines);
            }
            case 4 -> {
                String indent = switch (random.nextInt(4)) {
                    case 0 -> " ";
                    case 1 -> "\t";
                    case 2 -> "    ";
                    default -> "";
                };
                lines.set(line, random.nextBoolean() ? indent + lines.get(line) : lines.get(line).stripLeading());
                yield String.join("\n", lines);
            }
            case 5 -> s.substring(0, at);
            case 6 -> {
                String other = seeds.get(random.nextInt(seeds.size()));
                yield s.substring(0, at) + other.substring(random.nextInt(other.length()));
            }
            default -> {
                int other = random.nextInt(lines.size());
                String tmp = lines.get(line);
                lines.set(line, lines.get(other));
                lines.set(other, tmp);
                yield String.join("\n", lines);
            }
        };
    }
}
