package dev.taipan.flowgraph.host;

/**
 * Every value the host interpreter manipulates: PyPy's {@code W_Root}, CPython's
 * {@code PyObject}. The only thing all objects share is a type; everything else (attributes,
 * operators, calls) is found through that type by the protocols in {@link Ops} and {@link Attr}.
 *
 * <p>Java's {@code equals}/{@code hashCode} follow Python's {@code ==} and {@code hash()}, so that
 * {@link PyDict} and {@link PySet} can be plain Java hash tables: {@code 1}, {@code 1.0} and
 * {@code True} are one key, and a user class's {@code __eq__}/{@code __hash__} are honoured.
 * A later stage that must tell {@code 1} from {@code True} (constants in a flow graph) keys its
 * maps by identity or by type and value, not by these methods.
 */
public abstract class PyObject {

    public abstract PyType type();

    /** The instance {@code __dict__}, or null when the object has none (ints, lists...). */
    public PyDict dict() {
        return null;
    }

    /** Calls the object, vectorcall style: the last {@code kwnames.length} args are keywords. */
    public PyObject call(PyObject[] args, String[] kwnames) {
        return Ops.callViaType(this, args, kwnames);
    }

    /** Built-in attributes stored in Java fields ({@code __name__} of a function...), or null. */
    PyObject getSlot(String name) {
        return null;
    }

    /** Sets a built-in attribute stored in a Java field; false when there is none of that name. */
    boolean setSlot(String name, PyObject value) {
        return false;
    }

    /** The built-in repr; {@link Ops#repr} prefers a user class's {@code __repr__}. */
    String repr() {
        PyType t = type();
        String mod = t.moduleName();
        String qn = mod == null || mod.equals("builtins") ? t.qualname() : mod + "." + t.qualname();
        return "<" + qn + " object at " + Ops.address(this) + ">";
    }

    /** The built-in str; {@link Ops#str} prefers a user class's {@code __str__}. */
    String str() {
        return Ops.repr(this);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o instanceof String s) {
            return Ops.eqBool(this, PyStr.of(s));
        }
        return o instanceof PyObject p && Ops.eqBool(this, p);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(Ops.hash(this));
    }

    @Override
    public String toString() {
        return repr();
    }
}
