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
import static dev.taipan.x86.asm.Reg.R11;
import static dev.taipan.x86.asm.Xmm.XMM0;
import static dev.taipan.x86.asm.Xmm.XMM1;

import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.MemoryPath;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.ArrayType;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Strings;
import dev.taipan.x86.asm.Assembler;
import dev.taipan.x86.asm.Cond;
import dev.taipan.x86.asm.Imm;
import dev.taipan.x86.asm.Label;
import dev.taipan.x86.asm.Mem;
import dev.taipan.x86.asm.Operand;
import dev.taipan.x86.asm.Reg;
import dev.taipan.x86.asm.Symbol;
import dev.taipan.x86.asm.Width;
import dev.taipan.x86.asm.Xmm;
import dev.taipan.x86.regalloc.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * Instruction selection, one operation at a time (PyPy's {@code genop_*} table of
 * {@code assembler.py}; one {@code switch} over {@link LLOp}). Each variable has its home, a
 * register or a frame word ({@link Frame}); an operation reads its operands where they are
 * (a register, a frame word, a constant as an immediate), computes its result in the result's
 * own register when it has one, and otherwise through the scratch registers {@code rax},
 * {@code rcx}, {@code rdx}, {@code xmm0}, {@code xmm1}, which hold nothing between two
 * operations. An operation it has no case for stops the translation with a
 * {@link NotSelectedError}. The meaning of each operation is the llinterp's
 * ({@code OperationCompiler}, {@code lloperation.Arithmetic}), case by case.
 */
final class InstructionSelector {

    private final FunctionCodegen gen;
    private final Assembler asm;

    InstructionSelector(FunctionCodegen gen) {
        this.gen = gen;
        this.asm = gen.asm;
    }

    /** How an operation's code calls out (a function, the runtime, the kernel), destroying the caller-saved registers. */
    enum Calls {
        /** It does not. */
        NONE,
        /** Once, after reading its operands: they may die at the call. */
        ONCE,
        /** Several times, reading operands in between (a print): they must survive the calls. */
        BETWEEN_OPERANDS
    }

    static Calls calls(SpaceOperation op) {
        if (!(op.op() instanceof LLOp llop)) {
            return Calls.NONE;
        }
        return switch (llop) {
            case DIRECT_CALL, INDIRECT_CALL, RAW_MALLOC, RAW_CALLOC, RAW_FREE, RAW_MEMCOPY, RAW_MEMCLEAR,
                 SYSCALL_CLOSE, SYSCALL_CLOCK_GETTIME, SYSCALL_OPEN, SYSCALL_UNLINK,
                 DEBUG_START_TRACEBACK, DEBUG_RECORD_TRACEBACK, DEBUG_RERAISE_TRACEBACK -> Calls.ONCE;
            // a print calls per piece; os.write and os.read flush stdout before their system call
            case DEBUG_PRINT, SYSCALL_WRITE, SYSCALL_READ -> Calls.BETWEEN_OPERANDS;
            default -> Calls.NONE;
        };
    }

    /** Whether {@link #flags} can select the operation as flags alone, for a branch to read. */
    static boolean fusesWithBranch(SpaceOperation op) {
        return op.op() instanceof LLOp llop && condition(llop) != null;
    }

    /** The condition an integer comparison or truth test leaves true in the flags, or null. */
    private static Cond condition(LLOp llop) {
        return switch (llop) {
            case INT_LT -> Cond.L;
            case INT_LE -> Cond.LE;
            case INT_EQ, UINT_EQ, CHAR_EQ, ADR_EQ, PTR_EQ -> Cond.E;
            case INT_NE, UINT_NE, CHAR_NE, ADR_NE, PTR_NE -> Cond.NE;
            case INT_GT -> Cond.G;
            case INT_GE -> Cond.GE;
            // Chars are 0..255 and addresses never negative, but both compare as unsigned words: one rule for all three.
            case UINT_LT, CHAR_LT, ADR_LT -> Cond.B;
            case UINT_LE, CHAR_LE, ADR_LE -> Cond.BE;
            case UINT_GT, CHAR_GT, ADR_GT -> Cond.A;
            case UINT_GE, CHAR_GE, ADR_GE -> Cond.AE;
            case INT_IS_TRUE, UINT_IS_TRUE, PTR_NONZERO -> Cond.NE;
            case PTR_ISZERO, BOOL_NOT -> Cond.E;
            default -> null;
        };
    }

    /** Whether the operation loads a word (not a byte, not a double) from a field, with no run-time index. */
    static boolean isWordFieldLoad(SpaceOperation op, LowLevelGraph graph) {
        return op.op() == LLOp.GETFIELD && op.result() != null
                && Layout.sizeOf(graph.typeOf(op.result())) == 8 && graph.typeOf(op.result()) != Primitive.FLOAT;
    }

    /**
     * A comparison as flags only: its instruction, and the condition its result would be. When
     * {@code load} is not null, the comparison's first operand is that field load's word, read
     * from memory by the comparison itself (its other operand, if any, an immediate).
     */
    Cond flags(SpaceOperation op, SpaceOperation load) {
        Cond cond = condition((LLOp) op.op());
        List<Value> a = op.args();
        if (load != null) {
            asm.cmp(place(load.args(), load.args().size()).mem(), a.size() == 1 ? imm(0) : gen.operand(a.get(1)));
            return cond;
        }
        if (a.size() == 1) {
            Reg x = gen.reg(a.getFirst(), RAX);
            asm.test(x, x);
        } else {
            Reg x = gen.reg(a.get(0), RAX);
            asm.cmp(x, gen.operandOrLoad(a.get(1), RCX));
        }
        return cond;
    }

    void select(SpaceOperation op) {
        if (!(op.op() instanceof LLOp llop)) {
            throw new NotSelectedError("the operation " + op.opname(), gen.graph.name());
        }
        List<Value> a = op.args();
        Variable r = op.result();
        if (condition(llop) != null) {
            setBool(flags(op, null), r);
            return;
        }
        switch (llop) {
            case INT_ADD, UINT_ADD, ADR_ADD -> {
                if (!offset(a, r, 1)) {
                    binary(a, r, asm::add, true);
                }
            }
            case INT_SUB, UINT_SUB, ADR_SUB, ADR_DELTA -> {
                if (!offset(a, r, -1)) {
                    binary(a, r, asm::sub, false);
                }
            }
            case INT_MUL, UINT_MUL -> multiply(a, r);
            case INT_AND, UINT_AND -> binary(a, r, asm::and, true);
            case INT_OR, UINT_OR -> binary(a, r, asm::or, true);
            case INT_XOR, UINT_XOR -> binary(a, r, asm::xor, true);
            case INT_LSHIFT, UINT_LSHIFT -> shift(a, r, asm::shl);
            case INT_RSHIFT -> shift(a, r, asm::sar);
            case UINT_RSHIFT -> shift(a, r, asm::shr);
            case INT_FLOORDIV, INT_MOD -> signedDivision(llop == LLOp.INT_MOD, a, r);
            case UINT_FLOORDIV, UINT_MOD -> unsignedDivision(llop == LLOp.UINT_MOD, a, r);
            case INT_MUL_HIGH -> {
                gen.load(RAX, a.get(0));
                asm.imul(gen.reg(a.get(1), RCX));   // rdx:rax := rax * src
                gen.store(r, RDX);
            }
            case INT_NEG -> unary(a, r, asm::neg);
            case INT_INVERT, UINT_INVERT -> unary(a, r, asm::not);
            case INT_ABS -> {
                gen.load(RAX, a.getFirst());
                asm.mov(RCX, RAX);
                asm.neg(RAX);
                asm.cmov(Cond.S, RAX, RCX);   // -x < 0: x was positive; abs(MIN) stays MIN, as Math.abs
                gen.store(r, RAX);
            }
            // The same word seen as another type: a copy, between register files for the byte conversions.
            case SAME_AS, HINT, CAST_POINTER, CAST_PTR_TO_INT, CAST_PTR_TO_ADR, CAST_ADR_TO_PTR, CAST_ADR_TO_INT,
                 CAST_INT_TO_ADR, CAST_INT_TO_UINT, CAST_UINT_TO_INT, CAST_BOOL_TO_INT, CAST_CHAR_TO_INT,
                 CAST_INT_TO_CHAR, CONVERT_FLOAT_BYTES_TO_LONGLONG, CONVERT_LONGLONG_BYTES_TO_FLOAT -> copy(a, r);
            case FLOAT_ADD -> floatBinary(a, r, asm::addsd, true);
            case FLOAT_SUB -> floatBinary(a, r, asm::subsd, false);
            case FLOAT_MUL -> floatBinary(a, r, asm::mulsd, true);
            case FLOAT_TRUEDIV -> floatBinary(a, r, asm::divsd, false);
            case FLOAT_SQRT -> {
                Xmm d = gen.floatDest(r, XMM0);
                asm.sqrtsd(d, gen.floatOperand(a.getFirst(), XMM1));
                gen.storeFloat(r, d);
            }
            case FLOAT_NEG -> signBit(a, r, asm::xorpd, Long.MIN_VALUE);        // flip the sign bit
            case FLOAT_ABS -> signBit(a, r, asm::andpd, Long.MAX_VALUE);        // clear it
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
                Xmm d = gen.floatDest(r, XMM0);
                Operand src = gen.operand(a.getFirst());
                asm.cvtsi2sd(d, src instanceof Reg || src instanceof Mem ? src : gen.reg(a.getFirst(), RAX));
                gen.storeFloat(r, d);
            }
            case CAST_FLOAT_TO_INT -> {
                Reg d = gen.dest(r, RAX);
                asm.cvttsd2si(d, gen.floatOperand(a.getFirst(), XMM0));   // NaN and out of range give MIN, as Arithmetic.castFloatToInt
                gen.store(r, d);
            }
            case GETFIELD, GETARRAYITEM, GETINTERIORFIELD -> load(place(a, a.size()), r);
            case SETFIELD, SETARRAYITEM, SETINTERIORFIELD -> store(place(a, a.size() - 1), a.getLast());
            case GETARRAYSIZE, GETINTERIORARRAYSIZE -> length(place(a, a.size()), r);
            case GETSUBSTRUCT, GETARRAYSUBSTRUCT -> {
                Reg d = gen.dest(r, RAX);
                asm.lea(d, place(a, a.size()).mem());
                gen.store(r, d);
            }
            case RAW_LOAD -> loadWord(gen.typeOf(r), raw(a), r);
            case RAW_STORE -> storeWord(gen.typeOf(a.get(2)), raw(a), a.get(2));
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

    /**
     * {@code r = x op y} as the two-operand {@code op d, y}: {@code d} is {@code r}'s register
     * (loaded with {@code x} first) unless that register holds {@code y}, which the load would
     * destroy; then a commutative operation swaps its operands, another goes through {@code rax}.
     */
    private void binary(List<Value> a, Variable r, Two op, boolean commutative) {
        Value x = a.get(0);
        Value y = a.get(1);
        Reg d = gen.dest(r, RAX);
        if (isIn(y, d)) {
            if (commutative) {
                x = a.get(1);
                y = a.get(0);
            } else {
                d = RAX;
            }
        }
        if (isIn(y, d)) {
            d = RAX;   // x and y are the same variable, in r's register
        }
        gen.load(d, x);
        op.emit(d, gen.operandOrLoad(y, RCX));
        gen.store(r, d);
    }

    /**
     * {@code r = x + k} or {@code x - k} with {@code x} in a register that is not {@code r}'s as
     * one {@code lea r, [x + k]}: the copy of {@code x} and the addition in one instruction
     * (which changes no flags; no branch reads an addition's).
     */
    private boolean offset(List<Value> a, Variable r, int sign) {
        if (gen.operand(a.get(1)) instanceof Imm(long k) && k != Integer.MIN_VALUE
                && gen.operand(a.get(0)) instanceof Reg x && gen.home(r) instanceof Location.Gpr(Reg d) && !d.equals(x)) {
            asm.lea(d, Mem.at(Width.QWORD, x, (int) (sign * k)));
            return true;
        }
        return false;
    }

    /** {@code imul} has no memory destination but a three-operand form with an immediate. */
    private void multiply(List<Value> a, Variable r) {
        Reg d = gen.dest(r, RAX);
        for (int k = 0; k < 2; k++) {
            if (gen.operand(a.get(1 - k)) instanceof Imm i) {
                Operand src = gen.operand(a.get(k));
                asm.imul(d, src instanceof Reg || src instanceof Mem ? src : gen.reg(a.get(k), RCX), i);
                gen.store(r, d);
                return;
            }
        }
        binary(a, r, (dst, src) -> asm.imul((Reg) dst, src), true);
    }

    private boolean isIn(Value v, Reg reg) {
        return v instanceof Variable var && gen.home(var) instanceof Location.Gpr(Reg h) && h.equals(reg);
    }

    private void unary(List<Value> a, Variable r, One op) {
        Reg d = gen.dest(r, RAX);
        gen.load(d, a.getFirst());
        op.emit(d);
        gen.store(r, d);
    }

    /** {@code r = x}, the same bits; the byte conversions move them between register files. */
    private void copy(List<Value> a, Variable r) {
        if (!gen.hasHome(r)) {
            return;
        }
        FunctionCodegen.Moves move = gen.moves();
        Value x = a.getFirst();
        boolean fromFloat = gen.typeOf(x) == Primitive.FLOAT;
        boolean toFloat = gen.typeOf(r) == Primitive.FLOAT;
        if (fromFloat == toFloat) {
            move.add(x, gen.home(r));
            move.emit();
        } else if (toFloat) {
            Xmm d = gen.floatDest(r, XMM0);
            asm.movq(d, gen.reg(x, RAX));
            gen.storeFloat(r, d);
        } else {
            Reg d = gen.dest(r, RAX);
            asm.movq(d, gen.floatReg(x, XMM0));
            gen.store(r, d);
        }
    }

    /** The count must be in {@code cl} or an immediate; the llinterp's 0..63 rule means x86's "count mod 64" never shows. */
    private void shift(List<Value> a, Variable r, Two op) {
        Operand count = gen.operand(a.get(1));
        if (!(count instanceof Imm)) {
            gen.load(RCX, a.get(1));
            count = CL;
        }
        Reg d = gen.dest(r, RAX);
        gen.load(d, a.get(0));
        op.emit(d, count);
        gen.store(r, d);
    }

    /**
     * {@code idiv} truncates toward zero with the dividend's sign on the remainder, which is
     * {@code int_floordiv}/{@code int_mod} (Python's floor is the RPy helper's). It traps on
     * {@code MIN / -1}, which the llinterp wraps to {@code MIN} (remainder 0): a divisor of -1 is
     * a negation instead, for every dividend.
     */
    private void signedDivision(boolean mod, List<Value> a, Variable r) {
        int k = powerOfTwo(a.get(1));
        if (k > 0 && (!mod || k < 32)) {
            divisionByPowerOfTwo(mod, k, a.get(0), r);
            return;
        }
        gen.load(RCX, a.get(1));
        gen.load(RAX, a.get(0));
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

    /** k when {@code v} is the constant 2**k (1 <= k <= 62), else 0. */
    private static int powerOfTwo(Value v) {
        if (v instanceof Constant c && FunctionCodegen.constantBits((LLConstant) c.value()) instanceof Long n
                && n > 1 && Long.bitCount(n) == 1) {
            return Long.numberOfTrailingZeros(n);
        }
        return 0;
    }

    /**
     * {@code x / 2**k} and {@code x % 2**k} truncated toward zero, as C (and {@code int_floordiv},
     * {@code int_mod}) define them, without {@code idiv} (tens of cycles): a negative {@code x}
     * is biased by {@code 2**k - 1} first, so that the arithmetic shift, which rounds down,
     * rounds toward zero; the remainder is the biased value's low bits less the bias. The
     * helpers of Python's {@code //} and {@code %} fix the sign after, as they do after a
     * division (Richards' {@code control // 2}).
     */
    private void divisionByPowerOfTwo(boolean mod, int k, Value x, Variable r) {
        gen.load(RAX, x);
        asm.mov(RDX, RAX);
        if (k > 1) {
            asm.sar(RDX, imm(63));
        }
        asm.shr(RDX, imm(64 - k));               // the bias: 2**k - 1 if x < 0, else 0
        asm.add(RAX, RDX);
        if (mod) {
            asm.and(RAX, imm((1L << k) - 1));
            asm.sub(RAX, RDX);
        } else {
            asm.sar(RAX, imm(k));
        }
        gen.store(r, RAX);
    }

    private void unsignedDivision(boolean mod, List<Value> a, Variable r) {
        gen.load(RCX, a.get(1));
        gen.load(RAX, a.get(0));
        asm.xor(RDX.view(Width.DWORD), RDX.view(Width.DWORD));
        asm.div(RCX);
        gen.store(r, mod ? RDX : RAX);
    }

    /** Flags as the Bool 0 or 1, made in the result's register. */
    private void setBool(Cond cond, Variable r) {
        Reg d = gen.dest(r, RAX);
        asm.set(cond, d.view(Width.BYTE));
        asm.movzx(d.view(Width.DWORD), d.view(Width.BYTE));
        gen.store(r, d);
    }

    private void floatBinary(List<Value> a, Variable r, FloatTwo op, boolean commutative) {
        Value x = a.get(0);
        Value y = a.get(1);
        Xmm d = gen.floatDest(r, XMM0);
        if (isIn(y, d)) {
            if (commutative) {
                x = a.get(1);
                y = a.get(0);
            } else {
                d = XMM0;
            }
        }
        if (isIn(y, d)) {
            d = XMM0;
        }
        gen.loadFloat(d, x);
        op.emit(d, gen.floatOperand(y, XMM1));
        gen.storeFloat(r, d);
    }

    private boolean isIn(Value v, Xmm x) {
        return v instanceof Variable var && gen.home(var) instanceof Location.Fpr(Xmm h) && h.equals(x);
    }

    /** Negation and absolute value act on the sign bit alone: a mask made in {@code xmm1}. */
    private void signBit(List<Value> a, Variable r, FloatTwo op, long mask) {
        Xmm d = gen.floatDest(r, XMM0);
        gen.loadFloat(d, a.getFirst());
        asm.mov(RAX, imm(mask));
        asm.movq(XMM1, RAX);
        op.emit(d, XMM1);
        gen.storeFloat(r, d);
    }

    private void floatCompare(Value x, Value y, Variable r, Cond cond) {
        asm.ucomisd(gen.floatReg(x, XMM0), gen.floatOperand(y, XMM1));
        setBool(cond, r);
    }

    /** Equal means ZF set and not unordered (PF clear); not equal is its negation, so NaN != NaN. */
    private void floatEquality(Value x, Value y, Variable r, boolean equal) {
        asm.ucomisd(gen.floatReg(x, XMM0), gen.floatOperand(y, XMM1));
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

    /** Where a memory operation reaches, a value or part of {@code type}. */
    private record Place(Mem mem, LowLevelType type) {
    }

    /**
     * Where the path of field names and indexes from the pointer {@code args[0]} leads
     * ({@link MemoryPath}, as the llinterp walks it), as a memory operand: the base is the
     * pointer's register (or
     * {@code rax} loaded with it; a prebuilt object's field is {@code [rip + symbol + offset]}),
     * a run-time index is its register or {@code rcx} (multiplied first when the item size is
     * no x86 scale).
     */
    private Place place(List<Value> args, int end) {
        Value base = args.getFirst();
        if (!(gen.typeOf(base) instanceof Ptr ptr)) {
            throw new NotSelectedError("a memory operation on a " + gen.typeOf(base), gen.graph.name());
        }
        MemoryPath path;
        try {
            path = MemoryPath.walk(ptr.to(), args.subList(1, end));
        } catch (IllegalArgumentException e) {
            throw new NotSelectedError(e.getMessage(), gen.graph.name());
        }
        LowLevelType type = path.type();
        Value index = path.index();
        long scale = path.scale();
        int disp = Math.toIntExact(path.offset());
        if (index == null && base instanceof Constant(LLConstant(Prebuilt p, var t))) {
            return new Place(new Mem.Rip(Width.QWORD, new Symbol(gen.prebuilt.apply(p), disp)), type);
        }
        Reg b = gen.reg(base, RAX);
        if (index == null) {
            return new Place(Mem.at(Width.QWORD, b, disp), type);
        }
        Reg i = gen.reg(index, RCX);
        if (scale == 1 || scale == 2 || scale == 4 || scale == 8) {
            return new Place(Mem.at(Width.QWORD, b, i, (int) scale, disp), type);
        }
        asm.imul(RCX, i, imm(scale));
        return new Place(Mem.at(Width.QWORD, b, RCX, 1, disp), type);
    }

    /** {@code raw_load(adr, offset)} and {@code raw_store(adr, offset, v)}: {@code [adr + offset]}. */
    private Mem raw(List<Value> a) {
        Reg base = gen.reg(a.get(0), RAX);
        if (gen.operand(a.get(1)) instanceof Imm(long disp)) {
            return Mem.at(Width.QWORD, base, (int) disp);
        }
        return Mem.at(Width.QWORD, base, gen.reg(a.get(1), RCX), 1, 0);
    }

    private void load(Place p, Variable r) {
        loadWord(p.type(), p.mem(), r);
    }

    private void store(Place p, Value v) {
        storeWord(p.type(), p.mem(), v);
    }

    /** A value of {@code type} from memory into {@code r}'s home: bytes zero-extended, words as they are. */
    private void loadWord(LowLevelType type, Mem mem, Variable r) {
        if (!gen.hasHome(r)) {
            return;
        }
        if (type == Primitive.FLOAT) {
            Xmm d = gen.floatDest(r, XMM0);
            asm.movsd(d, mem);
            gen.storeFloat(r, d);
            return;
        }
        Reg d = gen.dest(r, RDX);
        switch ((int) Layout.sizeOf(type)) {
            case 1 -> asm.movzx(d.view(Width.DWORD), mem.withWidth(Width.BYTE));
            case 8 -> asm.mov(d, mem);
            default -> throw new NotSelectedError("a load of a " + type, gen.graph.name());
        }
        gen.store(r, d);
    }

    /** The address may be in {@code rax} and {@code rcx}, so a value not in a register goes through {@code rdx}. */
    private void storeWord(LowLevelType type, Mem mem, Value v) {
        if (type == Primitive.FLOAT && v instanceof Variable) {
            asm.movsd(mem, gen.floatReg(v, XMM0));
            return;
        }
        switch ((int) Layout.sizeOf(type)) {
            case 0 -> { }
            case 1 -> {
                Operand src = gen.operand(v);
                asm.mov(mem.withWidth(Width.BYTE), src instanceof Imm(long n) ? imm((byte) n)
                        : gen.reg(v, RDX).view(Width.BYTE));
            }
            case 8 -> {
                Operand src = gen.operand(v);
                asm.mov(mem, src instanceof Imm || src instanceof Reg ? src : gen.reg(v, RDX));
            }
            default -> throw new NotSelectedError("a store of a " + type, gen.graph.name());
        }
    }

    private void length(Place p, Variable r) {
        if (!(p.type() instanceof ArrayType arr)) {
            throw new NotSelectedError("the length of a " + p.type(), gen.graph.name());
        }
        int extra = Math.toIntExact(Layout.lengthOffset(arr));
        Mem at = switch (p.mem()) {
            case Mem.Based m -> Mem.at(Width.QWORD, m.base(), m.index(), m.scale(), m.disp() + extra);
            case Mem.Rip(var w, Symbol s) -> new Mem.Rip(w, new Symbol(s.name(), s.addend() + extra));
            case Mem m -> throw new NotSelectedError("the length at " + m, gen.graph.name());
        };
        Reg d = gen.dest(r, RDX);
        asm.mov(d, at);
        gen.store(r, d);
    }

    // ------------------------------------------------------------------ calls

    private void directCall(List<Value> a, Variable r) {
        if (!(a.getFirst() instanceof Constant(LLConstant(LowLevelGraph callee, var t)))) {
            throw new NotSelectedError("a direct_call of " + a.getFirst(), gen.graph.name());
        }
        call(callee.signature(), a.subList(1, a.size()), () -> asm.call(Symbol.symbol(callee.name())), r);
    }

    /** The function pointer goes to {@code r10} first, which no argument uses. */
    private void indirectCall(List<Value> a, Variable r) {
        if (!(gen.typeOf(a.getFirst()) instanceof Ptr(FuncType type))) {
            throw new NotSelectedError("an indirect_call of a " + gen.typeOf(a.getFirst()), gen.graph.name());
        }
        gen.load(R10, a.getFirst());
        call(type, a.subList(1, a.size() - 1), () -> asm.call(R10), r);
    }

    private void runtimeCall(String function, List<Value> a, Variable r) {
        List<LowLevelType> types = a.stream().map(gen::typeOf).toList();
        LowLevelType result = r == null ? Primitive.VOID : gen.typeOf(r);
        call(new FuncType(types, result), a, () -> asm.call(Symbol.symbol(function)), r);
    }

    /**
     * A System V call ({@link CallingConvention}): the arguments beyond the registers pushed
     * right to left, with a pad word first when their number is odd, so that {@code rsp} is
     * 16-byte aligned at the {@code call} (the frame keeps it so); then the register arguments
     * as one parallel move from their homes, since a home may itself be an argument register.
     */
    private void call(FuncType type, List<Value> args, Runnable emitCall, Variable r) {
        List<Location> regs = CallingConvention.registers(args.stream().map(gen::typeOf).toList());
        List<Value> onStack = new ArrayList<>();
        FunctionCodegen.Moves moves = gen.moves();
        for (int k = 0; k < args.size(); k++) {
            if (regs.get(k) != null) {
                moves.add(args.get(k), regs.get(k));
            } else if (gen.typeOf(args.get(k)) != Primitive.VOID) {
                onStack.add(args.get(k));
            }
        }
        int pushed = onStack.size() + (onStack.size() % 2);
        if (onStack.size() % 2 != 0) {
            asm.sub(RSP, imm(8));
        }
        for (Value v : onStack.reversed()) {
            switch (gen.operand(v)) {
                case Xmm x -> {
                    asm.sub(RSP, imm(8));
                    asm.movsd(Mem.at(Width.QWORD, RSP, 0), x);
                }
                case null -> asm.push(gen.reg(v, RAX));
                case Operand o -> asm.push(o);
            }
        }
        moves.emit();
        emitCall.run();
        if (pushed > 0) {
            asm.add(RSP, imm(8L * pushed));
        }
        if (gen.hasHome(r)) {
            if (type.result() == Primitive.FLOAT) {
                gen.storeFloat(r, XMM0);
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
        Label slow = asm.newLabel();
        Label back = asm.newLabel();
        asm.cmp(RSP, new Mem.Rip(Width.QWORD, Symbol.symbol(Runtime.STACK_LIMIT)));
        asm.j(Cond.BE, slow);   // not taken on every call but the deepest: the slow path is out of line
        asm.bind(back);
        gen.outOfLine(() -> {
            asm.bind(slow);
            asm.lea(RAX, new Mem.Rip(Width.QWORD, Symbol.symbol(e.recursionError())));
            asm.mov(RCX, Mem.at(Width.QWORD, RAX, e.typeptrOffset()));
            asm.lea(RDX, new Mem.Rip(Width.QWORD, Symbol.symbol(e.excData())));
            asm.mov(Mem.at(Width.QWORD, RDX, e.typeOffset()), RCX);
            asm.mov(Mem.at(Width.QWORD, RDX, e.valueOffset()), RAX);
            asm.jmp(back);
        });
    }

    /**
     * {@code syscall_write(fd, s, start, count)} and {@code syscall_read(fd, buf, count)}: the
     * buffered stdout flushed first, then the kernel gets the address of the chars, and its
     * {@code -errno} is the result as it is.
     */
    private void syscallOnString(int number, List<Value> a, Variable r) {
        long chars = Layout.offsetOf(Strings.STR, Strings.CHARS)
                + Layout.itemsOffset((ArrayType) Strings.STR.field(Strings.CHARS).type());
        // The bytes print left in the runtime's buffer go first (a prompt before the read of its answer).
        asm.call(Symbol.symbol(Runtime.FLUSH_STDOUT));
        // write(fd, s, start, count) wants rdi, rsi + start, rdx; read(fd, buf, count) rdi, rsi, rdx.
        List<Reg> into = number == 1 ? List.of(RDI, RSI, RAX, RDX) : List.of(RDI, RSI, RDX);
        FunctionCodegen.Moves moves = gen.moves();
        for (int k = 0; k < into.size(); k++) {
            moves.add(a.get(k), new Location.Gpr(into.get(k)));
        }
        moves.emit();
        Runtime.mapDescriptor(asm, R11);
        asm.add(RSI, imm(chars));
        if (number == 1) {
            asm.add(RSI, RAX);
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
        asm.call(Symbol.symbol(Entries.EXIT));   // never returns: the process ends, or rt_enter returns
        asm.bind(ok);
    }

    private String voidString(Value v) {
        if (v instanceof Constant(LLConstant(String s, var t)) && t == Primitive.VOID) {
            return s;
        }
        throw new NotSelectedError("an operand " + v + " where a Void string is expected", gen.graph.name());
    }
}
