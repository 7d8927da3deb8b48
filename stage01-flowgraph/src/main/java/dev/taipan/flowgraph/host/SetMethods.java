package dev.taipan.flowgraph.host;

import static dev.taipan.flowgraph.host.TypeMethods.arity;
import static dev.taipan.flowgraph.host.TypeMethods.keySet;
import static dev.taipan.flowgraph.host.TypeMethods.method;

import java.util.Iterator;
import java.util.LinkedHashSet;

/** The methods of {@code set} and {@code frozenset}. */
final class SetMethods {
    private SetMethods() {}

    static void install() {
        for (PyType t : new PyType[] {Types.SET, Types.FROZENSET}) {
            boolean frozen = t == Types.FROZENSET;
            t.constructor = (cls, a, k) -> {
                BArgs.count(t.name(), a, k, 0, 1);
                PySet s = new PySet(frozen);
                if (a.length == 1) {
                    for (PyObject o : Ops.toList(a[0])) {
                        s.add(o);
                    }
                }
                return s;
            };
            method(t, "__len__", (a, k) -> PyInt.of(((PySet) a[0]).set.size()));
            method(t, "__contains__", (a, k) -> PyBool.of(((PySet) a[0]).contains(a[1])));
            method(t, "__iter__", (a, k) -> Iterators.nativeIter(a[0]));
            method(t, "__repr__", (a, k) -> PyStr.of(a[0].repr()));
            for (int op : new int[] {Arith.OR, Arith.AND, Arith.SUB, Arith.XOR}) {
                method(t, Ops.DUNDER[op], (a, k) -> Ops.nativeBinary(op, a[0], a[1]));
                method(t, Ops.RDUNDER[op], (a, k) -> Ops.nativeBinary(op, a[1], a[0]));
            }
            method(t, "copy", (a, k) -> new PySet(new LinkedHashSet<>(((PySet) a[0]).set), frozen));
            method(t, "union", (a, k) -> combine(a, Arith.OR));
            method(t, "intersection", (a, k) -> combine(a, Arith.AND));
            method(t, "difference", (a, k) -> combine(a, Arith.SUB));
            method(t, "symmetric_difference", (a, k) -> combine(a, Arith.XOR));
            method(t, "issubset", (a, k) -> PyBool.of(keySet(a[1]).containsAll(((PySet) a[0]).set)));
            method(t, "issuperset", (a, k) -> PyBool.of(((PySet) a[0]).set.containsAll(keySet(a[1]))));
            method(t, "isdisjoint", (a, k) -> {
                LinkedHashSet<Object> other = keySet(a[1]);
                for (Object o : ((PySet) a[0]).set) {
                    if (other.contains(o)) {
                        return PyBool.FALSE;
                    }
                }
                return PyBool.TRUE;
            });
        }
        PyType s = Types.SET;
        method(s, "add", (a, k) -> {
            arity("add", a, k, 1, 1);
            ((PySet) a[0]).add(a[1]);
            return PySingleton.NONE;
        });
        method(s, "remove", (a, k) -> {
            arity("remove", a, k, 1, 1);
            if (!((PySet) a[0]).set.remove(PyDict.keyForm(a[1]))) {
                throw PyErrors.keyError(a[1]);
            }
            return PySingleton.NONE;
        });
        method(s, "discard", (a, k) -> {
            arity("discard", a, k, 1, 1);
            ((PySet) a[0]).set.remove(PyDict.keyForm(a[1]));
            return PySingleton.NONE;
        });
        method(s, "pop", (a, k) -> {
            LinkedHashSet<Object> set = ((PySet) a[0]).set;
            Iterator<Object> it = set.iterator();
            if (!it.hasNext()) {
                throw PyErrors.of(Types.KEY_ERROR, "pop from an empty set");
            }
            Object o = it.next();
            it.remove();
            return PyDict.fromKeyForm(o);
        });
        method(s, "clear", (a, k) -> {
            ((PySet) a[0]).set.clear();
            return PySingleton.NONE;
        });
        method(s, "update", (a, k) -> {
            for (int i = 1; i < a.length; i++) {
                ((PySet) a[0]).set.addAll(keySet(a[i]));
            }
            return PySingleton.NONE;
        });
        method(s, "intersection_update", (a, k) -> {
            for (int i = 1; i < a.length; i++) {
                ((PySet) a[0]).set.retainAll(keySet(a[i]));
            }
            return PySingleton.NONE;
        });
        method(s, "difference_update", (a, k) -> {
            for (int i = 1; i < a.length; i++) {
                ((PySet) a[0]).set.removeAll(keySet(a[i]));
            }
            return PySingleton.NONE;
        });
        method(s, "symmetric_difference_update", (a, k) -> {
            LinkedHashSet<Object> set = ((PySet) a[0]).set;
            for (Object o : keySet(a[1])) {
                if (!set.remove(o)) {
                    set.add(o);
                }
            }
            return PySingleton.NONE;
        });
    }

    private static PyObject combine(PyObject[] a, int op) {
        PySet self = (PySet) a[0];
        PyObject acc = new PySet(new LinkedHashSet<>(self.set), self.frozen);
        for (int i = 1; i < a.length; i++) {
            acc = Ops.nativeBinary(op, acc, new PySet(keySet(a[i]), false));
        }
        return acc;
    }
}
