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
 * <p>So <b>where</b> an operation or a link is ({@link #where}) is a chain of frames, innermost
 * first: one frame for the graph's own code, more for inlined code. It is the one notion of a
 * place both ways of raising use: the llinterp adds the chain to the traceback of a Java
 * exception leaving an operation or raised through a link, and after the exception transform
 * each {@code debug_*_traceback} operation stands where the call or the raise it reports stood
 * ({@link #sameWhere}), so the llinterp records the same chain for it.
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

    /** Makes the operation whose result is {@code result} stand where {@code op} stands (it reports {@code op}'s exception). */
    public void sameWhere(Variable result, SpaceOperation op) {
        set(result, operations.get(op.result()));
    }

    /** Makes the operation whose result is {@code result} stand where a raise through {@code link} is. */
    public void sameWhere(Variable result, Link link) {
        set(result, links.get(link));
    }

    /** Where {@code op} of {@code graph} is: the traceback entries, innermost first, of an exception leaving it. */
    public List<Frame> where(LowLevelGraph graph, SpaceOperation op) {
        return frames(graph, operations.get(op.result()), op.line());
    }

    /** Where a raise through {@code link} of {@code graph} is: the traceback entries, innermost first. */
    public List<Frame> where(LowLevelGraph graph, Link link) {
        return frames(graph, links.get(link), line(link));
    }

    /** The line a raise through {@code l} is reported at: the link's own, or its block's last operation's. */
    public static int line(Link l) {
        if (l.line != 0 || l.prevblock == null || l.prevblock.operations.isEmpty()) {
            return l.line;
        }
        return l.prevblock.operations.getLast().line();
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
