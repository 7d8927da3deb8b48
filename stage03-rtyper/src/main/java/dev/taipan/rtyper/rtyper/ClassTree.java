package dev.taipan.rtyper.rtyper;

import dev.taipan.annotator.Annotator;
import dev.taipan.annotator.ClassDef;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyBool;
import dev.taipan.flowgraph.host.PyDict;
import dev.taipan.flowgraph.host.PyFloat;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PySingleton;
import dev.taipan.flowgraph.host.PyInstance;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.flowgraph.host.PyType;
import dev.taipan.rtyper.Exercised;
import dev.taipan.rtyper.image.Database;
import dev.taipan.rtyper.image.FunctionRef;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.image.Section;
import dev.taipan.rtyper.image.Slot;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Strings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classes of a program at the low level, PyPy's {@code rclass} setup: one {@link ClassRepr}
 * per class the annotator saw, and one per builtin exception class (an operation may raise
 * {@code ZeroDivisionError} though the program never names it), all below the root
 * {@code object}.
 *
 * <p>It works in the rtyper's steps. When built, every class gets its two structs as forward
 * references and its number: a depth-first walk gives each class {@code subclassrange_min} on
 * the way down and {@code subclassrange_max} on the way back up, so the subclasses of C are
 * exactly the classes numbered in {@code [C.min, C.max)} (normalizecalls.py's
 * {@code assign_inheritance_ids}; the walk is a {@link ClassNumbering}, chosen through
 * {@link Exercised#CLASS_NUMBERING}). Before the graphs get their signatures, {@link #prepare}
 * gives each class its instance fields (those the annotator located on it, with the repr of
 * their annotation) and decides which class holds each vtable slot. Once the signatures are
 * known, {@link #layout} types the method slots, closes the structs, and prebuilds each
 * class's vtable in the image through the {@link Database}, each slot holding that class's
 * own method or value.
 */
final class ClassTree {
    private final Annotator annotator;
    private final Database database;
    private final Map<PyType, ClassRepr> byType = new LinkedHashMap<>();
    private final Map<String, ClassRepr> byName = new HashMap<>();
    private final Map<List<Object>, Prebuilt> instances = new HashMap<>();
    private final PrebuiltStrings strings;
    final ClassRepr root;

    ClassTree(Annotator annotator, Database database, PrebuiltStrings strings) {
        this.annotator = annotator;
        this.database = database;
        this.strings = strings;
        HostInterpreter host = annotator.translator().host();
        root = new ClassRepr((PyType) host.builtin("object"));
        PyType base = (PyType) host.builtin("BaseException");
        host.importName("builtins", new PyDict(), PySingleton.NONE, 0).dict().asMap().values().forEach(v -> {
            if (v instanceof PyType t && t.isSubtypeOf(base)) {
                of(t);
            }
        });
        annotator.classdefs().forEach(cd -> of(cd.pytype));
        number(Exercised.CLASS_NUMBERING.current());
    }

    /** Gives every class its {@code subclassrange_min} and {@code _max} (one numbering per tree, so per rtyper). */
    private void number(ClassNumbering numbering) {
        Map<ClassRepr, SubclassRange> ranges = numbering.number(root, c -> c.children);
        for (ClassRepr c : byType.values()) {
            SubclassRange r = ranges.get(c);
            if (r == null) {
                throw new IllegalStateException("the class numbering gave class " + c.name() + " no range");
            }
            c.min = r.min();
            c.max = r.max();
        }
        SubclassRange r = ranges.get(root);
        if (r == null) {
            throw new IllegalStateException("the class numbering gave the root class object no range");
        }
        root.min = r.min();
        root.max = r.max();
    }

    /** The repr of a class: its base's first (single inheritance: the first base, as the annotator's ClassDef). */
    ClassRepr of(PyType t) {
        ClassRepr c = byType.get(t);
        if (c == null) {
            List<PyType> bases = t.bases();
            ClassRepr parent = bases.isEmpty() || bases.getFirst().name().equals("object") ? root : of(bases.getFirst());
            ClassDef cd = annotator.classdefs().stream().filter(d -> d.pytype == t).findFirst().orElse(null);
            c = new ClassRepr(t, cd, parent);
            byType.put(t, c);
            byName.putIfAbsent(t.name(), c);
        }
        return c;
    }

    ClassRepr of(ClassDef cd) {
        return of(cd.pytype);
    }

    /** A builtin exception class by name ({@code ZeroDivisionError}). */
    ClassRepr builtin(String name) {
        ClassRepr c = byName.get(name);
        if (c == null || !c.pytype.isBuiltin()) {
            throw new IllegalArgumentException("no builtin exception class " + name);
        }
        return c;
    }

    /** Every class but the root, parents first. */
    List<ClassRepr> all() {
        return List.copyOf(byType.values());
    }

    /**
     * The instance fields, with the reprs of their annotations, and where each vtable slot
     * lives: before the graphs get their signatures, since a method's graph takes the
     * instances of its slot's class ({@link #slotSelf}).
     */
    void prepare(RTyper rtyper) {
        builtin("BaseException").hasMessage = true;
        for (ClassRepr c : all()) {
            if (c.classdef != null) {
                for (String name : c.classdef.readOnInstances()) {
                    if (c.slotOwner(name) != null || storedOnInstances(c, name)) {
                        continue;
                    }
                    if (below(c).stream().anyMatch(k -> k.pytype.lookup(name) instanceof PyFunction)) {
                        c.methodSlots.add(name);
                    } else if (slotType(c, name) instanceof LowLevelType t) {
                        c.slots.put(name, t);
                    }
                }
            }
        }
        for (String name : List.of("__str__", "__repr__")) {
            for (ClassRepr c : all()) {
                if (overriddenBelow(c, name) && !(c.parent != null && overriddenBelow(c.parent, name))
                        && c.slotOwner(name) == null) {
                    c.methodSlots.add(name);
                }
            }
        }
    }

    /**
     * The repr of every instance attribute, its field. After the rtyper has given the call
     * families one signature each ({@code RTyper.normalizeFamilies}), which needs the vtable
     * slots {@link #prepare} finds: a field holding functions is a pointer to that signature
     * (fuzz seed 711163: a function given only the constant '' stored with one given any str).
     */
    void prepareFields(RTyper rtyper) {
        for (ClassRepr c : all()) {
            if (c.classdef != null) {
                c.classdef.attributes().forEach((name, s) -> {
                    try {
                        c.fields.put(name, rtyper.reprOf(s, null, 0));
                    } catch (RTyperError e) {
                        throw new RTyperError("attribute '" + name + "' of class " + c.name() + ": " + e.getMessage(), null, 0);
                    }
                });
            }
        }
    }

    /** Whether {@code c} or a class above it stores attribute {@code name} on its instances (a field, once {@link #prepareFields} has run). */
    private static boolean storedOnInstances(ClassRepr c, String name) {
        for (ClassRepr k = c; k != null; k = k.parent) {
            if (k.classdef != null && k.classdef.attributes().containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the classes below {@code c} (itself included) define {@code name} more than once:
     * then {@code str(x)} of an {@code x} of class c calls it through a vtable slot, which lives
     * on the highest such class, as a method read on instances gets one ({@code InstanceRules.str}).
     */
    private static boolean overriddenBelow(ClassRepr c, String name) {
        return c.classdef != null && below(c).stream().map(k -> k.pytype.lookup(name))
                .filter(v -> v instanceof PyFunction f && !(f.globals().getStr("__name__") instanceof PyStr m
                        && m.value().equals("builtins")))
                .distinct().count() > 1;
    }

    /** The methods that fill each method slot (a class's and its subclasses'), one list per slot. */
    List<List<PyFunction>> slotFamilies() {
        List<List<PyFunction>> out = new ArrayList<>();
        for (ClassRepr c : all()) {
            for (String name : c.methodSlots) {
                out.add(below(c).stream().map(k -> k.pytype.lookup(name)).filter(v -> v instanceof PyFunction)
                        .map(v -> (PyFunction) v).distinct().toList());
            }
        }
        return out;
    }

    /**
     * The class whose instances the graph of method {@code f} takes as {@code self}: the class
     * of the vtable slot it fills, so that every method in a slot has the slot's type (the graph
     * casts its {@code self} down on entry, see {@link GraphConverter}); null for a function that
     * fills no slot.
     */
    ClassRepr slotSelf(PyFunction f) {
        if (f == null) {
            return null;
        }
        for (ClassRepr c : all()) {
            if (c.pytype.dictView().get(f.name()) == f) {
                ClassRepr owner = c.slotOwner(f.name());
                return owner != null && owner.methodSlots.contains(f.name()) ? owner : null;
            }
        }
        return null;
    }

    /** The method slots' types (after the graphs' signatures are known), then the structs, then the prebuilt vtables. */
    void layout(RTyper rtyper) {
        for (ClassRepr c : all()) {
            for (String name : c.methodSlots) {
                FuncType t = slotType(rtyper, c, name);
                if (t != null) {
                    c.slots.put(name, new Ptr(t));
                }
            }
        }
        all().forEach(ClassRepr::become);
        for (ClassRepr c : all()) {
            c.vtablePrebuilt = database.convert(c, () -> new Prebuilt(c.vtable, Section.RODATA), p -> fill(rtyper, c));
        }
        database.complete();
    }

    /**
     * The type of the method slot {@code name} of class {@code owner}: the signature of the
     * methods that fill it (a family: one signature, RPy's rule for methods that override each
     * other), taking the owner's instances; null when no method of that name was ever called.
     */
    private FuncType slotType(RTyper rtyper, ClassRepr owner, String name) {
        FuncType type = null;
        for (ClassRepr c : below(owner)) {
            if (c.pytype.lookup(name) instanceof PyFunction f && graph(rtyper, f) instanceof LowLevelGraph g
                    && (type == null || type.result() == Primitive.VOID)) {
                // a method that always raises returns Void: the others say what the slot returns
                List<LowLevelType> args = new ArrayList<>(g.signature().args());
                args.set(0, owner.instancePtr());   // already so, unless the method is inherited from above the slot
                type = new FuncType(args, g.signature().result());
            }
        }
        return type;
    }

    /**
     * The type of the vtable slot of class attribute {@code name}, from its values in {@code c}
     * and below: a number's, a char if every value is a one-char string, a string pointer if a
     * longer one is among them; null if a value has no slot type in this part.
     */
    private static LowLevelType slotType(ClassRepr c, String name) {
        List<PyObject> values = below(c).stream().map(k -> k.pytype.lookup(name)).filter(v -> v != null).toList();
        if (values.isEmpty()) {
            return null;
        }
        if (values.stream().allMatch(v -> v instanceof PyStr) && values.stream().anyMatch(v -> ((PyStr) v).value().length() != 1)) {
            return Strings.PTR;
        }
        return primitiveOf(values.getFirst());
    }

    private static Primitive primitiveOf(PyObject v) {
        return switch (v) {
            case PyBool b -> Primitive.BOOL;
            case PyInt i -> Primitive.SIGNED;
            case PyFloat f -> Primitive.FLOAT;
            case PyStr s when s.value().length() == 1 -> Primitive.CHAR;
            default -> null;
        };
    }

    /** The low-level graph of method {@code f} (its unspecialised graph), or null if it was never called. */
    private static LowLevelGraph graph(RTyper rtyper, PyFunction f) {
        FunctionGraph g = rtyper.annotator().calledGraph(null, f);
        return g == null ? null : rtyper.lowLevel(g);
    }

    private static List<ClassRepr> below(ClassRepr c) {
        List<ClassRepr> out = new ArrayList<>();
        out.add(c);
        c.children.forEach(child -> out.addAll(below(child)));
        return out;
    }

    /** Class {@code c}'s vtable: its range, its name, and every slot it inherits or owns, with its own value. */
    private void fill(RTyper rtyper, ClassRepr c) {
        c.vtableField(root, "subclassrange_min").set(c.min);
        c.vtableField(root, "subclassrange_max").set(c.max);
        c.vtableField(root, "name").set(strings.of(c.name()));
        for (ClassRepr owner = c; owner != root; owner = owner.parent) {
            for (var slot : owner.slots.entrySet()) {
                Slot s = c.vtableField(owner, slot.getKey());
                PyObject v = c.pytype.lookup(slot.getKey());
                if (slot.getValue() instanceof Ptr p && p.to() instanceof FuncType ft) {
                    LowLevelGraph g = v instanceof PyFunction f ? graph(rtyper, f) : null;
                    s.set(g == null ? null : new FunctionRef(g.name(), ft));
                } else if (v instanceof PyStr str && slot.getValue().equals(Strings.PTR)) {
                    s.set(strings.of(str.value()));
                } else if (v != null) {
                    s.set(RTyper.convertConst(v, (Primitive) slot.getValue()));
                }
            }
        }
    }

    /** A prebuilt instance of class {@code c} with {@code message} (null: none), for the exceptions operations raise. */
    Prebuilt instance(ClassRepr c, String message) {
        List<Object> key = java.util.Arrays.asList(c, message);
        return instances.computeIfAbsent(key, k -> {
            Prebuilt p = new Prebuilt(c.instance, Section.DATA);
            instanceField(p, c, root, "typeptr").set(c.vtablePrebuilt);
            if (message != null) {
                instanceField(p, c, builtin("BaseException"), "message").set(strings.of(message));
            }
            return database.convert(p, () -> p, q -> { });
        });
    }

    /**
     * The low-level twin of an instance the program built at import time (a module-level
     * {@code DEFAULT = Config()}): its typeptr, and each field of its class and its bases with
     * the instance's value, or the class's where the instance has none. Through the database,
     * so that instances pointing to each other (a prebuilt linked list, a cycle) each become one
     * object, allocated first and filled afterwards.
     */
    Prebuilt prebuiltInstance(RTyper rtyper, PyInstance instance) {
        ClassRepr c = of(instance.type());
        return database.convert(instance, () -> new Prebuilt(c.instance, Section.DATA), p -> {
            instanceField(p, c, root, "typeptr").set(c.vtablePrebuilt);
            for (ClassRepr owner = c; owner != root; owner = owner.parent) {
                for (var field : owner.fields.entrySet()) {
                    PyObject v = instance.dict().getStr(field.getKey());
                    if (v == null && !(instance.type().lookup(field.getKey()) instanceof PyFunction)) {
                        v = instance.type().lookup(field.getKey());
                    }
                    if (v != null) {
                        instanceField(p, c, owner, field.getKey()).set(rtyper.prebuiltValue(v, field.getValue()));
                    }
                }
            }
        });
    }

    /** Field {@code name} of {@code owner}'s part of the prebuilt instance {@code p} of class {@code c}. */
    private static Slot instanceField(Prebuilt p, ClassRepr c, ClassRepr owner, String name) {
        Slot s = null;
        for (ClassRepr k = c; k != owner; k = k.parent) {
            s = s == null ? p.field("super") : s.field("super");
        }
        return s == null ? p.field(name) : s.field(name);
    }
}
