package dev.taipan.flowgraph.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    private static List<String> numbers(int from, int to) {
        return IntStream.range(from, to).mapToObj(Integer::toString).toList();
    }

    @Test
    void agreementFarFromAChangeIsCutToContext() {
        List<String> expected = numbers(0, 20);
        List<String> actual = new java.util.ArrayList<>(expected);
        actual.set(10, "ten");
        assertThat(LineDiff.diff(expected, actual)).isEqualTo("""
                  ...
                  7
                  8
                  9
                - 10
                + ten
                  11
                  12
                  13
                  ...
                """);
    }

    @Test
    void missingAndExtraLinesAtTheEnds() {
        assertThat(LineDiff.diff(List.of("a", "b"), List.of("b", "c"))).isEqualTo("- a\n  b\n+ c\n");
        assertThat(LineDiff.diff(List.of(), List.of("x"))).isEqualTo("+ x\n");
        assertThat(LineDiff.diff(List.of("x"), List.of())).isEqualTo("- x\n");
    }

    @Test
    void hugeOutputsAreShownFromTheFirstDifference() {
        List<String> expected = numbers(0, 3000);
        List<String> actual = numbers(0, 2999);
        String diff = LineDiff.diff(expected, actual);
        assertThat(diff).startsWith("(too long to align; from line 3000 on)\n- 2999\n");
    }
}
