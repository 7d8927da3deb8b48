package dev.taipan.rtyper.image;

import dev.taipan.rtyper.lltype.Layout;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The static-data database, PyPy's {@code LowLevelDatabase} (genc's {@code database.py}): it
 * turns the host objects a program refers to (a prebuilt instance, a class's vtable, a string
 * constant) into {@link Prebuilt} low-level objects, and lays them all out into one
 * {@link Image}.
 *
 * <p><b>One low-level object per host object.</b> The database keeps an identity map, so two
 * references to one host object become two pointers to one low-level object, as they must (the
 * program may compare them with {@code is}, or mutate one and read the other). Keys are compared
 * by identity: the caller passes the host object itself (or one canonical key object per
 * low-level object it wants).
 *
 * <p><b>Cycles: allocate, then fill.</b> A prebuilt node may point to another that points back.
 * {@link #convert} therefore first allocates the low-level object and records it, and only then
 * fills its fields, where converting a field's host object finds the node already there. Filling
 * is queued rather than recursive (PyPy's {@code complete()} loop), so a prebuilt linked list of
 * a million nodes does not overflow the Java stack.
 */
public final class Database {

    private final Map<Object, Prebuilt> byHost = new IdentityHashMap<>();
    private final List<Prebuilt> converted = new ArrayList<>();
    private final ArrayDeque<Runnable> pendingFills = new ArrayDeque<>();

    /**
     * The low-level object of {@code host}: on first sight, {@code allocate} makes it and
     * {@code fill} is queued to give it its contents (it may convert other host objects,
     * including {@code host} itself); afterwards, the same object.
     */
    public Prebuilt convert(Object host, Supplier<Prebuilt> allocate, Consumer<Prebuilt> fill) {
        Prebuilt p = byHost.get(host);
        if (p == null) {
            Prebuilt fresh = allocate.get();
            byHost.put(host, fresh);
            converted.add(fresh);
            pendingFills.add(() -> fill.accept(fresh));
            p = fresh;
        }
        return p;
    }

    /** The low-level object already made for {@code host}, or null. */
    public Prebuilt lookup(Object host) {
        return byHost.get(host);
    }

    /** Runs the queued fills, and the fills they queue, until every converted object is complete. */
    public void complete() {
        while (!pendingFills.isEmpty()) {
            pendingFills.poll().run();
        }
    }

    /**
     * Completes the database and lays out every converted object, and every object reachable
     * from them through pointers, one after another in its section, each aligned to a word.
     */
    public Image layout() {
        complete();
        var objects = reachable();
        var placements = new HashMap<Prebuilt, Image.Placement>();
        var sizes = new EnumMap<Section, Long>(Section.class);
        for (Section s : Section.values()) {
            sizes.put(s, 0L);
        }
        for (Prebuilt p : objects) {
            long offset = roundUp(sizes.get(p.section()));
            placements.put(p, new Image.Placement(p.section(), offset));
            sizes.put(p.section(), offset + p.size());
        }
        var bytes = new EnumMap<Section, byte[]>(Section.class);
        for (Section s : Section.values()) {
            bytes.put(s, new byte[Math.toIntExact(roundUp(sizes.get(s)))]);
        }
        var relocations = new ArrayList<Relocation>();
        for (Prebuilt p : objects) {
            Image.Placement at = placements.get(p);
            System.arraycopy(p.bytes(), 0, bytes.get(at.section()), (int) at.offset(), p.size());
            p.pointers().forEach((offset, pointee) -> relocations.add(new Relocation(at.section(), at.offset() + offset,
                    switch (pointee) {
                        case Prebuilt q -> new Relocation.Address(placements.get(q).section(), placements.get(q).offset());
                        case FunctionRef f -> f;
                    })));
        }
        return new Image(bytes.get(Section.RODATA), bytes.get(Section.DATA), relocations, objects, placements);
    }

    /** The converted objects in conversion order, then those only pointers reach, breadth first. */
    private List<Prebuilt> reachable() {
        var seen = new LinkedHashSet<>(converted);
        var work = new ArrayDeque<>(converted);
        while (!work.isEmpty()) {
            for (Pointee target : work.poll().pointers().values()) {
                if (target instanceof Prebuilt q && seen.add(q)) {
                    work.add(q);
                }
            }
        }
        return List.copyOf(seen);
    }

    private static long roundUp(long n) {
        return (n + Layout.WORD - 1) / Layout.WORD * Layout.WORD;
    }
}
