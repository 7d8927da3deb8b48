package dev.taipan.flowgraph.host;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;

/** The iterators of the built-in types, each a {@link PyIterator} with a small step function. */
final class Iterators {
    private Iterators() {}

    /** iter(o) for built-in values; null when o is not a built-in iterable. */
    static PyObject nativeIter(PyObject o) {
        switch (o) {
            case PyList l -> {
                return listIterator(l);
            }
            case PyTuple t -> {
                PyObject[] items = t.items;
                int[] i = {0};
                return new PyIterator(Types.TUPLE_ITERATOR, () -> i[0] < items.length ? items[i[0]++] : null);
            }
            case PyStr s -> {
                String v = s.value;
                int[] i = {0};
                return new PyIterator(Types.STR_ITERATOR, () -> i[0] < v.length() ? PyStr.of(v.charAt(i[0]++)) : null);
            }
            case PyBytes b -> {
                byte[] v = b.value;
                int[] i = {0};
                return new PyIterator(Types.BYTES_ITERATOR, () -> i[0] < v.length ? PyInt.of(v[i[0]++] & 0xff) : null);
            }
            case PyRange r -> {
                return rangeIterator(r.start, r.step, r.length());
            }
            case PyDict d -> {
                return dictIterator(d, DictView.Kind.KEYS);
            }
            case PySet s -> {
                Iterator<Object> it = s.set.iterator();
                int size = s.set.size();
                return new PyIterator(Types.SET_ITERATOR, () -> {
                    if (s.set.size() != size) {
                        throw PyErrors.runtimeError("Set changed size during iteration");
                    }
                    try {
                        return it.hasNext() ? PyDict.fromKeyForm(it.next()) : null;
                    } catch (ConcurrentModificationException e) {
                        throw PyErrors.runtimeError("Set changed size during iteration");
                    }
                });
            }
            case DictView v -> {
                return v.iter();
            }
            case PyIterator it -> {
                return it;
            }
            case PyGenerator g -> {
                return g;
            }
            case PyFile f -> {
                return new PyIterator(Types.SEQ_ITERATOR, f::readlineOrNull);
            }
            default -> {
                return null;
            }
        }
    }

    static PyIterator listIterator(PyList l) {
        return new PyIterator(Types.LIST_ITERATOR, new PyIterator.ListSource(l.items));
    }

    static PyIterator rangeIterator(long start, long step, long length) {
        return new PyIterator(Types.RANGE_ITERATOR, new PyIterator.RangeSource(start, step, length));
    }

    static PyIterator dictIterator(PyDict d, DictView.Kind kind) {
        Iterator<Map.Entry<Object, PyObject>> it = d.map.entrySet().iterator();
        int size = d.map.size();
        PyType type = switch (kind) {
            case KEYS -> Types.DICT_KEYITERATOR;
            case VALUES -> Types.DICT_VALUEITERATOR;
            case ITEMS -> Types.DICT_ITEMITERATOR;
        };
        return new PyIterator(type, () -> {
            if (d.map.size() != size) {
                throw PyErrors.runtimeError("dictionary changed size during iteration");
            }
            try {
                if (!it.hasNext()) {
                    return null;
                }
                Map.Entry<Object, PyObject> e = it.next();
                return switch (kind) {
                    case KEYS -> PyDict.fromKeyForm(e.getKey());
                    case VALUES -> e.getValue();
                    case ITEMS -> new PyTuple(PyDict.fromKeyForm(e.getKey()), e.getValue());
                };
            } catch (ConcurrentModificationException e) {
                throw PyErrors.runtimeError("dictionary changed size during iteration");
            }
        });
    }

    /** The old sequence protocol: {@code __getitem__(0)}, {@code (1)}... until IndexError. */
    static PyIterator sequenceIterator(PyObject o) {
        long[] i = {0};
        return new PyIterator(Types.SEQ_ITERATOR, () -> {
            try {
                return Ops.getitem(o, PyInt.of(i[0]++));
            } catch (PyException e) {
                if (e.matches(Types.INDEX_ERROR) || e.matches(Types.STOP_ITERATION)) {
                    return null;
                }
                throw e;
            }
        });
    }

    static PyObject reversed(PyObject o) {
        if (o instanceof PyList l && o.type().isBuiltin()) {
            int[] i = {l.items.size() - 1};
            return new PyIterator(Types.LIST_REVERSEITERATOR,
                    () -> i[0] >= 0 && i[0] < l.items.size() ? l.items.get(i[0]--) : null);
        }
        if (o instanceof PyRange r) {
            long n = r.length();
            return rangeIterator(r.at(n - 1), -r.step, n);
        }
        if (!o.type().isBuiltin()) {
            PyObject m = o.type().lookup("__reversed__");
            if (m != null) {
                return m.call(new PyObject[] {o}, null);
            }
        }
        if (o instanceof PyDict || o instanceof DictView) {
            java.util.List<PyObject> items = Ops.toList(o);
            int[] i = {items.size() - 1};
            return new PyIterator(Types.REVERSED, () -> i[0] >= 0 ? items.get(i[0]--) : null);
        }
        if (o.type().lookup("__getitem__") == null || o.type().lookup("__len__") == null) {
            throw PyErrors.typeError("'" + o.type().name() + "' object is not reversible");
        }
        long[] i = {Ops.len(o) - 1};
        return new PyIterator(Types.REVERSED, () -> i[0] >= 0 ? Ops.getitem(o, PyInt.of(i[0]--)) : null);
    }
}
