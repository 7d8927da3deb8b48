package dev.taipan.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.exercises.GradingReport.TestOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** results.json carries Gradescope's fields, escapes what JSON must, and caps long outputs. */
class GradescopeJsonTest {
    private static final Exercise EX = ExerciseCatalog.find("stage01/ex1");

    @Test
    void scoresAndFieldsAreWhereGradescopeLooks() {
        GradingReport r = new GradingReport(EX, "x", List.of(
                new TestOutcome("good", 2, true, ""),
                new TestOutcome("bad", 3, false, "expected \"1\"\n\tbut was\\ 2")));
        String json = GradescopeJson.write(List.of(r));
        assertThat(json).startsWith("{\n  \"score\": 2,\n  \"tests\": [");
        assertThat(json).contains("{\"name\": \"good\", \"score\": 2, \"max_score\": 2, \"output\": \"passed\", \"visibility\": \"visible\"}");
        assertThat(json).contains("{\"name\": \"bad\", \"score\": 0, \"max_score\": 3, "
                + "\"output\": \"expected \\\"1\\\"\\n\\tbut was\\\\ 2\", \"visibility\": \"visible\"}");
    }

    @Test
    void longOutputsAreCutAndSeveralExercisesArePrefixed() {
        GradingReport r = new GradingReport(EX, "x", List.of(new TestOutcome("t", 1, false, "x".repeat(10_000))));
        String json = GradescopeJson.write(List.of(r, r));
        assertThat(json).contains("\"name\": \"stage01/ex1: t\"").contains("(output cut)");
        assertThat(json.length()).isLessThan(2 * GradescopeJson.MAX_OUTPUT + 500);
    }

    @Test
    void controlCharactersAreEscaped() {
        assertThat(GradescopeJson.string("a\u0001b")).isEqualTo("\"a\\u0001b\"");
    }
}
