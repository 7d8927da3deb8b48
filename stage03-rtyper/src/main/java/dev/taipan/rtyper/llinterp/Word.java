package dev.taipan.rtyper.llinterp;

import dev.taipan.rtyper.lltype.ContainerType;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.memory.Heap;

/**
 * How the llinterp holds a value of each low-level type: as one {@code long}, the machine word
 * a register of the x86 backend will hold. {@code Signed}, {@code Unsigned} and pointers are the
 * word itself (a pointer its address, a function pointer its function's address); a
 * {@code Float} is the double's raw bits; a {@code Bool} 0 or 1; a {@code Char} 0..255; a
 * {@code Void} has no bits (0). A frame is therefore a plain {@code long[]}: no boxing, no
 * Java object per value, and loads and stores go straight to the heap's typed accessors.
 */
enum Word {
    SIGNED, UNSIGNED, FLOAT, BOOL, CHAR, PTR, ADDRESS, VOID;

    /** The word of a value of {@code type}; a container is not a value (it is inlined, reached by address). */
    static Word of(LowLevelType type) {
        return switch (type) {
            case Primitive p -> switch (p) {
                case SIGNED -> SIGNED;
                case UNSIGNED -> UNSIGNED;
                case FLOAT -> FLOAT;
                case BOOL -> BOOL;
                case CHAR -> CHAR;
                case ADDRESS -> ADDRESS;
                case VOID -> VOID;
            };
            case Ptr _ -> PTR;
            case ContainerType c -> throw new IllegalArgumentException(
                    c + " is inlined, not a value: take its address with getsubstruct or getarraysubstruct");
        };
    }

    long load(Heap heap, long ptr, long offset) {
        return switch (this) {
            case SIGNED -> heap.loadSigned(ptr, offset);
            case UNSIGNED -> heap.loadUnsigned(ptr, offset);
            case FLOAT -> Double.doubleToRawLongBits(heap.loadFloat(ptr, offset));
            case BOOL -> heap.loadBool(ptr, offset) ? 1 : 0;
            case CHAR -> heap.loadChar(ptr, offset);
            case PTR -> heap.loadPtr(ptr, offset);
            case ADDRESS -> heap.loadAddress(ptr, offset);
            case VOID -> 0;
        };
    }

    /**
     * {@code raw_load}: the same value read with no field named ({@code adr.signed[i]}): a word,
     * or for a {@code Bool} or {@code Char} a byte, whatever the memory is said to hold.
     */
    long rawLoad(Heap heap, long adr, long offset) {
        return switch (this) {
            case SIGNED, UNSIGNED, FLOAT, PTR, ADDRESS -> heap.rawLoadWord(adr, offset);
            case BOOL -> heap.rawLoadByte(adr, offset) != 0 ? 1 : 0;
            case CHAR -> heap.rawLoadByte(adr, offset);
            case VOID -> 0;
        };
    }

    void rawStore(Heap heap, long adr, long offset, long bits) {
        switch (this) {
            case SIGNED, UNSIGNED, FLOAT, PTR, ADDRESS -> heap.rawStoreWord(adr, offset, bits);
            case BOOL -> heap.rawStoreByte(adr, offset, bits != 0 ? 1 : 0);
            case CHAR -> heap.rawStoreByte(adr, offset, (int) bits);
            case VOID -> { }
        }
    }

    void store(Heap heap, long ptr, long offset, long bits) {
        switch (this) {
            case SIGNED -> heap.storeSigned(ptr, offset, bits);
            case UNSIGNED -> heap.storeUnsigned(ptr, offset, bits);
            case FLOAT -> heap.storeFloat(ptr, offset, Double.longBitsToDouble(bits));
            case BOOL -> heap.storeBool(ptr, offset, bits != 0);
            case CHAR -> heap.storeChar(ptr, offset, (char) bits);
            case PTR -> heap.storePtr(ptr, offset, bits);
            case ADDRESS -> heap.storeAddress(ptr, offset, bits);
            case VOID -> { }
        }
    }

    /**
     * The word of a Java constant, held as {@code LLConstant} holds it ({@code Long},
     * {@code Double}, {@code Boolean}, {@code Character}; for a pointer, an address as a
     * {@code Long}, or null). A {@code Void} value, known at translation time, has no bits.
     */
    long bits(Object value) {
        return switch (this) {
            case SIGNED, UNSIGNED, ADDRESS -> value instanceof Long l ? l : wrong(value);
            case PTR -> value == null ? 0 : value instanceof Long l ? l : wrong(value);
            case FLOAT -> value instanceof Double d ? Double.doubleToRawLongBits(d) : wrong(value);
            case BOOL -> value instanceof Boolean b ? (b ? 1 : 0) : wrong(value);
            case CHAR -> value instanceof Character c && c <= 0xFF ? c : wrong(value);
            case VOID -> 0;
        };
    }

    /** The Java value of a word: the inverse of {@link #bits}; a pointer comes back as its address. */
    Object toJava(long bits) {
        return switch (this) {
            case SIGNED, UNSIGNED, PTR, ADDRESS -> bits;
            case FLOAT -> Double.longBitsToDouble(bits);
            case BOOL -> bits != 0;
            case CHAR -> (char) bits;
            case VOID -> null;
        };
    }

    private long wrong(Object value) {
        throw new IllegalArgumentException(value + (value == null ? "" : " (a " + value.getClass().getSimpleName() + ")")
                + " does not fit a " + this + " word");
    }
}
