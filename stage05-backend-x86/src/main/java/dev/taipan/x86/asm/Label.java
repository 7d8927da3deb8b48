package dev.taipan.x86.asm;

/**
 * A position in the code being assembled, possibly not yet known. A jump to a label that is not
 * bound yet (a forward jump) leaves a placeholder displacement and a note; {@link Assembler#bind}
 * fills in every placeholder once the position is known. A label belongs to the assembler that
 * made it, and is bound exactly once.
 *
 * <p>This is the only mutable piece of the encoder, because binding is an event in time: the
 * position of a label is unknown when the first jump to it is emitted.
 */
public final class Label implements Target {

    private final Emitter owner;
    private final String name;
    private int offset = -1;

    Label(Emitter owner, String name) {
        this.owner = owner;
        this.name = name;
    }

    Emitter owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public boolean isBound() {
        return offset >= 0;
    }

    /** The label's offset in the code; only once bound. */
    public int offset() {
        if (offset < 0) {
            throw new IllegalStateException("label " + name + " is not bound yet");
        }
        return offset;
    }

    void bindAt(int position) {
        if (offset >= 0) {
            throw new IllegalStateException("label " + name + " is already bound at offset " + offset);
        }
        offset = position;
    }

    @Override
    public String toString() {
        return name;
    }
}
