package dev.taipan.rtyper.llinterp;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The kernel as the llinterp's {@code syscall_*} operations see it: file descriptors, the
 * program's working directory, its standard streams and the clock. Each method is one Linux
 * system call with its interface kept: words in, a word out, and a failure is {@code -errno}
 * (never a Java exception), so that the RPy helpers of {@code rposix.py} that raise
 * {@code OSError} from it run unchanged when stage 05 emits the real {@code syscall}
 * instruction instead. Descriptors 0, 1 and 2 are the streams the llinterp was given, so that
 * {@code taipan exec --stage=ll} prints where {@code --stage=host} does; the others are files
 * opened here, numbered from 3 as the kernel would.
 *
 * <p>{@code print} is still {@code debug_print}, which writes into the same {@code out}: a
 * write to descriptor 1 flushes what it buffered first, so the two interleave in program
 * order, as CPython's do when its output is a terminal.
 */
public final class SystemCalls {
    private final GcLog gcLog;
    // Linux's errno values and open(2) flags (asm-generic), which the RPy side passes and tests
    static final int EPERM = 1, ENOENT = 2, EIO = 5, EBADF = 9, EACCES = 13, EEXIST = 17, EISDIR = 21, EINVAL = 22,
            ENOTEMPTY = 39;
    private static final int O_ACCMODE = 3, O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0x40, O_EXCL = 0x80,
            O_TRUNC = 0x200, O_APPEND = 0x400;

    private final Path workingDirectory;
    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final Map<Long, FileChannel> files = new HashMap<>();
    private long nextFd = 3;

    /** A process whose relative paths resolve against {@code workingDirectory}, with these standard streams. */
    public SystemCalls(Path workingDirectory, PrintStream out, PrintStream err, InputStream in) {
        this(workingDirectory, out, err, in, null);
    }

    /** With the collectors' log ({@code TAIPANLOG=gc:FILE}), or null for none. */
    public SystemCalls(Path workingDirectory, PrintStream out, PrintStream err, InputStream in, GcLog gcLog) {
        this.workingDirectory = workingDirectory.toAbsolutePath();
        this.out = out;
        this.err = err;
        this.in = in;
        this.gcLog = gcLog;
    }

    /** The collectors' log, or null. */
    GcLog gcLog() {
        return gcLog;
    }

    /** The JVM's own directory and streams, with {@code out} as standard output. */
    public static SystemCalls of(PrintStream out) {
        return new SystemCalls(Path.of(""), out, System.err, System.in);
    }

    long write(long fd, byte[] data) {
        if (fd == 1 || fd == 2) {
            PrintStream s = fd == 1 ? out : err;
            out.flush();          // what print buffered comes first
            s.write(data, 0, data.length);
            s.flush();
            return data.length;
        }
        FileChannel f = files.get(fd);
        if (f == null) {
            return -EBADF;
        }
        try {
            return f.write(ByteBuffer.wrap(data));
        } catch (IOException e) {
            return -EIO;
        }
    }

    /** read(2) of at most {@code count} bytes into {@code buffer}: how many, 0 at the end, or -errno. */
    long read(long fd, byte[] buffer, int count) {
        try {
            if (fd == 0) {
                int n = in.read(buffer, 0, count);
                return Math.max(n, 0);
            }
            FileChannel f = files.get(fd);
            if (f == null) {
                return -EBADF;
            }
            int n = f.read(ByteBuffer.wrap(buffer, 0, count));
            return Math.max(n, 0);
        } catch (IOException e) {
            return -EIO;
        }
    }

    long open(String path, long flags, long mode) {
        Path p = workingDirectory.resolve(path);
        Set<OpenOption> options = new HashSet<>();
        long access = flags & O_ACCMODE;
        if (access == O_RDONLY || access == O_RDWR) {
            options.add(StandardOpenOption.READ);
        }
        if (access == O_WRONLY || access == O_RDWR) {
            options.add(StandardOpenOption.WRITE);
        }
        if ((flags & O_CREAT) != 0) {
            options.add((flags & O_EXCL) != 0 ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
        }
        if ((flags & O_TRUNC) != 0) {
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        if ((flags & O_APPEND) != 0) {
            options.add(StandardOpenOption.APPEND);
        }
        if (Files.isDirectory(p) && access != O_RDONLY) {
            return -EISDIR;
        }
        try {
            FileChannel f = FileChannel.open(p, options);
            long fd = nextFd++;
            files.put(fd, f);
            return fd;
        } catch (IOException e) {
            return -errno(e);
        }
    }

    long close(long fd) {
        FileChannel f = files.remove(fd);
        if (f == null) {
            return fd >= 0 && fd <= 2 ? 0 : -EBADF;
        }
        try {
            f.close();
            return 0;
        } catch (IOException e) {
            return -EIO;
        }
    }

    long unlink(String path) {
        Path p = workingDirectory.resolve(path);
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return -EISDIR;
        }
        try {
            Files.delete(p);
            return 0;
        } catch (IOException e) {
            return -errno(e);
        }
    }

    /** clock_gettime(2) as nanoseconds: clock 0 is the wall clock (since 1970), 1 a monotonic one. */
    long clockGettime(long clock) {
        if (clock == 0) {
            java.time.Instant now = java.time.Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }
        return clock == 1 ? System.nanoTime() : -EINVAL;
    }

    /** Files still open when the program ends are closed, as the kernel closes them at exit. */
    void closeAll() {
        for (FileChannel f : files.values()) {
            try {
                f.close();
            } catch (IOException ignored) {
                // the program is over: nothing is left to tell
            }
        }
        files.clear();
    }

    private static int errno(IOException e) {
        return switch (e) {
            case NoSuchFileException x -> ENOENT;
            case FileAlreadyExistsException x -> EEXIST;
            case AccessDeniedException x -> EACCES;
            case DirectoryNotEmptyException x -> ENOTEMPTY;
            default -> EIO;
        };
    }
}
