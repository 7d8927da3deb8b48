package dev.taipan.flowgraph.host;

import dev.taipan.flowgraph.host.lib.FloatParsing;
import dev.taipan.flowgraph.host.lib.IntParsing;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Fills the dicts of the built-in types, once per JVM: constructors ({@code __new__}), the
 * special methods that user subclasses inherit, and the ordinary methods ({@code list.append},
 * {@code dict.get}...). String and bytes methods are in {@link StrTypeMethods}.
 */
final class TypeMethods {
    private TypeMethods() {}

    private static boolean installed;
    /** {@code list.append}, which the eval loop calls directly. */
    static PyObject listAppend;

    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        objectMethods();
        typeMethods();
        numberMethods();
        containerMethods();
        StrTypeMethods.install();
        descriptorMethods();
        iteratorMethods();
        exceptionMethods();
        fileMethods();
        for (java.lang.reflect.Field f : Types.class.getDeclaredFields()) {
            try {
                if (f.get(null) instanceof PyType t) {
                    t.resolveBuiltin();
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        for (PySingleton s : new PySingleton[] {PySingleton.NONE, PySingleton.NOT_IMPLEMENTED, PySingleton.ELLIPSIS}) {
            s.type().resolveBuiltin();
        }
    }

    /**
     * A method of a built-in type. Called through the type ({@code list.append(x, 1)}), the
     * receiver may be anything, so it is checked before the body casts it.
     */
    static void method(PyType t, String name, PyBuiltinFunction.Body body) {
        PyBuiltinFunction f = new PyBuiltinFunction(name, true, (a, k) -> {
            if (a.length == 0 || a.length == (k == null ? 0 : k.length)) {
                throw PyErrors.typeError("unbound method " + t.name() + "." + name + "() needs an argument");
            }
            PyType rt = a[0].type();
            if (rt != t && !rt.isSubtypeOf(t)) {
                throw PyErrors.typeError("descriptor '" + name + "' for '" + t.name() + "' objects doesn't apply to a '"
                        + rt.name() + "' object");
            }
            return body.call(a, k);
        });
        f.owner = t;
        t.dict.put(name, f);
    }

    static void staticNew(PyType t) {
        t.dict.put("__new__", new PyStaticMethod(new PyBuiltinFunction("__new__", false, (a, k) -> {
            if (a.length == 0 || !(a[0] instanceof PyType cls)) {
                throw PyErrors.typeError(t.name() + ".__new__(X): X is not a type object");
            }
            if (!cls.isSubtypeOf(t)) {
                throw PyErrors.typeError(t.name() + ".__new__(" + cls.name() + "): " + cls.name() + " is not a subtype of "
                        + t.name());
            }
            return t.constructor.make(cls, Arrays.copyOfRange(a, 1, a.length), k);
        })));
    }

    /** Checks the argument count of a method, not counting self. */
    static void arity(String name, PyObject[] a, String[] k, int min, int max) {
        if (k != null && k.length > 0) {
            throw PyErrors.typeError(name + "() takes no keyword arguments");
        }
        int n = a.length - 1;
        if (n < min || n > max) {
            if (min == max) {
                throw PyErrors.typeError(name + "() takes " + (min == 0 ? "no arguments"
                        : min == 1 ? "exactly one argument" : "exactly " + min + " arguments") + " (" + n + " given)");
            }
            if (n < min) {
                throw PyErrors.typeError(name + " expected at least " + min + " argument" + (min == 1 ? "" : "s")
                        + ", got " + n);
            }
            throw PyErrors.typeError(name + " expected at most " + max + " argument" + (max == 1 ? "" : "s")
                    + ", got " + n);
        }
    }

    // ------------------------------------------------------------------ object and type

    private static void objectMethods() {
        PyType o = Types.OBJECT;
        o.constructor = (cls, a, k) -> {
            int n = a.length;
            if (n > 0 && cls.lookup("__init__") == o.dict.get("__init__")) {
                throw PyErrors.typeError(cls.name() + "() takes no arguments");
            }
            if (cls.solid != o && cls.solid.constructor != null) {
                return cls.solid.constructor.make(cls, a, k);
            }
            return new PyInstance(cls);
        };
        staticNew(o);
        method(o, "__init__", (a, k) -> {
            if (a.length > 1) {
                throw PyErrors.typeError("object.__init__() takes exactly one argument (the instance to initialize)");
            }
            return PySingleton.NONE;
        });
        method(o, "__repr__", (a, k) -> PyStr.of(a[0].repr()));
        method(o, "__str__", (a, k) -> PyStr.of(Ops.repr(a[0])));
        method(o, "__hash__", (a, k) -> PyInt.of(Ops.builtinHash(a[0])));
        method(o, "__format__", (a, k) -> {
            arity("__format__", a, k, 1, 1);
            String spec = Ops.str(a[1]);
            if (!spec.isEmpty()) {
                throw PyErrors.typeError("unsupported format string passed to " + Ops.typeName(a[0]) + ".__format__");
            }
            return PyStr.of(Ops.str(a[0]));
        });
        for (int op = 0; op < 6; op++) {
            int opc = op;
            method(o, Ops.CMP_DUNDER[op], (a, k) -> {
                arity(Ops.CMP_DUNDER[opc], a, k, 1, 1);
                PyObject r = Ops.nativeCompare(opc, a[0], a[1]);
                if (r != null) {
                    return r;
                }
                if (opc == 0) {
                    return a[0] == a[1] ? PyBool.TRUE : Ops.NI;
                }
                if (opc == 1) {
                    PyObject eq = Ops.richCompareEqOnly(a[0], a[1]);
                    return eq == Ops.NI ? eq : PyBool.of(!Ops.truthy(eq));
                }
                return Ops.NI;
            });
        }
        method(o, "__setattr__", (a, k) -> {
            arity("__setattr__", a, k, 2, 2);
            Attr.setDefault(a[0], BArgs.str("__setattr__", a[1]), a[2]);
            return PySingleton.NONE;
        });
        method(o, "__getattribute__", (a, k) -> {
            arity("__getattribute__", a, k, 1, 1);
            return Attr.get(a[0], BArgs.str("__getattribute__", a[1]));
        });
        method(o, "__delattr__", (a, k) -> {
            arity("__delattr__", a, k, 1, 1);
            PyDict d = a[0].dict();
            String name = BArgs.str("__delattr__", a[1]);
            if (d == null || d.map.remove(name) == null) {
                throw Attr.error(a[0], name);
            }
            return PySingleton.NONE;
        });
        o.dict.put("__init_subclass__", new PyClassMethod(new PyBuiltinFunction("__init_subclass__", false,
                (a, k) -> PySingleton.NONE)));
        o.dict.put("__doc__", PySingleton.NONE);
    }

    private static void typeMethods() {
        PyType t = Types.TYPE;
        method(t, "mro", (a, k) -> new PyList(List.of(((PyType) a[0]).mroArray())));
        method(t, "__subclasses__", (a, k) -> new PyList());
        method(t, "__repr__", (a, k) -> PyStr.of(a[0].repr()));
        method(t, "__call__", (a, k) -> ((PyType) a[0]).typeCall(Arrays.copyOfRange(a, 1, a.length), k));
        t.constructor = (cls, a, k) -> {
            if (a.length == 3) {
                return PyType.newClass(cls, a[0], a[1], a[2]);
            }
            if (a.length == 1 && cls == Types.TYPE) {
                return a[0].type();
            }
            throw PyErrors.typeError("type() takes 1 or 3 arguments");
        };
        method(t, "__init__", (a, k) -> PySingleton.NONE);
        t.dict.put("__new__", new PyStaticMethod(new PyBuiltinFunction("__new__", false, (a, k) -> {
            if (a.length == 4) {
                if (!(a[0] instanceof PyType mt) || !mt.isSubtypeOf(Types.TYPE)) {
                    throw PyErrors.typeError("type.__new__(X): X is not a type object (" + Ops.typeName(a[0]) + ")");
                }
                return PyType.newClass(mt, a[1], a[2], a[3]);
            }
            if (a.length == 2) {
                return a[1].type();
            }
            throw PyErrors.typeError("type.__new__() takes exactly 3 arguments (" + (a.length - 1) + " given)");
        })));
    }

    // ------------------------------------------------------------------ numbers

    private static void numberMethods() {
        PyType i = Types.INT;
        i.constructor = (cls, a, k) -> {
            PyObject[] p = BArgs.parse("int", a, k, 0, "x", "base");
            PyInt v = intFromArgs(p[0], p[1]);
            if (cls == Types.INT) {
                return v;
            }
            return new PyIntSubclass(cls, v);
        };
        staticNew(i);
        Types.BOOL.constructor = (cls, a, k) -> {
            BArgs.count("bool", a, k, 0, 1);
            return PyBool.of(a.length == 1 && Ops.truthy(a[0]));
        };
        staticNew(Types.BOOL);
        Types.FLOAT.constructor = (cls, a, k) -> {
            PyObject f = floatFromArgs(a, k);
            return cls == Types.FLOAT ? f : new PyFloat.Subclass(cls, ((PyFloat) f).value);
        };
        staticNew(Types.FLOAT);
        for (PyType t : new PyType[] {Types.INT, Types.FLOAT}) {
            for (int op = 0; op < 13; op++) {
                int opc = op;
                method(t, Ops.DUNDER[op], (a, k) -> Ops.nativeBinary(opc, a[0], a[1]));
                method(t, Ops.RDUNDER[op], (a, k) -> Ops.nativeBinary(opc, a[1], a[0]));
            }
            method(t, "__neg__", (a, k) -> Ops.unary(1, plain(a[0])));
            method(t, "__pos__", (a, k) -> Ops.unary(0, plain(a[0])));
            method(t, "__abs__", (a, k) -> Builtins.abs(plain(a[0])));
            method(t, "__bool__", (a, k) -> PyBool.of(Ops.truthy(plain(a[0]))));
            method(t, "__int__", (a, k) -> a[0] instanceof PyFloat f ? Arith.fromDouble(f.value) : plain(a[0]));
            method(t, "__float__", (a, k) -> new PyFloat(Arith.toDouble(plain(a[0]))));
            method(t, "__trunc__", (a, k) -> a[0] instanceof PyFloat f ? Arith.fromDouble(f.value) : plain(a[0]));
            method(t, "__round__", (a, k) -> Builtins.round(plain(a[0]), a.length > 1 ? a[1] : null));
            method(t, "__repr__", (a, k) -> PyStr.of(a[0] instanceof PyInt n ? n.bigValue().toString() : a[0].repr()));
            method(t, "__str__", (a, k) -> PyStr.of(a[0] instanceof PyInt n && !(a[0] instanceof PyBool)
                    ? n.bigValue().toString() : a[0].repr()));
            method(t, "__format__", (a, k) -> PyStr.of(Formatting.format(plain(a[0]), Ops.str(a[1]))));
            method(t, "conjugate", (a, k) -> plain(a[0]));
            method(t, "__getnewargs__", (a, k) -> new PyTuple(plain(a[0])));
            method(t, "as_integer_ratio", (a, k) -> {
                if (a[0] instanceof PyInt n) {
                    return new PyTuple(n.asExactInt(), PyInt.of(1));
                }
                double d = ((PyFloat) a[0]).value;
                if (Double.isInfinite(d)) {
                    throw PyErrors.overflow("cannot convert Infinity to integer ratio");
                }
                if (Double.isNaN(d)) {
                    throw PyErrors.valueError("cannot convert NaN to integer ratio");
                }
                java.math.BigDecimal bd = new java.math.BigDecimal(d);
                BigInteger num = bd.unscaledValue();
                BigInteger den = BigInteger.ONE;
                if (bd.scale() > 0) {
                    den = BigInteger.TEN.pow(bd.scale());
                } else {
                    num = num.multiply(BigInteger.TEN.pow(-bd.scale()));
                }
                BigInteger g = num.gcd(den);
                return new PyTuple(PyInt.of(num.divide(g)), PyInt.of(den.divide(g)));
            });
        }
        method(i, "__index__", (a, k) -> plain(a[0]));
        method(i, "bit_length", (a, k) -> {
            arity("bit_length", a, k, 0, 0);
            return PyInt.of(((PyInt) a[0]).bigValue().abs().bitLength());
        });
        method(i, "bit_count", (a, k) -> PyInt.of(((PyInt) a[0]).bigValue().abs().bitCount()));
        method(i, "is_integer", (a, k) -> PyBool.TRUE);
        method(i, "to_bytes", (a, k) -> {
            PyObject[] p = BArgs.parse("to_bytes", Arrays.copyOfRange(a, 1, a.length), k, 0, "length", "byteorder",
                    "signed");
            int len = p[0] == null ? 1 : Ops.asInt(p[0]);
            boolean little = p[1] != null && Ops.str(p[1]).equals("little");
            BigInteger v = ((PyInt) a[0]).bigValue();
            boolean signed = p[2] != null && Ops.truthy(p[2]);
            if (!signed && v.signum() < 0) {
                throw PyErrors.overflow("can't convert negative int to unsigned");
            }
            byte[] raw = v.toByteArray();
            byte[] out = new byte[len];
            byte fill = (byte) (v.signum() < 0 ? 0xff : 0);
            Arrays.fill(out, fill);
            int start = raw.length > len ? raw.length - len : 0;
            for (int x = start; x < raw.length; x++) {
                if (raw.length - x > len) {
                    continue;
                }
                out[len - (raw.length - x)] = raw[x];
            }
            if (raw.length > len && !(raw.length == len + 1 && raw[0] == 0 && !signed)) {
                throw PyErrors.overflow("int too big to convert");
            }
            if (little) {
                for (int x = 0; x < len / 2; x++) {
                    byte tmp = out[x];
                    out[x] = out[len - 1 - x];
                    out[len - 1 - x] = tmp;
                }
            }
            return new PyBytes(out);
        });
        i.dict.put("from_bytes", new PyClassMethod(new PyBuiltinFunction("from_bytes", false, (a, k) -> {
            PyObject[] p = BArgs.parse("from_bytes", Arrays.copyOfRange(a, 1, a.length), k, 1, "bytes", "byteorder",
                    "signed");
            byte[] b = p[0] instanceof PyBytes by ? by.value.clone() : toBytes(p[0]);
            if (p[1] != null && Ops.str(p[1]).equals("little")) {
                for (int x = 0; x < b.length / 2; x++) {
                    byte tmp = b[x];
                    b[x] = b[b.length - 1 - x];
                    b[b.length - 1 - x] = tmp;
                }
            }
            boolean signed = p[2] != null && Ops.truthy(p[2]);
            BigInteger v = b.length == 0 ? BigInteger.ZERO : signed ? new BigInteger(b) : new BigInteger(1, b);
            return PyInt.of(v);
        })));
        for (String n : new String[] {"real", "numerator"}) {
            Types.INT.dict.put(n, new PyProperty(new PyBuiltinFunction(n, false, (a, k) -> plain(a[0])),
                    PySingleton.NONE, PySingleton.NONE, PySingleton.NONE));
        }
        Types.INT.dict.put("imag", new PyProperty(new PyBuiltinFunction("imag", false, (a, k) -> PyInt.of(0)),
                PySingleton.NONE, PySingleton.NONE, PySingleton.NONE));
        Types.INT.dict.put("denominator", new PyProperty(new PyBuiltinFunction("denominator", false,
                (a, k) -> PyInt.of(1)), PySingleton.NONE, PySingleton.NONE, PySingleton.NONE));
        PyType f = Types.FLOAT;
        method(f, "is_integer", (a, k) -> {
            double d = ((PyFloat) a[0]).value;
            return PyBool.of(!Double.isInfinite(d) && d == Math.floor(d));
        });
        method(f, "hex", (a, k) -> PyStr.of(floatHex(((PyFloat) a[0]).value)));
        f.dict.put("real", new PyProperty(new PyBuiltinFunction("real", false, (a, k) -> a[0]),
                PySingleton.NONE, PySingleton.NONE, PySingleton.NONE));
        f.dict.put("imag", new PyProperty(new PyBuiltinFunction("imag", false, (a, k) -> new PyFloat(0)),
                PySingleton.NONE, PySingleton.NONE, PySingleton.NONE));
    }

    private static PyObject floatFromArgs(PyObject[] a, String[] k) {
        BArgs.count("float", a, k, 0, 1);
        if (a.length == 0) {
            return new PyFloat(0.0);
        }
        PyObject x = a[0];
        if (x instanceof PyStr s) {
            return new PyFloat(Lib.call(() -> FloatParsing.parse(s.value)));
        }
        if (x instanceof PyFloat f) {
            return x.getClass() == PyFloat.class ? f : new PyFloat(f.value);
        }
        if (x instanceof PyInt n) {
            return new PyFloat(n.doubleValue());
        }
        PyObject m = x.type().lookup("__float__");
        if (m != null) {
            PyObject r = m.call(new PyObject[] {x}, null);
            if (!(r instanceof PyFloat)) {
                throw PyErrors.typeError(Ops.typeName(x) + ".__float__ returned non-float (type " + Ops.typeName(r) + ")");
            }
            return r;
        }
        if (x.type().lookup("__index__") != null) {
            return new PyFloat(PyInt.of(Ops.index(x)).doubleValue());
        }
        throw PyErrors.typeError("float() argument must be a string or a real number, not '" + Ops.typeName(x) + "'");
    }

    /** The built-in value inside a subclass instance (an r_uint's int). */
    private static PyObject plain(PyObject o) {
        return o instanceof PyInt i && !(o instanceof PyBool) && o.getClass() != PyInt.class ? i.asExactInt() : o;
    }

    static String floatHex(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0 ? "-" : "") + "0x0.0p+0";
        }
        String h = Double.toHexString(d);
        // Java: 0x1.8p1; Python: 0x1.8000000000000p+1
        int p = h.indexOf('p');
        String mant = h.substring(0, p);
        String exp = h.substring(p + 1);
        int dot = mant.indexOf('.');
        String frac = mant.substring(dot + 1);
        frac = frac + "0".repeat(13 - frac.length());
        String sign = "";
        if (mant.startsWith("-")) {
            sign = "-";
            mant = mant.substring(1);
            dot--;
        }
        return sign + mant.substring(0, dot) + "." + frac + "p" + (exp.startsWith("-") ? exp : "+" + exp);
    }

    static PyInt intFromArgs(PyObject x, PyObject base) {
        if (x == null) {
            if (base != null) {
                throw PyErrors.typeError("int() missing string argument");
            }
            return PyInt.of(0);
        }
        if (base != null) {
            int b = Ops.asInt(base);
            String s;
            if (x instanceof PyStr str) {
                s = str.value;
            } else if (x instanceof PyBytes by) {
                s = new String(by.value, java.nio.charset.StandardCharsets.ISO_8859_1);
            } else {
                throw PyErrors.typeError("int() can't convert non-string with explicit base");
            }
            return PyInt.of(Lib.call(() -> IntParsing.parse(s, b)));
        }
        switch (x) {
            case PyBool bo -> {
                return bo.asExactInt();
            }
            case PyInt n -> {
                return n.getClass() == PyInt.class ? n : n.asExactInt();
            }
            case PyFloat fl -> {
                return Arith.fromDouble(fl.value);
            }
            case PyStr s -> {
                return PyInt.of(Lib.call(() -> IntParsing.parse(s.value, 10)));
            }
            case PyBytes by -> {
                String s = new String(by.value, java.nio.charset.StandardCharsets.ISO_8859_1);
                return PyInt.of(Lib.call(() -> IntParsing.parse(s, 10)));
            }
            default -> {
                for (String m : new String[] {"__int__", "__index__", "__trunc__"}) {
                    PyObject meth = x.type().lookup(m);
                    if (meth != null) {
                        PyObject r = meth.call(new PyObject[] {x}, null);
                        if (r instanceof PyInt ri) {
                            return ri.asExactInt();
                        }
                        throw PyErrors.typeError(m + " returned non-int (type " + Ops.typeName(r) + ")");
                    }
                }
                throw PyErrors.typeError("int() argument must be a string, a bytes-like object or a real number, not '"
                        + Ops.typeName(x) + "'");
            }
        }
    }

    static byte[] toBytes(PyObject o) {
        if (o instanceof PyBytes b) {
            return b.value;
        }
        List<PyObject> items = Ops.toList(o);
        byte[] out = new byte[items.size()];
        for (int x = 0; x < out.length; x++) {
            long v = Ops.index(items.get(x));
            if (v < 0 || v > 255) {
                throw PyErrors.valueError("bytes must be in range(0, 256)");
            }
            out[x] = (byte) v;
        }
        return out;
    }

    // ------------------------------------------------------------------ containers

    private static void protocol(PyType t) {
        method(t, "__len__", (a, k) -> PyInt.of(Ops.nativeLen(a[0])));
        method(t, "__contains__", (a, k) -> PyBool.of(Ops.nativeContains(a[0], a[1])));
        method(t, "__iter__", (a, k) -> Iterators.nativeIter(a[0]));
        method(t, "__getitem__", (a, k) -> Ops.nativeGetitem(a[0], a[1]));
        method(t, "__repr__", (a, k) -> PyStr.of(a[0].repr()));
        for (int op : new int[] {Arith.ADD, Arith.MUL, Arith.OR, Arith.AND, Arith.SUB, Arith.XOR, Arith.MOD}) {
            method(t, Ops.DUNDER[op], (a, k) -> Ops.nativeBinary(op, a[0], a[1]));
            method(t, Ops.RDUNDER[op], (a, k) -> Ops.nativeBinary(op, a[1], a[0]));
        }
    }

    private static void containerMethods() {
        PyType l = Types.LIST;
        l.constructor = (cls, a, k) -> {
            BArgs.count("list", a, k, 0, 1);
            PyList r = cls == Types.LIST ? new PyList() : new PyList.Subclass(cls);
            if (a.length == 1) {
                r.items.addAll(Ops.toList(a[0]));
            }
            return r;
        };
        staticNew(l);
        protocol(l);
        method(l, "__init__", (a, k) -> {
            PyList self = (PyList) a[0];
            self.items.clear();
            if (a.length > 1) {
                self.items.addAll(Ops.toList(a[1]));
            }
            return PySingleton.NONE;
        });
        method(l, "__setitem__", (a, k) -> {
            Ops.nativeSetitem(a[0], a[1], a[2]);
            return PySingleton.NONE;
        });
        method(l, "__delitem__", (a, k) -> {
            Ops.nativeDelitem(a[0], a[1]);
            return PySingleton.NONE;
        });
        method(l, "__iadd__", (a, k) -> Ops.inplace(Arith.ADD, a[0], a[1]));
        method(l, "__reversed__", (a, k) -> Iterators.reversed(a[0]));
        method(l, "append", (a, k) -> {
            arity("append", a, k, 1, 1);
            ((PyList) a[0]).items.add(a[1]);
            return PySingleton.NONE;
        });
        listAppend = l.dict.get("append");
        method(l, "extend", (a, k) -> {
            arity("extend", a, k, 1, 1);
            ((PyList) a[0]).items.addAll(Ops.toList(a[1]));
            return PySingleton.NONE;
        });
        method(l, "insert", (a, k) -> {
            arity("insert", a, k, 2, 2);
            ArrayList<PyObject> items = ((PyList) a[0]).items;
            long i = Ops.index(a[1]);
            int n = items.size();
            if (i < 0) {
                i = Math.max(0, i + n);
            }
            items.add((int) Math.min(i, n), a[2]);
            return PySingleton.NONE;
        });
        method(l, "pop", (a, k) -> {
            arity("pop", a, k, 0, 1);
            ArrayList<PyObject> items = ((PyList) a[0]).items;
            long i = a.length > 1 ? Ops.index(a[1]) : -1;
            if (items.isEmpty()) {
                throw PyErrors.indexError("pop from empty list");
            }
            if (i < 0) {
                i += items.size();
            }
            if (i < 0 || i >= items.size()) {
                throw PyErrors.indexError("pop index out of range");
            }
            return items.remove((int) i);
        });
        method(l, "remove", (a, k) -> {
            arity("remove", a, k, 1, 1);
            ArrayList<PyObject> items = ((PyList) a[0]).items;
            for (int i = 0; i < items.size(); i++) {
                if (Ops.eqBool(items.get(i), a[1])) {
                    items.remove(i);
                    return PySingleton.NONE;
                }
            }
            throw PyErrors.valueError("list.remove(x): x not in list");
        });
        method(l, "index", (a, k) -> {
            arity("index", a, k, 1, 3);
            ArrayList<PyObject> items = ((PyList) a[0]).items;
            int[] range = searchRange(a, items.size());
            for (int i = range[0]; i < range[1]; i++) {
                if (Ops.eqBool(items.get(i), a[1])) {
                    return PyInt.of(i);
                }
            }
            throw PyErrors.valueError(Ops.repr(a[1]) + " is not in list");
        });
        method(l, "count", (a, k) -> {
            arity("count", a, k, 1, 1);
            int c = 0;
            for (PyObject o : ((PyList) a[0]).items) {
                if (Ops.eqBool(o, a[1])) {
                    c++;
                }
            }
            return PyInt.of(c);
        });
        method(l, "reverse", (a, k) -> {
            arity("reverse", a, k, 0, 0);
            java.util.Collections.reverse(((PyList) a[0]).items);
            return PySingleton.NONE;
        });
        method(l, "clear", (a, k) -> {
            arity("clear", a, k, 0, 0);
            ((PyList) a[0]).items.clear();
            return PySingleton.NONE;
        });
        method(l, "copy", (a, k) -> {
            arity("copy", a, k, 0, 0);
            return new PyList(((PyList) a[0]).items);
        });
        method(l, "sort", (a, k) -> {
            if (a.length - (k == null ? 0 : k.length) > 1) {
                throw PyErrors.typeError("sort() takes no positional arguments");
            }
            PyObject[] p = BArgs.parse("sort", Arrays.copyOfRange(a, 1, a.length), k, 0, "key", "reverse");
            sortList((PyList) a[0], p[0], p[1] != null && Ops.index(p[1]) != 0);
            return PySingleton.NONE;
        });

        PyType t = Types.TUPLE;
        t.constructor = (cls, a, k) -> {
            BArgs.count("tuple", a, k, 0, 1);
            PyTuple v = a.length == 0 ? PyTuple.EMPTY
                    : a[0].getClass() == PyTuple.class ? (PyTuple) a[0] : PyTuple.of(Ops.toList(a[0]));
            return cls == Types.TUPLE ? v : new PyTuple.Subclass(cls, v.items);
        };
        staticNew(t);
        protocol(t);
        method(t, "__hash__", (a, k) -> PyInt.of(Ops.builtinHash(a[0])));
        method(t, "count", (a, k) -> {
            arity("count", a, k, 1, 1);
            int c = 0;
            for (PyObject o : ((PyTuple) a[0]).items) {
                if (Ops.eqBool(o, a[1])) {
                    c++;
                }
            }
            return PyInt.of(c);
        });
        method(t, "index", (a, k) -> {
            arity("index", a, k, 1, 3);
            PyObject[] items = ((PyTuple) a[0]).items;
            int[] range = searchRange(a, items.length);
            for (int i = range[0]; i < range[1]; i++) {
                if (Ops.eqBool(items[i], a[1])) {
                    return PyInt.of(i);
                }
            }
            throw PyErrors.valueError("tuple.index(x): x not in tuple");
        });

        DictMethods.install();
        SetMethods.install();

        PyType r = Types.RANGE;
        r.constructor = (cls, a, k) -> {
            BArgs.count("range", a, k, 1, 3);
            if (a.length == 1) {
                return new PyRange(0, Ops.index(a[0]), 1);
            }
            return new PyRange(Ops.index(a[0]), Ops.index(a[1]), a.length == 3 ? Ops.index(a[2]) : 1);
        };
        protocol(r);
        method(r, "__reversed__", (a, k) -> Iterators.reversed(a[0]));
        method(r, "count", (a, k) -> PyInt.of(Ops.nativeContains(a[0], a[1]) ? 1 : 0));
        method(r, "index", (a, k) -> {
            PyRange rg = (PyRange) a[0];
            if (a[1] instanceof PyInt i && i.big == null && Ops.nativeContains(rg, a[1])) {
                return PyInt.of((i.value - rg.start) / rg.step);
            }
            for (long n = 0; n < rg.length(); n++) {
                if (Ops.eqBool(PyInt.of(rg.at(n)), a[1])) {
                    return PyInt.of(n);
                }
            }
            throw PyErrors.valueError(Ops.repr(a[1]) + " is not in range");
        });
        for (String n : new String[] {"start", "stop", "step"}) {
            r.dict.put(n, new PyProperty(new PyBuiltinFunction(n, false, (a, k) -> {
                PyRange rg = (PyRange) a[0];
                return PyInt.of(n.equals("start") ? rg.start : n.equals("stop") ? rg.stop : rg.step);
            }), PySingleton.NONE, PySingleton.NONE, PySingleton.NONE));
        }
        PyType s = Types.SLICE;
        s.constructor = (cls, a, k) -> {
            BArgs.count("slice", a, k, 1, 3);
            if (a.length == 1) {
                return new PySlice(PySingleton.NONE, a[0], PySingleton.NONE);
            }
            return new PySlice(a[0], a[1], a.length == 3 ? a[2] : PySingleton.NONE);
        };
        method(s, "indices", (a, k) -> {
            long[] ix = ((PySlice) a[0]).indices(Ops.index(a[1]));
            return new PyTuple(PyInt.of(ix[0]), PyInt.of(ix[1]), PyInt.of(ix[2]));
        });
        for (PyType v : new PyType[] {Types.DICT_KEYS, Types.DICT_VALUES, Types.DICT_ITEMS}) {
            protocol(v);
        }
    }

    /** The start and end of {@code index(x, start, end)}, clipped to {@code n}. */
    private static int[] searchRange(PyObject[] a, int n) {
        long start = a.length > 2 ? Ops.indexClamped(a[2]) : 0;
        long end = a.length > 3 ? Ops.indexClamped(a[3]) : n;
        if (start < 0) {
            start = Math.max(0, start + n);
        }
        if (end < 0) {
            end = Math.max(0, end + n);
        }
        return new int[] {(int) Math.min(start, n), (int) Math.min(end, n)};
    }

    /** {@code list.sort(key, reverse)}: stable (Java's TimSort is Python's TimSort), using only {@code <}. */
    static void sortList(PyList l, PyObject key, boolean reverse) {
        ArrayList<PyObject> items = l.items;
        int n = items.size();
        if (n < 2) {
            return;
        }
        boolean hasKey = key != null && key != PySingleton.NONE;
        if (!hasKey && sortHomogeneous(items, reverse)) {
            return;
        }
        PyObject[] keys = new PyObject[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            keys[i] = hasKey ? key.call(new PyObject[] {items.get(i)}, null) : items.get(i);
            order[i] = i;
        }
        Comparator<Integer> cmp = (x, y) -> {
            PyObject a = keys[x];
            PyObject b = keys[y];
            if (Ops.lt(a, b)) {
                return -1;
            }
            return Ops.lt(b, a) ? 1 : 0;
        };
        try {
            Arrays.sort(order, reverse ? cmp.reversed() : cmp);
        } catch (IllegalArgumentException e) {
            // an inconsistent __lt__: keep whatever order was reached, as CPython does
        }
        PyObject[] sorted = new PyObject[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = items.get(order[i]);
        }
        items.clear();
        items.addAll(Arrays.asList(sorted));
    }

    private static final Comparator<PyObject> BY_LONG = (x, y) -> Long.compare(((PyInt) x).value, ((PyInt) y).value);
    private static final Comparator<PyObject> BY_STR = (x, y) -> ((PyStr) x).value.compareTo(((PyStr) y).value);

    /** Sorts a list of only small ints or only strs without calling {@code <}; false otherwise. */
    private static boolean sortHomogeneous(ArrayList<PyObject> items, boolean reverse) {
        Class<?> c = items.get(0).getClass();
        if (c != PyInt.class && c != PyStr.class) {
            return false;
        }
        for (PyObject o : items) {
            if (o.getClass() != c || c == PyInt.class && ((PyInt) o).big != null) {
                return false;
            }
        }
        Comparator<PyObject> cmp = c == PyInt.class ? BY_LONG : BY_STR;
        items.sort(reverse ? cmp.reversed() : cmp);
        return true;
    }

    // ------------------------------------------------------------------ descriptors, functions

    private static void descriptorMethods() {
        PyType p = Types.PROPERTY;
        p.constructor = (cls, a, k) -> {
            PyObject[] x = BArgs.parse("property", a, k, 0, "fget", "fset", "fdel", "doc");
            return new PyProperty(orNone(x[0]), orNone(x[1]), orNone(x[2]), orNone(x[3]));
        };
        method(p, "getter", (a, k) -> {
            PyProperty pr = (PyProperty) a[0];
            return new PyProperty(a[1], pr.fset, pr.fdel, PySingleton.NONE);
        });
        method(p, "setter", (a, k) -> {
            PyProperty pr = (PyProperty) a[0];
            return new PyProperty(pr.fget, a[1], pr.fdel, pr.doc);
        });
        method(p, "deleter", (a, k) -> {
            PyProperty pr = (PyProperty) a[0];
            return new PyProperty(pr.fget, pr.fset, a[1], pr.doc);
        });
        method(p, "__get__", (a, k) -> a[1] == PySingleton.NONE ? a[0] : ((PyProperty) a[0]).get(a[1]));
        method(p, "__set__", (a, k) -> {
            ((PyProperty) a[0]).set(a[1], a[2], "?");
            return PySingleton.NONE;
        });
        Types.STATICMETHOD.constructor = (cls, a, k) -> {
            BArgs.count("staticmethod", a, k, 1, 1);
            return new PyStaticMethod(a[0]);
        };
        method(Types.STATICMETHOD, "__get__", (a, k) -> ((PyStaticMethod) a[0]).function);
        Types.CLASSMETHOD.constructor = (cls, a, k) -> {
            BArgs.count("classmethod", a, k, 1, 1);
            return new PyClassMethod(a[0]);
        };
        method(Types.CLASSMETHOD, "__get__", (a, k) -> new PyMethod(((PyClassMethod) a[0]).function,
                a.length > 2 && a[2] != PySingleton.NONE ? a[2] : a[1].type()));
        Types.FUNCTION.constructor = (cls, a, k) -> {
            PyObject[] x = BArgs.parse("function", a, k, 2, "code", "globals", "name", "argdefs", "closure");
            if (!(x[0] instanceof PyCode code) || !(x[1] instanceof PyDict g)) {
                throw PyErrors.typeError("function() argument 'code' must be code, not " + Ops.typeName(x[0]));
            }
            PyCell[] closure = null;
            if (x[4] != null && x[4] != PySingleton.NONE) {
                List<PyObject> cells = Ops.toList(x[4]);
                closure = new PyCell[cells.size()];
                for (int i = 0; i < closure.length; i++) {
                    if (!(cells.get(i) instanceof PyCell cell)) {
                        throw PyErrors.typeError("arg 5 (closure) expected cell, found " + Ops.typeName(cells.get(i)));
                    }
                    closure[i] = cell;
                }
            }
            if (code.code().freevars().size() != (closure == null ? 0 : closure.length)) {
                throw PyErrors.valueError(code.code().name() + " requires closure of length "
                        + code.code().freevars().size() + ", not " + (closure == null ? 0 : closure.length));
            }
            if (x[3] != null && x[3] != PySingleton.NONE && !(x[3] instanceof PyTuple)) {
                throw PyErrors.typeError("arg 4 (defaults) must be None or tuple");
            }
            PyTuple defaults = x[3] == null || x[3] == PySingleton.NONE ? null : (PyTuple) x[3];
            PyFunction f = new PyFunction(Interp.current(), code, g, defaults, null, closure);
            if (x[2] != null && x[2] != PySingleton.NONE) {
                f.name = Ops.str(x[2]);
            }
            return f;
        };
        method(Types.FUNCTION, "__get__", (a, k) -> a[1] == PySingleton.NONE ? a[0] : new PyMethod(a[0], a[1]));
        method(Types.FUNCTION, "__call__", (a, k) -> a[0].call(Arrays.copyOfRange(a, 1, a.length), k));
        Types.MODULE.constructor = (cls, a, k) -> {
            BArgs.count("module", a, k, 1, 2);
            return new PyModule(Ops.str(a[0]), new PyDict());
        };
        Types.SUPER.constructor = (cls, a, k) -> {
            BArgs.count("super", a, k, 0, 2);
            if (a.length == 0) {
                return Builtins.zeroArgSuper(Interp.current());
            }
            if (!(a[0] instanceof PyType t)) {
                throw PyErrors.typeError("super() argument 1 must be a type, not " + Ops.typeName(a[0]));
            }
            if (a.length == 1) {
                throw PyErrors.typeError("super() with one argument is not supported");
            }
            return new PySuper(t, a[1]);
        };
        PyType c = Types.CELL;
        c.constructor = (cls, a, k) -> new PyCell(a.length > 0 ? a[0] : null);
    }

    private static PyObject orNone(PyObject o) {
        return o == null ? PySingleton.NONE : o;
    }

    // ------------------------------------------------------------------ iterators, generators

    private static void iteratorMethods() {
        PyType[] its = {Types.LIST_ITERATOR, Types.LIST_REVERSEITERATOR, Types.TUPLE_ITERATOR, Types.STR_ITERATOR,
            Types.BYTES_ITERATOR, Types.RANGE_ITERATOR, Types.DICT_KEYITERATOR, Types.DICT_VALUEITERATOR,
            Types.DICT_ITEMITERATOR, Types.SET_ITERATOR, Types.CALLABLE_ITERATOR, Types.SEQ_ITERATOR, Types.ENUMERATE,
            Types.ZIP, Types.MAP, Types.FILTER, Types.REVERSED, Types.GENERATOR};
        for (PyType t : its) {
            method(t, "__iter__", (a, k) -> a[0]);
            method(t, "__next__", (a, k) -> {
                PyObject v = Ops.next(a[0]);
                if (v == null) {
                    throw PyErrors.of(Types.STOP_ITERATION, a[0] instanceof PyGenerator g ? new PyObject[] {g.returnValue()}
                            : new PyObject[0]);
                }
                return v;
            });
        }
        Types.ENUMERATE.constructor = (cls, a, k) -> {
            PyObject[] p = BArgs.parse("enumerate", a, k, 1, "iterable", "start");
            PyObject it = Ops.iter(p[0]);
            PyObject start = p[1] == null ? PyInt.of(0) : p[1];
            if (!(start instanceof PyInt)) {
                throw PyErrors.typeError("'" + Ops.typeName(start) + "' object cannot be interpreted as an integer");
            }
            PyObject[] counter = {start};
            return new PyIterator(Types.ENUMERATE, () -> {
                PyObject v = Ops.next(it);
                if (v == null) {
                    return null;
                }
                PyObject i = counter[0];
                counter[0] = Ops.binary(Arith.ADD, i, PyInt.of(1));
                return new PyTuple(i, v);
            });
        };
        Types.ZIP.constructor = (cls, a, k) -> {
            boolean strict = false;
            int nkw = k == null ? 0 : k.length;
            for (int i = 0; i < nkw; i++) {
                if (!k[i].equals("strict")) {
                    throw PyErrors.typeError("zip() got an unexpected keyword argument '" + k[i] + "'");
                }
                strict = Ops.truthy(a[a.length - nkw + i]);
            }
            int n = a.length - nkw;
            PyObject[] its2 = new PyObject[n];
            for (int i = 0; i < n; i++) {
                its2[i] = Ops.iter(a[i]);
            }
            boolean strictF = strict;
            return new PyIterator(Types.ZIP, () -> {
                if (n == 0) {
                    return null;
                }
                PyObject[] row = new PyObject[n];
                for (int i = 0; i < n; i++) {
                    PyObject v = Ops.next(its2[i]);
                    if (v == null) {
                        if (strictF && i > 0) {
                            throw PyErrors.valueError("zip() argument " + (i + 1) + " is shorter than argument 1");
                        }
                        return null;
                    }
                    row[i] = v;
                }
                return new PyTuple(row);
            });
        };
        Types.MAP.constructor = (cls, a, k) -> {
            if (a.length < 2) {
                throw PyErrors.typeError("map() must have at least two arguments.");
            }
            PyObject f = a[0];
            int n = a.length - 1;
            PyObject[] its2 = new PyObject[n];
            for (int i = 0; i < n; i++) {
                its2[i] = Ops.iter(a[i + 1]);
            }
            return new PyIterator(Types.MAP, () -> {
                PyObject[] row = new PyObject[n];
                for (int i = 0; i < n; i++) {
                    PyObject v = Ops.next(its2[i]);
                    if (v == null) {
                        return null;
                    }
                    row[i] = v;
                }
                return f.call(row, null);
            });
        };
        Types.FILTER.constructor = (cls, a, k) -> {
            BArgs.count("filter", a, k, 2, 2);
            PyObject f = a[0];
            PyObject it = Ops.iter(a[1]);
            return new PyIterator(Types.FILTER, () -> {
                PyObject v;
                while ((v = Ops.next(it)) != null) {
                    boolean keep = f == PySingleton.NONE ? Ops.truthy(v) : Ops.truthy(f.call(new PyObject[] {v}, null));
                    if (keep) {
                        return v;
                    }
                }
                return null;
            });
        };
        Types.REVERSED.constructor = (cls, a, k) -> {
            BArgs.count("reversed", a, k, 1, 1);
            return Iterators.reversed(a[0]);
        };
        PyType g = Types.GENERATOR;
        method(g, "send", (a, k) -> {
            arity("send", a, k, 1, 1);
            return ((PyGenerator) a[0]).send(a[1]);
        });
        method(g, "throw", (a, k) -> {
            arity("throw", a, k, 1, 3);
            PyBaseException e = Ops.makeException(a.length > 2 && a[1] instanceof PyType t && !(a[2] instanceof PyBaseException)
                    ? t.call(a[2] == PySingleton.NONE ? new PyObject[0] : new PyObject[] {a[2]}, null) : a.length > 2 ? a[2] : a[1]);
            return ((PyGenerator) a[0]).throwInto(new PyException(e));
        });
        method(g, "close", (a, k) -> {
            ((PyGenerator) a[0]).close();
            return PySingleton.NONE;
        });
    }

    // ------------------------------------------------------------------ exceptions

    private static void exceptionMethods() {
        PyType b = Types.BASE_EXCEPTION;
        b.constructor = (cls, a, k) -> new PyBaseException(cls, a.length == 0 ? PyTuple.EMPTY
                : new PyTuple(Arrays.copyOf(a, a.length - (k == null ? 0 : k.length))));
        staticNew(b);
        method(b, "__init__", (a, k) -> {
            ((PyBaseException) a[0]).args = new PyTuple(Arrays.copyOfRange(a, 1, a.length - (k == null ? 0 : k.length)));
            return PySingleton.NONE;
        });
        method(b, "__str__", (a, k) -> PyStr.of(a[0].str()));
        method(b, "__repr__", (a, k) -> PyStr.of(a[0].repr()));
        method(b, "with_traceback", (a, k) -> a[0]);
        method(b, "add_note", (a, k) -> PySingleton.NONE);
    }

    // ------------------------------------------------------------------ files and streams

    private static void fileMethods() {
        PyType f = Types.FILE;
        method(f, "write", (a, k) -> {
            arity("write", a, k, 1, 1);
            String s = BArgs.str("write", a[1]);
            if (a[0] instanceof PyStream ps) {
                ps.write(s);
            } else {
                file(a[0]).write(s);
            }
            return PyInt.of(s.length());
        });
        method(f, "writelines", (a, k) -> {
            for (PyObject o : Ops.toList(a[1])) {
                file(a[0]).write(Ops.str(o));
            }
            return PySingleton.NONE;
        });
        method(f, "flush", (a, k) -> {
            if (a[0] instanceof PyStream ps) {
                ps.flush();
            } else {
                file(a[0]).flush();
            }
            return PySingleton.NONE;
        });
        method(f, "read", (a, k) -> {
            arity("read", a, k, 0, 1);
            long n = a.length > 1 && a[1] != PySingleton.NONE ? Ops.index(a[1]) : -1;
            return PyStr.of(file(a[0]).read(n));
        });
        method(f, "readline", (a, k) -> PyStr.of(file(a[0]).readline()));
        method(f, "readlines", (a, k) -> {
            List<PyObject> out = new ArrayList<>();
            PyObject line;
            while ((line = file(a[0]).readlineOrNull()) != null) {
                out.add(line);
            }
            return new PyList(out);
        });
        method(f, "close", (a, k) -> {
            if (a[0] instanceof PyFile pf) {
                pf.close();
            }
            return PySingleton.NONE;
        });
        method(f, "__enter__", (a, k) -> a[0]);
        method(f, "__exit__", (a, k) -> {
            if (a[0] instanceof PyFile pf) {
                pf.close();
            }
            return PyBool.FALSE;
        });
        method(f, "__iter__", (a, k) -> Iterators.nativeIter(a[0]));
        method(f, "fileno", (a, k) -> PyInt.of(a[0] instanceof PyStream ps && ps.name.equals("<stderr>") ? 2 : 1));
        method(f, "isatty", (a, k) -> PyBool.FALSE);
    }

    /** The receiver as a file; sys.stdout and sys.stderr are write-only streams. */
    private static PyFile file(PyObject o) {
        if (o instanceof PyFile f) {
            return f;
        }
        throw PyErrors.of(Types.OS_ERROR, "not readable");
    }

    static LinkedHashSet<Object> keySet(PyObject o) {
        if (o instanceof PySet s) {
            return s.set;
        }
        if (o instanceof DictView v) {
            return v.asSet();
        }
        LinkedHashSet<Object> r = new LinkedHashSet<>();
        for (PyObject x : Ops.toList(o)) {
            r.add(PyDict.keyForm(x));
        }
        return r;
    }
}
