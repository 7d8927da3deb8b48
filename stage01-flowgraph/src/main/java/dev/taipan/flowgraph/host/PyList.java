package dev.taipan.flowgraph.host;

import java.util.ArrayList;
import java.util.List;

/** Python's {@code list}, over an {@link ArrayList}; also instances of user subclasses of list. */
public class PyList extends PyObject {
    final ArrayList<PyObject> items;

    public PyList() {
        this.items = new ArrayList<>();
    }

    public PyList(List<PyObject> items) {
        this.items = new ArrayList<>(items);
    }

    PyList(ArrayList<PyObject> items, boolean adopt) {
        this.items = items;
    }

    public List<PyObject> items() {
        return items;
    }

    public int size() {
        return items.size();
    }

    @Override
    public PyType type() {
        return Types.LIST;
    }

    @Override
    String repr() {
        if (!Ops.enterRepr(this)) {
            return "[...]";
        }
        try {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < items.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(Ops.repr(items.get(i)));
            }
            return sb.append(']').toString();
        } finally {
            Ops.leaveRepr(this);
        }
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof PyObject p && Ops.eqBool(this, p);
    }

    @Override
    public int hashCode() {
        throw PyErrors.typeError("unhashable type: '" + type().name() + "'");
    }

    /** An instance of a user class derived from list. */
    static final class Subclass extends PyList {
        private final PyType type;
        private final PyDict dict = new PyDict();

        Subclass(PyType type) {
            this.type = type;
        }

        @Override
        public PyType type() {
            return type;
        }

        @Override
        public PyDict dict() {
            return dict;
        }
    }
}
