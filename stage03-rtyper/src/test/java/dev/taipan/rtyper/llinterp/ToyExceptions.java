package dev.taipan.rtyper.llinterp;

import static dev.taipan.rtyper.lltype.Primitive.CHAR;
import static dev.taipan.rtyper.lltype.Primitive.SIGNED;

import dev.taipan.rtyper.image.Database;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.image.Section;
import dev.taipan.rtyper.llgraph.ExceptionData;
import dev.taipan.rtyper.lltype.Array;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Struct;
import dev.taipan.rtyper.memory.Heap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small exception model, shaped as the rtyper's will be, for graphs built by hand: a vtable
 * per class with PyPy's {@code subclassrange_min/max} (classes numbered in preorder, so "is a
 * subclass" is a range check) and a name, a prebuilt instance per class, and instances with a
 * {@code typeptr} and an optional message. Every class shares one instance struct here; the
 * rtyper's subclasses will inline their parent's.
 */
public final class ToyExceptions implements ExceptionData {

    public static final GcStruct STR = GcStruct.of("rpy_string", new Field("hash", SIGNED), new Field("chars", new Array(CHAR)));
    public static final Struct VTABLE = Struct.of("object_vtable", new Field("subclassrange_min", SIGNED),
            new Field("subclassrange_max", SIGNED), new Field("name", new Ptr(STR)));
    public static final GcStruct INSTANCE = GcStruct.of("Exception", new Field("typeptr", new Ptr(VTABLE)),
            new Field("message", new Ptr(STR)));
    public static final Ptr VTABLE_PTR = new Ptr(VTABLE);
    public static final Ptr INSTANCE_PTR = new Ptr(INSTANCE);

    /** The classes in preorder, each after its parent. */
    private static final List<List<String>> TREE = List.of(
            List.of("Exception", ""),
            List.of("ArithmeticError", "Exception"),
            List.of("OverflowError", "ArithmeticError"),
            List.of("ZeroDivisionError", "ArithmeticError"),
            List.of("ValueError", "Exception"),
            List.of("LookupError", "Exception"),
            List.of("IndexError", "LookupError"),
            List.of("KeyError", "LookupError"));

    private final Map<String, Prebuilt> vtables = new HashMap<>();
    private final Map<String, Prebuilt> instances = new HashMap<>();

    ToyExceptions(ToyProgram program) {
        Database db = program.database();
        Map<String, String> parents = new HashMap<>();
        TREE.forEach(c -> parents.put(c.get(0), c.get(1)));
        for (int i = 0; i < TREE.size(); i++) {
            String name = TREE.get(i).get(0);
            long min = i;
            long max = i + 1;
            while (max < TREE.size() && isWithin(TREE.get((int) max).get(0), name, parents)) {
                max++;
            }
            long end = max;
            Prebuilt vtable = db.convert("vtable " + name, () -> new Prebuilt(VTABLE, Section.RODATA), v -> {
                v.field("subclassrange_min").set(min);
                v.field("subclassrange_max").set(end);
                v.field("name").set(program.string(name));
            });
            vtables.put(name, vtable);
            instances.put(name, db.convert("instance " + name, () -> new Prebuilt(INSTANCE, Section.DATA),
                    e -> e.field("typeptr").set(vtable)));
        }
    }

    private static boolean isWithin(String cls, String ancestor, Map<String, String> parents) {
        for (String c = cls; !c.isEmpty(); c = parents.get(c)) {
            if (c.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Prebuilt vtable(String name) {
        return require(vtables, name);
    }

    @Override
    public Prebuilt instance(String name) {
        return require(instances, name);
    }

    private static Prebuilt require(Map<String, Prebuilt> objects, String name) {
        Prebuilt p = objects.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no exception class " + name);
        }
        return p;
    }

    @Override
    public boolean isSubclass(Heap heap, long vtable, long classVtable) {
        long n = heap.loadSigned(vtable, Layout.offsetOf(VTABLE, "subclassrange_min"));
        return heap.loadSigned(classVtable, Layout.offsetOf(VTABLE, "subclassrange_min")) <= n
                && n < heap.loadSigned(classVtable, Layout.offsetOf(VTABLE, "subclassrange_max"));
    }

    @Override
    public String describe(Heap heap, long vtable, long instance) {
        String name = string(heap, heap.loadPtr(vtable, Layout.offsetOf(VTABLE, "name")));
        long message = heap.loadPtr(instance, Layout.offsetOf(INSTANCE, "message"));
        return message == 0 ? name : name + ": " + string(heap, message);
    }

    /** The text of an {@code rpy_string} in the heap. */
    static String string(Heap heap, long s) {
        long chars = Layout.offsetOf(STR, "chars");
        Array array = (Array) STR.field("chars").type();
        var sb = new StringBuilder();
        long n = heap.loadSigned(s, Layout.lengthOffset(STR));
        for (long i = 0; i < n; i++) {
            sb.append(heap.loadChar(s, chars + Layout.itemOffset(array, i)));
        }
        return sb.toString();
    }
}
