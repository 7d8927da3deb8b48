package dev.taipan.rtyper.transform;

import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.llinterp.LLException;
import dev.taipan.rtyper.llinterp.LLInterpreter;
import dev.taipan.rtyper.memory.Heap;
import dev.taipan.rtyper.rtyper.RTyper;
import dev.taipan.rtyper.rtyper.RtypeCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A function of a small program rtyped, passed through the passes of one level, and run in the llinterp on the checked heap. */
final class Transformed {

    /** What a call gave: its result (null after an exception), its output, and the whole report of an uncaught exception. */
    record Run(Object result, String output, String report) { }

    private Transformed() { }

    /** The program of {@code source}, from {@code function}, after the passes of {@code level}. */
    static LowLevelProgram program(Path dir, String source, String function, OptLevel level) throws IOException {
        RTyper rtyper = RtypeCommand.rtyper(Files.writeString(dir.resolve("prog.py"), source), function);
        LowLevelGraph entry = rtyper.graphs().stream().filter(g -> g.name().equals(function)).findFirst().orElseThrow();
        return Pipeline.of(level).run(rtyper.program(entry));
    }

    static Run run(LowLevelProgram program, Object... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Heap heap = Heap.checked()) {
            LLInterpreter interp = new LLInterpreter(program, heap, new PrintStream(out, true, StandardCharsets.UTF_8));
            try {
                Object r = interp.call(program.entry(), args);
                return new Run(r, out.toString(StandardCharsets.UTF_8), null);
            } catch (LLException e) {
                return new Run(null, out.toString(StandardCharsets.UTF_8), interp.report(e));
            }
        }
    }

    static Run run(Path dir, String source, String function, OptLevel level, Object... args) throws IOException {
        return run(program(dir, source, function, level), args);
    }
}
