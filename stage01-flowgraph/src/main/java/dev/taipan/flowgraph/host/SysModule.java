package dev.taipan.flowgraph.host;

import java.util.ArrayList;
import java.util.List;

/** The {@code sys} module: argv, exit, the standard streams, limits, {@code _getframe}. */
final class SysModule {
    private SysModule() {}

    static PyModule create(Interp in) {
        PyDict d = new PyDict();
        PyModule m = new PyModule("sys", d);
        d.putStr("argv", new PyList());
        d.putStr("path", new PyList());
        d.putStr("modules", in.modules);
        d.putStr("stdout", new PyStream("<stdout>", in.out));
        d.putStr("stderr", new PyStream("<stderr>", in.err));
        d.putStr("stdin", in.stdin);
        d.putStr("__stdout__", d.getStr("stdout"));
        d.putStr("__stderr__", d.getStr("stderr"));
        d.putStr("maxsize", PyInt.of(Long.MAX_VALUE));
        d.putStr("maxunicode", PyInt.of(0x10ffff));
        d.putStr("byteorder", PyStr.of("little"));
        d.putStr("platform", PyStr.of("linux"));
        d.putStr("executable", PyStr.of("taipan"));
        d.putStr("version", PyStr.of("3.11.0 (Taipan host interpreter)"));
        d.putStr("version_info", new PyTuple(PyInt.of(3), PyInt.of(11), PyInt.of(0), PyStr.of("final"), PyInt.of(0)));
        d.putStr("implementation", PyStr.of("taipan"));
        d.putStr("dont_write_bytecode", PyBool.TRUE);
        put(d, "exit", (a, k) -> {
            BArgs.count("exit", a, k, 0, 1);
            throw new PyException(new PyBaseException(Types.SYSTEM_EXIT, a.length == 0 ? PyTuple.EMPTY : new PyTuple(a[0])));
        });
        put(d, "getrecursionlimit", (a, k) -> PyInt.of(in.recursionLimit));
        put(d, "setrecursionlimit", (a, k) -> {
            BArgs.count("setrecursionlimit", a, k, 1, 1);
            long n = Ops.index(a[0]);
            if (n < 1) {
                throw PyErrors.valueError("recursion limit must be greater or equal than 1");
            }
            in.recursionLimit = (int) Math.min(n, 100_000);
            return PySingleton.NONE;
        });
        put(d, "_getframe", (a, k) -> {
            BArgs.count("_getframe", a, k, 0, 1);
            long depth = a.length == 0 ? 0 : Ops.index(a[0]);
            Frame f = in.current;
            for (long i = 0; i < depth && f != null; i++) {
                f = f.back;
            }
            if (f == null) {
                throw PyErrors.valueError("call stack is not deep enough");
            }
            return new PyFrameObject(f);
        });
        put(d, "exc_info", (a, k) -> {
            PyBaseException e = in.handled;
            return e == null ? new PyTuple(PySingleton.NONE, PySingleton.NONE, PySingleton.NONE)
                    : new PyTuple(e.type(), e, PySingleton.NONE);
        });
        put(d, "intern", (a, k) -> a[0]);
        put(d, "getsizeof", (a, k) -> PyInt.of(64));
        return m;
    }

    static void put(PyDict d, String name, PyBuiltinFunction.Body body) {
        d.putStr(name, new PyBuiltinFunction(name, false, body));
    }

    static void setArgv(PyModule sys, List<String> argv) {
        List<PyObject> items = new ArrayList<>();
        for (String s : argv) {
            items.add(PyStr.of(s));
        }
        sys.dict.putStr("argv", new PyList(items));
    }
}
