package dev.taipan.rtyper.image;

import dev.taipan.rtyper.Exercised;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
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
 *
 * <p><b>Then the image.</b> {@link #layout()} hands every converted object to an
 * {@link ImageLinker} ({@link SectionLinker}), which places them, and those only pointers
 * reach, in their sections and turns pointers into relocations.
 */
public final class Database {

    private final Map<Object, Prebuilt> byHost = new IdentityHashMap<>();
    private final List<Prebuilt> converted = new ArrayList<>();
    private final ArrayDeque<Runnable> pendingFills = new ArrayDeque<>();
    /** Lays the objects out into an image: chosen once per database, so once per rtyper. */
    private final ImageLinker linker = Exercised.IMAGE_LINKER.current();

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
     * from them through pointers, one after another in its section, each aligned to a word
     * (this database's {@link ImageLinker}).
     */
    public Image layout() {
        complete();
        return linker.link(List.copyOf(converted));
    }
}
