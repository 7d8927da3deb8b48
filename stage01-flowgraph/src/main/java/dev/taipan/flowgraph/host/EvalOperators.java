package dev.taipan.flowgraph.host;

import dev.taipan.flowgraph.bytecode.Opcode;
import java.util.ArrayList;

/**
 * The eval loop's operator family (BINARY_OP, COMPARE_OP, and the subscripts BINARY_SUBSCR and
 * STORE_SUBSCR, which are Python's {@code []} operator), each with a fast path for the operand
 * types that dominate real programs: ints that fit a machine word, floats, a list indexed in
 * range, a dict. The fast path computes the result on the spot; any other operands, and any
 * case the fast path declines (an int overflowing into a big int, a float division by zero),
 * go through the general protocols of {@link Ops}, which try the dunder methods and their
 * reflected forms as CPython does.
 */
final class EvalOperators {
    private EvalOperators() {}

    /** COMPARE_OP arguments below this are {@code == != < <= > >=}, defined on ints directly. */
    static final int ORDERING_COMPARISONS = 6;

    /** BINARY_OP: {@code a op b}, or {@code a op= b} when the argument has {@link Opcode#INPLACE}. */
    static PyObject binary(int arg, PyObject a, PyObject b) {
        int op = arg & ~Opcode.INPLACE;
        PyObject r = null;
        if (machineInts(a, b)) {
            r = Arith.longOp(op, ((PyInt) a).value, ((PyInt) b).value);
        } else if (a instanceof PyFloat x && b instanceof PyFloat y) {
            r = Arith.floatOp(op, x.value, y.value);
        }
        if (r != null) {
            return r;
        }
        return (arg & Opcode.INPLACE) != 0 ? Ops.inplace(op, a, b) : Ops.binary(arg, a, b);
    }

    /**
     * Whether {@code a} and {@code b} are both exact ints that fit a long. (A subclass of int
     * may override its operators, and a big int has no long value.)
     */
    static boolean machineInts(PyObject a, PyObject b) {
        return a.getClass() == PyInt.class && b.getClass() == PyInt.class
                && ((PyInt) a).big == null && ((PyInt) b).big == null;
    }

    /** COMPARE_OP when no branch follows it, or its operands are not machine ints. */
    static PyObject compare(int arg, PyObject a, PyObject b) {
        if (arg < ORDERING_COMPARISONS && machineInts(a, b)) {
            return PyBool.of(Arith.compareLongs(arg, ((PyInt) a).value, ((PyInt) b).value));
        }
        return Ops.compare(arg, a, b);
    }

    /** BINARY_SUBSCR: {@code obj[key]}. */
    static PyObject getitem(PyObject obj, PyObject key) {
        if (obj.getClass() == PyList.class && key.getClass() == PyInt.class) {
            ArrayList<PyObject> items = ((PyList) obj).items;
            long i = ((PyInt) key).value;
            if (((PyInt) key).big == null && i >= 0 && i < items.size()) {
                return items.get((int) i);
            }
        }
        return Ops.getitem(obj, key);
    }

    /** STORE_SUBSCR: {@code obj[key] = v}. */
    static void setitem(PyObject obj, PyObject key, PyObject v) {
        if (obj.getClass() == PyList.class && key.getClass() == PyInt.class) {
            ArrayList<PyObject> items = ((PyList) obj).items;
            long i = ((PyInt) key).value;
            if (((PyInt) key).big == null && i >= 0 && i < items.size()) {
                items.set((int) i, v);
                return;
            }
        } else if (obj.getClass() == PyDict.class) {
            ((PyDict) obj).put(key, v);
            return;
        }
        Ops.setitem(obj, key, v);
    }
}
