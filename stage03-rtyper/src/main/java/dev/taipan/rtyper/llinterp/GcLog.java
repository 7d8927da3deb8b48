package dev.taipan.rtyper.llinterp;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The collectors' log, {@code TAIPANLOG=gc:FILE} (in the spirit of PyPy's {@code PYPYLOG=gc:FILE}):
 * one line per collection, written by the collector itself through {@code debug_gc_log}, and
 * a summary when the program ends. The collector measures its own pause with the clock system
 * call, so a native program's log (stage 05) means what the llinterp's does.
 *
 * <pre>
 * gc-collect semispace #1: 1048576 -> 31264 bytes, 1102 objects moved, pause 0.412 ms
 * gc-summary: 12 collections (semispace 12), pauses 4.107 ms in total, median 0.301 ms, max 0.902 ms, largest heap after a collection 40960 bytes, 13224 objects moved
 * </pre>
 */
public final class GcLog implements AutoCloseable {
    /** The environment variable, and the category in it that turns this log on. */
    public static final String VARIABLE = "TAIPANLOG";

    private record Collection(String kind, long before, long after, long moved, long nanos) { }

    /**
     * Who draws the heap: the items of the pictures the collectors' heap check makes as it
     * walks ({@code debug_gc_heap}), in order: {@code begin(collection, after)}, then
     * {@code object(address, typeid, space)}, {@code root(0, target, 0)} and
     * {@code pointer(holder, target, 0)} items, then {@code end}. Stage 04 defines them.
     */
    public interface HeapListener {
        void event(String event, long a, long b, long c);
    }

    private final PrintStream out;
    private final boolean ownsOut;   // a file this log opened: closed with it
    private final HeapListener heap;
    private final List<Collection> collections = new ArrayList<>();

    private GcLog(PrintStream out, boolean ownsOut, HeapListener heap) {
        this.out = out;
        this.ownsOut = ownsOut;
        this.heap = heap;
    }

    /** A log written to {@code out} (left open) whose heap pictures go to {@code heap} (the notebook's). */
    public static GcLog recording(PrintStream out, HeapListener heap) {
        return new GcLog(out, false, heap);
    }

    /** The log {@code TAIPANLOG} asks for ({@code gc:FILE}; {@code gc:-} is standard error), or null. */
    public static GcLog fromEnvironment() {
        return of(System.getenv(VARIABLE));
    }

    /** The log a {@code TAIPANLOG} value asks for, or null when it names no {@code gc} category. */
    public static GcLog of(String setting) {
        if (setting == null || !setting.startsWith("gc:")) {
            return null;
        }
        String file = setting.substring(3);
        if (file.equals("-")) {
            return new GcLog(System.err, false, null);
        }
        try {
            return new GcLog(new PrintStream(Files.newOutputStream(Path.of(file)), true, StandardCharsets.UTF_8), true, null);
        } catch (IOException e) {
            throw new IllegalArgumentException(VARIABLE + "=" + setting + ": cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** One collection: its kind ({@code semispace}, {@code minor}, ...), the heap's bytes before and after, objects moved, its pause. */
    void collection(String kind, long before, long after, long moved, long nanos) {
        Collection c = new Collection(kind, before, after, moved, nanos);
        collections.add(c);
        out.printf(Locale.ROOT, "gc-collect %s #%d: %d -> %d bytes, %d objects moved, pause %.3f ms%n",
                kind, collections.size(), before, after, moved, nanos / 1e6);
    }

    void heapEvent(String event, long a, long b, long c) {
        if (heap != null) {
            heap.event(event, a, b, c);
        }
    }

    /** Writes the summary. */
    @Override
    public void close() {
        Map<String, Integer> kinds = new TreeMap<>();
        collections.forEach(c -> kinds.merge(c.kind(), 1, Integer::sum));
        long[] pauses = collections.stream().mapToLong(Collection::nanos).sorted().toArray();
        long total = 0;
        for (long p : pauses) {
            total += p;
        }
        out.printf(Locale.ROOT, "gc-summary: %d collections (%s), pauses %.3f ms in total, median %.3f ms, max %.3f ms, "
                        + "largest heap after a collection %d bytes, %d objects moved%n",
                collections.size(), kinds.isEmpty() ? "none" : String.join(", ", kinds.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).toList()),
                total / 1e6, pauses.length == 0 ? 0 : pauses[pauses.length / 2] / 1e6,
                pauses.length == 0 ? 0 : pauses[pauses.length - 1] / 1e6,
                collections.stream().mapToLong(Collection::after).max().orElse(0),
                collections.stream().mapToLong(Collection::moved).sum());
        if (ownsOut) {
            out.close();
        } else {
            out.flush();
        }
    }
}
