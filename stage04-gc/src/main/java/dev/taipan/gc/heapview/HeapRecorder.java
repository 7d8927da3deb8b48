package dev.taipan.gc.heapview;

import dev.taipan.gc.heapview.HeapSnapshot.HeapObject;
import dev.taipan.gc.heapview.HeapSnapshot.Pointer;
import dev.taipan.gc.heapview.HeapSnapshot.Space;
import dev.taipan.rtyper.llinterp.GcLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Listens to the heap check's drawing ({@link GcLog.HeapListener}) and keeps one
 * {@link HeapSnapshot} per walk; {@link #collections()} pairs each "before" with its "after".
 * The events, and the numbers {@code heapcheck.py} gives them:
 * <pre>
 * begin(after)                 0 before a collection, 1 after it
 * object(address, typeid, s)   s = SPACE_PREBUILT 0 | SPACE_YOUNG 1 | SPACE_OLD 2, plus REMEMBERED 4
 * root(0, target, 0)           a root (a shadow-stack slot, a field of exc_data) points to target
 * pointer(holder, target, 0)   a field of holder points to target
 * end
 * </pre>
 */
public final class HeapRecorder implements GcLog.HeapListener {
    private static final int REMEMBERED = 4;

    private final List<HeapSnapshot> snapshots = new ArrayList<>();
    private final int limit;
    private Walk walk;

    /** A recorder that keeps the first {@code limit} walks (a long program makes thousands). */
    public HeapRecorder(int limit) {
        this.limit = limit;
    }

    private static final class Walk {
        final boolean after;
        final Map<Long, HeapObject> objects = new LinkedHashMap<>();   // a prebuilt object is drawn each time it is reached
        final List<Long> roots = new ArrayList<>();
        final List<Pointer> pointers = new ArrayList<>();

        Walk(boolean after) {
            this.after = after;
        }
    }

    @Override
    public void event(String event, long a, long b, long c) {
        if (snapshots.size() >= limit) {
            return;
        }
        switch (event) {
            case "begin" -> walk = new Walk(a == 1);
            case "object" -> walk.objects.putIfAbsent(a, new HeapObject(a, (int) b,
                    Space.values()[(int) (c & ~REMEMBERED)], (c & REMEMBERED) != 0));
            case "root" -> walk.roots.add(b);
            case "pointer" -> walk.pointers.add(new Pointer(a, b));
            case "end" -> {
                snapshots.add(new HeapSnapshot(walk.after, new ArrayList<>(walk.objects.values()), walk.roots,
                        walk.pointers));
                walk = null;
            }
            default -> throw new IllegalArgumentException("debug_gc_heap: no event '" + event + "'");
        }
    }

    /** Every walk recorded, in order. */
    public List<HeapSnapshot> snapshots() {
        return List.copyOf(snapshots);
    }

    /** One collection: the heap before it and after it. */
    public record Collection(HeapSnapshot before, HeapSnapshot after) { }

    /** The collections whose walks before and after were both recorded, in order. */
    public List<Collection> collections() {
        List<Collection> out = new ArrayList<>();
        for (int i = 0; i + 1 < snapshots.size(); i++) {
            if (!snapshots.get(i).after() && snapshots.get(i + 1).after()) {
                out.add(new Collection(snapshots.get(i), snapshots.get(i + 1)));
            }
        }
        return out;
    }
}
