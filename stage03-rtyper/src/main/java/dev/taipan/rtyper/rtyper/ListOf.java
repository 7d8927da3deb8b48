package dev.taipan.rtyper.rtyper;

import static dev.taipan.rtyper.lloperation.LLOp.*;

import dev.taipan.annotator.SomeValue;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lltype.GcArray;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.rtyper.LowLevelHelpers.Helper;
import dev.taipan.rtyper.rtyper.Repr.ListRepr;
import java.util.List;

/**
 * {@code list(x)} of an iterable that is neither a list nor a range: a str (its chars), a tuple,
 * a dict (its keys), an iterator ({@code enumerate}, {@code zip}, {@code reversed},
 * {@code d.items()}...). Each of these is iterated by its own rule already ({@link Sequences},
 * {@link IteratorVariants}); rather than a second loop per kind, {@code list(x)} is the
 * program's own {@code for} loop, written once in RPy ({@code rcontainer.py}) and annotated per
 * annotation of {@code x} as {@link ItemFunctions}' are, so whatever the program can loop over
 * it can list. PyPy's {@code rlist.rtype_newlist} of an iterable does the same through
 * {@code ll_extend} of an iterator.
 *
 * <ul>
 *   <li>a list the program resizes gets the items appended to it ({@code list_into}, annotated
 *       with the program's list annotation), so each item is converted to what the list stores:
 *       {@code list("ab")} then {@code .append("cd")} stores chars as strs;</li>
 *   <li>a fixed-size list has no append: the helper's own list ({@code list_of}) is copied into
 *       an array of exactly its length, which must store items alike.</li>
 * </ul>
 */
final class ListOf {
    private ListOf() { }

    private static final String RCONTAINER = ItemFunctions.RCONTAINER;

    /** The list {@code list(x)} makes, {@code x} being argument {@code at}, of repr {@code result}. */
    static Value list(HighLevelOp hop, int at, ListRepr result, Value arrayType) {
        RTyper rtyper = hop.rtyper();
        SomeValue s = rtyper.annotation(hop.spaceop.args().get(at)).withoutConst();   // a constant str is listed as any str
        Repr r = hop.reprOf(s);
        Value x = hop.inputarg(r, at);
        String why = "called by the rtyper for list() of " + r.lowleveltype();
        if (result.resizable()) {
            Value array = hop.genop(MALLOC_VARSIZE, List.of(arrayType, LLConstant.signed(0)),
                    ((GcStruct) result.lowleveltype().to()).field("items").type());
            Value list = hop.genop(MALLOC, List.of(LLConstant.voidOf(result.lowleveltype().to())), result.lowleveltype());
            hop.genop(SETFIELD, List.of(list, LLConstant.voidOf("length"), LLConstant.signed(0)), Primitive.VOID);
            hop.genop(SETFIELD, List.of(list, LLConstant.voidOf("items"), array), Primitive.VOID);
            SomeValue into = rtyper.annotation(hop.spaceop.result());
            call(hop, helper(rtyper, "list_into", List.of(into, s), List.of(result.lowleveltype(), r.lowleveltype()), why), list, x);
            return list;
        }
        LowLevelGraph g = helper(rtyper, "list_of", List.of(s), List.of(r.lowleveltype()), why);
        // the helper's list grows, so it is a {length, items} struct
        Ptr madeType = (Ptr) g.signature().result();
        dev.taipan.rtyper.lltype.LowLevelType madeItem = ((GcArray) ((Ptr) ((GcStruct) madeType.to()).field("items").type()).to()).item();
        if (!madeItem.equals(result.item().lowleveltype())) {
            throw hop.error("list() of a " + r.lowleveltype() + " whose items are " + madeItem + ", as a list of "
                    + result.item().lowleveltype() + " that is never resized, has no low-level translation");
        }
        ListRepr made = new ListRepr(result.item(), madeType);
        Value list = call(hop, g, x);
        return hop.gendirectcall(new Helper("rpython.rtyper.rlist", "ll_copy"),   // a fixed-size list is its array
                ListRules.items(hop, made, list), ListRules.length(hop, made, list), arrayType);
    }

    private static LowLevelGraph helper(RTyper rtyper, String name, List<SomeValue> annotations,
            List<dev.taipan.rtyper.lltype.LowLevelType> types, String why) {
        return rtyper.helpers.graph(rtyper.helpers.function(new Helper(RCONTAINER, name)), annotations, types, why);
    }

    private static Value call(HighLevelOp hop, LowLevelGraph g, Value... args) {
        List<Value> operands = new java.util.ArrayList<>();
        operands.add(LLConstant.of(g, new Ptr(g.signature())));
        operands.addAll(List.of(args));
        return hop.genop(DIRECT_CALL, operands, g.signature().result());
    }
}
