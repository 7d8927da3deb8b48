package dev.taipan.gc.llmemory;

import dev.taipan.annotator.Annotator;
import dev.taipan.annotator.Describe;
import dev.taipan.annotator.SomeValue;
import dev.taipan.annotator.SomeValue.SomeBool;
import dev.taipan.annotator.SomeValue.SomeInteger;
import dev.taipan.annotator.SomeValue.SomeNone;
import dev.taipan.annotator.SomeValue.SomeString;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.host.HostSpace;
import dev.taipan.flowgraph.host.PyException;
import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.rtyper.llannotation.LowLevelTypeObject;
import dev.taipan.rtyper.llannotation.SomePtr;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.ArrayType;
import dev.taipan.rtyper.lltype.ContainerType;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Strings;
import dev.taipan.rtyper.lltype.StructType;
import dev.taipan.rtyper.rtyper.ContributedOp;
import java.util.ArrayList;
import java.util.List;

/**
 * The functions of {@code llmemory}, with PyPy's names. The memory functions and the casts make
 * or take addresses, which exist only at the low level: each call is one operation of the
 * catalogue. The sizes are numbers of stage 03's {@link Layout}, the very offsets the llinterp
 * and the backend use, so they also run on the host, at import time
 * ({@code NODE_SIZE = sizeof(NODE)}), and a call in translated code with constant arguments is
 * a constant.
 *
 * <pre>
 * raw_malloc(size) -> Address          raw_free(adr)
 * raw_memcopy(src, dst, size)          raw_memclear(adr, size)
 * cast_ptr_to_adr(p) -> Address        cast_adr_to_ptr(adr, Ptr(T)) -> Ptr(T)
 * cast_adr_to_int(adr) -> int          cast_int_to_adr(n) -> Address
 * sizeof(T), sizeof(T, n)              offsetof(T, 'field')       itemoffsetof(T, n)
 * </pre>
 */
enum LLMemoryFunction {
    RAW_MALLOC("raw_malloc"),
    /** {@code raw_calloc(size)}: as {@code raw_malloc}, every byte zero (a collector's new space). */
    RAW_CALLOC("raw_calloc"),
    RAW_FREE("raw_free"),
    RAW_MEMCOPY("raw_memcopy"),
    RAW_MEMCLEAR("raw_memclear"),
    CAST_PTR_TO_ADR("cast_ptr_to_adr"),
    CAST_ADR_TO_PTR("cast_adr_to_ptr"),
    CAST_ADR_TO_INT("cast_adr_to_int"),
    CAST_INT_TO_ADR("cast_int_to_adr"),
    SIZEOF("sizeof"),
    OFFSETOF("offsetof"),
    ITEMOFFSETOF("itemoffsetof"),
    /**
     * {@code annlowlevel.llstr(s)}: an RPy string as the low level holds it, a {@code Ptr(STR)}
     * (a constant string is then its prebuilt, read-only copy in the image). PyPy's, in module
     * {@code rpython.rtyper.annlowlevel}: how low-level code reaches a string's bytes.
     */
    LLSTR("llstr", LLMemoryExtension.ANNLOWLEVEL),
    /**
     * {@code gclog.debug_gc_log('kind', before, after, moved, nanos)}: one line of the
     * collectors' log ({@code TAIPANLOG=gc:FILE}); the kind is a constant string.
     */
    DEBUG_GC_LOG("debug_gc_log", LLMemoryExtension.GCLOG),
    /**
     * {@code gclog.debug_gc_heap('event', a, b, c)}: one item of a heap picture (the heap check
     * draws them; see {@code heapcheck.py}); the event is a constant string.
     */
    DEBUG_GC_HEAP("debug_gc_heap", LLMemoryExtension.GCLOG),
    /**
     * {@code debug.ll_assert(cond, 'message')}: an invariant of low-level code (the collectors'
     * heap check); false is a fatal error naming the message, not an RPy exception. PyPy's, in
     * {@code rpython.rlib.debug}.
     */
    LL_ASSERT("ll_assert", LLMemoryExtension.DEBUG);

    private final String pyName;
    private final String module;

    LLMemoryFunction(String pyName) {
        this(pyName, LLMemoryExtension.LLMEMORY);
    }

    LLMemoryFunction(String pyName, String module) {
        this.pyName = pyName;
        this.module = module;
    }

    /** The module that holds it: {@code llmemory}, or {@code annlowlevel} for {@code llstr}. */
    String module() {
        return module;
    }

    String pyName() {
        return pyName;
    }

    // ---- on the host ----

    PyObject callOnHost(PyObject[] args) {
        return switch (this) {
            case SIZEOF, OFFSETOF, ITEMOFFSETOF -> PyInt.of(size(args, pyName + "()"));
            default -> throw HostSpace.typeError(pyName + "() works on addresses, which exist only at "
                    + "the low level: run the program translated (--stage=ll)");
        };
    }

    /** The number {@code sizeof}, {@code offsetof} or {@code itemoffsetof} gives for these host arguments. */
    private long size(PyObject[] args, String call) {
        try {
            ContainerType t = args.length > 0 && args[0] instanceof LowLevelTypeObject o && o.lowLevelType() instanceof ContainerType c
                    ? c : null;
            if (t == null) {
                throw HostSpace.typeError(call + ": the first argument is a struct or array type");
            }
            return switch (this) {
                case SIZEOF -> {
                    if (args.length == 1) {
                        if (Layout.isVarsize(t)) {
                            throw HostSpace.typeError(call + ": " + t + " is var-sized: sizeof(T, n) for n items");
                        }
                        yield Layout.sizeOf(t);
                    }
                    if (!Layout.isVarsize(t)) {
                        throw HostSpace.typeError(call + ": " + t + " has a fixed size: sizeof(T)");
                    }
                    yield Layout.sizeOf(t, integer(args, 1, call));
                }
                case OFFSETOF -> {
                    if (!(t instanceof StructType s) || args.length != 2 || !(args[1] instanceof PyStr name)) {
                        throw HostSpace.typeError(call + " is offsetof(STRUCT, 'field')");
                    }
                    if (s.fields().stream().noneMatch(f -> f.name().equals(name.value()))) {
                        throw HostSpace.typeError(call + ": " + s + " has no field '" + name.value() + "'");
                    }
                    yield Layout.offsetOf(s, name.value());
                }
                default -> {
                    if (!(t instanceof ArrayType a)) {
                        throw HostSpace.typeError(call + ": itemoffsetof(ARRAY, n) of an array type, not " + t);
                    }
                    yield Layout.itemOffset(a, integer(args, 1, call));
                }
            };
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw HostSpace.typeError(call + ": " + e.getMessage());
        }
    }

    private static long integer(PyObject[] args, int i, String call) {
        if (args.length != i + 1 || !(args[i] instanceof PyInt n) || !n.fitsLong()) {
            throw HostSpace.typeError(call + ": argument " + (i + 1) + " is a number of items, an int");
        }
        return n.longValue();
    }

    // ---- annotation ----

    SomeValue annotateCall(Annotator ann, List<SomeValue> args) {
        return switch (this) {
            case RAW_MALLOC, RAW_CALLOC -> {
                arity(ann, args, 1, pyName() + "(size)");
                integer(ann, args.get(0), "the size");
                yield new SomeAddress();
            }
            case RAW_FREE -> {
                arity(ann, args, 1, "raw_free(adr)");
                address(ann, args.get(0), "the address");
                yield new SomeNone();
            }
            case RAW_MEMCOPY -> {
                arity(ann, args, 3, "raw_memcopy(src, dst, size)");
                address(ann, args.get(0), "the source");
                address(ann, args.get(1), "the destination");
                integer(ann, args.get(2), "the size");
                yield new SomeNone();
            }
            case RAW_MEMCLEAR -> {
                arity(ann, args, 2, "raw_memclear(adr, size)");
                address(ann, args.get(0), "the address");
                integer(ann, args.get(1), "the size");
                yield new SomeNone();
            }
            case CAST_PTR_TO_ADR -> {
                arity(ann, args, 1, "cast_ptr_to_adr(p)");
                if (!(args.get(0) instanceof SomePtr)) {
                    throw Annotator.error(ann, "cast_ptr_to_adr(p) takes a pointer, not " + Describe.article(args.get(0)));
                }
                yield new SomeAddress();
            }
            case CAST_ADR_TO_PTR -> {
                arity(ann, args, 2, "cast_adr_to_ptr(adr, PTRTYPE)");
                address(ann, args.get(0), "the address");
                yield new SomePtr(pointerType(ann, args.get(1)));
            }
            case CAST_ADR_TO_INT -> {
                arity(ann, args, 1, "cast_adr_to_int(adr)");
                address(ann, args.get(0), "the address");
                yield new SomeInteger();
            }
            case CAST_INT_TO_ADR -> {
                arity(ann, args, 1, "cast_int_to_adr(n)");
                integer(ann, args.get(0), "the word");
                yield new SomeAddress();
            }
            case SIZEOF, OFFSETOF, ITEMOFFSETOF -> sizes(ann, args);
            case DEBUG_GC_LOG -> logEntry(ann, args, 4, "debug_gc_log('kind', before, after, moved, nanos)");
            case DEBUG_GC_HEAP -> logEntry(ann, args, 3, "debug_gc_heap('event', a, b, c)");
            case LL_ASSERT -> {
                arity(ann, args, 2, "ll_assert(condition, 'message')");
                if (!(args.get(0) instanceof SomeBool)) {
                    throw Annotator.error(ann, "ll_assert's condition is a bool, not " + Describe.article(args.get(0)));
                }
                if (!(args.get(1) instanceof SomeString m && m.konst() != null)) {
                    throw Annotator.error(ann, "ll_assert's message is a constant string, not " + Describe.article(args.get(1)));
                }
                yield new SomeNone();
            }
            case LLSTR -> {
                arity(ann, args, 1, "llstr(s)");
                if (!(args.get(0) instanceof SomeString)) {
                    throw Annotator.error(ann, "llstr(s) takes a str, not " + Describe.article(args.get(0)));
                }
                yield new SomePtr(Strings.PTR);
            }
        };
    }

    /**
     * A size in translated code: a constant when every argument is one; {@code sizeof(T, n)} and
     * {@code itemoffsetof(T, n)} with n known only at run time are computed then (they are linear
     * in n: a fixed part and n items).
     */
    private SomeValue sizes(Annotator ann, List<SomeValue> args) {
        PyObject[] konst = args.stream().map(SomeValue::konst).toArray(PyObject[]::new);
        boolean lengthAtRunTime = this != OFFSETOF && args.size() == 2 && konst[1] == null;
        if (lengthAtRunTime) {
            integer(ann, args.get(1), "the number of items");
            konst[1] = PyInt.of(0);
        }
        for (PyObject k : konst) {
            if (k == null) {
                throw Annotator.error(ann, pyName + "() needs its type (and field name) known at translation time");
            }
        }
        long n;
        try {
            n = size(konst, pyName + "()");
        } catch (RuntimeException e) {
            throw Annotator.error(ann, e instanceof PyException p ? p.getMessage().replaceFirst("^TypeError: ", "") : e.getMessage());
        }
        return lengthAtRunTime ? new SomeInteger(true, false, null) : new SomeInteger(true, false, PyInt.of(n));
    }

    private void arity(Annotator ann, List<SomeValue> args, int n, String shape) {
        if (args.size() != n) {
            throw Annotator.error(ann, pyName + "() takes " + n + " argument" + (n == 1 ? "" : "s")
                    + ", not " + args.size() + ": " + shape);
        }
    }

    private void integer(Annotator ann, SomeValue s, String what) {
        if (!(s instanceof SomeInteger i && !i.unsigned() || s instanceof SomeBool)) {
            throw Annotator.error(ann, what + " given to llmemory." + pyName + "() is an int, not " + Describe.article(s));
        }
    }

    private void address(Annotator ann, SomeValue s, String what) {
        if (!(s instanceof SomeAddress)) {
            String hint = s instanceof SomePtr ? " (cast_ptr_to_adr(p) gives a pointer's address)"
                    : s instanceof SomeInteger ? " (cast_int_to_adr(n) reads a word as an address)" : "";
            throw Annotator.error(ann, what + " given to llmemory." + pyName + "() is an Address, not "
                    + Describe.article(s) + hint);
        }
    }

    private static Ptr pointerType(Annotator ann, SomeValue s) {
        if (s.konst() instanceof LowLevelTypeObject t && t.lowLevelType() instanceof Ptr p) {
            return p;
        }
        throw Annotator.error(ann, "cast_adr_to_ptr(adr, PTRTYPE) needs a pointer type known at translation time "
                + "(Ptr(T)), not " + Describe.article(s));
    }

    // ---- rtyping: the callee is argument 0 ----

    Value rtype(ContributedOp hop) {
        return switch (this) {
            case RAW_MALLOC -> hop.genop(LLOp.RAW_MALLOC, List.of(hop.inputarg(Primitive.SIGNED, 1)), Primitive.ADDRESS);
            case RAW_CALLOC -> hop.genop(LLOp.RAW_CALLOC, List.of(hop.inputarg(Primitive.SIGNED, 1)), Primitive.ADDRESS);
            case RAW_FREE -> {
                hop.genop(LLOp.RAW_FREE, List.of(hop.arg(1)), Primitive.VOID);
                yield hop.none();
            }
            case RAW_MEMCOPY -> {
                hop.genop(LLOp.RAW_MEMCOPY, List.of(hop.arg(1), hop.arg(2), hop.inputarg(Primitive.SIGNED, 3)), Primitive.VOID);
                yield hop.none();
            }
            case RAW_MEMCLEAR -> {
                hop.genop(LLOp.RAW_MEMCLEAR, List.of(hop.arg(1), hop.inputarg(Primitive.SIGNED, 2)), Primitive.VOID);
                yield hop.none();
            }
            case CAST_PTR_TO_ADR -> hop.genop(LLOp.CAST_PTR_TO_ADR, List.of(hop.arg(1)), Primitive.ADDRESS);
            case CAST_ADR_TO_PTR -> hop.genop(LLOp.CAST_ADR_TO_PTR, List.of(hop.arg(1)), hop.resultType());
            case CAST_ADR_TO_INT -> hop.genop(LLOp.CAST_ADR_TO_INT, List.of(hop.arg(1)), Primitive.SIGNED);
            case CAST_INT_TO_ADR -> hop.genop(LLOp.CAST_INT_TO_ADR, List.of(hop.inputarg(Primitive.SIGNED, 1)), Primitive.ADDRESS);
            case SIZEOF, OFFSETOF, ITEMOFFSETOF -> sizeAtRunTime(hop);
            case DEBUG_GC_LOG -> logEntry(hop, LLOp.DEBUG_GC_LOG);
            case DEBUG_GC_HEAP -> logEntry(hop, LLOp.DEBUG_GC_HEAP);
            case LL_ASSERT -> {
                String message = ((PyStr) hop.annotation(2).konst()).value();
                hop.genop(LLOp.DEBUG_ASSERT, List.of(hop.inputarg(Primitive.BOOL, 1), LLConstant.voidOf(message)), Primitive.VOID);
                yield hop.none();
            }
            case LLSTR -> hop.inputarg(Strings.PTR, 1);   // a str already is a Ptr(STR): nothing to do at run time
        };
    }

    /** {@code debug_gc_log} and {@code debug_gc_heap}: a constant string, then {@code words} words. */
    private SomeValue logEntry(Annotator ann, List<SomeValue> args, int words, String shape) {
        arity(ann, args, words + 1, shape);
        if (!(args.get(0) instanceof SomeString k && k.konst() != null)) {
            throw Annotator.error(ann, shape + ": the first argument is a constant string, not " + Describe.article(args.get(0)));
        }
        for (int i = 1; i <= words; i++) {
            integer(ann, args.get(i), "argument " + (i + 1));
        }
        return new SomeNone();
    }

    private static Value logEntry(ContributedOp hop, LLOp op) {
        List<Value> operands = new ArrayList<>();
        operands.add(LLConstant.voidOf(((PyStr) hop.annotation(1).konst()).value()));
        for (int i = 2; i < hop.nargs(); i++) {
            operands.add(hop.inputarg(Primitive.SIGNED, i));
        }
        hop.genop(op, operands, Primitive.VOID);
        return hop.none();
    }

    /** A constant size, or for a length known only at run time: the fixed part plus n times the item size. */
    private Value sizeAtRunTime(ContributedOp hop) {
        if (hop.resultAnnotation().konst() instanceof PyInt k) {
            return LLConstant.signed(k.longValue());
        }
        long base = size(new PyObject[] {hop.constant(1), PyInt.of(0)}, pyName + "()");
        long item = size(new PyObject[] {hop.constant(1), PyInt.of(1)}, pyName + "()") - base;
        Value scaled = hop.genop(LLOp.INT_MUL, List.of(hop.inputarg(Primitive.SIGNED, 2), LLConstant.signed(item)), Primitive.SIGNED);
        return hop.genop(LLOp.INT_ADD, List.of(LLConstant.signed(base), scaled), Primitive.SIGNED);
    }
}
