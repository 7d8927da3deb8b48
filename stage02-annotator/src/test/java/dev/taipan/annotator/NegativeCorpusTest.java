package dev.taipan.annotator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The negative corpus ({@code corpus/negative/*.py}): programs that are valid Python but not RPy.
 * Each one's first line says {@code # expect-error: LINE: WORDS}; the annotator must reject it
 * with an {@link AnnotatorError} on that line whose message contains those words.
 */
class NegativeCorpusTest {
    private static final Pattern EXPECT = Pattern.compile("# expect-error: (\\d+): (.*)");

    @Test
    void everyProgramIsRejectedAtTheRightLine() throws Exception {
        List<String> wrong = new ArrayList<>();
        int n = 0;
        try (Stream<Path> files = Files.list(Path.of("corpus/negative"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".py")).sorted().toList()) {
                n++;
                Matcher m = EXPECT.matcher(Files.readAllLines(f).getFirst());
                assertThat(m.matches()).as(f + " starts with # expect-error: LINE: WORDS").isTrue();
                int line = Integer.parseInt(m.group(1));
                try {
                    AnnotateCommand.annotate(f, "entry_point");
                    wrong.add(f.getFileName() + ": accepted");
                } catch (AnnotatorError e) {
                    if (e.line != line || !e.getMessage().contains(m.group(2))) {
                        wrong.add(f.getFileName() + ": got line " + e.line + ": " + e.getMessage());
                    }
                }
            }
        }
        assertThat(n).isGreaterThanOrEqualTo(21);
        assertThat(wrong).isEmpty();
    }
}
