package dev.taipan.rtyper.transform;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.rtyper.image.FunctionRef;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The graphs a program can still run: those reachable from its entry, from the function pointers
 * of its image (the methods in vtables) and from the {@code roots} a later stage will call (the
 * collector's entry points, which the GC transformer calls from the allocations), through calls
 * and function constants. PyPy's C database writes only what it reaches from the entry point in
 * the same way. The rest is dropped: mostly graphs that {@link Inlining} copied into each of their
 * callers, a function called once among them, which every later pass and the backend would
 * otherwise still work through (two thirds of the graphs of stage 02's 10,000-line benchmark).
 */
public final class ReachableGraphs implements GraphPass {
    private final Collection<LowLevelGraph> roots;

    /** Keeps, besides what the entry and the image reach, what {@code roots} reach. */
    public ReachableGraphs(Collection<LowLevelGraph> roots) {
        this.roots = List.copyOf(roots);
    }

    @Override
    public String name() {
        return "reachable";
    }

    @Override
    public String description() {
        return "drops the graphs nothing can call any more (those inlined into every caller)";
    }

    @Override
    public LowLevelProgram apply(LowLevelProgram program) {
        return new LowLevelProgram(of(program, roots), program.entry(), program.image(), program.exceptions());
    }

    /** The graphs of {@code program} reachable from its entry, its image and {@code roots}, in the program's order. */
    public static List<LowLevelGraph> of(LowLevelProgram program, Collection<LowLevelGraph> roots) {
        Map<String, LowLevelGraph> byName = program.byName();
        Set<LowLevelGraph> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<LowLevelGraph> todo = new ArrayDeque<>();
        Stream.concat(Stream.of(program.entry()), roots.stream()).forEach(g -> reach(g, seen, todo));
        for (var r : program.image().relocations()) {
            if (r.target() instanceof FunctionRef f) {
                reach(byName.get(f.name()), seen, todo);
            }
        }
        while (!todo.isEmpty()) {
            for (Block b : todo.poll().graph().iterblocks()) {
                Stream.concat(b.operations.stream().flatMap(op -> op.args().stream()),
                                b.exits.stream().flatMap(link -> link.args.stream()))
                        .forEach(v -> {
                            if (v instanceof Constant(LLConstant(LowLevelGraph g, var _))) {
                                reach(g, seen, todo);
                            }
                        });
            }
        }
        return program.graphs().stream().filter(seen::contains).toList();
    }

    private static void reach(LowLevelGraph g, Set<LowLevelGraph> seen, Deque<LowLevelGraph> todo) {
        if (g != null && seen.add(g)) {
            todo.add(g);
        }
    }
}
