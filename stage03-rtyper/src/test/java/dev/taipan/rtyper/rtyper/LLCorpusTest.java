package dev.taipan.rtyper.rtyper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.corpus.Corpus;
import dev.taipan.flowgraph.corpus.CorpusProgram;
import dev.taipan.flowgraph.corpus.Outcome;
import dev.taipan.flowgraph.corpus.StageRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus at {@code --stage=ll}, over the checked heap: the programs listed in
 * {@code ll-corpus.txt} give their expected output, exit status and error exactly as on the
 * host; every other RPy program is refused by the rtyper before it runs, with a message that
 * says what it needs, never a wrong output and never a crash. A refused program that starts to
 * pass fails the test until it is listed, so the list is the count of programs this stage runs.
 * The programs run at the default {@code --opt} (all the passes); {@link LLCorpusOptLevelsTest}
 * runs them at the other levels.
 */
class LLCorpusTest {

    static final Set<String> PASSING = load();

    @TestFactory
    Stream<DynamicTest> everyRpyProgramRunsAtLlOrIsRefusedWithAReason() {
        return Corpus.locate().programs(Corpus.Folder.RPY).stream()
                .map(program -> dynamicTest(program.name(), program.path().toUri(), () -> check(program)));
    }

    private static void check(CorpusProgram program) throws InterruptedException {
        AtomicReference<RTyperError> refused = new AtomicReference<>();
        Outcome outcome = StageRun.capture(program, "ll", (host, err, p) -> {
            try {
                return LLStage.run(host, p.path(), p.expectation().args(), new ExecOptions(true), host.out(), err);
            } catch (RTyperError e) {
                refused.set(e);
                return -1;
            }
        });
        if (PASSING.contains(program.path().getFileName().toString())) {
            assertThat(refused.get()).as("%s is listed in ll-corpus.txt but the rtyper refuses it", program.name()).isNull();
            program.assertPasses(outcome);
        } else {
            if (refused.get() == null) {
                program.assertPasses(outcome);   // it runs at ll now: it must be right, and then be listed
            }
            assertThat(refused.get()).as("%s passes at ll now: list it in ll-corpus.txt", program.name()).isNotNull();
        }
    }

    private static Set<String> load() {
        try (InputStream in = LLCorpusTest.class.getResourceAsStream("/ll-corpus.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
