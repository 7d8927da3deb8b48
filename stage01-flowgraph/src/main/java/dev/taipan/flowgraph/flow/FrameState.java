package dev.taipan.flowgraph.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything the flow space knows about a frame at the start of an instruction: the values of
 * the fast locals (null: unbound), the value stack, the exception being handled (for a bare
 * {@code raise}; {@link Constant#NONE} when none) and the instruction's offset. Nothing else:
 * Taipan's bytecode has a static exception table instead of a block stack, and duplicated
 * {@code finally} bodies instead of "why are we here" flags, so two frames at the same offset
 * with the same values behave the same.
 *
 * <p><b>Union.</b> When control reaches an offset a second time (a loop header, the end of an
 * if/else), the flow space must decide whether it has seen this state before. {@link #union}
 * keeps what the two states agree on (the same constant in the same place stays a constant)
 * and generalises everything else to a fresh {@link Variable}. Each place can only go from
 * constant to variable once, so a loop is re-interpreted at most a few times before its state
 * stops changing: the fixpoint. The exception is the iterator of an {@code unrolling_iterable}
 * (PyPy's SpecTag): two different positions never merge, so that each iteration gets its own
 * copy of the loop body.
 */
public final class FrameState {
    final Value[] locals;
    final Value[] stack;
    final Value handled;
    final int pc;
    /** The locals' names (shared by all states of one code): block arguments are named after them. */
    final String[] names;

    /**
     * A state at offset {@code pc}: {@code locals[i]} is the value of the local {@code names[i]}
     * (null: unbound), {@code stack} the value stack, bottom first. The arrays are not copied.
     */
    public FrameState(String[] names, Value[] locals, Value[] stack, Value handled, int pc) {
        this.names = names;
        this.locals = locals;
        this.stack = stack;
        this.handled = handled;
        this.pc = pc;
    }

    /** Signals two states that must never merge (different stack depths, different unrolling positions). */
    public static final class UnionError extends Exception {
        public UnionError() {
            super(null, null, false, false);
        }
    }

    // Read access for code outside the flow space (a union written for the exercises).

    /** The number of local slots; {@link #local} and {@link #localName} take 0 to this minus one. */
    public int nlocals() {
        return locals.length;
    }

    /** The value of local slot {@code i}, or null when the local is unbound. */
    public Value local(int i) {
        return locals[i];
    }

    /** The name of local slot {@code i}. */
    public String localName(int i) {
        return names[i];
    }

    /** The locals' names, shared by every state of one function: pass them on to a new state. */
    public String[] names() {
        return names;
    }

    /** The depth of the value stack. */
    public int depth() {
        return stack.length;
    }

    /** Stack slot {@code i}, counted from the bottom. */
    public Value stackItem(int i) {
        return stack[i];
    }

    /** The exception being handled ({@link Constant#NONE} when none). */
    public Value handled() {
        return handled;
    }

    /** The offset of the instruction this state is at. */
    public int pc() {
        return pc;
    }

    private void forEachSlot(java.util.function.Consumer<Value> f) {
        for (Value v : locals) {
            f.accept(v);
        }
        for (Value v : stack) {
            f.accept(v);
        }
        f.accept(handled);
    }

    /** The variables of this state, one per slot that holds a variable: a block's input arguments. */
    List<Variable> getVariables() {
        List<Variable> out = new ArrayList<>();
        forEachSlot(v -> {
            if (v instanceof Variable var) {
                out.add(var);
            }
        });
        return out;
    }

    /** The same state with a fresh variable in every variable slot (the input arguments of a new block). */
    FrameState copy() {
        Value[] l = new Value[locals.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = locals[i] instanceof Variable ? new Variable(names[i]) : locals[i];
        }
        Value[] s = new Value[stack.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = stack[i] instanceof Variable v ? v.copy() : stack[i];
        }
        return new FrameState(names, l, s, handled instanceof Variable v ? v.copy() : handled, pc);
    }

    /**
     * What a link from a block in this state passes to a block that starts in {@code target}:
     * for every variable slot of {@code target}, this state's value there.
     */
    List<Value> getOutputArgs(FrameState target) {
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < target.locals.length; i++) {
            if (target.locals[i] instanceof Variable) {
                out.add(locals[i]);
            }
        }
        for (int i = 0; i < target.stack.length; i++) {
            if (target.stack[i] instanceof Variable) {
                out.add(stack[i]);
            }
        }
        if (target.handled instanceof Variable) {
            out.add(handled);
        }
        return out;
    }

    /** Whether {@code this} is at least as general as {@code other}: a block in this state can take {@code other}. */
    public boolean matches(FrameState other) {
        return pc == other.pc && stack.length == other.stack.length
                && matchAll(locals, other.locals) && matchAll(stack, other.stack) && matchOne(handled, other.handled);
    }

    private static boolean matchAll(Value[] a, Value[] b) {
        for (int i = 0; i < a.length; i++) {
            if (!matchOne(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchOne(Value mine, Value other) {
        if (mine == null) {
            return true;           // unbound here: whatever the other path has is never read
        }
        if (mine instanceof Variable) {
            return other != null;
        }
        return mine.equals(other);
    }

    /**
     * The most precise state that both {@code this} and {@code other} are instances of (the
     * reference for {@link Exercised#FRAMESTATE_UNION}).
     */
    public FrameState union(FrameState other) throws UnionError {
        if (stack.length != other.stack.length || pc != other.pc) {
            throw new UnionError();
        }
        Value[] l = new Value[locals.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = unionOne(locals[i], other.locals[i]);
            if (l[i] instanceof Variable && !(l[i] == locals[i])) {
                l[i] = new Variable(names[i]);
            }
        }
        Value[] s = new Value[stack.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = unionOne(stack[i], other.stack[i]);
            if (s[i] == null) {
                throw new UnionError();
            }
        }
        Value h = unionOne(handled, other.handled);
        return new FrameState(names, l, s, h == null ? Constant.NONE : h, pc);
    }

    private static Value unionOne(Value a, Value b) throws UnionError {
        if (a == null || b == null) {
            return null;
        }
        if (a.equals(b)) {
            return a;
        }
        if (a instanceof Constant(UnrollingIterator x) || b instanceof Constant(UnrollingIterator y)) {
            throw new UnionError();
        }
        Variable named = a instanceof Variable v ? v : b instanceof Variable w ? w : null;
        return named != null ? named.copy() : new Variable();
    }

    @Override
    public String toString() {
        return "FrameState(pc=" + pc + ", locals=" + Arrays.toString(locals) + ", stack=" + Arrays.toString(stack) + ")";
    }
}
