package dev.taipan.flowgraph.host;

import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.bytecode.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * The eval loop's containers family: building tuples, lists, sets, dicts and slices from stack
 * items, growing a container under construction, and unpacking a sequence onto the stack.
 * Each method returns the stack pointer after the instruction.
 *
 * <p>The "under construction" instructions (LIST_APPEND, SET_ADD, MAP_ADD and the EXTEND and
 * UPDATE forms) find their container {@code arg} items below the top: a comprehension or a
 * display with {@code *} keeps the container on the stack while the items are computed above
 * it, so these are what comprehensions, {@code [*a, *b]} and {@code f(*a, **k)} compile to.
 */
final class EvalContainers {
    private EvalContainers() {}

    /** BUILD_TUPLE: {@code a1 .. an -> (a1, .., an)}. */
    static int buildTuple(PyObject[] st, int sp, int n) {
        if (n == 0) {
            st[sp] = PyTuple.EMPTY;
            return sp + 1;
        }
        PyObject[] items = new PyObject[n];
        sp -= n;
        System.arraycopy(st, sp, items, 0, n);
        Eval.clear(st, sp + 1, n - 1);
        st[sp] = new PyTuple(items);
        return sp + 1;
    }

    /** BUILD_LIST: {@code a1 .. an -> [a1, .., an]}. */
    static int buildList(PyObject[] st, int sp, int n) {
        ArrayList<PyObject> items = new ArrayList<>(Math.max(n, 4));
        sp -= n;
        for (int i = 0; i < n; i++) {
            items.add(st[sp + i]);
        }
        Eval.clear(st, sp + 1, n - 1);
        st[sp] = new PyList(items, true);
        return sp + 1;
    }

    /** BUILD_SET: {@code a1 .. an -> {a1, .., an}}. */
    static int buildSet(PyObject[] st, int sp, int n) {
        PySet s = new PySet(false);
        sp -= n;
        for (int i = 0; i < n; i++) {
            s.add(st[sp + i]);
        }
        st[sp] = s;
        return sp + 1;
    }

    /** BUILD_MAP: {@code k1 v1 .. kn vn -> {k1: v1, ..}}. */
    static int buildMap(PyObject[] st, int sp, int n) {
        PyDict d = new PyDict();
        sp -= 2 * n;
        for (int i = 0; i < n; i++) {
            d.put(st[sp + 2 * i], st[sp + 2 * i + 1]);
        }
        st[sp] = d;
        return sp + 1;
    }

    /** BUILD_SLICE: {@code start stop -> slice} or, with 3, {@code start stop step -> slice}. */
    static int buildSlice(PyObject[] st, int sp, int n) {
        PyObject step = n == 3 ? st[--sp] : PySingleton.NONE;
        PyObject stop = st[--sp];
        st[sp - 1] = new PySlice(st[sp - 1], stop, step);
        return sp;
    }

    static int listAppend(PyObject[] st, int sp, int below) {
        PyObject v = st[--sp];
        ((PyList) st[sp - below]).items.add(v);
        return sp;
    }

    static int setAdd(PyObject[] st, int sp, int below) {
        PyObject v = st[--sp];
        ((PySet) st[sp - below]).add(v);
        return sp;
    }

    static int mapAdd(PyObject[] st, int sp, int below) {
        PyObject v = st[--sp];
        PyObject k = st[--sp];
        ((PyDict) st[sp - below]).put(k, v);
        return sp;
    }

    /**
     * LIST_EXTEND: {@code list.extend(it)}, the {@code *it} of a display or a call. The
     * instructions that follow ({@code code} from {@code next}) tell which, for the error.
     */
    static int listExtend(PyObject[] st, int sp, int below, Code code, int next) {
        PyObject it = st[--sp];
        if (!Ops.isIterable(it)) {
            throw starNotIterable(st, sp, below, it, code, next);
        }
        ((PyList) st[sp - below]).items.addAll(Ops.toList(it));
        return sp;
    }

    static int setUpdate(PyObject[] st, int sp, int below) {
        PyObject it = st[--sp];
        PySet s = (PySet) st[sp - below];
        for (PyObject o : Ops.toList(it)) {
            s.add(o);
        }
        return sp;
    }

    /** DICT_UPDATE: {@code dict.update(m)}, the {@code **m} of a display. */
    static int dictUpdate(PyObject[] st, int sp, int below) {
        PyObject m = st[--sp];
        if (!(m instanceof PyDict) && Attr.getOrNull(m, "keys") == null) {
            throw PyErrors.typeError("'" + Ops.typeName(m) + "' object is not a mapping");
        }
        Ops.dictUpdate((PyDict) st[sp - below], m, null);
        return sp;
    }

    /** DICT_MERGE: the {@code **m} of a call, where a repeated keyword names the callee in its TypeError. */
    static int dictMerge(PyObject[] st, int sp, int below) {
        PyObject m = st[--sp];
        PyObject callee = st[sp - below - 2];
        Ops.dictUpdate((PyDict) st[sp - below], m, callee);
        return sp;
    }

    /** UNPACK_SEQUENCE: {@code seq -> vn .. v1}, v1 on top, to be stored first. */
    static int unpackSequence(PyObject[] st, int sp, int n) {
        PyObject[] items = Ops.unpack(st[--sp], n);
        for (int i = n - 1; i >= 0; i--) {
            st[sp++] = items[i];
        }
        return sp;
    }

    /** UNPACK_EX: {@code a, *b, c = seq}, with {@code before | after << 8} as the argument. */
    static int unpackEx(PyObject[] st, int sp, int arg) {
        int before = arg & 0xff;
        int after = arg >> 8;
        List<PyObject> items = Ops.toList(st[--sp]);
        if (items.size() < before + after) {
            throw PyErrors.valueError("not enough values to unpack (expected at least "
                    + (before + after) + ", got " + items.size() + ")");
        }
        for (int i = items.size() - 1; i >= items.size() - after; i--) {
            st[sp++] = items.get(i);
        }
        st[sp++] = new PyList(items.subList(before, items.size() - after));
        for (int i = before - 1; i >= 0; i--) {
            st[sp++] = items.get(i);
        }
        return sp;
    }

    /**
     * {@code *x} of a non-iterable: CPython names the function when {@code x} is a call's only
     * positional argument (the list is still empty, and LIST_TO_TUPLE then CALL_EX or BUILD_MAP
     * follow).
     */
    private static PyException starNotIterable(PyObject[] st, int sp, int below, PyObject it, Code code, int next) {
        boolean soleCallArgument = ((PyList) st[sp - below]).items.isEmpty() && next + Opcode.SIZE < code.length()
                && code.opcodeAt(next) == Opcode.LIST_TO_TUPLE
                && (code.opcodeAt(next + Opcode.SIZE) == Opcode.CALL_EX || code.opcodeAt(next + Opcode.SIZE) == Opcode.BUILD_MAP);
        if (soleCallArgument && sp - below - 1 >= 0 && st[sp - below - 1] != null) {
            return PyErrors.typeError(Ops.functionStr(st[sp - below - 1]) + " argument after * must be an iterable, not "
                    + Ops.typeName(it));
        }
        return PyErrors.typeError("Value after * must be an iterable, not " + Ops.typeName(it));
    }
}
