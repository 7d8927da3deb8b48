package dev.taipan.flowgraph.host;

import static dev.taipan.flowgraph.host.SysModule.put;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code os} module, at the level of PyPy's examples: file descriptors ({@code open},
 * {@code read}, {@code write}, {@code close}) where 0, 1 and 2 are the interpreter's standard
 * streams, the {@code O_*} flags, and the environment.
 */
final class OsModule {
    private OsModule() {}

    static final int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0x40, O_EXCL = 0x80, O_TRUNC = 0x200,
            O_APPEND = 0x400;

    static PyModule create(Interp in) {
        PyDict d = new PyDict();
        PyModule m = new PyModule("os", d);
        Map<Integer, FileChannel> fds = new HashMap<>();
        int[] nextFd = {3};
        d.putStr("O_RDONLY", PyInt.of(O_RDONLY));
        d.putStr("O_WRONLY", PyInt.of(O_WRONLY));
        d.putStr("O_RDWR", PyInt.of(O_RDWR));
        d.putStr("O_CREAT", PyInt.of(O_CREAT));
        d.putStr("O_EXCL", PyInt.of(O_EXCL));
        d.putStr("O_TRUNC", PyInt.of(O_TRUNC));
        d.putStr("O_APPEND", PyInt.of(O_APPEND));
        d.putStr("sep", PyStr.of("/"));
        d.putStr("linesep", PyStr.of("\n"));
        d.putStr("name", PyStr.of("posix"));
        PyDict environ = new PyDict();
        System.getenv().forEach((key, v) -> environ.putStr(key, PyStr.of(v)));
        d.putStr("environ", environ);
        put(d, "getenv", (a, k) -> {
            BArgs.count("getenv", a, k, 1, 2);
            PyObject v = environ.get(a[0]);
            return v != null ? v : a.length > 1 ? a[1] : PySingleton.NONE;
        });
        put(d, "getcwd", (a, k) -> PyStr.of(in.workingDirectory.toString()));
        put(d, "getpid", (a, k) -> PyInt.of(ProcessHandle.current().pid()));
        put(d, "write", (a, k) -> {
            BArgs.count("write", a, k, 2, 2);
            int fd = Ops.asInt(a[0]);
            byte[] data = a[1] instanceof PyStr s ? s.value.getBytes(StandardCharsets.UTF_8) : TypeMethods.toBytes(a[1]);
            if (fd == 1 || fd == 2) {
                java.io.PrintStream ps = fd == 1 ? in.out : in.err;
                ps.write(data, 0, data.length);
                ps.flush();
                return PyInt.of(data.length);
            }
            FileChannel ch = channel(fds, fd);
            try {
                return PyInt.of(ch.write(ByteBuffer.wrap(data)));
            } catch (IOException e) {
                throw PyErrors.osError(Types.OS_ERROR, 5, "Input/output error", "");
            }
        });
        put(d, "read", (a, k) -> {
            BArgs.count("read", a, k, 2, 2);
            int fd = Ops.asInt(a[0]);
            int n = Ops.asInt(a[1]);
            try {
                if (fd == 0) {
                    byte[] buf = new byte[n];
                    int r = in.in.read(buf);
                    return new PyBytes(r <= 0 ? new byte[0] : java.util.Arrays.copyOf(buf, r));
                }
                FileChannel ch = channel(fds, fd);
                ByteBuffer buf = ByteBuffer.allocate(n);
                int r = ch.read(buf);
                return new PyBytes(r <= 0 ? new byte[0] : java.util.Arrays.copyOf(buf.array(), r));
            } catch (IOException e) {
                throw PyErrors.osError(Types.OS_ERROR, 5, "Input/output error", "");
            }
        });
        put(d, "open", (a, k) -> {
            PyObject[] p = BArgs.parse("open", a, k, 2, "path", "flags", "mode");
            String name = BArgs.str("open", p[0]);
            int flags = Ops.asInt(p[1]);
            Path path = in.resolve(name);
            Set<OpenOption> opts = new HashSet<>();
            int acc = flags & 3;
            if (acc == O_RDONLY || acc == O_RDWR) {
                opts.add(StandardOpenOption.READ);
            }
            if (acc == O_WRONLY || acc == O_RDWR) {
                opts.add(StandardOpenOption.WRITE);
            }
            if ((flags & O_CREAT) != 0) {
                opts.add((flags & O_EXCL) != 0 ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
            }
            if ((flags & O_TRUNC) != 0) {
                opts.add(StandardOpenOption.TRUNCATE_EXISTING);
            }
            if ((flags & O_APPEND) != 0) {
                opts.add(StandardOpenOption.APPEND);
            }
            try {
                if (java.nio.file.Files.isDirectory(path) && acc != O_RDONLY) {
                    throw PyErrors.osError(Types.IS_A_DIRECTORY_ERROR, 21, "Is a directory", name);
                }
                FileChannel ch = FileChannel.open(path, opts);
                int fd = nextFd[0]++;
                fds.put(fd, ch);
                return PyInt.of(fd);
            } catch (NoSuchFileException e) {
                throw PyErrors.osError(Types.FILE_NOT_FOUND_ERROR, 2, "No such file or directory", name);
            } catch (FileAlreadyExistsException e) {
                throw PyErrors.osError(Types.FILE_EXISTS_ERROR, 17, "File exists", name);
            } catch (AccessDeniedException e) {
                throw PyErrors.osError(Types.PERMISSION_ERROR, 13, "Permission denied", name);
            } catch (IOException e) {
                throw PyErrors.osError(Types.OS_ERROR, 5, "Input/output error", name);
            }
        });
        put(d, "close", (a, k) -> {
            BArgs.count("close", a, k, 1, 1);
            int fd = Ops.asInt(a[0]);
            FileChannel ch = fds.remove(fd);
            if (ch == null) {
                if (fd >= 0 && fd <= 2) {
                    return PySingleton.NONE;
                }
                throw PyErrors.osError(Types.OS_ERROR, 9, "Bad file descriptor", "");
            }
            try {
                ch.close();
            } catch (IOException e) {
                throw PyErrors.osError(Types.OS_ERROR, 5, "Input/output error", "");
            }
            return PySingleton.NONE;
        });
        for (String name : new String[] {"unlink", "remove"}) {
            put(d, name, (a, k) -> {
                BArgs.count(name, a, k, 1, 1);
                String path = BArgs.str(name, a[0]);
                Path p = in.resolve(path);
                if (java.nio.file.Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    throw PyErrors.osError(Types.IS_A_DIRECTORY_ERROR, 21, "Is a directory", path);
                }
                try {
                    java.nio.file.Files.delete(p);
                } catch (NoSuchFileException e) {
                    throw PyErrors.osError(Types.FILE_NOT_FOUND_ERROR, 2, "No such file or directory", path);
                } catch (IOException e) {
                    throw PyErrors.osError(Types.OS_ERROR, 5, "Input/output error", path);
                }
                return PySingleton.NONE;
            });
        }
        put(d, "listdir", (a, k) -> {
            Path p = in.resolve(a.length == 0 ? "." : Ops.str(a[0]));
            try (var s = java.nio.file.Files.list(p)) {
                java.util.List<PyObject> names = new java.util.ArrayList<>();
                s.forEach(x -> names.add(PyStr.of(x.getFileName().toString())));
                return new PyList(names);
            } catch (IOException e) {
                throw PyErrors.osError(Types.FILE_NOT_FOUND_ERROR, 2, "No such file or directory", p.toString());
            }
        });
        return m;
    }

    private static FileChannel channel(Map<Integer, FileChannel> fds, int fd) {
        FileChannel ch = fds.get(fd);
        if (ch == null) {
            throw PyErrors.osError(Types.OS_ERROR, 9, "Bad file descriptor", "");
        }
        return ch;
    }
}
