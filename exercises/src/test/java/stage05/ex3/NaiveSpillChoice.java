package stage05.ex3;

import dev.taipan.x86.regalloc.LinearScan.Interval;
import dev.taipan.x86.regalloc.LinearScan.SpillChoice;
import java.util.List;

/**
 * A plausible wrong answer to stage05/ex3 for the self-check: the value that arrives when the
 * registers are full always goes to memory, as if a register, once given, were never taken back.
 * It is never wrong, so programs still run, and right whenever the new interval happens to end
 * last; but a long value that took a register early keeps it through a whole loop while the short
 * ones that come after it, each needing it briefly, all go to memory. The tests of the rivals and
 * the counts against the fewest spills possible must take points off it.
 */
public final class NaiveSpillChoice implements SpillChoice {
    @Override
    public Interval choose(Interval current, List<Interval> rivals) {
        return current;
    }
}
