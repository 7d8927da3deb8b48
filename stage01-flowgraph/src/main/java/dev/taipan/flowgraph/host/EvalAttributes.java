package dev.taipan.flowgraph.host;

/**
 * The eval loop's attribute family (LOAD_ATTR, STORE_ATTR, LOAD_METHOD), with per-instruction
 * inline caches: CPython 3.11's specialisation, simplified.
 *
 * <p>On an instance of a user class, {@code obj.name} means: look the name up along the type's
 * MRO, then decide between the instance dict and what the MRO holds (a data descriptor wins
 * over the dict, the dict over a method). The MRO walk is the slow part and its answer depends
 * only on the type, so each instruction remembers the type it last saw, that type's version
 * number (bumped whenever the type or a base changes) and the answer. The next execution on an
 * instance of the same, unchanged type skips the walk. Anything else (a property, a built-in
 * object, a changed class) goes through the general protocol of {@link Attr}.
 *
 * <p>{@code slot} is the instruction's index in its code object (its byte offset over four).
 */
final class EvalAttributes {
    private EvalAttributes() {}

    /** LOAD_ATTR: {@code obj.name}. */
    static PyObject load(PyCode c, int slot, PyObject obj, String name) {
        if (obj.getClass() == PyInstance.class) {
            PyInstance inst = (PyInstance) obj;
            PyObject d = cachedLookup(c, slot, inst.type(), name);
            if (d == null || d instanceof PyFunction) {
                // no descriptor in the way: the instance dict first, then a method bound to obj
                PyObject v = inst.dict.getStr(name);
                if (v != null) {
                    return v;
                }
                if (d != null) {
                    return new PyMethod(d, obj);
                }
            }
        }
        return Attr.get(obj, name);
    }

    /** STORE_ATTR: {@code obj.name = v}. */
    static void store(PyCode c, int slot, PyObject obj, String name, PyObject v) {
        if (obj.getClass() == PyInstance.class && cachedPlainStore(c, slot, ((PyInstance) obj).type(), name)) {
            ((PyInstance) obj).dict.putStr(name, v);
            return;
        }
        Attr.set(obj, name, v);
    }

    /**
     * LOAD_METHOD: {@code obj -> callable self}, the function and its receiver side by side so
     * that CALL_METHOD needs no bound-method object; or {@code getattr(obj, name) NULL} when the
     * attribute is not a method of the type. Returns the new stack pointer.
     */
    static int loadMethod(PyCode c, int slot, PyObject[] st, int sp, String name) {
        PyObject obj = st[sp - 1];
        PyObject receiver = obj;
        PyObject m = null;
        if (obj.getClass() == PyInstance.class) {
            PyInstance inst = (PyInstance) obj;
            PyObject d = cachedLookup(c, slot, inst.type(), name);
            if (d instanceof PyFunction && inst.dict.getStr(name) == null) {
                m = d;
            }
        }
        if (m == null && obj instanceof PySuper s) {
            m = s.methodOrNull(name);
            receiver = s.obj;
        }
        if (m == null) {
            m = Attr.lookupMethod(obj, name);
            receiver = obj;
        }
        if (m == null) {
            st[sp - 1] = Attr.get(obj, name);
            st[sp] = null;
        } else {
            st[sp - 1] = m;
            st[sp] = receiver;
        }
        return sp + 1;
    }

    /** {@code t.lookup(name)} through the instruction's inline cache. */
    private static PyObject cachedLookup(PyCode c, int slot, PyType t, String name) {
        if (c.cacheType[slot] == t && c.cacheVersion[slot] == t.version) {
            return c.cacheValue[slot];
        }
        PyObject d = t.lookup(name);
        c.cacheType[slot] = t;
        c.cacheVersion[slot] = t.version;
        c.cacheValue[slot] = d;
        return d;
    }

    /**
     * Whether {@code obj.name = v} is a plain dict store for instances of {@code t}: no custom
     * {@code __setattr__}, no data descriptor under the name. The cache holds the answer as a
     * PyBool in the value slot.
     */
    private static boolean cachedPlainStore(PyCode c, int slot, PyType t, String name) {
        if (c.cacheType[slot] != t || c.cacheVersion[slot] != t.version) {
            PyObject d = t.lookup(name);
            boolean plain = t.lookup("__setattr__") instanceof PyBuiltinFunction && (d == null || !Attr.isDataDescriptor(d))
                    && !Attr.isSpecialInstanceAttribute(name);
            c.cacheType[slot] = t;
            c.cacheVersion[slot] = t.version;
            c.cacheValue[slot] = PyBool.of(plain);
        }
        return c.cacheValue[slot] == PyBool.TRUE;
    }
}
