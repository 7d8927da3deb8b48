package dev.taipan.exercises;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.taipan.exercises.GradingReport.TestOutcome;
import dev.taipan.flowgraph.grading.Points;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Grades an exercise: runs the stage's contract tests for the exercised component through the
 * JUnit Platform launcher, with the component's switch ({@link dev.taipan.flowgraph.Exercisable})
 * pointing at the class to grade, and collects one {@link TestOutcome} per test.
 *
 * <p>The switch is a system property, so grading is one exercise at a time per JVM (callers
 * that grade in parallel would see each other's classes). Tests run sequentially, each in a
 * thread of its own so that a student's endless loop fails its test at the contract's
 * {@code @Timeout} instead of hanging the grader.
 */
public final class Grader {
    private Grader() {}

    /** Grades the student's class as the exercise names it (the starter until edited). */
    public static GradingReport gradeStudent(Exercise exercise) {
        return grade(exercise, exercise.studentClass());
    }

    /** Grades the stage's own implementation: must give full marks. */
    public static GradingReport gradeReference(Exercise exercise) {
        return grade(exercise, null);
    }

    /** Grades {@code implementation} (a class name), or the reference when it is null. */
    public static synchronized GradingReport grade(Exercise exercise, String implementation) {
        String property = exercise.component().property();
        String saved = System.getProperty(property);
        setOrClear(property, implementation);
        try {
            return new GradingReport(exercise, implementation == null ? "reference" : implementation,
                    runContract(exercise.contract()));
        } finally {
            setOrClear(property, saved);
        }
    }

    private static void setOrClear(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    /** What the exercise is worth: the points of its contract's tests, found without running them. */
    public static int maxScore(Exercise exercise) {
        Launcher launcher = LauncherFactory.create();
        return tests(launcher.discover(request(exercise.contract())), exercise.contract()).values().stream()
                .mapToInt(Grader::points).sum();
    }

    private static LauncherDiscoveryRequest request(String contract) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(contract))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .build();
    }

    private static Map<String, TestIdentifier> tests(TestPlan plan, String contract) {
        Map<String, TestIdentifier> tests = new LinkedHashMap<>();
        plan.getRoots().forEach(root -> plan.getDescendants(root).stream()
                .filter(TestIdentifier::isTest).forEach(t -> tests.put(t.getUniqueId(), t)));
        if (tests.isEmpty()) {
            throw new IllegalStateException("no contract tests found in " + contract + " (is the stage's test-jar on the class path?)");
        }
        return tests;
    }

    private static List<TestOutcome> runContract(String contract) {
        Launcher launcher = LauncherFactory.create();
        TestPlan plan = launcher.discover(request(contract));
        // Every test of the plan is listed, so a contract whose class fails as a whole (the
        // student's class cannot be loaded, say) still shows what each test was worth.
        Map<String, TestIdentifier> tests = tests(plan, contract);
        Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
        List<String> containerFailures = new ArrayList<>();
        launcher.execute(plan, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                String detail = result.getThrowable().map(Grader::describe).orElse("");
                if (id.isTest()) {
                    outcomes.put(id.getUniqueId(), new TestOutcome(id.getDisplayName().replace("()", ""),
                            points(id), result.getStatus() == TestExecutionResult.Status.SUCCESSFUL, detail));
                } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    containerFailures.add(detail);
                }
            }
        });
        String notRun = containerFailures.isEmpty() ? "not run" : "not run: " + containerFailures.getFirst();
        return tests.values().stream()
                .map(t -> outcomes.getOrDefault(t.getUniqueId(),
                        new TestOutcome(t.getDisplayName().replace("()", ""), points(t), false, notRun)))
                .toList();
    }

    private static int points(TestIdentifier test) {
        return test.getSource()
                .filter(MethodSource.class::isInstance)
                .map(s -> ((MethodSource) s).getJavaMethod().getAnnotation(Points.class))
                .map(Points::value)
                .orElse(1);
    }

    /** The failure as a student should read it: the assertion's message, or the exception and where it came from. */
    private static String describe(Throwable t) {
        if (t instanceof AssertionError) {
            return String.valueOf(t.getMessage()).strip();
        }
        StringBuilder sb = new StringBuilder(t.getClass().getSimpleName());
        if (t.getMessage() != null) {
            sb.append(": ").append(t.getMessage());
        }
        for (StackTraceElement e : t.getStackTrace()) {
            if (!e.getClassName().startsWith("org.junit") && !e.getClassName().startsWith("java.")) {
                sb.append("\n    at ").append(e);
                break;
            }
        }
        return sb.toString();
    }
}
