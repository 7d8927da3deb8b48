package dev.taipan.flowgraph.host;

import dev.taipan.flowgraph.syntax.Ast;
import dev.taipan.flowgraph.syntax.PyRepr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The object protocols: truth, repr/str, hashing, comparison, operators, items, iteration,
 * length, membership. Each one first handles the built-in types directly (what CPython's type
 * slots do in C), and otherwise looks up the special method on the <em>type</em> (never the
 * instance), including the reflected-operand rules: {@code a + b} tries {@code a.__add__(b)},
 * then {@code b.__radd__(a)}, and tries the reflected method first when {@code b}'s class is a
 * subclass of {@code a}'s that overrides it.
 */
final class Ops {
    private Ops() {}

    static final PyObject NI = PySingleton.NOT_IMPLEMENTED;
    private static final String[] BINARY_NAMES = {"add", "sub", "mul", "matmul", "truediv", "mod", "pow",
        "lshift", "rshift", "or", "xor", "and", "floordiv"};
    static final String[] DUNDER = new String[13];
    static final String[] RDUNDER = new String[13];
    static final String[] IDUNDER = new String[13];
    static final String[] CMP_DUNDER = {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"};
    private static final int[] CMP_SWAPPED = {0, 1, 4, 5, 2, 3};
    private static final String[] CMP_SYMBOL = {"==", "!=", "<", "<=", ">", ">="};
    private static final ThreadLocal<IdentityHashMap<PyObject, Boolean>> IN_REPR =
            ThreadLocal.withInitial(IdentityHashMap::new);

    static {
        for (int i = 0; i < 13; i++) {
            DUNDER[i] = "__" + BINARY_NAMES[i] + "__";
            RDUNDER[i] = "__r" + BINARY_NAMES[i] + "__";
            IDUNDER[i] = "__i" + BINARY_NAMES[i] + "__";
        }
    }

    // ------------------------------------------------------------------ small helpers

    static PyObject[] prepend(PyObject first, PyObject[] args) {
        PyObject[] a = new PyObject[args.length + 1];
        a[0] = first;
        System.arraycopy(args, 0, a, 1, args.length);
        return a;
    }

    static PyObject call(PyObject f, PyObject... args) {
        return f.call(args, null);
    }

    static String address(PyObject o) {
        return "0x" + Long.toHexString(id(o));
    }

    static long id(PyObject o) {
        return 0x7f0000000000L + ((long) System.identityHashCode(o) << 4);
    }

    static PyTuple strTuple(List<String> items) {
        PyObject[] a = new PyObject[items.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = PyStr.of(items.get(i));
        }
        return new PyTuple(a);
    }

    static String typeName(PyObject o) {
        return o.type().name();
    }

    /** A constant of a code object ({@code Code.consts}) as a Python object. */
    static PyObject fromConstant(Object c) {
        return switch (c) {
            case null -> PySingleton.NONE;
            case Long l -> PyInt.of(l);
            case Integer i -> PyInt.of(i);
            case BigInteger b -> PyInt.of(b);
            case Double d -> new PyFloat(d);
            case String s -> PyStr.of(s);
            case Boolean b -> PyBool.of(b);
            case Ast.Bytes b -> new PyBytes(b.data());
            case Ast.Singleton s -> s == Ast.Singleton.NONE ? PySingleton.NONE : PySingleton.ELLIPSIS;
            case dev.taipan.flowgraph.bytecode.Code code -> new PyCode(code);
            case List<?> l -> {
                PyObject[] items = new PyObject[l.size()];
                for (int i = 0; i < items.length; i++) {
                    items[i] = fromConstant(l.get(i));
                }
                yield new PyTuple(items);
            }
            default -> throw new IllegalArgumentException("not a constant: " + c.getClass());
        };
    }

    static boolean enterRepr(PyObject o) {
        return IN_REPR.get().put(o, Boolean.TRUE) == null;
    }

    static void leaveRepr(PyObject o) {
        IN_REPR.get().remove(o);
    }

    // ------------------------------------------------------------------ repr, str, truth, hash

    static String repr(PyObject o) {
        PyType t = o.type();
        if (t.isBuiltin()) {
            return o.repr();
        }
        PyObject m = t.lookup("__repr__");
        if (m instanceof PyBuiltinFunction) {
            return o.repr();
        }
        PyObject r = m.call(new PyObject[] {o}, null);
        if (!(r instanceof PyStr s)) {
            throw PyErrors.typeError("__repr__ returned non-string (type " + r.type().name() + ")");
        }
        return s.value;
    }

    static String str(PyObject o) {
        if (o.getClass() == PyStr.class) {
            PyStr s = (PyStr) o;
            return s.value;
        }
        PyType t = o.type();
        if (t.isBuiltin()) {
            return o.str();
        }
        PyObject m = t.lookup("__str__");
        if (m instanceof PyBuiltinFunction) {
            return m == Types.OBJECT.dict.get("__str__") ? repr(o) : o.str();
        }
        PyObject r = m.call(new PyObject[] {o}, null);
        if (!(r instanceof PyStr s)) {
            throw PyErrors.typeError("__str__ returned non-string (type " + r.type().name() + ")");
        }
        return s.value;
    }

    static String ascii(PyObject o) {
        return dev.taipan.flowgraph.host.lib.PercentFormat.ascii(repr(o));
    }

    static boolean truthy(PyObject o) {
        if (o == PyBool.TRUE) {
            return true;
        }
        if (o == PyBool.FALSE || o == PySingleton.NONE) {
            return false;
        }
        if (o instanceof PyInt i && o.type().isBuiltin()) {
            return i.signum() != 0;
        }
        PyType t = o.type();
        if (t.isBuiltin()) {
            return switch (o) {
                case PyStr s -> !s.value.isEmpty();
                case PyList l -> !l.items.isEmpty();
                case PyTuple tu -> tu.items.length != 0;
                case PyDict d -> d.map.size() != 0;
                case PySet s -> !s.set.isEmpty();
                case PyFloat f -> f.value != 0;
                case PyBytes b -> b.value.length != 0;
                case PyRange r -> r.length() != 0;
                case DictView v -> v.size() != 0;
                default -> true;
            };
        }
        PyObject m = t.lookup("__bool__");
        if (m != null) {
            PyObject r = m.call(new PyObject[] {o}, null);
            if (!(r instanceof PyBool b)) {
                throw PyErrors.typeError("__bool__ should return bool, returned " + r.type().name());
            }
            return b == PyBool.TRUE;
        }
        m = t.lookup("__len__");
        if (m != null) {
            return len(o) != 0;
        }
        return true;
    }

    static long hash(PyObject o) {
        PyType t = o.type();
        if (!t.isBuiltin()) {
            PyObject m = t.lookup("__hash__");
            if (m == PySingleton.NONE) {
                throw PyErrors.typeError("unhashable type: '" + t.name() + "'");
            }
            if (m instanceof PyBuiltinFunction) {
                return builtinHash(o);
            }
            PyObject r = m.call(new PyObject[] {o}, null);
            if (!(r instanceof PyInt i)) {
                throw PyErrors.typeError("__hash__ method should return an integer");
            }
            return i.big == null ? i.value : Arith.hashInt(i);
        }
        return builtinHash(o);
    }

    static long builtinHash(PyObject o) {
        return switch (o) {
            case PyStr s -> s.value.hashCode();
            case PyInt i -> Arith.hashInt(i);
            case PyFloat f -> Arith.hashFloat(f.value);
            case PyTuple t -> {
                long h = 0x345678L;
                long mult = 1000003L;
                int n = t.items.length;
                for (PyObject item : t.items) {
                    n--;
                    h = (h ^ hash(item)) * mult;
                    mult += 82520L + n + n;
                }
                h += 97531L;
                yield h == -1 ? -2 : h;
            }
            case PyList l -> throw PyErrors.typeError("unhashable type: '" + l.type().name() + "'");
            case PyDict d -> throw PyErrors.typeError("unhashable type: '" + d.type().name() + "'");
            case PySet s -> {
                if (!s.frozen) {
                    throw PyErrors.typeError("unhashable type: 'set'");
                }
                yield s.set.hashCode();
            }
            case PyBytes b -> java.util.Arrays.hashCode(b.value);
            default -> id(o) >> 4;
        };
    }

    // ------------------------------------------------------------------ comparison

    static boolean eqBool(PyObject a, PyObject b) {
        if (a == b) {
            return true;
        }
        if (a instanceof PyStr x && b instanceof PyStr y) {
            return x.value.equals(y.value);
        }
        if (a.getClass() == PyInt.class && b.getClass() == PyInt.class) {
            return a.equals(b);
        }
        PyObject r = richCompare(0, a, b);
        return r == PyBool.TRUE || r != PyBool.FALSE && truthy(r);
    }

    static PyObject compare(int op, PyObject a, PyObject b) {
        return switch (op) {
            case 6 -> PyBool.of(a == b);
            case 7 -> PyBool.of(a != b);
            case 8 -> PyBool.of(contains(b, a));
            case 9 -> PyBool.of(!contains(b, a));
            default -> richCompare(op, a, b);
        };
    }

    static boolean lt(PyObject a, PyObject b) {
        if (a.getClass() == PyInt.class && b.getClass() == PyInt.class && ((PyInt) a).big == null
                && ((PyInt) b).big == null) {
            return ((PyInt) a).value < ((PyInt) b).value;
        }
        if (a instanceof PyStr x && b instanceof PyStr y) {
            return x.value.compareTo(y.value) < 0;
        }
        return truthy(richCompare(2, a, b));
    }

    static PyObject richCompare(int op, PyObject a, PyObject b) {
        PyType ta = a.type();
        PyType tb = b.type();
        if (ta.isBuiltin() && tb.isBuiltin()) {
            PyObject r = nativeCompare(op, a, b);
            if (r != null) {
                return r;
            }
            return compareFallback(op, a, b);
        }
        String name = CMP_DUNDER[op];
        String rname = CMP_DUNDER[CMP_SWAPPED[op]];
        boolean reflectedFirst = false;
        if (ta != tb && tb.isSubtypeOf(ta)) {
            PyObject rb = tb.lookup(rname);
            reflectedFirst = rb != null && rb != ta.lookup(rname);
        }
        if (reflectedFirst) {
            PyObject r = callCmp(tb.lookup(rname), CMP_SWAPPED[op], b, a);
            if (r != NI) {
                return r;
            }
        }
        PyObject r = callCmp(ta.lookup(name), op, a, b);
        if (r != NI) {
            return r;
        }
        if (!reflectedFirst) {
            r = callCmp(tb.lookup(rname), CMP_SWAPPED[op], b, a);
            if (r != NI) {
                return r;
            }
        }
        return compareFallback(op, a, b);
    }

    private static PyObject callCmp(PyObject m, int op, PyObject self, PyObject other) {
        if (m == null) {
            return NI;
        }
        if (m instanceof PyBuiltinFunction) {
            PyObject r = nativeCompare(op, self, other);
            if (r != null) {
                return r;
            }
            if (op == 0) {
                return self == other ? PyBool.TRUE : NI;
            }
            if (op == 1) {
                PyObject eq = richCompareEqOnly(self, other);
                return eq == NI ? NI : PyBool.of(!truthy(eq));
            }
            return NI;
        }
        return m.call(new PyObject[] {self, other}, null);
    }

    /** {@code self.__eq__(other)} as the type defines it: what the default {@code __ne__} inverts. */
    static PyObject richCompareEqOnly(PyObject self, PyObject other) {
        PyObject eq = self.type().lookup("__eq__");
        if (eq instanceof PyBuiltinFunction) {
            PyObject r = nativeCompare(0, self, other);
            return r != null ? r : self == other ? PyBool.TRUE : NI;
        }
        return eq.call(new PyObject[] {self, other}, null);
    }

    private static PyObject compareFallback(int op, PyObject a, PyObject b) {
        if (op == 0) {
            return PyBool.of(a == b);
        }
        if (op == 1) {
            return PyBool.of(a != b);
        }
        throw PyErrors.typeError("'" + CMP_SYMBOL[op] + "' not supported between instances of '" + typeName(a)
                + "' and '" + typeName(b) + "'");
    }

    private static PyObject cmpResult(int op, int c) {
        return PyBool.of(switch (op) {
            case 0 -> c == 0;
            case 1 -> c != 0;
            case 2 -> c < 0;
            case 3 -> c <= 0;
            case 4 -> c > 0;
            default -> c >= 0;
        });
    }

    /** Comparison of built-in values; null when the types do not compare (NotImplemented). */
    static PyObject nativeCompare(int op, PyObject a, PyObject b) {
        if (a instanceof PyInt x) {
            if (b instanceof PyInt y) {
                int c = x.big == null && y.big == null ? Long.compare(x.value, y.value) : x.bigValue().compareTo(y.bigValue());
                return cmpResult(op, c);
            }
            if (b instanceof PyFloat y) {
                int c = Arith.compareIntFloat(x, y.value);
                return c == 2 ? PyBool.of(op == 1) : cmpResult(op, c);
            }
            return null;
        }
        if (a instanceof PyFloat x) {
            if (b instanceof PyFloat y) {
                if (Double.isNaN(x.value) || Double.isNaN(y.value)) {
                    return PyBool.of(op == 1);
                }
                return cmpResult(op, x.value < y.value ? -1 : x.value > y.value ? 1 : 0);
            }
            if (b instanceof PyInt y) {
                int c = Arith.compareIntFloat(y, x.value);
                return c == 2 ? PyBool.of(op == 1) : cmpResult(op, -c);
            }
            return null;
        }
        if (a instanceof PyStr x && b instanceof PyStr y) {
            return cmpResult(op, x.value.compareTo(y.value));
        }
        if (a instanceof PyBytes x && b instanceof PyBytes y) {
            return cmpResult(op, java.util.Arrays.compareUnsigned(x.value, y.value));
        }
        if (a instanceof PyTuple x && b instanceof PyTuple y) {
            return sequenceCompare(op, List.of(x.items), List.of(y.items));
        }
        if (a instanceof PyList x && b instanceof PyList y) {
            return sequenceCompare(op, x.items, y.items);
        }
        if (a instanceof PySet x && b instanceof PySet y) {
            return switch (op) {
                case 0 -> PyBool.of(x.set.equals(y.set));
                case 1 -> PyBool.of(!x.set.equals(y.set));
                case 2 -> PyBool.of(x.set.size() < y.set.size() && y.set.containsAll(x.set));
                case 3 -> PyBool.of(y.set.containsAll(x.set));
                case 4 -> PyBool.of(x.set.size() > y.set.size() && x.set.containsAll(y.set));
                default -> PyBool.of(x.set.containsAll(y.set));
            };
        }
        if (a instanceof PyDict x && b instanceof PyDict y && op <= 1) {
            boolean eq = x.map.size() == y.map.size();
            if (eq) {
                for (var e : x.map.entrySet()) {
                    PyObject v = y.map.get(e.getKey());
                    if (v == null || !eqBool(e.getValue(), v)) {
                        eq = false;
                        break;
                    }
                }
            }
            return PyBool.of(op == 0 ? eq : !eq);
        }
        if (a instanceof PyRange x && b instanceof PyRange y && op <= 1) {
            boolean eq = x.equals(y) || x.length() == y.length() && (x.length() == 0
                    || x.start == y.start && (x.length() == 1 || x.step == y.step));
            return PyBool.of(op == 0 ? eq : !eq);
        }
        if (a instanceof DictView x && b instanceof DictView y && op <= 1) {
            boolean eq = x.asSet().equals(y.asSet());
            return PyBool.of(op == 0 ? eq : !eq);
        }
        if (a instanceof DictView x && b instanceof PySet y && op <= 1) {
            boolean eq = x.asSet().equals(y.set);
            return PyBool.of(op == 0 ? eq : !eq);
        }
        return null;
    }

    private static PyObject sequenceCompare(int op, List<PyObject> x, List<PyObject> y) {
        int n = Math.min(x.size(), y.size());
        int i = 0;
        while (i < n && (x.get(i) == y.get(i) || eqBool(x.get(i), y.get(i)))) {
            i++;
        }
        if (i >= n) {
            return cmpResult(op, Integer.compare(x.size(), y.size()));
        }
        if (op == 0) {
            return PyBool.FALSE;
        }
        if (op == 1) {
            return PyBool.TRUE;
        }
        return richCompare(op, x.get(i), y.get(i));
    }

    // ------------------------------------------------------------------ arithmetic

    static PyObject binary(int op, PyObject a, PyObject b) {
        PyObject r = binaryOrNotImplemented(op, a, b);
        if (r == NI) {
            throw unsupported(op, a, b, false);
        }
        return r;
    }

    private static PyObject binaryOrNotImplemented(int op, PyObject a, PyObject b) {
        if (a.type().isBuiltin() && b.type().isBuiltin()) {
            return nativeBinary(op, a, b);
        }
        return binarySlow(op, a, b);
    }

    private static PyObject binarySlow(int op, PyObject a, PyObject b) {
        PyType ta = a.type();
        PyType tb = b.type();
        PyObject fa = ta.lookup(DUNDER[op]);
        PyObject fb = ta != tb ? tb.lookup(RDUNDER[op]) : null;
        if (fb != null && tb.isSubtypeOf(ta) && fb != ta.lookup(RDUNDER[op])) {
            PyObject r = fb.call(new PyObject[] {b, a}, null);
            if (r != NI) {
                return r;
            }
            fb = null;
        }
        if (fa != null) {
            PyObject r = fa.call(new PyObject[] {a, b}, null);
            if (r != NI) {
                return r;
            }
        }
        if (fb != null) {
            return fb.call(new PyObject[] {b, a}, null);
        }
        return NI;
    }

    static PyException unsupported(int op, PyObject a, PyObject b, boolean inplace) {
        if (op == Arith.ADD && (a instanceof PyStr || a instanceof PyList || a instanceof PyTuple || a instanceof PyBytes)
                && a.type().isBuiltin()) {
            String what = a instanceof PyBytes ? "can't concat " + typeName(b) + " to bytes"
                    : "can only concatenate " + typeName(a) + " (not \"" + typeName(b) + "\") to " + typeName(a);
            return PyErrors.typeError(what);
        }
        if (op == Arith.MUL && (isSequence(a) && !(b instanceof PyInt) || isSequence(b) && !(a instanceof PyInt))) {
            PyObject other = isSequence(a) ? b : a;
            return PyErrors.typeError("can't multiply sequence by non-int of type '" + typeName(other) + "'");
        }
        String sym = Ast.Operator.values()[op].symbol;
        if (inplace) {
            sym += "=";
        } else if (op == Arith.POW) {
            sym = "** or pow()";
        }
        return PyErrors.typeError("unsupported operand type(s) for " + sym + ": '" + typeName(a) + "' and '"
                + typeName(b) + "'");
    }

    private static boolean isSequence(PyObject o) {
        return o instanceof PyStr || o instanceof PyList || o instanceof PyTuple || o instanceof PyBytes;
    }

    /** An operator on built-in values (or the built-in part of a subclass instance). */
    static PyObject nativeBinary(int op, PyObject a, PyObject b) {
        if (a instanceof PyInt x) {
            if (b instanceof PyInt y) {
                if (x instanceof PyBool && y instanceof PyBool && (op == Arith.AND || op == Arith.OR || op == Arith.XOR)) {
                    long r = op == Arith.AND ? x.value & y.value : op == Arith.OR ? x.value | y.value : x.value ^ y.value;
                    return PyBool.of(r != 0);
                }
                PyObject r = Arith.intOp(op, x, y);
                return r == null ? NI : r;
            }
            if (b instanceof PyFloat y) {
                PyObject r = Arith.floatBinary(op, x.doubleValue(), y.value);
                return r == null ? NI : r;
            }
            if (op == Arith.MUL && isSequence(b)) {
                return Sequences.repeat(b, x);
            }
            return NI;
        }
        if (a instanceof PyFloat x) {
            if (b instanceof PyFloat y) {
                PyObject r = Arith.floatBinary(op, x.value, y.value);
                return r == null ? NI : r;
            }
            if (b instanceof PyInt y) {
                PyObject r = Arith.floatBinary(op, x.value, y.doubleValue());
                return r == null ? NI : r;
            }
            return NI;
        }
        if (a instanceof PyStr s) {
            if (op == Arith.ADD && b instanceof PyStr t) {
                return PyStr.of(s.value.concat(t.value));
            }
            if (op == Arith.MUL && b instanceof PyInt n) {
                return Sequences.repeat(a, n);
            }
            if (op == Arith.MOD) {
                return PyStr.of(Formatting.percent(s.value, b));
            }
            return NI;
        }
        if (a instanceof PyList l) {
            if (op == Arith.ADD && b instanceof PyList m) {
                ArrayList<PyObject> r = new ArrayList<>(l.items.size() + m.items.size());
                r.addAll(l.items);
                r.addAll(m.items);
                return new PyList(r, true);
            }
            if (op == Arith.MUL && b instanceof PyInt n) {
                return Sequences.repeat(a, n);
            }
            return NI;
        }
        if (a instanceof PyTuple t) {
            if (op == Arith.ADD && b instanceof PyTuple u) {
                PyObject[] r = new PyObject[t.items.length + u.items.length];
                System.arraycopy(t.items, 0, r, 0, t.items.length);
                System.arraycopy(u.items, 0, r, t.items.length, u.items.length);
                return new PyTuple(r);
            }
            if (op == Arith.MUL && b instanceof PyInt n) {
                return Sequences.repeat(a, n);
            }
            return NI;
        }
        if (a instanceof PyBytes x) {
            if (op == Arith.ADD && b instanceof PyBytes y) {
                byte[] r = java.util.Arrays.copyOf(x.value, x.value.length + y.value.length);
                System.arraycopy(y.value, 0, r, x.value.length, y.value.length);
                return new PyBytes(r);
            }
            if (op == Arith.MUL && b instanceof PyInt n) {
                return Sequences.repeat(a, n);
            }
            return NI;
        }
        if (a instanceof PySet x && (b instanceof PySet || b instanceof DictView)) {
            java.util.LinkedHashSet<Object> ys = b instanceof PySet y ? y.set : ((DictView) b).asSet();
            java.util.LinkedHashSet<Object> r = new java.util.LinkedHashSet<>(x.set);
            switch (op) {
                case Arith.OR -> r.addAll(ys);
                case Arith.AND -> r.retainAll(ys);
                case Arith.SUB -> r.removeAll(ys);
                case Arith.XOR -> {
                    for (Object o : ys) {
                        if (!r.remove(o)) {
                            r.add(o);
                        }
                    }
                }
                default -> {
                    return NI;
                }
            }
            return new PySet(r, x.frozen);
        }
        if (a instanceof DictView v && (b instanceof PySet || b instanceof DictView)) {
            return nativeBinary(op, new PySet(v.asSet(), false), b);
        }
        if (a instanceof PyDict x && b instanceof PyDict y && op == Arith.OR) {
            PyDict r = new PyDict();
            r.map.putAll(x.map);
            r.map.putAll(y.map);
            return r;
        }
        return NI;
    }

    static PyObject inplace(int op, PyObject a, PyObject b) {
        PyType ta = a.type();
        if (ta.isBuiltin()) {
            if (a instanceof PyList l) {
                if (op == Arith.ADD) {
                    l.items.addAll(toList(b));
                    return l;
                }
                if (op == Arith.MUL && b instanceof PyInt n) {
                    List<PyObject> copy = new ArrayList<>(l.items);
                    long times = n.big != null ? 0 : n.value;
                    l.items.clear();
                    for (long i = 0; i < times; i++) {
                        l.items.addAll(copy);
                    }
                    return l;
                }
            }
            if (a instanceof PySet s && !s.frozen && b instanceof PySet) {
                if (nativeBinary(op, a, b) instanceof PySet r) {
                    s.set.clear();
                    s.set.addAll(r.set);
                    return s;
                }
            }
            if (a instanceof PyDict d && op == Arith.OR && b instanceof PyDict) {
                dictUpdate(d, b, null);
                return d;
            }
            return inplaceFallback(op, a, b);
        }
        PyObject m = ta.lookup(IDUNDER[op]);
        if (m != null) {
            PyObject r = m.call(new PyObject[] {a, b}, null);
            if (r != NI) {
                return r;
            }
        }
        return inplaceFallback(op, a, b);
    }

    private static PyObject inplaceFallback(int op, PyObject a, PyObject b) {
        PyObject r = binaryOrNotImplemented(op, a, b);
        if (r == NI) {
            throw unsupported(op, a, b, true);
        }
        return r;
    }

    static PyObject unary(int op, PyObject v) {
        if (op == 3) {
            return PyBool.of(!truthy(v));
        }
        if (v.type().isBuiltin()) {
            if (v instanceof PyInt i) {
                switch (op) {
                    case 0:
                        return i.asExactInt();
                    case 1:
                        return i.big == null && i.value != Long.MIN_VALUE ? PyInt.of(-i.value) : PyInt.of(i.bigValue().negate());
                    default:
                        return i.big == null ? PyInt.of(~i.value) : PyInt.of(i.big.not());
                }
            }
            if (v instanceof PyFloat f && op != 2) {
                return op == 0 ? f : new PyFloat(-f.value);
            }
        } else {
            String name = op == 0 ? "__pos__" : op == 1 ? "__neg__" : "__invert__";
            PyObject m = v.type().lookup(name);
            if (m != null) {
                return m.call(new PyObject[] {v}, null);
            }
        }
        String sym = op == 0 ? "+" : op == 1 ? "-" : "~";
        throw PyErrors.typeError("bad operand type for unary " + sym + ": '" + typeName(v) + "'");
    }

    // ------------------------------------------------------------------ integers as indexes

    /** {@code operator.index(o)} as a long (OverflowError beyond 64 bits). */
    static long index(PyObject o) {
        if (o instanceof PyInt i) {
            if (i.big != null) {
                throw PyErrors.of(Types.INDEX_ERROR, "cannot fit 'int' into an index-sized integer");
            }
            return i.value;
        }
        PyObject m = o.type().lookup("__index__");
        if (m != null && !o.type().isBuiltin()) {
            return index(m.call(new PyObject[] {o}, null));
        }
        throw PyErrors.typeError("'" + typeName(o) + "' object cannot be interpreted as an integer");
    }

    static long indexClamped(PyObject o) {
        if (o instanceof PyInt i && i.big != null) {
            return i.big.signum() < 0 ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
        }
        if (!(o instanceof PyInt) && o.type().lookup("__index__") == null) {
            throw PyErrors.typeError("slice indices must be integers or None or have an __index__ method");
        }
        return index(o);
    }

    static int asInt(PyObject o) {
        long v = index(o);
        if (v != (int) v) {
            throw PyErrors.overflow("Python int too large to convert to C int");
        }
        return (int) v;
    }

    // ------------------------------------------------------------------ items

    static PyObject getitem(PyObject obj, PyObject key) {
        if (obj.type().isBuiltin()) {
            return nativeGetitem(obj, key);
        }
        PyObject m = obj.type().lookup("__getitem__");
        if (m == null) {
            throw notSubscriptable(obj);
        }
        return m.call(new PyObject[] {obj, key}, null);
    }

    private static PyException notSubscriptable(PyObject obj) {
        if (obj instanceof PyType t) {
            return PyErrors.typeError("type '" + t.name() + "' is not subscriptable");
        }
        return PyErrors.typeError("'" + typeName(obj) + "' object is not subscriptable");
    }

    static PyObject nativeGetitem(PyObject obj, PyObject key) {
        switch (obj) {
            case PyList l -> {
                if (key instanceof PyInt i) {
                    int n = l.items.size();
                    long k = i.big == null ? i.value : Long.MAX_VALUE;
                    if (k < 0) {
                        k += n;
                    }
                    if (k < 0 || k >= n) {
                        throw PyErrors.indexError("list index out of range");
                    }
                    return l.items.get((int) k);
                }
                if (key instanceof PySlice s) {
                    return new PyList(Sequences.slice(l.items, s), true);
                }
                if (!(key instanceof PyInt) && key.type().lookup("__index__") != null && !key.type().isBuiltin()) {
                    return nativeGetitem(obj, PyInt.of(index(key)));
                }
                throw PyErrors.typeError("list indices must be integers or slices, not " + typeName(key));
            }
            case PyDict d -> {
                PyObject v = d.get(key);
                if (v == null) {
                    if (!d.type().isBuiltin()) {
                        PyObject missing = d.type().lookup("__missing__");
                        if (missing != null) {
                            return missing.call(new PyObject[] {d, key}, null);
                        }
                    }
                    throw PyErrors.keyError(key);
                }
                return v;
            }
            case PyTuple t -> {
                if (key instanceof PyInt i) {
                    int n = t.items.length;
                    long k = i.big == null ? i.value : Long.MAX_VALUE;
                    if (k < 0) {
                        k += n;
                    }
                    if (k < 0 || k >= n) {
                        throw PyErrors.indexError("tuple index out of range");
                    }
                    return t.items[(int) k];
                }
                if (key instanceof PySlice s) {
                    return PyTuple.of(Sequences.slice(List.of(t.items), s));
                }
                throw PyErrors.typeError("tuple indices must be integers or slices, not " + typeName(key));
            }
            case PyStr s -> {
                if (key instanceof PyInt i) {
                    int n = s.value.length();
                    long k = i.big == null ? i.value : Long.MAX_VALUE;
                    if (k < 0) {
                        k += n;
                    }
                    if (k < 0 || k >= n) {
                        throw PyErrors.indexError("string index out of range");
                    }
                    return PyStr.of(s.value.charAt((int) k));
                }
                if (key instanceof PySlice sl) {
                    return PyStr.of(Sequences.sliceString(s.value, sl));
                }
                throw PyErrors.typeError("string indices must be integers, not '" + typeName(key) + "'");
            }
            case PyBytes b -> {
                if (key instanceof PyInt i) {
                    int n = b.value.length;
                    long k = i.big == null ? i.value : Long.MAX_VALUE;
                    if (k < 0) {
                        k += n;
                    }
                    if (k < 0 || k >= n) {
                        throw PyErrors.indexError("index out of range");
                    }
                    return PyInt.of(b.value[(int) k] & 0xff);
                }
                if (key instanceof PySlice sl) {
                    long[] ix = sl.indices(b.value.length);
                    byte[] r = new byte[(int) ix[3]];
                    for (int i = 0; i < r.length; i++) {
                        r[i] = b.value[(int) (ix[0] + i * ix[2])];
                    }
                    return new PyBytes(r);
                }
                throw PyErrors.typeError("byte indices must be integers or slices, not " + typeName(key));
            }
            case PyRange r -> {
                if (key instanceof PySlice sl) {
                    long[] ix = sl.indices(r.length());
                    return new PyRange(r.at(ix[0]), r.at(ix[0]) + ix[3] * ix[2] * r.step, ix[2] * r.step);
                }
                long n = r.length();
                long k = index(key);
                if (k < 0) {
                    k += n;
                }
                if (k < 0 || k >= n) {
                    throw PyErrors.indexError("range object index out of range");
                }
                return PyInt.of(r.at(k));
            }
            default -> {
                throw notSubscriptable(obj);
            }
        }
    }

    static void setitem(PyObject obj, PyObject key, PyObject v) {
        if (!obj.type().isBuiltin()) {
            PyObject m = obj.type().lookup("__setitem__");
            if (m == null) {
                throw PyErrors.typeError("'" + typeName(obj) + "' object does not support item assignment");
            }
            m.call(new PyObject[] {obj, key, v}, null);
            return;
        }
        nativeSetitem(obj, key, v);
    }

    static void nativeSetitem(PyObject obj, PyObject key, PyObject v) {
        if (obj instanceof PyDict d) {
            d.put(key, v);
        } else if (obj instanceof PyList l) {
            if (key instanceof PySlice s) {
                Sequences.setSlice(l.items, s, toList(v));
                return;
            }
            if (!(key instanceof PyInt)) {
                throw PyErrors.typeError("list indices must be integers or slices, not " + typeName(key));
            }
            long k = index(key);
            int n = l.items.size();
            if (k < 0) {
                k += n;
            }
            if (k < 0 || k >= n) {
                throw PyErrors.indexError("list assignment index out of range");
            }
            l.items.set((int) k, v);
        } else {
            throw PyErrors.typeError("'" + typeName(obj) + "' object does not support item assignment");
        }
    }

    static void delitem(PyObject obj, PyObject key) {
        if (!obj.type().isBuiltin()) {
            PyObject m = obj.type().lookup("__delitem__");
            if (m == null) {
                throw PyErrors.typeError("'" + typeName(obj) + "' object does not support item deletion");
            }
            m.call(new PyObject[] {obj, key}, null);
            return;
        }
        nativeDelitem(obj, key);
    }

    static void nativeDelitem(PyObject obj, PyObject key) {
        if (obj instanceof PyDict d) {
            if (d.remove(key) == null) {
                throw PyErrors.keyError(key);
            }
        } else if (obj instanceof PyList l) {
            if (key instanceof PySlice s) {
                Sequences.deleteSlice(l.items, s);
                return;
            }
            long k = index(key);
            int n = l.items.size();
            if (k < 0) {
                k += n;
            }
            if (k < 0 || k >= n) {
                throw PyErrors.indexError("list assignment index out of range");
            }
            l.items.remove((int) k);
        } else {
            throw PyErrors.typeError("'" + typeName(obj) + "' object does not support item deletion");
        }
    }

    // ------------------------------------------------------------------ length, membership

    static long len(PyObject o) {
        if (o.type().isBuiltin()) {
            return nativeLen(o);
        }
        PyObject m = o.type().lookup("__len__");
        if (m == null) {
            throw PyErrors.typeError("object of type '" + typeName(o) + "' has no len()");
        }
        PyObject r = m.call(new PyObject[] {o}, null);
        if (!(r instanceof PyInt)) {
            throw PyErrors.typeError("'" + typeName(r) + "' object cannot be interpreted as an integer");
        }
        long n = index(r);
        if (n < 0) {
            throw PyErrors.valueError("__len__() should return >= 0");
        }
        return n;
    }

    static long nativeLen(PyObject o) {
        return switch (o) {
            case PyStr s -> s.value.length();
            case PyList l -> l.items.size();
            case PyTuple t -> t.items.length;
            case PyDict d -> d.map.size();
            case PySet s -> s.set.size();
            case PyBytes b -> b.value.length;
            case PyRange r -> r.length();
            case DictView v -> v.size();
            default -> throw PyErrors.typeError("object of type '" + typeName(o) + "' has no len()");
        };
    }

    static boolean contains(PyObject container, PyObject item) {
        if (!container.type().isBuiltin()) {
            PyObject m = container.type().lookup("__contains__");
            if (m != null) {
                return truthy(m.call(new PyObject[] {container, item}, null));
            }
            if (container.type().lookup("__iter__") == null && container.type().lookup("__getitem__") == null) {
                throw PyErrors.typeError("argument of type '" + typeName(container) + "' is not iterable");
            }
            return iterContains(container, item);
        }
        return nativeContains(container, item);
    }

    static boolean nativeContains(PyObject container, PyObject item) {
        switch (container) {
            case PyDict d -> {
                return d.map.containsKey(PyDict.keyForm(item));
            }
            case PySet s -> {
                return s.set.contains(PyDict.keyForm(item));
            }
            case PyStr s -> {
                if (!(item instanceof PyStr sub)) {
                    throw PyErrors.typeError("'in <string>' requires string as left operand, not " + typeName(item));
                }
                return s.value.contains(sub.value);
            }
            case PyList l -> {
                for (int i = 0; i < l.items.size(); i++) {
                    if (eqBool(l.items.get(i), item)) {
                        return true;
                    }
                }
                return false;
            }
            case PyTuple t -> {
                for (PyObject o : t.items) {
                    if (eqBool(o, item)) {
                        return true;
                    }
                }
                return false;
            }
            case PyRange r -> {
                if (item instanceof PyInt i && i.big == null) {
                    long v = i.value;
                    boolean inBounds = r.step > 0 ? v >= r.start && v < r.stop : v <= r.start && v > r.stop;
                    return inBounds && (v - r.start) % r.step == 0;
                }
                return iterContains(r, item);
            }
            case PyBytes b -> {
                if (item instanceof PyInt i) {
                    for (byte x : b.value) {
                        if ((x & 0xff) == i.value) {
                            return true;
                        }
                    }
                    return false;
                }
                if (item instanceof PyBytes sub) {
                    return new String(b.value, java.nio.charset.StandardCharsets.ISO_8859_1)
                            .contains(new String(sub.value, java.nio.charset.StandardCharsets.ISO_8859_1));
                }
                throw PyErrors.typeError("a bytes-like object is required, not '" + typeName(item) + "'");
            }
            case DictView v -> {
                return v.contains(item);
            }
            default -> {
                return iterContains(container, item);
            }
        }
    }

    private static boolean iterContains(PyObject container, PyObject item) {
        PyObject it = iter(container);
        PyObject v;
        while ((v = next(it)) != null) {
            if (eqBool(v, item)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ iteration

    static PyObject iter(PyObject o) {
        if (o.type().isBuiltin()) {
            PyObject it = Iterators.nativeIter(o);
            if (it != null) {
                return it;
            }
        }
        PyObject m = o.type().lookup("__iter__");
        if (m != null) {
            PyObject it = m.call(new PyObject[] {o}, null);
            if (!(it instanceof PyIterator || it instanceof PyGenerator) && it.type().lookup("__next__") == null) {
                throw PyErrors.typeError("iter() returned non-iterator of type '" + typeName(it) + "'");
            }
            return it;
        }
        if (o.type().lookup("__getitem__") != null) {
            return Iterators.sequenceIterator(o);
        }
        throw PyErrors.typeError("'" + typeName(o) + "' object is not iterable");
    }

    /** Whether {@code iter(o)} can work (it may still raise from a user {@code __iter__}). */
    static boolean isIterable(PyObject o) {
        if (o instanceof PyList || o instanceof PyTuple || o instanceof PyStr || o instanceof PyDict || o instanceof PySet
                || o instanceof PyRange || o instanceof PyBytes || o instanceof PyIterator || o instanceof PyGenerator
                || o instanceof DictView || o instanceof PyFile) {
            return true;
        }
        return o.type().lookup("__iter__") != null || !o.type().isBuiltin() && o.type().lookup("__getitem__") != null;
    }

    /** The next item, or null when the iterator is exhausted. */
    static PyObject next(PyObject it) {
        if (it instanceof PyIterator pi) {
            return pi.next();
        }
        if (it instanceof PyGenerator g) {
            return g.next();
        }
        PyObject m = it.type().lookup("__next__");
        if (m == null) {
            throw PyErrors.typeError("'" + typeName(it) + "' object is not an iterator");
        }
        try {
            return m.call(new PyObject[] {it}, null);
        } catch (PyException e) {
            if (e.matches(Types.STOP_ITERATION)) {
                return null;
            }
            throw e;
        }
    }

    static List<PyObject> toList(PyObject o) {
        if (o instanceof PyList l && o.type().isBuiltin()) {
            return new ArrayList<>(l.items);
        }
        if (o instanceof PyTuple t) {
            return new ArrayList<>(List.of(t.items));
        }
        ArrayList<PyObject> out = new ArrayList<>();
        PyObject it = iter(o);
        PyObject v;
        while ((v = next(it)) != null) {
            out.add(v);
        }
        return out;
    }

    static PyObject[] unpack(PyObject seq, int n) {
        PyObject[] items;
        if (seq instanceof PyTuple t) {
            items = t.items;
        } else if (seq instanceof PyList l && seq.type().isBuiltin()) {
            items = l.items.toArray(new PyObject[0]);
        } else {
            PyObject it = iter(seq);
            items = new PyObject[n];
            for (int i = 0; i < n; i++) {
                PyObject v = next(it);
                if (v == null) {
                    throw PyErrors.valueError("not enough values to unpack (expected " + n + ", got " + i + ")");
                }
                items[i] = v;
            }
            if (next(it) != null) {
                throw PyErrors.valueError("too many values to unpack (expected " + n + ")");
            }
            return items;
        }
        if (items.length != n) {
            if (items.length < n) {
                throw PyErrors.valueError("not enough values to unpack (expected " + n + ", got " + items.length + ")");
            }
            throw PyErrors.valueError("too many values to unpack (expected " + n + ")");
        }
        return items;
    }

    static void dictUpdate(PyDict d, PyObject m, PyObject callee) {
        if (m instanceof PyDict src) {
            for (var e : src.map.entrySet()) {
                if (callee != null && d.map.containsKey(e.getKey())) {
                    throw PyErrors.typeError(calleeName(callee) + " got multiple values for keyword argument '"
                            + e.getKey() + "'");
                }
                d.map.put(e.getKey(), e.getValue());
            }
            return;
        }
        PyObject keys = Attr.getOrNull(m, "keys");
        if (keys != null) {
            for (PyObject k : toList(keys.call(new PyObject[0], null))) {
                if (callee != null && d.get(k) != null) {
                    throw PyErrors.typeError(calleeName(callee) + " got multiple values for keyword argument '"
                            + str(k) + "'");
                }
                d.put(k, getitem(m, k));
            }
            return;
        }
        if (callee != null) {
            throw PyErrors.typeError(functionStr(callee) + " argument after ** must be a mapping, not " + typeName(m));
        }
        int i = 0;
        for (PyObject item : toList(m)) {
            List<PyObject> kv = toList(item);
            if (kv.size() != 2) {
                throw PyErrors.valueError("dictionary update sequence element #" + i + " has length " + kv.size()
                        + "; 2 is required");
            }
            d.put(kv.get(0), kv.get(1));
            i++;
        }
    }

    /** CPython's {@code _PyObject_FunctionStr}: {@code module.qualname()}, without builtins' module. */
    static String functionStr(PyObject f) {
        PyObject qn = Attr.getOrNull(f, "__qualname__");
        if (!(qn instanceof PyStr q)) {
            return str(f);
        }
        PyObject mod = Attr.getOrNull(f, "__module__");
        if (mod instanceof PyStr m && !m.value.equals("builtins")) {
            return m.value + "." + q.value + "()";
        }
        return q.value + "()";
    }

    static String calleeName(PyObject f) {
        if (f instanceof PyFunction fn) {
            return fn.qualname + "()";
        }
        if (f instanceof PyBuiltinFunction b) {
            return b.name + "()";
        }
        if (f instanceof PyType t) {
            return t.name() + "()";
        }
        return typeName(f) + " object";
    }

    // ------------------------------------------------------------------ calls, classes, exceptions

    static PyObject callViaType(PyObject o, PyObject[] args, String[] kwnames) {
        PyObject m = o.type().lookup("__call__");
        if (m == null || o.type().isBuiltin()) {
            throw PyErrors.notCallable(o);
        }
        return m.call(prepend(o, args), kwnames);
    }

    static boolean isinstance(PyObject o, PyObject cls) {
        if (cls instanceof PyType t) {
            return o.type().isSubtypeOf(t);
        }
        if (cls instanceof PyTuple tu) {
            for (PyObject c : tu.items) {
                if (isinstance(o, c)) {
                    return true;
                }
            }
            return false;
        }
        throw PyErrors.typeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
    }

    static boolean issubclass(PyObject c, PyObject cls) {
        if (!(c instanceof PyType ct)) {
            throw PyErrors.typeError("issubclass() arg 1 must be a class");
        }
        if (cls instanceof PyType t) {
            return ct.isSubtypeOf(t);
        }
        if (cls instanceof PyTuple tu) {
            for (PyObject x : tu.items) {
                if (issubclass(c, x)) {
                    return true;
                }
            }
            return false;
        }
        throw PyErrors.typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
    }

    static boolean exceptionMatches(PyObject exc, PyObject cls) {
        if (cls instanceof PyTuple t) {
            for (PyObject c : t.items) {
                if (exceptionMatches(exc, c)) {
                    return true;
                }
            }
            return false;
        }
        if (!(cls instanceof PyType t) || !t.isSubtypeOf(Types.BASE_EXCEPTION)) {
            throw PyErrors.typeError("catching classes that do not inherit from BaseException is not allowed");
        }
        return exc.type().isSubtypeOf(t);
    }

    /** {@code raise X}: X is an exception instance, or a class to instantiate without arguments. */
    static PyBaseException makeException(PyObject v) {
        if (v instanceof PyBaseException e) {
            return e;
        }
        if (v instanceof PyType t && t.isSubtypeOf(Types.BASE_EXCEPTION)) {
            PyObject o = t.call(new PyObject[0], null);
            if (o instanceof PyBaseException e) {
                return e;
            }
            throw PyErrors.typeError("calling " + t.repr() + " should have returned an instance of BaseException, not "
                    + typeName(o));
        }
        throw PyErrors.typeError("exceptions must derive from BaseException");
    }

    // ------------------------------------------------------------------ formatting

    /** {@code format(v, spec)}: the {@code __format__} protocol. */
    static String format(PyObject v, String spec) {
        if (!v.type().isBuiltin()) {
            PyObject m = v.type().lookup("__format__");
            if (m != null && !(m instanceof PyBuiltinFunction)) {
                PyObject r = m.call(new PyObject[] {v, PyStr.of(spec)}, null);
                if (!(r instanceof PyStr s)) {
                    throw PyErrors.typeError("__format__ must return a str, not " + typeName(r));
                }
                return s.value;
            }
        }
        return Formatting.format(v, spec);
    }
}
