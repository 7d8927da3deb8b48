package dev.taipan.rtyper.rtyper;

import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.llgraph.ExceptionData;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.memory.Heap;
import dev.taipan.rtyper.memory.HeapStrings;

/**
 * The exception data of a program (PyPy's {@code exceptiondata.py}) over its {@link ClassTree}:
 * the builtin exception classes' vtables and prebuilt instances, already in the image, and the
 * two things the llinterp asks of an exception at run time, read from memory as the translated
 * program would: is its class a subclass of a handler's (the same range check as
 * {@code isinstance}), and what is its {@code Name: message} line.
 */
final class RExceptionData implements ExceptionData {
    private static final long MIN = Layout.offsetOf(ClassRepr.OBJECT_VTABLE, "subclassrange_min");
    private static final long MAX = Layout.offsetOf(ClassRepr.OBJECT_VTABLE, "subclassrange_max");
    private static final long NAME = Layout.offsetOf(ClassRepr.OBJECT_VTABLE, "name");
    private final ClassTree classes;
    private final ClassRepr baseException;
    private final long message;
    private final Prebuilt recursionError;

    /** Prebuilds an instance of every builtin exception class, so that the image has them all. */
    RExceptionData(ClassTree classes) {
        this.classes = classes;
        this.baseException = classes.builtin("BaseException");
        this.message = Layout.offsetOf(baseException.instance, "message");
        classes.all().stream().filter(c -> c.pytype.isBuiltin()).forEach(c -> classes.instance(c, null));
        this.recursionError = classes.instance(classes.builtin("RecursionError"), "maximum recursion depth exceeded");
    }

    @Override
    public Prebuilt vtable(String name) {
        return classes.builtin(name).vtablePrebuilt;
    }

    @Override
    public Prebuilt recursionError() {
        return recursionError;
    }

    @Override
    public Prebuilt instance(String name) {
        return classes.instance(classes.builtin(name), null);
    }

    @Override
    public boolean isSubclass(Heap heap, long vtable, long classVtable) {
        long min = heap.loadSigned(vtable, MIN);
        return heap.loadSigned(classVtable, MIN) <= min && min < heap.loadSigned(classVtable, MAX);
    }

    @Override
    public String describe(Heap heap, long vtable, long instance) {
        String name = HeapStrings.read(heap, heap.loadPtr(vtable, NAME));
        long min = heap.loadSigned(vtable, MIN);
        boolean hasMessage = baseException.min <= min && min < baseException.max;
        long text = hasMessage ? heap.loadPtr(instance, message) : 0;
        return text == 0 ? name : name + ": " + HeapStrings.read(heap, text);
    }
}
