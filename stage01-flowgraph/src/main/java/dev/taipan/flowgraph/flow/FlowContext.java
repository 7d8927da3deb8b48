package dev.taipan.flowgraph.flow;

import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.bytecode.ExceptionEntry;
import dev.taipan.flowgraph.bytecode.Opcode;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.HostSpace;
import dev.taipan.flowgraph.host.PyBool;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyType;
import dev.taipan.flowgraph.operation.HLOp;
import dev.taipan.flowgraph.syntax.Ast;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flow space's abstract interpreter for one function (PyPy's {@code FlowContext}): it runs
 * the function's bytecode on {@link Value}s instead of objects and writes down, block by
 * block, the operations it could not do now.
 *
 * <p><b>Blocks and join points.</b> Every block records exactly one instruction and then ends
 * with a link to the block for the next instruction's state, found by {@link #mergeblock}: each
 * offset keeps a list of candidate blocks ("spam blocks", each starting in a known
 * {@link FrameState}); a state that a candidate already covers links there; otherwise the
 * candidate is generalised ({@link FrameState#union}): it becomes a plain link to a new block
 * in the more general state, which is interpreted again. Loops thus reach a fixpoint, and the
 * graph is correct before it is pretty. The chains of one-instruction blocks are joined
 * afterwards by the simplification passes.
 *
 * <p><b>Forks and replay.</b> When an instruction needs a decision it cannot make — the truth
 * of a {@link Variable}, or whether an operation inside a {@code try} raised — the block ends
 * there: its exitswitch is the bool variable (or {@link Constant#LAST_EXCEPTION}) and it gets
 * one link per outcome to a new "egg" block. An egg block interprets the same instruction again
 * from the instruction's start, with the operations already recorded <em>replayed</em> (they
 * return the egg's own copies of their results instead of being recorded twice) and the
 * decision forced to its outcome. PyPy replays the whole block from its start
 * ({@code Recorder}/{@code Replayer}); since a frame state at an instruction boundary is the
 * whole truth about a Taipan frame, replaying one instruction is enough.
 *
 * <p><b>Exceptions.</b> An operation that may raise inside a {@code try} (the static exception
 * table covers its instruction) ends its block with {@link Constant#LAST_EXCEPTION}: a normal
 * exit, then an exception link whose {@code last_exception}/{@code last_exc_value} variables
 * carry the exception to the handler's block (the stack cut to the table's depth, the
 * exception pushed). Outside a {@code try}, an operation's exception simply leaves the
 * function: no link is drawn, exactly as in PyPy. An explicit {@code raise} is a plain link to
 * the handler's block, or to the graph's except block.
 */
final class FlowContext {
    private static final int MAX_BLOCKS = 200_000;

    private final PyFunction func;
    private final Code code;
    private final FunctionGraph graph;
    private final FlowOperations ops;
    private final FrameStateUnion union;
    private final HostInterpreter host;
    private final PyObject[] consts;
    private final int nlocals;
    private final String[] names;

    private final Map<Integer, List<SpamBlock>> joinpoints = new HashMap<>();
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final Set<Block> dead = Collections.newSetFromMap(new IdentityHashMap<>());
    private int blockCount;

    // ---- the state of the block being recorded
    private Block block;
    private Value[] locals;
    private ArrayList<Value> stack;
    private Value handled;
    private int pc;
    private int instrPc;
    private FrameState instrState;
    /** The results of the current instruction's operations so far, replayed ones included. */
    private final List<Variable> instrResults = new ArrayList<>();
    private Iterator<Variable> replay;
    private Outcome outcome;

    /** A block that starts at an instruction boundary in a known state: a join point. */
    private record SpamBlock(Block block, FrameState state) {}

    /** Work to do: record a spam block, or an egg block that replays one instruction. */
    private record Pending(Block block, FrameState state, List<Variable> replay, Outcome outcome) {}

    /** The decision an egg block forces when its replay reaches the fork. */
    private sealed interface Outcome {
        record Bool(boolean value) implements Outcome {}
        record Normal() implements Outcome {}
        record Raised(PyType exitcase, Variable etype, Variable evalue) implements Outcome {}
    }

    /** The instruction raised: {@code evalue} (an instance of {@code etype}) travels to a handler. */
    private static final class Raise extends RuntimeException {
        final Value etype;
        final Value evalue;
        final PyType exitcase;

        Raise(Value etype, Value evalue, PyType exitcase) {
            super(null, null, false, false);
            this.etype = etype;
            this.evalue = evalue;
            this.exitcase = exitcase;
        }
    }

    /** The current block is closed; interpret the next pending one. */
    private static final class StopFlowing extends RuntimeException {
        StopFlowing() {
            super(null, null, false, false);
        }
    }

    FlowContext(PyFunction func, FlowOperations ops, FrameStateUnion union) {
        this.func = func;
        this.code = func.code();
        this.ops = ops;
        this.union = union;
        this.host = ops.host();
        this.nlocals = code.varnames().size() + code.cellvars().size();
        this.consts = new PyObject[code.consts().size()];
        for (int i = 0; i < consts.length; i++) {
            consts[i] = HostSpace.constant(code.consts().get(i));
        }
        Value[] initial = new Value[nlocals];
        for (int i = 0; i < code.totalArgCount(); i++) {
            initial[i] = new Variable(code.varnames().get(i));
        }
        List<String> localNames = new ArrayList<>(code.varnames());
        localNames.addAll(code.cellvars());
        this.names = localNames.toArray(new String[0]);
        FrameState start = new FrameState(names, initial, new Value[0], Constant.NONE, 0);
        Block startblock = new Block(start.getVariables());
        this.graph = new FunctionGraph(code.qualname(), startblock, func, code);
        // As in PyPy, the start block is nobody's link target: it only passes the arguments on
        // to the first instruction's block, which a loop back to offset 0 may join. So the start
        // block's variables are exactly the function's parameters (the annotator reads the
        // signature there); simplification joins the two blocks when nothing loops back.
        SpamBlock first = newSpamBlock(start);
        joinpoints.computeIfAbsent(0, k -> new ArrayList<>()).add(first);
        startblock.closeblock(new Link(start.getOutputArgs(first.state()), first.block(), null));
    }

    FunctionGraph build() {
        if (code.hasFlag(Code.GENERATOR)) {
            throw error(code.firstLine(), "generator function " + code.qualname() + "() (it uses yield)",
                    "RPython has no generators: a translated function runs to completion. Build a list, "
                            + "or write an iterator class with __iter__/__next__ at import time.");
        }
        while (!pending.isEmpty()) {
            Pending p = pending.poll();
            if (dead.contains(p.block())) {
                continue;
            }
            if (++blockCount > MAX_BLOCKS) {
                throw error(code.firstLine(), "function " + code.qualname() + "() is too big to flow",
                        "the flow space gave up after " + MAX_BLOCKS + " blocks (an unrolled loop that never ends?)");
            }
            record(p);
        }
        return graph;
    }

    // ------------------------------------------------------------------ recording

    private void record(Pending p) {
        block = p.block();
        setState(p.state());
        replay = p.replay().iterator();
        outcome = p.outcome();
        try {
            instrPc = pc;
            instrState = p.state();
            instrResults.clear();
            try {
                step();
            } catch (Raise r) {
                raised(r);
                return;
            }
            mergeblock(getState());
        } catch (StopFlowing e) {
            // the block was closed by a fork, a return or a raise
        }
    }

    private void setState(FrameState s) {
        locals = s.locals.clone();
        stack = new ArrayList<>(List.of(s.stack));
        handled = s.handled;
        pc = s.pc;
    }

    private FrameState getState() {
        return new FrameState(names, locals.clone(), stack.toArray(new Value[0]), handled, pc);
    }

    /** Closes the current block with a link to the join point for {@code state} (see class comment). */
    private void mergeblock(FrameState state) {
        List<SpamBlock> candidates = joinpoints.computeIfAbsent(state.pc, k -> new ArrayList<>());
        for (int i = 0; i < candidates.size(); i++) {
            SpamBlock cand = candidates.get(i);
            if (cand.state().matches(state)) {
                close(new Link(state.getOutputArgs(cand.state()), cand.block(), null));
                return;
            }
            FrameState general;
            try {
                general = union.union(cand.state(), state);
            } catch (FrameState.UnionError e) {
                continue;
            }
            SpamBlock wider = newSpamBlock(general);
            candidates.set(i, wider);
            // the old candidate becomes a mere link to the more general block
            Block old = cand.block();
            dead.add(old);
            old.operations = new ArrayList<>();
            old.exitswitch = null;
            old.closeblock(new Link(cand.state().getOutputArgs(wider.state()), wider.block(), null));
            close(new Link(state.getOutputArgs(wider.state()), wider.block(), null));
            return;
        }
        SpamBlock fresh = newSpamBlock(state);
        candidates.add(fresh);
        close(new Link(state.getOutputArgs(fresh.state()), fresh.block(), null));
    }

    private SpamBlock newSpamBlock(FrameState state) {
        FrameState own = state.copy();
        Block b = new Block(own.getVariables());
        pending.add(new Pending(b, own, List.of(), null));
        return new SpamBlock(b, own);
    }

    /** Ends the current block with these exits; never returns (unwinds to {@link #record}). */
    private void close(Link... links) {
        for (Link l : links) {
            if (l.line == 0) {
                l.line = line();
            }
        }
        block.closeblock(links);
        throw new StopFlowing();
    }

    // ------------------------------------------------------------------ operations and forks

    private int line() {
        return code.lineAt(instrPc);
    }

    /** Records an operation (or, replaying, returns the result recorded before the fork). */
    private Variable recordOp(HLOp op, List<Value> args) {
        Variable result;
        if (replay.hasNext()) {
            result = replay.next();
        } else {
            result = new Variable();
            block.operations.add(new SpaceOperation(op, args, result, line(), code.columnsAt(instrPc)));
        }
        instrResults.add(result);
        return result;
    }

    /**
     * An operation, constant-folded when the flow space may do it now, else recorded; inside a
     * {@code try}, an operation that may raise ends the block with exception links.
     */
    Value op(HLOp op, Value... args) {
        List<Value> list = List.of(args);
        Value folded = ops.tryFold(op, list);
        if (folded != null) {
            return folded;
        }
        if (op.canRaise() && code.handlerFor(instrPc) != null) {
            return recordMayRaise(op, list, List.of(ops.baseException()));
        }
        return recordOp(op, list);
    }

    /**
     * Records an operation whose exceptions of the classes {@code cases} must be followed: the
     * block ends with {@link Constant#LAST_EXCEPTION}, one egg for the normal outcome and one
     * per case; the instruction sees {@link Raise} in the eggs of the exceptional outcomes.
     */
    private Variable recordMayRaise(HLOp op, List<Value> args, List<PyType> cases) {
        if (replay.hasNext()) {
            Variable r = recordOp(op, args);
            if (!replay.hasNext() && outcome instanceof Outcome.Normal) {
                outcome = null;
            }
            return r;
        }
        if (outcome instanceof Outcome.Raised(PyType exitcase, Variable etype, Variable evalue)) {
            outcome = null;
            throw new Raise(etype, evalue, exitcase);
        }
        Variable result = recordOp(op, args);
        block.exitswitch = Constant.LAST_EXCEPTION;
        List<Link> links = new ArrayList<>();
        links.add(egg(new Outcome.Normal(), true, null, null));
        for (PyType c : cases) {
            Variable etype = new Variable("last_exception");
            Variable evalue = new Variable("last_exc_value");
            Link l = egg(new Outcome.Raised(c, etype.copy(), evalue.copy()), false, etype, evalue);
            links.add(l);
        }
        close(links.toArray(new Link[0]));
        return null;   // not reached
    }

    /** The truth of {@code v}: now for a constant, otherwise by forking the block. */
    boolean guessbool(Value v) {
        if (v instanceof Constant c) {
            return HostSpace.isTrue((PyObject) c.value());
        }
        Value b = op(HLOp.BOOL, v);
        if (b instanceof Constant c) {
            return c.value() == PyBool.TRUE;
        }
        if (!replay.hasNext() && outcome instanceof Outcome.Bool(boolean value)) {
            outcome = null;
            return value;
        }
        block.exitswitch = b;
        close(egg(new Outcome.Bool(false), true, null, null), egg(new Outcome.Bool(true), true, null, null));
        return false;   // not reached
    }

    /**
     * A link from the current block to an egg that replays the current instruction: it passes the
     * instruction's start state and the results of the instruction's operations so far (for a
     * normal outcome, the raising operation's result too; for an exception, the link's own
     * {@code last_exception}/{@code last_exc_value}).
     */
    private Link egg(Outcome o, boolean withLastResult, Variable etype, Variable evalue) {
        FrameState eggState = instrState.copy();
        List<Value> args = new ArrayList<>(instrState.getVariables());
        List<Variable> inputs = new ArrayList<>(eggState.getVariables());
        int n = withLastResult ? instrResults.size() : instrResults.size() - 1;
        List<Variable> replayed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Variable r = instrResults.get(i);
            args.add(r);
            Variable copy = r.copy();
            inputs.add(copy);
            replayed.add(copy);
        }
        Object exitcase;
        Link link;
        if (o instanceof Outcome.Raised(PyType c, Variable t, Variable v)) {
            args.add(etype);
            args.add(evalue);
            inputs.add(t);
            inputs.add(v);
            exitcase = c;
            Block eggBlock = new Block(inputs);
            link = Link.exceptional(args, eggBlock, exitcase, etype, evalue);
        } else {
            exitcase = o instanceof Outcome.Bool(boolean b) ? PyBool.of(b) : null;
            link = new Link(args, new Block(inputs), exitcase);
        }
        pending.add(new Pending(link.target, eggState, replayed, o));
        return link;
    }

    /** An exception reached the end of the instruction: to the handler's block, or out of the function. */
    private void raised(Raise r) {
        ExceptionEntry h = code.handlerFor(instrPc);
        if (h == null) {
            close(new Link(List.of(r.etype, r.evalue), graph.exceptblock, null));
            return;
        }
        Value[] cut = new Value[h.depth() + 1];
        for (int i = 0; i < h.depth(); i++) {
            cut[i] = instrState.stack[i];
        }
        cut[h.depth()] = r.evalue;
        // stores never raise, so the current locals are those of the moment of the raise
        mergeblock(new FrameState(names, locals.clone(), cut, handled, h.handler()));
    }

    // ------------------------------------------------------------------ the instructions

    private Value pop() {
        return stack.removeLast();
    }

    private void push(Value v) {
        stack.add(v);
    }

    private Value peek(int n) {
        return stack.get(stack.size() - n);
    }

    private List<Value> popN(int n) {
        List<Value> out = new ArrayList<>(stack.subList(stack.size() - n, stack.size()));
        for (int i = 0; i < n; i++) {
            stack.removeLast();
        }
        return out;
    }

    private static Constant c(Object o) {
        return Constant.of(o);
    }

    private Constant name(int arg) {
        return c(dev.taipan.flowgraph.host.PyStr.of(code.names().get(arg)));
    }

    private void step() {
        Opcode opcode = code.opcodeAt(pc);
        int arg = code.argAt(pc);
        pc += Opcode.SIZE;
        switch (opcode) {
            case NOP -> { }
            case POP_TOP -> pop();
            case COPY -> push(peek(arg));
            case SWAP -> {
                int i = stack.size() - arg;
                Value t = stack.getLast();
                stack.set(stack.size() - 1, stack.get(i));
                stack.set(i, t);
            }
            case LOAD_CONST -> push(c(consts[arg]));
            case LOAD_FAST -> push(loadLocal(arg, code.varnames().get(arg)));
            case STORE_FAST -> storeLocal(arg, code.varnames().get(arg), pop());
            case DELETE_FAST -> locals[arg] = null;
            case LOAD_DEREF -> push(loadDeref(arg));
            case STORE_DEREF -> storeDeref(arg, pop());
            case DELETE_DEREF, MAKE_CELL -> {
                if (arg < code.cellvars().size()) {
                    locals[code.varnames().size() + arg] = null;
                }
            }
            case LOAD_CLOSURE, MAKE_FUNCTION -> throw error(line(), "function definition executed at run time",
                    "RPython cannot create functions (lambdas, nested defs, closures) in translated code: "
                            + "define them at module level, or build them at import time.");
            case LOAD_CLASSDEREF, LOAD_NAME, STORE_NAME, DELETE_NAME, IMPORT_STAR -> throw error(line(),
                    "module-level or class-body code (" + opcode + ") in a translated function",
                    "only functions are translated; module and class bodies run at import time.");
            case LOAD_GLOBAL -> push(loadGlobal(code.names().get(arg)));
            case STORE_GLOBAL, DELETE_GLOBAL -> throw error(line(), "assignment to module global '" + code.names().get(arg) + "'",
                    "RPython forbids rebinding globals at run time: translated code sees them as constants. "
                            + "Mutate a global list or a prebuilt instance instead.");
            case LOAD_ATTR -> push(op(HLOp.GETATTR, pop(), name(arg)));
            case STORE_ATTR -> {
                Value obj = pop();
                Value v = pop();
                setattr(obj, name(arg), v);
            }
            case DELETE_ATTR -> op(HLOp.DELATTR, pop(), name(arg));
            case LOAD_METHOD -> {
                push(op(HLOp.GETATTR, pop(), name(arg)));
                push(Constant.NULL);
            }
            case BINARY_SUBSCR -> {
                Value key = pop();
                push(op(HLOp.GETITEM, pop(), key));
            }
            case STORE_SUBSCR -> {
                Value key = pop();
                Value obj = pop();
                op(HLOp.SETITEM, obj, key, pop());
            }
            case DELETE_SUBSCR -> {
                Value key = pop();
                op(HLOp.DELITEM, pop(), key);
            }
            case BUILD_SLICE -> {
                Value step = arg == 3 ? pop() : Constant.NONE;
                Value stop = pop();
                push(op(HLOp.NEWSLICE, pop(), stop, step));
            }
            case UNARY_OP -> push(op(HLOp.unary(Ast.UnaryOperator.values()[arg]), pop()));
            case BINARY_OP -> {
                Value b = pop();
                Value a = pop();
                push(op(HLOp.binary(Ast.Operator.values()[arg & ~Opcode.INPLACE], (arg & Opcode.INPLACE) != 0), a, b));
            }
            case COMPARE_OP -> {
                Value b = pop();
                Value a = pop();
                var cmp = Ast.CmpOperator.values()[arg];
                push(switch (cmp) {
                    case IN -> op(HLOp.CONTAINS, b, a);
                    case NOTIN -> op(HLOp.NOT_, op(HLOp.CONTAINS, b, a));
                    default -> op(HLOp.compare(cmp), a, b);
                });
            }
            case JUMP -> pc = arg;
            case POP_JUMP_IF_FALSE -> {
                if (!guessbool(pop())) {
                    pc = arg;
                }
            }
            case POP_JUMP_IF_TRUE -> {
                if (guessbool(pop())) {
                    pc = arg;
                }
            }
            case JUMP_IF_FALSE_OR_POP -> {
                if (!guessbool(peek(1))) {
                    pc = arg;
                } else {
                    pop();
                }
            }
            case JUMP_IF_TRUE_OR_POP -> {
                if (guessbool(peek(1))) {
                    pc = arg;
                } else {
                    pop();
                }
            }
            case GET_ITER -> push(getIter(pop()));
            case FOR_ITER -> forIter(arg);
            case RETURN_VALUE -> close(new Link(List.of(pop()), graph.returnblock, null));
            case CALL -> {
                List<Value> args = popN(arg);
                push(call(pop(), args, null));
            }
            case CALL_KW -> {
                Value names = pop();
                List<Value> args = popN(arg);
                push(call(pop(), args, ((dev.taipan.flowgraph.host.PyTuple) ((Constant) names).value()).items().stream()
                        .map(HostSpace::str).toList()));
            }
            case CALL_METHOD -> {
                List<Value> args = popN(arg);
                Value self = pop();
                Value fn = pop();
                if (self != Constant.NULL && !self.equals(Constant.NULL)) {
                    args.addFirst(self);
                }
                push(call(fn, args, null));
            }
            case CALL_EX -> callEx(arg);
            case LOAD_BUILD_CLASS -> throw error(line(), "class definition executed at run time",
                    "RPython cannot create classes in translated code: define them at module level "
                            + "(import-time code may generate them).");
            case BUILD_TUPLE -> push(op(HLOp.NEWTUPLE, popN(arg).toArray(Value[]::new)));
            case BUILD_LIST -> push(op(HLOp.NEWLIST, popN(arg).toArray(Value[]::new)));
            case BUILD_SET -> push(op(HLOp.NEWSET, popN(arg).toArray(Value[]::new)));
            case BUILD_MAP -> push(op(HLOp.NEWDICT, popN(2 * arg).toArray(Value[]::new)));
            case LIST_APPEND -> callMethod(peek(arg + 1), "append", pop());
            case SET_ADD -> callMethod(peek(arg + 1), "add", pop());
            case MAP_ADD -> {
                Value v = pop();
                Value k = pop();
                op(HLOp.SETITEM, peek(arg), k, v);
            }
            case LIST_EXTEND -> callMethod(peek(arg + 1), "extend", pop());
            case SET_UPDATE, DICT_UPDATE -> callMethod(peek(arg + 1), "update", pop());
            case DICT_MERGE -> throw error(line(), "**kwargs in a call",
                    "RPython calls take a fixed set of keyword arguments: ** on a dict is not supported.");
            case LIST_TO_TUPLE -> push(op(HLOp.SIMPLE_CALL, c(host.builtin("tuple")), pop()));
            case UNPACK_SEQUENCE -> unpack(arg);
            case UNPACK_EX -> throw error(line(), "starred assignment (a, *b = ...)",
                    "RPython unpacks only sequences of a fixed, known length.");
            case FORMAT_VALUE -> {
                Value spec = (arg & 4) != 0 ? pop() : c(dev.taipan.flowgraph.host.PyStr.EMPTY);
                Value v = pop();
                v = switch (arg & 3) {
                    case 1 -> op(HLOp.STR, v);
                    case 2 -> op(HLOp.REPR, v);
                    case 3 -> op(HLOp.ASCII, v);
                    default -> v;
                };
                push((arg & 3) == 1 && (arg & 4) == 0 ? v : op(HLOp.FORMAT, v, spec));
            }
            case BUILD_STRING -> {
                List<Value> parts = popN(arg);
                Value s = parts.isEmpty() ? c(dev.taipan.flowgraph.host.PyStr.EMPTY) : parts.getFirst();
                for (int i = 1; i < parts.size(); i++) {
                    s = op(HLOp.ADD, s, parts.get(i));
                }
                push(s);
            }
            case PUSH_EXC_INFO -> {
                Value exc = pop();
                push(handled);
                push(exc);
                handled = exc;
            }
            case POP_EXCEPT -> handled = pop();
            case CHECK_EXC_MATCH -> {
                Value t = pop();
                push(op(HLOp.EXCEPTION_MATCH, peek(1), t));
            }
            case RERAISE -> raise(pop());
            case RAISE_VARARGS -> {
                if (arg == 0) {
                    if (Constant.NONE.equals(handled)) {
                        throw error(line(), "bare 'raise' outside an exception handler",
                                "there is no exception being handled here to raise again.");
                    }
                    raise(handled);
                }
                Value cause = arg == 2 ? pop() : null;
                Value v = pop();
                raise(v, cause);
            }
            case LOAD_ASSERTION_ERROR -> push(c(host.builtin("AssertionError")));
            case BEFORE_WITH, WITH_EXCEPT_START -> throw error(line(), "'with' statement",
                    "Taipan's RPython does not translate context managers; use try/finally.");
            case YIELD_VALUE, GET_YIELD_FROM_ITER, YIELD_FROM -> throw error(line(), "yield",
                    "RPython has no generators.");
            case IMPORT_NAME -> {
                Value fromlist = pop();
                Value level = pop();
                push(importName(code.names().get(arg), fromlist, level));
            }
            case IMPORT_FROM -> {
                Value m = peek(1);
                push(c(host.importFrom((PyObject) ((Constant) m).value(), code.names().get(arg))));
            }
            // a new opcode must get its rule here: skipping it would record a wrong graph silently
            default -> throw new IllegalStateException("the flow space has no rule for opcode " + opcode);
        }
    }

    private Value loadLocal(int slot, String name) {
        Value v = locals[slot];
        if (v == null) {
            throw error(line(), "local variable '" + name + "' may be used before it is assigned",
                    "on some path to this line, '" + name + "' has no value; RPython needs every variable "
                            + "defined on every path that reads it.");
        }
        return v;
    }

    private void storeLocal(int slot, String name, Value v) {
        if (v instanceof Variable var) {
            var.rename(name);
        }
        locals[slot] = v;
    }

    private Value loadDeref(int i) {
        int ncell = code.cellvars().size();
        if (i < ncell) {
            return loadLocal(code.varnames().size() + i, code.cellvars().get(i));
        }
        var cell = func.closure().get(i - ncell);
        if (cell.contents() == null) {
            throw error(line(), "free variable '" + code.cellName(i) + "' has no value",
                    "the enclosing function never assigned it before this function was created.");
        }
        return c(cell.contents());
    }

    private void storeDeref(int i, Value v) {
        int ncell = code.cellvars().size();
        if (i < ncell) {
            storeLocal(code.varnames().size() + i, code.cellvars().get(i), v);
            return;
        }
        throw error(line(), "assignment to the closure variable '" + code.cellName(i) + "' (nonlocal)",
                "closure cells are constants of the translated program; RPython cannot change them at run time.");
    }

    private Value loadGlobal(String name) {
        PyObject v = func.globals().getStr(name);
        if (v == null) {
            v = host.builtin(name);
        }
        if (v == null) {
            throw error(line(), "global name '" + name + "' is not defined",
                    "translated code reads globals as constants when it is flowed; '" + name
                            + "' did not exist after the module was imported.");
        }
        return c(v);
    }

    private void setattr(Value obj, Value name, Value v) {
        if (obj instanceof Constant(PyObject o) && (o instanceof dev.taipan.flowgraph.host.PyModule
                || o instanceof PyType)) {
            throw error(line(), "assignment to attribute '" + HostSpace.str((PyObject) ((Constant) name).value())
                            + "' of " + (o instanceof PyType ? "class " + ((PyType) o).name() : "a module"),
                    "modules and classes are constants of the translated program; RPython cannot change them at run time.");
        }
        op(HLOp.SETATTR, obj, name, v);
    }

    private void callMethod(Value self, String method, Value arg) {
        Value m = op(HLOp.GETATTR, self, c(dev.taipan.flowgraph.host.PyStr.of(method)));
        op(HLOp.SIMPLE_CALL, m, arg);
    }

    private Value getIter(Value v) {
        if (v instanceof Constant(PyObject o) && FlowOperations.isUnrollingIterable(o)) {
            return c(new UnrollingIterator(FlowOperations.unrollingItems(o), 0));
        }
        return op(HLOp.ITER, v);
    }

    private void forIter(int target) {
        Value it = peek(1);
        if (it instanceof Constant(UnrollingIterator u)) {
            if (u.index() < u.items().size()) {
                stack.set(stack.size() - 1, c(new UnrollingIterator(u.items(), u.index() + 1)));
                push(c(u.items().get(u.index())));
            } else {
                pop();
                pc = target;
            }
            return;
        }
        List<PyType> cases = new ArrayList<>();
        cases.add(ops.stopIteration());
        if (code.handlerFor(instrPc) != null) {
            cases.add(ops.baseException());
        }
        try {
            push(recordMayRaise(HLOp.NEXT, List.of(it), cases));
        } catch (Raise r) {
            if (r.exitcase != ops.stopIteration()) {
                throw r;
            }
            pop();
            pc = target;
        }
    }

    private Value call(Value fn, List<Value> args, List<String> keywords) {
        if (fn instanceof Constant(PyObject f)) {
            ops.checkCallable(f, this);
            if (f == host.builtin("super") && args.isEmpty()) {
                args = zeroArgumentSuper();
            }
            if (f == host.builtin("getattr") && args.size() == 2 && args.get(1) instanceof Constant(dev.taipan.flowgraph.host.PyStr name)
                    && (keywords == null || keywords.isEmpty())) {
                // getattr(x, 'name') with a name known now is x.name (PyPy's flow space does the same):
                // what a loop over an unrolling_iterable of field names needs
                return op(HLOp.GETATTR, args.get(0), args.get(1));
            }
        }
        List<Value> all = new ArrayList<>();
        all.add(fn);
        if (keywords == null || keywords.isEmpty()) {
            all.addAll(args);
            return op(HLOp.SIMPLE_CALL, all.toArray(Value[]::new));
        }
        all.add(c(new CallShape(args.size() - keywords.size(), List.copyOf(keywords))));
        all.addAll(args);
        return op(HLOp.CALL_ARGS, all.toArray(Value[]::new));
    }

    /**
     * {@code super()} finds its class and instance in the calling frame, which a graph does not
     * have: spell them out as {@code super(__class__, self)}, the class being a constant (the
     * closure cell the compiler made for {@code super}) and self the method's first argument.
     */
    private List<Value> zeroArgumentSuper() {
        int cell = code.freevars().indexOf("__class__");
        if (cell < 0 || code.argCount() == 0) {
            throw error(line(), "super() outside a method",
                    "super() without arguments only works in a method defined in a class body.");
        }
        Value self = locals[0];
        if (self == null) {
            throw error(line(), "super() after deleting the method's first argument", "super() needs self.");
        }
        return List.of(loadDeref(code.cellvars().size() + cell), self);
    }

    private void callEx(int flags) {
        if ((flags & 2) != 0) {
            callStar(flags >> 2);
            return;
        }
        Value kwargs = (flags & 1) != 0 ? pop() : null;
        Value args = pop();
        Value fn = pop();
        if (!(args instanceof Constant(dev.taipan.flowgraph.host.PyTuple t))
                || kwargs != null && !(kwargs instanceof Constant(dev.taipan.flowgraph.host.PyDict d) && d.size() == 0)) {
            throw error(line(), "call with *args or **kwargs of unknown length",
                    "RPython needs the number of arguments of every call when it translates: a *argument must "
                            + "come last, after the positional ones, and be a tuple; ** is not supported.");
        }
        List<Value> list = new ArrayList<>();
        for (PyObject o : t.items()) {
            list.add(c(o));
        }
        push(call(fn, list, null));
    }

    /**
     * {@code f(a1, .., an, *rest)}: with {@code rest} a constant tuple, a plain call; else
     * {@code call_args} with a star shape, whose last argument the annotator must know to be a
     * tuple (of a fixed length: RPython needs the number of arguments of every call).
     */
    private void callStar(int n) {
        Value rest = pop();
        List<Value> args = new ArrayList<>(popN(n));
        Value fn = pop();
        if (rest instanceof Constant(dev.taipan.flowgraph.host.PyTuple t)) {
            for (PyObject o : t.items()) {
                args.add(c(o));
            }
            push(call(fn, args, null));
            return;
        }
        if (fn instanceof Constant(PyObject f)) {
            ops.checkCallable(f, this);
        }
        List<Value> all = new ArrayList<>();
        all.add(fn);
        all.add(c(new CallShape(n, List.of(), true)));
        all.addAll(args);
        all.add(rest);
        push(op(HLOp.CALL_ARGS, all.toArray(Value[]::new)));
    }

    private void unpack(int n) {
        Value seq = pop();
        if (seq instanceof Constant(dev.taipan.flowgraph.host.PyTuple t)) {
            if (t.size() != n) {
                throw error(line(), "unpacking a constant tuple of " + t.size() + " items into " + n + " targets",
                        "the lengths must agree.");
            }
            for (int i = n - 1; i >= 0; i--) {
                push(c(t.get(i)));
            }
            return;
        }
        Value[] items = new Value[n];
        for (int i = 0; i < n; i++) {
            items[i] = op(HLOp.GETITEM, seq, c(dev.taipan.flowgraph.host.PyInt.of(i)));
        }
        for (int i = n - 1; i >= 0; i--) {
            push(items[i]);
        }
    }

    private Value importName(String module, Value fromlist, Value level) {
        if (fromlist instanceof Constant(PyObject f) && level instanceof Constant(dev.taipan.flowgraph.host.PyInt l)) {
            return c(host.importName(module, func.globals(), f, (int) l.longValue()));
        }
        throw error(line(), "import with a computed name", "imports in translated code must be constant.");
    }

    /** {@code raise v [from cause]}: the exception class is a constant when we know it. */
    private void raise(Value v, Value cause) {
        Value etype;
        Value evalue;
        if (v instanceof Constant(PyType t)) {
            evalue = op(HLOp.SIMPLE_CALL, v);
            etype = v;
        } else if (v instanceof Constant(PyObject o)) {
            evalue = v;
            etype = c(o.type());
        } else {
            evalue = v;
            etype = op(HLOp.TYPE, v);
        }
        if (cause != null) {
            op(HLOp.SETATTR, evalue, c(dev.taipan.flowgraph.host.PyStr.of("__cause__")), cause);
        }
        throw new Raise(etype, evalue, null);
    }

    private void raise(Value v) {
        raise(v, null);
    }

    FlowingError error(int line, String what, String why) {
        return new FlowingError(code, line, what, why);
    }

    int currentLine() {
        return line();
    }
}
