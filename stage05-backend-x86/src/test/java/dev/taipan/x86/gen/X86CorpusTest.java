package dev.taipan.x86.gen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.corpus.Corpus;
import dev.taipan.flowgraph.corpus.CorpusProgram;
import dev.taipan.flowgraph.corpus.Outcome;
import dev.taipan.flowgraph.corpus.StageRun;
import dev.taipan.gc.Collector;
import dev.taipan.x86.elf.Executables;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The corpus at {@code --stage=x86} under each collector: every program of the ll corpus is
 * translated to a static executable and run as a process. Those {@code x86-corpus.txt} lists
 * must pass exactly as at {@code --stage=ll} (output, exit status, the error's last line and
 * innermost frame); every other one must be refused with the backend's "not selected yet"
 * error. The honest count is printed.
 *
 * <p>The corpus's programs are small: few fill an executable's 4 MiB nursery. So the
 * generational collector runs them with a 64 KiB one, and its minor collections (the roots
 * machine code keeps on the shadow stack, the write barriers' inline test) run in most of them;
 * minimark runs them as a user's executable would, with the default.
 */
class X86CorpusTest {

    @ParameterizedTest
    @EnumSource(Collector.class)
    void theClaimedSubsetRunsAndTheRestIsRefusedHonestly(Collector gc) throws InterruptedException {
        Executables.assumeLinuxX86_64();
        String nursery = gc == Collector.GENERATIONAL ? "64k" : null;
        Set<String> claimed = list(Path.of("src/test/resources/x86-corpus.txt"));
        Set<String> ll = list(Path.of("../stage03-rtyper/src/test/resources/ll-corpus.txt"));
        assertThat(ll).containsAll(claimed);
        List<String> wrong = new ArrayList<>();
        int passed = 0;
        int refused = 0;
        for (CorpusProgram p : Corpus.locate().programs(Corpus.Folder.RPY)) {
            String name = p.path().getFileName().toString();
            if (!ll.contains(name)) {
                continue;
            }
            AtomicReference<TaipanError> refusal = new AtomicReference<>();
            Outcome outcome = StageRun.capture(p, "x86", (host, err, prog) -> {
                try {
                    return X86Stage.run(host, prog.path(), prog.expectation().args(),
                            new ExecOptions(false, null, gc.gcName(), false, null, nursery, false), host.out(), err,
                            new ByteArrayInputStream(new byte[0]));
                } catch (TaipanError e) {
                    refusal.set(e);
                    return -1;
                }
            });
            List<String> failures = refusal.get() != null ? List.of("refused: " + refusal.get().getMessage())
                    : p.check(outcome);
            if (claimed.contains(name)) {
                if (failures.isEmpty()) {
                    passed++;
                } else {
                    wrong.add(name + " is claimed to pass: " + failures);
                }
            } else if (refusal.get() != null) {
                if (refusal.get().getMessage().contains("is not selected yet")) {
                    refused++;
                } else {
                    wrong.add(name + " refused without naming the operation: " + refusal.get().getMessage());
                }
            } else if (failures.isEmpty()) {
                wrong.add(name + " passes: add it to x86-corpus.txt");
            } else {
                wrong.add(name + " fails: " + failures);
            }
        }
        System.out.printf("x86 corpus (--gc=%s): %d of %d ll-corpus programs run correctly; %d refused (not selected yet)%n",
                gc.gcName(), passed, ll.size(), refused);
        assertThat(wrong).isEmpty();
        assertThat(passed).isEqualTo(claimed.size());
    }

    private static Set<String> list(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
