package dev.taipan.exercises;

import dev.taipan.flowgraph.TaipanError;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code taipan grade}: lists the exercises, grades one or all of them (the student's classes,
 * or with {@code --reference} the stage's own), writes Gradescope's {@code results.json}, and
 * packages an exercise's Gradescope autograder. The exit status is 0 for full marks, 1 otherwise,
 * so that scripts can tell.
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Grade exercises: the students' classes against the stages' contract tests.")
final class GradeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "EXERCISE", description = "The exercise, e.g. stage01/ex1.")
    String exercise;

    @Option(names = "--list", description = "List the exercises: id, points, title.")
    boolean list;

    @Option(names = "--all", description = "Grade every exercise.")
    boolean all;

    @Option(names = "--reference", description = "Grade the reference solution instead of the student's class.")
    boolean reference;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write Gradescope's results.json to FILE.")
    Path json;

    @Option(names = "--package-gradescope", description = "Write the Gradescope autograder zip for EXERCISE (with -o).")
    boolean packageGradescope;

    @Option(names = {"-o", "--output"}, paramLabel = "ZIP", description = "Where --package-gradescope writes.")
    Path output;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            for (Exercise e : ExerciseCatalog.all()) {
                out.printf("%-12s %3d points  %s%n", e.id(), Grader.maxScore(e), e.title());
            }
            return 0;
        }
        if (packageGradescope) {
            return packageAutograder(out);
        }
        List<Exercise> chosen;
        if (all) {
            chosen = ExerciseCatalog.all();
        } else if (exercise != null) {
            chosen = List.of(ExerciseCatalog.find(exercise));
        } else {
            throw new TaipanError("grade: name an exercise (taipan grade --list), or give --all");
        }
        List<GradingReport> reports = new ArrayList<>();
        for (Exercise e : chosen) {
            GradingReport r = reference ? Grader.gradeReference(e) : Grader.gradeStudent(e);
            reports.add(r);
            out.println(r.table());
        }
        if (json != null) {
            Files.writeString(json, GradescopeJson.write(reports));
        }
        return reports.stream().allMatch(r -> r.score() == r.maxScore()) ? 0 : 1;
    }

    private int packageAutograder(PrintWriter out) throws IOException {
        if (exercise == null || output == null) {
            throw new TaipanError("grade --package-gradescope EXERCISE -o autograder.zip");
        }
        Exercise e = ExerciseCatalog.find(exercise);
        Path jar = ownJar();
        AutograderPackager.write(e, jar, jar.resolveSibling("lib"), output);
        out.println("wrote " + output + ": upload it as the autograder of " + e.id()
                + "; students submit " + e.studentFileName());
        return 0;
    }

    /** The exercises jar this command runs from (the launcher's {@code exercises/target/exercises.jar}). */
    private static Path ownJar() {
        try {
            Path p = Path.of(GradeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(p) || !Files.isDirectory(p.resolveSibling("lib"))) {
                throw new TaipanError("--package-gradescope runs from the built exercises jar (./taipan grade ...), not from " + p);
            }
            return p;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
