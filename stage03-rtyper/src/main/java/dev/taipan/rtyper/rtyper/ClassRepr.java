package dev.taipan.rtyper.rtyper;

import dev.taipan.annotator.ClassDef;
import dev.taipan.flowgraph.host.PyType;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.image.Slot;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Strings;
import dev.taipan.rtyper.lltype.Struct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One RPy class at the low level (PyPy's {@code ClassRepr} and {@code InstanceRepr} of
 * {@code rclass.py}, kept together): two struct types and the class's place in the hierarchy.
 *
 * <pre>
 *   Struct vtable_Square {                GcStruct Square {
 *     super: Struct vtable_Shape {          super: GcStruct Shape {
 *       super: Struct object_vtable {         super: GcStruct object { typeptr }
 *         subclassrange_min, _max, name       n: Signed
 *       }                                   }
 *       area: Ptr(Func(Ptr(Shape) -> Signed)) side: Signed
 *       kind: Signed                       }
 *     }
 *   }
 * </pre>
 *
 * The <b>instance</b> struct inlines its parent's first, so a pointer to a {@code Square} is a
 * pointer to a {@code Shape} ({@code cast_pointer} is free), and every instance starts with
 * {@code typeptr}, the pointer to its class's vtable. The <b>vtable</b> is a raw struct,
 * prebuilt once per class in the image: it too inlines its parent's first, then holds one slot
 * per method or plain class attribute read on instances and first needed at this class, each
 * subclass filling the inherited slots with its own values: a method call through a base-typed
 * variable loads the slot and calls it ({@code indirect_call}). {@code subclassrange_min} and
 * {@code _max} number the classes depth-first ({@link ClassTree}), so a class's subclasses are
 * exactly those whose number lies in its range: {@code isinstance} is two comparisons.
 */
final class ClassRepr {
    /** {@code OBJECT_VTABLE}, the root of every vtable (rclass.py's). */
    static final Struct OBJECT_VTABLE = Struct.forward("object_vtable");
    /** {@code OBJECT}, the root of every instance: the GC header, then the pointer to the class. */
    static final GcStruct OBJECT = GcStruct.of("object", new Field("typeptr", new Ptr(OBJECT_VTABLE)));
    static {
        OBJECT_VTABLE.become(new Field("subclassrange_min", Primitive.SIGNED),
                new Field("subclassrange_max", Primitive.SIGNED), new Field("name", Strings.PTR));
    }

    final PyType pytype;
    /** The annotator's class, or null for a builtin exception class the program never names. */
    final ClassDef classdef;
    final ClassRepr parent;
    final List<ClassRepr> children = new ArrayList<>();
    final Struct vtable;
    final GcStruct instance;
    /** This class's own instance fields and vtable slots, in struct order (the root's are fixed); filled by {@link ClassTree}. */
    final Map<String, Repr> fields = new LinkedHashMap<>();
    final Map<String, LowLevelType> slots = new LinkedHashMap<>();
    /** The method slots first needed here; their function types are known once the graphs have signatures. */
    final java.util.Set<String> methodSlots = new java.util.LinkedHashSet<>();
    /** BaseException's instances carry a constant message: a pointer to raw chars, or null. */
    boolean hasMessage;
    long min;
    long max;
    Prebuilt vtablePrebuilt;

    /** The root, {@code object}: its structs are {@link #OBJECT_VTABLE} and {@link #OBJECT}. */
    ClassRepr(PyType object) {
        this.pytype = object;
        this.classdef = null;
        this.parent = null;
        this.vtable = OBJECT_VTABLE;
        this.instance = OBJECT;
    }

    /** A class below the root; its structs get their fields in {@link #become}. */
    ClassRepr(PyType pytype, ClassDef classdef, ClassRepr parent) {
        this.pytype = pytype;
        this.classdef = classdef;
        this.parent = parent;
        this.vtable = Struct.forward("vtable_" + pytype.name());
        this.instance = GcStruct.forward(pytype.name());
        parent.children.add(this);
    }

    String name() {
        return pytype.name();
    }

    /** Gives both structs their fields: the parent's (or the root) inlined first, then this class's own. */
    void become() {
        List<Field> inst = new ArrayList<>();
        inst.add(new Field("super", parent.instance));
        fields.forEach((n, r) -> inst.add(new Field(n, r.lowleveltype())));
        if (hasMessage) {
            inst.add(new Field("message", Strings.PTR));
        }
        instance.become(inst);
        List<Field> vt = new ArrayList<>();
        vt.add(new Field("super", parent.vtable));
        slots.forEach((n, t) -> vt.add(new Field(n, t)));
        vtable.become(vt);
    }

    Ptr instancePtr() {
        return new Ptr(instance);
    }

    Ptr vtablePtr() {
        return new Ptr(vtable);
    }

    boolean isSubclassOf(ClassRepr other) {
        for (ClassRepr c = this; c != null; c = c.parent) {
            if (c == other) {
                return true;
            }
        }
        return false;
    }

    /** The class (this one or a base) whose instance struct holds field {@code name}, or null. */
    ClassRepr fieldOwner(String name) {
        for (ClassRepr c = this; c != null; c = c.parent) {
            if (c.fields.containsKey(name)) {
                return c;
            }
        }
        return null;
    }

    /** The class (this one or a base) whose vtable holds slot {@code name}, or null. */
    ClassRepr slotOwner(String name) {
        for (ClassRepr c = this; c != null; c = c.parent) {
            if (c.slots.containsKey(name) || c.methodSlots.contains(name)) {
                return c;
            }
        }
        return null;
    }

    /**
     * Field {@code name} of {@code owner}'s part of this class's prebuilt vtable, through the
     * inlined parents ({@code owner} the root for {@code subclassrange_min}, ...).
     */
    Slot vtableField(ClassRepr owner, String name) {
        Slot s = null;
        for (ClassRepr c = this; c != owner; c = c.parent) {
            s = s == null ? vtablePrebuilt.field("super") : s.field("super");
        }
        return s == null ? vtablePrebuilt.field(name) : s.field(name);
    }

    @Override
    public String toString() {
        return "ClassRepr " + name();
    }
}
