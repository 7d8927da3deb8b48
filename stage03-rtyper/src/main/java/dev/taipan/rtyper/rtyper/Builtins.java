package dev.taipan.rtyper.rtyper;

import static dev.taipan.rtyper.lloperation.LLOp.*;

import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.flowgraph.host.PyTuple;
import dev.taipan.flowgraph.host.PyType;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.flowgraph.operation.HLOp;
import dev.taipan.rtyper.lltype.Primitive;
import java.util.List;

/**
 * The builtin functions this part translates: numeric conversions, {@code abs}, {@code isinstance},
 * {@code len}, {@code range}, and {@code print} of numbers and strings.
 */
final class Builtins {
    private Builtins() { }

    /** The builtin types whose call this part translates (the annotator sees them as classes): conversions of numbers, range(). */
    static final java.util.Set<String> TYPES = java.util.Set.of("int", "float", "range", "str", "list", "bool",
            "enumerate", "zip", "reversed");

    /** Whether {@code f} is the support package's {@code rpython.rlib.rarithmetic.NAME}. */
    static boolean isRarithmetic(PyFunction f, String name) {
        return f != null && f.name().equals(name)
                && f.globals().getStr("__name__") instanceof PyStr m && m.value().equals("rpython.rlib.rarithmetic");
    }

    /**
     * {@code intmask(x)}: the word as a signed one, a cast (PyPy registers the same rule for
     * it); its Python body, written for unbounded ints, is for the host only.
     */
    static Value intmask(HighLevelOp hop) {
        Repr r = hop.argReprs.get(1);
        if (r == Repr.FLOAT) {
            return hop.genop(CAST_FLOAT_TO_INT, List.of(hop.inputarg(Repr.FLOAT, 1)), Primitive.SIGNED);
        }
        return hop.inputarg(Repr.SIGNED, 1);
    }

    /**
     * {@code isinstance(x, C)} of a number, a string or a value known now: its type is known from
     * its repr, so the answer is known now ({@code isinstance(n, float)} in {@code intmask} is False for an int).
     */
    private static boolean isinstanceOfValue(HighLevelOp hop) {
        List<PyObject> classes = switch (((Constant) hop.spaceop.args().get(2)).value()) {
            case PyTuple t -> t.items();
            case PyObject o -> List.of(o);
            default -> List.of();
        };
        if (hop.argReprs.get(1) instanceof Repr.ConstantRepr(PyObject known)) {
            // a value known now (None, where the variable is only ever None, fuzz seed 700105): its type decides
            return classes.stream().anyMatch(c -> c instanceof PyType t && known.type().isSubtypeOf(t));
        }
        List<String> types = switch (hop.argReprs.get(1)) {
            case Repr.PrimitiveRepr(Primitive p) when p == Primitive.BOOL -> List.of("bool", "int", "object");
            case Repr.PrimitiveRepr(Primitive p) when p == Primitive.SIGNED -> List.of("int", "object");
            case Repr.PrimitiveRepr(Primitive p) when p == Primitive.UNSIGNED -> List.of("r_uint", "int", "object");
            case Repr.PrimitiveRepr(Primitive p) when p == Primitive.FLOAT -> List.of("float", "object");
            case Repr.PrimitiveRepr(Primitive p) when p == Primitive.CHAR -> List.of("str", "object");
            case Repr.StrRepr r -> List.of("str", "object");
            default -> throw hop.error("isinstance() of " + hop.argReprs.get(1).lowleveltype()
                    + " has no low-level translation in this part");
        };
        return classes.stream().anyMatch(c -> c instanceof PyType t && types.contains(t.name())
                && (t.isBuiltin() || t.name().equals("r_uint")));
    }

    static Value call(RTyper rtyper, HighLevelOp hop, String name) {
        if (StrRules.handlesBuiltin(hop, name)) {
            return StrRules.builtin(rtyper, hop, name);
        }
        if (ListRules.handlesBuiltin(hop, name)) {
            return ListRules.builtin(rtyper, hop, name);
        }
        if (IteratorVariants.handlesBuiltin(name)) {
            return rtyper.iteratorVariants.builtin(rtyper, hop, name);
        }
        if (OsRules.handlesBuiltin(name)) {
            return OsRules.builtin(rtyper, hop, name);
        }
        if (NumericBuiltins.handles(hop, name)) {
            return NumericBuiltins.call(rtyper, hop, name);
        }
        if (name.startsWith("math.") && hop.spaceop.op() != HLOp.CALL_ARGS) {
            return FloatRules.math(hop, name.substring("math.".length()));
        }
        if (hop.spaceop.op() == HLOp.CALL_ARGS && !name.equals("print")) {
            throw hop.error(name + "() with keywords or a *argument has no low-level translation in this part");
        }
        return switch (name) {
            case "print" -> {
                hop.genop(DEBUG_PRINT, Rules.printable(rtyper, hop), Primitive.VOID);
                yield rtyper.none();
            }
            case "isinstance" -> hop.argReprs.get(1) instanceof Repr.InstanceRepr ? InstanceRules.isinstance(rtyper, hop)
                    : LLConstant.of(isinstanceOfValue(hop), Primitive.BOOL);
            case "len" -> hop.argReprs.get(1) instanceof Repr.PtrRepr || hop.argReprs.get(1) instanceof Repr.InteriorPtrRepr
                    ? PtrRules.len(hop) : rtyper.sequences.len(hop, 1);
            case "range" -> rtyper.sequences.range(rtyper, hop);
            case "float" -> hop.argReprs.get(1) instanceof Repr.StrRepr || hop.argReprs.get(1) == Repr.CHAR
                    || hop.argReprs.get(1) instanceof Repr.ConstantRepr(PyStr s)
                    ? FloatRules.parse(hop, hop.inputarg(Repr.STR, 1)) : hop.inputarg(Repr.FLOAT, 1);
            case "int" -> hop.argReprs.get(1) == Repr.FLOAT ? FloatRules.toInt(hop, hop.inputarg(Repr.FLOAT, 1))
                    : hop.inputarg(Repr.SIGNED, 1);
            case "round" -> FloatRules.round(hop);
            case "abs" -> hop.argReprs.get(1) == Repr.FLOAT
                    ? hop.genop(FLOAT_ABS, List.of(hop.inputarg(Repr.FLOAT, 1)), Primitive.FLOAT)
                    : hop.genop(INT_ABS, List.of(hop.inputarg(Repr.SIGNED, 1)), Primitive.SIGNED);
            default -> throw hop.error("the builtin " + name + "() has no low-level translation in this part");
        };
    }
}
