package dev.taipan.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The exercises' self-check, run by {@code ./mvnw verify}: for every exercise the reference
 * scores full marks, the untouched starter scores nothing, and a deliberately naive but
 * plausible variant (in this module's test sources) loses points. An exercise whose starter
 * passes, or whose contract cannot tell a plausible mistake, is broken.
 */
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class SelfCheckTest {
    /** The naive variant of each exercise. */
    private static final Map<String, String> NAIVE = Map.ofEntries(
            Map.entry("stage01/ex1", "stage01.ex1.NaiveJoinBlocks"),
            Map.entry("stage01/ex2", "stage01.ex2.NaiveFrameStateUnion"),
            Map.entry("stage01/ex3", "stage01.ex3.NaiveRemoveDeadOperations"),
            Map.entry("stage02/ex1", "stage02.ex1.NaiveNumberUnion"),
            Map.entry("stage02/ex2", "stage02.ex2.NaiveIsinstanceNarrowing"),
            Map.entry("stage02/ex3", "stage02.ex3.NaiveItemGeneralization"),
            Map.entry("stage03/ex1", "stage03.ex1.NaiveStructLayout"),
            Map.entry("stage03/ex2", "stage03.ex2.NaiveClassNumbering"),
            Map.entry("stage03/ex3", "stage03.ex3.NaiveImageLinker"),
            Map.entry("stage04/ex1", "stage04.ex1.NaiveTypeLayout"),
            Map.entry("stage04/ex2", "stage04.ex2.NaiveRootLiveness"),
            Map.entry("stage04/ex3", "stage04.ex3.NaiveWriteBarrierPlacement"),
            Map.entry("stage05/ex1", "stage05.ex1.NaiveAddressEncoder"),
            Map.entry("stage05/ex2", "stage05.ex2.NaiveParallelMoves"),
            Map.entry("stage05/ex3", "stage05.ex3.NaiveSpillChoice"));

    @TestFactory
    Stream<DynamicTest> everyExerciseIsGradedSensibly() {
        return ExerciseCatalog.all().stream().map(e -> DynamicTest.dynamicTest(e.id(), () -> {
            GradingReport reference = Grader.gradeReference(e);
            assertThat(reference.score()).as("the reference of " + e.id() + ":\n" + reference.table())
                    .isEqualTo(reference.maxScore()).isPositive();
            GradingReport starter = Grader.gradeStudent(e);
            assertThat(starter.score()).as("the untouched starter of " + e.id() + ":\n" + starter.table()).isZero();
            assertThat(NAIVE).as("a naive variant of " + e.id()).containsKey(e.id());
            GradingReport naive = Grader.grade(e, NAIVE.get(e.id()));
            assertThat(naive.score()).as("the naive variant of " + e.id() + ":\n" + naive.table())
                    .isLessThan(naive.maxScore());
            System.out.printf("self-check %s: reference %d/%d, starter %d, naive %d%n", e.id(),
                    reference.score(), reference.maxScore(), starter.score(), naive.score());
        }));
    }
}
