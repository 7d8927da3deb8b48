package dev.taipan.flowgraph.bytecode;

/**
 * Taipan's stack bytecode: the one instruction set read by the host interpreter, the flow space
 * and, in stage 07, the Python VM written in RPy.
 *
 * <p><b>Encoding.</b> Every instruction is exactly four bytes: the opcode, then a 24-bit unsigned
 * argument, little-endian (0 when the instruction takes none). Fixed width means no
 * EXTENDED_ARG, no iterative assembly, and a program counter that is just {@code pc += 4}.
 * Jump arguments are <em>absolute byte offsets</em> into the code.
 *
 * <p><b>Model.</b> CPython 3.11's, simplified: an operand stack per frame; fast locals by index;
 * cells (cellvars then freevars) by index; names by index into {@code names}; exceptions through
 * a static exception table (see {@link ExceptionEntry}) rather than a run-time block stack, so
 * the state of a frame is only its locals and its stack, which is exactly what the flow space
 * merges. {@code finally} bodies are duplicated by the compiler on every exit path.
 *
 * <p>The stack comments read {@code before -> after}, top of stack on the right.
 */
public enum Opcode {
    // ---- stack
    /** {@code ->}. */
    NOP(Arg.NONE, 0),
    /** {@code x ->}. */
    POP_TOP(Arg.NONE, -1),
    /** {@code ... x(n) ... -> ... x(n) ... x(n)}: push a copy of the n-th item (1 = top). */
    COPY(Arg.COUNT, 1),
    /** {@code x(n) ... top -> top ... x(n)}: exchange the top with the n-th item (n >= 2). */
    SWAP(Arg.COUNT, 0),

    // ---- constants and variables
    /** {@code -> consts[arg]}. */
    LOAD_CONST(Arg.CONST, 1),
    /** {@code -> varnames[arg]}; UnboundLocalError when unset. */
    LOAD_FAST(Arg.LOCAL, 1),
    /** {@code v ->}. */
    STORE_FAST(Arg.LOCAL, -1),
    /** {@code ->}. */
    DELETE_FAST(Arg.LOCAL, 0),
    /** {@code -> cell.contents} of cell {@code arg} (cellvars, then freevars). */
    LOAD_DEREF(Arg.CELL, 1),
    /** {@code v ->}. */
    STORE_DEREF(Arg.CELL, -1),
    /** {@code ->}. */
    DELETE_DEREF(Arg.CELL, 0),
    /** {@code -> cell}: the cell object itself, to build a closure. */
    LOAD_CLOSURE(Arg.CELL, 1),
    /** {@code ->}: put a fresh empty cell in slot {@code arg} (an inlined comprehension's cell). */
    MAKE_CELL(Arg.CELL, 0),
    /** {@code -> v}: in a class body, the namespace first, then cell {@code arg}. */
    LOAD_CLASSDEREF(Arg.CELL, 1),
    /** {@code -> v}: globals, then builtins. */
    LOAD_GLOBAL(Arg.NAME, 1),
    /** {@code v ->}. */
    STORE_GLOBAL(Arg.NAME, -1),
    /** {@code ->}. */
    DELETE_GLOBAL(Arg.NAME, 0),
    /** {@code -> v}: module and class bodies: locals namespace, globals, builtins. */
    LOAD_NAME(Arg.NAME, 1),
    /** {@code v ->}. */
    STORE_NAME(Arg.NAME, -1),
    /** {@code ->}. */
    DELETE_NAME(Arg.NAME, 0),

    // ---- attributes and items
    /** {@code obj -> obj.name}. */
    LOAD_ATTR(Arg.NAME, 0),
    /** {@code v obj ->}: {@code obj.name = v}. */
    STORE_ATTR(Arg.NAME, -2),
    /** {@code obj ->}. */
    DELETE_ATTR(Arg.NAME, -1),
    /**
     * {@code obj -> callable self}: a method lookup without a bound-method object. When the
     * type has a plain function {@code name}, pushes it and {@code obj}; otherwise pushes
     * {@code getattr(obj, name)} and NULL. Always followed by {@link #CALL_METHOD}.
     */
    LOAD_METHOD(Arg.NAME, 1),
    /** {@code obj key -> obj[key]}. */
    BINARY_SUBSCR(Arg.NONE, -1),
    /** {@code v obj key ->}: {@code obj[key] = v}. */
    STORE_SUBSCR(Arg.NONE, -3),
    /** {@code obj key ->}. */
    DELETE_SUBSCR(Arg.NONE, -2),
    /** {@code start stop -> slice} (arg 2) or {@code start stop step -> slice} (arg 3). */
    BUILD_SLICE(Arg.COUNT, 0),

    // ---- operators
    /** {@code v -> op v}; arg is a {@code UnaryOperator} ordinal (pos, neg, invert, not). */
    UNARY_OP(Arg.OPERATOR, 0),
    /**
     * {@code a b -> a op b}; arg is an {@code Operator} ordinal, plus {@link #INPLACE} for the
     * augmented-assignment form ({@code +=} tries {@code __iadd__} first).
     */
    BINARY_OP(Arg.OPERATOR, -1),
    /** {@code a b -> a op b}; arg is a {@code CmpOperator} ordinal (==, !=, <, ..., is, in...). */
    COMPARE_OP(Arg.OPERATOR, -1),

    // ---- control flow
    /** {@code ->}: continue at {@code arg}. */
    JUMP(Arg.JUMP, 0),
    /** {@code v ->}: jump when {@code v} is false. */
    POP_JUMP_IF_FALSE(Arg.JUMP, -1),
    /** {@code v ->}: jump when {@code v} is true. */
    POP_JUMP_IF_TRUE(Arg.JUMP, -1),
    /** {@code v -> v} and jump when false, else {@code v ->} ({@code and}). */
    JUMP_IF_FALSE_OR_POP(Arg.JUMP, -1),
    /** {@code v -> v} and jump when true, else {@code v ->} ({@code or}). */
    JUMP_IF_TRUE_OR_POP(Arg.JUMP, -1),
    /** {@code obj -> iter(obj)}. */
    GET_ITER(Arg.NONE, 0),
    /** {@code it -> it next(it)}; when exhausted {@code it ->} and jump to {@code arg}. */
    FOR_ITER(Arg.JUMP, 1),
    /** {@code v ->}: return {@code v} from the frame. */
    RETURN_VALUE(Arg.NONE, -1),

    // ---- calls and definitions
    /** {@code f a1 .. an -> f(a1, .., an)}. */
    CALL(Arg.COUNT, 0),
    /**
     * {@code f a1 .. an kwnames -> result}: {@code kwnames} is a constant tuple of k names; the
     * last k of the n arguments are passed by keyword under those names.
     */
    CALL_KW(Arg.COUNT, 0),
    /** {@code callable self-or-NULL a1 .. an -> result}, after {@link #LOAD_METHOD}. */
    CALL_METHOD(Arg.COUNT, 0),
    /**
     * {@code f args -> f(*args)} (arg 0), {@code f args kwargs -> f(*args, **kwargs)} (arg 1), or
     * {@code f a1 .. an rest -> f(a1, .., an, *rest)} (arg {@code 2 | n << 2}: the common shape,
     * its positional arguments kept apart so that the flow space knows their number).
     */
    CALL_EX(Arg.FLAGS, 0),
    /**
     * {@code [defaults] [kwdefaults] [closure] code -> function}. Flag 1: a tuple of positional
     * defaults; 2: a dict of keyword-only defaults; 8: a tuple of cells.
     */
    MAKE_FUNCTION(Arg.FLAGS, 0),
    /**
     * {@code -> __build_class__}; called as {@code __build_class__(body_fn, name, *bases, **kw)}.
     * {@code body_fn}'s code is a class body (no FUNCTION flag): {@code __build_class__} runs it
     * with a fresh namespace as its locals. When a method uses {@code super()} or
     * {@code __class__}, the body has the cellvar {@code __class__}, stores that cell in the
     * namespace as {@code __classcell__} and returns it; {@code __build_class__} then sets the
     * cell to the new class and removes {@code __classcell__} from the namespace.
     */
    LOAD_BUILD_CLASS(Arg.NONE, 1),

    // ---- containers
    /** {@code a1 .. an -> (a1, .., an)}. */
    BUILD_TUPLE(Arg.COUNT, 1),
    /** {@code a1 .. an -> [a1, .., an]}. */
    BUILD_LIST(Arg.COUNT, 1),
    /** {@code a1 .. an -> {a1, .., an}}. */
    BUILD_SET(Arg.COUNT, 1),
    /** {@code k1 v1 .. kn vn -> {k1: v1, ..}}. */
    BUILD_MAP(Arg.COUNT, 1),
    /** {@code list ... v -> list ...}: append {@code v} to the list {@code arg} below it. */
    LIST_APPEND(Arg.COUNT, -1),
    /** {@code set ... v -> set ...}. */
    SET_ADD(Arg.COUNT, -1),
    /** {@code dict ... k v -> dict ...}. */
    MAP_ADD(Arg.COUNT, -2),
    /** {@code list ... it -> list ...}: {@code list.extend(it)}. */
    LIST_EXTEND(Arg.COUNT, -1),
    /** {@code set ... it -> set ...}. */
    SET_UPDATE(Arg.COUNT, -1),
    /** {@code dict ... m -> dict ...}: {@code dict.update(m)}. */
    DICT_UPDATE(Arg.COUNT, -1),
    /** Like DICT_UPDATE, but a repeated key is a TypeError (keyword arguments of a call). */
    DICT_MERGE(Arg.COUNT, -1),
    /** {@code list -> tuple(list)}. */
    LIST_TO_TUPLE(Arg.NONE, 0),
    /** {@code seq -> vn .. v1}: v1 ends on top, ready to be stored first. */
    UNPACK_SEQUENCE(Arg.COUNT, 0),
    /** {@code seq -> ...}: starred unpacking; arg = before | after << 8. */
    UNPACK_EX(Arg.COUNT, 0),

    // ---- f-strings
    /**
     * {@code v -> str} or {@code v spec -> str}: arg low two bits are the conversion
     * (0 none, 1 str, 2 repr, 3 ascii), bit 4 says a format spec is on the stack.
     */
    FORMAT_VALUE(Arg.FLAGS, 0),
    /** {@code s1 .. sn -> s1 + .. + sn}. */
    BUILD_STRING(Arg.COUNT, 1),

    // ---- exceptions
    /**
     * {@code exc -> prev exc}: first instruction of a handler; {@code exc} becomes the exception
     * being handled (bare {@code raise}, {@code __context__}), {@code prev} is saved under it.
     */
    PUSH_EXC_INFO(Arg.NONE, 1),
    /** {@code prev ->}: end of a handler; {@code prev} is again the exception being handled. */
    POP_EXCEPT(Arg.NONE, -1),
    /** {@code exc type -> exc bool}: does {@code exc} match the class or tuple {@code type}? */
    CHECK_EXC_MATCH(Arg.NONE, 0),
    /** {@code exc ->}: raise {@code exc} again, keeping its traceback. */
    RERAISE(Arg.NONE, -1),
    /** {@code ->} (re-raise), {@code exc ->}, or {@code exc cause ->}: arg is 0, 1 or 2. */
    RAISE_VARARGS(Arg.COUNT, 0),
    /** {@code -> AssertionError}, immune to a user's global of that name. */
    LOAD_ASSERTION_ERROR(Arg.NONE, 1),

    // ---- with
    /** {@code mgr -> exit enter_result}: {@code exit} is {@code mgr.__exit__}, bound. */
    BEFORE_WITH(Arg.NONE, 1),
    /** {@code exit prev exc -> exit prev exc res}: {@code res = exit(type(exc), exc, tb)}. */
    WITH_EXCEPT_START(Arg.NONE, 1),

    // ---- generators
    /** {@code v -> sent}: suspend the generator, yielding {@code v}. */
    YIELD_VALUE(Arg.NONE, 0),
    /** {@code obj -> iter}: {@code iter(obj)}, or obj itself if it is a generator. */
    GET_YIELD_FROM_ITER(Arg.NONE, 0),
    /**
     * {@code it v -> result}: send {@code v} into {@code it}; while it yields, this generator
     * yields the same value and re-executes this instruction with the value sent back.
     */
    YIELD_FROM(Arg.NONE, -1),

    // ---- imports
    /** {@code level fromlist -> module}. */
    IMPORT_NAME(Arg.NAME, -1),
    /** {@code module -> module module.name}. */
    IMPORT_FROM(Arg.NAME, 1),
    /** {@code module ->}: copy the public names into the current namespace. */
    IMPORT_STAR(Arg.NONE, -1);

    /** Added to a BINARY_OP argument for the in-place form ({@code +=} etc.). */
    public static final int INPLACE = 16;

    /** Size in bytes of every instruction. */
    public static final int SIZE = 4;

    /** What the 24-bit argument means; the disassembler uses it to annotate. */
    public enum Arg {
        NONE, CONST, LOCAL, CELL, NAME, JUMP, COUNT, OPERATOR, FLAGS
    }

    private static final Opcode[] VALUES = values();

    private final Arg arg;
    private final int fixedEffect;

    Opcode(Arg arg, int fixedEffect) {
        this.arg = arg;
        this.fixedEffect = fixedEffect;
    }

    public Arg arg() {
        return arg;
    }

    public boolean isJump() {
        return arg == Arg.JUMP;
    }

    /** Unconditional transfers: nothing after them runs in sequence. */
    public boolean endsBlock() {
        return this == JUMP || this == RETURN_VALUE || this == RERAISE || this == RAISE_VARARGS;
    }

    public static Opcode of(int code) {
        return VALUES[code];
    }

    /**
     * Net stack effect of one execution. For jumps, {@code jumping} selects the effect on the
     * jump edge (FOR_ITER pops its iterator when it jumps; the OR_POP jumps keep the value).
     */
    public int stackEffect(int oparg, boolean jumping) {
        return switch (this) {
            case FOR_ITER -> jumping ? -1 : 1;
            case JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP -> jumping ? 0 : -1;
            case CALL -> -oparg;
            case CALL_KW, CALL_METHOD -> -oparg - 1;
            case CALL_EX -> (oparg & 2) != 0 ? -(oparg >> 2) - 1 : (oparg & 1) != 0 ? -2 : -1;
            case MAKE_FUNCTION -> -Integer.bitCount(oparg & 0b1011);
            case BUILD_TUPLE, BUILD_LIST, BUILD_SET -> 1 - oparg;
            case BUILD_MAP -> 1 - 2 * oparg;
            case BUILD_STRING -> 1 - oparg;
            case BUILD_SLICE -> 1 - oparg;
            case UNPACK_SEQUENCE -> oparg - 1;
            case UNPACK_EX -> (oparg & 0xff) + (oparg >> 8);
            case FORMAT_VALUE -> (oparg & 4) != 0 ? -1 : 0;
            case RAISE_VARARGS -> -oparg;
            default -> fixedEffect;
        };
    }
}
