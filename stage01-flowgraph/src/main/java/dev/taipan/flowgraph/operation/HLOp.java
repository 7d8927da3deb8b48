package dev.taipan.flowgraph.operation;

import static dev.taipan.flowgraph.operation.HLOp.Effect.ARITHMETIC;
import static dev.taipan.flowgraph.operation.HLOp.Effect.BUILDS;
import static dev.taipan.flowgraph.operation.HLOp.Effect.CHECKED;
import static dev.taipan.flowgraph.operation.HLOp.Effect.EFFECT;
import static dev.taipan.flowgraph.operation.HLOp.Effect.NEVER_RAISES;

import dev.taipan.flowgraph.host.HostSpace;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.syntax.Ast;

/**
 * The catalogue of high-level operations: everything a flow graph can ask of a Python object,
 * one entry each, under PyPy's names (its {@code flowspace/operation.py}). Each entry knows
 * its arity, whether the flow space may fold it on constants, whether it may raise, whether it
 * may be dropped when its result is unread, and how it runs on host objects (through
 * {@link HostSpace}, so that neither the flow space nor the graph interpreter re-implements
 * Python).
 *
 * <p>This is the one place an operation name is spelled. The flow space records entries of
 * this enum, constant folding and the graph interpreter run {@link #apply}, the annotator's
 * typing rules and the rtyper's translation rules are {@code switch}es over it (the compiler
 * then says when a new operation has no rule), and pictures print {@link #opname()}.
 *
 * <p>Calls ({@code simple_call}, {@code call_args}) are in the catalogue but have no host
 * implementation here: how a call runs is the caller's business (the graph interpreter runs a
 * function through its flow graph, not its bytecode).
 */
public enum HLOp implements Op {
    // Binary operators, in the order of Ast.Operator (x + y, x - y, ...).
    ADD("add", Ast.Operator.ADD, ARITHMETIC),
    SUB("sub", Ast.Operator.SUB, ARITHMETIC),
    MUL("mul", Ast.Operator.MULT, ARITHMETIC),
    MATMUL("matmul", Ast.Operator.MATMULT, CHECKED),
    TRUEDIV("truediv", Ast.Operator.DIV, CHECKED),
    MOD("mod", Ast.Operator.MOD, CHECKED),
    POW("pow", Ast.Operator.POW, CHECKED),
    LSHIFT("lshift", Ast.Operator.LSHIFT, CHECKED),
    RSHIFT("rshift", Ast.Operator.RSHIFT, CHECKED),
    OR_("or_", Ast.Operator.BITOR, ARITHMETIC),
    XOR("xor", Ast.Operator.BITXOR, ARITHMETIC),
    AND_("and_", Ast.Operator.BITAND, ARITHMETIC),
    FLOORDIV("floordiv", Ast.Operator.FLOORDIV, CHECKED),

    // x += y: the same operators, allowed to change x in place (a list's +=).
    INPLACE_ADD("inplace_add", Ast.Operator.ADD),
    INPLACE_SUB("inplace_sub", Ast.Operator.SUB),
    INPLACE_MUL("inplace_mul", Ast.Operator.MULT),
    INPLACE_MATMUL("inplace_matmul", Ast.Operator.MATMULT),
    INPLACE_TRUEDIV("inplace_truediv", Ast.Operator.DIV),
    INPLACE_MOD("inplace_mod", Ast.Operator.MOD),
    INPLACE_POW("inplace_pow", Ast.Operator.POW),
    INPLACE_LSHIFT("inplace_lshift", Ast.Operator.LSHIFT),
    INPLACE_RSHIFT("inplace_rshift", Ast.Operator.RSHIFT),
    INPLACE_OR("inplace_or", Ast.Operator.BITOR),
    INPLACE_XOR("inplace_xor", Ast.Operator.BITXOR),
    INPLACE_AND("inplace_and", Ast.Operator.BITAND),
    INPLACE_FLOORDIV("inplace_floordiv", Ast.Operator.FLOORDIV),

    // Comparisons, in the order of Ast.CmpOperator.
    EQ("eq", Ast.CmpOperator.EQ, ARITHMETIC),
    NE("ne", Ast.CmpOperator.NOTEQ, ARITHMETIC),
    LT("lt", Ast.CmpOperator.LT, ARITHMETIC),
    LE("le", Ast.CmpOperator.LTE, ARITHMETIC),
    GT("gt", Ast.CmpOperator.GT, ARITHMETIC),
    GE("ge", Ast.CmpOperator.GTE, ARITHMETIC),
    IS_("is_", Ast.CmpOperator.IS, NEVER_RAISES),
    IS_NOT("is_not", Ast.CmpOperator.ISNOT, NEVER_RAISES),
    /** {@code item in container}, with the container first as in Python's {@code operator.contains}. */
    CONTAINS("contains", 2, CHECKED, a -> HostSpace.contains(a[0], a[1])),

    // Unary operators, in the order of Ast.UnaryOperator.
    POS("pos", Ast.UnaryOperator.UADD, ARITHMETIC),
    NEG("neg", Ast.UnaryOperator.USUB, ARITHMETIC),
    INVERT("invert", Ast.UnaryOperator.INVERT, ARITHMETIC),
    NOT_("not_", Ast.UnaryOperator.NOT, NEVER_RAISES),
    /** The truth of a value: what a branch tests. */
    BOOL("bool", 1, NEVER_RAISES, a -> HostSpace.truth(a[0])),

    // Attributes and items.
    GETATTR("getattr", 2, EFFECT, a -> HostSpace.getattr(a[0], a[1])),
    SETATTR("setattr", 3, EFFECT, a -> HostSpace.setattr(a[0], a[1], a[2])),
    DELATTR("delattr", 2, EFFECT, a -> HostSpace.delattr(a[0], a[1])),
    GETITEM("getitem", 2, CHECKED, a -> HostSpace.getitem(a[0], a[1])),
    SETITEM("setitem", 3, EFFECT, a -> HostSpace.setitem(a[0], a[1], a[2])),
    DELITEM("delitem", 2, EFFECT, a -> HostSpace.delitem(a[0], a[1])),

    // Iteration: next raises StopIteration at the end, which the flow space follows.
    ITER("iter", 1, EFFECT, a -> HostSpace.iter(a[0])),
    NEXT("next", 1, EFFECT, a -> HostSpace.next(a[0])),

    // Builtin protocols the bytecode reaches without a call (f-strings, len() folded, ...).
    LEN("len", 1, CHECKED, a -> HostSpace.len(a[0])),
    HASH("hash", 1, CHECKED, a -> HostSpace.hash(a[0])),
    STR("str", 1, CHECKED, a -> HostSpace.strOf(a[0])),
    REPR("repr", 1, CHECKED, a -> HostSpace.reprOf(a[0])),
    ASCII("ascii", 1, CHECKED, a -> HostSpace.asciiOf(a[0])),
    /** {@code format(value, spec)}: an f-string's {@code {x:>8}}. */
    FORMAT("format", 2, CHECKED, a -> HostSpace.format(a[0], a[1])),
    TYPE("type", 1, NEVER_RAISES, a -> a[0].type()),

    // Building containers: a new object each time, so never folded (it may be changed).
    NEWLIST("newlist", VARIADIC, BUILDS, HostSpace::newlist),
    /** A tuple is immutable: a tuple of constants folds to a constant tuple. */
    NEWTUPLE("newtuple", VARIADIC, NEVER_RAISES, HostSpace::newtuple),
    /** Keys and values alternate: {@code newdict(k1, v1, k2, v2)}. */
    NEWDICT("newdict", VARIADIC, BUILDS, HostSpace::newdict),
    NEWSET("newset", VARIADIC, BUILDS, HostSpace::newset),
    /** {@code lst[start:stop:step]}'s slice object, only ever used as an index. */
    NEWSLICE("newslice", 3, BUILDS, a -> HostSpace.newslice(a[0], a[1], a[2])),

    // Exceptions and copies.
    /** Whether an exception class matches an {@code except} clause's class (or tuple of classes). */
    EXCEPTION_MATCH("exception_match", 2, NEVER_RAISES, a -> HostSpace.exceptionMatch(a[0], a[1])),
    /** A copy of a variable: later passes introduce it (the rtyper's conversions), simplification removes it. */
    SAME_AS("same_as", 1, BUILDS, a -> a[0]),

    // Calls: f(args...) and f(args..., name=value, *rest) with a CallShape constant second.
    SIMPLE_CALL("simple_call", VARIADIC, EFFECT, null),
    CALL_ARGS("call_args", VARIADIC, EFFECT, null);

    /**
     * What an operation may do besides computing its result. The five kinds decide folding,
     * exception links and dead-code removal together, so that they cannot disagree.
     */
    enum Effect {
        /**
         * A value from the arguments and nothing else ({@code x + y}, {@code x < y}): folds
         * on constants and is dropped when unread. It raises only on arguments of the wrong
         * type, which annotated RPy never passes (PyPy's assumption too).
         */
        ARITHMETIC(true, true, false),
        /**
         * A value that raises for some arguments of the right type ({@code x // 0},
         * {@code lst[99]}, {@code d[k]}, {@code 1 << -1}): folds, but is kept when unread,
         * since the exception is part of what the program means.
         */
        CHECKED(true, true, true),
        /** Cannot raise and has no effect ({@code x is y}, {@code not x}, a tuple): folds, and goes when unread. */
        NEVER_RAISES(true, false, false),
        /** A new object each time ({@code [a, b]}): never folds (the object may change), goes when unread. */
        BUILDS(false, false, false),
        /** Reads or changes state, or runs user code ({@code obj.x = v}, a call): never folds, never goes. */
        EFFECT(false, true, true);

        final boolean pure;
        final boolean canRaise;
        final boolean sideEffects;

        Effect(boolean pure, boolean canRaise, boolean sideEffects) {
            this.pure = pure;
            this.canRaise = canRaise;
            this.sideEffects = sideEffects;
        }
    }

    private static final HLOp[] BINARY = new HLOp[Ast.Operator.values().length];
    private static final HLOp[] INPLACE = new HLOp[Ast.Operator.values().length];
    private static final HLOp[] COMPARE = new HLOp[Ast.CmpOperator.values().length];
    private static final HLOp[] UNARY = new HLOp[Ast.UnaryOperator.values().length];

    static {
        for (HLOp op : values()) {
            switch (op.source) {
                case Ast.Operator o when op.name().startsWith("INPLACE_") -> INPLACE[o.ordinal()] = op;
                case Ast.Operator o -> BINARY[o.ordinal()] = op;
                case Ast.CmpOperator c -> COMPARE[c.ordinal()] = op;
                case Ast.UnaryOperator u -> UNARY[u.ordinal()] = op;
                case null, default -> { }
            }
        }
    }

    private final String opname;
    private final int arity;
    private final Effect effect;
    private final HostImpl host;
    private final Enum<?> source;

    HLOp(String opname, int arity, Effect effect, HostImpl host) {
        this(opname, arity, effect, host, null);
    }

    HLOp(String opname, Ast.Operator o, Effect effect) {
        this(opname, 2, effect, a -> HostSpace.binary(o, a[0], a[1]), o);
    }

    /** An in-place operator: it may change its first argument, so it is an effect. */
    HLOp(String opname, Ast.Operator o) {
        this(opname, 2, EFFECT, a -> HostSpace.inplace(o, a[0], a[1]), o);
    }

    HLOp(String opname, Ast.CmpOperator c, Effect effect) {
        this(opname, 2, effect, a -> HostSpace.compare(c, a[0], a[1]), c);
    }

    HLOp(String opname, Ast.UnaryOperator u, Effect effect) {
        this(opname, 1, effect, a -> HostSpace.unary(u, a[0]), u);
    }

    /** {@code source}: the syntax the operation comes from, to find it by ({@link #binary}, ...). */
    HLOp(String opname, int arity, Effect effect, HostImpl host, Enum<?> source) {
        this.opname = opname;
        this.arity = arity;
        this.effect = effect;
        this.host = host;
        this.source = source;
    }

    /** {@code a + b} or, with {@code inplace}, {@code a += b}. */
    public static HLOp binary(Ast.Operator o, boolean inplace) {
        return (inplace ? INPLACE : BINARY)[o.ordinal()];
    }

    /** {@code a == b}, ..., {@code a is not b}; not {@code in}, which is {@link #CONTAINS} with the arguments swapped. */
    public static HLOp compare(Ast.CmpOperator c) {
        HLOp op = COMPARE[c.ordinal()];
        if (op == null) {
            throw new IllegalArgumentException(c + " is not one operation (it is contains, maybe negated)");
        }
        return op;
    }

    public static HLOp unary(Ast.UnaryOperator u) {
        return UNARY[u.ordinal()];
    }

    /** For an in-place operator, the operator it defaults to ({@code inplace_add} to {@code add}); else itself. */
    public HLOp withoutInplace() {
        return source instanceof Ast.Operator o ? BINARY[o.ordinal()] : this;
    }

    public boolean isInplace() {
        return withoutInplace() != this;
    }

    /** The number of arguments, or {@link #VARIADIC}. */
    public int arity() {
        return arity;
    }

    @Override
    public String opname() {
        return opname;
    }

    @Override
    public boolean pure() {
        return effect.pure;
    }

    @Override
    public boolean canRaise() {
        return effect.canRaise;
    }

    @Override
    public boolean hasSideEffects() {
        return effect.sideEffects;
    }

    /** Whether {@link #apply} can run this operation (calls cannot: see the class comment). */
    public boolean hasHostImplementation() {
        return host != null;
    }

    /**
     * Runs the operation on host objects with exactly the host's semantics; Python errors come
     * out as {@link dev.taipan.flowgraph.host.PyException}. Must run where a host interpreter
     * is current.
     */
    public PyObject apply(PyObject... args) {
        if (host == null) {
            throw new UnsupportedOperationException(opname + " has no host implementation: the caller runs calls");
        }
        return host.apply(args);
    }

    @Override
    public String toString() {
        return opname;
    }
}
