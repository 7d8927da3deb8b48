package dev.taipan.rtyper.transform;

import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.llinterp.LLInterpreter;
import dev.taipan.rtyper.llinterp.Outcome;
import dev.taipan.rtyper.memory.Heap;
import dev.taipan.rtyper.rtyper.RTyper;
import dev.taipan.rtyper.rtyper.RtypeCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** For the passes' tests: a program rtyped from {@code entry_point}, its graphs looked at, and run on the checked heap. */
final class Optimised {
    private Optimised() { }

    /** What a run gave: the exit status, stdout, and the report of an uncaught exception (or ""). */
    record Run(int status, String out, String report) { }

    static LowLevelProgram rtype(Path file) {
        RTyper rtyper = RtypeCommand.rtyper(file, null);
        return rtyper.program(rtyper.graphs().getFirst());
    }

    static Run run(LowLevelProgram program, Path file, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>();
        argv.add(file.toString());
        argv.addAll(List.of(args));
        try (Heap heap = Heap.checked()) {
            Outcome o = new LLInterpreter(program, heap, new PrintStream(out, true, StandardCharsets.UTF_8)).runMain(argv);
            return new Run(o.exitStatus(), out.toString(StandardCharsets.UTF_8), o instanceof Outcome.Uncaught u ? u.report() : "");
        }
    }

    static LowLevelGraph graph(LowLevelProgram program, String name) {
        return program.graphs().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    /** The names of the operations of {@code g}, in block order, with repeats. */
    static List<String> opnames(LowLevelGraph g) {
        return g.graph().operations().stream().map(SpaceOperation::opname).toList();
    }

    /** The graphs a {@code direct_call} of {@code g} calls, by name. */
    static List<String> callees(LowLevelGraph g) {
        return g.graph().operations().stream().filter(op -> op.opname().equals("direct_call"))
                .map(op -> op.args().getFirst().toString()).toList();
    }
}
