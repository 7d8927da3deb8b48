package stage05.ex3;

import dev.taipan.x86.regalloc.LinearScan.Interval;
import dev.taipan.x86.regalloc.LinearScan.SpillChoice;
import java.util.List;

/**
 * Exercise stage05/ex3: which value linear scan sends to memory when every register it could
 * use is taken. The task is in README.md next to this file; {@code ./taipan grade stage05/ex3}
 * grades this class, and {@code ./taipan --use-student stage05/ex3 exec --stage=x86 prog.py} runs
 * a program whose every frame was allocated with it.
 */
public final class StudentSpillChoice implements SpillChoice {

    @Override
    public Interval choose(Interval current, List<Interval> rivals) {
        // TODO: current or one of the rivals, whichever ends last; current on a tie
        // (README.md, "The task").
        throw new UnsupportedOperationException("TODO: stage05/ex3 is not done yet");
    }
}
