package dev.taipan.x86.load;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import dev.taipan.x86.elf.ElfLayout;
import dev.taipan.x86.elf.ProgramSection;
import dev.taipan.x86.gen.Entries;
import dev.taipan.x86.link.LinkedProgram;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * A linked program mapped into this JVM's memory, ready to be entered: what the kernel's ELF
 * loader does for an executable, done with {@code java.lang.foreign}.
 *
 * <ol>
 *   <li><b>Map</b> one anonymous region as long as the program's two segments, anywhere the
 *       kernel likes: the program was linked for {@link ElfLayout#BASE}, and the distance
 *       {@code delta} between the two is all that changes.
 *   <li><b>Copy</b> {@code .text}, {@code .rodata} and {@code .data} to their offsets from the
 *       base ({@code .bss} is already zeros).
 *   <li><b>Relocate</b>: every reference in code is RIP-relative, so it still reaches its target
 *       when the whole image moves; only the words holding an absolute address (a prebuilt
 *       object's pointers, a vtable's function pointers: the linker's {@code R_X86_64_64}s)
 *       get {@code delta} added.
 *   <li><b>Protect</b> the code and read-only data as read+execute, as the executable's first
 *       segment is; the rest stays read+write. Never both writable and executable.
 * </ol>
 *
 * <p>The image keeps the program's global state (its heap, standard output's buffer, the pending
 * exception) from one entry to the next, like a process that is entered more than once: a first
 * {@code main} sets up the collector, later calls of a function find it set up. One thread at a
 * time: the state is the program's, not the thread's. {@link #close} unmaps the image; the
 * memory the program's collector mapped for its heap is not tracked, and stays.
 */
public final class NativeImage implements AutoCloseable {
    private static final FunctionDescriptor ENTER = FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG);

    private final LinkedProgram program;
    private final long base;
    private final long size;
    private final long delta;
    private final MethodHandle enter;
    private boolean closed;

    private NativeImage(LinkedProgram program, long base, long size) {
        this.program = program;
        this.base = base;
        this.size = size;
        this.delta = base - ElfLayout.BASE;
        this.enter = Linker.nativeLinker().downcallHandle(MemorySegment.ofAddress(address(Entries.ENTER)), ENTER);
    }

    /** Maps, copies, relocates and protects {@code program}, as the class comment says. */
    public static NativeImage load(LinkedProgram program) {
        ElfLayout layout = program.layout();
        ElfLayout.Placement bss = layout.placement(ProgramSection.BSS);
        long size = alignUp(bss.endAddress() - ElfLayout.BASE, ElfLayout.PAGE);
        long base = Libc.mapAnonymous(size);
        MemorySegment memory = MemorySegment.ofAddress(base).reinterpret(size);
        for (ProgramSection s : ProgramSection.values()) {
            if (s.inFile()) {
                byte[] bytes = bytes(program, s);
                MemorySegment.copy(MemorySegment.ofArray(bytes), 0, memory,
                        layout.placement(s).address() - ElfLayout.BASE, bytes.length);
            }
        }
        long delta = base - ElfLayout.BASE;
        for (long word : program.absoluteWords()) {
            long at = word - ElfLayout.BASE;
            memory.set(JAVA_LONG_UNALIGNED, at, memory.get(JAVA_LONG_UNALIGNED, at) + delta);
        }
        long writable = layout.placement(ProgramSection.DATA).address() - ElfLayout.BASE;
        Libc.protect(base, writable, Libc.PROT_READ | Libc.PROT_EXEC);
        return new NativeImage(program, base, size);
    }

    private static byte[] bytes(LinkedProgram program, ProgramSection s) {
        return switch (s) {
            case TEXT -> program.contents().text();
            case RODATA -> program.contents().rodata();
            case DATA -> program.contents().data();
            case BSS -> new byte[0];
        };
    }

    /** Where {@code symbol} is in this image. */
    public long address(String symbol) {
        return program.address(symbol) + delta;
    }

    /** Whether the program defines {@code symbol}. */
    public boolean defines(String symbol) {
        return program.addresses().containsKey(symbol);
    }

    /** The 8-byte word at {@code symbol + offset}: how Java reads the program's globals. */
    public MemorySegment word(String symbol, long offset) {
        checkOpen();
        return MemorySegment.ofAddress(address(symbol) + offset).reinterpret(8);
    }

    /**
     * Calls the function at {@code function} through {@code rt_enter}, its arguments and results in
     * {@code block} ({@link Entries#BLOCK_WORDS} words, then {@link Entries#BLOCK_DOUBLES}
     * doubles), the stack allowed to grow {@code budget} bytes. Returns 0 when the function
     * returned, {@code 256 + status} when the program exited.
     */
    public int enter(long function, MemorySegment block, long budget) {
        checkOpen();
        if (block.byteSize() < 8L * (Entries.BLOCK_WORDS + Entries.BLOCK_DOUBLES)) {
            throw new IllegalArgumentException("the block needs room for six words and eight doubles");
        }
        try {
            return (int) (long) enter.invokeExact(function, block, budget);
        } catch (Throwable t) {
            throw new LoadException("rt_enter failed: " + t);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the image is closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Libc.unmap(base, size);
        }
    }

    private static long alignUp(long n, long alignment) {
        return (n + alignment - 1) & -alignment;
    }
}
