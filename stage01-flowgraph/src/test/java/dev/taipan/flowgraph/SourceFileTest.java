package dev.taipan.flowgraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SourceFile#line} from its index of line starts agrees with {@link String#lines}, line breaks of every kind. */
class SourceFileTest {

    @Test
    void linesAreThoseOfStringLines() {
        for (String text : List.of("", "x", "a\nb", "a\nb\n", "a\n\nb\n\n", "a\r\nb\rc\n", "\n", "\r\n\r\n", "a\r\r\nb",
                "def f():\n    return 1\n")) {
            List<String> expected = text.lines().toList();
            var source = SourceFile.of("t.py", text);
            for (int n = 1; n <= expected.size(); n++) {
                assertThat(source.line(n)).as("line %d of %s", n, text.replace("\r", "\\r").replace("\n", "\\n"))
                        .isEqualTo(expected.get(n - 1));
            }
            assertThat(source.line(0)).isEmpty();
            assertThat(source.line(expected.size() + 1)).isEmpty();
        }
    }

    @Test
    void equalByNameAndText() {
        assertThat(SourceFile.of("a.py", "x = 1\n")).isEqualTo(new SourceFile("a.py", "x = 1\n"))
                .hasSameHashCodeAs(new SourceFile("a.py", "x = 1\n"))
                .isNotEqualTo(SourceFile.of("b.py", "x = 1\n"));
    }
}
