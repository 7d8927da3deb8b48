package dev.taipan.rtyper.llinterp;

import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.MemoryPath;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lloperation.Signature;
import dev.taipan.rtyper.lltype.ArrayType;
import dev.taipan.rtyper.lltype.ContainerType;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Strings;
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
    private final PendingException pending;
    private final TracebackRing ring;
    private final PrintStream out;
    private final SystemCalls system;

    OperationCompiler(LowLevelGraph graph, Slots slots, Heap heap, FunctionTable functions, PendingException pending, TracebackRing ring,
                      PrintStream out, SystemCalls system) {
        this.system = system;
        this.graph = graph;
        this.slots = slots;
        this.heap = heap;
        this.functions = functions;
        this.pending = pending;
        this.ring = ring;
        this.out = out;
    }

    Instr compile(SpaceOperation op) {
        if (!(op.op() instanceof LLOp llop)) {
            throw new IllegalArgumentException(op.opname() + " is not a low-level operation: was " + graph.name() + " rtyped?");
        }
        List<Value> args = op.args();
        Variable result = op.result();
        return switch (llop) {
            case MALLOC, MALLOC_VARSIZE -> malloc(llop, args, result);
            case GETFIELD, GETARRAYITEM, GETINTERIORFIELD -> load(place(args, args.size()), result);
            case SETFIELD, SETARRAYITEM, SETINTERIORFIELD -> store(place(args, args.size() - 1), args.getLast());
            case GETARRAYSIZE, GETINTERIORARRAYSIZE -> length(place(args, args.size()), result);
            case GETSUBSTRUCT, GETARRAYSUBSTRUCT -> address(place(args, args.size()), result);
            case SAME_AS -> new PureInstr.Copy(slots.of(args.getFirst()), result(result, graph.typeOf(args.getFirst())));
            case CAST_POINTER -> castPointer(args.getFirst(), result);
            case CAST_PTR_TO_INT, GC_IDENTITYHASH -> {   // objects never move here: the address is the identity
                check(graph.typeOf(args.getFirst()) instanceof Ptr, llop.opname() + " of a " + graph.typeOf(args.getFirst()));
                yield new PureInstr.Copy(slots.of(args.getFirst()), result(result, Primitive.SIGNED));
            }
            case PTR_EQ, PTR_NE, PTR_ISZERO, PTR_NONZERO -> pointerTest(llop, args, result);
            case RAW_MALLOC -> new MemoryInstr.RawMalloc(heap, operand(args.getFirst(), Primitive.SIGNED),
                    result(result, Primitive.ADDRESS));
            case RAW_CALLOC -> new MemoryInstr.RawCalloc(heap, operand(args.getFirst(), Primitive.SIGNED),
                    result(result, Primitive.ADDRESS));
            case RAW_FREE -> new MemoryInstr.RawFree(heap, operand(args.getFirst(), Primitive.ADDRESS));
            case RAW_MEMCOPY -> new MemoryInstr.RawMemcopy(heap, operand(args.get(0), Primitive.ADDRESS),
                    operand(args.get(1), Primitive.ADDRESS), operand(args.get(2), Primitive.SIGNED));
            case RAW_MEMCLEAR -> new MemoryInstr.RawMemclear(heap, operand(args.get(0), Primitive.ADDRESS),
                    operand(args.get(1), Primitive.SIGNED));
            case RAW_LOAD -> new MemoryInstr.RawLoad(heap, rawWord(graph.typeOf(result)), operand(args.get(0), Primitive.ADDRESS),
                    operand(args.get(1), Primitive.SIGNED), slots.of(result));
            case RAW_STORE -> new MemoryInstr.RawStore(heap, rawWord(graph.typeOf(args.get(2))),
                    operand(args.get(0), Primitive.ADDRESS), operand(args.get(1), Primitive.SIGNED), slots.of(args.get(2)));
            case CAST_PTR_TO_ADR -> {
                check(graph.typeOf(args.getFirst()) instanceof Ptr, "cast_ptr_to_adr of a " + graph.typeOf(args.getFirst()));
                yield new PureInstr.Copy(slots.of(args.getFirst()), result(result, Primitive.ADDRESS));
            }
            case CAST_ADR_TO_PTR -> {
                check(graph.typeOf(result) instanceof Ptr, "cast_adr_to_ptr to a " + graph.typeOf(result));
                yield new PureInstr.Copy(operand(args.getFirst(), Primitive.ADDRESS), slots.of(result));
            }
            case DIRECT_CALL -> directCall(args, result);
            case INDIRECT_CALL -> indirectCall(args, result);
            case DEBUG_PRINT -> debugPrint(args);
            case DEBUG_GC_LOG -> new DebugInstr.LogCollection(system.gcLog(), voidString(args.get(0)),
                    operand(args.get(1), Primitive.SIGNED), operand(args.get(2), Primitive.SIGNED),
                    operand(args.get(3), Primitive.SIGNED), operand(args.get(4), Primitive.SIGNED));
            case DEBUG_GC_HEAP -> new DebugInstr.HeapEvent(system.gcLog(), voidString(args.get(0)),
                    operand(args.get(1), Primitive.SIGNED), operand(args.get(2), Primitive.SIGNED),
                    operand(args.get(3), Primitive.SIGNED));
            case JIT_MARKER -> new DebugInstr.Nothing();   // for stage 06's codewriter only
            case HINT -> new PureInstr.Copy(slots.of(args.getFirst()), result(result, graph.typeOf(args.getFirst())));
            case SYSCALL_WRITE -> new SyscallInstr.Write(system, heap, operand(args.get(0), Primitive.SIGNED),
                    operand(args.get(1), Strings.PTR), operand(args.get(2), Primitive.SIGNED),
                    operand(args.get(3), Primitive.SIGNED), result(result, Primitive.SIGNED));
            case SYSCALL_READ -> new SyscallInstr.Read(system, heap, operand(args.get(0), Primitive.SIGNED),
                    operand(args.get(1), Strings.PTR), operand(args.get(2), Primitive.SIGNED), result(result, Primitive.SIGNED));
            case SYSCALL_OPEN -> new SyscallInstr.Open(system, heap, operand(args.get(0), Strings.PTR),
                    operand(args.get(1), Primitive.SIGNED), operand(args.get(2), Primitive.SIGNED), result(result, Primitive.SIGNED));
            case SYSCALL_CLOSE -> new SyscallInstr.Close(system, operand(args.get(0), Primitive.SIGNED),
                    result(result, Primitive.SIGNED));
            case SYSCALL_UNLINK -> new SyscallInstr.Unlink(system, heap, operand(args.get(0), Strings.PTR),
                    result(result, Primitive.SIGNED));
            case SYSCALL_CLOCK_GETTIME -> new SyscallInstr.ClockGettime(system, operand(args.get(0), Primitive.SIGNED),
                    result(result, Primitive.SIGNED));
            case DEBUG_ASSERT -> new DebugInstr.Assert(operand(args.getFirst(), Primitive.BOOL), voidString(args.get(1)));
            case STACK_CHECK -> new CallInstr.StackCheck(pending(op));
            case DEBUG_START_TRACEBACK -> new TracebackInstr.Start(ring, graph.inlined().where(graph, op), exception(args));
            case DEBUG_RECORD_TRACEBACK -> new TracebackInstr.Record(ring, graph.inlined().where(graph, op), exception(args));
            case DEBUG_RERAISE_TRACEBACK -> new TracebackInstr.Reraise(ring, graph.inlined().where(graph, op), exception(args));
            default -> pure(llop, args, result);
        };
    }

    /** An arithmetic operation, a comparison, a cast: the catalogue's implementation on operands of its signature. */
    private Instr pure(LLOp op, List<Value> args, Variable result) {
        Signature sig = op.signature();
        check(args.size() == sig.args().size(), op + " takes " + sig.args().size() + " operands, not " + args.size());
        for (int k = 0; k < args.size(); k++) {
            check(graph.typeOf(args.get(k)).equals(sig.args().get(k)), op + " " + sig + ": operand " + (k + 1)
                    + " is a " + graph.typeOf(args.get(k)));
        }
        int[] operands = args.stream().mapToInt(slots::of).toArray();
        return PureInstr.of(op.impl(), operands, result(result, sig.result()));
    }

    /** The word {@code raw_load}/{@code raw_store} moves: of a value type, never Void or a container. */
    private static Word rawWord(LowLevelType type) {
        check(type instanceof Ptr || type instanceof Primitive p && p != Primitive.VOID,
                "raw_load and raw_store move a Signed, Unsigned, Address, Float, Char, Bool or Ptr, not a " + type);
        return Word.of(type);
    }

    /** The same address as another pointer type, along a first-field chain (an upcast or a downcast). */
    private Instr castPointer(Value p, Variable result) {
        check(graph.typeOf(p) instanceof Ptr from && graph.typeOf(result) instanceof Ptr to && from.castableTo(to),
                "cast_pointer from a " + graph.typeOf(p) + " to a " + graph.typeOf(result));
        return new PureInstr.Copy(slots.of(p), slots.of(result));
    }

    private Instr pointerTest(LLOp op, List<Value> args, Variable result) {
        for (Value a : args) {
            check(graph.typeOf(a) instanceof Ptr, "operand " + a + " is a " + graph.typeOf(a) + ", not a pointer");
        }
        return PureInstr.of(op.impl(), args.stream().mapToInt(slots::of).toArray(), result(result, Primitive.BOOL));
    }

    private Instr malloc(LLOp op, List<Value> args, Variable result) {
        if (!(args.getFirst() instanceof Constant(LLConstant(ContainerType type, var t)) && t == Primitive.VOID)) {
            throw new IllegalArgumentException(args.getFirst() + " is not a Void constant type to allocate");
        }
        int r = result(result, new Ptr(type));
        return op == LLOp.MALLOC ? new MemoryInstr.Malloc(heap, type, r)
                : new MemoryInstr.MallocVarsize(heap, type, operand(args.get(1), Primitive.SIGNED), r);
    }

    /** The path {@code args[1..end)} from the pointer {@code args[0]} (see {@link MemoryPath}). */
    private Place place(List<Value> args, int end) {
        if (!(graph.typeOf(args.getFirst()) instanceof Ptr ptr)) {
            throw new IllegalArgumentException("operand 1 is a " + graph.typeOf(args.getFirst()) + ", not a pointer");
        }
        MemoryPath path = MemoryPath.walk(ptr.to(), args.subList(1, end));
        return new Place(slots.of(args.getFirst()), path.offset(),
                path.index() == null ? -1 : operand(path.index(), Primitive.SIGNED), path.scale(), path.type());
    }

    private Instr load(Place p, Variable result) {
        Word word = Word.of(p.type());
        int r = result(result, p.type());
        return p.index() < 0 ? new MemoryInstr.Load(heap, word, p.ptr(), p.offset(), r)
                : new MemoryInstr.LoadItem(heap, word, p.ptr(), p.offset(), p.index(), p.scale(), r);
    }

    private Instr store(Place p, Value value) {
        Word word = Word.of(p.type());
        int v = operand(value, p.type());
        return p.index() < 0 ? new MemoryInstr.Store(heap, word, p.ptr(), p.offset(), v)
                : new MemoryInstr.StoreItem(heap, word, p.ptr(), p.offset(), p.index(), p.scale(), v);
    }

    /** The length word of the array at the end of the path (no item of an array holds an array). */
    private Instr length(Place p, Variable result) {
        if (!(p.type() instanceof ArrayType a)) {
            throw new IllegalArgumentException("a " + p.type() + " has no length");
        }
        return new MemoryInstr.Load(heap, Word.SIGNED, p.ptr(), p.offset() + Layout.lengthOffset(a), result(result, Primitive.SIGNED));
    }

    /** A pointer to an inlined struct or array. */
    private Instr address(Place p, Variable result) {
        if (!(p.type() instanceof StructType || p.type() instanceof ArrayType)) {
            throw new IllegalArgumentException("a " + p.type() + " is a value, not a part to point to");
        }
        int r = result(result, new Ptr((ContainerType) p.type()));
        return p.index() < 0 ? new MemoryInstr.Address(p.ptr(), p.offset(), r)
                : new MemoryInstr.ItemAddress(p.ptr(), p.offset(), p.index(), p.scale(), r);
    }

    private Instr directCall(List<Value> args, Variable result) {
        if (!(args.getFirst() instanceof Constant(LLConstant(LowLevelGraph callee, var t)))) {
            throw new IllegalArgumentException("direct_call of " + args.getFirst() + ", not a constant function (use indirect_call)");
        }
        int[] operands = arguments(callee.signature(), args.subList(1, args.size()));
        return new CallInstr.Direct(functions.of(callee), operands, result(result, callee.signature().result()));
    }

    /** {@code indirect_call(f, args..., graphs)}: the last operand, the graphs {@code f} may be, is for later stages. */
    private Instr indirectCall(List<Value> args, Variable result) {
        if (!(graph.typeOf(args.getFirst()) instanceof Ptr(FuncType type))) {
            throw new IllegalArgumentException("indirect_call of a " + graph.typeOf(args.getFirst()) + ", not a function pointer");
        }
        check(graph.typeOf(args.getLast()) == Primitive.VOID, "the last operand of indirect_call is the Void list of graphs it may call");
        int[] operands = arguments(type, args.subList(1, args.size() - 1));
        return new CallInstr.Indirect(functions, type, slots.of(args.getFirst()), operands, result(result, type.result()));
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
                case Ptr p when p.equals(Strings.PTR) -> new DebugInstr.ShownStr(heap, slots.of(v));
                case LowLevelType t -> throw new IllegalArgumentException(
                        "debug_print shows numbers, bools, chars, strings and Void text, not a " + t);
            };
        }
        return new DebugInstr.Print(out, voidString(args.get(0)), voidString(args.get(1)), pieces);
    }

    /** The pending-exception state {@code stack_check} speaks of: only exception-transformed programs have one. */
    private PendingException pending(SpaceOperation op) {
        check(pending != null, op.opname() + " in a program that was not exception-transformed (it has no exc_data)");
        return pending;
    }

    /** The one operand of a traceback operation: the exception instance. */
    private int exception(List<Value> args) {
        check(args.size() == 1 && graph.typeOf(args.getFirst()) instanceof Ptr, "a traceback operation takes the exception instance");
        return slots.of(args.getFirst());
    }

    /** The slot of a result that must be of {@code type}. */
    private int result(Variable v, LowLevelType type) {
        check(graph.typeOf(v).equals(type), "the result " + v + " is a " + graph.typeOf(v) + ", not a " + type);
        return slots.of(v);
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

    /** A graph the llinterp cannot run: the message says why. */
    static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
