package dev.taipan.rtyper.llinterp;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The stack the RPy calls run on. Each low-level call is a Java call (a frame's {@code run}
 * calls the callee's), so RPy recursion is Java recursion: the calls run on a thread of their
 * own with a large Java stack, and their depth is bounded, so that a runaway recursion stops
 * with a clear error at a fixed depth instead of a {@link StackOverflowError} wherever the JVM's
 * frames happen to run out. There the call raises the program's {@code RecursionError}, as
 * Python does and as the stack check of a translated program will (PyPy's translator inserts
 * checks that raise an RPython-level {@code StackOverflow}); with no such class it is a fatal
 * error.
 */
final class CallStack {

    /** The deepest nesting of low-level calls: the C stack of a translated program allows about as many. */
    static final int MAX_DEPTH = 100_000;
    /** How much deeper than {@link #MAX_DEPTH} the non-recursive calls of a transformed program may go. */
    private static final int SLACK = 10_000;
    /** Enough Java stack for {@link #MAX_DEPTH} calls, even in the JVM's interpreter (reserved, not committed). */
    private static final long JAVA_STACK_BYTES = 1L << 30;

    private int depth;
    private int limit = MAX_DEPTH;
    /** The program's RecursionError, for {@link #check}. */
    private java.util.function.Supplier<LLException> recursionError = () -> null;
    /** What a call too deep raises: the program's RecursionError, or nothing (a fatal error). */
    private java.util.function.Supplier<LLException> overflow = () -> null;

    /**
     * How the RecursionError reaches the caller: thrown, to unwind the frames of graphs with
     * exception links; or made the pending exception of an exception-transformed program, the
     * call returning an error word that the caller's check after the call never reads.
     */
    private java.util.function.ToLongFunction<LLException> raiser = e -> {
        throw e;
    };

    /** Called once the exceptions are mapped (they need the function table this stack serves). */
    void raiseOnOverflow(java.util.function.Supplier<LLException> raise) {
        this.overflow = raise;
    }

    /**
     * For an exception-transformed program: the graphs check the depth themselves, with
     * {@code stack_check} at the start of the recursive ones ({@link #check}), and a call too
     * deep leaves its exception pending. The calls of the other graphs may go a little deeper
     * (no chain of calls without recursion is long), up to {@link #SLACK} more: past that, a
     * fatal error rather than a Java stack overflow.
     */
    void raisePending(PendingException pending) {
        this.raiser = pending::raise;
        this.limit = MAX_DEPTH + SLACK;
        this.recursionError = overflow;
        this.overflow = () -> null;
    }

    /**
     * {@code stack_check}, at the start of a recursive graph's call: at a depth where the
     * call itself would have raised, the program's RecursionError becomes pending.
     */
    void check() {
        if (depth > MAX_DEPTH) {
            LLException e = recursionError.get();
            if (e == null) {
                throw new IllegalStateException("stack overflow: more than " + MAX_DEPTH + " nested low-level calls");
            }
            raiser.applyAsLong(e);
        }
    }

    long call(GraphCode code, long[] frame) {
        if (depth >= limit) {
            LLException e = overflow.get();
            if (e != null) {
                return raiser.applyAsLong(e);   // as the caller's call raising it, like the stack check of a translated program
            }
            throw new IllegalStateException("stack overflow: more than " + MAX_DEPTH + " nested low-level calls");
        }
        depth++;
        try {
            return code.run(frame);
        } finally {
            depth--;
        }
    }

    /** Runs {@code body} on a thread with the large stack and returns its result, or throws what it threw. */
    <T> T onBigStack(Supplier<T> body) {
        var result = new AtomicReference<T>();
        var failure = new AtomicReference<Throwable>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(body.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "taipan-llinterp", JAVA_STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            // Whoever runs the program gave up on it: the llinterp's thread stops at its next
            // block (GraphCode.run looks), and must have stopped before this returns, or a
            // runaway program would go on using a processor and filling the heap.
            t.interrupt();
            boolean joined = false;
            while (!joined) {
                try {
                    t.join();
                    joined = true;
                } catch (InterruptedException again) {
                    t.interrupt();
                }
            }
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while the llinterp ran");
        }
        switch (failure.get()) {
            case null -> { }
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            case Throwable e -> throw new IllegalStateException(e);
        }
        return result.get();
    }
}
