package dev.taipan.annotator;

import dev.taipan.annotator.SomeValue.*;
import dev.taipan.flowgraph.host.*;

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
                if (item == null && onClass instanceof PyFunction f) {
                    yield new SomePBC(new Desc.MethodDesc((Desc.FunctionDesc) ann.bookkeeper.desc(f), i.classdef()));
                }
                if (item == null && onClass != null) {
                    yield ann.bookkeeper.immutablevalue(onClass, ann);
                }
                if (item == null) {
                    item = i.classdef().locate(ann, name);
                }
                yield ann.readAttr(item, "attribute '" + name + "' of class " + i.classdef().name()
                        + " is read but never assigned");
            }
            case SomePBC p when p.konst() != null -> {
                try {
                    yield ann.bookkeeper.immutablevalue(HostSpace.apply("getattr", p.konst(), PyStr.of(name)), ann);
                } catch (PyException e) {
                    throw Annotator.error(ann, Describe.article(p) + " has no attribute '" + name + "'");
                }
            }
            case SomeNone n -> SomeValue.IMPOSSIBLE;   // only None so far: wait until an instance flows here
            case SomeList l -> new SomeBuiltin("list." + name, l);
            case SomeDict d -> new SomeBuiltin("dict." + name, d);
            case SomeString s -> new SomeBuiltin("str." + name, s);
            case SomeChar c -> new SomeBuiltin("str." + name, c);
            default -> new SomeObject();
        };
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
