package dev.taipan.flowgraph.host;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Python's {@code dict}: insertion-ordered, over a {@link LinkedHashMap}. Keys are stored in
 * <em>key form</em>: a str key as its Java String (so attribute and global lookups by name
 * allocate nothing), any other key as itself; {@link PyObject#equals}/{@code hashCode} give
 * Python's {@code ==}/{@code hash()}. Module globals, instance {@code __dict__}s and class-body
 * namespaces are PyDicts too.
 */
public class PyDict extends PyObject {
    final LinkedHashMap<Object, PyObject> map;

    public PyDict() {
        this.map = new LinkedHashMap<>();
    }

    PyDict(int capacity) {
        this.map = LinkedHashMap.newLinkedHashMap(capacity);
    }

    static Object keyForm(PyObject key) {
        if (key instanceof PyStr s) {
            return s.value;
        }
        if (key instanceof PyList || key instanceof PyDict || key instanceof PySet s && !s.frozen) {
            throw PyErrors.typeError("unhashable type: '" + key.type().name() + "'");
        }
        return key;
    }

    static PyObject fromKeyForm(Object key) {
        return key instanceof String s ? PyStr.of(s) : (PyObject) key;
    }

    public PyObject get(PyObject key) {
        return map.get(keyForm(key));
    }

    public PyObject getStr(String key) {
        return map.get(key);
    }

    public void put(PyObject key, PyObject value) {
        map.put(keyForm(key), value);
    }

    public void putStr(String key, PyObject value) {
        map.put(key, value);
    }

    PyObject remove(PyObject key) {
        return map.remove(keyForm(key));
    }

    public int size() {
        return map.size();
    }

    /** The entries, keys as Python objects. */
    public Map<PyObject, PyObject> asMap() {
        Map<PyObject, PyObject> m = new LinkedHashMap<>();
        map.forEach((k, v) -> m.put(fromKeyForm(k), v));
        return m;
    }

    @Override
    public PyType type() {
        return Types.DICT;
    }

    @Override
    String repr() {
        if (!Ops.enterRepr(this)) {
            return "{...}";
        }
        try {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<Object, PyObject> e : map.entrySet()) {
                sb.append(first ? "" : ", ").append(Ops.repr(fromKeyForm(e.getKey()))).append(": ")
                        .append(Ops.repr(e.getValue()));
                first = false;
            }
            return sb.append('}').toString();
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
        throw PyErrors.typeError("unhashable type: 'dict'");
    }

    /** An instance of a user class derived from dict. */
    static final class Subclass extends PyDict {
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
