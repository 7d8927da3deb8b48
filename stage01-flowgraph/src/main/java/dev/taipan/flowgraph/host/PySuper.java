package dev.taipan.flowgraph.host;

/**
 * {@code super(cls, obj)}: attribute lookup that starts after {@code cls} in the MRO of
 * {@code obj}'s type (or of {@code obj} itself when it is a class, for class methods). The
 * zero-argument form gets {@code cls} from the {@code __class__} cell and {@code obj} from the
 * calling frame's first argument ({@link Builtins}).
 */
final class PySuper extends PyObject {
    final PyType thisClass;
    final PyObject obj;
    final PyType objType;

    PySuper(PyType thisClass, PyObject obj) {
        this.thisClass = thisClass;
        this.obj = obj;
        if (obj instanceof PyType t && t.isSubtypeOf(thisClass)) {
            this.objType = t;
        } else if (obj.type().isSubtypeOf(thisClass)) {
            this.objType = obj.type();
        } else {
            throw PyErrors.typeError("super(type, obj): obj must be an instance or subtype of type");
        }
    }

    @Override
    public PyType type() {
        return Types.SUPER;
    }

    /** For LOAD_METHOD: the plain function {@code name} found after the class, or null. */
    PyObject methodOrNull(String name) {
        if (obj == objType) {
            return null;
        }
        PyObject v = objType.lookupAfter(thisClass, name);
        return v instanceof PyFunction ? v : null;
    }

    PyObject getAttr(String name) {
        switch (name) {     // CPython's members of super objects
            case "__thisclass__" -> {
                return thisClass;
            }
            case "__self__" -> {
                return obj;
            }
            case "__self_class__" -> {
                return objType;
            }
            default -> { }
        }
        PyObject v = objType.lookupAfter(thisClass, name);
        if (v == null) {
            if (name.equals("__class__")) {
                return Types.SUPER;
            }
            throw PyErrors.attributeError("'super' object has no attribute '" + name + "'");
        }
        PyObject self = obj == objType ? null : obj;
        return Attr.bind(v, self, objType);
    }

    @Override
    String repr() {
        return "<super: <class '" + thisClass.name() + "'>, <" + objType.name() + " object>>";
    }
}
