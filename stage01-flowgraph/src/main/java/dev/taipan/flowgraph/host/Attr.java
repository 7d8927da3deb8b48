package dev.taipan.flowgraph.host;

/**
 * Attribute access, Python's {@code object.__getattribute__} / {@code type.__getattribute__}:
 * data descriptors on the type (properties, built-in slots) win over the instance dict, which
 * wins over everything else on the type; functions found on the type bind to the instance;
 * {@code __getattr__} is the last resort. LOAD_METHOD uses {@link #lookupMethod} to skip
 * building the bound method, like PyPy's LOOKUP_METHOD.
 */
final class Attr {
    private Attr() {}

    static PyObject get(PyObject obj, String name) {
        PyObject v = getOrNull(obj, name);
        if (v == null) {
            throw error(obj, name);
        }
        return v;
    }

    static PyException error(PyObject obj, String name) {
        PyException e;
        if (obj instanceof PyModule m) {
            e = PyErrors.attributeError("module '" + m.name + "' has no attribute '" + name + "'");
        } else if (obj instanceof PyType t) {
            e = PyErrors.attributeError("type object '" + t.name() + "' has no attribute '" + name + "'");
        } else {
            e = PyErrors.attributeError("'" + obj.type().name() + "' object has no attribute '" + name + "'");
        }
        e.value().missingName = name;
        e.value().attributeOwner = obj;
        return e;
    }

    /** The attribute, or null when there is none (AttributeError from a property propagates). */
    static PyObject getOrNull(PyObject obj, String name) {
        if (obj instanceof PyInstance inst) {
            PyType t = inst.type();
            PyObject d = t.lookup(name);
            if (d == null) {
                PyObject v = inst.dict.getStr(name);
                if (v != null) {
                    return v;
                }
            } else if (d instanceof PyFunction) {
                PyObject v = inst.dict.getStr(name);
                return v != null ? v : new PyMethod(d, obj);
            }
        }
        if (obj instanceof PyType t) {
            return typeGetattr(t, name);
        }
        if (obj instanceof PyModule m) {
            PyObject v = m.dict.getStr(name);
            if (v != null) {
                return v;
            }
            if (name.equals("__dict__")) {
                return m.dict;
            }
            return null;
        }
        if (obj instanceof PySuper s) {
            return s.getAttr(name);
        }
        return generic(obj, name);
    }

    private static PyObject generic(PyObject obj, String name) {
        PyType t = obj.type();
        if (name.equals("__class__")) {
            return t;
        }
        PyObject d = t.lookup(name);
        if (d != null && isDataDescriptor(d)) {
            return descriptorGet(d, obj, t);
        }
        PyObject slot = obj.getSlot(name);
        if (slot != null) {
            return slot;
        }
        PyDict dict = obj.dict();
        if (dict != null) {
            PyObject v = dict.getStr(name);
            if (v != null) {
                return v;
            }
            if (name.equals("__dict__")) {
                return dict;
            }
        }
        if (d != null) {
            return bind(d, obj, t);
        }
        PyObject ga = t.lookup("__getattr__");
        return ga == null ? null : ga.call(new PyObject[] {obj, PyStr.of(name)}, null);
    }

    /** {@code __class__} and {@code __dict__}: stored in the object itself, not in its dict. */
    static boolean isSpecialInstanceAttribute(String name) {
        return name.equals("__class__") || name.equals("__dict__");
    }

    static boolean isDataDescriptor(PyObject d) {
        if (d instanceof PyProperty) {
            return true;
        }
        PyType dt = d.type();
        return !dt.isBuiltin() && (dt.lookup("__set__") != null || dt.lookup("__delete__") != null)
                && dt.lookup("__get__") != null;
    }

    private static PyObject descriptorGet(PyObject d, PyObject obj, PyType t) {
        if (d instanceof PyProperty p) {
            return p.get(obj);
        }
        return d.type().lookup("__get__").call(new PyObject[] {d, obj, t}, null);
    }

    /** What a class attribute {@code d} becomes when read through {@code self} (null: the class). */
    static PyObject bind(PyObject d, PyObject self, PyType cls) {
        return switch (d) {
            case PyFunction f -> self == null ? f : new PyMethod(f, self);
            case PyBuiltinFunction b -> self == null || !b.isMethod ? b : new PyMethod(b, self);
            case PyStaticMethod s -> s.function;
            case PyClassMethod c -> new PyMethod(c.function, cls);
            case PyProperty p -> self == null ? p : p.get(self);
            default -> {
                PyType dt = d.type();
                if (!dt.isBuiltin()) {
                    PyObject get = dt.lookup("__get__");
                    if (get != null) {
                        yield get.call(new PyObject[] {d, self == null ? PySingleton.NONE : self, cls}, null);
                    }
                }
                yield d;
            }
        };
    }

    private static PyObject typeGetattr(PyType t, String name) {
        switch (name) {
            case "__name__":
                return PyStr.of(t.name());
            case "__qualname__":
                return PyStr.of(t.qualname());
            case "__mro__":
                return new PyTuple(t.mroArray().clone());
            case "__bases__":
                return new PyTuple(t.basesArray().clone());
            case "__base__":
                return t.basesArray().length == 0 ? PySingleton.NONE : t.basesArray()[0];
            case "__dict__": {
                PyDict d = new PyDict();
                t.dict.forEach(d::putStr);
                return d;
            }
            case "__class__":
                return Types.TYPE;
            case "__module__":
                if (t.isBuiltin()) {
                    return PyStr.of("builtins");
                }
                break;
            case "__doc__":
                if (t.isBuiltin()) {
                    return PySingleton.NONE;
                }
                break;
            default:
                break;
        }
        PyObject d = t.lookup(name);
        if (d != null) {
            return bind(d, null, t);
        }
        // attributes of the metatype: type.mro(), a user metaclass's methods...
        PyType meta = t.type();
        PyObject m = meta.lookup(name);
        if (m != null && t != Types.TYPE) {
            return bind(m, t, meta);
        }
        return null;
    }

    static void set(PyObject obj, String name, PyObject v) {
        if (obj instanceof PyInstance inst && inst.type().lookup("__setattr__") instanceof PyBuiltinFunction
                && !isSpecialInstanceAttribute(name)) {
            PyObject d = inst.type().lookup(name);
            if (d == null || !isDataDescriptor(d)) {
                inst.dict.putStr(name, v);
                return;
            }
        }
        if (obj instanceof PyType t) {
            t.setAttr(name, v);
            return;
        }
        PyType t = obj.type();
        if (name.equals("__class__") && obj instanceof PyInstance inst) {
            if (!(v instanceof PyType nt) || nt.solid != Types.OBJECT) {
                throw PyErrors.typeError("__class__ assignment only supported for mutable types or ModuleType subclasses");
            }
            inst.setType(nt);
            return;
        }
        if (name.equals("__dict__") && obj instanceof PyInstance inst && v instanceof PyDict d) {
            inst.dict.map.clear();
            inst.dict.map.putAll(d.map);
            return;
        }
        PyObject d = t.lookup(name);
        if (d != null && isDataDescriptor(d)) {
            if (d instanceof PyProperty p) {
                p.set(obj, v, name);
            } else {
                d.type().lookup("__set__").call(new PyObject[] {d, obj, v}, null);
            }
            return;
        }
        if (!t.isBuiltin()) {
            PyObject sa = t.lookup("__setattr__");
            if (sa != null && !(sa instanceof PyBuiltinFunction)) {
                sa.call(new PyObject[] {obj, PyStr.of(name), v}, null);
                return;
            }
        }
        if (obj.setSlot(name, v)) {
            return;
        }
        PyDict dict = obj.dict();
        if (dict != null) {
            dict.putStr(name, v);
            return;
        }
        if (t.lookup(name) != null) {
            throw PyErrors.attributeError("'" + t.name() + "' object attribute '" + name + "' is read-only");
        }
        throw PyErrors.attributeError("'" + t.name() + "' object has no attribute '" + name + "'");
    }

    /** {@code object.__setattr__(obj, name, v)}: the default, bypassing a user __setattr__. */
    static void setDefault(PyObject obj, String name, PyObject v) {
        PyType t = obj.type();
        PyObject d = t.lookup(name);
        if (d instanceof PyProperty p) {
            p.set(obj, v, name);
            return;
        }
        if (obj.setSlot(name, v)) {
            return;
        }
        PyDict dict = obj.dict();
        if (dict == null) {
            throw PyErrors.attributeError("'" + t.name() + "' object has no attribute '" + name + "'");
        }
        dict.putStr(name, v);
    }

    static void delete(PyObject obj, String name) {
        if (obj instanceof PyType t) {
            if (!t.delAttr(name)) {
                throw error(t, name);
            }
            return;
        }
        PyType t = obj.type();
        PyObject d = t.lookup(name);
        if (d instanceof PyProperty p) {
            p.delete(obj, name);
            return;
        }
        if (!t.isBuiltin()) {
            PyObject da = t.lookup("__delattr__");
            if (da != null && !(da instanceof PyBuiltinFunction)) {
                da.call(new PyObject[] {obj, PyStr.of(name)}, null);
                return;
            }
        }
        PyDict dict = obj.dict();
        if (dict == null || dict.map.remove(name) == null) {
            throw error(obj, name);
        }
    }

    /**
     * LOAD_METHOD: the plain function or built-in method {@code name} found on the type, when
     * the instance does not shadow it; null means "use getattr".
     */
    static PyObject lookupMethod(PyObject obj, String name) {
        if (obj instanceof PyType || obj instanceof PyModule || obj instanceof PySuper) {
            return null;
        }
        PyObject d = obj.type().lookup(name);
        if (d instanceof PyFunction || d instanceof PyBuiltinFunction b && b.isMethod) {
            PyDict dict = obj.dict();
            if (dict != null && dict.getStr(name) != null) {
                return null;
            }
            return d;
        }
        return null;
    }

    /** A special method looked up on the type and bound to {@code obj} (with, iter...), or null. */
    static PyObject lookupSpecial(PyObject obj, String name) {
        PyObject d = obj.type().lookup(name);
        return d == null ? null : bind(d, obj, obj.type());
    }

    static PyObject callMethod(PyObject obj, String name, PyObject... args) {
        PyObject m = lookupMethod(obj, name);
        if (m != null) {
            return m.call(Ops.prepend(obj, args), null);
        }
        return get(obj, name).call(args, null);
    }
}
