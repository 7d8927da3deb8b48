package dev.taipan.rtyper.llannotation;

import dev.taipan.annotator.Annotator;
import dev.taipan.annotator.Describe;
import dev.taipan.annotator.SomeValue;
import dev.taipan.flowgraph.host.HostSpace;
import dev.taipan.flowgraph.host.PyBool;
import dev.taipan.flowgraph.host.PyFloat;
import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lloperation.LowLevelOverflow;
import dev.taipan.rtyper.lloperation.Signature;
import dev.taipan.rtyper.lloperation.UndefinedBehaviorError;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import java.math.BigInteger;
import java.util.List;

/**
 * {@code llop.int_floordiv(Signed, x, y)}: the low-level operation itself, written in RPy
 * (PyPy's {@code lloperation.llop}). The first argument is the result's type, as in PyPy; the
 * others are the operands, of the types the catalogue's signature says. Translated, the call is
 * the operation, one instruction; so a helper says exactly where C's truncating division is
 * used and how Python's rounding is built on it. On the host the operation is computed by the
 * catalogue's own implementation ({@link LLOp#fold}), the one the llinterp runs, so a helper can
 * be tried untranslated too. Only the operations with a fixed signature (arithmetic,
 * comparisons, casts, and the system calls, which run only translated) are called so; memory has its own syntax ({@code p.x}, {@code a[i]}).
 */
public record LLOpCall(LLOp op) implements LLFunction {

    @Override
    public String pyName() {
        return "llop." + op.opname();
    }

    @Override
    public SomeValue annotateCall(Annotator ann, List<SomeValue> args) {
        if (op == LLOp.CAST_PTR_TO_INT || op == LLOp.GC_IDENTITYHASH) {
            return castPtrToInt(ann, args);
        }
        Signature sig = signature(ann);
        String shape = pyName() + "(" + sig.result() + sig.args().stream().map(t -> ", " + t).reduce("", String::concat) + ")";
        if (args.size() != sig.args().size() + 1) {
            throw Annotator.error(ann, pyName() + " is called as " + shape + ": the result's type, then "
                    + sig.args().size() + " operand" + (sig.args().size() == 1 ? "" : "s"));
        }
        if (!(args.getFirst().konst() instanceof LowLevelTypeObject t && t.lowLevelType().equals(sig.result()))) {
            throw Annotator.error(ann, pyName() + " gives a " + sig.result() + ": call it as " + shape);
        }
        for (int i = 0; i < sig.args().size(); i++) {
            SomeValue a = args.get(i + 1);
            if (!sig.args().get(i).equals(LLAnnotations.lowLevelType(a))) {
                throw Annotator.error(ann, pyName() + " takes a " + sig.args().get(i) + " as operand " + (i + 1)
                        + ", not " + Describe.article(a) + " (" + shape + ")");
            }
        }
        return LLAnnotations.of(sig.result());
    }

    /**
     * {@code llop.cast_ptr_to_int(Signed, p)} and {@code llop.gc_identityhash(Signed, p)}, the
     * operations on a pointer that a helper calls as llops: an object's address, its identity
     * hash ({@code rdict.ll_identityhash}). They take a pointer of any type, so they have no
     * fixed signature.
     */
    private SomeValue castPtrToInt(Annotator ann, List<SomeValue> args) {
        if (args.size() != 2 || !(args.get(0).konst() instanceof LowLevelTypeObject t && t.lowLevelType() == Primitive.SIGNED)
                || !(args.get(1) instanceof SomePtr)) {
            throw Annotator.error(ann, pyName() + " is called as llop." + op.opname() + "(Signed, p), p a pointer");
        }
        return LLAnnotations.of(Primitive.SIGNED);
    }

    private Signature signature(Annotator ann) {
        if (op.signature() == null) {   // the pure operations and the system calls have one
            throw Annotator.error(ann, pyName() + " is not called from RPy: memory is read and written with p.x and "
                    + "a[i], allocated with malloc(T)");
        }
        if (op.signature().result() == Primitive.VOID) {   // raw_free, raw_memcopy: llmemory's functions call them
            throw Annotator.error(ann, pyName() + " gives nothing: call it through its module (llmemory." + op.opname() + ")");
        }
        return op.signature();
    }

    @Override
    public PyObject callOnHost(PyObject[] args) {
        Signature sig = op.signature();
        if (sig == null || op.impl() == null || args.length != sig.args().size() + 1) {
            throw HostSpace.typeError(pyName() + " cannot run on the host");
        }
        Object[] operands = new Object[sig.args().size()];
        for (int i = 0; i < operands.length; i++) {
            operands[i] = fromHost(args[i + 1], (Primitive) sig.args().get(i));
        }
        try {
            return toHost(op.fold(operands), (Primitive) sig.result());
        } catch (LowLevelOverflow e) {
            throw HostSpace.typeError(pyName() + ": overflow");
        } catch (UndefinedBehaviorError e) {
            throw HostSpace.typeError(pyName() + ": undefined behaviour: " + e.getMessage());
        }
    }

    private Object fromHost(PyObject v, Primitive t) {
        return switch (t) {
            case SIGNED, UNSIGNED -> v instanceof PyInt i && !(v instanceof PyBool) ? word(i, t) : bad(v, t);
            case FLOAT -> v instanceof PyFloat f ? f.value() : bad(v, t);
            case BOOL -> v instanceof PyBool b ? b == PyBool.TRUE : bad(v, t);
            case CHAR -> v instanceof PyStr s && s.value().length() == 1 && s.value().charAt(0) < 256 ? s.value().charAt(0)
                    : bad(v, t);
            case ADDRESS -> throw HostSpace.typeError(pyName() + ": addresses exist only at the low level: run it translated");
            case VOID -> bad(v, t);
        };
    }

    /** An int as a machine word: Signed in [-2**63, 2**63), Unsigned in [0, 2**64). */
    private Object word(PyInt i, Primitive t) {
        BigInteger v = i.bigValue();
        BigInteger lo = t == Primitive.SIGNED ? BigInteger.ONE.shiftLeft(63).negate() : BigInteger.ZERO;
        if (v.compareTo(lo) < 0 || v.compareTo(lo.add(BigInteger.ONE.shiftLeft(64))) >= 0) {
            throw HostSpace.typeError(pyName() + ": " + v + " is not a " + t);
        }
        return v.longValue();
    }

    private Object bad(PyObject v, LowLevelType t) {
        throw HostSpace.typeError(pyName() + " takes a " + t + ", not " + HostSpace.repr(v));
    }

    /** The result as Python sees it: an Unsigned as the non-negative int it is. */
    private static PyObject toHost(Object v, Primitive t) {
        return switch (t) {
            case SIGNED -> PyInt.of((Long) v);
            case UNSIGNED -> PyInt.of(new BigInteger(Long.toUnsignedString((Long) v)));
            case FLOAT -> PyFloat.of((Double) v);
            case BOOL -> PyBool.of((Boolean) v);
            case CHAR -> PyStr.of((Character) v);
            case ADDRESS -> throw HostSpace.typeError("an Address exists only at the low level: run it translated");
            case VOID -> throw new IllegalStateException("an operation giving Void");
        };
    }
}
