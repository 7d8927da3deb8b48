package dev.taipan.annotator;

import dev.taipan.annotator.SomeValue.*;
import dev.taipan.flowgraph.host.*;
import java.util.List;

/** Reading and writing attributes: instance attributes through their {@link ClassDef}, methods of builtin types, constants. */
final class Attributes {
    private Attributes() { }

    static SomeValue getattr(Annotator ann, SomeValue obj, String name) {
        if (name == null) {
            return new SomeObject();
        }
        return switch (obj) {
            case SomeInstance i -> {
                ListItem item = i.classdef().find(name);
                PyObject onClass = i.classdef().pytype.lookup(name);
                if (item == null && onClass != null) {
                    i.classdef().readOnInstances.add(name);     // a vtable slot, for the rtyper
                    yield onClass instanceof PyFunction ? methods(ann, i.classdef(), name)
                            : classAttribute(ann, i.classdef(), name, onClass);
                }
                if (item == null) {
                    item = i.classdef().locate(ann, name);
                }
                yield ann.readAttr(item, "attribute '" + name + "' of class " + i.classdef().name()
                        + " is read but never assigned");
            }
            case SomePBC p when p.konst() != null -> {
                try {
                    yield ann.bookkeeper.immutablevalue(HostSpace.getattr(p.konst(), PyStr.of(name)), ann);
                } catch (PyException e) {
                    throw Annotator.error(ann, Describe.article(p) + " has no attribute '" + name + "'");
                }
            }
            case SomeBuiltin b when b.name().equals("super") && b.self() instanceof SomeTuple t -> superAttr(ann,
                    (PyType) t.items().get(0).konst(), (SomeInstance) t.items().get(1), name);
            case SomeNone n -> SomeValue.IMPOSSIBLE;   // only None so far: wait until an instance flows here
            case SomeList l -> new SomeBuiltin("list." + name, l);
            case SomeDict d -> new SomeBuiltin("dict." + name, d);
            case SomeString s -> new SomeBuiltin("str." + name, s);
            case SomeChar c -> new SomeBuiltin("str." + name, c);
            case SomeBytes b -> new SomeBuiltin("bytes." + name, b);
            default -> new SomeObject();
        };
    }

    /**
     * {@code super(C, self).name}: the method found after C in the method resolution order of
     * C (single inheritance in RPy, so its bases), bound to self. It is one method, not a family:
     * super() calls exactly that definition, whatever subclass self has.
     */
    private static SomeValue superAttr(Annotator ann, PyType start, SomeInstance self, String name) {
        List<PyType> mro = start.mro();
        for (PyType t : mro.subList(1, mro.size())) {
            if (t.dictView().get(name) instanceof PyFunction f) {
                return new SomePBC(new Desc.MethodDesc((Desc.FunctionDesc) ann.bookkeeper.desc(f), self.classdef()));
            }
        }
        throw Annotator.error(ann, "super() of class " + start.name() + " has no method '" + name + "'");
    }

    /**
     * A method read on an instance of {@code cd}: the method {@code cd} inherits or defines, plus
     * every override in the subclasses seen so far, each bound to its own class. A call then
     * calls the whole family. The block is remembered, to be flowed again when a new subclass
     * (and so maybe a new override) appears.
     */
    static SomeValue methods(Annotator ann, ClassDef cd, String name) {
        java.util.Set<Desc> descs = new java.util.HashSet<>();
        if (cd.pytype.lookup(name) instanceof PyFunction f) {
            descs.add(new Desc.MethodDesc((Desc.FunctionDesc) ann.bookkeeper.desc(f), cd));
        }
        addOverrides(ann, cd, name, descs);
        watchSubclasses(ann, cd);
        return new SomePBC(descs, false);
    }

    /**
     * A class attribute that is not a method ({@code step = 1}), read on an instance of
     * {@code cd}: the instance may belong to any subclass seen so far, and a subclass may set
     * its own value ({@code step = 10}), so the read is the union of all of them, not the
     * constant found on {@code cd} (PyPy's attribute sources in the class hierarchy). Like a
     * method lookup, the block re-flows when a new subclass appears.
     */
    static SomeValue classAttribute(Annotator ann, ClassDef cd, String name, PyObject onClass) {
        SomeValue s = ann.bookkeeper.immutablevalue(onClass, ann);
        for (ClassDef sub : cd.subclasses()) {
            if (sub.pytype.dictView().get(name) instanceof PyObject own) {
                SomeValue u = ann.union(s, ann.bookkeeper.immutablevalue(own, ann));
                if (u instanceof SomeObject) {
                    throw Annotator.error(ann, "class attribute '" + name + "' is " + Describe.article(s)
                            + " in " + cd.name() + " and " + Describe.article(ann.bookkeeper.immutablevalue(own, ann))
                            + " in its subclass " + sub.name() + ": an attribute has one type in RPy");
                }
                s = u;
            }
        }
        watchSubclasses(ann, cd);
        return s;
    }

    /** Re-flow the current block when {@code cd} or one of its bases gets a new subclass. */
    static void watchSubclasses(Annotator ann, ClassDef cd) {
        for (ClassDef c = cd; c != null; c = c.base) {
            if (ann.current() != null) {
                c.subclassWatchers.add(ann.current());
            }
        }
    }

    private static void addOverrides(Annotator ann, ClassDef cd, String name, java.util.Set<Desc> descs) {
        for (ClassDef sub : cd.subdefs) {
            if (sub.pytype.dictView().get(name) instanceof PyFunction f) {
                descs.add(new Desc.MethodDesc((Desc.FunctionDesc) ann.bookkeeper.desc(f), sub));
            }
            addOverrides(ann, sub, name, descs);
        }
    }

    static SomeValue setattr(Annotator ann, SomeValue obj, String name, SomeValue value) {
        if (obj instanceof SomeNone) {
            return SomeValue.IMPOSSIBLE;   // only None so far: wait until an instance flows here
        }
        if (!(obj instanceof SomeInstance i) || name == null) {
            return new SomeObject();
        }
        i.classdef().locate(ann, name).generalize(ann, value);
        return new SomeNone();
    }
}
