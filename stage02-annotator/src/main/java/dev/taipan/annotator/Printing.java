package dev.taipan.annotator;

import dev.taipan.annotator.SomeValue.*;
import dev.taipan.flowgraph.host.PyFunction;

/**
 * {@code str(x)}, {@code repr(x)}, {@code print(x)} and {@code "%s" % x}: what turning a value
 * into text calls. For an instance whose class (or a subclass) defines {@code __str__} or
 * {@code __repr__}, that method is called like any other, so it is annotated and its result
 * must be a str; containers print their items with {@code repr}, so a list of such instances
 * calls their {@code __repr__}. Later stages generate the text the same way, which is why the
 * annotator must see these calls.
 */
final class Printing {
    private Printing() { }

    /** Annotates what converting {@code s} to text calls ({@code repr} when {@code asRepr}); the result is a str. */
    static SomeValue text(Annotator ann, SomeValue s, boolean asRepr) {
        switch (s) {
            case SomeInstance i -> {
                String method = !asRepr && defines(i.classdef(), "__str__") ? "__str__"
                        : defines(i.classdef(), "__repr__") ? "__repr__" : null;
                if (method != null) {
                    SomeValue r = ann.call(Attributes.methods(ann, i.classdef(), method), java.util.List.of());
                    if (!(r instanceof SomeString || r instanceof SomeChar || r instanceof SomeImpossibleValue)) {
                        throw Annotator.error(ann, "'" + method + "' of class " + i.classdef().name()
                                + " returns " + Describe.article(r) + ", not a str");
                    }
                }
            }
            case SomeList l -> text(ann, l.listdef().item.read(ann), true);
            case SomeTuple t -> t.items().forEach(x -> text(ann, x, true));
            case SomeDict d -> {
                text(ann, d.dictdef().key.read(ann), true);
                text(ann, d.dictdef().value.read(ann), true);
            }
            default -> { }
        }
        return new SomeString(false, null);
    }

    /** True if the class, a base, or a subclass seen so far defines {@code name}. */
    private static boolean defines(ClassDef cd, String name) {
        if (isUserMethod(cd, name)) {
            return true;
        }
        for (ClassDef sub : cd.subdefs) {
            if (defines(sub, name)) {
                return true;
            }
        }
        return false;
    }

    /** Not the default inherited from object or a builtin exception class. */
    private static boolean isUserMethod(ClassDef cd, String name) {
        for (ClassDef c = cd; c != null; c = c.base) {
            if (c.pytype.dictView().get(name) instanceof PyFunction) {
                return !c.pytype.isBuiltin();
            }
        }
        return false;
    }
}
