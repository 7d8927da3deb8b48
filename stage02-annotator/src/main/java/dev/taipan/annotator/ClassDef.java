package dev.taipan.annotator;

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
        ListItem item = new ListItem("attribute '" + name + "' of class " + name());
        attrs.put(name, item);
        pullUp(ann, this, name, item);
        return item;
    }

    private static void pullUp(Annotator ann, ClassDef c, String name, ListItem into) {
        for (ClassDef sub : c.subdefs) {
            ListItem old = sub.attrs.remove(name);
            if (old != null) {
                into.merge(ann, old);
            }
            pullUp(ann, sub, name, into);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
