package dev.taipan.rtyper.rtyper;

import static dev.taipan.rtyper.lloperation.LLOp.*;

import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.flowgraph.operation.HLOp;
import dev.taipan.rtyper.llannotation.LLAnnotations;
import dev.taipan.rtyper.llannotation.LLBuiltin;
import dev.taipan.rtyper.llannotation.LLFunction;
import dev.taipan.rtyper.llannotation.LLGraphFunction;
import dev.taipan.rtyper.llannotation.LLOpCall;
import dev.taipan.rtyper.llannotation.LowLevelTypeObject;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.lloperation.Signature;
import dev.taipan.rtyper.lltype.ArrayType;
import dev.taipan.rtyper.lltype.ContainerType;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.StructType;
import dev.taipan.rtyper.rtyper.Repr.ConstantRepr;
import dev.taipan.rtyper.rtyper.Repr.InteriorPtrRepr;
import dev.taipan.rtyper.rtyper.Repr.PtrRepr;
import java.util.ArrayList;
import java.util.List;

/**
 * What RPy helper code does with pointers and with the functions of the low level (PyPy's
 * {@code rptr.py}, and the {@code lltype} part of {@code rbuiltin.py}): each is one low-level
 * operation, since the annotator ({@code SomePtr}) has already checked every field, index and
 * type.
 *
 * <pre>
 * p.x          getfield(p, 'x')              a[i]        getarrayitem(a, i)
 * p.x = v      setfield(p, 'x', v)           a[i] = v    setarrayitem(a, i, v)
 * malloc(T)    malloc(T)                     len(a)      getarraysize(a)
 * s.chars[i]   getinteriorfield(s, 'chars', i)      len(s.chars)   getinteriorarraysize(s, 'chars')
 * s.chars[i] = c   setinteriorfield(s, 'chars', i, c)
 * malloc(T, n) malloc_varsize(T, n)          if p:       ptr_nonzero(p)
 * nullptr(T)   the constant null Ptr(T)      p == q      ptr_eq(p, q)
 * llop.int_floordiv(Signed, x, y)            int_floordiv(x, y)
 * </pre>
 *
 * No index is checked: a helper is trusted code, as in PyPy (the llinterp's checked heap still
 * catches a helper that reads past an array).
 */
final class PtrRules {
    private PtrRules() { }

    /** Whether the rule for {@code ==}, {@code is} is this one: a helper's pointer on either side. */
    static boolean onPointers(HighLevelOp hop) {
        return hop.argReprs.stream().anyMatch(r -> r instanceof PtrRepr);
    }

    static Value getattr(HighLevelOp hop) {
        Field f = field(hop);
        if (f.isInlined()) {
            return hop.arg(0);   // s.chars: the struct's own pointer, which its interior operations take
        }
        return hop.genop(GETFIELD, List.of(hop.arg(0), LLConstant.voidOf(f.name())), f.type());
    }

    static Value setattr(RTyper rtyper, HighLevelOp hop) {
        Field f = field(hop);
        hop.genop(SETFIELD, List.of(hop.arg(0), LLConstant.voidOf(f.name()), hop.inputarg(reprOf(f.type()), 2)),
                Primitive.VOID);
        return rtyper.none();
    }

    static Value getitem(HighLevelOp hop) {
        if (hop.argReprs.getFirst() instanceof InteriorPtrRepr(var p, var f)) {
            return hop.genop(GETINTERIORFIELD, List.of(hop.arg(0), LLConstant.voidOf(f), hop.inputarg(Repr.SIGNED, 1)),
                    interiorArray(p, f).item());
        }
        if (array(hop).item() == Primitive.VOID) {
            return hop.rtyper().none();   // an item of nothing: None, known now
        }
        return hop.genop(GETARRAYITEM, List.of(hop.arg(0), hop.inputarg(Repr.SIGNED, 1)), array(hop).item());
    }

    static Value setitem(RTyper rtyper, HighLevelOp hop) {
        if (hop.argReprs.getFirst() instanceof InteriorPtrRepr(var p, var f)) {
            hop.genop(SETINTERIORFIELD, List.of(hop.arg(0), LLConstant.voidOf(f), hop.inputarg(Repr.SIGNED, 1),
                    hop.inputarg(reprOf(interiorArray(p, f).item()), 2)), Primitive.VOID);
            return rtyper.none();
        }
        if (array(hop).item() == Primitive.VOID) {
            return rtyper.none();   // a Void item holds nothing: nothing to store
        }
        hop.genop(SETARRAYITEM, List.of(hop.arg(0), hop.inputarg(Repr.SIGNED, 1), hop.inputarg(reprOf(array(hop).item()), 2)),
                Primitive.VOID);
        return rtyper.none();
    }

    /** {@code len(a)}: the argument after the builtin itself. */
    static Value len(HighLevelOp hop) {
        if (hop.argReprs.get(1) instanceof InteriorPtrRepr(var p, var f)) {
            return hop.genop(GETINTERIORARRAYSIZE, List.of(hop.arg(1), LLConstant.voidOf(f)), Primitive.SIGNED);
        }
        return hop.genop(GETARRAYSIZE, List.of(hop.arg(1)), Primitive.SIGNED);
    }

    static Value identity(HighLevelOp hop, HLOp op) {
        boolean same = op == HLOp.EQ || op == HLOp.IS_;
        return hop.genop(same ? PTR_EQ : PTR_NE, List.of(hop.arg(0), hop.arg(1)), Primitive.BOOL);
    }

    /** A call of {@code malloc}, {@code nullptr}, an {@code llop} or a graph handed to a helper: the callee is argument 0. */
    static Value call(HighLevelOp hop, LLFunction function) {
        return switch (function) {
            case LLBuiltin b when b == LLBuiltin.MALLOC -> {
                ContainerType t = typeArgument(hop);
                yield hop.nargs() == 2 ? hop.genop(MALLOC, List.of(LLConstant.voidOf(t)), new Ptr(t))
                        : hop.genop(MALLOC_VARSIZE, List.of(LLConstant.voidOf(t), hop.inputarg(Repr.SIGNED, 2)), new Ptr(t));
            }
            case LLBuiltin b when b == LLBuiltin.NULLPTR -> LLConstant.nullOf(new Ptr(typeArgument(hop)));
            case LLBuiltin b -> throw hop.error("lltype." + b.pyName() + "() has no low-level translation: it runs at import time");
            case LLOpCall(var op) when op == CAST_PTR_TO_INT || op == GC_IDENTITYHASH ->   // of any pointer: no fixed signature
                    hop.genop(op, List.of(hop.arg(2)), Primitive.SIGNED);
            case LLOpCall(var op) -> {
                Signature sig = op.signature();
                List<Value> operands = new ArrayList<>();
                for (int i = 0; i < sig.args().size(); i++) {
                    operands.add(hop.inputarg(reprOf(sig.args().get(i)), i + 2));   // after the callee and the result type
                }
                yield hop.genop(op, operands, sig.result());
            }
            case LLGraphFunction(var g) -> {
                List<Value> operands = new ArrayList<>(List.of(LLConstant.of(g, new Ptr(g.signature()))));
                for (int i = 0; i < g.signature().args().size(); i++) {
                    operands.add(hop.inputarg(reprOf(g.signature().args().get(i)), i + 1));   // after the callee
                }
                yield hop.genop(DIRECT_CALL, operands, g.signature().result());
            }
        };
    }

    private static ContainerType typeArgument(HighLevelOp hop) {
        if (hop.argReprs.get(1) instanceof ConstantRepr(LowLevelTypeObject t) && t.lowLevelType() instanceof ContainerType c) {
            return c;
        }
        throw hop.error("the type to allocate must be a constant struct or array type");
    }

    /** The repr of values of type {@code t}, which a value is converted to before it is stored. */
    static Repr reprOf(LowLevelType t) {
        return switch (t) {
            // an Address is stage 04's (llmemory): its annotation, and so its repr, are contributed
            case Primitive p when p == Primitive.ADDRESS && LLAnnotations.of(p) instanceof RTypedAnnotation a ->
                    new Repr.ContributedRepr(a);
            case Primitive p -> new Repr.PrimitiveRepr(p);
            case Ptr p -> new PtrRepr(p);
            default -> throw new IllegalArgumentException("a " + t + " is not a value");
        };
    }

    private static Field field(HighLevelOp hop) {
        StructType s = (StructType) ((PtrRepr) hop.argReprs.getFirst()).type().to();
        if (!(hop.spaceop.args().get(1) instanceof Constant(PyStr name))) {
            throw hop.error("a field name must be a constant");
        }
        return s.field(name.value());
    }

    private static ArrayType interiorArray(Ptr parent, String field) {
        return (ArrayType) ((StructType) parent.to()).field(field).type();
    }

    private static ArrayType array(HighLevelOp hop) {
        return (ArrayType) ((PtrRepr) hop.argReprs.getFirst()).type().to();
    }
}
