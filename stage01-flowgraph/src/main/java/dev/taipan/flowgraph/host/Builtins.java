package dev.taipan.flowgraph.host;

import dev.taipan.flowgraph.bytecode.Code;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code builtins} module: the built-in functions, the built-in types under their names,
 * the exception classes, and {@code __build_class__}. Functions that need the interpreter
 * (print, input, open, globals, super...) close over it; the types are shared.
 */
final class Builtins {
    private Builtins() {}

    static PyBuiltinFunction fn(String name, PyBuiltinFunction.Body body) {
        return new PyBuiltinFunction(name, false, body);
    }

    static void fill(Interp in, PyDict b) {
        b.putStr("__name__", PyStr.of("builtins"));
        b.putStr("None", PySingleton.NONE);
        b.putStr("NotImplemented", PySingleton.NOT_IMPLEMENTED);
        b.putStr("Ellipsis", PySingleton.ELLIPSIS);
        b.putStr("True", PyBool.TRUE);
        b.putStr("False", PyBool.FALSE);
        for (PyType t : new PyType[] {Types.OBJECT, Types.TYPE, Types.INT, Types.BOOL, Types.FLOAT, Types.STR,
            Types.BYTES, Types.TUPLE, Types.LIST, Types.DICT, Types.SET, Types.FROZENSET, Types.RANGE, Types.SLICE,
            Types.PROPERTY, Types.STATICMETHOD, Types.CLASSMETHOD, Types.SUPER, Types.ENUMERATE, Types.ZIP,
            Types.MAP, Types.FILTER, Types.REVERSED}) {
            b.putStr(t.name(), t);
        }
        for (PyType t : Types.EXCEPTIONS) {
            b.putStr(t.name(), t);
        }
        b.putStr("IOError", Types.OS_ERROR);
        b.putStr("EnvironmentError", Types.OS_ERROR);

        put(b, fn("__build_class__", (a, k) -> buildClass(in, a, k)));
        put(b, fn("print", (a, k) -> print(in, a, k)));
        put(b, fn("len", (a, k) -> {
            BArgs.count("len", a, k, 1, 1);
            return PyInt.of(Ops.len(a[0]));
        }));
        put(b, fn("repr", (a, k) -> {
            BArgs.count("repr", a, k, 1, 1);
            return PyStr.of(Ops.repr(a[0]));
        }));
        put(b, fn("ascii", (a, k) -> {
            BArgs.count("ascii", a, k, 1, 1);
            return PyStr.of(Ops.ascii(a[0]));
        }));
        put(b, fn("format", (a, k) -> {
            BArgs.count("format", a, k, 1, 2);
            return PyStr.of(Ops.format(a[0], a.length > 1 ? BArgs.str("format", a[1]) : ""));
        }));
        put(b, fn("abs", (a, k) -> {
            BArgs.count("abs", a, k, 1, 1);
            return abs(a[0]);
        }));
        put(b, fn("min", (a, k) -> minMax("min", a, k, true)));
        put(b, fn("max", (a, k) -> minMax("max", a, k, false)));
        put(b, fn("sum", (a, k) -> {
            PyObject[] p = BArgs.parse("sum", a, k, 1, "iterable", "start");
            PyObject acc = p[1] == null ? PyInt.of(0) : p[1];
            if (acc instanceof PyStr) {
                throw PyErrors.typeError("sum() can't sum strings [use ''.join(seq) instead]");
            }
            PyObject it = Ops.iter(p[0]);
            PyObject v;
            while ((v = Ops.next(it)) != null) {
                PyObject r = null;
                if (acc.getClass() == PyInt.class && v.getClass() == PyInt.class && ((PyInt) acc).big == null
                        && ((PyInt) v).big == null) {
                    r = Arith.longOp(Arith.ADD, ((PyInt) acc).value, ((PyInt) v).value);
                }
                acc = r != null ? r : Ops.binary(Arith.ADD, acc, v);
            }
            return acc;
        }));
        put(b, fn("sorted", (a, k) -> {
            if (a.length - (k == null ? 0 : k.length) != 1) {
                throw PyErrors.typeError("sorted expected 1 argument, got " + (a.length - (k == null ? 0 : k.length)));
            }
            PyObject[] p = BArgs.parse("sorted", a, k, 1, "iterable", "key", "reverse");
            PyList l = new PyList(Ops.toList(p[0]));
            TypeMethods.sortList(l, p[1], p[2] != null && Ops.index(p[2]) != 0);
            return l;
        }));
        put(b, fn("any", (a, k) -> {
            BArgs.count("any", a, k, 1, 1);
            PyObject it = Ops.iter(a[0]);
            PyObject v;
            while ((v = Ops.next(it)) != null) {
                if (Ops.truthy(v)) {
                    return PyBool.TRUE;
                }
            }
            return PyBool.FALSE;
        }));
        put(b, fn("all", (a, k) -> {
            BArgs.count("all", a, k, 1, 1);
            PyObject it = Ops.iter(a[0]);
            PyObject v;
            while ((v = Ops.next(it)) != null) {
                if (!Ops.truthy(v)) {
                    return PyBool.FALSE;
                }
            }
            return PyBool.TRUE;
        }));
        put(b, fn("isinstance", (a, k) -> {
            BArgs.count("isinstance", a, k, 2, 2);
            return PyBool.of(Ops.isinstance(a[0], a[1]));
        }));
        put(b, fn("issubclass", (a, k) -> {
            BArgs.count("issubclass", a, k, 2, 2);
            return PyBool.of(Ops.issubclass(a[0], a[1]));
        }));
        put(b, fn("id", (a, k) -> {
            BArgs.count("id", a, k, 1, 1);
            return PyInt.of(Ops.id(a[0]));
        }));
        put(b, fn("hash", (a, k) -> {
            BArgs.count("hash", a, k, 1, 1);
            return PyInt.of(Ops.hash(a[0]));
        }));
        put(b, fn("ord", (a, k) -> {
            BArgs.count("ord", a, k, 1, 1);
            if (a[0] instanceof PyStr s) {
                if (s.value.length() != 1) {
                    throw PyErrors.typeError("ord() expected a character, but string of length " + s.value.length()
                            + " found");
                }
                return PyInt.of(s.value.charAt(0));
            }
            if (a[0] instanceof PyBytes by && by.value.length == 1) {
                return PyInt.of(by.value[0] & 0xff);
            }
            throw PyErrors.typeError("ord() expected string of length 1, but " + Ops.typeName(a[0]) + " found");
        }));
        put(b, fn("chr", (a, k) -> {
            BArgs.count("chr", a, k, 1, 1);
            long c = Ops.index(a[0]);
            if (c < 0 || c > 0x10ffff) {
                throw PyErrors.valueError("chr() arg not in range(0x110000)");
            }
            return PyStr.of(new String(Character.toChars((int) c)));
        }));
        put(b, fn("hex", (a, k) -> radix("hex", a, k, 16, "0x")));
        put(b, fn("oct", (a, k) -> radix("oct", a, k, 8, "0o")));
        put(b, fn("bin", (a, k) -> radix("bin", a, k, 2, "0b")));
        put(b, fn("round", (a, k) -> {
            PyObject[] p = BArgs.parse("round", a, k, 1, "number", "ndigits");
            return round(p[0], p[1]);
        }));
        put(b, fn("divmod", (a, k) -> {
            BArgs.count("divmod", a, k, 2, 2);
            if ((a[0] instanceof PyFloat || a[1] instanceof PyFloat) && (a[0] instanceof PyInt || a[0] instanceof PyFloat)
                    && (a[1] instanceof PyInt || a[1] instanceof PyFloat) && Arith.toDouble(a[1]) == 0) {
                throw PyErrors.zeroDivision("float divmod()");
            }
            return new PyTuple(Ops.binary(Arith.FLOORDIV, a[0], a[1]), Ops.binary(Arith.MOD, a[0], a[1]));
        }));
        put(b, fn("pow", (a, k) -> {
            PyObject[] p = BArgs.parse("pow", a, k, 2, "base", "exp", "mod");
            if (p[2] != null && p[2] != PySingleton.NONE) {
                if (!(p[0] instanceof PyInt x) || !(p[1] instanceof PyInt y) || !(p[2] instanceof PyInt m)) {
                    throw PyErrors.typeError("pow() 3rd argument not allowed unless all arguments are integers");
                }
                return Arith.powMod(x, y, m);
            }
            return Ops.binary(Arith.POW, p[0], p[1]);
        }));
        put(b, fn("getattr", (a, k) -> {
            BArgs.count("getattr", a, k, 2, 3);
            String name = attrName("getattr", a[1]);
            if (a.length == 3) {
                try {
                    PyObject v = Attr.getOrNull(a[0], name);
                    return v == null ? a[2] : v;
                } catch (PyException e) {
                    if (e.matches(Types.ATTRIBUTE_ERROR)) {
                        return a[2];
                    }
                    throw e;
                }
            }
            return Attr.get(a[0], name);
        }));
        put(b, fn("setattr", (a, k) -> {
            BArgs.count("setattr", a, k, 3, 3);
            Attr.set(a[0], attrName("setattr", a[1]), a[2]);
            return PySingleton.NONE;
        }));
        put(b, fn("delattr", (a, k) -> {
            BArgs.count("delattr", a, k, 2, 2);
            Attr.delete(a[0], attrName("delattr", a[1]));
            return PySingleton.NONE;
        }));
        put(b, fn("hasattr", (a, k) -> {
            BArgs.count("hasattr", a, k, 2, 2);
            try {
                return PyBool.of(Attr.getOrNull(a[0], attrName("hasattr", a[1])) != null);
            } catch (PyException e) {
                if (e.matches(Types.ATTRIBUTE_ERROR)) {
                    return PyBool.FALSE;
                }
                throw e;
            }
        }));
        put(b, fn("callable", (a, k) -> {
            BArgs.count("callable", a, k, 1, 1);
            PyObject o = a[0];
            boolean c = o instanceof PyFunction || o instanceof PyBuiltinFunction || o instanceof PyMethod
                    || o instanceof PyType || o instanceof PyStaticMethod
                    || !o.type().isBuiltin() && o.type().lookup("__call__") != null;
            return PyBool.of(c);
        }));
        put(b, fn("iter", (a, k) -> {
            BArgs.count("iter", a, k, 1, 2);
            if (a.length == 2) {
                PyObject callable = a[0];
                PyObject sentinel = a[1];
                return new PyIterator(Types.CALLABLE_ITERATOR, () -> {
                    PyObject v = callable.call(new PyObject[0], null);
                    return Ops.eqBool(v, sentinel) ? null : v;
                });
            }
            return Ops.iter(a[0]);
        }));
        put(b, fn("next", (a, k) -> {
            BArgs.count("next", a, k, 1, 2);
            PyObject it = a[0];
            if (!(it instanceof PyIterator || it instanceof PyGenerator) && it.type().lookup("__next__") == null) {
                throw PyErrors.typeError("'" + Ops.typeName(it) + "' object is not an iterator");
            }
            if (it instanceof PyGenerator g) {
                PyObject v = g.next();
                if (v == null) {
                    if (a.length == 2) {
                        return a[1];
                    }
                    throw PyErrors.of(Types.STOP_ITERATION, new PyObject[0]);
                }
                return v;
            }
            if (!(it instanceof PyIterator)) {
                if (a.length == 2) {
                    PyObject v = Ops.next(it);
                    return v == null ? a[1] : v;
                }
                return it.type().lookup("__next__").call(new PyObject[] {it}, null);
            }
            PyObject v = Ops.next(it);
            if (v == null) {
                if (a.length == 2) {
                    return a[1];
                }
                throw PyErrors.of(Types.STOP_ITERATION, new PyObject[0]);
            }
            return v;
        }));
        put(b, fn("vars", (a, k) -> {
            BArgs.count("vars", a, k, 0, 1);
            if (a.length == 0) {
                return in.current.localsDict();
            }
            PyObject d = Attr.getOrNull(a[0], "__dict__");
            if (d == null) {
                throw PyErrors.typeError("vars() argument must have __dict__ attribute");
            }
            return d;
        }));
        put(b, fn("globals", (a, k) -> {
            BArgs.count("globals", a, k, 0, 0);
            return in.current.globals;
        }));
        put(b, fn("locals", (a, k) -> {
            BArgs.count("locals", a, k, 0, 0);
            return in.current.localsDict();
        }));
        put(b, fn("dir", (a, k) -> {
            BArgs.count("dir", a, k, 0, 1);
            java.util.TreeSet<String> names = new java.util.TreeSet<>();
            if (a.length == 0) {
                in.current.localsDict().map.keySet().forEach(x -> names.add(x.toString()));
            } else {
                PyObject o = a[0];
                if (o.dict() != null) {
                    o.dict().map.keySet().forEach(x -> names.add(x.toString()));
                }
                PyType t = o instanceof PyType ty ? ty : o.type();
                for (PyType c : t.mroArray()) {
                    names.addAll(c.dict.keySet());
                }
            }
            List<PyObject> out = new ArrayList<>();
            names.forEach(n -> out.add(PyStr.of(n)));
            return new PyList(out);
        }));
        put(b, fn("input", (a, k) -> {
            BArgs.count("input", a, k, 0, 1);
            if (a.length == 1) {
                in.writeStdout(Ops.str(a[0]));
                in.out.flush();
            }
            return PyStr.of(readLine(in));
        }));
        put(b, fn("open", (a, k) -> open(in, a, k)));
        put(b, fn("exec", (a, k) -> {
            PyObject[] p = BArgs.parse("exec", a, k, 1, "source", "globals", "locals");
            return runSource(in, "exec", p[0], p[1], p[2], false);
        }));
        put(b, fn("eval", (a, k) -> {
            PyObject[] p = BArgs.parse("eval", a, k, 1, "source", "globals", "locals");
            return runSource(in, "eval", p[0], p[1], p[2], true);
        }));
        put(b, fn("compile", (a, k) -> {
            PyObject[] p = BArgs.parse("compile", a, k, 3, "source", "filename", "mode", "flags", "dont_inherit");
            String mode = BArgs.str("compile", p[2]);
            return compileSource(BArgs.str("compile", p[0]), BArgs.str("compile", p[1]), mode.equals("eval"));
        }));
        put(b, fn("exit", (a, k) -> {
            throw new PyException(new PyBaseException(Types.SYSTEM_EXIT, new PyTuple(a)));
        }));
        reorder(b);
    }

    /**
     * CPython 3.11's order of the builtins dict (functions, then constants and types, then
     * exceptions), which decides between equally close Did-you-mean suggestions.
     */
    private static final List<String> CPYTHON_ORDER = List.of(
        "__name__", "__doc__", "__package__", "__loader__", "__spec__", "__build_class__", "__import__",
        "abs", "all", "any", "ascii", "bin", "breakpoint", "callable", "chr", "compile", "delattr", "dir",
        "divmod", "eval", "exec", "format", "getattr", "globals", "hasattr", "hash", "hex", "id", "input",
        "isinstance", "issubclass", "iter", "aiter", "len", "locals", "max", "min", "next", "anext", "oct",
        "ord", "pow", "print", "repr", "round", "setattr", "sorted", "sum", "vars", "None", "Ellipsis",
        "NotImplemented", "False", "True", "bool", "memoryview", "bytearray", "bytes", "classmethod",
        "complex", "dict", "enumerate", "filter", "float", "frozenset", "property", "int", "list", "map",
        "object", "range", "reversed", "set", "slice", "staticmethod", "str", "super", "tuple", "type",
        "zip", "__debug__", "BaseException", "BaseExceptionGroup", "Exception", "GeneratorExit",
        "KeyboardInterrupt", "SystemExit", "ArithmeticError", "AssertionError", "AttributeError",
        "BufferError", "EOFError", "ImportError", "LookupError", "MemoryError", "NameError", "OSError",
        "ReferenceError", "RuntimeError", "StopAsyncIteration", "StopIteration", "SyntaxError",
        "SystemError", "TypeError", "ValueError", "Warning", "FloatingPointError", "OverflowError",
        "ZeroDivisionError", "BytesWarning", "DeprecationWarning", "EncodingWarning", "FutureWarning",
        "ImportWarning", "PendingDeprecationWarning", "ResourceWarning", "RuntimeWarning", "SyntaxWarning",
        "UnicodeWarning", "UserWarning", "BlockingIOError", "ChildProcessError", "ConnectionError",
        "FileExistsError", "FileNotFoundError", "InterruptedError", "IsADirectoryError",
        "NotADirectoryError", "PermissionError", "ProcessLookupError", "TimeoutError", "IndentationError",
        "IndexError", "KeyError", "ModuleNotFoundError", "NotImplementedError", "RecursionError",
        "UnboundLocalError", "UnicodeError", "BrokenPipeError", "ConnectionAbortedError",
        "ConnectionRefusedError", "ConnectionResetError", "TabError", "UnicodeDecodeError",
        "UnicodeEncodeError", "UnicodeTranslateError", "ExceptionGroup", "EnvironmentError", "IOError",
        "open", "quit", "exit", "copyright", "credits", "license", "help");

    /** Reorders the builtins dict as CPython's; names CPython lacks stay at the end. */
    static void reorder(PyDict b) {
        java.util.LinkedHashMap<Object, PyObject> old = new java.util.LinkedHashMap<>(b.map);
        b.map.clear();
        for (String n : CPYTHON_ORDER) {
            PyObject v = old.remove(n);
            if (v != null) {
                b.map.put(n, v);
            }
        }
        b.map.putAll(old);
    }

    private static void put(PyDict b, PyBuiltinFunction f) {
        b.putStr(f.name, f);
    }

    private static String attrName(String fname, PyObject o) {
        if (o instanceof PyStr s) {
            return s.value;
        }
        throw PyErrors.typeError(fname.equals("getattr") || fname.equals("hasattr") || fname.equals("setattr")
                || fname.equals("delattr") ? "attribute name must be string, not '" + Ops.typeName(o) + "'"
                : fname + "(): attribute name must be string");
    }

    static PyObject abs(PyObject v) {
        if (v instanceof PyInt i && v.type().isBuiltin()) {
            return i.signum() < 0 ? Ops.unary(1, i) : i.asExactInt();
        }
        if (v instanceof PyFloat f) {
            return new PyFloat(Math.abs(f.value));
        }
        PyObject m = v.type().lookup("__abs__");
        if (m != null && !v.type().isBuiltin()) {
            return m.call(new PyObject[] {v}, null);
        }
        if (v instanceof PyInt i) {
            return i.signum() < 0 ? Ops.unary(1, i.asExactInt()) : i.asExactInt();
        }
        throw PyErrors.typeError("bad operand type for abs(): '" + Ops.typeName(v) + "'");
    }

    private static PyObject minMax(String name, PyObject[] a, String[] k, boolean min) {
        int nkw = k == null ? 0 : k.length;
        int npos = a.length - nkw;
        PyObject key = null;
        PyObject dflt = null;
        for (int i = 0; i < nkw; i++) {
            switch (k[i]) {
                case "key" -> key = a[npos + i] == PySingleton.NONE ? null : a[npos + i];
                case "default" -> dflt = a[npos + i];
                default -> throw PyErrors.typeError(name + "() got an unexpected keyword argument '" + k[i] + "'");
            }
        }
        if (npos == 0) {
            throw PyErrors.typeError(name + " expected at least 1 argument, got 0");
        }
        List<PyObject> items;
        if (npos == 1) {
            items = Ops.toList(a[0]);
        } else {
            if (dflt != null) {
                throw PyErrors.typeError("Cannot specify a default for " + name + "() with multiple positional arguments");
            }
            items = List.of(a).subList(0, npos);
        }
        if (items.isEmpty()) {
            if (dflt != null) {
                return dflt;
            }
            throw PyErrors.valueError(name + "() arg is an empty sequence");
        }
        PyObject best = items.get(0);
        PyObject bestKey = key == null ? best : key.call(new PyObject[] {best}, null);
        for (int i = 1; i < items.size(); i++) {
            PyObject v = items.get(i);
            PyObject kv = key == null ? v : key.call(new PyObject[] {v}, null);
            if (min ? Ops.lt(kv, bestKey) : Ops.lt(bestKey, kv)) {
                best = v;
                bestKey = kv;
            }
        }
        return best;
    }

    private static PyObject radix(String name, PyObject[] a, String[] k, int radix, String prefix) {
        BArgs.count(name, a, k, 1, 1);
        java.math.BigInteger bv = a[0] instanceof PyInt i ? i.bigValue() : java.math.BigInteger.valueOf(Ops.index(a[0]));
        return PyStr.of((bv.signum() < 0 ? "-" : "") + prefix + bv.abs().toString(radix));
    }

    static PyObject round(PyObject x, PyObject nd) {
        if (!x.type().isBuiltin()) {
            PyObject m = x.type().lookup("__round__");
            if (m != null) {
                return nd == null ? m.call(new PyObject[] {x}, null) : m.call(new PyObject[] {x, nd}, null);
            }
        }
        if (x instanceof PyInt i) {
            if (nd == null || nd == PySingleton.NONE) {
                return i.asExactInt();
            }
            long n = Ops.index(nd);
            if (n >= 0) {
                return i.asExactInt();
            }
            java.math.BigInteger p = java.math.BigInteger.TEN.pow((int) -n);
            java.math.BigDecimal d = new java.math.BigDecimal(i.bigValue()).divide(new java.math.BigDecimal(p));
            return PyInt.of(d.setScale(0, java.math.RoundingMode.HALF_EVEN).toBigInteger().multiply(p));
        }
        if (x instanceof PyFloat f) {
            if (nd == null || nd == PySingleton.NONE) {
                return PyInt.of(Lib.call(() -> dev.taipan.flowgraph.host.lib.FloatFormat.roundToInt(f.value)));
            }
            return new PyFloat(Arith.round(f.value, Ops.index(nd)));
        }
        throw PyErrors.typeError("type " + Ops.typeName(x) + " doesn't define __round__ method");
    }

    private static PyObject print(Interp in, PyObject[] a, String[] k) {
        int nkw = k == null ? 0 : k.length;
        int npos = a.length - nkw;
        String sep = " ";
        String end = "\n";
        PyObject file = null;
        boolean flush = false;
        for (int i = 0; i < nkw; i++) {
            PyObject v = a[npos + i];
            switch (k[i]) {
                case "sep" -> sep = v == PySingleton.NONE ? " " : strArg("sep", v);
                case "end" -> end = v == PySingleton.NONE ? "\n" : strArg("end", v);
                case "file" -> file = v == PySingleton.NONE ? null : v;
                case "flush" -> flush = Ops.truthy(v);
                default -> throw PyErrors.typeError("'" + k[i] + "' is an invalid keyword argument for print()");
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < npos; i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(Ops.str(a[i]));
        }
        sb.append(end);
        if (file == null) {
            in.writeStdout(sb.toString());
        } else if (file instanceof PyStream ps) {
            ps.write(sb.toString());
            if (flush) {
                ps.flush();
            }
        } else {
            Attr.callMethod(file, "write", PyStr.of(sb.toString()));
        }
        return PySingleton.NONE;
    }

    private static String strArg(String name, PyObject v) {
        if (v instanceof PyStr s) {
            return s.value;
        }
        throw PyErrors.typeError(name + " must be None or a string, not " + Ops.typeName(v));
    }

    private static String readLine(Interp in) {
        String line = in.stdin.readline();
        if (line.isEmpty()) {
            throw PyErrors.of(Types.EOF_ERROR, "EOF when reading a line");
        }
        line = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static PyObject open(Interp in, PyObject[] a, String[] k) {
        PyObject[] p = BArgs.parse("open", a, k, 1, "file", "mode", "buffering", "encoding", "errors", "newline");
        String name = BArgs.str("open", p[0]);
        String mode = p[1] == null ? "r" : BArgs.str("open", p[1]);
        Path path = in.resolve(name);
        try {
            if (mode.contains("r")) {
                if (Files.isDirectory(path)) {
                    throw PyErrors.osError(Types.IS_A_DIRECTORY_ERROR, 21, "Is a directory", name);
                }
                BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8);
                return new PyFile(name, mode, r, null);
            }
            StandardOpenOption[] opts = mode.contains("a")
                    ? new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE}
                    : new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE};
            return new PyFile(name, mode, null, Files.newBufferedWriter(path, StandardCharsets.UTF_8, opts));
        } catch (NoSuchFileException e) {
            throw PyErrors.osError(Types.FILE_NOT_FOUND_ERROR, 2, "No such file or directory", name);
        } catch (java.nio.file.AccessDeniedException e) {
            throw PyErrors.osError(Types.PERMISSION_ERROR, 13, "Permission denied", name);
        } catch (IOException e) {
            throw PyErrors.of(Types.OS_ERROR, e.getMessage());
        }
    }

    private static PyCode compileSource(String text, String filename, boolean expression) {
        dev.taipan.flowgraph.SourceFile src = dev.taipan.flowgraph.SourceFile.of(filename, text);
        try {
            if (!expression) {
                return new PyCode(dev.taipan.flowgraph.compiler.Compiler.compile(src));
            }
            Code c = dev.taipan.flowgraph.compiler.Compiler.compileExpression(src);
            // CPython calls an eval'd expression's frame <module>, as for exec
            return new PyCode(new Code("<module>", "<module>", c.source(), c.firstLine(), c.argCount(),
                    c.posOnlyArgCount(), c.kwOnlyArgCount(), c.flags(), c.varnames(), c.cellvars(), c.freevars(),
                    c.names(), c.consts(), c.code(), c.lines(), c.exceptionTable(), c.stackSize()));
        } catch (dev.taipan.flowgraph.syntax.SyntaxError e) {
            throw Importer.syntaxError(e);
        }
    }

    /** {@code exec} and {@code eval}: run a string or code object in a namespace (default: the caller's). */
    private static PyObject runSource(Interp in, String fname, PyObject source, PyObject globals, PyObject locals,
                                      boolean expression) {
        PyCode code = source instanceof PyCode c ? c
                : compileSource(BArgs.str(fname, source).strip(), "<string>", expression);
        PyDict g;
        PyDict l;
        if (globals == null || globals == PySingleton.NONE) {
            g = in.current.globals;
            l = locals instanceof PyDict ld ? ld : in.current.localsDict();
        } else {
            if (!(globals instanceof PyDict gd)) {
                throw PyErrors.typeError(fname + "() globals must be a dict, not " + Ops.typeName(globals));
            }
            g = gd;
            l = locals instanceof PyDict ld ? ld : gd;
        }
        if (g.getStr("__builtins__") == null) {
            g.putStr("__builtins__", in.builtinsModule);
        }
        PyObject r = in.execute(new Frame(in, code, g, l, null));
        return expression ? r : PySingleton.NONE;
    }

    /** {@code __build_class__(body_fn, name, *bases, **kw)}; see {@code Compiler}'s class comment. */
    private static PyObject buildClass(Interp in, PyObject[] a, String[] k) {
        int nkw = k == null ? 0 : k.length;
        int npos = a.length - nkw;
        if (npos < 2 || !(a[0] instanceof PyFunction body) || !(a[1] instanceof PyStr name)) {
            throw PyErrors.typeError("__build_class__: expected a function and a name");
        }
        PyObject meta = null;
        List<String> classKwNames = new ArrayList<>();
        List<PyObject> classKwValues = new ArrayList<>();
        for (int i = 0; i < nkw; i++) {
            if (k[i].equals("metaclass")) {
                meta = a[npos + i];
            } else {
                classKwNames.add(k[i]);
                classKwValues.add(a[npos + i]);
            }
        }
        List<PyType> bases = new ArrayList<>();
        for (int i = 2; i < npos; i++) {
            if (!(a[i] instanceof PyType t)) {
                throw PyErrors.typeError("bases must be types");
            }
            bases.add(t);
        }
        // the metaclass: the explicit one or the most derived metaclass of the bases
        if (meta == null) {
            meta = Types.TYPE;
            for (PyType base : bases) {
                if (base.type().isSubtypeOf((PyType) meta)) {
                    meta = base.type();
                }
            }
        }
        PyDict ns = new PyDict();
        in.execute(new Frame(in, body.pycode, body.globals, ns, body.closure));
        if (meta != Types.TYPE) {
            PyObject[] margs = new PyObject[3 + classKwValues.size()];
            margs[0] = name;
            margs[1] = PyTuple.of(new ArrayList<>(bases));
            margs[2] = ns;
            for (int i = 0; i < classKwValues.size(); i++) {
                margs[3 + i] = classKwValues.get(i);
            }
            return meta.call(margs, classKwNames.isEmpty() ? null : classKwNames.toArray(new String[0]));
        }
        return PyType.create(name.value, bases, ns, classKwNames.toArray(new String[0]),
                classKwValues.toArray(new PyObject[0]));
    }

    /** Zero-argument {@code super()}: {@code __class__} from the caller's cell, self from its first argument. */
    static PyObject zeroArgSuper(Interp in) {
        Frame f = in.current;
        if (f == null || f.code.argCount() == 0) {
            throw PyErrors.runtimeError("super(): no arguments");
        }
        int idx = f.pycode.classCellIndex;
        if (idx < 0) {
            throw PyErrors.runtimeError("super(): __class__ cell not found");
        }
        PyObject cls = f.cells[idx].contents;
        if (!(cls instanceof PyType t)) {
            throw PyErrors.runtimeError("super(): empty __class__ cell");
        }
        PyObject self = f.fast[0];
        int ci = f.pycode.firstArgCellIndex;
        if (ci >= 0 && f.cells[ci].contents != null) {
            self = f.cells[ci].contents;
        }
        if (self == null) {
            throw PyErrors.runtimeError("super(): arg[0] deleted");
        }
        return new PySuper(t, self);
    }
}
