package dev.taipan.x86.load;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The few C library functions the loader needs, as {@code java.lang.foreign} downcalls: the
 * JVM already has libc loaded, so no JNI and no C of our own. Each throws a
 * {@link LoadException} naming the call when it fails.
 */
final class Libc {
    static final int PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4;
    private static final int MAP_PRIVATE = 0x02, MAP_ANONYMOUS = 0x20;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle MMAP = downcall("mmap",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle MPROTECT = downcall("mprotect",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT));
    private static final MethodHandle MUNMAP = downcall("munmap", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle PIPE = downcall("pipe", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle READ = downcall("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle WRITE = downcall("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle CLOSE = downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));

    private Libc() {
    }

    private static MethodHandle downcall(String name, FunctionDescriptor descriptor) {
        MemorySegment f = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new LoadException("the C library has no " + name));
        return LINKER.downcallHandle(f, descriptor);
    }

    /** {@code size} bytes of fresh zeroed memory, readable and writable, at an address the kernel chooses. */
    static long mapAnonymous(long size) {
        long at = (long) invoke(MMAP, 0L, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0L);
        if (at == -1) {
            throw new LoadException("mmap of " + size + " bytes failed");
        }
        return at;
    }

    static void protect(long address, long size, int protection) {
        if ((int) invoke(MPROTECT, address, size, protection) != 0) {
            throw new LoadException("mprotect(0x" + Long.toHexString(address) + ", " + size + ") failed");
        }
    }

    static void unmap(long address, long size) {
        invoke(MUNMAP, address, size);
    }

    /** A new pipe: its read end, then its write end. */
    static int[] pipe() {
        try (var arena = java.lang.foreign.Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(JAVA_INT, 2);
            if ((int) invoke(PIPE, fds) != 0) {
                throw new LoadException("pipe() failed");
            }
            return new int[] {fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1)};
        }
    }

    /** {@code read(2)}: the bytes read, 0 at the end, negative on an error. */
    static long read(int fd, MemorySegment buffer) {
        return (long) invoke(READ, fd, buffer, buffer.byteSize());
    }

    /** {@code write(2)} until all is written; false if the reader is gone. */
    static boolean writeAll(int fd, MemorySegment bytes) {
        long done = 0;
        while (done < bytes.byteSize()) {
            long n = (long) invoke(WRITE, fd, bytes.asSlice(done), bytes.byteSize() - done);
            if (n <= 0) {
                return false;
            }
            done += n;
        }
        return true;
    }

    static void close(int fd) {
        invoke(CLOSE, fd);
    }

    private static Object invoke(MethodHandle h, Object... args) {
        try {
            return h.invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new LoadException("native call failed: " + t);
        }
    }
}
