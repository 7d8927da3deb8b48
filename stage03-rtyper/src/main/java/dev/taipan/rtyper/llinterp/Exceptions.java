package dev.taipan.rtyper.llinterp;

import dev.taipan.rtyper.llgraph.ExceptionData;
import dev.taipan.rtyper.memory.Heap;
import dev.taipan.rtyper.memory.MappedImage;

/**
 * The program's {@link ExceptionData} seen from the running program: classes and instances as
 * the addresses the image was mapped at.
 */
final class Exceptions {

    private final ExceptionData data;
    private final Heap heap;
    private final MappedImage image;

    Exceptions(ExceptionData data, Heap heap, MappedImage image) {
        this.data = data;
        this.heap = heap;
        this.image = image;
    }

    /** A fresh raise of the prebuilt instance of the builtin exception {@code name} ({@code OverflowError}). */
    LLException builtin(String name) {
        return new LLException(image.addressOf(data.vtable(name)), image.addressOf(data.instance(name)));
    }

    boolean hasBuiltin(String name) {
        try {
            return data.vtable(name) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    boolean isSubclass(long etype, long classVtable) {
        return data.isSubclass(heap, etype, classVtable);
    }

    /** {@code Name: message}. */
    String describe(LLException e) {
        return data.describe(heap, e.etype(), e.evalue());
    }
}
