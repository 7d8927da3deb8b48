package dev.taipan.rtyper.llinterp;

import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lloperation.Signature;
import dev.taipan.rtyper.lltype.ArrayType;
import dev.taipan.rtyper.lltype.ContainerType;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.StructType;
import dev.taipan.rtyper.memory.Heap;
import java.io.PrintStream;
import java.util.List;

/**
 * Compiles one operation of a graph into an {@link Instr}: operands become slots, and what the
 * operation knows at translation time ({@code Void} operands, the types of its operands) is
 * used up now. A memory operation's path of field names and indexes becomes a {@link Place}, a
 * byte offset plus at most one run-time index; a {@code direct_call}'s function constant
 * becomes the callee; a pure operation gets its catalogue implementation. The operand and
 * result types are checked against what the operation requires, so that a wrong graph fails
 * here, naming the operation, rather than computing nonsense.
 */
final class OperationCompiler {

    /** Where a memory operation reaches: {@code ptr + offset (+ index * scale)}, a value or part of {@code type}. */
    private record Place(int ptr, long offset, int index, long scale, LowLevelType type) {
    }

    private final LowLevelGraph graph;
    private final Slots slots;
    private final Heap heap;
    private final FunctionTable functions;
    private final PrintStream out;

    OperationCompiler(LowLevelGraph graph, Slots slots, Heap heap, FunctionTable functions, PrintStream out) {
        this.graph = graph;
        this.slots = slots;
        this.heap = heap;
        this.functions = functions;
        this.out = out;
    }

    Instr compile(SpaceOperation op) {
        if (!(op.op() instanceof LLOp llop)) {
            throw new IllegalArgumentException(op.opname() + " is not a low-level operation: was " + graph.name() + " rtyped?");
        }
        List<Value> args = op.args();
        int result = slots.of(op.result());
        return switch (llop) {
            case MALLOC -> new MemoryInstr.Malloc(heap, container(args.getFirst()), result);
            case MALLOC_VARSIZE -> new MemoryInstr.MallocVarsize(heap, container(args.getFirst()), operand(args.get(1), Primitive.SIGNED), result);
            case GETFIELD, GETARRAYITEM, GETINTERIORFIELD -> load(place(args, args.size()), op);
            case SETFIELD, SETARRAYITEM, SETINTERIORFIELD -> store(place(args, args.size() - 1), args.getLast());
            case GETARRAYSIZE, GETINTERIORARRAYSIZE -> length(place(args, args.size()), result);
            case GETSUBSTRUCT, GETARRAYSUBSTRUCT -> address(place(args, args.size()), result);
            case DIRECT_CALL -> directCall(args, result);
            case INDIRECT_CALL -> indirectCall(args, result);
            case DEBUG_PRINT -> debugPrint(args);
            case DEBUG_ASSERT -> new DebugInstr.Assert(operand(args.getFirst(), Primitive.BOOL), voidString(args.get(1)));
            default -> pure(llop, args, result);
        };
    }

    private Instr pure(LLOp op, List<Value> args, int result) {
        Signature sig = op.signature();
        if (sig != null) {
            check(args.size() == sig.args().size(), op + " takes " + sig.args().size() + " operands, not " + args.size());
            for (int k = 0; k < args.size(); k++) {
                check(graph.typeOf(args.get(k)).equals(sig.args().get(k)), op + " " + sig + ": operand " + (k + 1)
                        + " is a " + graph.typeOf(args.get(k)));
            }
        }
        int[] operands = args.stream().mapToInt(slots::of).toArray();
        return PureInstr.of(op.impl(), operands, result);
    }

    /**
     * Follows the path {@code args[1..end)} from the pointer {@code args[0]}: a field name
     * (a {@code Void} string) steps into a struct, an index into an array (past its length word).
     */
    private Place place(List<Value> args, int end) {
        if (!(graph.typeOf(args.getFirst()) instanceof Ptr ptr)) {
            throw new IllegalArgumentException("operand 1 is a " + graph.typeOf(args.getFirst()) + ", not a pointer");
        }
        LowLevelType type = ptr.to();
        long offset = 0;
        int index = -1;
        long scale = 0;
        for (Value step : args.subList(1, end)) {
            switch (type) {
                case StructType s -> {
                    String name = voidString(step);
                    offset += Layout.offsetOf(s, name);
                    type = s.field(name).type();
                }
                case ArrayType a -> {
                    offset += Layout.itemsOffset(a);
                    if (step instanceof Constant(LLConstant(Long i, var t)) && t == Primitive.SIGNED) {
                        offset += i * Layout.itemSize(a);
                    } else {
                        check(index < 0, "a path with two run-time indexes");
                        index = operand(step, Primitive.SIGNED);
                        scale = Layout.itemSize(a);
                    }
                    type = a.item();
                }
                default -> throw new IllegalArgumentException("a " + type + " has no fields or items to reach with " + step);
            }
        }
        return new Place(slots.of(args.getFirst()), offset, index, scale, type);
    }

    private Instr load(Place p, SpaceOperation op) {
        Word word = Word.of(p.type());
        check(graph.typeOf(op.result()).equals(p.type()), "the result is a " + graph.typeOf(op.result()) + ", the value read a " + p.type());
        int result = slots.of(op.result());
        return p.index() < 0 ? new MemoryInstr.Load(heap, word, p.ptr(), p.offset(), result)
                : new MemoryInstr.LoadItem(heap, word, p.ptr(), p.offset(), p.index(), p.scale(), result);
    }

    private Instr store(Place p, Value value) {
        Word word = Word.of(p.type());
        int v = operand(value, p.type());
        return p.index() < 0 ? new MemoryInstr.Store(heap, word, p.ptr(), p.offset(), v)
                : new MemoryInstr.StoreItem(heap, word, p.ptr(), p.offset(), p.index(), p.scale(), v);
    }

    /** The length word of the array at the end of the path (no item of an array holds an array). */
    private Instr length(Place p, int result) {
        if (!(p.type() instanceof ArrayType a)) {
            throw new IllegalArgumentException("a " + p.type() + " has no length");
        }
        return new MemoryInstr.Load(heap, Word.SIGNED, p.ptr(), p.offset() + Layout.lengthOffset(a), result);
    }

    private Instr address(Place p, int result) {
        check(p.type() instanceof StructType || p.type() instanceof ArrayType, "a " + p.type() + " is a value, not a part to point to");
        return p.index() < 0 ? new MemoryInstr.Address(p.ptr(), p.offset(), result)
                : new MemoryInstr.ItemAddress(p.ptr(), p.offset(), p.index(), p.scale(), result);
    }

    private Instr directCall(List<Value> args, int result) {
        if (!(args.getFirst() instanceof Constant(LLConstant(LowLevelGraph callee, var t)))) {
            throw new IllegalArgumentException("direct_call of " + args.getFirst() + ", not a constant function (use indirect_call)");
        }
        return new CallInstr.Direct(functions.of(callee), arguments(callee.signature(), args.subList(1, args.size())), result);
    }

    /** {@code indirect_call(f, args..., graphs)}: the last operand, the graphs {@code f} may be, is for later stages. */
    private Instr indirectCall(List<Value> args, int result) {
        if (!(graph.typeOf(args.getFirst()) instanceof Ptr(FuncType type))) {
            throw new IllegalArgumentException("indirect_call of a " + graph.typeOf(args.getFirst()) + ", not a function pointer");
        }
        check(graph.typeOf(args.getLast()) == Primitive.VOID, "the last operand of indirect_call is the Void list of graphs it may call");
        int[] operands = arguments(type, args.subList(1, args.size() - 1));
        return new CallInstr.Indirect(functions, type, slots.of(args.getFirst()), operands, result);
    }

    private int[] arguments(FuncType type, List<Value> args) {
        check(args.size() == type.args().size(), "a " + type + " takes " + type.args().size() + " arguments, not " + args.size());
        int[] operands = new int[args.size()];
        for (int k = 0; k < operands.length; k++) {
            operands[k] = operand(args.get(k), type.args().get(k));
        }
        return operands;
    }

    private Instr debugPrint(List<Value> args) {
        var pieces = new DebugInstr.Piece[args.size() - 2];
        for (int k = 0; k < pieces.length; k++) {
            Value v = args.get(k + 2);
            pieces[k] = switch (graph.typeOf(v)) {
                case Primitive.VOID -> new DebugInstr.Text(voidString(v));
                case Primitive p -> new DebugInstr.Shown(p, slots.of(v));
                case LowLevelType t -> throw new IllegalArgumentException("debug_print shows numbers, bools, chars and Void text, not a " + t);
            };
        }
        return new DebugInstr.Print(out, voidString(args.get(0)), voidString(args.get(1)), pieces);
    }

    /** The slot of an operand that must be of {@code type}. */
    private int operand(Value v, LowLevelType type) {
        check(graph.typeOf(v).equals(type), v + " is a " + graph.typeOf(v) + ", not a " + type);
        return slots.of(v);
    }

    private static String voidString(Value v) {
        if (v instanceof Constant(LLConstant(String s, var t)) && t == Primitive.VOID) {
            return s;
        }
        throw new IllegalArgumentException(v + " is not a Void constant string (a field name, a text)");
    }

    private static ContainerType container(Value v) {
        if (v instanceof Constant(LLConstant(ContainerType c, var t)) && t == Primitive.VOID) {
            return c;
        }
        throw new IllegalArgumentException(v + " is not a Void constant type to allocate");
    }

    /** A graph the llinterp cannot run: the message says why. */
    static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
