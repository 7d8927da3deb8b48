package dev.taipan.notebooks;

import java.lang.reflect.Field;
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
 */
final class LiveExecutionControl extends LocalExecutionControl {
    private volatile Object lastValue;
    private volatile Throwable lastException;

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
