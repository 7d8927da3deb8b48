package dev.taipan.flowgraph.host;

import java.util.LinkedHashSet;
import java.util.Map;

/** {@code d.keys()}, {@code d.values()}, {@code d.items()}: live views of a dict. */
final class DictView extends PyObject {
    enum Kind { KEYS, VALUES, ITEMS }

    final PyDict dict;
    final Kind kind;

    DictView(PyDict dict, Kind kind) {
        this.dict = dict;
        this.kind = kind;
    }

    int size() {
        return dict.map.size();
    }

    PyObject iter() {
        return Iterators.dictIterator(dict, kind);
    }

    boolean contains(PyObject item) {
        return switch (kind) {
            case KEYS -> dict.map.containsKey(PyDict.keyForm(item));
            case VALUES -> {
                for (PyObject v : dict.map.values()) {
                    if (Ops.eqBool(v, item)) {
                        yield true;
                    }
                }
                yield false;
            }
            case ITEMS -> {
                if (!(item instanceof PyTuple t) || t.items.length != 2) {
                    yield false;
                }
                PyObject v = dict.get(t.items[0]);
                yield v != null && Ops.eqBool(v, t.items[1]);
            }
        };
    }

    LinkedHashSet<Object> asSet() {
        LinkedHashSet<Object> s = new LinkedHashSet<>();
        for (Map.Entry<Object, PyObject> e : dict.map.entrySet()) {
            s.add(switch (kind) {
                case KEYS -> e.getKey();
                case VALUES -> e.getValue();
                case ITEMS -> new PyTuple(PyDict.fromKeyForm(e.getKey()), e.getValue());
            });
        }
        return s;
    }

    @Override
    public PyType type() {
        return switch (kind) {
            case KEYS -> Types.DICT_KEYS;
            case VALUES -> Types.DICT_VALUES;
            case ITEMS -> Types.DICT_ITEMS;
        };
    }

    @Override
    String repr() {
        StringBuilder sb = new StringBuilder(type().name()).append("([");
        boolean first = true;
        for (Map.Entry<Object, PyObject> e : dict.map.entrySet()) {
            sb.append(first ? "" : ", ");
            first = false;
            PyObject k = PyDict.fromKeyForm(e.getKey());
            sb.append(switch (kind) {
                case KEYS -> Ops.repr(k);
                case VALUES -> Ops.repr(e.getValue());
                case ITEMS -> "(" + Ops.repr(k) + ", " + Ops.repr(e.getValue()) + ")";
            });
        }
        return sb.append("])").toString();
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        throw PyErrors.typeError("unhashable type: '" + type().name() + "'");
    }
}
