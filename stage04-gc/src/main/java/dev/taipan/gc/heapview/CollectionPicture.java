package dev.taipan.gc.heapview;

import dev.taipan.gc.heapview.HeapRecorder.Collection;
import dev.taipan.gc.heapview.HeapSnapshot.HeapObject;
import dev.taipan.gc.heapview.HeapSnapshot.Pointer;
import dev.taipan.gc.heapview.HeapSnapshot.Space;
import dev.taipan.gc.layout.TypeIds;
import dev.taipan.gc.layout.TypeInfo;
import dev.taipan.rtyper.lltype.ArrayType;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.StructType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One collection drawn (Graphviz {@code dot}): the heap before it above, after it below, each
 * object a box named by its type and the low digits of its address, each pointer an
 * arrow, the roots one box. Young objects are yellow, old ones blue, prebuilt ones grey; an
 * object in the remembered set has a red border. Both sides show only what the program can
 * reach (the garbage is never drawn): a copying collector's "after" has the same objects at new
 * addresses, a mark-and-sweep's the same addresses; a minor collection's has the yellow gone
 * blue and the remembered set emptied.
 */
public final class CollectionPicture {
    private static final Map<Space, String> FILL = Map.of(Space.YOUNG, "#ffe08a", Space.OLD, "#a8c8f0",
            Space.PREBUILT, "#dddddd");

    private final Map<Integer, String> typeNames = new HashMap<>();
    private final int maxObjects;

    /** A drawer for a program of type ids {@code ids}, showing at most {@code maxObjects} objects a side. */
    public CollectionPicture(TypeIds ids, int maxObjects) {
        for (TypeInfo t : ids.all()) {
            typeNames.put(t.id(), shortName(t.type()));
        }
        this.maxObjects = maxObjects;
    }

    /** The {@code dot} text of collection {@code c}, titled {@code title}. */
    public String dot(Collection c, String title) {
        StringBuilder sb = new StringBuilder("digraph heap {\n  rankdir=LR;\n  label=\"" + title + "\"; labelloc=t;\n"
                + "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10];\n"
                + "  edge [arrowsize=0.6];\n");
        // dot stacks the clusters of a left-to-right graph last-declared on top: after, then before
        side(sb, "a", "after", c.after());
        side(sb, "b", "before", c.before());
        return sb.append("}\n").toString();
    }

    private void side(StringBuilder sb, String prefix, String label, HeapSnapshot s) {
        List<HeapObject> worthDrawing = worthDrawing(s);
        List<HeapObject> shown = worthDrawing.stream().limit(maxObjects).toList();
        Set<Long> drawn = shown.stream().map(HeapObject::address).collect(Collectors.toSet());
        sb.append("  subgraph cluster_").append(prefix).append(" {\n    label=\"").append(label).append(": ")
                .append(counts(s, worthDrawing)).append("\";\n");
        sb.append("    ").append(prefix).append("_roots [label=\"roots\", shape=cds, fillcolor=\"#ffffff\"];\n");
        for (HeapObject o : shown) {
            sb.append("    ").append(node(prefix, o.address())).append(" [label=\"")
                    .append(typeNames.getOrDefault(o.typeId(), "type " + o.typeId())).append("\\n")
                    .append(String.format(Locale.ROOT, "…%05x", o.address() & 0xfffff)).append("\", fillcolor=\"")
                    .append(FILL.get(o.space())).append('"')
                    .append(o.remembered() ? ", color=\"#d62728\", penwidth=3" : "").append("];\n");
        }
        int hidden = worthDrawing.size() - shown.size();
        if (hidden > 0) {
            sb.append("    ").append(prefix).append("_more [label=\"and ").append(hidden)
                    .append(" more objects\", shape=plaintext, fillcolor=\"#ffffff\"];\n");
        }
        sb.append("  }\n");
        for (long r : s.roots().stream().distinct().toList()) {
            if (drawn.contains(r)) {
                sb.append("  ").append(prefix).append("_roots -> ").append(node(prefix, r)).append(";\n");
            }
        }
        for (Pointer p : s.pointers().stream().distinct().toList()) {
            if (drawn.contains(p.from()) && drawn.contains(p.to())) {
                sb.append("  ").append(node(prefix, p.from())).append(" -> ").append(node(prefix, p.to())).append(";\n");
            }
        }
    }

    /**
     * Every object of the collector's heap, and a prebuilt one only where it points into that
     * heap or is pointed to from it: the image holds dozens of prebuilt objects, vtables and
     * strings, that no collection concerns.
     */
    private static List<HeapObject> worthDrawing(HeapSnapshot s) {
        Set<Long> collected = s.objects().stream().filter(o -> o.space() != Space.PREBUILT)
                .map(HeapObject::address).collect(Collectors.toSet());
        Set<Long> touching = new HashSet<>();
        for (Pointer p : s.pointers()) {
            if (collected.contains(p.to())) {
                touching.add(p.from());
            }
            if (collected.contains(p.from())) {
                touching.add(p.to());
            }
        }
        return s.objects().stream().filter(o -> o.space() != Space.PREBUILT || touching.contains(o.address())).toList();
    }

    /** What the side shows: the objects of each space (the prebuilt ones drawn), the remembered ones. */
    private static String counts(HeapSnapshot s, List<HeapObject> drawn) {
        StringBuilder sb = new StringBuilder();
        for (Space space : Space.values()) {
            long n = (space == Space.PREBUILT ? drawn : s.objects()).stream().filter(o -> o.space() == space).count();
            if (n > 0) {
                sb.append(sb.isEmpty() ? "" : ", ").append(n).append(' ').append(space.name().toLowerCase(Locale.ROOT));
            }
        }
        int remembered = s.remembered().size();
        return (sb.isEmpty() ? "no objects" : sb) + (remembered > 0 ? ", " + remembered + " remembered" : "");
    }

    private static String node(String prefix, long address) {
        return prefix + "_" + Long.toHexString(address);
    }

    /** A type as a reader names it: a struct by its name, an array by its items. */
    static String shortName(LowLevelType t) {
        return switch (t) {
            case StructType s -> s.name();
            case ArrayType a -> "array of " + shortName(a.item());
            case Ptr p -> shortName(p.to());
            default -> t.toString();
        };
    }
}
