package dev.taipan.gc.heapview;

import java.util.List;

/**
 * The heap as the collectors' heap check saw it, before or after one collection
 * ({@code rpython/memory/gc/heapcheck.py} draws it as it walks, through {@code debug_gc_heap}):
 * every object the program could still reach, where it lives, and every pointer from the roots
 * and between objects. Objects are in the order the walk reached them, breadth first from the
 * roots, so the first ones are the nearest to the program's variables.
 */
public record HeapSnapshot(boolean after, List<HeapObject> objects, List<Long> roots, List<Pointer> pointers) {

    public HeapSnapshot {
        objects = List.copyOf(objects);
        roots = List.copyOf(roots);
        pointers = List.copyOf(pointers);
    }

    /** Where an object lives: in the image, in the nursery (young), or in the collector's old space (or its only one). */
    public enum Space { PREBUILT, YOUNG, OLD }

    /** One object: its address, its type id, its space, and whether it is in the remembered set (generational). */
    public record HeapObject(long address, int typeId, Space space, boolean remembered) { }

    /** A pointer from the object at {@code from} to the one at {@code to}. */
    public record Pointer(long from, long to) { }

    /** The objects in {@code space}. */
    public List<HeapObject> in(Space space) {
        return objects.stream().filter(o -> o.space() == space).toList();
    }

    /** The remembered objects. */
    public List<HeapObject> remembered() {
        return objects.stream().filter(HeapObject::remembered).toList();
    }
}
