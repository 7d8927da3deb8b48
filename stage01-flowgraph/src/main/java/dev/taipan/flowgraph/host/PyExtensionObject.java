package dev.taipan.flowgraph.host;

/**
 * An object a later stage writes in Java and hands to Python code through an extension module
 * ({@link HostInterpreter#addExtensionModule}), as CPython's C extension modules hand theirs:
 * stage 03's low-level types ({@code Signed}, {@code GcStruct('POINT', ...)}),
 * {@code lltype.malloc} and {@code llop}, which the RPy helpers of that stage import. The host
 * runs module-level code with them (a helper file builds its types at import time), the flow
 * space keeps them as constants, and the stage that made them annotates and translates what
 * the program does with them; stage 01 knows nothing of what they mean.
 *
 * <p>A subclass says what kind of object it is (a built-in type made once with
 * {@link #newType}), how it prints, and, if Python code may call it or read its attributes,
 * {@link #call} and {@link #attribute}. An object whose attributes never change is
 * {@link #isFrozen frozen} (PyPy's {@code _freeze_}): the flow space folds {@code llop.int_add}
 * to the constant it reads now.
 */
public abstract class PyExtensionObject extends PyObject {

    /**
     * A built-in type named {@code name} for one kind of extension object, which Python code
     * cannot subclass. Make it once (a {@code static final}); like every built-in type it is
     * shared by all interpreters and holds nothing.
     */
    public static PyType newType(String name) {
        return PyType.builtin(name, Types.OBJECT).notSubclassable();
    }

    /** How {@code repr()} and the pictures of flow graphs show the object. */
    public abstract String pyRepr();

    /** The attribute {@code name} as {@code obj.name} reads it, or null when there is none. */
    public PyObject attribute(String name) {
        return null;
    }

    /** True when the object's attributes are constants of the translated program (PyPy's {@code _freeze_}). */
    public boolean isFrozen() {
        return false;
    }

    @Override
    final String repr() {
        return pyRepr();
    }

    @Override
    final PyObject getSlot(String name) {
        return attribute(name);
    }
}
