package dev.taipan.rtyper.transform;

import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.llgraph.ExceptionData;
import dev.taipan.rtyper.memory.Heap;

/**
 * The exception data of an exception-transformed program: the rtyper's, and the
 * {@code exc_data} struct where the pending exception now lives.
 */
record PendingExceptions(ExceptionData classes, Prebuilt excData) implements ExceptionData {

    @Override
    public Prebuilt vtable(String name) {
        return classes.vtable(name);
    }

    @Override
    public Prebuilt instance(String name) {
        return classes.instance(name);
    }

    @Override
    public Prebuilt recursionError() {
        return classes.recursionError();
    }

    @Override
    public Prebuilt pendingException() {
        return excData;
    }

    @Override
    public boolean isSubclass(Heap heap, long vtable, long classVtable) {
        return classes.isSubclass(heap, vtable, classVtable);
    }

    @Override
    public String describe(Heap heap, long vtable, long instance) {
        return classes.describe(heap, vtable, instance);
    }
}
