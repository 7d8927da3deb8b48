package dev.taipan.flowgraph.host;

/** {@code property(fget, fset, fdel, doc)}: a data descriptor, so it wins over the instance dict. */
public final class PyProperty extends PyObject {
    final PyObject fget;
    final PyObject fset;
    final PyObject fdel;
    final PyObject doc;

    PyProperty(PyObject fget, PyObject fset, PyObject fdel, PyObject doc) {
        this.fget = fget;
        this.fset = fset;
        this.fdel = fdel;
        this.doc = doc;
    }

    @Override
    public PyType type() {
        return Types.PROPERTY;
    }

    PyObject get(PyObject obj) {
        if (fget == PySingleton.NONE) {
            throw PyErrors.attributeError("property object has no getter");
        }
        return fget.call(new PyObject[] {obj}, null);
    }

    void set(PyObject obj, PyObject value, String name) {
        if (fset == PySingleton.NONE) {
            throw PyErrors.attributeError("can't set attribute '" + name + "'");
        }
        fset.call(new PyObject[] {obj, value}, null);
    }

    void delete(PyObject obj, String name) {
        if (fdel == PySingleton.NONE) {
            throw PyErrors.attributeError("can't delete attribute '" + name + "'");
        }
        fdel.call(new PyObject[] {obj}, null);
    }

    @Override
    PyObject getSlot(String name) {
        return switch (name) {
            case "fget" -> fget;
            case "fset" -> fset;
            case "fdel" -> fdel;
            case "__doc__" -> doc == PySingleton.NONE && fget != PySingleton.NONE ? Attr.getOrNull(fget, "__doc__") : doc;
            default -> null;
        };
    }
}
