package dev.taipan.flowgraph;

import java.lang.reflect.InvocationTargetException;

/**
 * A component of the pipeline that a graded exercise re-implements (the model is ChocoPy's
 * reference/student switch, one per pass). The pipeline asks {@link #current()} where it
 * chooses the component; that is the reference unless the system property
 * {@code taipan.student.NAME} names a class implementing {@code type} with a public no-argument
 * constructor, which is then used instead. The exercises' grader and
 * {@code taipan --use-student EXERCISE ...} set that property; nothing else does, so without it
 * every stage runs its own code.
 *
 * @param name      the component's name in the property ({@code join_blocks}, ...)
 * @param type      the interface the reference and the students' classes implement
 * @param reference the stage's own implementation
 */
public record Exercisable<T>(String name, Class<T> type, T reference) {

    /** The system property that selects another implementation. */
    public String property() {
        return "taipan.student." + name;
    }

    /** The reference, or the class the property names (a fresh instance on every call). */
    public T current() {
        String className = System.getProperty(property());
        if (className == null || className.isEmpty()) {
            return reference;
        }
        try {
            Class<?> c = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
            return type.cast(c.getConstructor().newInstance());
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                 | ClassCastException e) {
            throw new TaipanError(property() + "=" + className + ": not a usable " + type.getSimpleName()
                    + " (" + e + ")");
        } catch (InvocationTargetException e) {
            throw new TaipanError(className + "'s constructor failed: " + e.getCause(), e.getCause());
        }
    }
}
