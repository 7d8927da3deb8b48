package dev.taipan.flowgraph.host;

import static dev.taipan.flowgraph.host.TypeMethods.method;

import dev.taipan.flowgraph.host.lib.StrMethods;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The methods of {@code str} (the text algorithms are {@code host.lib}'s {@link StrMethods}; this
 * class parses arguments and wraps results) and of {@code bytes}, which reuses them on the
 * Latin-1 reading of its bytes. {@code str.format}'s field syntax is resolved here, since it
 * reads attributes and items of Python objects.
 */
final class StrTypeMethods {
    private StrTypeMethods() {}

    private static String s(PyObject o) {
        return ((PyStr) o).value;
    }

    private static String strArg(String fname, PyObject o) {
        if (o instanceof PyStr x) {
            return x.value;
        }
        throw PyErrors.typeError("must be str, not " + Ops.typeName(o));
    }

    private static String optStr(String fname, PyObject o) {
        if (o == null || o == PySingleton.NONE) {
            return null;
        }
        if (o instanceof PyStr x) {
            return x.value;
        }
        throw PyErrors.typeError("must be str or None, not " + Ops.typeName(o));
    }

    private static String stripChars(String fname, PyObject o) {
        if (o == null || o == PySingleton.NONE) {
            return null;
        }
        if (o instanceof PyStr x) {
            return x.value;
        }
        throw PyErrors.typeError(fname + " arg must be None or str");
    }

    private static int startArg(PyObject o) {
        return o == null || o == PySingleton.NONE ? 0 : clampInt(Ops.indexClamped(o));
    }

    private static int endArg(PyObject o) {
        return o == null || o == PySingleton.NONE ? Integer.MAX_VALUE : clampInt(Ops.indexClamped(o));
    }

    private static int clampInt(long v) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    private static PyObject[] rest(PyObject[] a) {
        return Arrays.copyOfRange(a, 1, a.length);
    }

    private static PyList strList(List<String> items) {
        ArrayList<PyObject> out = new ArrayList<>(items.size());
        for (String x : items) {
            out.add(PyStr.of(x));
        }
        return new PyList(out, true);
    }

    private static void unary(String name, Function<String, String> f) {
        method(Types.STR, name, (a, k) -> {
            TypeMethods.arity(name, a, k, 0, 0);
            return PyStr.of(f.apply(s(a[0])));
        });
    }

    private static void predicate(String name, java.util.function.Predicate<String> p) {
        method(Types.STR, name, (a, k) -> {
            TypeMethods.arity(name, a, k, 0, 0);
            return PyBool.of(p.test(s(a[0])));
        });
    }

    interface Search {
        int apply(String s, String sub, int start, int end);
    }

    private static void search(String name, Search f) {
        method(Types.STR, name, (a, k) -> {
            TypeMethods.arity(name, a, k, 1, 3);
            String sub = strArg(name, a[1]);
            return PyInt.of(Lib.call(() -> f.apply(s(a[0]), sub, startArg(a.length > 2 ? a[2] : null),
                    endArg(a.length > 3 ? a[3] : null))));
        });
    }

    static void install() {
        PyType t = Types.STR;
        t.constructor = (cls, a, k) -> {
            PyObject[] p = BArgs.parse("str", a, k, 0, "object", "encoding", "errors");
            String v;
            if (p[0] == null) {
                v = "";
            } else if (p[1] != null && p[0] instanceof PyBytes b) {
                v = decode(b.value, Ops.str(p[1]));
            } else {
                v = Ops.str(p[0]);
            }
            return cls == Types.STR ? PyStr.of(v) : new PyStr.Subclass(cls, v);
        };
        TypeMethods.staticNew(t);
        method(t, "__len__", (a, k) -> PyInt.of(s(a[0]).length()));
        method(t, "__contains__", (a, k) -> PyBool.of(Ops.nativeContains(a[0], a[1])));
        method(t, "__iter__", (a, k) -> Iterators.nativeIter(a[0]));
        method(t, "__getitem__", (a, k) -> Ops.nativeGetitem(a[0], a[1]));
        method(t, "__repr__", (a, k) -> PyStr.of(a[0].repr()));
        method(t, "__str__", (a, k) -> a[0]);
        method(t, "__hash__", (a, k) -> PyInt.of(Ops.builtinHash(a[0])));
        method(t, "__format__", (a, k) -> PyStr.of(Formatting.format(a[0], Ops.str(a[1]))));
        for (int op : new int[] {Arith.ADD, Arith.MUL, Arith.MOD}) {
            method(t, Ops.DUNDER[op], (a, k) -> Ops.nativeBinary(op, a[0], a[1]));
            method(t, Ops.RDUNDER[op], (a, k) -> Ops.nativeBinary(op, a[1], a[0]));
        }
        unary("upper", StrMethods::upper);
        unary("lower", StrMethods::lower);
        unary("casefold", StrMethods::casefold);
        unary("capitalize", StrMethods::capitalize);
        unary("title", StrMethods::title);
        unary("swapcase", StrMethods::swapcase);
        predicate("isspace", StrMethods::isspace);
        predicate("isdecimal", StrMethods::isdecimal);
        predicate("isdigit", StrMethods::isdigit);
        predicate("isnumeric", StrMethods::isnumeric);
        predicate("isalpha", StrMethods::isalpha);
        predicate("isalnum", StrMethods::isalnum);
        predicate("isascii", StrMethods::isascii);
        predicate("isprintable", StrMethods::isprintable);
        predicate("isupper", StrMethods::isupper);
        predicate("islower", StrMethods::islower);
        predicate("istitle", StrMethods::istitle);
        predicate("isidentifier", StrMethods::isidentifier);
        search("find", StrMethods::find);
        search("rfind", StrMethods::rfind);
        search("index", StrMethods::index);
        search("rindex", StrMethods::rindex);
        search("count", StrMethods::count);
        for (String name : new String[] {"startswith", "endswith"}) {
            boolean starts = name.equals("startswith");
            method(t, name, (a, k) -> {
                TypeMethods.arity(name, a, k, 1, 3);
                int start = startArg(a.length > 2 ? a[2] : null);
                int end = endArg(a.length > 3 ? a[3] : null);
                List<PyObject> options = a[1] instanceof PyTuple tu ? tu.items() : List.of(a[1]);
                for (PyObject o : options) {
                    if (!(o instanceof PyStr x)) {
                        throw PyErrors.typeError(name + " first arg must be str or a tuple of str, not "
                                + Ops.typeName(o));
                    }
                    boolean r = starts ? StrMethods.startswith(s(a[0]), x.value, start, end)
                            : StrMethods.endswith(s(a[0]), x.value, start, end);
                    if (r) {
                        return PyBool.TRUE;
                    }
                }
                return PyBool.FALSE;
            });
        }
        for (String name : new String[] {"split", "rsplit"}) {
            method(t, name, (a, k) -> {
                PyObject[] p = BArgs.parse(name, rest(a), k, 0, "sep", "maxsplit");
                String sep = optStr(name, p[0]);
                int max = p[1] == null ? -1 : clampInt(Ops.index(p[1]));
                return strList(Lib.call(() -> name.equals("split") ? StrMethods.split(s(a[0]), sep, max)
                        : StrMethods.rsplit(s(a[0]), sep, max)));
            });
        }
        method(t, "splitlines", (a, k) -> {
            PyObject[] p = BArgs.parse("splitlines", rest(a), k, 0, "keepends");
            return strList(StrMethods.splitlines(s(a[0]), p[0] != null && Ops.truthy(p[0])));
        });
        method(t, "strip", (a, k) -> {
            TypeMethods.arity("strip", a, k, 0, 1);
            return PyStr.of(StrMethods.strip(s(a[0]), stripChars("strip", a.length > 1 ? a[1] : null)));
        });
        method(t, "lstrip", (a, k) -> {
            TypeMethods.arity("lstrip", a, k, 0, 1);
            return PyStr.of(StrMethods.lstrip(s(a[0]), stripChars("lstrip", a.length > 1 ? a[1] : null)));
        });
        method(t, "rstrip", (a, k) -> {
            TypeMethods.arity("rstrip", a, k, 0, 1);
            return PyStr.of(StrMethods.rstrip(s(a[0]), stripChars("rstrip", a.length > 1 ? a[1] : null)));
        });
        method(t, "removeprefix", (a, k) -> PyStr.of(StrMethods.removeprefix(s(a[0]), strArg("removeprefix", a[1]))));
        method(t, "removesuffix", (a, k) -> PyStr.of(StrMethods.removesuffix(s(a[0]), strArg("removesuffix", a[1]))));
        method(t, "replace", (a, k) -> {
            TypeMethods.arity("replace", a, k, 2, 3);
            int count = a.length > 3 ? clampInt(Ops.index(a[3])) : -1;
            return PyStr.of(Lib.call(() -> StrMethods.replace(s(a[0]), strArg("replace", a[1]),
                    strArg("replace", a[2]), count)));
        });
        for (String name : new String[] {"partition", "rpartition"}) {
            method(t, name, (a, k) -> {
                TypeMethods.arity(name, a, k, 1, 1);
                String[] r = Lib.call(() -> name.equals("partition") ? StrMethods.partition(s(a[0]), strArg(name, a[1]))
                        : StrMethods.rpartition(s(a[0]), strArg(name, a[1])));
                return new PyTuple(PyStr.of(r[0]), PyStr.of(r[1]), PyStr.of(r[2]));
            });
        }
        for (String name : new String[] {"center", "ljust", "rjust"}) {
            method(t, name, (a, k) -> {
                TypeMethods.arity(name, a, k, 1, 2);
                int width = clampInt(Ops.index(a[1]));
                String fill = a.length > 2 ? strArg(name, a[2]) : " ";
                return PyStr.of(Lib.call(() -> switch (name) {
                    case "center" -> StrMethods.center(s(a[0]), width, fill);
                    case "ljust" -> StrMethods.ljust(s(a[0]), width, fill);
                    default -> StrMethods.rjust(s(a[0]), width, fill);
                }));
            });
        }
        method(t, "zfill", (a, k) -> {
            TypeMethods.arity("zfill", a, k, 1, 1);
            return PyStr.of(StrMethods.zfill(s(a[0]), clampInt(Ops.index(a[1]))));
        });
        method(t, "expandtabs", (a, k) -> {
            PyObject[] p = BArgs.parse("expandtabs", rest(a), k, 0, "tabsize");
            return PyStr.of(StrMethods.expandtabs(s(a[0]), p[0] == null ? 8 : clampInt(Ops.index(p[0]))));
        });
        method(t, "join", (a, k) -> {
            TypeMethods.arity("join", a, k, 1, 1);
            List<PyObject> items = Ops.toList(a[1]);
            StringBuilder sb = new StringBuilder();
            String sep = s(a[0]);
            for (int i = 0; i < items.size(); i++) {
                if (!(items.get(i) instanceof PyStr x)) {
                    throw PyErrors.typeError("sequence item " + i + ": expected str instance, "
                            + Ops.typeName(items.get(i)) + " found");
                }
                if (i > 0) {
                    sb.append(sep);
                }
                sb.append(x.value);
            }
            return PyStr.of(sb.toString());
        });
        method(t, "format", (a, k) -> PyStr.of(StrFormat.format(s(a[0]), rest(a), k)));
        method(t, "format_map", (a, k) -> PyStr.of(StrFormat.formatMap(s(a[0]), a[1])));
        method(t, "encode", (a, k) -> {
            PyObject[] p = BArgs.parse("encode", rest(a), k, 0, "encoding", "errors");
            return new PyBytes(encode(s(a[0]), p[0] == null ? "utf-8" : Ops.str(p[0])));
        });
        t.dict.put("maketrans", new PyStaticMethod(new PyBuiltinFunction("maketrans", false, (a, k) -> {
            PyDict d = new PyDict();
            if (a.length == 1) {
                for (var e : ((PyDict) a[0]).asMap().entrySet()) {
                    PyObject key = e.getKey() instanceof PyStr ks ? PyInt.of(ks.value.charAt(0)) : e.getKey();
                    d.put(key, e.getValue());
                }
                return d;
            }
            String from = s(a[0]);
            String to = s(a[1]);
            for (int i = 0; i < from.length(); i++) {
                d.put(PyInt.of(from.charAt(i)), PyInt.of(to.charAt(i)));
            }
            if (a.length > 2) {
                for (char c : s(a[2]).toCharArray()) {
                    d.put(PyInt.of(c), PySingleton.NONE);
                }
            }
            return d;
        })));
        method(t, "translate", (a, k) -> {
            StringBuilder sb = new StringBuilder();
            for (char c : s(a[0]).toCharArray()) {
                PyObject r;
                try {
                    r = Ops.getitem(a[1], PyInt.of(c));
                } catch (PyException e) {
                    if (!e.matches(Types.LOOKUP_ERROR)) {
                        throw e;
                    }
                    sb.append(c);
                    continue;
                }
                if (r instanceof PyStr rs) {
                    sb.append(rs.value);
                } else if (r instanceof PyInt ri) {
                    sb.appendCodePoint(ri.intValue());
                }
            }
            return PyStr.of(sb.toString());
        });
        bytesMethods();
    }

    static byte[] encode(String s, String encoding) {
        return switch (encoding.toLowerCase().replace('_', '-')) {
            case "utf-8", "utf8" -> s.getBytes(StandardCharsets.UTF_8);
            case "ascii", "us-ascii" -> {
                for (int i = 0; i < s.length(); i++) {
                    if (s.charAt(i) > 127) {
                        throw PyErrors.of(Types.UNICODE_ENCODE_ERROR, "'ascii' codec can't encode character '"
                                + String.format("\\x%02x", (int) s.charAt(i)) + "' in position " + i
                                + ": ordinal not in range(128)");
                    }
                }
                yield s.getBytes(StandardCharsets.US_ASCII);
            }
            case "latin-1", "latin1", "iso-8859-1" -> s.getBytes(StandardCharsets.ISO_8859_1);
            default -> throw PyErrors.of(Types.LOOKUP_ERROR, "unknown encoding: " + encoding);
        };
    }

    static String decode(byte[] b, String encoding) {
        return switch (encoding.toLowerCase().replace('_', '-')) {
            case "utf-8", "utf8" -> {
                var dec = StandardCharsets.UTF_8.newDecoder();
                try {
                    yield dec.decode(java.nio.ByteBuffer.wrap(b)).toString();
                } catch (java.nio.charset.CharacterCodingException e) {
                    throw PyErrors.of(Types.UNICODE_DECODE_ERROR, "'utf-8' codec can't decode bytes");
                }
            }
            case "ascii", "us-ascii" -> {
                for (int i = 0; i < b.length; i++) {
                    if (b[i] < 0) {
                        throw PyErrors.of(Types.UNICODE_DECODE_ERROR, "'ascii' codec can't decode byte 0x"
                                + String.format("%02x", b[i] & 0xff) + " in position " + i + ": ordinal not in range(128)");
                    }
                }
                yield new String(b, StandardCharsets.US_ASCII);
            }
            case "latin-1", "latin1", "iso-8859-1" -> new String(b, StandardCharsets.ISO_8859_1);
            default -> throw PyErrors.of(Types.LOOKUP_ERROR, "unknown encoding: " + encoding);
        };
    }

    private static String latin1(PyObject o) {
        if (o instanceof PyBytes b) {
            return new String(b.value, StandardCharsets.ISO_8859_1);
        }
        throw PyErrors.typeError("a bytes-like object is required, not '" + Ops.typeName(o) + "'");
    }

    private static PyBytes bytes(String latin1) {
        return new PyBytes(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void bytesMethods() {
        PyType b = Types.BYTES;
        b.constructor = (cls, a, k) -> {
            PyObject[] p = BArgs.parse("bytes", a, k, 0, "source", "encoding", "errors");
            if (p[0] == null) {
                return new PyBytes(new byte[0]);
            }
            if (p[0] instanceof PyStr str) {
                if (p[1] == null) {
                    throw PyErrors.typeError("string argument without an encoding");
                }
                return new PyBytes(encode(str.value, Ops.str(p[1])));
            }
            if (p[0] instanceof PyInt n) {
                return new PyBytes(new byte[n.intValue()]);
            }
            return new PyBytes(TypeMethods.toBytes(p[0]));
        };
        TypeMethods.staticNew(b);
        method(b, "__len__", (a, k) -> PyInt.of(((PyBytes) a[0]).value.length));
        method(b, "__getitem__", (a, k) -> Ops.nativeGetitem(a[0], a[1]));
        method(b, "__iter__", (a, k) -> Iterators.nativeIter(a[0]));
        method(b, "__contains__", (a, k) -> PyBool.of(Ops.nativeContains(a[0], a[1])));
        method(b, "__repr__", (a, k) -> PyStr.of(a[0].repr()));
        method(b, "__hash__", (a, k) -> PyInt.of(Ops.builtinHash(a[0])));
        method(b, "decode", (a, k) -> {
            PyObject[] p = BArgs.parse("decode", rest(a), k, 0, "encoding", "errors");
            return PyStr.of(decode(((PyBytes) a[0]).value, p[0] == null ? "utf-8" : Ops.str(p[0])));
        });
        method(b, "hex", (a, k) -> {
            StringBuilder sb = new StringBuilder();
            for (byte x : ((PyBytes) a[0]).value) {
                sb.append(String.format("%02x", x & 0xff));
            }
            return PyStr.of(sb.toString());
        });
        method(b, "count", (a, k) -> PyInt.of(StrMethods.count(latin1(a[0]), a[1] instanceof PyInt n
                ? String.valueOf((char) n.intValue()) : latin1(a[1]))));
        method(b, "find", (a, k) -> PyInt.of(StrMethods.find(latin1(a[0]), latin1(a[1]))));
        method(b, "startswith", (a, k) -> PyBool.of(latin1(a[0]).startsWith(latin1(a[1]))));
        method(b, "endswith", (a, k) -> PyBool.of(latin1(a[0]).endsWith(latin1(a[1]))));
        method(b, "strip", (a, k) -> bytes(StrMethods.strip(latin1(a[0]), a.length > 1 ? latin1(a[1]) : null)));
        method(b, "upper", (a, k) -> bytes(latin1(a[0]).toUpperCase(java.util.Locale.ROOT)));
        method(b, "lower", (a, k) -> bytes(latin1(a[0]).toLowerCase(java.util.Locale.ROOT)));
        method(b, "replace", (a, k) -> bytes(latin1(a[0]).replace(latin1(a[1]), latin1(a[2]))));
        method(b, "split", (a, k) -> {
            List<String> parts = StrMethods.split(latin1(a[0]), a.length > 1 && a[1] != PySingleton.NONE
                    ? latin1(a[1]) : null, -1);
            List<PyObject> out = new ArrayList<>();
            for (String x : parts) {
                out.add(bytes(x));
            }
            return new PyList(out);
        });
        method(b, "join", (a, k) -> {
            StringBuilder sb = new StringBuilder();
            List<PyObject> items = Ops.toList(a[1]);
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    sb.append(latin1(a[0]));
                }
                sb.append(latin1(items.get(i)));
            }
            return bytes(sb.toString());
        });
        for (int op : new int[] {Arith.ADD, Arith.MUL}) {
            method(b, Ops.DUNDER[op], (a, k) -> Ops.nativeBinary(op, a[0], a[1]));
            method(b, Ops.RDUNDER[op], (a, k) -> Ops.nativeBinary(op, a[1], a[0]));
        }
    }
}
