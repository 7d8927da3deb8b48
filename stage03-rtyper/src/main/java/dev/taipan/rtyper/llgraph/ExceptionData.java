package dev.taipan.rtyper.llgraph;

import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.memory.Heap;

/**
 * What the llinterp needs to know about RPy exceptions, which are instances of RPy classes laid
 * out by the rtyper (PyPy's {@code exceptiondata}): the class and a prebuilt instance of each
 * builtin exception that low-level operations raise by themselves ({@code int_add_ovf} raises
 * {@code OverflowError}), how to test a class against an {@code except} clause's class (a
 * range check on the vtables), and how to name an exception for the uncaught-exception report.
 * Classes are vtable addresses, instances instance addresses.
 */
public interface ExceptionData {

    /** The vtable of the builtin exception class {@code name} ({@code OverflowError}, ...), in the image. */
    Prebuilt vtable(String name);

    /** A prebuilt instance of {@code name}, with no message, in the image. */
    Prebuilt instance(String name);

    /**
     * The prebuilt {@code RecursionError} raised when calls nest too deep, with Python's message
     * where the program has one; null where the program's exception model has none (the
     * llinterp then stops with a fatal error instead).
     */
    default Prebuilt recursionError() {
        return null;
    }

    /**
     * The {@code exc_data} struct of an exception-transformed program ({@code exc_type},
     * {@code exc_value}: the pending exception, PyPy's {@code exc_data}), in the image; null while
     * the graphs still have exception links, and exceptions unwind the llinterp's frames.
     */
    default Prebuilt pendingException() {
        return null;
    }

    /** Whether the class {@code vtable} is {@code classVtable} or one of its subclasses. */
    boolean isSubclass(Heap heap, long vtable, long classVtable);

    /** {@code KeyError: 'x'}: the last line of an uncaught exception's report, as Python prints it. */
    String describe(Heap heap, long vtable, long instance);
}
