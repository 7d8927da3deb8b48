package dev.taipan.rtyper.llinterp;

import dev.taipan.rtyper.memory.Heap;
import dev.taipan.rtyper.memory.HeapStrings;

/**
 * The {@code syscall_*} operations: each reads its words (and the chars of the strings it is
 * given) from the frame and the heap, makes its call on {@link SystemCalls}, and writes the
 * result word, {@code -errno} on failure. A buffer is the chars of an {@code rpy_string}, read
 * or written through the heap, so that the checked heap validates them as any other access.
 */
sealed interface SyscallInstr extends Instr {

    /** {@code syscall_write(fd, s, start, count)}: writes {@code s.chars[start:start+count]}. */
    record Write(SystemCalls system, Heap heap, int fd, int s, int start, int count, int result) implements SyscallInstr {
        @Override
        public void exec(long[] f) {
            byte[] data = HeapStrings.readBytes(heap, f[s], f[start], (int) f[count]);
            f[result] = system.write(f[fd], data);
        }
    }

    /** {@code syscall_read(fd, buf, count)}: reads at most {@code count} bytes into the first chars of {@code buf}. */
    record Read(SystemCalls system, Heap heap, int fd, int buf, int count, int result) implements SyscallInstr {
        @Override
        public void exec(long[] f) {
            byte[] data = new byte[(int) f[count]];
            long n = system.read(f[fd], data, data.length);
            if (n > 0) {
                HeapStrings.writeBytes(heap, f[buf], data, (int) n);
            }
            f[result] = n;
        }
    }

    /** {@code syscall_open(path, flags, mode)}. */
    record Open(SystemCalls system, Heap heap, int path, int flags, int mode, int result) implements SyscallInstr {
        @Override
        public void exec(long[] f) {
            f[result] = system.open(HeapStrings.read(heap, f[path]), f[flags], f[mode]);
        }
    }

    /** {@code syscall_close(fd)}. */
    record Close(SystemCalls system, int fd, int result) implements SyscallInstr {
        @Override
        public void exec(long[] f) {
            f[result] = system.close(f[fd]);
        }
    }

    /** {@code syscall_unlink(path)}. */
    record Unlink(SystemCalls system, Heap heap, int path, int result) implements SyscallInstr {
        @Override
        public void exec(long[] f) {
            f[result] = system.unlink(HeapStrings.read(heap, f[path]));
        }
    }

    /** {@code syscall_clock_gettime(clock)}: nanoseconds. */
    record ClockGettime(SystemCalls system, int clock, int result) implements SyscallInstr {
        @Override
        public void exec(long[] f) {
            f[result] = system.clockGettime(f[clock]);
        }
    }
}
