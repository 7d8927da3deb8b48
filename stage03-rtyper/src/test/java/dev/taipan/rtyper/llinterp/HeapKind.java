package dev.taipan.rtyper.llinterp;

import dev.taipan.rtyper.memory.Heap;

/** The two heaps a test runs a program in: a correct program behaves the same in both. */
enum HeapKind {
    FAST, CHECKED;

    Heap open() {
        return this == FAST ? Heap.fast() : Heap.checked();
    }
}
