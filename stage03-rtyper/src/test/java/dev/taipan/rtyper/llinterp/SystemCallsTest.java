package dev.taipan.rtyper.llinterp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel the syscall operations see: each call answers a word, -errno on failure with
 * Linux's numbers (what rposix.py tests), relative paths in the program's directory,
 * descriptors from 3, and writes to 1 after what print buffered.
 */
class SystemCallsTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private SystemCalls system() {
        return new SystemCalls(dir, new PrintStream(out, false, StandardCharsets.UTF_8),
                new PrintStream(err, false, StandardCharsets.UTF_8), new ByteArrayInputStream("typed".getBytes()));
    }

    @Test
    void filesOpenReadWriteCloseAndUnlinkWithErrnoOnFailure() throws Exception {
        SystemCalls sys = system();
        long fd = sys.open("f.txt", 0x40 | 0x80 | 1, 0600);   // O_CREAT | O_EXCL | O_WRONLY
        assertThat(fd).isEqualTo(3);
        assertThat(sys.open("f.txt", 0x40 | 0x80 | 1, 0600)).isEqualTo(-SystemCalls.EEXIST);
        assertThat(sys.write(fd, "abcdef".getBytes())).isEqualTo(6);
        assertThat(sys.close(fd)).isZero();
        assertThat(sys.close(fd)).isEqualTo(-SystemCalls.EBADF);
        assertThat(sys.write(fd, new byte[1])).isEqualTo(-SystemCalls.EBADF);
        assertThat(Files.readString(dir.resolve("f.txt"))).isEqualTo("abcdef");
        long r = sys.open("f.txt", 0, 0);
        byte[] buf = new byte[4];
        assertThat(sys.read(r, buf, 4)).isEqualTo(4);
        assertThat(sys.read(r, buf, 4)).isEqualTo(2);
        assertThat(new String(buf, 0, 2)).isEqualTo("ef");
        assertThat(sys.read(r, buf, 4)).isZero();
        assertThat(sys.read(99, buf, 4)).isEqualTo(-SystemCalls.EBADF);
        assertThat(sys.open("missing", 0, 0)).isEqualTo(-SystemCalls.ENOENT);
        assertThat(sys.open(".", 1, 0)).isEqualTo(-SystemCalls.EISDIR);
        assertThat(sys.unlink(".")).isEqualTo(-SystemCalls.EISDIR);
        assertThat(sys.unlink("f.txt")).isZero();
        assertThat(sys.unlink("f.txt")).isEqualTo(-SystemCalls.ENOENT);
        sys.closeAll();
        assertThat(sys.read(r, buf, 4)).isEqualTo(-SystemCalls.EBADF);
    }

    @Test
    void theStandardStreamsAreDescriptorsZeroToTwo() {
        SystemCalls sys = system();
        byte[] buf = new byte[10];
        assertThat(sys.read(0, buf, 10)).isEqualTo(5);
        assertThat(sys.write(1, "out".getBytes())).isEqualTo(3);
        assertThat(sys.write(2, "err".getBytes())).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("out");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("err");
        assertThat(sys.close(1)).isZero();
    }

    @Test
    void theClocksAreNanosecondsAndAnUnknownClockIsEinval() {
        SystemCalls sys = system();
        long a = sys.clockGettime(1);
        assertThat(sys.clockGettime(1)).isGreaterThanOrEqualTo(a);
        assertThat(sys.clockGettime(0)).isGreaterThan(1_600_000_000L * 1_000_000_000L);
        assertThat(sys.clockGettime(7)).isEqualTo(-SystemCalls.EINVAL);
    }
}
