package dev.taipan.exercises;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the zip an instructor uploads as a Gradescope programming assignment's autograder:
 * {@code setup.sh} (installs a JDK 25 on Gradescope's Ubuntu image), {@code run_autograder}
 * (compiles the submitted file ahead of the starter on the class path, then runs
 * {@code taipan grade EXERCISE --json /autograder/results/results.json}) and the grader itself,
 * {@code taipan/exercises.jar} with its {@code taipan/lib/} — the same jars {@code ./taipan grade}
 * runs locally, so a student's local score is the score Gradescope gives.
 */
public final class AutograderPackager {
    private AutograderPackager() {}

    /** Where {@code setup.sh} puts the JDK. */
    private static final String JDK = "/opt/taipan-jdk";

    private static final String SETUP = """
            #!/usr/bin/env bash
            # Gradescope runs this once, when the autograder image is built: a JDK 25 (Temurin).
            set -euo pipefail
            chmod +x /autograder/source/run_autograder
            apt-get update -qq && apt-get install -y -qq curl ca-certificates python3 >/dev/null
            mkdir -p %1$s
            curl -fsSL "https://api.adoptium.net/v3/binary/latest/25/ga/linux/x64/jdk/hotspot/normal/eclipse" \\
              | tar -xz -C %1$s --strip-components=1
            %1$s/bin/java -version
            """;

    private static final String RUN = """
            #!/usr/bin/env bash
            # Gradescope runs this for every submission: compile the student's %2$s ahead of the
            # starter, then grade %1$s. A file that is missing or does not compile scores 0, with
            # the compiler's message as the output.
            set -uo pipefail
            cd /autograder/source
            jdk=%3$s
            results=/autograder/results/results.json
            cp="taipan/exercises.jar:taipan/lib/*"
            fail() {  # message file -> results.json with score 0
              python3 -c 'import json,sys; json.dump({"score": 0, "output": open(sys.argv[1]).read()[:5000], "tests": []}, open(sys.argv[2], "w"))' "$1" "$results"
              exit 0
            }
            sub=$(find /autograder/submission -name '%2$s' | head -n 1)
            if [ -z "$sub" ]; then echo "no %2$s in the submission (upload that one file)" >msg.txt; fail msg.txt; fi
            rm -rf student && mkdir student
            "$jdk/bin/javac" --release 25 -d student -cp "$cp" "$sub" 2>compile.txt || fail compile.txt
            "$jdk/bin/java" --enable-native-access=ALL-UNNAMED -cp "student:$cp" \\
              dev.taipan.flowgraph.cli.Main grade %1$s --json "$results"
            """;

    /**
     * Writes the autograder for {@code exercise} to {@code zip}: the grader's jar and the
     * directory of its run-time jars (as the build leaves them in {@code exercises/target}).
     */
    public static void write(Exercise exercise, Path jar, Path lib, Path zip) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            text(out, "setup.sh", SETUP.formatted(JDK));
            text(out, "run_autograder", RUN.formatted(exercise.id(), exercise.studentFileName(), JDK));
            copy(out, "taipan/exercises.jar", jar);
            List<Path> libs;
            try (Stream<Path> s = Files.list(lib)) {
                libs = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            }
            for (Path p : libs) {
                copy(out, "taipan/lib/" + p.getFileName(), p);
            }
        }
    }

    private static void text(ZipOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    private static void copy(ZipOutputStream out, String name, Path file) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        Files.copy(file, out);
        out.closeEntry();
    }
}
