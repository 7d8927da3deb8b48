package dev.taipan.flowgraph.host;

import static dev.taipan.flowgraph.host.TypeMethods.arity;
import static dev.taipan.flowgraph.host.TypeMethods.method;

import java.util.Map;

/** The methods of {@code dict}. */
final class DictMethods {
    private DictMethods() {}

    static void install() {
        PyType d = Types.DICT;
        d.constructor = (cls, a, k) -> {
            PyDict r = cls == Types.DICT ? new PyDict() : new PyDict.Subclass(cls);
            if (cls == Types.DICT) {
                init(r, a, k, 0);
            }
            return r;
        };
        TypeMethods.staticNew(d);
        method(d, "__init__", (a, k) -> {
            init((PyDict) a[0], a, k, 1);
            return PySingleton.NONE;
        });
        method(d, "__len__", (a, k) -> PyInt.of(((PyDict) a[0]).map.size()));
        method(d, "__contains__", (a, k) -> PyBool.of(((PyDict) a[0]).map.containsKey(PyDict.keyForm(a[1]))));
        method(d, "__iter__", (a, k) -> Iterators.dictIterator((PyDict) a[0], DictView.Kind.KEYS));
        method(d, "__getitem__", (a, k) -> Ops.nativeGetitem(a[0], a[1]));
        method(d, "__setitem__", (a, k) -> {
            ((PyDict) a[0]).put(a[1], a[2]);
            return PySingleton.NONE;
        });
        method(d, "__delitem__", (a, k) -> {
            Ops.nativeDelitem(a[0], a[1]);
            return PySingleton.NONE;
        });
        method(d, "__repr__", (a, k) -> PyStr.of(a[0].repr()));
        method(d, "__or__", (a, k) -> Ops.nativeBinary(Arith.OR, a[0], a[1]));
        method(d, "keys", (a, k) -> new DictView((PyDict) a[0], DictView.Kind.KEYS));
        method(d, "values", (a, k) -> new DictView((PyDict) a[0], DictView.Kind.VALUES));
        method(d, "items", (a, k) -> new DictView((PyDict) a[0], DictView.Kind.ITEMS));
        method(d, "get", (a, k) -> {
            arity("get", a, k, 1, 2);
            PyObject v = ((PyDict) a[0]).get(a[1]);
            return v != null ? v : a.length > 2 ? a[2] : PySingleton.NONE;
        });
        method(d, "setdefault", (a, k) -> {
            arity("setdefault", a, k, 1, 2);
            PyDict self = (PyDict) a[0];
            PyObject v = self.get(a[1]);
            if (v == null) {
                v = a.length > 2 ? a[2] : PySingleton.NONE;
                self.put(a[1], v);
            }
            return v;
        });
        method(d, "pop", (a, k) -> {
            arity("pop", a, k, 1, 2);
            PyObject v = ((PyDict) a[0]).remove(a[1]);
            if (v == null) {
                if (a.length > 2) {
                    return a[2];
                }
                throw PyErrors.keyError(a[1]);
            }
            return v;
        });
        method(d, "popitem", (a, k) -> {
            arity("popitem", a, k, 0, 0);
            PyDict self = (PyDict) a[0];
            if (self.map.isEmpty()) {
                throw PyErrors.of(Types.KEY_ERROR, "popitem(): dictionary is empty");
            }
            Map.Entry<Object, PyObject> last = self.map.pollLastEntry();
            return new PyTuple(PyDict.fromKeyForm(last.getKey()), last.getValue());
        });
        method(d, "update", (a, k) -> {
            init((PyDict) a[0], a, k, 1);
            return PySingleton.NONE;
        });
        method(d, "clear", (a, k) -> {
            ((PyDict) a[0]).map.clear();
            return PySingleton.NONE;
        });
        method(d, "copy", (a, k) -> {
            PyDict r = new PyDict();
            r.map.putAll(((PyDict) a[0]).map);
            return r;
        });
        d.dict.put("fromkeys", new PyClassMethod(new PyBuiltinFunction("fromkeys", false, (a, k) -> {
            PyDict r = (PyDict) a[0].call(new PyObject[0], null);
            PyObject v = a.length > 2 ? a[2] : PySingleton.NONE;
            for (PyObject key : Ops.toList(a[1])) {
                r.put(key, v);
            }
            return r;
        })));
        PyType[] views = {Types.DICT_KEYS, Types.DICT_VALUES, Types.DICT_ITEMS};
        for (PyType v : views) {
            method(v, "isdisjoint", (a, k) -> {
                for (PyObject o : Ops.toList(a[1])) {
                    if (((DictView) a[0]).contains(o)) {
                        return PyBool.FALSE;
                    }
                }
                return PyBool.TRUE;
            });
        }
    }

    private static void init(PyDict self, PyObject[] a, String[] k, int skip) {
        int nkw = k == null ? 0 : k.length;
        int npos = a.length - nkw - skip;
        if (npos > 1) {
            throw PyErrors.typeError("dict expected at most 1 argument, got " + npos);
        }
        if (npos == 1) {
            Ops.dictUpdate(self, a[skip], null);
        }
        for (int i = 0; i < nkw; i++) {
            self.putStr(k[i], a[a.length - nkw + i]);
        }
    }

}
