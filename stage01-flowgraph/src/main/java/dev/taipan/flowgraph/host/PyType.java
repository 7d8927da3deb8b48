package dev.taipan.flowgraph.host;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A class: built-in ({@code int}, {@code list}, {@code ValueError}) or made by a {@code class}
 * statement. It has a name, bases, a method resolution order (C3, as in CPython and PyPy) and a
 * dict of attributes. Attribute lookup walks the MRO; user classes cache the result per name.
 * Each type has a {@link #version}: assigning or deleting a class attribute gives the class and
 * all its subclasses new versions and empties their caches, so the eval loop's inline caches
 * (keyed by type and version) notice the change without any global invalidation.
 *
 * <p>Built-in types share one instance across interpreters, so they never cache and their dicts
 * are filled once, at start-up, by {@link Builtins}.
 *
 * <p>For the flow space: {@link #name()}, {@link #bases()}, {@link #mro()} and
 * {@link #dictView()} are what PyPy's {@code ClassDesc} reads from a class.
 */
public final class PyType extends PyObject {

    /** Makes an instance of {@code cls} (a built-in type or a subclass of it): {@code __new__}. */
    @FunctionalInterface
    interface Constructor {
        PyObject make(PyType cls, PyObject[] args, String[] kwnames);
    }

    private static int nextVersion;
    /** The attribute cache's "not found" marker. */
    private static final PyObject MISSING = new PyObject() {
        @Override
        public PyType type() {
            return Types.OBJECT;
        }
    };

    private String name;
    private String qualname;
    private PyType[] bases;
    private PyType[] mro;
    final LinkedHashMap<String, PyObject> dict = new LinkedHashMap<>();
    private final boolean builtin;
    /** The built-in type whose instance layout this type's instances have. */
    final PyType solid;
    Constructor constructor;
    private boolean subclassable = true;
    private HashMap<String, PyObject> cache;
    /** Changes whenever an attribute of this class or of a base class changes. */
    int version = newVersion();
    private final java.util.List<PyType> subclasses = new java.util.ArrayList<>();
    /** A built-in type's attributes along its MRO, fixed once the built-in dicts are filled. */
    private HashMap<String, PyObject> resolved;

    private PyType(String name, PyType[] bases, boolean builtin, PyType solid) {
        this.name = name;
        this.qualname = name;
        this.bases = bases;
        this.builtin = builtin;
        this.solid = solid == null ? this : solid;
    }

    /** A built-in type; its dict is filled later by {@link Builtins}. */
    static PyType builtin(String name, PyType... bases) {
        PyType t = new PyType(name, bases, true, null);
        t.mro = bases.length == 0 ? new PyType[] {t} : Mro.compute(t, bases);
        return t;
    }

    /** A built-in type whose instances have the layout of its base (exception classes). */
    static PyType builtinSharingLayout(String name, PyType base) {
        PyType t = new PyType(name, new PyType[] {base}, true, base.solid);
        t.mro = Mro.compute(t, t.bases);
        return t;
    }

    /** Freezes a built-in type's attribute lookup (called once all built-in dicts are filled). */
    void resolveBuiltin() {
        HashMap<String, PyObject> r = new HashMap<>();
        for (int i = mro.length - 1; i >= 0; i--) {
            r.putAll(mro[i].dict);
        }
        resolved = r;
    }

    PyType notSubclassable() {
        subclassable = false;
        return this;
    }

    /**
     * {@code type(name, bases, ns)}, also what {@code __build_class__} calls: CPython's
     * {@code type.__new__}. Takes the namespace's entries, except {@code __qualname__} (a field)
     * and {@code __classcell__} (the caller fills that cell).
     */
    static PyType create(String name, List<PyType> bases, PyDict ns) {
        return create(name, bases, ns, new String[0], new PyObject[0]);
    }

    /**
     * The whole of {@code type.__new__}: builds the class, fills the {@code __classcell__} that a
     * class body using {@code super()} left in the namespace, calls {@code __set_name__} on the
     * new attributes and the parent's {@code __init_subclass__} with the class keywords.
     */
    static PyType create(String name, List<PyType> bases, PyDict ns, String[] kwNames, PyObject[] kwValues) {
        PyType t = build(name, bases, ns);
        if (ns.getStr("__classcell__") instanceof PyCell cell) {
            cell.contents = t;
        }
        for (var e : t.dict.entrySet()) {
            PyObject v = e.getValue();
            if (!v.type().isBuiltin()) {
                PyObject setName = v.type().lookup("__set_name__");
                if (setName != null) {
                    setName.call(new PyObject[] {v, t, PyStr.of(e.getKey())}, null);
                }
            }
        }
        PyObject init = null;
        for (int i = 1; i < t.mro.length && init == null; i++) {
            init = t.mro[i].dict.get("__init_subclass__");
        }
        if (init instanceof PyClassMethod cm) {
            PyObject[] args = new PyObject[1 + kwValues.length];
            args[0] = t;
            System.arraycopy(kwValues, 0, args, 1, kwValues.length);
            cm.function.call(args, kwNames.length == 0 ? null : kwNames);
        }
        return t;
    }

    private static PyType build(String name, List<PyType> bases, PyDict ns) {
        if (bases.isEmpty()) {
            bases = List.of(Types.OBJECT);
        }
        PyType solid = Types.OBJECT;
        for (PyType b : bases) {
            if (!b.subclassable) {
                throw PyErrors.typeError("type '" + b.name + "' is not an acceptable base type");
            }
            if (b.solid.isSubtypeOf(solid)) {
                solid = b.solid;
            } else if (!solid.isSubtypeOf(b.solid)) {
                throw PyErrors.typeError("multiple bases have instance lay-out conflict");
            }
        }
        PyType t = new PyType(name, bases.toArray(PyType[]::new), false, solid);
        t.mro = Mro.compute(t, t.bases);
        for (PyType b : t.mro) {
            if (b != t && !b.builtin) {
                b.subclasses.add(t);
            }
        }
        for (Map.Entry<Object, PyObject> e : ns.map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                continue;
            }
            switch (key) {
                case "__qualname__" -> t.qualname = Ops.str(e.getValue());
                case "__classcell__" -> { }
                default -> t.dict.put(key, e.getValue());
            }
        }
        if (t.dict.containsKey("__eq__") && !t.dict.containsKey("__hash__")) {
            t.dict.put("__hash__", PySingleton.NONE);
        }
        if (t.dict.get("__new__") instanceof PyFunction f) {
            t.dict.put("__new__", new PyStaticMethod(f));
        }
        for (String implicit : new String[] {"__init_subclass__", "__class_getitem__"}) {
            if (t.dict.get(implicit) instanceof PyFunction f) {
                t.dict.put(implicit, new PyClassMethod(f));
            }
        }
        if (!t.dict.containsKey("__doc__")) {
            t.dict.put("__doc__", PySingleton.NONE);
        }
        return t;
    }

    /** The class of this class: {@code type}, or a user metaclass (a subclass of type). */
    private PyType metatype;

    @Override
    public PyType type() {
        return metatype == null ? Types.TYPE : metatype;
    }

    void setMetatype(PyType m) {
        this.metatype = m == Types.TYPE ? null : m;
    }

    public String name() {
        return name;
    }

    public String qualname() {
        return qualname;
    }

    void setQualname(String qualname) {
        this.qualname = qualname;
    }

    public List<PyType> bases() {
        return List.of(bases);
    }

    PyType[] basesArray() {
        return bases;
    }

    public List<PyType> mro() {
        return List.of(mro);
    }

    PyType[] mroArray() {
        return mro;
    }

    public boolean isBuiltin() {
        return builtin;
    }

    /** The class's own attributes, in definition order (read-only view). */
    public Map<String, PyObject> dictView() {
        return java.util.Collections.unmodifiableMap(dict);
    }

    /** {@code __module__}: "builtins" for built-in types. */
    String moduleName() {
        if (builtin) {
            return "builtins";
        }
        PyObject m = dict.get("__module__");
        return m instanceof PyStr s ? s.value : null;
    }

    public boolean isSubtypeOf(PyType other) {
        if (this == other) {
            return true;
        }
        for (PyType t : mro) {
            if (t == other) {
                return true;
            }
        }
        return false;
    }

    /** The attribute {@code name} found along the MRO, or null. */
    public PyObject lookup(String name) {
        if (builtin) {
            HashMap<String, PyObject> r = resolved;
            return r != null ? r.get(name) : lookupUncached(name);
        }
        HashMap<String, PyObject> c = cache;
        if (c == null) {
            c = cache = new HashMap<>();
        }
        PyObject v = c.get(name);
        if (v == null) {
            v = lookupUncached(name);
            c.put(name, v == null ? MISSING : v);
            return v;
        }
        return v == MISSING ? null : v;
    }

    private PyObject lookupUncached(String name) {
        for (PyType t : mro) {
            PyObject v = t.dict.get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** The MRO entry after {@code start} that defines {@code name}: what {@code super()} finds. */
    PyObject lookupAfter(PyType start, String name) {
        int i = 0;
        while (i < mro.length && mro[i] != start) {
            i++;
        }
        for (i++; i < mro.length; i++) {
            PyObject v = mro[i].dict.get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    void setAttr(String name, PyObject value) {
        if (builtin) {
            throw PyErrors.typeError("cannot set '" + name + "' attribute of immutable type '" + this.name + "'");
        }
        switch (name) {
            case "__name__", "__qualname__" -> {
                if (!(value instanceof PyStr s)) {
                    throw PyErrors.typeError("can only assign string to " + this.name + "." + name + ", not '"
                            + value.type().name + "'");
                }
                if (name.equals("__name__")) {
                    this.name = s.value;
                } else {
                    qualname = s.value;
                }
                return;
            }
            default -> { }
        }
        dict.put(name, value);
        invalidate();
    }

    boolean delAttr(String name) {
        if (builtin) {
            throw PyErrors.typeError("cannot delete '" + name + "' attribute of immutable type '" + this.name + "'");
        }
        boolean had = dict.remove(name) != null;
        invalidate();
        return had;
    }

    private static synchronized int newVersion() {
        return ++nextVersion;
    }

    /** This class's attributes changed: new versions and empty caches here and in all subclasses. */
    private void invalidate() {
        version = newVersion();
        cache = null;
        for (PyType s : subclasses) {    // all descendants, not only direct subclasses
            s.version = newVersion();
            s.cache = null;
        }
    }

    /** Calling a class: {@code __new__} then {@code __init__}, CPython's {@code type_call}. */
    @Override
    public PyObject call(PyObject[] args, String[] kwnames) {
        if (metatype != null) {
            PyObject metaCall = metatype.lookup("__call__");
            if (metaCall instanceof PyFunction f) {
                return f.call(Ops.prepend(this, args), kwnames);
            }
        }
        return typeCall(args, kwnames);
    }

    /** {@code type.__call__}: what calling a class does unless its metaclass says otherwise. */
    PyObject typeCall(PyObject[] args, String[] kwnames) {
        if (this == Types.TYPE) {
            int nkw = kwnames == null ? 0 : kwnames.length;
            if (args.length - nkw == 1 && nkw == 0) {
                return args[0].type();
            }
            if (args.length - nkw != 3) {
                throw PyErrors.typeError("type() takes 1 or 3 arguments");
            }
            return newClass(args[0], args[1], args[2]);
        }
        if (!builtin && solid == Types.OBJECT) {
            PyFunction init = plainInit();
            if (init != null) {
                // the common case, a class with its own __init__ and object's __new__
                PyInstance obj = new PyInstance(this);
                PyObject r = init.callWithSelf(obj, args, kwnames);
                if (r != PySingleton.NONE) {
                    throw PyErrors.typeError("__init__() should return None, not '" + r.type().name + "'");
                }
                return obj;
            }
        }
        PyObject newAttr = lookup("__new__");
        PyObject obj;
        if (newAttr instanceof PyStaticMethod sm && sm.function() instanceof PyFunction userNew) {
            obj = userNew.call(Ops.prepend(this, args), kwnames);
        } else {
            Constructor c = null;
            for (PyType t : mro) {
                if (t.constructor != null) {
                    c = t.constructor;
                    break;
                }
            }
            if (c == null) {
                throw PyErrors.typeError("cannot create '" + qualname + "' instances");
            }
            obj = c.make(this, args, kwnames);
        }
        if (!builtin || solid == Types.OBJECT || solid == Types.BASE_EXCEPTION) {
            if (obj.type().isSubtypeOf(this)) {
                PyObject init = obj.type().lookup("__init__");
                if (init instanceof PyFunction f) {
                    PyObject r = f.call(Ops.prepend(obj, args), kwnames);
                    if (r != PySingleton.NONE) {
                        throw PyErrors.typeError("__init__() should return None, not '" + r.type().name + "'");
                    }
                } else if (init instanceof PyBuiltinFunction bf && bf != Types.OBJECT.dict.get("__init__")) {
                    bf.call(Ops.prepend(obj, args), kwnames);
                }
            }
        }
        return obj;
    }

    private int plainInitVersion;
    private PyFunction plainInit;

    /** The {@code __init__} function when {@code __new__} is object's, else null (cached per version). */
    private PyFunction plainInit() {
        if (plainInitVersion != version) {
            PyObject newAttr = lookup("__new__");
            PyObject init = lookup("__init__");
            plainInit = newAttr == Types.OBJECT.dict.get("__new__") && init instanceof PyFunction f ? f : null;
            plainInitVersion = version;
        }
        return plainInit;
    }

    static PyType newClass(PyObject name, PyObject bases, PyObject ns) {
        return newClass(Types.TYPE, name, bases, ns);
    }

    /** {@code type.__new__(metatype, name, bases, ns)}. */
    static PyType newClass(PyType metatype, PyObject name, PyObject bases, PyObject ns) {
        if (!(name instanceof PyStr n) || !(bases instanceof PyTuple b) || !(ns instanceof PyDict d)) {
            throw PyErrors.typeError("type.__new__() argument types must be (str, tuple, dict)");
        }
        List<PyType> bl = new ArrayList<>();
        for (PyObject o : b.items) {
            if (!(o instanceof PyType bt)) {
                throw PyErrors.typeError("bases must be types");
            }
            bl.add(bt);
        }
        PyDict copy = new PyDict();
        copy.map.putAll(d.map);
        if (!copy.map.containsKey("__qualname__")) {
            copy.putStr("__qualname__", n);
        }
        PyType t = build(n.value, bl, copy);
        t.setMetatype(metatype);
        if (copy.getStr("__classcell__") instanceof PyCell cell) {
            cell.contents = t;
        }
        return t;
    }

    @Override
    String repr() {
        String mod = moduleName();
        return "<class '" + (mod == null || mod.equals("builtins") ? qualname : mod + "." + qualname) + "'>";
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
