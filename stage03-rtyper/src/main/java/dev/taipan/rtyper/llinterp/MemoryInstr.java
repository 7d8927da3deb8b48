package dev.taipan.rtyper.llinterp;

import dev.taipan.rtyper.lltype.ContainerType;
import dev.taipan.rtyper.memory.Heap;

/**
 * The memory operations, compiled: every field name and index path of {@code getfield},
 * {@code getarrayitem}, {@code getinteriorfield}, {@code getsubstruct}... has become a byte
 * offset from the pointer, plus at most one run-time index times an item size (the only array
 * a path can cross is the one it ends in, or the items of an array of structs). What remains
 * at run time is one typed load or store in the {@link Heap}, which in checked mode validates
 * it against the object the address falls in.
 *
 * <p>Like every instruction, these report a bad operand with an ordinary Java exception; the
 * frame turns it into an {@link LLFatalError} that names the operation.
 */
sealed interface MemoryInstr extends Instr {

    /** {@code getfield}, {@code getarraysize}, a constant index: the word at {@code ptr + offset}. */
    record Load(Heap heap, Word word, int ptr, long offset, int result) implements MemoryInstr {
        @Override
        public void exec(long[] f) {
            f[result] = word.load(heap, f[ptr], offset);
        }
    }

    /** {@code getarrayitem}, {@code getinteriorfield} with an index: the word at {@code ptr + offset + index * scale}. */
    record LoadItem(Heap heap, Word word, int ptr, long offset, int index, long scale, int result) implements MemoryInstr {
        @Override
        public void exec(long[] f) {
            f[result] = word.load(heap, f[ptr], offset + f[index] * scale);
        }
    }

    record Store(Heap heap, Word word, int ptr, long offset, int value) implements MemoryInstr {
        @Override
        public void exec(long[] f) {
            word.store(heap, f[ptr], offset, f[value]);
        }
    }

    record StoreItem(Heap heap, Word word, int ptr, long offset, int index, long scale, int value) implements MemoryInstr {
        @Override
        public void exec(long[] f) {
            word.store(heap, f[ptr], offset + f[index] * scale, f[value]);
        }
    }

    /**
     * {@code getsubstruct}: the address of an inlined struct, {@code ptr + offset}. Nothing is
     * read, so the null pointer is checked here: {@code NULL + 8} would look like an address.
     */
    record Address(int ptr, long offset, int result) implements MemoryInstr {
        @Override
        public void exec(long[] f) {
            f[result] = nonNull(f[ptr]) + offset;
        }
    }

    /** {@code getarraysubstruct}, {@code getinteriorfield} reaching a struct: {@code ptr + offset + index * scale}. */
    record ItemAddress(int ptr, long offset, int index, long scale, int result) implements MemoryInstr {
        @Override
        public void exec(long[] f) {
            f[result] = nonNull(f[ptr]) + offset + f[index] * scale;
        }
    }

    record Malloc(Heap heap, ContainerType type, int result) implements MemoryInstr {
        @Override
        public void exec(long[] f) {
            f[result] = heap.malloc(type);
        }
    }

    record MallocVarsize(Heap heap, ContainerType type, int length, int result) implements MemoryInstr {
        @Override
        public void exec(long[] f) {
            f[result] = heap.mallocVarsize(type, f[length]);
        }
    }

    /** {@code raw_load(adr, offset)}: a value of the result's type at {@code adr + offset}, no field named. */
    record RawLoad(Heap heap, Word word, int adr, int offset, int result) implements MemoryInstr {
        @Override
        public void exec(long[] f) {
            f[result] = word.rawLoad(heap, f[adr], f[offset]);
        }
    }

    record RawStore(Heap heap, Word word, int adr, int offset, int value) implements MemoryInstr {
        @Override
        public void exec(long[] f) {
            word.rawStore(heap, f[adr], f[offset], f[value]);
        }
    }

    record RawMalloc(Heap heap, int size, int result) implements MemoryInstr {
        @Override
        public void exec(long[] f) {
            f[result] = heap.rawMalloc(f[size]);
        }
    }

    record RawCalloc(Heap heap, int size, int result) implements MemoryInstr {
        @Override
        public void exec(long[] f) {
            f[result] = heap.rawCalloc(f[size]);
        }
    }

    record RawFree(Heap heap, int adr) implements MemoryInstr {
        @Override
        public void exec(long[] f) {
            heap.rawFree(f[adr]);
        }
    }

    record RawMemcopy(Heap heap, int src, int dst, int size) implements MemoryInstr {
        @Override
        public void exec(long[] f) {
            heap.rawMemcopy(f[src], f[dst], f[size]);
        }
    }

    record RawMemclear(Heap heap, int adr, int size) implements MemoryInstr {
        @Override
        public void exec(long[] f) {
            heap.rawMemclear(f[adr], f[size]);
        }
    }

    private static long nonNull(long ptr) {
        if (ptr == 0) {
            throw new IllegalStateException("a null pointer has no parts to take the address of");
        }
        return ptr;
    }
}
