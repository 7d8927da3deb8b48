package dev.taipan.x86.gen;

import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.x86.regalloc.LinearScan.Interval;
import dev.taipan.x86.regalloc.Location;
import java.util.Comparator;
import java.util.List;

/**
 * One graph's register allocation drawn as text: a row per variable, by the start of its live
 * interval, with the home linear scan gave it and its interval as a bar over the function's
 * program points ({@link LiveRanges}); a ruler above marks each block's entry ({@code |}) and each
 * call ({@code C}). Values that share a register have bars that never overlap; a bar that
 * crosses a {@code C} has a callee-saved register or a frame word. Made for the notebook and
 * for a student comparing the chart with the machine code.
 */
public final class LiveRangeChart {
    private static final int WIDTH = 64;

    private LiveRangeChart() {
    }

    /** The chart of {@code graph}, allocated as the backend allocates it. */
    public static String of(LowLevelGraph graph) {
        FunctionCodegen f = new FunctionCodegen(graph, p -> "prebuilt", new TextPool(), null);
        LiveRanges ranges = f.ranges;
        int last = Math.max(1, ranges.intervals.stream().mapToInt(Interval::end).max().orElse(1));
        StringBuilder out = new StringBuilder();
        out.append("function ").append(graph.name()).append(": ").append(ranges.intervals.size())
                .append(" values, program points 0..").append(last)
                .append(", saves ").append(f.frame.calleeSaved().isEmpty() ? "nothing" : f.frame.calleeSaved())
                .append(", frame ").append(f.frame.size()).append(" bytes\n");
        String pad = " ".repeat(labelWidth(ranges) + 10);
        out.append(pad).append(ruler(ranges, last)).append('\n');
        List<Interval> sorted = ranges.intervals.stream()
                .sorted(Comparator.comparingInt(Interval::start).thenComparingInt(Interval::id)).toList();
        for (Interval it : sorted) {
            String name = ranges.variables.get(it.id()).toString();
            Location home = f.frame.home(ranges.variables.get(it.id()));
            out.append(String.format("%-" + labelWidth(ranges) + "s %-8s ", name, home))
                    .append(bar(it, last)).append(it.acrossCall() ? "  across a call" : "").append('\n');
        }
        return out.toString();
    }

    private static int labelWidth(LiveRanges ranges) {
        return ranges.variables.stream().mapToInt(v -> v.toString().length()).max().orElse(4);
    }

    private static int column(int point, int last) {
        return (int) ((long) point * (WIDTH - 1) / last);
    }

    private static String ruler(LiveRanges ranges, int last) {
        char[] line = "-".repeat(WIDTH).toCharArray();
        for (int entry : ranges.blockEntries()) {
            line[column(entry, last)] = '|';
        }
        for (int call : ranges.callPoints()) {
            line[column(call, last)] = 'C';
        }
        return new String(line);
    }

    private static String bar(Interval it, int last) {
        char[] line = " ".repeat(WIDTH).toCharArray();
        for (int c = column(it.start(), last); c <= column(it.end(), last); c++) {
            line[c] = '=';
        }
        return new String(line).stripTrailing();
    }
}
