package dev.taipan.rtyper.memory;

import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.Strings;

/**
 * Reading and making {@link Strings#STR} objects from Java, for the few places outside the
 * translated program that must: the llinterp's {@code argv}, its printing, and the report of an
 * uncaught exception. A char is a byte: Java chars above 255 (never produced by RPy code, but
 * possible in a command-line argument) become {@code '?'}.
 */
public final class HeapStrings {
    private HeapStrings() { }

    private static final long HASH = Layout.offsetOf(Strings.STR, Strings.HASH);
    private static final long CHARS = Layout.offsetOf(Strings.STR, Strings.CHARS)
            + Layout.itemsOffset((dev.taipan.rtyper.lltype.ArrayType) Strings.STR.field(Strings.CHARS).type());
    private static final long LENGTH = Layout.lengthOffset(Strings.STR);

    /** The text of the string at {@code ptr}. */
    public static String read(Heap heap, long ptr) {
        long n = heap.loadSigned(ptr, LENGTH);
        var sb = new StringBuilder((int) n);
        for (long i = 0; i < n; i++) {
            sb.append(heap.loadChar(ptr, CHARS + i));
        }
        return sb.toString();
    }

    /** The chars {@code start .. start+count} of the string at {@code ptr}, as bytes (a char is one byte, 0..255). */
    public static byte[] readBytes(Heap heap, long ptr, long start, int count) {
        byte[] out = new byte[count];
        for (int i = 0; i < count; i++) {
            out[i] = (byte) heap.loadChar(ptr, CHARS + start + i);
        }
        return out;
    }

    /** Stores {@code data} into the first chars of the string at {@code ptr}, which must be long enough. */
    public static void writeBytes(Heap heap, long ptr, byte[] data, int count) {
        for (int i = 0; i < count; i++) {
            heap.storeChar(ptr, CHARS + i, (char) (data[i] & 0xff));
        }
    }

    /** A new string holding {@code text}; its hash is left 0, not computed yet. */
    public static long allocate(Heap heap, String text) {
        long p = heap.mallocVarsize(Strings.STR, text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            heap.storeChar(p, CHARS + i, c < 256 ? c : '?');
        }
        assert heap.loadSigned(p, HASH) == 0;
        return p;
    }
}
