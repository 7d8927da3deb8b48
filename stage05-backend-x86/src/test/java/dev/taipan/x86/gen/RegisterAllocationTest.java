package dev.taipan.x86.gen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.gc.Collector;
import dev.taipan.gc.GcParams;
import dev.taipan.gc.GcStage;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.rtyper.LLStage;
import dev.taipan.x86.regalloc.LinearScan.Interval;
import dev.taipan.x86.regalloc.LinearScan.RegClass;
import dev.taipan.x86.regalloc.Location;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The register allocation of whole translated programs, checked against the rules it must keep
 * rather than against the code it happens to make: two values alive at the same point never
 * share a register; a value alive across a call is never in a register the call destroys; each
 * value lives in a place of its class; the prologue saves exactly the callee-saved registers the
 * homes use. Every function of each program, after the GC transform, as the backend sees it.
 */
class RegisterAllocationTest {

    @ParameterizedTest
    @ValueSource(strings = {"bench/fib.py", "bench/richards.py", "bench/nbody.py", "bench/strings.py",
            "../stage01-flowgraph/corpus/rpy/register_pressure.py"})
    void everyFunctionsAllocationKeepsTheRules(String program) {
        List<FunctionCodegen> functions = allocate(program);
        assertThat(functions).hasSizeGreaterThan(10);
        for (FunctionCodegen f : functions) {
            checkRules(f);
        }
    }

    /** Recursive fib: n is needed after the first call, so it lives in a callee-saved register, and nothing spills. */
    @Test
    void aValueLiveAcrossACallGetsACalleeSavedRegister() {
        FunctionCodegen fib = allocate("bench/fib.py").stream().filter(f -> f.graph.name().equals("fib")).findFirst()
                .orElseThrow();
        assertThat(fib.frame.calleeSaved()).isNotEmpty();
        assertThat(fib.frame.homes().values()).noneMatch(l -> l instanceof Location.StackSlot);
        assertThat(fib.ranges.intervals).anyMatch(Interval::acrossCall);
    }

    /** Twenty values live over a loop that calls: more than the callee-saved registers, so some go to the frame. */
    @Test
    void moreValuesAcrossCallsThanCalleeSavedRegistersSpill() {
        List<FunctionCodegen> functions = allocate("../stage01-flowgraph/corpus/rpy/register_pressure.py");
        assertThat(functions).anyMatch(f -> f.frame.homes().values().stream().anyMatch(l -> l instanceof Location.StackSlot)
                && f.frame.calleeSaved().size() == Frame.REGISTERS.calleeSaved().size());
    }

    /** The chart of recursive fib: a row per value with its home, the calls on the ruler, n's bar across one. */
    @Test
    void theChartShowsHomesCallsAndTheValuesAcrossThem() {
        FunctionCodegen fib = allocate("bench/fib.py").stream().filter(f -> f.graph.name().equals("fib")).findFirst()
                .orElseThrow();
        String chart = LiveRangeChart.of(fib.graph);
        List<String> lines = chart.lines().toList();
        assertThat(lines.getFirst()).startsWith("function fib: ").contains("saves [rbx");
        assertThat(lines.get(1)).contains("C", "|");
        assertThat(lines).hasSize(2 + fib.ranges.intervals.size());
        assertThat(lines).anyMatch(l -> l.contains(" rbx ") && l.endsWith("across a call"));
        assertThat(lines.subList(2, lines.size())).allMatch(l -> l.contains("="));
    }

    private static void checkRules(FunctionCodegen f) {
        LiveRanges ranges = f.ranges;
        String where = f.graph.name();
        Set<Location> used = new HashSet<>();
        for (Interval a : ranges.intervals) {
            Location home = f.frame.home(ranges.variables.get(a.id()));
            assertThat(home).as(where + ": every interval has a home").isNotNull();
            if (a.kind() == RegClass.FLOAT) {
                assertThat(home).as(where).isInstanceOfAny(Location.Fpr.class, Location.StackSlot.class);
            } else {
                assertThat(home).as(where).isInstanceOfAny(Location.Gpr.class, Location.StackSlot.class);
            }
            if (a.acrossCall()) {
                assertThat(Frame.REGISTERS.callerSaved()).as(where + ": live across a call").doesNotContain(home);
                assertThat(home).as(where + ": no SSE register survives a call").isNotInstanceOf(Location.Fpr.class);
            }
            if (home.isRegister()) {
                used.add(home);
            }
            for (Interval b : ranges.intervals) {
                if (a.id() < b.id() && a.start() <= b.end() && b.start() <= a.end()) {
                    Location other = f.frame.home(ranges.variables.get(b.id()));
                    assertThat(home.equals(other) && home.isRegister())
                            .as("%s: %s and %s overlap in %s", where, ranges.variables.get(a.id()),
                                    ranges.variables.get(b.id()), home)
                            .isFalse();
                    if (home instanceof Location.StackSlot) {
                        assertThat(other).as(where + ": a frame word holds one variable").isNotEqualTo(home);
                    }
                }
            }
        }
        List<Location> saved = f.frame.calleeSaved().stream().map(r -> (Location) new Location.Gpr(r)).toList();
        Set<Location> expected = new HashSet<>(used);
        expected.retainAll(Frame.REGISTERS.calleeSaved());
        assertThat(new HashSet<>(saved)).as(where + ": the prologue saves what the homes use").isEqualTo(expected);
    }

    private static List<FunctionCodegen> allocate(String program) {
        var sink = new PrintStream(new ByteArrayOutputStream());
        var host = new HostInterpreter(sink, sink, new ByteArrayInputStream(new byte[0]));
        LowLevelProgram p = GcStage.translate(host, Path.of(program), Collector.SEMISPACE, LLStage.DEFAULT_OPT, GcParams.NATIVE);
        List<FunctionCodegen> out = new ArrayList<>();
        for (LowLevelGraph g : p.graphs()) {
            out.add(new FunctionCodegen(g, x -> "x", new TextPool(), null));
        }
        return out;
    }
}
