package dev.taipan.gc.llmemory;

import dev.taipan.annotator.Annotator;
import dev.taipan.annotator.Describe;
import dev.taipan.annotator.SomeValue;
import dev.taipan.annotator.SomeValue.SomeBool;
import dev.taipan.annotator.SomeValue.SomeImpossibleValue;
import dev.taipan.annotator.SomeValue.SomeInteger;
import dev.taipan.annotator.SomeValue.SomeNone;
import dev.taipan.annotator.SomeValue.SomeObject;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.operation.HLOp;
import dev.taipan.rtyper.llannotation.LLAnnotations;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.rtyper.ContributedOp;
import dev.taipan.rtyper.rtyper.RTypedAnnotation;
import java.util.List;

/**
 * {@code adr.signed}, {@code adr.address}, ...: an address seen as an array of one item type
 * (PyPy's {@code SomeTypedAddressAccess}). It exists only to be indexed: {@code adr.signed[i]}
 * is {@code raw_load(adr, i * 8)} of a {@code Signed}, {@code adr.char[i] = c} is
 * {@code raw_store(adr, i, c)}. At the low level its value is the address itself.
 */
public record SomeTypedAddressAccess(Accessor accessor) implements RTypedAnnotation {

    @Override
    public LowLevelType lowleveltype() {
        return Primitive.ADDRESS;
    }

    @Override
    public SomeValue unionWith(SomeValue other) {
        return null;
    }

    @Override
    public SomeValue consider(Annotator ann, HLOp op, List<SomeValue> args) {
        if (args.stream().anyMatch(a -> a instanceof SomeImpossibleValue)) {
            return SomeValue.IMPOSSIBLE;
        }
        return switch (op) {
            case GETITEM -> {
                index(ann, args.get(1));
                yield LLAnnotations.of(accessor.type());
            }
            case SETITEM -> {
                index(ann, args.get(1));
                if (!accessor.type().equals(LLAnnotations.lowLevelType(args.get(2)))) {
                    throw Annotator.error(ann, "adr." + accessor.pyName() + "[i] holds a " + accessor.type() + ", not "
                            + Describe.article(args.get(2)));
                }
                yield new SomeNone();
            }
            default -> new SomeObject();
        };
    }

    private void index(Annotator ann, SomeValue i) {
        if (!(i instanceof SomeInteger n && !n.unsigned() || i instanceof SomeBool)) {
            throw Annotator.error(ann, "an index of adr." + accessor.pyName() + "[i] is an int, not " + Describe.article(i));
        }
    }

    @Override
    public Value rtype(ContributedOp hop) {
        long size = Layout.sizeOf(accessor.type());
        Value offset = hop.constant(1) instanceof PyInt i
                ? LLConstant.signed(i.longValue() * size)
                : hop.genop(LLOp.INT_MUL, List.of(hop.inputarg(Primitive.SIGNED, 1), LLConstant.signed(size)), Primitive.SIGNED);
        return switch (hop.op()) {
            case GETITEM -> hop.genop(LLOp.RAW_LOAD, List.of(hop.arg(0), offset), accessor.type());
            case SETITEM -> {
                hop.genop(LLOp.RAW_STORE, List.of(hop.arg(0), offset, hop.inputarg(accessor.type(), 2)), Primitive.VOID);
                yield hop.none();
            }
            default -> throw hop.error("'" + hop.op().opname() + "' on adr." + accessor.pyName() + " has no low-level translation");
        };
    }

    @Override
    public String pyType() {
        return "Address." + accessor.pyName();
    }

    @Override
    public boolean contains(PyObject v) {
        return false;
    }
}
