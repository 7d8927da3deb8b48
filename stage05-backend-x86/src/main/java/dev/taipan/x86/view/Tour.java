package dev.taipan.x86.view;

import dev.taipan.flowgraph.SourceFile;
import java.util.List;

/**
 * One function seen at every stage, ready to be drawn: its source, its bytecode, its graphs
 * after the flow space, the annotator, the rtyper and the GC transformer, and its machine code,
 * every bytecode instruction and machine instruction with the source line it comes from.
 *
 * @param functions   the names of every function of the file, for the page's header
 * @param backend     the translation's settings, as {@code taipan translate} would be told them
 * @param machine     the function's machine code, a listing per graph; empty when {@code machineProblem} says why
 */
public record Tour(SourceFile source, SourceFunction function, List<String> functions, List<BytecodeRow> bytecode,
                   List<StagePanel> graphs, String backend, List<MachineListing> machine, String machineProblem) {

    /** One line of {@code dis}'s text, with the source line of its instruction (0 for the lines between them). */
    record BytecodeRow(String text, int line) {
    }

    public Tour {
        functions = List.copyOf(functions);
        bytecode = List.copyOf(bytecode);
        graphs = List.copyOf(graphs);
        machine = List.copyOf(machine);
    }

    /** The function's qualified name ({@code Class.method} for a method). */
    public String functionName() {
        return function.name();
    }
}
