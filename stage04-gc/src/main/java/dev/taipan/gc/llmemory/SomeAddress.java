package dev.taipan.gc.llmemory;

import static dev.taipan.rtyper.lloperation.LLOp.*;

import dev.taipan.annotator.Annotator;
import dev.taipan.annotator.Describe;
import dev.taipan.annotator.SomeValue;
import dev.taipan.annotator.SomeValue.SomeBool;
import dev.taipan.annotator.SomeValue.SomeImpossibleValue;
import dev.taipan.annotator.SomeValue.SomeInteger;
import dev.taipan.annotator.SomeValue.SomeObject;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.flowgraph.operation.HLOp;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.rtyper.ContributedOp;
import dev.taipan.rtyper.rtyper.RTypedAnnotation;
import java.util.List;

/**
 * An address (PyPy's {@code SomeAddress}): a machine word that points into memory of no
 * declared type, which the collectors compute with. Stage 04's contribution to the annotator's
 * lattice, and to the rtyper ({@link RTypedAnnotation}): its values are {@code Address} words.
 *
 * <pre>
 * adr + n, n + adr, adr - n    adr_add, adr_sub        (n an int, in bytes)
 * adr - adr2                   adr_delta -> int
 * adr &lt; adr2, ==, ...          adr_lt, adr_eq, ...     (unsigned: addresses are never negative)
 * bool(adr), if adr:           adr_ne(adr, NULL)
 * adr.signed[i], adr.address[i], adr.char[i], adr.float[i], adr.unsigned[i]
 *                              raw_load / raw_store at i times the item's size
 * </pre>
 *
 * An address is never None (NULL is its null), never mixed with an int (the casts say when a
 * word is read as the other), and never compared with anything but an address.
 */
public record SomeAddress() implements RTypedAnnotation {

    @Override
    public LowLevelType lowleveltype() {
        return Primitive.ADDRESS;
    }

    /** The only address the host knows: {@code llmemory.NULL}. */
    @Override
    public Object lowLevelConstant(PyObject host) {
        if (host instanceof NullAddress) {
            return 0L;
        }
        throw new IllegalArgumentException(host + " is not an address");
    }

    @Override
    public SomeValue unionWith(SomeValue other) {
        return null;   // two addresses are equal, joined before; an address and anything else do not meet
    }

    @Override
    public SomeValue consider(Annotator ann, HLOp op, List<SomeValue> args) {
        if (args.stream().anyMatch(a -> a instanceof SomeImpossibleValue)) {
            return SomeValue.IMPOSSIBLE;   // an operand not known yet: the block is flowed again when it is
        }
        return switch (op.withoutInplace()) {
            case ADD -> {
                if (args.get(0) instanceof SomeAddress && args.get(1) instanceof SomeAddress) {
                    throw Annotator.error(ann, "cannot add two Addresses: an Address moves by an int number of bytes");
                }
                offset(ann, args.get(args.get(0) instanceof SomeAddress ? 1 : 0), "+");
                yield new SomeAddress();
            }
            case SUB -> {
                if (!(args.get(0) instanceof SomeAddress)) {
                    throw Annotator.error(ann, "cannot subtract an Address from " + Describe.article(args.get(0)));
                }
                if (args.get(1) instanceof SomeAddress) {
                    yield new SomeInteger();   // the distance in bytes
                }
                offset(ann, args.get(1), "-");
                yield new SomeAddress();
            }
            case EQ, NE, LT, LE, GT, GE -> {
                if (!(args.get(0) instanceof SomeAddress && args.get(1) instanceof SomeAddress)) {
                    throw Annotator.error(ann, "cannot compare " + Describe.article(args.get(0)) + " with "
                            + Describe.article(args.get(1)) + ": an Address compares with an Address "
                            + "(cast_adr_to_int or cast_int_to_adr says which word is which)");
                }
                yield new SomeBool(null);
            }
            case BOOL, NOT_ -> new SomeBool(null);
            case GETATTR -> {
                String name = ((PyStr) args.get(1).konst()).value();
                yield new SomeTypedAddressAccess(Accessor.named(name).orElseThrow(() -> Annotator.error(ann,
                        "an Address has no attribute '" + name + "' (its typed accessors: " + Accessor.names() + ")")));
            }
            case MUL, TRUEDIV, FLOORDIV, MOD, POW, LSHIFT, RSHIFT, AND_, OR_, XOR, MATMUL -> throw Annotator.error(ann,
                    "'" + op.withoutInplace().opname() + "' is not an operation on Addresses: they are added to, "
                    + "subtracted and compared (cast_adr_to_int gives the word as an int)");
            default -> new SomeObject();
        };
    }

    private static void offset(Annotator ann, SomeValue n, String symbol) {
        if (!(n instanceof SomeInteger i && !i.unsigned() || n instanceof SomeBool)) {
            throw Annotator.error(ann, "Address " + symbol + " " + Describe.article(n)
                    + ": an Address moves by an int number of bytes");
        }
    }

    @Override
    public Value rtype(ContributedOp hop) {
        HLOp op = hop.op().withoutInplace();
        return switch (op) {
            case ADD -> {
                int adr = hop.annotation(0) instanceof SomeAddress ? 0 : 1;
                yield hop.genop(ADR_ADD, List.of(hop.inputarg(Primitive.ADDRESS, adr), hop.inputarg(Primitive.SIGNED, 1 - adr)),
                        Primitive.ADDRESS);
            }
            case SUB -> hop.annotation(1) instanceof SomeAddress
                    ? hop.genop(ADR_DELTA, List.of(hop.arg(0), hop.arg(1)), Primitive.SIGNED)
                    : hop.genop(ADR_SUB, List.of(hop.arg(0), hop.inputarg(Primitive.SIGNED, 1)), Primitive.ADDRESS);
            case EQ, NE, LT, LE, GT, GE -> hop.genop(comparison(op), List.of(hop.arg(0), hop.arg(1)), Primitive.BOOL);
            case BOOL -> truth(hop, 0);
            case NOT_ -> hop.genop(ADR_EQ, List.of(hop.arg(0), LLConstant.of(0L, Primitive.ADDRESS)), Primitive.BOOL);
            case GETATTR -> hop.arg(0);   // adr.signed is the address itself; its items are raw_loads
            default -> throw hop.error("'" + op.opname() + "' on an Address has no low-level translation");
        };
    }

    /** An address is true when it is not NULL. */
    @Override
    public Value truth(ContributedOp hop, int i) {
        return hop.genop(ADR_NE, List.of(hop.arg(i), LLConstant.of(0L, Primitive.ADDRESS)), Primitive.BOOL);
    }

    private static LLOp comparison(HLOp op) {
        return switch (op) {
            case EQ -> ADR_EQ;
            case NE -> ADR_NE;
            case LT -> ADR_LT;
            case LE -> ADR_LE;
            case GT -> ADR_GT;
            default -> ADR_GE;
        };
    }

    @Override
    public String pyType() {
        return "Address";
    }

    @Override
    public boolean contains(PyObject v) {
        return v instanceof NullAddress;
    }
}
