package dev.taipan.x86.view;

import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.flow.FunctionGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The function a page follows, known by its code object: the compiler's view, before anything
 * runs. Every later stage makes its graphs from a fresh import of the same file, so a graph is
 * recognised as this function's by its code's qualified name, first line and file
 * ({@link #owns}), never by object identity.
 */
record SourceFunction(Code code) {

    String name() {
        return code.qualname();
    }

    int firstLine() {
        return code.firstLine();
    }

    /** The last line any instruction of the function (or of a function nested in it) comes from. */
    int lastLine() {
        int last = Arrays.stream(code.lines()).max().orElse(code.firstLine());
        for (Object c : code.consts()) {
            if (c instanceof Code nested) {
                last = Math.max(last, new SourceFunction(nested).lastLine());
            }
        }
        return last;
    }

    /** Whether {@code g} was made from this function (one of its specialised copies, perhaps). */
    boolean owns(FunctionGraph g) {
        return g.code != null && g.code.qualname().equals(code.qualname()) && g.code.firstLine() == code.firstLine()
                && g.code.source().name().equals(code.source().name());
    }

    /** The functions and methods of a module, in source order (lambdas and comprehensions left out). */
    static List<SourceFunction> of(Code module) {
        List<SourceFunction> out = new ArrayList<>();
        collect(module, out);
        out.sort((a, b) -> Integer.compare(a.firstLine(), b.firstLine()));
        return out;
    }

    private static void collect(Code code, List<SourceFunction> out) {
        for (Object c : code.consts()) {
            if (c instanceof Code nested) {
                if (nested.hasFlag(Code.FUNCTION) && !nested.name().startsWith("<")) {
                    out.add(new SourceFunction(nested));
                }
                collect(nested, out);
            }
        }
    }

    /**
     * The function called {@code name} ({@code Class.method} for a method), or, for null, the
     * first one in the file, where a program usually puts what its entry point is made of.
     */
    static SourceFunction choose(List<SourceFunction> functions, String name, String file) {
        if (functions.isEmpty()) {
            throw new TaipanError(file + " defines no function to view");
        }
        if (name == null) {
            return functions.getFirst();
        }
        return functions.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(() -> new TaipanError(
                file + " has no function '" + name + "'; its functions are: "
                        + String.join(", ", functions.stream().map(SourceFunction::name).toList())));
    }
}
