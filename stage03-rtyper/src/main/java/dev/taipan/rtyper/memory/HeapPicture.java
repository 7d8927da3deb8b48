package dev.taipan.rtyper.memory;

import dev.taipan.rtyper.lltype.Array;
import dev.taipan.rtyper.lltype.ArrayType;
import dev.taipan.rtyper.lltype.ContainerType;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.StructType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Objects in the heap drawn as boxes, the way a textbook draws memory: one Graphviz record per
 * object, one row per word or field (its offset, its name, the value the bytes hold now), and an
 * arrow for every pointer to the object it points to. What it shows is read from the heap with
 * the same {@link Layout} the llinterp uses, so the picture is the memory, not a model of it:
 * a string's {@code hash} slot is 0 until someone asks for its hash, a list's {@code items}
 * array is longer than its {@code length}.
 *
 * <p>Each object is drawn as its static type says (a {@code Ptr(Shape)} to a {@code Square} shows
 * Shape's fields) unless a {@link Types} knows better: the rtyper's (RTyper#heapTypes) reads an
 * instance's {@code typeptr} to find its class, as a debugger would. Long arrays show their first {@link #MAX_ITEMS} items; at most
 * {@link #MAX_OBJECTS} objects are followed, breadth first from the root.
 */
public final class HeapPicture {
    public static final int MAX_ITEMS = 12;
    public static final int MAX_OBJECTS = 16;

    private final Heap heap;
    private final Types types;
    private final Map<Long, String> nodes = new LinkedHashMap<>();
    private final Deque<Target> pending = new ArrayDeque<>();
    private final StringBuilder dot = new StringBuilder();
    private final List<String> edges = new ArrayList<>();

    private record Target(long address, ContainerType type) {
    }

    /** The type an object really has, given its address and the type of the pointer that reached it. */
    public interface Types {
        Types STATIC = (address, declared) -> declared;

        ContainerType actual(long address, ContainerType declared);

        /** The name of the function at {@code address}, or null if unknown. */
        default String functionName(long address) {
            return null;
        }
    }

    /** One row of a box: where, what, and the value (with the row's port when it points somewhere). */
    private record Row(long offset, String name, String value, String port) {
    }

    private HeapPicture(Heap heap, Types types) {
        this.heap = heap;
        this.types = types;
    }

    /** The Graphviz {@code dot} text of the object at {@code address} of type {@code type} and what it reaches. */
    public static String dot(Heap heap, long address, ContainerType type) {
        return dot(heap, address, type, Types.STATIC);
    }

    /** The same, each object drawn as {@code types} says it really is. */
    public static String dot(Heap heap, long address, ContainerType type, Types types) {
        HeapPicture p = new HeapPicture(heap, types);
        p.dot.append("digraph memory {\n  rankdir=LR;\n  node [shape=plaintext, fontname=\"monospace\", fontsize=10];\n");
        p.nodeFor(address, type);
        while (!p.pending.isEmpty()) {
            Target t = p.pending.removeFirst();
            p.box(t.address, t.type);
        }
        p.edges.forEach(e -> p.dot.append("  ").append(e).append(";\n"));
        return p.dot.append("}\n").toString();
    }

    /** The node that draws the object, queued for drawing the first time it is met; null past the limit. */
    private String nodeFor(long address, ContainerType type) {
        String known = nodes.get(address);
        if (known != null || nodes.size() >= MAX_OBJECTS) {
            return known;
        }
        String name = "o" + nodes.size();
        nodes.put(address, name);
        pending.addLast(new Target(address, types.actual(address, type)));
        return name;
    }

    private void box(long address, ContainerType type) {
        List<Row> rows = new ArrayList<>();
        switch (type) {
            case StructType s -> struct(address, s, 0, "", rows);
            case ArrayType a -> array(address, a, 0, "", rows);
            case FuncType f -> throw new IllegalArgumentException("a function is not drawn as memory: " + f);
        }
        String node = nodes.get(address);
        StringBuilder label = new StringBuilder("<<table border=\"0\" cellborder=\"1\" cellspacing=\"0\">");
        label.append("<tr><td colspan=\"3\" bgcolor=\"lightgrey\"><b>").append(escape(title(type)))
                .append("</b> @ 0x").append(Long.toHexString(address)).append("</td></tr>");
        for (Row r : rows) {
            label.append("<tr><td align=\"right\">+").append(r.offset).append("</td><td align=\"left\">")
                    .append(escape(r.name)).append("</td><td align=\"left\"")
                    .append(r.port == null ? "" : " port=\"" + r.port + "\"").append(">")
                    .append(escape(r.value)).append("</td></tr>");
        }
        label.append("</table>>");
        dot.append("  ").append(node).append(" [label=").append(label).append("];\n");
    }

    private static String title(ContainerType type) {
        return switch (type) {
            case StructType s -> s.name();
            case ArrayType a -> a.toString();
            case FuncType f -> f.toString();
        };
    }

    /** The rows of a struct whose bytes start at {@code address + base}: inlined parts are expanded in place. */
    private void struct(long address, StructType s, long base, String prefix, List<Row> rows) {
        if (s instanceof GcStruct g && g.parent() == null) {
            rows.add(gcHeader(base));
        }
        for (Field f : s.fields()) {
            long offset = base + Layout.offsetOf(s, f.name());
            String name = prefix + f.name();
            switch (f.type()) {
                // a parent inlined first is the object's own beginning: its fields keep their names
                case StructType inner -> struct(address, inner, offset,
                        f == s.fields().getFirst() && f.name().equals("super") ? prefix : name + ".", rows);
                case Array inner -> array(address, inner, offset, name, rows);
                default -> rows.add(value(address, offset, name, f.type()));
            }
        }
    }

    /** The rows of an array at {@code address + base}: its length, then its first items. */
    private void array(long address, ArrayType a, long base, String name, List<Row> rows) {
        long lengthAt = base + Layout.lengthOffset(a);
        if (a.isGc()) {
            rows.add(gcHeader(base));
        }
        long length = heap.loadSigned(address, lengthAt);
        rows.add(new Row(lengthAt, name.isEmpty() ? "length" : name + ".length", Long.toString(length), null));
        long shown = Math.min(length, MAX_ITEMS);
        for (long i = 0; i < shown; i++) {
            long at = base + Layout.itemOffset(a, i);
            String item = name + "[" + i + "]";
            if (a.item() instanceof StructType s) {
                struct(address, s, at, item + ".", rows);
            } else {
                rows.add(value(address, at, item, a.item()));
            }
        }
        if (shown < length) {
            rows.add(new Row(base + Layout.itemOffset(a, shown), name + "[" + shown + ".." + (length - 1) + "]",
                    "...", null));
        }
    }

    /** The header is the GC's (stage 04): not read, as the checked heap forbids anyone else to. */
    private static Row gcHeader(long offset) {
        return new Row(offset, "(GC header)", "the GC's", null);
    }

    private Row value(long address, long offset, String name, LowLevelType type) {
        return switch (type) {
            case Primitive p -> new Row(offset, name, primitive(address, offset, p), null);
            case Ptr ptr -> {
                long target = heap.loadPtr(address, offset);
                if (target == 0) {
                    yield new Row(offset, name, "NULL", null);
                }
                if (ptr.to() instanceof FuncType) {
                    String function = types.functionName(target);
                    yield new Row(offset, name, function != null ? function + "()"
                            : "function @ 0x" + Long.toHexString(target), null);
                }
                String node = nodeFor(target, ptr.to());
                String port = "p" + offset;
                if (node != null) {
                    edges.add(nodes.get(address) + ":" + port + " -> " + node);
                }
                yield new Row(offset, name, "0x" + Long.toHexString(target), port);
            }
            default -> throw new IllegalArgumentException(name + ": " + type + " is not a value");
        };
    }

    private String primitive(long address, long offset, Primitive p) {
        return switch (p) {
            case SIGNED -> Long.toString(heap.loadSigned(address, offset));
            case UNSIGNED -> Long.toUnsignedString(heap.loadUnsigned(address, offset));
            case FLOAT -> Double.toString(heap.loadFloat(address, offset));
            case BOOL -> heap.loadBool(address, offset) ? "True" : "False";
            case CHAR -> charText(heap.loadChar(address, offset));
            case ADDRESS -> heap.loadAddress(address, offset) == 0 ? "NULL" : "0x" + Long.toHexString(heap.loadAddress(address, offset));
            case VOID -> "";
        };
    }

    private static String charText(char c) {
        return c >= 32 && c < 127 ? "'" + c + "'" : String.format("'\\x%02x'", (int) c);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
