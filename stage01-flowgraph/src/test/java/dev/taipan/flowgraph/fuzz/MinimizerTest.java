package dev.taipan.flowgraph.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.compiler.Compiler;
import dev.taipan.flowgraph.fuzz.PyTree.Module;
import dev.taipan.flowgraph.syntax.SyntaxError;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Delta debugging against tests that cost nothing to run: "the program still compiles and
 * still has this construct". Each reduction kind must do its part: whole definitions go,
 * compound statements give way to a clause's body, expressions to a literal or an operand.
 */
class MinimizerTest {

    private static boolean compiles(Module m) {
        try {
            Compiler.compile(SourceFile.of("m.py", m.source()));
            return true;
        } catch (SyntaxError e) {
            return false;
        }
    }

    private static Module minimize(long seed, Predicate<String> keep) {
        Module m = ProgramGenerator.generate(seed);
        assertThat(keep).accepts(m.source());
        return Minimizer.minimize(m, c -> compiles(c) && keep.test(c.source()), 5000, Duration.ofHours(1));
    }

    @Test
    void aProgramShrinksToTheConstructThatMatters() {
        Module small = minimize(3, s -> s.contains("ovfcheck("));
        assertThat(small.source()).contains("ovfcheck(");
        assertThat(small.source().lines().count()).as(small.source()).isLessThanOrEqualTo(6);
    }

    @Test
    void compoundStatementsAndExpressionsAreTakenApart() {
        Module small = minimize(5, s -> s.contains("except ") && s.contains("intmask("));
        assertThat(small.source()).contains("except ", "intmask(");
        assertThat(small.source().lines().count()).as(small.source()).isLessThanOrEqualTo(10);
    }

    @Test
    void aFailingTestLeavesTheProgramAsItWas() {
        Module m = ProgramGenerator.generate(7);
        assertThat(Minimizer.minimize(m, c -> c.equals(m), 100, Duration.ofHours(1))).isEqualTo(m);
    }
}
