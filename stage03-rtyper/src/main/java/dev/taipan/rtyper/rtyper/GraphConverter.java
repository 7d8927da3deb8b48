package dev.taipan.rtyper.rtyper;

import static dev.taipan.rtyper.lloperation.LLOp.*;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.CallShape;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.flowgraph.host.PyBool;
import dev.taipan.flowgraph.host.PyBaseException;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyInstance;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PySingleton;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.flowgraph.host.PyTuple;
import dev.taipan.flowgraph.host.PyType;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Strings;
import dev.taipan.rtyper.llgraph.KnownSwitch;
import dev.taipan.annotator.SomeValue.SomeImpossibleValue;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.rtyper.Repr.ConstantRepr;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one annotated flow graph into a low-level graph (PyPy's {@code specialize_block}, done
 * into a fresh graph so that the annotated one stays for pictures and for {@code taipan view}).
 * Every block gets its low-level twin, every variable a twin of the repr of its annotation;
 * every operation becomes the low-level operations {@link Rules} choose; a link whose
 * arguments must change representation (an int flowing into a float variable) passes through
 * a new block of its own holding the conversions, as PyPy inserts them, so that a block with
 * several exits converts only on the exit taken.
 *
 * <p><b>Exceptions.</b> Inside a {@code try}, the flow space ends a block after each
 * operation that may raise ({@code c_last_exception}). At the low level such a block keeps its
 * exception links only if its last low-level operation can still raise (a {@code direct_call},
 * an {@code int_add_ovf}); an {@code int_lt} cannot, and its block becomes an ordinary one. Each
 * exception link keeps its exit case as the vtable of its class, and its fresh
 * {@code last_exception} and {@code last_exc_value} are typed as the roots,
 * {@code Ptr(object_vtable)} and {@code Ptr(object)} (PyPy's exceptiondata does the same). A
 * check that raises by itself ({@code ZeroDivisionError} before {@code int_floordiv}) splits the
 * block where it stands ({@link #raiseIf}): its true branch goes to the handler the block's
 * exception links name, or to the graph's except block, with the prebuilt exception as
 * constants. A rule that must skip its operations on one path ({@code isinstance} of None)
 * branches and joins again the same way ({@link #select}).
 */
final class GraphConverter {
    private final RTyper rtyper;
    private final FunctionGraph hl;
    final LowLevelGraph ll;
    private final Map<Block, Block> blocks = new IdentityHashMap<>();
    private final Map<Variable, Value> values = new IdentityHashMap<>();
    /** Variables whose repr is not their annotation's: the except block's and exception links' (the roots). */
    private final Map<Variable, Repr> fixed = new IdentityHashMap<>();
    private final OvfCheck ovfcheck;
    /** The annotated block being converted, the low-level block its operations go to now, its values so far. */
    private Block hlBlock;
    private Block current;
    private final List<Variable> scope = new ArrayList<>();
    /** The source line being converted: where an error without a line of its own points. */
    private int line;
    /** The line of the operation each variable comes from ({@link #lineOf}), made once per graph. */
    private Map<Variable, Integer> definedAt;

    GraphConverter(RTyper rtyper, FunctionGraph hl, LowLevelGraph ll) {
        this.rtyper = rtyper;
        this.hl = hl;
        this.ll = ll;
        this.ovfcheck = new OvfCheck(hl, this);
    }

    void convert() {
        FunctionGraph out = ll.graph();
        blocks.put(hl.returnblock, out.returnblock);
        blocks.put(hl.exceptblock, out.exceptblock);
        bindInputargs(hl.returnblock, out.returnblock);
        fixed.put(hl.exceptblock.inputargs.get(0), new Repr.ClassRefRepr(rtyper.classes.root));
        fixed.put(hl.exceptblock.inputargs.get(1), new Repr.InstanceRepr(rtyper.classes.root));
        fixed.put(hl.returnblock.inputargs.getFirst(), rtyper.reprOf(rtyper.resultAnnotation(hl), this, 0));
        bindInputargs(hl.exceptblock, out.exceptblock);
        List<Block> live = hl.iterblocks().stream()
                .filter(b -> b != hl.returnblock && b != hl.exceptblock && rtyper.reached(b)).toList();
        // a method in a vtable slot takes the slot's class as self, and casts it down on entry; a
        // parameter its family passes as a value but this graph knows as a constant is dropped
        boolean prologue = false;
        for (int i = 0; i < hl.startblock.inputargs.size(); i++) {
            prologue |= !ll.signature().args().get(i).equals(repr(hl.startblock.inputargs.get(i)).lowleveltype());
        }
        for (Block b : live) {
            blocks.put(b, b == hl.startblock && !prologue ? out.startblock : new Block(twins(b.inputargs)));
        }
        if (prologue) {
            enter(out.startblock, blocks.get(hl.startblock));
        } else {
            bindInputargs(hl.startblock, out.startblock);
        }
        for (Block b : live) {
            convertBlock(b, blocks.get(b));
        }
    }

    /**
     * The start block of a graph whose signature is not its body's: a method in a vtable slot
     * takes {@code self} as the slot's class and casts it down to its own; a parameter its call
     * or slot family passes as a value and this graph knows as a constant ({@code Void}) is
     * dropped for the constant (fuzz_ll_200160).
     */
    private void enter(Block start, Block body) {
        List<Value> args = new ArrayList<>();
        for (int i = 0; i < start.inputargs.size(); i++) {
            Variable v = start.inputargs.get(i);
            ll.setType(v, ll.signature().args().get(i));
            LowLevelType own = ll.typeOf(body.inputargs.get(i));
            if (own.equals(ll.signature().args().get(i))) {
                args.add(v);
            } else if (repr(hl.startblock.inputargs.get(i)) instanceof ConstantRepr(var k)) {
                args.add(LLConstant.voidOf(k));
            } else if (i == 0 && own instanceof Ptr && ll.signature().args().get(i) instanceof Ptr) {
                Variable self = new Variable();
                ll.setType(self, own);
                start.operations.add(new SpaceOperation(CAST_POINTER, List.of(v), self, lineOf(v)));
                args.add(self);
            } else {
                Repr family = rtyper.paramRepr(hl, i, this, 0);
                if (!family.lowleveltype().equals(ll.signature().args().get(i))) {
                    throw error("parameter '" + hl.startblock.inputargs.get(i).localName() + "' is a " + own
                            + " here but its family passes a " + ll.signature().args().get(i), 0);
                }
                args.add(convert(v, family, repr(hl.startblock.inputargs.get(i)), start.operations, lineOf(v)));
            }
        }
        start.closeblock(new Link(args, body, null));
    }

    private List<Variable> twins(List<Variable> vars) {
        List<Variable> out = new ArrayList<>();
        for (Variable v : vars) {
            Variable t = v.copy();
            ll.setType(t, repr(v).lowleveltype());
            values.put(v, t);
            out.add(t);
        }
        return out;
    }

    private void bindInputargs(Block from, Block to) {
        for (int i = 0; i < from.inputargs.size(); i++) {
            Variable v = from.inputargs.get(i);
            Variable t = to.inputargs.get(i);
            ll.setType(t, repr(v).lowleveltype());
            values.put(v, t);
        }
    }

    Repr repr(Value v) {
        if (v instanceof Variable var && fixed.containsKey(var)) {
            return fixed.get(var);
        }
        if (v instanceof Constant c && c.value() instanceof CallShape shape) {
            return new ConstantRepr(shape);
        }
        if (v instanceof Constant c && c.value() instanceof PyTuple t && t.items().stream().allMatch(x -> x instanceof PyType)) {
            return new ConstantRepr(t);   // the classes of an except clause or an isinstance: known now
        }
        return rtyper.reprOf(rtyper.annotation(v), this, lineOf(v));
    }

    /**
     * Where {@code v} comes from, for an error about its repr: the line of the operation that
     * made it, followed through the links for a block's input variable; else the line being
     * converted, else the function's first.
     */
    private int lineOf(Value v) {
        if (definedAt == null) {
            definedAt = new IdentityHashMap<>();
            for (Block b : hl.iterblocks()) {
                b.operations.stream().filter(op -> op.line() > 0).forEach(op -> definedAt.put(op.result(), op.line()));
            }
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Block b : hl.iterblocks()) {
                    for (Link l : b.exits) {
                        for (int i = 0; i < l.args.size(); i++) {
                            Integer at = l.args.get(i) instanceof Variable a ? definedAt.get(a) : null;
                            if (at != null && definedAt.putIfAbsent(l.target.inputargs.get(i), at) == null) {
                                changed = true;
                            }
                        }
                    }
                }
            }
        }
        Integer at = v instanceof Variable var ? definedAt.get(var) : null;
        return at != null ? at : line > 0 ? line : hl.code == null ? 0 : hl.code.firstLine();
    }

    /** The operation of the block being converted whose result is {@code v}, or null. */
    SpaceOperation definition(Value v) {
        return hlBlock.operations.stream().filter(op -> op.result() == v).findFirst().orElse(null);
    }

    private void convertBlock(Block b, Block out) {
        hlBlock = b;
        current = out;
        scope.clear();
        scope.addAll(b.inputargs);
        boolean lastRaises = false;
        for (SpaceOperation op : b.operations) {
            line = op.line();
            List<Repr> argReprs = op.args().stream().map(this::repr).toList();
            HighLevelOp hop = new HighLevelOp(op, argReprs, repr(op.result()), this);
            Value result = Rules.translate(rtyper, hop);
            current.operations.addAll(hop.llops);
            values.put(op.result(), result);
            scope.add(op.result());
            lastRaises = !hop.llops.isEmpty() && hop.llops.getLast().op() instanceof LLOp o && o.canRaise();
            if (rtyper.annotation(op.result()) instanceof SomeImpossibleValue && !(b.canRaise() && op == b.raisingOp())) {
                // a call of a function that always raises: nothing after it in the block runs,
                // and its values (Void, having no annotation) need no conversion
                closeUnreachable(current);
                return;
            }
        }
        List<Link> live = b.exits.stream().filter(l -> isLive(l.target) && rtyper.annotator().followed(l)).toList();
        if (b.canRaise()) {
            // the exception links stay only if the low-level operation left last can raise
            List<Link> kept = lastRaises ? live : live.stream().filter(l -> !l.isException()).toList();
            List<Link> exits = new ArrayList<>();
            for (Link l : kept) {
                exits.add(l.isException() ? convertExceptionLink(l) : convertLink(l, null, Map.of()));
            }
            if (exits.isEmpty()) {
                closeUnreachable(current);
                return;
            }
            if (exits.getFirst().isException()) {
                // the call never returns normally (fuzz_ll_200535), yet a raising block needs its
                // normal link first: to a block that is never reached, as in PyPy
                Block never = new Block(List.of());
                closeUnreachable(never);
                exits.addFirst(new Link(List.of(), never, null));
                current.exitswitch = Constant.LAST_EXCEPTION;
                current.closeblock(exits);
                return;
            }
            current.exitswitch = kept.size() > 1 ? Constant.LAST_EXCEPTION : null;
            current.closeblock(exits);
            return;
        }
        List<Link> exits = new ArrayList<>();
        for (Link l : live) {
            exits.add(convertLink(l, live.size() == 1 ? null : l.exitcase, Map.of()));
        }
        // a switch whose other branch is never taken is no switch at all
        current.exitswitch = b.exitswitch == null || live.size() == 1 ? null : lowLevel(b.exitswitch, repr(b.exitswitch));
        current.closeblock(exits);
        KnownSwitch.fold(current);   // the annotator knew the test, yet both ways lead somewhere live
    }

    /**
     * Ends {@code block}, after an operation that never returns normally (the annotator saw no value come
     * out of it, as {@code next()} of an empty tuple's iterator, which a rule made raise on every
     * path before): a false {@code debug_assert}, then a link to the except block with nulls, so
     * that the graph stays well formed.
     */
    private void closeUnreachable(Block block) {
        Variable none = new Variable();
        ll.setType(none, Primitive.VOID);
        block.operations.add(new SpaceOperation(DEBUG_ASSERT, List.of(LLConstant.of(false, Primitive.BOOL),
                LLConstant.voidOf("unreachable: the operation before never returns")), none, line));
        ClassRepr root = rtyper.classes.root;
        block.closeblock(new Link(List.of(LLConstant.nullOf(root.vtablePtr()), LLConstant.nullOf(root.instancePtr())),
                ll.graph().exceptblock, null));
    }

    /** Whether {@code op} is the operation its block's exception links guard (the block's last). */
    boolean guardedByHandlers(SpaceOperation op) {
        return hlBlock.canRaise() && hlBlock.raisingOp() == op;
    }

    /** Variable {@code v} holds a value of repr {@code r}, not its annotation's: links convert it ({@link HighLevelOp#resultFrom}). */
    void keepRepr(Variable v, Repr r) {
        fixed.put(v, r);
    }

    /** An exception link: its class as a vtable, its last_exception/last_exc_value fresh roots. */
    private Link convertExceptionLink(Link l) {
        ClassRepr root = rtyper.classes.root;
        Variable etype = l.lastException.copy();
        Variable evalue = l.lastExcValue.copy();
        ll.setType(etype, root.vtablePtr());
        ll.setType(evalue, root.instancePtr());
        Map<Variable, Source> given = Map.of(
                l.lastException, new Source(etype, new Repr.ClassRefRepr(root)),
                l.lastExcValue, new Source(evalue, new Repr.InstanceRepr(root)));
        ClassRepr cls = rtyper.classes.of((PyType) l.exitcase);
        Link out = convertLink(l, new LLConstant(cls.vtablePrebuilt, root.vtablePtr()), given);
        out.lastException = etype;
        out.lastExcValue = evalue;
        return out;
    }

    /**
     * Raises the prebuilt {@code cls(message)} when {@code cond} is true: the operations so far
     * end the current block, which switches on {@code cond} to the handler (or the except
     * block) and, when false, to a new block where the rule goes on. {@code live} are the
     * rule's values it still needs; they come back renamed, as every value of the block does.
     */
    List<Value> raiseIf(HighLevelOp hop, Value cond, ClassRepr cls, String message, List<Value> live) {
        current.operations.addAll(hop.llops);
        hop.llops.clear();
        Value vtable = LLConstant.of(cls.vtablePrebuilt, cls.vtablePtr());
        Value instance = LLConstant.of(rtyper.classes.instance(cls, message), cls.instancePtr());
        Link raise = handler(hop.spaceop, cls).map(l -> convertLink(l, PyBool.TRUE, Map.of(
                        l.lastException, new Source(vtable, new Repr.ClassRefRepr(cls)),
                        l.lastExcValue, new Source(instance, new Repr.InstanceRepr(cls)))))
                .orElseGet(() -> new Link(List.of(
                        LLConstant.of(cls.vtablePrebuilt, rtyper.classes.root.vtablePtr()),
                        LLConstant.of(rtyper.classes.instance(cls, message), rtyper.classes.root.instancePtr())),
                        ll.graph().exceptblock, PyBool.TRUE));
        List<Variable> vars = carried();
        Crossing past = crossing(vars, live);
        Block next = enter(vars, past.inputs());
        current.exitswitch = cond;
        current.closeblock(new Link(past.passed(), next, PyBool.FALSE), raise);
        current = next;
        return past.renamed();
    }

    /**
     * {@link #raiseIf} whose exception is made on the raising path, its message computed there by
     * {@code message} from {@code live} (renamed into that path): a {@code KeyError} whose message
     * is the repr of a key known only at run time. The path is a block of its own, so the
     * message costs nothing where nothing is raised. Returns {@code live} renamed past the check.
     */
    List<Value> raiseIfWithMessage(HighLevelOp hop, Value cond, ClassRepr cls, java.util.function.Function<List<Value>, Value> message,
                        List<Value> live) {
        current.operations.addAll(hop.llops);
        hop.llops.clear();
        Block before = current;
        List<Variable> vars = carried();
        Crossing onRaise = crossing(vars, live);
        Crossing past = crossing(vars, live);
        Block raising = enter(vars, onRaise.inputs());
        current = raising;
        Value text = message.apply(onRaise.renamed());
        ClassRepr root = rtyper.classes.root;
        Value instance = InstanceRules.allocate(rtyper, hop, cls);
        InstanceRules.setMessage(rtyper, hop, cls, instance, text);
        Value vtable = LLConstant.of(cls.vtablePrebuilt, root.vtablePtr());
        Value asRoot = cls == root ? instance : hop.genop(LLOp.CAST_POINTER, List.of(instance), root.instancePtr());
        current.operations.addAll(hop.llops);
        hop.llops.clear();
        Link raise = handler(hop.spaceop, cls).map(l -> convertLink(l, null, Map.of(
                        l.lastException, new Source(LLConstant.of(cls.vtablePrebuilt, cls.vtablePtr()), new Repr.ClassRefRepr(cls)),
                        l.lastExcValue, new Source(instance, new Repr.InstanceRepr(cls)))))
                .orElseGet(() -> new Link(List.of(vtable, asRoot), ll.graph().exceptblock, null));
        current.closeblock(raise);
        Block next = enter(vars, past.inputs());
        before.exitswitch = cond;
        before.closeblock(new Link(past.passed(), next, PyBool.FALSE), new Link(onRaise.passed(), raising, PyBool.TRUE));
        current = next;
        return past.renamed();
    }

    /**
     * {@code whenTrue}'s value where {@code cond} holds, {@code whenFalse} elsewhere: the block
     * splits in two paths that join again, for a rule that must not run its operations on one
     * of them ({@code isinstance(x, C)} reads no vtable when x is None).
     */
    Value select(HighLevelOp hop, Value cond, Value whenFalse, java.util.function.Supplier<Value> whenTrue,
                 LowLevelType type) {
        return select(hop, cond, whenFalse, renamed -> whenTrue.get(), type, List.of());
    }

    /**
     * {@link #select} whose true path also reads values the rule made before the branch
     * ({@code live}, like {@link #raiseIf}'s): they cross into the new block under new names,
     * handed to {@code whenTrue} in order.
     */
    Value select(HighLevelOp hop, Value cond, Value whenFalse, java.util.function.Function<List<Value>, Value> whenTrue,
                 LowLevelType type, List<Value> live) {
        current.operations.addAll(hop.llops);
        hop.llops.clear();
        Block before = current;
        List<Variable> vars = carried();
        List<Value> beforeArgs = vars.stream().map(values::get).toList();
        Crossing toYes = crossing(vars, live);
        Block yes = enter(vars, toYes.inputs());
        current = yes;
        Value v = whenTrue.apply(toYes.renamed());
        current.operations.addAll(hop.llops);
        hop.llops.clear();
        List<Value> yesArgs = new ArrayList<>(vars.stream().map(values::get).toList());
        yesArgs.add(v);
        List<Value> noArgs = new ArrayList<>(beforeArgs);
        noArgs.add(whenFalse);
        Variable result = new Variable();
        ll.setType(result, type);
        Block join = enter(vars, List.of(result));
        before.exitswitch = cond;
        before.closeblock(new Link(noArgs, join, PyBool.FALSE), new Link(toYes.passed(), yes, PyBool.TRUE));
        current.closeblock(new Link(yesArgs, join, null));
        current = join;
        return result;
    }

    /**
     * Values a rule made before a branch, {@code live}, crossing into a new block along with the
     * annotated block's carried {@code vars}: what the link passes ({@code vars}' values, then
     * the live variables), the new block's extra inputs (a fresh copy of each live variable), and
     * {@code live} as the new block sees it (constants need no passing and stay as they are).
     */
    private record Crossing(List<Value> passed, List<Variable> inputs, List<Value> renamed) {
    }

    /** The crossing of {@code live} into a block entered from the current one (see {@link Crossing}). */
    private Crossing crossing(List<Variable> vars, List<Value> live) {
        List<Value> passed = new ArrayList<>(vars.stream().map(values::get).toList());
        List<Variable> inputs = new ArrayList<>();
        List<Value> renamed = new ArrayList<>();
        for (Value v : live) {
            if (v instanceof Variable var) {
                Variable copy = typedCopy(var);
                passed.add(var);
                inputs.add(copy);
                renamed.add(copy);
            } else {
                renamed.add(v);
            }
        }
        return new Crossing(passed, inputs, renamed);
    }

    /** The annotated block's values so far that are low-level variables (constants need no passing). */
    private List<Variable> carried() {
        return scope.stream().filter(v -> values.get(v) instanceof Variable).toList();
    }

    /** A new block taking {@code vars}' values, then {@code extra}; from now on the values are its inputs. */
    private Block enter(List<Variable> vars, List<Variable> extra) {
        List<Variable> inputs = new ArrayList<>();
        for (Variable v : vars) {
            Variable copy = typedCopy((Variable) values.get(v));
            values.put(v, copy);
            inputs.add(copy);
        }
        inputs.addAll(extra);
        return new Block(inputs);
    }

    private Variable typedCopy(Variable v) {
        Variable copy = v.copy();
        ll.setType(copy, ll.typeOf(v));
        return copy;
    }

    /**
     * The exception link of the annotated block that catches {@code cls} raised by {@code op},
     * if the block is in a {@code try}. The links guard only the block's last operation (as in
     * PyPy's flow graphs, where {@code last_exception} is what the last operation raised): an
     * earlier operation of the block is not in the {@code try} (the block may begin before it),
     * so its exception leaves the graph; the handler's link would also read variables the
     * block makes after that operation.
     */
    private java.util.Optional<Link> handler(SpaceOperation op, ClassRepr cls) {
        if (!hlBlock.canRaise() || hlBlock.raisingOp() != op) {
            return java.util.Optional.empty();
        }
        return hlBlock.exits.stream().filter(l -> l.isException() && isLive(l.target)
                && cls.pytype.isSubtypeOf((PyType) l.exitcase)).findFirst();
    }

    /** Whether the rule for {@code op} is {@code ovfcheck(...)}'s arithmetic, or the call of {@code ovfcheck} itself. */
    boolean overflowChecked(SpaceOperation op) {
        return ovfcheck.checked(op);
    }

    boolean isOvfcheckCall(SpaceOperation op) {
        return ovfcheck.isCall(op);
    }

    /** A link's argument as its converter sees it: a low-level value and its repr. */
    private record Source(Value value, Repr repr) { }

    private boolean isLive(Block target) {
        return target == hl.returnblock || target == hl.exceptblock || rtyper.reached(target);
    }

    /**
     * The link's twin, with {@code exitcase}; through a new block of conversions when an
     * argument changes representation. {@code given} replaces some annotated variables
     * (an exception link's, a raised constant).
     */
    private Link convertLink(Link l, Object exitcase, Map<Variable, Source> given) {
        Block target = blocks.get(l.target);
        line = l.line > 0 ? l.line : line;
        List<SpaceOperation> conversions = new ArrayList<>();
        List<Value> sources = new ArrayList<>();
        List<Value> args = new ArrayList<>();
        for (int i = 0; i < l.args.size(); i++) {
            Value a = l.args.get(i);
            Source src = a instanceof Variable v && given.containsKey(v) ? given.get(v) : new Source(lowLevel(a, repr(a)), repr(a));
            Repr to = repr(l.target.inputargs.get(i));
            sources.add(src.value());
            args.add(convert(src.value(), src.repr(), to, conversions, l.line));
        }
        if (conversions.isEmpty()) {
            return new Link(args, target, exitcase);
        }
        // The conversions read the link's arguments: the new block takes them as its own inputs.
        Map<Variable, Variable> renamed = new IdentityHashMap<>();
        List<Variable> inputs = new ArrayList<>();
        List<Value> passed = new ArrayList<>();
        for (Value source : sources) {
            if (source instanceof Variable v && !renamed.containsKey(v)) {
                Variable copy = v.copy();
                ll.setType(copy, ll.typeOf(v));
                renamed.put(v, copy);
                inputs.add(copy);
                passed.add(v);
            }
        }
        Block middle = new Block(inputs);
        for (SpaceOperation op : conversions) {
            middle.operations.add(op.withArgs(op.args().stream().map(x -> rename(x, renamed)).toList()));
        }
        middle.closeblock(new Link(args.stream().map(x -> rename(x, renamed)).toList(), target, null));
        return new Link(passed, middle, exitcase);
    }

    private static Value rename(Value v, Map<Variable, Variable> renamed) {
        return v instanceof Variable var && renamed.containsKey(var) ? renamed.get(var) : v;
    }

    /** The low-level twin of a high-level value: a variable's twin, or a constant converted to its repr. */
    Value lowLevel(Value v, Repr r) {
        return switch (v) {
            case Variable var -> {
                Value t = values.get(var);
                if (t == null) {
                    throw new IllegalStateException(hl.name + ": " + var + " used before it is converted");
                }
                yield t;
            }
            case Constant c -> LLConstant.of(constantValue(c, r), r.lowleveltype());
        };
    }

    private Object constantValue(Constant c, Repr r) {
        if (r instanceof ConstantRepr(var v)) {
            return v;
        }
        if (r instanceof Repr.ContributedRepr(var a)) {
            return a.lowLevelConstant((PyObject) c.value());
        }
        if (r.lowleveltype() instanceof Ptr) {
            return switch (c.value()) {
                case PySingleton n when n == PySingleton.NONE -> null;
                case PyType t -> rtyper.classes.of(t).vtablePrebuilt;
                case PyFunction f when r instanceof Repr.FunctionPtrRepr -> rtyper.targetOf(f);   // null: never called
                case PyInstance i when r instanceof Repr.InstanceRepr -> rtyper.classes.prebuiltInstance(rtyper, i);
                case PyObject o when rtyper.sequences.constant(o, r) instanceof Prebuilt p -> p;
                case PyObject o when r instanceof Repr.DictRepr d && rtyper.dicts.constant(o, d) instanceof Prebuilt p -> p;
                default -> throw error("the prebuilt object " + c + " needs the frozen prebuilt objects of part 2", 0);
            };
        }
        return RTyper.convertConst((PyObject) c.value(), (Primitive) r.lowleveltype());
    }

    /** {@code v}, of repr {@code from}, in repr {@code to}; conversion operations go to {@code out}. */
    Value convert(Value v, Repr from, Repr to, List<SpaceOperation> out, int line) {
        if (from.equals(to)) {
            return v;
        }
        if (to instanceof ConstantRepr(var k)) {
            // the annotator knows the value here (a str the tuple stores, read where it can
            // only be one constant, fuzz seed 520018), or there is nothing to store (functions
            // never called, passed where a function is wanted: fuzz seed 910803): the constant,
            // which costs nothing
            return LLConstant.voidOf(k);
        }
        if (from == Repr.CHAR && to == Repr.STR) {
            return charToStr(v, out, line);
        }
        if (from instanceof Repr.StrRepr && to == Repr.CHAR) {
            // narrowing (as the next two): only on entry to a graph whose family passes a wider
            // value than its own annotation, which the annotator proved holds every value passed
            Variable c = new Variable();
            ll.setType(c, Primitive.CHAR);
            out.add(new SpaceOperation(GETINTERIORFIELD, List.of(v, LLConstant.voidOf(Strings.CHARS), LLConstant.signed(0)),
                    c, line));
            return c;
        }
        if (from.lowleveltype() == Primitive.FLOAT && to.lowleveltype() == Primitive.SIGNED) {
            return cast(CAST_FLOAT_TO_INT, v, Primitive.SIGNED, out, line);
        }
        if (from.lowleveltype() == Primitive.SIGNED && to.lowleveltype() == Primitive.BOOL) {
            return cast(INT_IS_TRUE, v, Primitive.BOOL, out, line);
        }
        if (from instanceof ConstantRepr(var host) && v instanceof Constant && to instanceof Repr.TupleRepr) {
            // a tuple known now where a variable of its type is wanted (the classes of an
            // except (A, B): passed into the handler's block): its prebuilt object
            return LLConstant.of(constantValue(new Constant(host), to), to.lowleveltype());
        }
        if (from instanceof Repr.TupleRepr a && to instanceof Repr.TupleRepr b && !a.lowleveltype().equals(b.lowleveltype())) {
            return TupleConversion.convert(this, v, a, b, out, line);
        }
        if (to.lowleveltype() instanceof Ptr p) {
            return pointer(v, from, p, out, line);
        }
        if (v instanceof Constant c && c.value() instanceof LLConstant k) {
            if (from instanceof ConstantRepr) {
                return LLConstant.of(RTyper.convertConst((PyObject) k.value(), (Primitive) to.lowleveltype()), to.lowleveltype());
            }
        }
        LowLevelType a = from.lowleveltype();
        LowLevelType b = to.lowleveltype();
        if (a == Primitive.BOOL && b == Primitive.FLOAT) {
            return cast(CAST_INT_TO_FLOAT, cast(CAST_BOOL_TO_INT, v, Primitive.SIGNED, out, line), Primitive.FLOAT, out, line);
        }
        LLOp op = a == Primitive.SIGNED && b == Primitive.FLOAT ? CAST_INT_TO_FLOAT
                : a == Primitive.BOOL && b == Primitive.SIGNED ? CAST_BOOL_TO_INT
                : a == Primitive.SIGNED && b == Primitive.UNSIGNED ? CAST_INT_TO_UINT
                : a == Primitive.UNSIGNED && b == Primitive.SIGNED ? CAST_UINT_TO_INT
                : a == Primitive.BOOL && b == Primitive.UNSIGNED ? CAST_BOOL_TO_INT
                : null;
        if (op == null) {
            throw error("cannot convert " + a + " to " + b, line);
        }
        Value r = cast(op, v, op == CAST_BOOL_TO_INT ? Primitive.SIGNED : b, out, line);
        return op == CAST_BOOL_TO_INT && b == Primitive.UNSIGNED ? cast(CAST_INT_TO_UINT, r, b, out, line) : r;
    }

    /**
     * A value of a class or instance repr seen as another pointer along the inheritance chain
     * ({@code cast_pointer}, free at run time); None and a class known now as constant pointers.
     */
    private Value pointer(Value v, Repr from, Ptr to, List<SpaceOperation> out, int line) {
        LLConstant k = v instanceof Constant c && c.value() instanceof LLConstant x ? x : null;
        if (from instanceof ConstantRepr(var host)) {
            return switch (host) {
                case PySingleton n when n == PySingleton.NONE -> LLConstant.nullOf(to);
                case PyType t -> LLConstant.of(rtyper.classes.of(t).vtablePrebuilt, to);
                case PyStr str when to.equals(Strings.PTR) -> LLConstant.of(rtyper.strings.of(str.value()), to);
                case PyFunction f when to.to() instanceof FuncType -> LLConstant.of(rtyper.targetOf(f), to);   // null: never called
                case PyBaseException e when e.args().isEmpty() || e.args().size() == 1 && e.args().getFirst() instanceof PyStr ->
                        // a prebuilt exception (raised without allocating, as a collector must)
                        LLConstant.of(rtyper.classes.instance(rtyper.classes.of(e.type()),
                                e.args().isEmpty() ? null : ((PyStr) e.args().getFirst()).value()), to);
                default -> throw error("cannot convert " + host + " to " + to, line);
            };
        }
        if (!(from.lowleveltype() instanceof Ptr p) || !p.castableTo(to)) {
            throw error("cannot convert " + from.lowleveltype() + " to " + to, line);
        }
        if (k != null) {
            return LLConstant.of(k.value(), to);
        }
        if (p.equals(to)) {
            return v;
        }
        Variable r = new Variable();
        ll.setType(r, to);
        out.add(new SpaceOperation(CAST_POINTER, List.of(v), r, line));
        return r;
    }

    /** A char where a str is wanted: a prebuilt string for a constant, else a new string of length 1. */
    private Value charToStr(Value v, List<SpaceOperation> out, int line) {
        if (v instanceof Constant c && c.value() instanceof LLConstant k) {
            return LLConstant.of(rtyper.strings.of(String.valueOf((char) (Character) k.value())), Strings.PTR);
        }
        Variable s = new Variable();
        ll.setType(s, Strings.PTR);
        out.add(new SpaceOperation(MALLOC_VARSIZE, List.of(LLConstant.voidOf(Strings.STR), LLConstant.signed(1)), s, line));
        Variable none = new Variable();
        ll.setType(none, Primitive.VOID);
        out.add(new SpaceOperation(SETINTERIORFIELD, List.of(s, LLConstant.voidOf(Strings.CHARS), LLConstant.signed(0), v),
                none, line));
        return s;
    }

    /** {@code op(v)}: folded now when v is a constant ({@code 2} used as a float is {@code 2.0}). */
    private Value cast(LLOp op, Value v, LowLevelType to, List<SpaceOperation> out, int line) {
        if (v instanceof Constant c && c.value() instanceof LLConstant k) {
            return LLConstant.of(op.fold(k.value()), to);
        }
        Variable r = new Variable();
        ll.setType(r, to);
        out.add(new SpaceOperation(op, List.of(v), r, line));
        return r;
    }

    RTyper rtyper() {
        return rtyper;
    }

    /** Where line {@code line} of this graph is, for messages: {@code at prog.py:5 in function f}. */
    String where(int line) {
        String file = hl.code == null ? "?" : java.nio.file.Path.of(hl.code.source().name()).getFileName().toString();
        return "at " + file + ":" + line + " in function " + hl.name;
    }

    RTyperError error(String message, int line) {
        return new RTyperError(message + " (in function " + hl.name + ")", hl.code == null ? null : hl.code.source(),
                line > 0 ? line : this.line);
    }
}
