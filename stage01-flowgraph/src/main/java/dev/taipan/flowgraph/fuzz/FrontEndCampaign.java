package dev.taipan.flowgraph.fuzz;

import dev.taipan.flowgraph.cli.Progress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * The front end's robustness campaign: broken programs and token soup through lexer, parser
 * and compiler ({@link FrontEndCheck}); every input that breaks the contract (a Java
 * exception, a misplaced error, a hang) is printed with its number.
 */
final class FrontEndCampaign {
    private static final Duration PER_INPUT = Duration.ofSeconds(5);
    private final List<String> seeds;
    private final PrintWriter out;
    private final Progress progress;
    private int compiled;
    private int rejected;

    FrontEndCampaign(List<String> seeds, PrintWriter out, Progress progress) {
        this.seeds = seeds;
        this.out = out;
        this.progress = progress;
    }

    /** Checks {@code count} inputs (one in four token soup) or those before {@code deadline}; returns how many broke the contract. */
    int run(long seed, int count, long deadline) {
        SourceMutator mutator = new SourceMutator(new Random(seed), seeds);
        int bad = 0;
        for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
            String input = i % 4 == 3 ? mutator.tokenSoup() : mutator.mutant();
            InProcess.Attempt<FrontEndCheck.Outcome> a = InProcess.attempt("front end", () -> FrontEndCheck.check(input), PER_INPUT);
            if (a.failure() != null) {
                bad++;
                progress.clear();
                out.println("input " + i + " (seed " + seed + "): " + a.failure().detail().lines().findFirst().orElse(""));
                out.println("---\n" + (input.length() > 2000 ? input.substring(0, 2000) + "\n[...]" : input) + "\n---");
                out.flush();
            } else if (a.value() == FrontEndCheck.Outcome.COMPILED) {
                compiled++;
            } else {
                rejected++;
            }
            progress.show(i + 1, bad + " broken");
        }
        progress.clear();
        return bad;
    }

    void summary(Duration elapsed, int bad) {
        out.printf("%d front-end inputs in %d s: %d compiled, %d SyntaxErrors with a position, %d broke the contract%n",
                compiled + rejected + bad, elapsed.toSeconds(), compiled, rejected, bad);
        out.flush();
    }
}
