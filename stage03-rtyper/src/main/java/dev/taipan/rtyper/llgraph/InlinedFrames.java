package dev.taipan.rtyper.llgraph;

import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Variable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RPy frames that inlining folded into one graph, kept so that a traceback still names
 * them. An operation copied from a callee {@code f} into its caller {@code g} (at line 12 of
 * {@code g}) still carries its own line, but that line is one of {@code f}'s: an exception it
 * raises must be reported as {@code f}, at that line, called from {@code g}, at line 12, as it
 * was before inlining. So each inlined operation (found by its result variable, which the later
 * passes keep when they rename its arguments) and each inlined link that raises (a
 * {@code raise} in {@code f} now jumping to {@code g}'s except block) records its
 * {@link Origin}: the graph its line belongs to, and the call sites around it, innermost first.
 *
 * <p>PyPy's inliner does not need this: its tracebacks are recorded by code the exception
 * transform inserts after inlining ({@code debug_record_traceback}), so an inlined frame is
 * simply not there. Taipan promises the host's traceback at every stage, frames included.
 */
public final class InlinedFrames {

    /** One traceback entry: a graph and the line in it. */
    public record Frame(LowLevelGraph graph, int line) {
    }

    /** Where an inlined operation or link comes from: its own graph, then the call sites, innermost first. */
    public record Origin(LowLevelGraph graph, List<Frame> callers) {
        public Origin {
            callers = List.copyOf(callers);
        }

        /** The same origin, inlined once more into a caller at {@code site}. */
        public Origin calledFrom(Frame site) {
            List<Frame> more = new ArrayList<>(callers);
            more.add(site);
            return new Origin(graph, more);
        }
    }

    private final Map<Variable, Origin> operations = new IdentityHashMap<>();
    private final Map<Link, Origin> links = new IdentityHashMap<>();

    /** The origin of the operation whose result is {@code result}, or null if it is the graph's own. */
    public Origin of(Variable result) {
        return operations.get(result);
    }

    /** The origin of a link, or null if it is the graph's own. */
    public Origin of(Link link) {
        return links.get(link);
    }

    public void set(Variable result, Origin origin) {
        if (origin != null) {
            operations.put(result, origin);
        }
    }

    public void set(Link link, Origin origin) {
        if (origin != null) {
            links.put(link, origin);
        }
    }

    /** The traceback entries, innermost first, of {@code op} of {@code graph} reached at {@code line}. */
    public List<Frame> frames(LowLevelGraph graph, SpaceOperation op, int line) {
        return frames(graph, operations.get(op.result()), line);
    }

    /** The traceback entries, innermost first, of a raise through {@code link} of {@code graph} at {@code line}. */
    public List<Frame> frames(LowLevelGraph graph, Link link, int line) {
        return frames(graph, links.get(link), line);
    }

    private static List<Frame> frames(LowLevelGraph graph, Origin origin, int line) {
        if (origin == null) {
            return List.of(new Frame(graph, line));
        }
        List<Frame> out = new ArrayList<>();
        out.add(new Frame(origin.graph(), line));
        out.addAll(origin.callers());
        return out;
    }
}
