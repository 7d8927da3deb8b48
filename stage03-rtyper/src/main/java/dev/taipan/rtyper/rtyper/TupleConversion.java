package dev.taipan.rtyper.rtyper;

import static dev.taipan.rtyper.lloperation.LLOp.*;

import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.rtyper.Repr.TupleRepr;
import java.util.ArrayList;
import java.util.List;

/**
 * A tuple seen as a tuple of wider items: {@code ("nowhere", "x")} is a {@code (str, char)},
 * which a list of {@code (str, str)} pairs must store as one of its own. A tuple's type is its
 * items' types, so no cast makes one the other: the conversion reads each item, converts it
 * (a char becomes a str of one char, an int a float, an instance its base class) and builds a
 * new tuple of the wanted type. Tuples are immutable, so the copy is never seen to differ from
 * the original. PyPy's {@code rtuple} does the same in its {@code convert_from_to}.
 */
final class TupleConversion {
    private TupleConversion() { }

    static Value convert(GraphConverter gc, Value v, TupleRepr from, TupleRepr to, List<SpaceOperation> out, int line) {
        if (from.items().size() != to.items().size()) {
            throw gc.error("cannot convert a tuple of " + from.items().size() + " items to one of " + to.items().size(), line);
        }
        List<Value> items = new ArrayList<>();
        for (int i = 0; i < from.items().size(); i++) {
            Repr a = from.items().get(i);
            Repr b = to.items().get(i);
            if (b.lowleveltype() == Primitive.VOID) {
                items.add(null);   // nothing stored: the wanted tuple knows the item already
                continue;
            }
            if (a instanceof Repr.ConstantRepr(var known)) {
                // an item known now ('ca', f15), wanted stored: the constant, as the wanted item (fuzz seed 711145)
                items.add(gc.convert(LLConstant.voidOf(known), a, b, out, line));
                continue;
            }
            if (a.lowleveltype() == Primitive.VOID) {
                throw gc.error("cannot convert a tuple whose item " + i + " is known at translation time to one of "
                        + b.lowleveltype(), line);
            }
            Value x = emit(gc, GETFIELD, List.of(v, LLConstant.voidOf("item" + i)), a.lowleveltype(), out, line);
            items.add(gc.convert(x, a, b, out, line));
        }
        Value t = emit(gc, MALLOC, List.of(LLConstant.voidOf(to.lowleveltype().to())), to.lowleveltype(), out, line);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) != null) {
                emit(gc, SETFIELD, List.of(t, LLConstant.voidOf("item" + i), items.get(i)), Primitive.VOID, out, line);
            }
        }
        return t;
    }

    private static Value emit(GraphConverter gc, LLOp op, List<Value> args, LowLevelType type, List<SpaceOperation> out, int line) {
        Variable r = new Variable();
        gc.ll.setType(r, type);
        out.add(new SpaceOperation(op, args, r, line));
        return r;
    }
}
