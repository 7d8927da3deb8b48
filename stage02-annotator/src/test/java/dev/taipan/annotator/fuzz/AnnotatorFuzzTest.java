package dev.taipan.annotator.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * {@code taipan fuzz} with the annotator on the class path, as the launcher runs it: the check
 * is found through {@code META-INF/services}, generated programs are all accepted (and agree
 * at every stage), and mutants of them are accepted or rejected with an error naming a line,
 * never with a Java exception. Fixed seeds, small batches; the long runs are in the README.
 */
class AnnotatorFuzzTest {

    private static String fuzz(int expectedStatus, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] command = new String[args.length + 1];
        command[0] = "fuzz";
        System.arraycopy(args, 0, command, 1, args.length);
        int status = Main.run(command, new PrintWriter(out), new PrintWriter(err));
        assertThat(status).as(out + "\n" + err).isEqualTo(expectedStatus);
        return out.toString();
    }

    @Test
    void generatedProgramsAreAcceptedByTheAnnotator() {
        String out = fuzz(0, "--count", "2", "--seed", "100", "--no-minimize");
        assertThat(out).contains("checks: annotate", "annotate: 2 accepted", "flow: 2 agree");
    }

    @Test
    void mutantsAreAcceptedOrRejectedWithALine() {
        String out = fuzz(0, "--mutants", "--count", "25", "--seed", "1", "--no-minimize");
        assertThat(out).contains("25 mutants", "; 0 findings").containsPattern("rejected with a line");
    }
}
