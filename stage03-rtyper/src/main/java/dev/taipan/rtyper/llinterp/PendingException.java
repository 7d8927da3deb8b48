package dev.taipan.rtyper.llinterp;

import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.StructType;
import dev.taipan.rtyper.memory.Heap;
import dev.taipan.rtyper.memory.MappedImage;

/**
 * The llinterp's side of the pending-exception protocol of exception-transformed graphs
 * ({@code transform.ExceptionTransform}, PyPy's {@code exc_data}): an exception is not a Java
 * exception unwinding frames any more but two words in a prebuilt struct of the image,
 * {@code exc_type} and {@code exc_value}, which a raising graph sets before it returns its
 * error value and every caller tests after the call. The llinterp reads them only at the
 * outermost call ({@link #take}), and sets them itself for what its own machinery raises (a
 * recursion too deep, {@link #raise}).
 *
 * <p>The frames of the exception are in the {@link TracebackRing}, where the graphs'
 * {@code debug_*_traceback} operations put them.
 */
final class PendingException {

    private final Heap heap;
    private final long address;
    private final long typeOffset;
    private final long valueOffset;
    private final TracebackRing ring;
    private final CallStack stack;
    private final Prebuilt excData;

    PendingException(Heap heap, MappedImage image, Prebuilt excData, CallStack stack, TracebackRing ring) {
        this.heap = heap;
        this.ring = ring;
        this.stack = stack;
        this.excData = excData;
        this.address = image.addressOf(excData);
        StructType type = (StructType) excData.type();
        this.typeOffset = Layout.offsetOf(type, "exc_type");
        this.valueOffset = Layout.offsetOf(type, "exc_value");
    }

    /** The prebuilt {@code exc_data} of the image. */
    Prebuilt excData() {
        return excData;
    }

    boolean isSet() {
        return heap.loadPtr(address, typeOffset) != 0;
    }

    /** Makes {@code e} the pending exception, as if a callee had raised it, with the frames it has so far. */
    long raise(LLException e) {
        heap.storePtr(address, typeOffset, e.etype());
        heap.storePtr(address, valueOffset, e.evalue());
        ring.keep(e.evalue(), e.frames());
        return 0;
    }

    /** {@code stack_check}: the program's RecursionError pending if the calls nest too deep. */
    void checkStack() {
        stack.check();
    }

    /** The pending exception, cleared, as the Java exception {@link LLInterpreter#call} throws. */
    LLException take() {
        long etype = heap.loadPtr(address, typeOffset);
        long evalue = heap.loadPtr(address, valueOffset);
        heap.storePtr(address, typeOffset, 0);
        heap.storePtr(address, valueOffset, 0);
        Traceback tb = ring.take(evalue);
        return new LLException(etype, evalue, tb == null ? new Traceback() : tb);
    }
}
