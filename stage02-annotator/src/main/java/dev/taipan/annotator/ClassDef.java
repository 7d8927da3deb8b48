package dev.taipan.annotator;

import dev.taipan.flowgraph.host.PyClassMethod;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyProperty;
import dev.taipan.flowgraph.host.PyStaticMethod;
import dev.taipan.flowgraph.host.PyType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A class as the program uses it (PyPy's ClassDef): its base, its subclasses seen so far, and
 * the instance attributes with one annotation each. An attribute lives on the highest class
 * that has it: when a subclass and its base both set {@code x}, the two attributes become one
 * on the base ({@link #locate}), so that reading {@code x} through a base-typed variable sees
 * every value stored through any subclass.
 */
public final class ClassDef {
    public final PyType pytype;
    public final ClassDef base;
    final List<ClassDef> subdefs = new ArrayList<>();
    /** Instance attributes defined on this very class, in order of first assignment. */
    final Map<String, ListItem> attrs = new LinkedHashMap<>();
    /** Class attributes (methods and plain values) read through instances of this class. */
    final java.util.Set<String> readOnInstances = new java.util.LinkedHashSet<>();
    /** Blocks that looked up a method on this class: a new subclass may override it. */
    final java.util.Set<Position> subclassWatchers = new java.util.LinkedHashSet<>();

    ClassDef(PyType pytype, ClassDef base) {
        this.pytype = pytype;
        this.base = base;
        if (base != null) {
            base.subdefs.add(this);
        }
    }

    public String name() {
        return pytype.name();
    }

    public Map<String, SomeValue> attributes() {
        Map<String, SomeValue> m = new LinkedHashMap<>();
        attrs.forEach((k, v) -> m.put(k, v.value()));
        return m;
    }

    /**
     * The class attributes read through instances of this class: methods and plain class
     * values ({@code self.step}). Their value depends on the instance's class at run time, so
     * the rtyper gives each a slot in the vtable of this class and its subclasses.
     */
    public java.util.Set<String> readOnInstances() {
        return java.util.Collections.unmodifiableSet(readOnInstances);
    }

    public boolean isSubclassOf(ClassDef other) {
        for (ClassDef c = this; c != null; c = c.base) {
            if (c == other) {
                return true;
            }
        }
        return false;
    }

    /** The nearest common base, or null when the two classes share none. */
    public ClassDef commonBase(ClassDef other) {
        for (ClassDef c = this; c != null; c = c.base) {
            if (other.isSubclassOf(c)) {
                return c;
            }
        }
        return null;
    }

    /** The attribute {@code name} as seen from this class: found up the hierarchy, else null. */
    ListItem find(String name) {
        for (ClassDef c = this; c != null; c = c.base) {
            ListItem i = c.attrs.get(name);
            if (i != null) {
                return i;
            }
        }
        return null;
    }

    /**
     * The attribute {@code name}, created here if no base has it; attributes of the same name in
     * subclasses are pulled up and merged into it (the attribute family).
     */
    ListItem locate(Annotator ann, String name) {
        ListItem found = find(name);
        if (found != null) {
            return found;
        }
        ListItem item = new ListItem(ann, "attribute '" + name + "' of class " + name());
        attrs.put(name, item);
        pullUp(ann, this, name, item);
        if (pytype.lookup(name) instanceof PyObject onClass && isDefault(name, onClass)) {
            item.generalize(ann, ann.bookkeeper.immutablevalue(onClass, ann));
        }
        for (ClassDef sub : subclasses()) {
            if (sub.pytype.dictView().get(name) instanceof PyObject own && isDefault(name, own)) {
                item.generalize(ann, ann.bookkeeper.immutablevalue(own, ann));
            }
        }
        return item;
    }

    /**
     * A class attribute that is a plain value ({@code parent = None}) is the default of the
     * instance attribute of the same name: an instance that never set its own reads it. So the
     * instance attribute's annotation includes it, the class's own value and every subclass's
     * (PyPy's attribute sources). Called for a new attribute, and for a new subclass.
     */
    void addDefaults(Annotator ann) {
        for (var e : pytype.dictView().entrySet()) {
            ListItem item = base == null ? null : base.find(e.getKey());
            if (item != null && isDefault(e.getKey(), e.getValue())) {
                item.generalize(ann, ann.bookkeeper.immutablevalue(e.getValue(), ann));
            }
        }
    }

    private static boolean isDefault(String name, PyObject value) {
        return !name.startsWith("__") && !(value instanceof PyFunction || value instanceof PyStaticMethod
                || value instanceof PyClassMethod || value instanceof PyProperty);
    }

    /** Every class below this one seen so far. */
    List<ClassDef> subclasses() {
        List<ClassDef> out = new ArrayList<>();
        for (ClassDef sub : subdefs) {
            out.add(sub);
            out.addAll(sub.subclasses());
        }
        return out;
    }

    private static void pullUp(Annotator ann, ClassDef c, String name, ListItem into) {
        for (ClassDef sub : c.subdefs) {
            ListItem old = sub.attrs.remove(name);
            if (old != null) {
                into.merge(old);
            }
            pullUp(ann, sub, name, into);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
