package dev.taipan.rtyper.lloperation;

import static dev.taipan.rtyper.lloperation.Signatures.B_B;
import static dev.taipan.rtyper.lloperation.Signatures.AAI_V;
import static dev.taipan.rtyper.lloperation.Signatures.AI_V;
import static dev.taipan.rtyper.lloperation.Signatures.AA_B;
import static dev.taipan.rtyper.lloperation.Signatures.AA_I;
import static dev.taipan.rtyper.lloperation.Signatures.AI_A;
import static dev.taipan.rtyper.lloperation.Signatures.A_V;
import static dev.taipan.rtyper.lloperation.Signatures.A_I;
import static dev.taipan.rtyper.lloperation.Signatures.I_A;
import static dev.taipan.rtyper.lloperation.Signatures.B_I;
import static dev.taipan.rtyper.lloperation.Signatures.CC_B;
import static dev.taipan.rtyper.lloperation.Signatures.C_I;
import static dev.taipan.rtyper.lloperation.Signatures.FF_B;
import static dev.taipan.rtyper.lloperation.Signatures.FF_F;
import static dev.taipan.rtyper.lloperation.Signatures.F_B;
import static dev.taipan.rtyper.lloperation.Signatures.F_F;
import static dev.taipan.rtyper.lloperation.Signatures.F_I;
import static dev.taipan.rtyper.lloperation.Signatures.II_B;
import static dev.taipan.rtyper.lloperation.Signatures.II_I;
import static dev.taipan.rtyper.lloperation.Signatures.I_B;
import static dev.taipan.rtyper.lloperation.Signatures.I_C;
import static dev.taipan.rtyper.lloperation.Signatures.I_F;
import static dev.taipan.rtyper.lloperation.Signatures.I_I;
import static dev.taipan.rtyper.lloperation.Signatures.I_U;
import static dev.taipan.rtyper.lloperation.Signatures.US_U;
import static dev.taipan.rtyper.lloperation.Signatures.UU_B;
import static dev.taipan.rtyper.lloperation.Signatures.UU_U;
import static dev.taipan.rtyper.lloperation.Signatures.U_B;
import static dev.taipan.rtyper.lloperation.Signatures.U_I;
import static dev.taipan.rtyper.lloperation.Signatures.U_U;

import dev.taipan.rtyper.lloperation.Impl.FloatBinary;
import dev.taipan.rtyper.lloperation.Impl.FloatCompare;
import dev.taipan.rtyper.lloperation.Impl.FloatTest;
import dev.taipan.rtyper.lloperation.Impl.FloatToWord;
import dev.taipan.rtyper.lloperation.Impl.FloatUnary;
import dev.taipan.rtyper.lloperation.Impl.Identity;
import dev.taipan.rtyper.lloperation.Impl.WordBinary;
import dev.taipan.rtyper.lloperation.Impl.WordCompare;
import dev.taipan.rtyper.lloperation.Impl.WordTest;
import dev.taipan.rtyper.lloperation.Impl.WordToFloat;
import dev.taipan.rtyper.lloperation.Impl.WordUnary;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of low-level operations, PyPy's {@code lloperation.py}: every operation a
 * low-level graph may contain, with PyPy's name, its {@link Effects}, its signature, and, for the
 * pure ones, its Java implementation. The rtyper emits these, the llinterp runs them, the
 * constant folder folds them, and the x86 backend selects instructions for them; none of them
 * spells an operation as a string of its own.
 *
 * <p>Integers wrap (two's complement); {@code _ovf} variants raise {@code OverflowError}
 * instead. Division, shifts and casts follow the choices documented in {@link Arithmetic}. Floats
 * are IEEE doubles: a comparison with NaN is false, except {@code float_ne}, which is true;
 * {@code float_truediv} by zero gives an infinity or NaN (Python's {@code ZeroDivisionError} is
 * the rtyper's check, made before). {@code Bool} operands and results are 0 or 1, {@code Char}
 * ones 0..255.
 *
 * <p>The memory operations name their field (or array item) in their operands, as in PyPy:
 * {@code getfield(p, 'x')}, {@code getinteriorfield(p, 'chars', i)}; {@link dev.taipan.rtyper.lltype.Layout}
 * turns the names into offsets.
 */
public enum LLOp implements LowLevelOperation {

    // Signed integers.
    INT_ADD(Effects.PURE, II_I, new WordBinary((x, y) -> x + y)),
    INT_SUB(Effects.PURE, II_I, new WordBinary((x, y) -> x - y)),
    INT_MUL(Effects.PURE, II_I, new WordBinary((x, y) -> x * y)),
    INT_FLOORDIV(Effects.PURE, II_I, new WordBinary(Arithmetic::floordiv)),
    INT_MOD(Effects.PURE, II_I, new WordBinary(Arithmetic::mod)),
    INT_LT(Effects.PURE, II_B, new WordCompare((x, y) -> x < y)),
    INT_LE(Effects.PURE, II_B, new WordCompare((x, y) -> x <= y)),
    INT_EQ(Effects.PURE, II_B, new WordCompare((x, y) -> x == y)),
    INT_NE(Effects.PURE, II_B, new WordCompare((x, y) -> x != y)),
    INT_GT(Effects.PURE, II_B, new WordCompare((x, y) -> x > y)),
    INT_GE(Effects.PURE, II_B, new WordCompare((x, y) -> x >= y)),
    INT_NEG(Effects.PURE, I_I, new WordUnary(x -> -x)),
    INT_ABS(Effects.PURE, I_I, new WordUnary(Math::abs)),
    INT_INVERT(Effects.PURE, I_I, new WordUnary(x -> ~x)),
    INT_AND(Effects.PURE, II_I, new WordBinary((x, y) -> x & y)),
    INT_OR(Effects.PURE, II_I, new WordBinary((x, y) -> x | y)),
    INT_XOR(Effects.PURE, II_I, new WordBinary((x, y) -> x ^ y)),
    INT_LSHIFT(Effects.PURE, II_I, new WordBinary(Arithmetic::lshift)),
    INT_RSHIFT(Effects.PURE, II_I, new WordBinary(Arithmetic::rshift)),
    INT_IS_TRUE(Effects.PURE, I_B, new WordTest(x -> x != 0)),
    INT_ADD_OVF(Effects.PURE_OVF, II_I, new WordBinary(Arithmetic::addOvf)),
    INT_SUB_OVF(Effects.PURE_OVF, II_I, new WordBinary(Arithmetic::subOvf)),
    INT_MUL_OVF(Effects.PURE_OVF, II_I, new WordBinary(Arithmetic::mulOvf)),
    INT_NEG_OVF(Effects.PURE_OVF, I_I, new WordUnary(Arithmetic::negOvf)),
    INT_FLOORDIV_OVF(Effects.PURE_OVF, II_I, new WordBinary(Arithmetic::floordivOvf)),
    INT_LSHIFT_OVF(Effects.PURE_OVF, II_I, new WordBinary(Arithmetic::lshiftOvf)),
    /**
     * The high word of the 128-bit product (x86's one-operand {@code imul} leaves it in
     * {@code rdx}): how the exception transform tests {@code int_mul_ovf} without an exception,
     * since the product fits exactly when this word is the sign of the low one.
     */
    INT_MUL_HIGH(Effects.PURE, II_I, new WordBinary(Math::multiplyHigh)),

    // Unsigned integers: the same 64 bits, compared and divided as unsigned.
    UINT_ADD(Effects.PURE, UU_U, new WordBinary((x, y) -> x + y)),
    UINT_SUB(Effects.PURE, UU_U, new WordBinary((x, y) -> x - y)),
    UINT_MUL(Effects.PURE, UU_U, new WordBinary((x, y) -> x * y)),
    UINT_FLOORDIV(Effects.PURE, UU_U, new WordBinary(Arithmetic::uintFloordiv)),
    UINT_MOD(Effects.PURE, UU_U, new WordBinary(Arithmetic::uintMod)),
    UINT_LT(Effects.PURE, UU_B, new WordCompare((x, y) -> Long.compareUnsigned(x, y) < 0)),
    UINT_LE(Effects.PURE, UU_B, new WordCompare((x, y) -> Long.compareUnsigned(x, y) <= 0)),
    UINT_EQ(Effects.PURE, UU_B, new WordCompare((x, y) -> x == y)),
    UINT_NE(Effects.PURE, UU_B, new WordCompare((x, y) -> x != y)),
    UINT_GT(Effects.PURE, UU_B, new WordCompare((x, y) -> Long.compareUnsigned(x, y) > 0)),
    UINT_GE(Effects.PURE, UU_B, new WordCompare((x, y) -> Long.compareUnsigned(x, y) >= 0)),
    UINT_AND(Effects.PURE, UU_U, new WordBinary((x, y) -> x & y)),
    UINT_OR(Effects.PURE, UU_U, new WordBinary((x, y) -> x | y)),
    UINT_XOR(Effects.PURE, UU_U, new WordBinary((x, y) -> x ^ y)),
    UINT_INVERT(Effects.PURE, U_U, new WordUnary(x -> ~x)),
    UINT_LSHIFT(Effects.PURE, US_U, new WordBinary(Arithmetic::uintLshift)),
    UINT_RSHIFT(Effects.PURE, US_U, new WordBinary(Arithmetic::uintRshift)),
    UINT_IS_TRUE(Effects.PURE, U_B, new WordTest(x -> x != 0)),

    // Floats (IEEE 754 doubles).
    FLOAT_ADD(Effects.PURE, FF_F, new FloatBinary((x, y) -> x + y)),
    FLOAT_SUB(Effects.PURE, FF_F, new FloatBinary((x, y) -> x - y)),
    FLOAT_MUL(Effects.PURE, FF_F, new FloatBinary((x, y) -> x * y)),
    FLOAT_TRUEDIV(Effects.PURE, FF_F, new FloatBinary((x, y) -> x / y)),
    FLOAT_NEG(Effects.PURE, F_F, new FloatUnary(x -> -x)),
    FLOAT_ABS(Effects.PURE, F_F, new FloatUnary(Math::abs)),
    /** IEEE's square root, correctly rounded (x86's {@code sqrtsd}); NaN below zero, {@code sqrt(-0.0)} is -0.0. */
    FLOAT_SQRT(Effects.PURE, F_F, new FloatUnary(Math::sqrt)),
    FLOAT_LT(Effects.PURE, FF_B, new FloatCompare((x, y) -> x < y)),
    FLOAT_LE(Effects.PURE, FF_B, new FloatCompare((x, y) -> x <= y)),
    FLOAT_EQ(Effects.PURE, FF_B, new FloatCompare((x, y) -> x == y)),
    FLOAT_NE(Effects.PURE, FF_B, new FloatCompare((x, y) -> x != y)),
    FLOAT_GT(Effects.PURE, FF_B, new FloatCompare((x, y) -> x > y)),
    FLOAT_GE(Effects.PURE, FF_B, new FloatCompare((x, y) -> x >= y)),
    FLOAT_IS_TRUE(Effects.PURE, F_B, new FloatTest(x -> x != 0.0)),

    // Casts. Between word types they keep the bits; to and from Float they convert.
    CAST_INT_TO_FLOAT(Effects.PURE, I_F, new WordToFloat(x -> (double) x)),
    CAST_FLOAT_TO_INT(Effects.PURE, F_I, new FloatToWord(Arithmetic::castFloatToInt)),
    CAST_INT_TO_UINT(Effects.PURE, I_U, new WordUnary(x -> x)),
    CAST_UINT_TO_INT(Effects.PURE, U_I, new WordUnary(x -> x)),
    CAST_BOOL_TO_INT(Effects.PURE, B_I, new WordUnary(x -> x)),
    CAST_CHAR_TO_INT(Effects.PURE, C_I, new WordUnary(x -> x)),
    CAST_INT_TO_CHAR(Effects.PURE, I_C, new WordUnary(Arithmetic::castIntToChar)),
    /** The 64 bits of a double as a word, and back (PyPy's names): how RPy helpers take a float apart (fmod). */
    CONVERT_FLOAT_BYTES_TO_LONGLONG(Effects.PURE, F_I, new FloatToWord(Double::doubleToRawLongBits)),
    CONVERT_LONGLONG_BYTES_TO_FLOAT(Effects.PURE, I_F, new WordToFloat(Double::longBitsToDouble)),

    // Chars (compared as the bytes 0..255) and bools.
    CHAR_EQ(Effects.PURE, CC_B, new WordCompare((x, y) -> x == y)),
    CHAR_NE(Effects.PURE, CC_B, new WordCompare((x, y) -> x != y)),
    CHAR_LT(Effects.PURE, CC_B, new WordCompare((x, y) -> x < y)),
    CHAR_LE(Effects.PURE, CC_B, new WordCompare((x, y) -> x <= y)),
    CHAR_GT(Effects.PURE, CC_B, new WordCompare((x, y) -> x > y)),
    CHAR_GE(Effects.PURE, CC_B, new WordCompare((x, y) -> x >= y)),
    BOOL_NOT(Effects.PURE, B_B, new WordTest(x -> x == 0)),

    /** A copy of a value of any type: what a conversion that changes nothing becomes. */
    SAME_AS(Effects.PURE, null, new Identity()),

    // Memory. malloc(T), malloc_varsize(T, n): a zero-filled object (length n).
    MALLOC(Effects.MALLOC, null, null),
    MALLOC_VARSIZE(Effects.MALLOC, null, null),
    /** getfield(p, 'name'), setfield(p, 'name', v). */
    GETFIELD(Effects.READ, null, null),
    SETFIELD(Effects.WRITE, null, null),
    /** getarrayitem(p, i), setarrayitem(p, i, v), getarraysize(p). */
    GETARRAYITEM(Effects.READ, null, null),
    SETARRAYITEM(Effects.WRITE, null, null),
    GETARRAYSIZE(Effects.READ, null, null),
    /** getsubstruct(p, 'name'): a pointer to an inlined struct; getarraysubstruct(p, i): to an inlined item. */
    GETSUBSTRUCT(Effects.READ, null, null),
    GETARRAYSUBSTRUCT(Effects.READ, null, null),
    /** getinteriorfield(p, 'chars', i), setinteriorfield(p, 'chars', i, v), getinteriorarraysize(p, 'chars'): a path of field names and indexes. */
    GETINTERIORFIELD(Effects.READ, null, null),
    SETINTERIORFIELD(Effects.WRITE, null, null),
    GETINTERIORARRAYSIZE(Effects.READ, null, null),

    // Pointers.
    /** The same address seen as another type along a first-field chain (see {@code Ptr.castableTo}). */
    CAST_POINTER(Effects.PURE, null, new Identity()),
    /**
     * cast_ptr_to_int(p): the address as a Signed word (an instance's identity hash, see
     * {@code rdict.ll_identityhash}). Only stable while objects do not move.
     */
    CAST_PTR_TO_INT(Effects.PURE, null, new Identity()),
    /**
     * gc_identityhash(p) -> Signed: a number that stays the object's for its whole life (the
     * hash of an instance used as a dict key, {@code rdict.ll_identityhash}). Here objects never
     * move and it is the address; stage 04 asks the collector, since a moving one keeps the
     * number with the object (PyPy's operation of this name). Not pure: a collector may record
     * that the hash was taken.
     */
    GC_IDENTITYHASH(Effects.READ, null, null),
    PTR_EQ(Effects.PURE, null, new WordCompare((x, y) -> x == y)),
    PTR_NE(Effects.PURE, null, new WordCompare((x, y) -> x != y)),
    PTR_ISZERO(Effects.PURE, null, new WordTest(x -> x == 0)),
    PTR_NONZERO(Effects.PURE, null, new WordTest(x -> x != 0)),

    // Addresses (PyPy's llmemory): raw memory, owned by no GC, that the collectors of stage 04
    // are written over. An Address is a machine word; arithmetic on it is in bytes.
    /** raw_malloc(size) -> Address: a word-aligned block of {@code size} bytes, contents undefined (NULL if memory is short). */
    RAW_MALLOC(Effects.RAW_MEMORY, I_A, null),
    /**
     * raw_calloc(size) -> Address: as raw_malloc, every byte zero (C's calloc). A collector's new
     * space is one: pages fresh from the kernel are zero already, so a native runtime does not
     * touch them, where raw_malloc and raw_memclear would fault in every page at once.
     */
    RAW_CALLOC(Effects.RAW_MEMORY, I_A, null),
    /** raw_free(adr): gives back a block raw_malloc gave; any later access into it is undefined. */
    RAW_FREE(Effects.RAW_MEMORY, A_V, null),
    /** raw_memcopy(src, dst, size): copies {@code size} bytes; the two ranges do not overlap (C's memcpy). */
    RAW_MEMCOPY(Effects.WRITE, AAI_V, null),
    /** raw_memclear(adr, size): {@code size} zero bytes from {@code adr}. */
    RAW_MEMCLEAR(Effects.WRITE, AI_V, null),
    /**
     * raw_load(adr, offset) -> T: the value of type T (the result's: Signed, Unsigned, Address,
     * Float, Char, Bool or a Ptr) at {@code adr + offset} bytes, whatever the memory is said to
     * hold; raw_store(adr, offset, value) writes one (T the value's type).
     */
    RAW_LOAD(Effects.READ, null, null),
    RAW_STORE(Effects.WRITE, null, null),
    /** adr_add(adr, n), adr_sub(adr, n): the address {@code n} bytes further, or before (wrapping, as the words do). */
    ADR_ADD(Effects.PURE, AI_A, new WordBinary((a, n) -> a + n)),
    ADR_SUB(Effects.PURE, AI_A, new WordBinary((a, n) -> a - n)),
    /** adr_delta(a, b) -> Signed: {@code a - b} in bytes. */
    ADR_DELTA(Effects.PURE, AA_I, new WordBinary((a, b) -> a - b)),
    /** Comparisons of addresses, as unsigned words (an address is never negative). */
    ADR_EQ(Effects.PURE, AA_B, new WordCompare((a, b) -> a == b)),
    ADR_NE(Effects.PURE, AA_B, new WordCompare((a, b) -> a != b)),
    ADR_LT(Effects.PURE, AA_B, new WordCompare((a, b) -> Long.compareUnsigned(a, b) < 0)),
    ADR_LE(Effects.PURE, AA_B, new WordCompare((a, b) -> Long.compareUnsigned(a, b) <= 0)),
    ADR_GT(Effects.PURE, AA_B, new WordCompare((a, b) -> Long.compareUnsigned(a, b) > 0)),
    ADR_GE(Effects.PURE, AA_B, new WordCompare((a, b) -> Long.compareUnsigned(a, b) >= 0)),
    /**
     * cast_ptr_to_adr(p) -> Address, cast_adr_to_ptr(adr) -> Ptr(T) (T the result's): the same
     * word seen as the other; free at run time. A prebuilt object's address is not known
     * before the image is mapped, so the first folds only for a run-time constant.
     */
    CAST_PTR_TO_ADR(Effects.PURE, null, new Identity()),
    CAST_ADR_TO_PTR(Effects.PURE, null, new Identity()),
    /** cast_adr_to_int(adr) -> Signed, cast_int_to_adr(n) -> Address: the same word. */
    CAST_ADR_TO_INT(Effects.PURE, A_I, new WordUnary(a -> a)),
    CAST_INT_TO_ADR(Effects.PURE, I_A, new WordUnary(n -> n)),

    // Calls. direct_call(f, args...): f a constant function; indirect_call(fptr, args..., graphs): a pointer.
    DIRECT_CALL(Effects.CALL, null, null),
    INDIRECT_CALL(Effects.CALL, null, null),

    /**
     * stack_check(): raises {@code RecursionError} when the calls nest deeper than the stack
     * allows (PyPy's {@code stack_check}, which its translator puts into the graphs of recursive
     * functions): the exception transform puts one at the start of every graph on a cycle of
     * the call graph, since only recursion can go that deep.
     */
    STACK_CHECK(Effects.STACK_CHECK, null, null),

    /** debug_assert(cond, 'message'): a low-level invariant; false is a fatal error, not an RPy exception. */
    DEBUG_ASSERT(Effects.ASSERTION, null, null),

    /**
     * jit_marker('jit_merge_point', driver, greens..., reds...): where the interpreter's dispatch
     * loop is (also 'can_enter_jit', 'loop_header'), with its JitDriver (a Void constant, the host
     * object) and its live variables in the driver's order, greens first (PyPy's operation of
     * this name). The llinterp, the GC and the backend ignore it; stage 06's codewriter reads it.
     */
    JIT_MARKER(Effects.JIT_HINT, null, null),
    /**
     * hint(x, 'promote'): x itself, marked for the JIT (promote, promote_string, hint(x, k=v...):
     * the Void second operand says which). A copy at run time; not folded, so that it stays.
     */
    HINT(Effects.JIT_HINT, null, null),

    // System calls (PyPy reaches them as external functions of ll_os.py; here each is one
    // operation, at the level of the kernel's interface, which stage 05 emits as a syscall
    // instruction). File descriptors are words, buffers the chars of an rpy_string, and a
    // failure is -errno in the result: the RPy helpers of rposix.py raise OSError from it.
    /** syscall_write(fd, s: Ptr(rpy_string), start, count) -> bytes written or -errno: write(2) of s.chars[start:start+count]. */
    SYSCALL_WRITE(Effects.SYSCALL, Signatures.ISII_I, null),
    /** syscall_read(fd, buf: Ptr(rpy_string), count) -> bytes read or -errno: read(2) into buf.chars[0:count]. */
    SYSCALL_READ(Effects.SYSCALL, Signatures.ISI_I, null),
    /** syscall_open(path: Ptr(rpy_string), flags, mode) -> fd or -errno: open(2), flags with Linux's O_* values. */
    SYSCALL_OPEN(Effects.SYSCALL, Signatures.SII_I, null),
    /** syscall_close(fd) -> 0 or -errno. */
    SYSCALL_CLOSE(Effects.SYSCALL, I_I, null),
    /** syscall_unlink(path: Ptr(rpy_string)) -> 0 or -errno. */
    SYSCALL_UNLINK(Effects.SYSCALL, Signatures.S_I, null),
    /** syscall_clock_gettime(clock) -> nanoseconds: clock_gettime(2) of CLOCK_REALTIME (0) or CLOCK_MONOTONIC (1), as one word. */
    SYSCALL_CLOCK_GETTIME(Effects.SYSCALL, I_I, null),

    /**
     * debug_print('sep', 'end', values...): writes the values as Python's print does, numbers
     * and bools as Python spells them, a Void constant as its text. Part 1's stand-in for
     * printing through the RPy string helpers of part 2 (PyPy has an llop of this name for its
     * debug logs).
     */
    DEBUG_PRINT(Effects.OUTPUT, null, null),

    /**
     * debug_gc_log('kind', before, after, moved, nanos): one collection, for the collectors' log
     * ({@code TAIPANLOG=gc:FILE}, see {@code GcLog}): its kind, the heap's bytes before and
     * after, the objects it moved, its pause in nanoseconds. Stage 04's collectors call it.
     */
    DEBUG_GC_LOG(Effects.OUTPUT, null, null),

    /**
     * debug_gc_heap('event', a, b, c): one item of a picture of the heap, which stage 04's heap
     * check draws as it walks ({@code 'object'}, {@code 'root'}, {@code 'pointer'}, between a
     * {@code 'begin'} and an {@code 'end'}), for whoever listens to the collectors' log
     * ({@code GcLog.HeapListener}): the notebook's heap pictures. Nothing when nobody does.
     */
    DEBUG_GC_HEAP(Effects.OUTPUT, null, null),

    /**
     * The debug traceback of the exception transform (PyPy's ops of these names, its
     * {@code debug_traceback.h}): where an exception went, kept beside the pending exception so
     * that an uncaught one is reported with the frames and lines it passed, as before the
     * transform. Each takes the exception instance; the operation's own line is the location.
     * {@code debug_start_traceback(evalue)}: raised here, a new traceback;
     * {@code debug_record_traceback(evalue)}: it left a call here;
     * {@code debug_reraise_traceback(evalue)}: raised again by a handler, its traceback kept.
     */
    DEBUG_START_TRACEBACK(Effects.OUTPUT, null, null),
    DEBUG_RECORD_TRACEBACK(Effects.OUTPUT, null, null),
    DEBUG_RERAISE_TRACEBACK(Effects.OUTPUT, null, null);

    private static final Map<String, LLOp> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(LLOp::opname, Function.identity()));

    private final String opname;
    private final Effects effects;
    private final Signature signature;
    private final Impl impl;

    LLOp(Effects effects, Signature signature, Impl impl) {
        this.opname = name().toLowerCase(Locale.ROOT);
        this.effects = effects;
        this.signature = signature;
        this.impl = impl;
    }

    /** The operation called {@code opname}, e.g. {@code "int_add"}. */
    public static LLOp named(String opname) {
        LLOp op = BY_NAME.get(opname);
        if (op == null) {
            throw new IllegalArgumentException("no low-level operation '" + opname + "'");
        }
        return op;
    }

    @Override
    public String opname() {
        return opname;
    }

    @Override
    public boolean pure() {
        return effects.pure();
    }

    @Override
    public boolean hasSideEffects() {
        return effects.hasSideEffects();
    }

    @Override
    public List<String> raises() {
        return effects.raises();
    }

    @Override
    public boolean canMallocGc() {
        return effects.canMallocGc();
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public Impl impl() {
        return impl;
    }

    @Override
    public String toString() {
        return opname;
    }
}
