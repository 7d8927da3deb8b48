package dev.taipan.rtyper.rtyper;

import static dev.taipan.rtyper.lloperation.LLOp.*;

import dev.taipan.flowgraph.flow.Value;
import dev.taipan.rtyper.lltype.Primitive;
import java.util.List;

/** The builtin functions this part translates: numeric conversions, {@code abs}, {@code isinstance}, and {@code print} of numbers. */
final class Builtins {
    private Builtins() { }

    /** The builtin types whose call is a conversion of a number: the annotator sees them as classes. */
    static final java.util.Set<String> CONVERSIONS = java.util.Set.of("int", "float");

    static Value call(RTyper rtyper, HighLevelOp hop, String name) {
        return switch (name) {
            case "print" -> {
                hop.genop(DEBUG_PRINT, Rules.printable(hop), Primitive.VOID);
                yield rtyper.none();
            }
            case "isinstance" -> InstanceRules.isinstance(rtyper, hop);
            case "len" -> {
                if (!(hop.argReprs.get(1) instanceof Repr.PtrRepr)) {
                    throw hop.error("len() of " + hop.argReprs.get(1).lowleveltype() + " needs the strings and lists of part 2");
                }
                yield PtrRules.len(hop);
            }
            case "float" -> hop.inputarg(Repr.FLOAT, 1);
            case "int" -> hop.argReprs.get(1) == Repr.FLOAT
                    ? hop.genop(CAST_FLOAT_TO_INT, List.of(hop.inputarg(Repr.FLOAT, 1)), Primitive.SIGNED)
                    : hop.inputarg(Repr.SIGNED, 1);
            case "abs" -> hop.argReprs.get(1) == Repr.FLOAT
                    ? hop.genop(FLOAT_ABS, List.of(hop.inputarg(Repr.FLOAT, 1)), Primitive.FLOAT)
                    : hop.genop(INT_ABS, List.of(hop.inputarg(Repr.SIGNED, 1)), Primitive.SIGNED);
            default -> throw hop.error("the builtin " + name + "() has no low-level translation in this part");
        };
    }
}
