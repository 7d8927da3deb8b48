package dev.taipan.flowgraph.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bad input never escapes as a Java exception: thousands of mutations of valid programs (a
 * character deleted, duplicated or replaced by a delimiter) either parse or raise a
 * SyntaxError with a position inside the file.
 */
class ParserFuzzTest {

    private static final String DELIMITERS = "()[]{}:,;=.*'\"\\\n #@!-f{}";

    @Test
    void mutatedProgramsFailOnlyWithSyntaxErrors() throws IOException {
        String corpus;
        try (InputStream in = getClass().getResourceAsStream("parser-snippets.py")) {
            corpus = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> programs = ParserDifferentialTest.splitSnippets(corpus);
        Random random = new Random(2024);
        List<String> crashes = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            for (String program : programs) {
                if (program.isEmpty()) {
                    continue;
                }
                String mutant = mutate(program, random);
                try {
                    Parser.parse(SourceFile.of("fuzz.py", mutant));
                } catch (SyntaxError e) {
                    if (e.pos() == null || e.pos().line() < 1) {
                        crashes.add("no position: " + e.msg() + " for " + mutant);
                    }
                } catch (RuntimeException | StackOverflowError e) {
                    crashes.add(e + " for:\n" + mutant);
                }
            }
        }
        assertThat(crashes).isEmpty();
    }

    private static String mutate(String s, Random random) {
        StringBuilder sb = new StringBuilder(s);
        int edits = 1 + random.nextInt(3);
        for (int k = 0; k < edits && !sb.isEmpty(); k++) {
            int i = random.nextInt(sb.length());
            switch (random.nextInt(3)) {
                case 0 -> sb.deleteCharAt(i);
                case 1 -> sb.insert(i, sb.charAt(i));
                default -> sb.setCharAt(i, DELIMITERS.charAt(random.nextInt(DELIMITERS.length())));
            }
        }
        return sb.toString();
    }
}
