package dev.taipan.rtyper.llinterp;

import dev.taipan.rtyper.lltype.ArrayType;
import dev.taipan.rtyper.lltype.GcArray;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Strings;
import dev.taipan.rtyper.memory.Heap;
import dev.taipan.rtyper.memory.HeapStrings;
import java.util.List;

/**
 * The entry point's {@code argv}, built in the heap as the program's own code would build it:
 * a list of strings in whichever of the two list shapes the rtyper chose for it, a bare
 * {@code GcArray} if the program never resizes {@code argv}, a {@code {length, items}} list
 * otherwise. The x86 backend's {@code _start} will do the same from the process's stack.
 */
final class Argv {
    private Argv() { }

    /** A pointer to a new {@code argv} of type {@code type} holding {@code args}. */
    static long build(Heap heap, LowLevelType type, List<String> args) {
        if (!(type instanceof Ptr p)) {
            throw unsupported(type);
        }
        return switch (p.to()) {
            case GcArray a when a.item().equals(Strings.PTR) -> array(heap, a, args);
            case GcStruct s when s.field("items").type() instanceof Ptr items && items.to() instanceof GcArray a
                    && a.item().equals(Strings.PTR) -> {
                long list = heap.malloc(s);
                heap.storeSigned(list, Layout.offsetOf(s, "length"), args.size());
                heap.storePtr(list, Layout.offsetOf(s, "items"), array(heap, a, args));
                yield list;
            }
            default -> throw unsupported(type);
        };
    }

    /**
     * The raw argv of a process: an array of {@code args.size()} addresses of zero-terminated
     * byte strings (a character above 255 becomes '?', as in {@link HeapStrings#allocate}), in
     * raw memory that stays for the whole run, as a process's does.
     */
    static long raw(Heap heap, List<String> args) {
        long array = heap.rawMalloc(Math.max(1, args.size()) * Layout.WORD);
        for (int i = 0; i < args.size(); i++) {
            String text = args.get(i);
            long chars = heap.rawMalloc(text.length() + 1);
            for (int j = 0; j < text.length(); j++) {
                char c = text.charAt(j);
                heap.rawStoreByte(chars, j, c < 256 ? c : '?');
            }
            heap.rawStoreByte(chars, text.length(), 0);
            heap.rawStoreWord(array, (long) i * Layout.WORD, chars);
        }
        return array;
    }

    private static long array(Heap heap, ArrayType a, List<String> args) {
        long array = heap.mallocVarsize(a, args.size());
        for (int i = 0; i < args.size(); i++) {
            heap.storePtr(array, Layout.itemOffset(a, i), HeapStrings.allocate(heap, args.get(i)));
        }
        return array;
    }

    private static IllegalArgumentException unsupported(LowLevelType type) {
        return new IllegalArgumentException("the entry point takes a " + type + ", not the list of strings argv is");
    }
}
