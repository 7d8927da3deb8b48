package dev.taipan.x86.gen;

import static dev.taipan.x86.asm.Imm.imm;
import static dev.taipan.x86.asm.Reg.AL;
import static dev.taipan.x86.asm.Reg.CL;
import static dev.taipan.x86.asm.Reg.EAX;
import static dev.taipan.x86.asm.Reg.RAX;
import static dev.taipan.x86.asm.Reg.RCX;
import static dev.taipan.x86.asm.Reg.RDI;
import static dev.taipan.x86.asm.Reg.RDX;
import static dev.taipan.x86.asm.Reg.RSI;
import static dev.taipan.x86.asm.Reg.RSP;
import static dev.taipan.x86.asm.Reg.R10;
import static dev.taipan.x86.asm.Xmm.XMM0;
import static dev.taipan.x86.asm.Xmm.XMM1;

import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.ArrayType;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Strings;
import dev.taipan.rtyper.lltype.StructType;
import dev.taipan.x86.asm.Assembler;
import dev.taipan.x86.asm.Cond;
import dev.taipan.x86.asm.Label;
import dev.taipan.x86.asm.Mem;
import dev.taipan.x86.asm.Operand;
import dev.taipan.x86.asm.Reg;
import dev.taipan.x86.asm.Symbol;
import dev.taipan.x86.asm.Width;
import dev.taipan.x86.asm.Xmm;
import java.util.ArrayList;
import java.util.List;

/**
 * Instruction selection, one operation at a time, as a stack machine would: the operands are
 * loaded from their slots (or made, if constants) into fixed scratch registers ({@code rax},
 * {@code rcx}, {@code rdx}; {@code xmm0}, {@code xmm1}), the operation is one or a few
 * instructions, the result is stored to its slot. One {@code switch} over {@link LLOp}, PyPy's
 * {@code genop_*} table of {@code assembler.py}; an operation it has no case for stops the
 * translation with a {@link NotSelectedError}. The meaning of each operation is the llinterp's
 * ({@code OperationCompiler}, {@code lloperation.Arithmetic}), case by case.
 */
final class InstructionSelector {

    private final FunctionCodegen gen;
    private final Assembler asm;

    InstructionSelector(FunctionCodegen gen) {
        this.gen = gen;
        this.asm = gen.asm;
    }

    void select(SpaceOperation op) {
        if (!(op.op() instanceof LLOp llop)) {
            throw new NotSelectedError("the operation " + op.opname(), gen.graph.name());
        }
        List<Value> a = op.args();
        Variable r = op.result();
        switch (llop) {
            case INT_ADD, UINT_ADD, ADR_ADD -> binary(a, r, asm::add);
            case INT_SUB, UINT_SUB, ADR_SUB, ADR_DELTA -> binary(a, r, asm::sub);
            case INT_MUL, UINT_MUL -> binary(a, r, (d, s) -> asm.imul((Reg) d, s));
            case INT_AND, UINT_AND -> binary(a, r, asm::and);
            case INT_OR, UINT_OR -> binary(a, r, asm::or);
            case INT_XOR, UINT_XOR -> binary(a, r, asm::xor);
            case INT_LSHIFT, UINT_LSHIFT -> shift(a, r, asm::shl);
            case INT_RSHIFT -> shift(a, r, asm::sar);
            case UINT_RSHIFT -> shift(a, r, asm::shr);
            case INT_FLOORDIV, INT_MOD -> signedDivision(llop == LLOp.INT_MOD, a, r);
            case UINT_FLOORDIV, UINT_MOD -> unsignedDivision(llop == LLOp.UINT_MOD, a, r);
            case INT_MUL_HIGH -> {
                gen.load(RAX, a.get(0));
                gen.load(RCX, a.get(1));
                asm.imul(RCX);   // rdx:rax := rax * rcx
                gen.store(r, RDX);
            }
            case INT_LT -> compare(a, r, Cond.L);
            case INT_LE -> compare(a, r, Cond.LE);
            case INT_EQ, UINT_EQ, CHAR_EQ, ADR_EQ, PTR_EQ -> compare(a, r, Cond.E);
            case INT_NE, UINT_NE, CHAR_NE, ADR_NE, PTR_NE -> compare(a, r, Cond.NE);
            case INT_GT -> compare(a, r, Cond.G);
            case INT_GE -> compare(a, r, Cond.GE);
            // Chars are 0..255 and addresses never negative, but both compare as unsigned words: one rule for all three.
            case UINT_LT, CHAR_LT, ADR_LT -> compare(a, r, Cond.B);
            case UINT_LE, CHAR_LE, ADR_LE -> compare(a, r, Cond.BE);
            case UINT_GT, CHAR_GT, ADR_GT -> compare(a, r, Cond.A);
            case UINT_GE, CHAR_GE, ADR_GE -> compare(a, r, Cond.AE);
            case INT_IS_TRUE, UINT_IS_TRUE, PTR_NONZERO -> test(a, r, Cond.NE);
            case PTR_ISZERO, BOOL_NOT -> test(a, r, Cond.E);
            case INT_NEG -> unary(a, r, asm::neg);
            case INT_INVERT, UINT_INVERT -> unary(a, r, asm::not);
            case INT_ABS -> {
                gen.load(RAX, a.getFirst());
                asm.mov(RCX, RAX);
                asm.neg(RAX);
                asm.cmov(Cond.S, RAX, RCX);   // -x < 0: x was positive; abs(MIN) stays MIN, as Math.abs
                gen.store(r, RAX);
            }
            // The same word seen as another type: a copy of the slot.
            case SAME_AS, HINT, CAST_POINTER, CAST_PTR_TO_INT, CAST_PTR_TO_ADR, CAST_ADR_TO_PTR, CAST_ADR_TO_INT,
                 CAST_INT_TO_ADR, CAST_INT_TO_UINT, CAST_UINT_TO_INT, CAST_BOOL_TO_INT, CAST_CHAR_TO_INT,
                 CAST_INT_TO_CHAR, CONVERT_FLOAT_BYTES_TO_LONGLONG, CONVERT_LONGLONG_BYTES_TO_FLOAT -> copy(a, r);
            case FLOAT_ADD -> floatBinary(a, r, asm::addsd);
            case FLOAT_SUB -> floatBinary(a, r, asm::subsd);
            case FLOAT_MUL -> floatBinary(a, r, asm::mulsd);
            case FLOAT_TRUEDIV -> floatBinary(a, r, asm::divsd);
            case FLOAT_SQRT -> {
                gen.loadFloat(XMM0, a.getFirst());
                asm.sqrtsd(XMM0, XMM0);
                asm.movsd(gen.frame.slot(r), XMM0);
            }
            case FLOAT_NEG -> signBit(a, r, asm::xor, Long.MIN_VALUE);        // flip the sign bit
            case FLOAT_ABS -> signBit(a, r, asm::and, Long.MAX_VALUE);        // clear it
            // ucomisd sets CF and ZF like an unsigned compare, and all of ZF, PF, CF when unordered (NaN):
            // "above" and "above or equal" are false for NaN, so a < b is b above a.
            case FLOAT_LT -> floatCompare(a.get(1), a.get(0), r, Cond.A);
            case FLOAT_LE -> floatCompare(a.get(1), a.get(0), r, Cond.AE);
            case FLOAT_GT -> floatCompare(a.get(0), a.get(1), r, Cond.A);
            case FLOAT_GE -> floatCompare(a.get(0), a.get(1), r, Cond.AE);
            case FLOAT_EQ -> floatEquality(a.get(0), a.get(1), r, true);
            case FLOAT_NE -> floatEquality(a.get(0), a.get(1), r, false);
            case FLOAT_IS_TRUE -> floatEquality(a.getFirst(), LLConstant.of(0.0, Primitive.FLOAT), r, false);
            case CAST_INT_TO_FLOAT -> {
                gen.load(RAX, a.getFirst());
                asm.cvtsi2sd(XMM0, RAX);
                asm.movsd(gen.frame.slot(r), XMM0);
            }
            case CAST_FLOAT_TO_INT -> {
                gen.loadFloat(XMM0, a.getFirst());
                asm.cvttsd2si(RAX, XMM0);   // NaN and out of range give MIN, as Arithmetic.castFloatToInt
                gen.store(r, RAX);
            }
            case GETFIELD, GETARRAYITEM, GETINTERIORFIELD -> load(place(a, a.size()), r);
            case SETFIELD, SETARRAYITEM, SETINTERIORFIELD -> store(place(a, a.size() - 1), a.getLast());
            case GETARRAYSIZE, GETINTERIORARRAYSIZE -> length(place(a, a.size()), r);
            case GETSUBSTRUCT, GETARRAYSUBSTRUCT -> {
                asm.lea(RAX, place(a, a.size()).mem());
                gen.store(r, RAX);
            }
            case RAW_LOAD -> {
                gen.load(RAX, a.get(0));
                gen.load(RCX, a.get(1));
                loadWord(gen.typeOf(r), Mem.at(Width.QWORD, RAX, RCX, 1, 0), r);
            }
            case RAW_STORE -> {
                gen.load(RAX, a.get(0));
                gen.load(RCX, a.get(1));
                storeWord(gen.typeOf(a.get(2)), Mem.at(Width.QWORD, RAX, RCX, 1, 0), a.get(2));
            }
            case RAW_MALLOC -> runtimeCall(Runtime.RAW_MALLOC, a, r);
            case RAW_CALLOC -> runtimeCall(Runtime.RAW_MALLOC, a, r);   // each block is a fresh mmap: zero already
            case RAW_FREE -> runtimeCall(Runtime.RAW_FREE, a, r);
            case RAW_MEMCOPY -> runtimeCall(Runtime.MEMCOPY, a, r);
            case RAW_MEMCLEAR -> runtimeCall(Runtime.MEMCLEAR, a, r);
            case DIRECT_CALL -> directCall(a, r);
            case INDIRECT_CALL -> indirectCall(a, r);
            case STACK_CHECK -> stackCheck();
            case SYSCALL_WRITE -> syscallOnString(1, a, r);
            case SYSCALL_READ -> syscallOnString(0, a, r);
            case SYSCALL_CLOSE -> {
                gen.load(RDI, a.getFirst());
                asm.mov(EAX, imm(3));
                asm.syscall();
                gen.store(r, RAX);
            }
            case SYSCALL_CLOCK_GETTIME -> runtimeCall(Runtime.CLOCK_GETTIME, a, r);
            case SYSCALL_OPEN -> runtimeCall(Runtime.OPEN, a, r);
            case SYSCALL_UNLINK -> runtimeCall(Runtime.UNLINK, a, r);
            case DEBUG_PRINT -> new PrintSelector(gen).print(a);
            case DEBUG_ASSERT -> debugAssert(a);
            case DEBUG_START_TRACEBACK -> traceback(Runtime.TB_START, op, a);
            case DEBUG_RECORD_TRACEBACK -> traceback(Runtime.TB_RECORD, op, a);
            case DEBUG_RERAISE_TRACEBACK -> traceback(Runtime.TB_RERAISE, op, a);
            // Only the llinterp has the collectors' log and the heap pictures; natively they cost nothing.
            case DEBUG_GC_LOG, DEBUG_GC_HEAP, JIT_MARKER -> { }
            default -> throw new NotSelectedError("the operation " + llop.opname(), gen.graph.name());
        }
    }

    // ------------------------------------------------------------------ arithmetic

    private interface Two {
        void emit(Operand dst, Operand src);
    }

    private interface One {
        void emit(Operand dst);
    }

    private interface FloatTwo {
        void emit(Xmm dst, Operand src);
    }

    private void binary(List<Value> a, Variable r, Two op) {
        gen.load(RAX, a.get(0));
        gen.load(RCX, a.get(1));
        op.emit(RAX, RCX);
        gen.store(r, RAX);
    }

    private void unary(List<Value> a, Variable r, One op) {
        gen.load(RAX, a.getFirst());
        op.emit(RAX);
        gen.store(r, RAX);
    }

    private void copy(List<Value> a, Variable r) {
        if (gen.typeOf(r) == Primitive.VOID) {
            return;
        }
        gen.load(RAX, a.getFirst());
        gen.store(r, RAX);
    }

    /** The count must be in {@code cl}; the llinterp's 0..63 rule means x86's "count mod 64" never shows. */
    private void shift(List<Value> a, Variable r, Two op) {
        gen.load(RAX, a.get(0));
        gen.load(RCX, a.get(1));
        op.emit(RAX, CL);
        gen.store(r, RAX);
    }

    /**
     * {@code idiv} truncates toward zero with the dividend's sign on the remainder, which is
     * {@code int_floordiv}/{@code int_mod} (Python's floor is the RPy helper's). It traps on
     * {@code MIN / -1}, which the llinterp wraps to {@code MIN} (remainder 0): a divisor of -1 is
     * a negation instead, for every dividend.
     */
    private void signedDivision(boolean mod, List<Value> a, Variable r) {
        gen.load(RAX, a.get(0));
        gen.load(RCX, a.get(1));
        Label normal = asm.newLabel();
        Label done = asm.newLabel();
        asm.cmp(RCX, imm(-1));
        asm.j(Cond.NE, normal);
        if (mod) {
            asm.xor(EAX, EAX);
        } else {
            asm.neg(RAX);
        }
        asm.jmp(done);
        asm.bind(normal);
        asm.cqo();
        asm.idiv(RCX);
        if (mod) {
            asm.mov(RAX, RDX);
        }
        asm.bind(done);
        gen.store(r, RAX);
    }

    private void unsignedDivision(boolean mod, List<Value> a, Variable r) {
        gen.load(RAX, a.get(0));
        gen.load(RCX, a.get(1));
        asm.xor(RDX.view(Width.DWORD), RDX.view(Width.DWORD));
        asm.div(RCX);
        gen.store(r, mod ? RDX : RAX);
    }

    /** A comparison's flags as the Bool 0 or 1. */
    private void compare(List<Value> a, Variable r, Cond cond) {
        gen.load(RAX, a.get(0));
        gen.load(RCX, a.get(1));
        asm.cmp(RAX, RCX);
        setBool(cond, r);
    }

    private void test(List<Value> a, Variable r, Cond cond) {
        gen.load(RAX, a.getFirst());
        asm.test(RAX, RAX);
        setBool(cond, r);
    }

    private void setBool(Cond cond, Variable r) {
        asm.set(cond, AL);
        asm.movzx(EAX, AL);
        gen.store(r, RAX);
    }

    private void floatBinary(List<Value> a, Variable r, FloatTwo op) {
        gen.loadFloat(XMM0, a.get(0));
        gen.loadFloat(XMM1, a.get(1));
        op.emit(XMM0, XMM1);
        asm.movsd(gen.frame.slot(r), XMM0);
    }

    /** Negation and absolute value act on the sign bit alone, so they are integer instructions on the double's bits. */
    private void signBit(List<Value> a, Variable r, Two op, long mask) {
        gen.load(RAX, a.getFirst());
        asm.mov(RCX, imm(mask));
        op.emit(RAX, RCX);
        gen.store(r, RAX);
    }

    private void floatCompare(Value x, Value y, Variable r, Cond cond) {
        gen.loadFloat(XMM0, x);
        gen.loadFloat(XMM1, y);
        asm.ucomisd(XMM0, XMM1);
        setBool(cond, r);
    }

    /** Equal means ZF set and not unordered (PF clear); not equal is its negation, so NaN != NaN. */
    private void floatEquality(Value x, Value y, Variable r, boolean equal) {
        gen.loadFloat(XMM0, x);
        gen.loadFloat(XMM1, y);
        asm.ucomisd(XMM0, XMM1);
        if (equal) {
            asm.set(Cond.E, AL);
            asm.set(Cond.NP, CL);
            asm.and(AL, CL);
        } else {
            asm.set(Cond.NE, AL);
            asm.set(Cond.P, CL);
            asm.or(AL, CL);
        }
        asm.movzx(EAX, AL);
        gen.store(r, RAX);
    }

    // ------------------------------------------------------------------ memory

    /** Where a memory operation reaches: {@code [rax + offset (+ rcx * scale)]}, a value or part of {@code type}. */
    private record Place(Mem mem, LowLevelType type) {
    }

    /**
     * Follows the path of field names and indexes from the pointer {@code args[0]}, as the
     * llinterp's {@code OperationCompiler.place} does: the pointer into {@code rax}, a run-time
     * index into {@code rcx} (multiplied first when the item size is no x86 scale).
     */
    private Place place(List<Value> args, int end) {
        if (!(gen.typeOf(args.getFirst()) instanceof Ptr ptr)) {
            throw new NotSelectedError("a memory operation on a " + gen.typeOf(args.getFirst()), gen.graph.name());
        }
        LowLevelType type = ptr.to();
        long offset = 0;
        Value index = null;
        long scale = 0;
        for (Value step : args.subList(1, end)) {
            switch (type) {
                case StructType s -> {
                    String name = voidString(step);
                    offset += Layout.offsetOf(s, name);
                    type = s.field(name).type();
                }
                case ArrayType arr -> {
                    offset += Layout.itemsOffset(arr);
                    if (step instanceof Constant(LLConstant(Long i, var t)) && t == Primitive.SIGNED) {
                        offset += i * Layout.itemSize(arr);
                    } else {
                        if (index != null) {
                            throw new NotSelectedError("a path with two run-time indexes", gen.graph.name());
                        }
                        index = step;
                        scale = Layout.itemSize(arr);
                    }
                    type = arr.item();
                }
                default -> throw new NotSelectedError("a step " + step + " into a " + type, gen.graph.name());
            }
        }
        gen.load(RAX, args.getFirst());
        int disp = Math.toIntExact(offset);
        if (index == null) {
            return new Place(Mem.at(Width.QWORD, RAX, disp), type);
        }
        gen.load(RCX, index);
        if (scale == 1 || scale == 2 || scale == 4 || scale == 8) {
            return new Place(Mem.at(Width.QWORD, RAX, RCX, (int) scale, disp), type);
        }
        asm.imul(RCX, RCX, imm(scale));
        return new Place(Mem.at(Width.QWORD, RAX, RCX, 1, disp), type);
    }

    private void load(Place p, Variable r) {
        loadWord(p.type(), p.mem(), r);
    }

    private void store(Place p, Value v) {
        storeWord(p.type(), p.mem(), v);
    }

    /** A value of {@code type} from memory into {@code r}'s slot: bytes zero-extended, words as they are. */
    private void loadWord(LowLevelType type, Mem mem, Variable r) {
        switch ((int) Layout.sizeOf(type)) {
            case 0 -> { }
            case 1 -> {
                asm.movzx(EAX, mem.withWidth(Width.BYTE));
                gen.store(r, RAX);
            }
            case 8 -> {
                asm.mov(RDX, mem);
                gen.store(r, RDX);
            }
            default -> throw new NotSelectedError("a load of a " + type, gen.graph.name());
        }
    }

    /** {@code rax} and {@code rcx} hold the address, so the value goes through {@code rdx}. */
    private void storeWord(LowLevelType type, Mem mem, Value v) {
        switch ((int) Layout.sizeOf(type)) {
            case 0 -> { }
            case 1 -> {
                gen.load(RDX, v);
                asm.mov(mem.withWidth(Width.BYTE), RDX.view(Width.BYTE));
            }
            case 8 -> {
                gen.load(RDX, v);
                asm.mov(mem, RDX);
            }
            default -> throw new NotSelectedError("a store of a " + type, gen.graph.name());
        }
    }

    private void length(Place p, Variable r) {
        if (!(p.type() instanceof ArrayType arr)) {
            throw new NotSelectedError("the length of a " + p.type(), gen.graph.name());
        }
        Mem.Based m = (Mem.Based) p.mem();
        asm.mov(RDX, Mem.at(Width.QWORD, m.base(), m.index(), m.scale(),
                Math.toIntExact(m.disp() + Layout.lengthOffset(arr))));
        gen.store(r, RDX);
    }

    // ------------------------------------------------------------------ calls

    private void directCall(List<Value> a, Variable r) {
        if (!(a.getFirst() instanceof Constant(LLConstant(LowLevelGraph callee, var t)))) {
            throw new NotSelectedError("a direct_call of " + a.getFirst(), gen.graph.name());
        }
        call(callee.signature(), a.subList(1, a.size()), () -> asm.call(Symbol.symbol(callee.name())), r);
    }

    /** The function pointer goes to {@code r10} last: loading the arguments uses no register but their own. */
    private void indirectCall(List<Value> a, Variable r) {
        if (!(gen.typeOf(a.getFirst()) instanceof Ptr(FuncType type))) {
            throw new NotSelectedError("an indirect_call of a " + gen.typeOf(a.getFirst()), gen.graph.name());
        }
        call(type, a.subList(1, a.size() - 1), () -> {
            gen.load(R10, a.getFirst());
            asm.call(R10);
        }, r);
    }

    private void runtimeCall(String function, List<Value> a, Variable r) {
        List<LowLevelType> types = a.stream().map(gen::typeOf).toList();
        LowLevelType result = gen.typeOf(r);
        call(new FuncType(types, result), a, () -> asm.call(Symbol.symbol(function)), r);
    }

    /**
     * A System V call: the first six integer arguments in registers, the first eight floats in
     * {@code xmm0..7}, the rest pushed right to left with a pad word first when their number is
     * odd, so that {@code rsp} is 16-byte aligned at the {@code call} (the frame keeps it so).
     */
    private void call(FuncType type, List<Value> args, Runnable emitCall, Variable r) {
        List<Value> inRegisters = new ArrayList<>();
        List<Value> onStack = new ArrayList<>();
        int ints = 0;
        int floats = 0;
        for (Value v : args) {
            LowLevelType t = gen.typeOf(v);
            if (t == Primitive.VOID) {
                continue;
            }
            boolean fits = t == Primitive.FLOAT ? floats++ < 8 : ints++ < FunctionCodegen.INT_ARGS.size();
            (fits ? inRegisters : onStack).add(v);
        }
        int pushed = onStack.size() + (onStack.size() % 2);
        if (onStack.size() % 2 != 0) {
            asm.sub(RSP, imm(8));
        }
        for (Value v : onStack.reversed()) {
            gen.load(RAX, v);
            asm.push(RAX);
        }
        ints = 0;
        floats = 0;
        for (Value v : inRegisters) {
            if (gen.typeOf(v) == Primitive.FLOAT) {
                gen.loadFloat(new Xmm(floats++), v);
            } else {
                gen.load(FunctionCodegen.INT_ARGS.get(ints++), v);
            }
        }
        emitCall.run();
        if (pushed > 0) {
            asm.add(RSP, imm(8L * pushed));
        }
        LowLevelType result = type.result();
        if (r != null && gen.typeOf(r) != Primitive.VOID) {
            if (result == Primitive.FLOAT) {
                asm.movsd(gen.frame.slot(r), XMM0);
            } else {
                gen.store(r, RAX);
            }
        }
    }

    // ------------------------------------------------------------------ the process

    /**
     * {@code stack_check()}: below the limit {@code _start} computed, the prebuilt
     * {@code RecursionError} becomes the pending exception, which the test the exception
     * transform put after this operation finds.
     */
    private void stackCheck() {
        ExceptionLayout e = gen.exceptions;
        if (e == null || e.recursionError() == null) {
            throw new NotSelectedError("stack_check (the program has no RecursionError)", gen.graph.name());
        }
        Label ok = asm.newLabel();
        asm.cmp(RSP, new Mem.Rip(Width.QWORD, Symbol.symbol(Runtime.STACK_LIMIT)));
        asm.j(Cond.A, ok);
        asm.lea(RAX, new Mem.Rip(Width.QWORD, Symbol.symbol(e.recursionError())));
        asm.mov(RCX, Mem.at(Width.QWORD, RAX, e.typeptrOffset()));
        asm.lea(RDX, new Mem.Rip(Width.QWORD, Symbol.symbol(e.excData())));
        asm.mov(Mem.at(Width.QWORD, RDX, e.typeOffset()), RCX);
        asm.mov(Mem.at(Width.QWORD, RDX, e.valueOffset()), RAX);
        asm.bind(ok);
    }

    /**
     * {@code syscall_write(fd, s, start, count)} and {@code syscall_read(fd, buf, count)}: the
     * kernel gets the address of the chars, and its {@code -errno} is the result as it is.
     */
    private void syscallOnString(int number, List<Value> a, Variable r) {
        long chars = Layout.offsetOf(Strings.STR, Strings.CHARS)
                + Layout.itemsOffset((ArrayType) Strings.STR.field(Strings.CHARS).type());
        gen.load(RDI, a.get(0));
        gen.load(RSI, a.get(1));
        asm.add(RSI, imm(chars));
        if (number == 1) {
            gen.load(RAX, a.get(2));
            asm.add(RSI, RAX);
            gen.load(RDX, a.get(3));
        } else {
            gen.load(RDX, a.get(2));
        }
        asm.mov(EAX, imm(number));
        asm.syscall();
        gen.store(r, RAX);
    }

    /**
     * {@code debug_start_traceback(e)}, {@code debug_record_traceback(e)},
     * {@code debug_reraise_traceback(e)}: the runtime decides, from the exception instance,
     * whether this place is added to the traceback (start and record always; a re-raise only
     * when the instance is not the one whose traceback the ring holds: {@code rax} says), then
     * each entry of the place, innermost first, is appended by the address of its text.
     */
    private void traceback(String routine, SpaceOperation op, List<Value> a) {
        List<String> entries = TracebackText.entries(gen.graph.inlined().where(gen.graph, op));
        gen.load(RDI, a.getFirst());
        asm.call(Symbol.symbol(routine));
        if (entries.isEmpty()) {
            return;
        }
        Label skip = asm.newLabel();
        asm.test(RAX, RAX);
        asm.j(Cond.E, skip);
        for (String entry : entries) {
            asm.lea(RDI, new Mem.Rip(Width.QWORD, Symbol.symbol(gen.texts.symbol(entry))));
            asm.mov(RSI.view(Width.DWORD), imm(TextPool.length(entry)));
            asm.call(Symbol.symbol(Runtime.TB_APPEND));
        }
        asm.bind(skip);
    }

    /** {@code debug_assert(cond, 'message')}: a false condition writes the message and aborts (status 134, as the llinterp's fatal error). */
    private void debugAssert(List<Value> a) {
        Label ok = asm.newLabel();
        gen.load(RAX, a.getFirst());
        asm.test(RAX, RAX);
        asm.j(Cond.NE, ok);
        String text = "Fatal error in the low-level program: debug_assert failed: " + voidString(a.get(1)) + "\n";
        asm.mov(RDI.view(Width.DWORD), imm(2));
        asm.lea(RSI, new Mem.Rip(Width.QWORD, Symbol.symbol(gen.texts.symbol(text))));
        asm.mov(RDX.view(Width.DWORD), imm(TextPool.length(text)));
        asm.call(Symbol.symbol(Runtime.WRITE));
        asm.mov(RDI.view(Width.DWORD), imm(134));
        asm.mov(EAX, imm(Runtime.SYS_EXIT_GROUP));
        asm.syscall();
        asm.bind(ok);
    }

    private String voidString(Value v) {
        if (v instanceof Constant(LLConstant(String s, var t)) && t == Primitive.VOID) {
            return s;
        }
        throw new NotSelectedError("an operand " + v + " where a Void string is expected", gen.graph.name());
    }
}
