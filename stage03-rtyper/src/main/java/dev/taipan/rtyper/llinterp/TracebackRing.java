package dev.taipan.rtyper.llinterp;

import dev.taipan.rtyper.llgraph.InlinedFrames.Frame;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The debug traceback of the exceptions in flight, kept by instance, as PyPy's translated C
 * keeps a ring of (location, exception) records ({@code debug_traceback.h}): the
 * {@code debug_*_traceback} operations add where an exception is, and whoever reports or
 * re-raises it takes its frames back. Only the last {@value #RING} instances are remembered, so
 * that a program that raises and catches millions of exceptions does not keep their tracebacks;
 * the one that escapes is always among them.
 *
 * <p>Two kinds of graph write here. Exception-transformed graphs record every step of an
 * exception ({@link PendingException} takes the frames when the entry point returns with it
 * pending). Graphs with exception links have Java exceptions that carry their own traceback;
 * only a raise inlined from a callee and routed straight to a handler of its caller starts one
 * here ({@code transform.InlineCallSite}), since no Java exception is thrown: if the handler
 * raises the instance again, {@link GraphCode} takes the frames back, as a re-raise keeps them.
 */
final class TracebackRing {

    private static final int RING = 64;

    private final Map<Long, Traceback> tracebacks = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Traceback> eldest) {
            return size() > RING;
        }
    };

    /** {@code debug_start_traceback}: raised here, a new traceback. */
    void start(long evalue, List<Frame> where) {
        Traceback tb = new Traceback();
        tb.add(where);
        tracebacks.put(evalue, tb);
    }

    /** {@code debug_record_traceback}: it passed here, on its way out of a call. */
    void record(long evalue, List<Frame> where) {
        tracebacks.computeIfAbsent(evalue, k -> new Traceback()).add(where);
    }

    /** {@code debug_reraise_traceback}: a re-raise keeps the frames the exception has (a new traceback only if they were forgotten). */
    void reraise(long evalue, List<Frame> where) {
        if (!tracebacks.containsKey(evalue)) {
            start(evalue, where);
        }
    }

    /** An exception the llinterp itself made pending, with the frames it has so far. */
    void keep(long evalue, Traceback tb) {
        tracebacks.put(evalue, tb);
    }

    /** The frames of {@code evalue}, forgotten here; null if there are none. */
    Traceback take(long evalue) {
        return tracebacks.remove(evalue);
    }
}
