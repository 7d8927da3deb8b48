/**
 * Stage 04: the garbage collectors, PyPy's {@code rpython/memory/}. Addresses ({@code llmemory}),
 * the type information the collectors read, the GC transformer that makes low-level graphs
 * allocate through a collector and keep their roots where it finds them, and the collectors
 * themselves, written in RPy and translated with the program. See the module's README.
 */
package dev.taipan.gc;
