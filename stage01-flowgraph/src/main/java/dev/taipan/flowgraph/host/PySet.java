package dev.taipan.flowgraph.host;

import java.util.LinkedHashSet;

/** Python's {@code set} and {@code frozenset}; elements in the key form of {@link PyDict}. */
public final class PySet extends PyObject {
    final LinkedHashSet<Object> set;
    final boolean frozen;

    PySet(boolean frozen) {
        this.set = new LinkedHashSet<>();
        this.frozen = frozen;
    }

    PySet(LinkedHashSet<Object> set, boolean frozen) {
        this.set = set;
        this.frozen = frozen;
    }

    void add(PyObject o) {
        set.add(PyDict.keyForm(o));
    }

    boolean contains(PyObject o) {
        return set.contains(PyDict.keyForm(o));
    }

    public int size() {
        return set.size();
    }

    @Override
    public PyType type() {
        return frozen ? Types.FROZENSET : Types.SET;
    }

    @Override
    String repr() {
        if (set.isEmpty()) {
            return frozen ? "frozenset()" : "set()";
        }
        StringBuilder sb = new StringBuilder(frozen ? "frozenset({" : "{");
        boolean first = true;
        for (Object o : set) {
            sb.append(first ? "" : ", ").append(Ops.repr(PyDict.fromKeyForm(o)));
            first = false;
        }
        return sb.append(frozen ? "})" : "}").toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PySet s && s.set.equals(set);
    }

    @Override
    public int hashCode() {
        if (!frozen) {
            throw PyErrors.typeError("unhashable type: 'set'");
        }
        return set.hashCode();
    }
}
