package dev.taipan.rtyper.rtyper;

import static dev.taipan.rtyper.lloperation.LLOp.*;

import dev.taipan.annotator.SomeValue;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lltype.GcArray;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.rtyper.LowLevelHelpers.Helper;
import dev.taipan.rtyper.rtyper.Repr.ListRepr;
import java.util.List;

/**
 * {@code list(x)} of an iterable that is neither a list nor a range: a str (its chars), a tuple,
 * a dict (its keys), an iterator ({@code enumerate}, {@code zip}, {@code reversed},
 * {@code d.items()}...). Each of these is iterated by its own rule already ({@link Sequences},
 * {@link IteratorVariants}); rather than a second loop per kind, {@code list(x)} is the
 * program's own {@code for} loop, written once in RPy ({@code rcontainer.list_of}) and annotated
 * per annotation of {@code x} as {@link ItemFunctions}' are, so whatever the program can loop
 * over it can list. PyPy's {@code rlist.rtype_newlist} with an iterable does the same through
 * {@code ll_extend} of an iterator.
 *
 * <p>The helper's list is a list of its own (the annotator saw it grow); its items are copied
 * into an array of the type the program's list has, which may be a fixed-size one.
 */
final class ListOf {
    private ListOf() { }

    /** A new array of {@code result}'s items type holding the items of argument {@code at}. */
    static Value items(HighLevelOp hop, int at, ListRepr result, Value arrayType) {
        RTyper rtyper = hop.rtyper();
        Value arg = hop.spaceop.args().get(at);
        SomeValue s = rtyper.annotation(arg).withoutConst();   // a constant str is listed as any str
        Repr r = hop.reprOf(s);
        Value x = hop.inputarg(r, at);
        LowLevelGraph g = rtyper.helpers.graph(rtyper.helpers.function(new Helper(ItemFunctions.RCONTAINER, "list_of")),
                List.of(s), List.of(r.lowleveltype()), "called by the rtyper for list() of " + r.lowleveltype());
        // the helper's list grows, so it is a {length, items} struct; its items are stored as the program's are
        Ptr madeType = (Ptr) g.signature().result();
        Ptr madeItems = (Ptr) ((GcStruct) madeType.to()).field("items").type();
        if (!((GcArray) madeItems.to()).item().equals(result.item().lowleveltype())) {
            throw hop.error("list() of a " + r.lowleveltype() + " whose items are " + ((GcArray) madeItems.to()).item()
                    + ", into a list of " + result.item().lowleveltype() + ", has no low-level translation");
        }
        ListRepr made = new ListRepr(result.item(), madeType);
        Value list = hop.genop(DIRECT_CALL, List.of(LLConstant.of(g, new Ptr(g.signature())), x), g.signature().result());
        return hop.gendirectcall(new Helper("rpython.rtyper.rlist", "ll_copy"), ListRules.items(hop, made, list),
                ListRules.length(hop, made, list), arrayType);
    }
}
