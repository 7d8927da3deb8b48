package dev.taipan.x86.regalloc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.grading.Points;
import dev.taipan.gc.Collector;
import dev.taipan.x86.Exercised;
import dev.taipan.x86.X86Programs;
import dev.taipan.x86.asm.Reg;
import dev.taipan.x86.asm.Xmm;
import dev.taipan.x86.regalloc.LinearScan.Interval;
import dev.taipan.x86.regalloc.LinearScan.RegClass;
import dev.taipan.x86.regalloc.LinearScan.Registers;
import dev.taipan.x86.regalloc.LinearScan.Result;
import dev.taipan.x86.regalloc.LinearScan.SpillChoice;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link Exercised#SPILL_CHOICE} must do, whoever wrote it: when linear scan finds no free
 * register for an interval, send to memory whichever of that interval and its rivals ends last
 * (Poletto and Sarkar's rule), the interval itself on a tie. Run here against
 * {@link SpillChoice#FURTHEST_END}; the exercises module runs the same tests against a student's
 * choice ({@code exercises/stage05/ex3}).
 *
 * <p>The oracles: intervals worked by hand, where the answer is one interval; an allocation
 * checker that knows nothing of {@link LinearScan} (no two overlapping intervals share a register,
 * a value live across a call is never in a caller-saved one, floats are only in SSE registers);
 * the fewest spills any allocation could make, found by trying every subset of the intervals, which
 * the rule reaches whenever the registers are interchangeable; and a program translated with the
 * choice and run.
 *
 * <p>Why the count is graded only there: with one class of interchangeable registers, spilling
 * the furthest end is optimal (the exchange argument in the exercise's README). With calls it is
 * not, and no choice could make it so: linear scan gives a value the first free caller-saved
 * register before it knows that a later value live across a call will need a callee-saved one,
 * so {@code a [0,2]}, {@code b [1,10]}, then {@code c [3,5]} across a call, with one register of
 * each kind, spills one value where zero were possible ({@code a} and {@code c} in the callee-saved
 * register, {@code b} in the other). There the allocation is checked for validity alone.
 */
@Timeout(120)
class SpillChoiceContract {

    private static final Location RSI = Location.of(Reg.RSI);
    private static final Location RDI = Location.of(Reg.RDI);
    private static final Location R8 = Location.of(Reg.R8);
    private static final Location R9 = Location.of(Reg.R9);
    private static final Location RBX = Location.of(Reg.RBX);
    private static final Location R12 = Location.of(Reg.R12);
    private static final Location R13 = Location.of(Reg.R13);
    private static final Location R14 = Location.of(Reg.R14);
    private static final Location R15 = Location.of(Reg.R15);

    /** One and two caller-saved registers: interchangeable for integers not live across a call. */
    private static final Registers ONE = new Registers(List.of(RSI), List.of(), List.of());
    private static final Registers TWO = new Registers(List.of(RSI, RDI), List.of(), List.of());

    @TempDir
    Path dir;

    private static Interval value(int id, int start, int end) {
        return new Interval(id, start, end, RegClass.INT, false);
    }

    private static Interval acrossCall(int id, int start, int end) {
        return new Interval(id, start, end, RegClass.INT, true);
    }

    private static Interval float_(int id, int start, int end) {
        return new Interval(id, start, end, RegClass.FLOAT, false);
    }

    private static Location xmm(int n) {
        return Location.of(new Xmm(n));
    }

    /** One question put to the current choice. */
    private static Interval choose(Interval current, Interval... rivals) {
        return Exercised.SPILL_CHOICE.current().choose(current, List.of(rivals));
    }

    private static String show(Interval it) {
        return "#" + it.id() + " [" + it.start() + "," + it.end() + "]"
                + (it.kind() == RegClass.FLOAT ? " float" : "") + (it.acrossCall() ? " across a call" : "");
    }

    private static String show(List<Interval> intervals) {
        return intervals.stream().map(SpillChoiceContract::show).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String question(Interval current, Interval... rivals) {
        return "choose(" + show(current) + ", rivals " + show(List.of(rivals)) + ")";
    }

    /**
     * The current choice, keeping the questions it was asked and its answers, so that a failure
     * shows the decisions that led to it.
     */
    private static final class Recorder implements SpillChoice {
        private final SpillChoice choice = Exercised.SPILL_CHOICE.current();
        private final List<String> log = new ArrayList<>();

        @Override
        public Interval choose(Interval current, List<Interval> rivals) {
            Interval loser = choice.choose(current, rivals);
            log.add("  " + show(current) + " with rivals " + show(rivals) + ": spilled "
                    + (loser == null ? "null" : show(loser)));
            return loser;
        }

        @Override
        public String toString() {
            return log.isEmpty() ? "  (no spill was chosen)" : String.join("\n", log.subList(0, Math.min(log.size(), 12)))
                    + (log.size() > 12 ? "\n  ... " + (log.size() - 12) + " more" : "");
        }
    }

    private record Allocation(List<Interval> intervals, Registers registers, Result result, Recorder decisions) {
        @Override
        public String toString() {
            var sorted = new ArrayList<>(intervals);
            sorted.sort(Comparator.comparingInt(Interval::start).thenComparingInt(Interval::id));
            return "intervals " + show(sorted) + "\nregisters " + registers + "\ngot " + result.registers()
                    + ", spilled " + result.spilled() + "\nthe choices made:\n" + decisions;
        }
    }

    /** {@code intervals} allocated by linear scan with the current choice, checked for validity. */
    private static Allocation allocate(List<Interval> intervals, Registers registers) {
        var decisions = new Recorder();
        Result result;
        try {
            result = LinearScan.allocate(intervals, registers, decisions);
        } catch (IllegalStateException e) {
            throw new AssertionError("linear scan refused an answer of the spill choice (" + e.getMessage()
                    + ") for the intervals " + show(intervals) + "\nthe choices made:\n" + decisions, e);
        }
        var allocation = new Allocation(intervals, registers, result, decisions);
        assertValid(allocation);
        return allocation;
    }

    /**
     * Every interval either has a register or is spilled, not both, once; its register is one
     * it may have (an SSE register for a float, a callee-saved one for a value live across a
     * call, none for a float live across a call: System V saves no SSE register); and no two
     * intervals that are alive at one point share a register.
     */
    private static void assertValid(Allocation a) {
        Map<Integer, Location> regs = a.result().registers();
        List<Integer> spilled = a.result().spilled();
        assertThat(new HashSet<>(spilled)).as("spilled twice?\n%s", a).hasSameSizeAs(spilled);
        for (Interval it : a.intervals()) {
            Location reg = regs.get(it.id());
            assertThat(reg != null).as("%s: in a register or in memory, one of the two\n%s", show(it), a)
                    .isNotEqualTo(spilled.contains(it.id()));
            if (reg == null) {
                continue;
            }
            List<Location> allowed = switch (it.kind()) {
                case FLOAT -> it.acrossCall() ? List.of() : a.registers().floats();
                case INT -> it.acrossCall() ? a.registers().calleeSaved()
                        : Stream.concat(a.registers().callerSaved().stream(), a.registers().calleeSaved().stream()).toList();
            };
            assertThat(allowed).as("%s may not be in %s\n%s", show(it), reg, a).contains(reg);
        }
        for (Interval x : a.intervals()) {
            for (Interval y : a.intervals()) {
                boolean overlap = x.id() < y.id() && x.start() <= y.end() && y.start() <= x.end();
                if (overlap && regs.get(x.id()) != null) {
                    assertThat(regs.get(y.id())).as("%s and %s are alive at once\n%s", show(x), show(y), a)
                            .isNotEqualTo(regs.get(x.id()));
                }
            }
        }
    }

    // ------------------------------------------------------------------ by hand

    @Test
    @Points(2)
    void theCurrentIntervalIsSpilledWhenItEndsLast() {
        Interval current = value(3, 4, 30);
        Interval[] rivals = {value(0, 0, 10), value(1, 2, 20), value(2, 3, 12)};
        assertThat(choose(current, rivals)).as(question(current, rivals)).isEqualTo(current);
        Interval late = value(1, 5, 9);
        assertThat(choose(late, value(0, 0, 6))).as(question(late, value(0, 0, 6))).isEqualTo(late);

        // One register: #0 has it when #1 arrives, and keeps it, since #1 would hold it longer.
        Allocation a = allocate(List.of(value(0, 0, 10), value(1, 2, 20)), ONE);
        assertThat(a.result().registers()).as("%s", a).isEqualTo(Map.of(0, RSI));
        assertThat(a.result().spilled()).as("%s", a).containsExactly(1);
    }

    @Test
    @Points(2)
    void theRivalThatEndsLastIsSpilledAndItsRegisterGoesToTheCurrentOne() {
        Interval current = value(3, 4, 12);
        Interval[] rivals = {value(0, 0, 30), value(1, 1, 20), value(2, 3, 9)};
        assertThat(choose(current, rivals)).as(question(current, rivals)).isEqualTo(rivals[0]);

        // Two registers: #0 and #1 take them; #2 takes #0's, since #0 ends last; when #1 ends,
        // #3 takes its register.
        Allocation a = allocate(List.of(value(0, 0, 50), value(1, 1, 8), value(2, 2, 20), value(3, 9, 30)), TWO);
        assertThat(a.result().registers()).as("%s", a).isEqualTo(Map.of(1, RDI, 2, RSI, 3, RDI));
        assertThat(a.result().spilled()).as("%s", a).containsExactly(0);
    }

    @Test
    @Points(2)
    void theFurthestEndDecidesNotTheLengthNorTheStart() {
        // The longest interval is not the one that ends last.
        Interval current = value(2, 10, 20);
        Interval[] longest = {value(0, 0, 38), value(1, 9, 40)};
        assertThat(choose(current, longest)).as(question(current, longest)).isEqualTo(longest[1]);
        // Nor is the one that started first.
        Interval[] oldest = {value(0, 0, 15), value(1, 5, 40)};
        assertThat(choose(current, oldest)).as(question(current, oldest)).isEqualTo(oldest[1]);
        // The current interval is shorter than a rival, yet ends after it.
        Interval shorter = value(1, 10, 45);
        Interval[] longer = {value(0, 0, 40)};
        assertThat(choose(shorter, longer)).as(question(shorter, longer)).isEqualTo(shorter);
        // An interval of a single point, and a rival born at the same point as the current one.
        Interval point = value(3, 7, 7);
        Interval[] born = {value(0, 7, 8), value(1, 2, 7)};
        assertThat(choose(point, born)).as(question(point, born)).isEqualTo(born[0]);
    }

    @Test
    @Points(1)
    void theRivalsComeInNoParticularOrder() {
        var rnd = new Random(3);
        Interval furthest = value(1, 1, 33);
        List<Interval> rivals = new ArrayList<>(List.of(value(0, 0, 14), furthest, value(2, 2, 9),
                value(3, 3, 21), value(4, 4, 12), value(5, 5, 27)));
        Interval current = value(6, 6, 25);
        Interval last = value(6, 6, 40);
        for (int trial = 0; trial < 40; trial++) {
            Collections.shuffle(rivals, rnd);
            Interval[] asked = rivals.toArray(Interval[]::new);
            assertThat(choose(current, asked)).as(question(current, asked)).isEqualTo(furthest);
            assertThat(choose(last, asked)).as(question(last, asked)).isEqualTo(last);
        }
    }

    @Test
    @Points(1)
    void aTieWithTheCurrentIntervalSpillsTheCurrentOne() {
        Interval current = value(2, 5, 20);
        Interval[] rivals = {value(0, 0, 20), value(1, 2, 10)};
        assertThat(choose(current, rivals)).as(question(current, rivals) + ": on a tie the current interval,"
                + " so that no register changes hands").isEqualTo(current);
        // Two rivals tie beyond the current interval: either may go.
        Interval early = value(3, 5, 15);
        Interval[] tied = {value(0, 0, 30), value(1, 3, 30), value(2, 4, 10)};
        assertThat(choose(early, tied)).as(question(early, tied)).isIn(tied[0], tied[1]);

        // #0 took rdi, the register it would like (a hint), #2 rsi; #1 ties with both and goes
        // to memory, so #0 keeps the register picked for it.
        Interval hinted = new Interval(0, 0, 20, RegClass.INT, false, List.of(), List.of(RDI));
        Allocation a = allocate(List.of(hinted, value(1, 5, 20), value(2, 1, 20)), TWO);
        assertThat(a.result().registers()).as("%s", a).isEqualTo(Map.of(0, RDI, 2, RSI));
        assertThat(a.result().spilled()).as("%s", a).containsExactly(1);
    }

    /**
     * One register of each kind: a value live across a call competes only with the values in the
     * callee-saved one, a float only with floats, whatever the others' ends; a value not live
     * across a call competes with both integer registers.
     */
    @Test
    @Points(2)
    void onlyTheValuesWhoseRegisterTheCurrentOneCouldTakeCompete() {
        List<Interval> intervals = List.of(
                value(0, 0, 100),          // rsi, the first caller-saved register
                value(1, 1, 50),           // rbx, the only one left
                acrossCall(2, 2, 40),      // only rbx will do: #1 ends later and goes; #0 is no rival
                float_(3, 3, 30),          // xmm2
                float_(4, 4, 20),          // #3 ends later and goes; the ints ending at 100 are no rivals
                acrossCall(5, 5, 60),      // rbx is #2's, which ends first: #5 goes to memory
                new Interval(6, 6, 8, RegClass.FLOAT, true),   // no SSE register survives a call: memory, unasked
                value(7, 7, 45));          // rsi (#0, until 100) or rbx (#2, until 40): #0 goes
        Allocation a = allocate(intervals, new Registers(List.of(RSI), List.of(RBX), List.of(xmm(2))));
        assertThat(a.result().registers()).as("%s", a).isEqualTo(Map.of(2, RBX, 4, xmm(2), 7, RSI));
        assertThat(a.result().spilled()).as("%s", a).containsExactlyInAnyOrder(0, 1, 3, 5, 6);
    }

    // ------------------------------------------------------------------ random intervals

    /**
     * The fewest of {@code intervals} (one class, {@code k} interchangeable registers) that any
     * allocation must spill, found without linear scan: every subset is tried, and the largest
     * one in which no point is covered by more than {@code k} intervals is what can be kept.
     * Such a subset always fits in {@code k} registers: give each interval, by increasing start,
     * a register that no interval still alive holds (at its start at most {@code k - 1} others
     * are alive). And a spilled value lives in memory for its whole life, so what an allocation
     * keeps in registers is a subset of the intervals, and one with more than {@code k} over a
     * point is not.
     */
    private static int fewestSpills(List<Interval> intervals, int k) {
        int n = intervals.size();
        if (n > 16) {
            throw new IllegalArgumentException(n + " intervals: too many subsets to try");
        }
        int last = intervals.stream().mapToInt(Interval::end).max().orElse(0);
        int[] alive = new int[last + 1];
        for (int i = 0; i < n; i++) {
            for (int p = intervals.get(i).start(); p <= intervals.get(i).end(); p++) {
                alive[p] |= 1 << i;
            }
        }
        int kept = 0;
        for (int subset = 0; subset < 1 << n; subset++) {
            if (Integer.bitCount(subset) <= kept) {
                continue;
            }
            int s = subset;
            if (IntStream.of(alive).allMatch(mask -> Integer.bitCount(mask & s) <= k)) {
                kept = Integer.bitCount(subset);
            }
        }
        return n - kept;
    }

    /** {@code n} intervals from id {@code firstId} on, of one kind, some with partners and hints among {@code hints}. */
    private static List<Interval> randomIntervals(Random rnd, int firstId, int n, RegClass kind, boolean acrossCall,
                                                  List<Location> hints) {
        var out = new ArrayList<Interval>();
        for (int i = 0; i < n; i++) {
            int start = rnd.nextInt(30);
            int length = rnd.nextInt(4) == 0 ? rnd.nextInt(25) : rnd.nextInt(8);
            List<Integer> partners = rnd.nextInt(3) == 0 ? List.of(firstId + rnd.nextInt(n)) : List.of();
            List<Location> hint = rnd.nextInt(4) == 0 ? List.of(hints.get(rnd.nextInt(hints.size()))) : List.of();
            out.add(new Interval(firstId + i, start, start + length, kind, acrossCall, partners, hint));
        }
        return out;
    }

    private static int spilledAmong(Allocation a, List<Interval> some) {
        return (int) some.stream().filter(it -> a.result().spilled().contains(it.id())).count();
    }

    @Test
    @Points(4)
    void randomIntervalsOfOneClassSpillNoMoreThanAnyAllocationMust() {
        var rnd = new Random(1999);
        List<Location> gprs = List.of(RSI, RDI, R8, R9);
        List<Location> callee = List.of(RBX, R12, R13, R14);
        List<Location> sse = List.of(xmm(2), xmm(3), xmm(4), xmm(5));
        for (int trial = 0; trial < 1000; trial++) {
            int k = 1 + rnd.nextInt(4);
            int n = 1 + rnd.nextInt(12);
            switch (trial % 4) {
                case 0 -> {
                    // Values not live across a call: caller-saved and callee-saved registers alike.
                    int caller = rnd.nextInt(k + 1);
                    Registers regs = new Registers(gprs.subList(0, caller), callee.subList(0, k - caller), List.of());
                    List<Interval> ints = randomIntervals(rnd, 0, n, RegClass.INT, false, gprs);
                    assertFewestSpills(allocate(ints, regs), ints, k);
                }
                case 1 -> {
                    // Values live across a call: the callee-saved registers alone.
                    Registers regs = new Registers(gprs, callee.subList(0, k), sse);
                    List<Interval> ints = randomIntervals(rnd, 0, n, RegClass.INT, true, callee);
                    assertFewestSpills(allocate(ints, regs), ints, k);
                }
                case 2 -> {
                    // Floats; those live across a call have no register at all.
                    Registers regs = new Registers(gprs, callee, sse.subList(0, k));
                    List<Interval> floats = randomIntervals(rnd, 0, n, RegClass.FLOAT, false, sse);
                    List<Interval> across = randomIntervals(rnd, n, rnd.nextInt(3), RegClass.FLOAT, true, sse);
                    var all = new ArrayList<>(floats);
                    all.addAll(across);
                    Allocation a = allocate(all, regs);
                    assertFewestSpills(a, floats, k);
                    assertThat(spilledAmong(a, across)).as("floats live across a call\n%s", a).isEqualTo(across.size());
                }
                default -> {
                    // Integers and floats at once: two files of registers that never compete.
                    int m = 1 + rnd.nextInt(12);
                    int kf = 1 + rnd.nextInt(4);
                    Registers regs = new Registers(gprs.subList(0, k), List.of(), sse.subList(0, kf));
                    List<Interval> ints = randomIntervals(rnd, 0, n, RegClass.INT, false, gprs);
                    List<Interval> floats = randomIntervals(rnd, n, m, RegClass.FLOAT, false, sse);
                    var all = new ArrayList<>(ints);
                    all.addAll(floats);
                    Collections.shuffle(all, rnd);
                    Allocation a = allocate(all, regs);
                    assertFewestSpills(a, ints, k);
                    assertFewestSpills(a, floats, kf);
                }
            }
        }
    }

    private static void assertFewestSpills(Allocation a, List<Interval> oneClass, int k) {
        int fewest = fewestSpills(oneClass, k);
        assertThat(spilledAmong(a, oneClass)).as("intervals spilled out of %s with %d registers: %d would do\n%s",
                show(oneClass), k, fewest, a).isLessThanOrEqualTo(fewest);
    }

    @Test
    @Points(2)
    void randomAllocationsWithCallsAndFloatsAreValid() {
        var rnd = new Random(2025);
        Registers small = new Registers(List.of(RSI, RDI), List.of(RBX, R12), List.of(xmm(2), xmm(3)));
        Registers backend = new Registers(List.of(RSI, RDI, R8, R9), List.of(RBX, R12, R13, R14, R15),
                IntStream.rangeClosed(2, 14).mapToObj(SpillChoiceContract::xmm).toList());
        List<Location> everyRegister = Stream.of(backend.callerSaved(), backend.calleeSaved(), backend.floats())
                .flatMap(List::stream).toList();
        for (int trial = 0; trial < 300; trial++) {
            Registers regs = trial % 2 == 0 ? small : backend;
            int scale = regs == small ? 1 : 3;
            var all = new ArrayList<Interval>();
            for (RegClass kind : RegClass.values()) {
                for (boolean across : new boolean[] {false, true}) {
                    all.addAll(randomIntervals(rnd, all.size(), scale * rnd.nextInt(kind == RegClass.INT ? 10 : 5), kind,
                            across, everyRegister));
                }
            }
            Collections.shuffle(all, rnd);
            allocate(all, regs);
        }
    }

    // ------------------------------------------------------------------ in the backend

    /**
     * Functions that keep more values alive than the backend has registers for (9 integer, 5 of
     * them callee-saved, 13 SSE): twenty integers alive across a loop that calls a function, so
     * that only five of them can be in registers; twenty integers updated together in a loop; and
     * sixteen floats. Every spill decision of their frames is the choice's.
     */
    private static final String HUNGRY = """
            def mix(x, y):
                return (x * 31 + y) % 1000003

            def across_calls(n):
                a0 = n + 1
                a1 = n * 2
                a2 = n - 3
                a3 = n * n
                a4 = n + 5
                a5 = n * 6 - 1
                a6 = n % 7
                a7 = n + 8
                a8 = n * 9
                a9 = n - 10
                a10 = n * 11 + 2
                a11 = n + 12
                a12 = n * 13
                a13 = n - 14
                a14 = n + 15
                a15 = n * 16
                a16 = n + 17
                a17 = n * 18 - 7
                a18 = n + 19
                a19 = n * 20
                s = 0
                i = 0
                while i < n:
                    s = mix(s, i)
                    i += 1
                return (a0 + 2 * a1 + 3 * a2 + 4 * a3 + 5 * a4 + 6 * a5 + 7 * a6 + 8 * a7 + 9 * a8 + 10 * a9
                        + 11 * a10 + 12 * a11 + 13 * a12 + 14 * a13 + 15 * a14 + 16 * a15 + 17 * a16 + 18 * a17
                        + 19 * a18 + 20 * a19) * 1000 + s

            def in_a_loop(n):
                a0 = 1
                a1 = 2
                a2 = 3
                a3 = 4
                a4 = 5
                a5 = 6
                a6 = 7
                a7 = 8
                a8 = 9
                a9 = 10
                a10 = 11
                a11 = 12
                a12 = 13
                a13 = 14
                a14 = 15
                a15 = 16
                a16 = 17
                a17 = 18
                a18 = 19
                a19 = 20
                i = 0
                while i < n:
                    a0 = (a0 + a19) % 1009
                    a1 = (a1 + a0 * 3) % 1013
                    a2 = (a2 ^ a1) + 1
                    a3 = (a3 + a2 - a0) % 1019
                    a4 = a4 * 5 % 1021
                    a5 = (a5 + a4 + i) % 1031
                    a6 = (a6 + a3 * a5) % 1033
                    a7 = (a7 - a6) % 1039
                    a8 = (a8 + a1 + a7) % 1049
                    a9 = (a9 * 7 + a8) % 1051
                    a10 = (a10 + a9 - a2) % 1061
                    a11 = (a11 ^ a10) % 1063
                    a12 = (a12 + a11 * 2) % 1069
                    a13 = (a13 + a12 + a5) % 1087
                    a14 = (a14 * 3 - a13) % 1091
                    a15 = (a15 + a14) % 1093
                    a16 = (a16 + a15 - a9) % 1097
                    a17 = (a17 ^ a16) % 1103
                    a18 = (a18 + a17 * a4) % 1109
                    a19 = (a19 + a18 + 1) % 1117
                    i += 1
                return (a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9) * 100000 + (a10 + a11 + a12 + a13 + a14
                        + a15 + a16 + a17 + a18 + a19) * 10 + a0 * a19 - a10 * a9

            def floats(n):
                x0 = 0.5
                x1 = 1.5
                x2 = 2.5
                x3 = 3.5
                x4 = 4.5
                x5 = 5.5
                x6 = 6.5
                x7 = 7.5
                x8 = 8.5
                x9 = 9.5
                x10 = 10.5
                x11 = 11.5
                x12 = 12.5
                x13 = 13.5
                x14 = 14.5
                x15 = 15.5
                i = 0
                while i < n:
                    x0 = x0 * 0.5 + x15
                    x1 = x1 * 0.5 + x0
                    x2 = x2 * 0.5 + x1
                    x3 = x3 * 0.5 + x2
                    x4 = x4 * 0.5 + x3
                    x5 = x5 * 0.5 + x4
                    x6 = x6 * 0.5 + x5
                    x7 = x7 * 0.5 + x6
                    x8 = x8 * 0.5 + x7
                    x9 = x9 * 0.5 + x8
                    x10 = x10 * 0.5 + x9
                    x11 = x11 * 0.5 + x10
                    x12 = x12 * 0.5 + x11
                    x13 = x13 * 0.5 + x12
                    x14 = x14 * 0.5 + x13
                    x15 = x15 * 0.25 + x14 * 0.125
                    i += 1
                return x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 - x8 - x9 - x10 - x11 - x12 - x13 - x14 - x15

            def entry_point(argv):
                n = int(argv[1])
                print(across_calls(n), in_a_loop(n), floats(n))
                return 0

            # args: 10
            # expect: 16429560 542112038 -3799331.7673489265
            """;

    @Test
    @Points(2)
    void aProgramThatKeepsMoreValuesAliveThanThereAreRegistersRuns() throws Exception {
        X86Programs.assertRuns(dir, "hungry.py", HUNGRY, Collector.SEMISPACE);
    }
}
