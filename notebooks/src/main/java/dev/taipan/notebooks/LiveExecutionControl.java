package dev.taipan.notebooks;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's in-process execution engine, changed in one way: it hands back the <em>objects</em>
 * that cells compute, not only their {@code toString}.
 *
 * <p>JShell was designed for a remote JVM, so its engine protocol speaks in strings: the value of
 * {@code $1} travels as {@code "[1, 2]"}. A notebook wants the object itself, to render a flow
 * graph as SVG or a table as HTML. Running in-process ({@link LocalExecutionControl}, with the
 * kernel's class loader as parent) makes notebook objects ordinary objects of the kernel JVM,
 * built from the very classes of the project's jars; this subclass then keeps the last variable
 * value read and the last exception thrown, as objects, for {@link CellEvaluator} to pick up.
 *
 * <p>One engine serves one JShell, which evaluates one snippet at a time, so two plain fields
 * suffice (volatile because the snippet runs on a thread of JShell's own).
 *
 * <p>It also remembers a stop. JShell's own {@code stop()} only stops code that is already
 * running: one that arrives while a cell is still being compiled (and a cell is compiled
 * snippet by snippet, each before it runs) finds nothing to stop and is forgotten, and the cell
 * then runs to its end, or forever. Here a stop is a request that stays until the evaluator
 * forgets it at the end of the cell: code that starts after it does not start at all.
 */
final class LiveExecutionControl extends LocalExecutionControl {
    private volatile Object lastValue;
    private volatile Throwable lastException;

    // Both guarded by this engine's lock, so that a stop and the start or end of a snippet's
    // code happen one after the other: a stop either finds the code running, or the code, when
    // it starts, finds the stop.
    private boolean stopRequested;
    private boolean codeRunning;

    LiveExecutionControl(ClassLoader parent) {
        super(parent);
    }

    /** The provider JShell asks for an engine; it always builds this one. */
    static ExecutionControlProvider provider(ClassLoader parent, LiveExecutionControl[] created) {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "taipan-live";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                created[0] = new LiveExecutionControl(parent);
                return created[0];
            }
        };
    }

    /** JShell calls this for {@code jshell.varValue(snippet)}: read the field as an object too. */
    @Override
    public String varValue(String className, String varName)
            throws RunException, EngineTerminationException, InternalException {
        try {
            Field field = findClass(className).getDeclaredField(varName);
            field.setAccessible(true);
            lastValue = field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new InternalException(e.toString());
        }
        return super.varValue(className, varName);
    }

    /** Every exception a snippet throws passes here on its way to becoming a string. */
    @Override
    protected String throwConvertedInvocationException(Throwable cause) throws RunException, InternalException {
        lastException = cause;
        return super.throwConvertedInvocationException(cause);
    }

    /**
     * JShell calls this to run a snippet's code. A stop requested earlier in the cell ends it
     * before it begins, as if it had been stopped at its first instruction; JShell treats the
     * exception exactly as it treats a stop during the run.
     *
     * <p>One gap is JShell's and remains: {@code super.invoke} clears JShell's own stop flag
     * before it starts the code's thread, so a stop in those few instructions is lost. The gap
     * this method closes was the whole compilation of the cell.
     */
    @Override
    protected String invoke(Method doitMethod) throws Exception {
        synchronized (this) {
            if (stopRequested) {
                throw new StoppedException();
            }
            codeRunning = true;
        }
        try {
            return super.invoke(doitMethod);
        } finally {
            synchronized (this) {
                codeRunning = false;
            }
        }
    }

    /**
     * JShell's {@code stop()}: remembered, and passed on to the code if some is running
     * (JShell then makes its loops throw and interrupts its threads, a host interpreter's among
     * them). Passed on under the lock, so that it cannot land on the code of a later cell.
     */
    @Override
    public synchronized void stop() throws EngineTerminationException, InternalException {
        stopRequested = true;
        if (codeRunning) {
            super.stop();
        }
    }

    /** Whether a stop was requested since the evaluator last {@linkplain #forgetStop forgot} one. */
    synchronized boolean stopRequested() {
        return stopRequested;
    }

    /** The cell is over: a stop requested for it must not stop the next one. */
    synchronized void forgetStop() {
        stopRequested = false;
    }

    /** The object behind the last {@link #varValue} call. */
    Object lastValue() {
        return lastValue;
    }

    /** The exception object behind the last {@code EvalException}, taken once. */
    Throwable takeLastException() {
        Throwable e = lastException;
        lastException = null;
        return e;
    }
}
