package dev.taipan.rtyper.llinterp;

/**
 * An exception link, compiled: taken when the block's last operation raises an exception whose
 * class is {@code classVtable} or a subclass of it ({@code except OverflowError:}). It binds the
 * link's {@code last_exception} and {@code last_exc_value} variables (slot -1: unused) to the
 * exception's class and instance before passing the link's arguments.
 */
record Handler(Exceptions exceptions, long classVtable, int etypeSlot, int evalueSlot, Jump jump) {

    boolean catches(LLException e) {
        return exceptions.isSubclass(e.etype(), classVtable);
    }

    void bind(LLException e, long[] f) {
        if (etypeSlot >= 0) {
            f[etypeSlot] = e.etype();
        }
        if (evalueSlot >= 0) {
            f[evalueSlot] = e.evalue();
        }
    }
}
