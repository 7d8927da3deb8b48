package dev.taipan.rtyper.transform;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.rtyper.llgraph.InlinedFrames;
import dev.taipan.rtyper.llgraph.InlinedFrames.Origin;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.Primitive;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code direct_call} replaced by a copy of its callee's blocks (PyPy's {@code inline.py},
 * {@code BaseInliner}). The caller's block is cut at the call: its first half jumps to the copy of
 * the callee's start block with the call's arguments, every return of the copy jumps to a new block
 * holding the second half, with the returned value where the call's result was. Since a variable
 * lives in one block only, the caller's values that the second half needs ride along: every copied
 * block takes them as extra input arguments and every copied link passes them on (PyPy's
 * {@code passon_vars}).
 *
 * <p>Exceptions. A {@code raise} in the callee, a link to its except block, becomes:
 * <ul>
 *   <li>where the call is not inside a {@code try}: a link to the caller's except block, as if
 *       the caller had raised, and a raising operation of the callee simply raises out of the
 *       caller, as the call did;</li>
 *   <li>where the call is the raising operation of a block with exception links (inside a
 *       {@code try}): a link straight to the caller's handler that catches the class raised,
 *       decided now ({@link ExceptionMatch}), or to the caller's except block if none does; and
 *       every block of the callee whose last operation can raise gets the caller's exception links
 *       after its own, so that what the callee does not catch, the caller's handlers see, in
 *       order. This needs the callee's raises to be of constant classes and its raising
 *       operations to end blocks: {@link #inlinable} says whether they are.</li>
 * </ul>
 * Every copied operation and raising link records the frame it comes from
 * ({@link InlinedFrames}), so that a traceback through it still shows the callee and the line of
 * the call.
 */
final class InlineCallSite {

    private final LowLevelGraph caller;
    private final Block block;
    private final int index;
    private final SpaceOperation call;
    private final LowLevelGraph callee;
    /** What is copied: the callee, or a copy of it made before the caller changed, when the two are one graph. */
    private final LowLevelGraph body;
    private final boolean inTry;
    private final InlinedFrames.Frame site;
    /** The caller's values defined before the call and used after it, in a fixed order. */
    private final List<Variable> passon;

    InlineCallSite(LowLevelGraph caller, Block block, int index, LowLevelGraph callee) {
        this(caller, block, index, callee, callee);
    }

    /** A call of {@code callee} replaced by a copy of {@code body}, which is {@code callee} as it was when copied. */
    InlineCallSite(LowLevelGraph caller, Block block, int index, LowLevelGraph callee, LowLevelGraph body) {
        this.caller = caller;
        this.block = block;
        this.index = index;
        this.call = block.operations.get(index);
        this.callee = callee;
        this.body = body;
        this.inTry = block.canRaise() && index == block.operations.size() - 1;
        this.site = new InlinedFrames.Frame(caller, call.line());
        this.passon = passon();
    }

    /**
     * Whether this call can be inlined with its meaning kept: the types agree, and inside a
     * {@code try}, every way out of the callee by an exception is one this class can route (see
     * the class comment).
     */
    boolean inlinable(RaiseAnalysis raises) {
        FunctionGraph f = body.graph();
        List<Value> args = call.args().subList(1, call.args().size());
        if (args.size() != f.startblock.inputargs.size()
                || !caller.typeOf(call.result()).equals(body.typeOf(f.returnblock.inputargs.getFirst()))) {
            return false;
        }
        for (int i = 0; i < args.size(); i++) {
            if (!caller.typeOf(args.get(i)).equals(body.typeOf(f.startblock.inputargs.get(i)))) {
                return false;
            }
        }
        if (!inTry) {
            return true;
        }
        for (Block b : f.iterblocks()) {
            for (int i = 0; i < b.operations.size(); i++) {
                boolean endsTry = b.canRaise() && i == b.operations.size() - 1;
                if (!endsTry && raises.canRaise(b.operations.get(i))) {
                    return false;
                }
            }
            for (Link l : b.exits) {
                if (l.target == f.exceptblock && !(l.args.getFirst() instanceof Constant)) {
                    return false;   // a class known only at run time: no handler can be chosen now
                }
            }
        }
        return true;
    }

    /** Does it: the caller's block now ends by jumping into the copy of the callee. */
    void inline() {
        FunctionGraph f = body.graph();
        Block after = afterBlock();
        Map<Block, Block> copies = new IdentityHashMap<>();
        Map<Block, Map<Variable, Value>> scopes = new IdentityHashMap<>();
        for (Block b : f.iterblocks()) {
            if (b == f.returnblock || b == f.exceptblock) {
                continue;
            }
            Map<Variable, Value> scope = new IdentityHashMap<>();
            List<Variable> inputs = new ArrayList<>();
            for (Variable v : b.inputargs) {
                inputs.add(fresh(v, body, scope));
            }
            for (Variable v : passon) {
                inputs.add(fresh(v, caller, scope));
            }
            copies.put(b, new Block(inputs));
            scopes.put(b, scope);
        }
        for (Map.Entry<Block, Block> e : copies.entrySet()) {
            copyBlock(e.getKey(), e.getValue(), scopes.get(e.getKey()), copies, after);
        }
        List<Value> enter = new ArrayList<>(call.args().subList(1, call.args().size()));
        enter.addAll(passon);
        block.operations = new ArrayList<>(block.operations.subList(0, index));
        block.exitswitch = null;
        block.closeblock(new Link(enter, copies.get(f.startblock), null));
    }

    /** The second half of the caller's block: the operations after the call and the block's exits. */
    private Block afterBlock() {
        Map<Variable, Value> scope = new IdentityHashMap<>();
        List<Variable> inputs = new ArrayList<>();
        for (Variable v : passon) {
            inputs.add(fresh(v, caller, scope));
        }
        inputs.add(fresh(call.result(), caller, scope));
        Block after = new Block(inputs);
        for (SpaceOperation op : block.operations.subList(index + 1, block.operations.size())) {
            after.operations.add(op.withArgs(op.args().stream().map(a -> scope.getOrDefault(a, a)).toList()));
        }
        List<Link> exits = inTry ? List.of(block.exits.getFirst()) : block.exits;
        for (Link l : exits) {
            l.args = new ArrayList<>(l.args.stream().map(a -> scope.getOrDefault(a, a)).toList());
        }
        after.exitswitch = inTry ? null : block.exitswitch instanceof Variable v ? scope.getOrDefault(v, v) : block.exitswitch;
        after.closeblock(exits);
        return after;
    }

    private void copyBlock(Block from, Block to, Map<Variable, Value> scope, Map<Block, Block> copies, Block after) {
        FunctionGraph f = body.graph();
        for (SpaceOperation op : from.operations) {
            Variable result = fresh(op.result(), body, scope);
            to.operations.add(new SpaceOperation(op.op(), op.args().stream().map(a -> scope.getOrDefault(a, a)).toList(),
                    result, op.line(), op.columns()));
            caller.inlined().set(result, origin(body.inlined().of(op.result())));
        }
        to.exitswitch = from.exitswitch instanceof Variable v ? scope.get(v) : from.exitswitch;
        List<Link> exits = new ArrayList<>();
        for (Link l : from.exits) {
            Map<Variable, Value> linkScope = new IdentityHashMap<>(scope);
            Variable etype = l.lastException == null ? null : fresh(l.lastException, body, linkScope);
            Variable evalue = l.lastExcValue == null ? null : fresh(l.lastExcValue, body, linkScope);
            List<Value> args = l.args.stream().map(a -> linkScope.getOrDefault(a, a)).toList();
            Link copy;
            if (l.target == f.returnblock) {
                copy = link(passed(scope, args.getFirst()), after, l, etype, evalue);
            } else if (l.target == f.exceptblock) {
                copy = raise(scope, args, l, etype, evalue);
                caller.inlined().set(copy, origin(body.inlined().of(l)));
            } else {
                List<Value> passed = new ArrayList<>(args);
                passon.forEach(v -> passed.add(scope.get(v)));
                copy = link(passed, copies.get(l.target), l, etype, evalue);
            }
            copy.line = l.line;
            exits.add(copy);
        }
        if (inTry && from.canRaise()) {
            for (Link handler : block.exits.subList(1, block.exits.size())) {
                if (exits.stream().anyMatch(l -> handler.exitcase.equals(l.exitcase))) {
                    continue;   // the callee's own link for this class comes first and takes them all
                }
                Map<Variable, Value> linkScope = new IdentityHashMap<>(scope);
                Variable etype = fresh(handler.lastException, caller, linkScope);
                Variable evalue = fresh(handler.lastExcValue, caller, linkScope);
                exits.add(callersHandler(handler, linkScope, etype, evalue));
            }
        }
        to.closeblock(exits);
    }

    /** A raise of the callee: to the caller's handler for its class (inside a try), or out of the caller. */
    private Link raise(Map<Variable, Value> scope, List<Value> args, Link l, Variable etype, Variable evalue) {
        if (inTry) {
            Optional<Link> handler = handlerFor(args.get(0));
            if (handler.isPresent()) {
                Map<Variable, Value> handlerScope = new IdentityHashMap<>(scope);
                handlerScope.put(handler.get().lastException, args.get(0));
                handlerScope.put(handler.get().lastExcValue, args.get(1));
                Link routed = link(mapped(handler.get(), handlerScope), handler.get().target, l, etype, evalue);
                return l.isException() || !keepsInstance(handler.get()) ? routed : startingTraceback(routed, args.get(1), l);
            }
        }
        return link(args, caller.graph().exceptblock, l, etype, evalue);
    }

    /** The first exception link of the call's block that catches a raise of {@code etype}, if known now. */
    private Optional<Link> handlerFor(Value etype) {
        if (!inTry) {
            return Optional.empty();
        }
        for (Link handler : block.exits.subList(1, block.exits.size())) {
            Optional<Boolean> caught = ExceptionMatch.catches(handler.exitcase, etype);
            if (caught.isEmpty()) {
                return Optional.empty();
            }
            if (caught.get()) {
                return Optional.of(handler);
            }
        }
        return Optional.empty();
    }

    /** Whether a handler passes on the instance it catches, so that it may raise it again. */
    private static boolean keepsInstance(Link handler) {
        return handler.lastExcValue != null && handler.args.contains(handler.lastExcValue);
    }

    /**
     * {@code routed}, a raise of the callee jumping straight to the caller's handler, through a
     * block that starts the traceback of the instance {@code evalue} where the callee raised it
     * ({@code debug_start_traceback}, standing where {@code raise} is). A handler may raise what
     * it caught again (a bare {@code raise}, or the implicit one when no {@code except} clause
     * matches), and a re-raised exception keeps its traceback, with the callee's frame; a jump
     * records none, so this block does, for the llinterp and for the exception transform alike.
     */
    private Link startingTraceback(Link routed, Value evalue, Link raise) {
        Map<Variable, Value> scope = new IdentityHashMap<>();
        List<Variable> inputs = new ArrayList<>();
        List<Value> passed = new ArrayList<>();
        for (Value a : routed.args) {
            if (a instanceof Variable v && !scope.containsKey(v)) {
                inputs.add(fresh(v, caller, scope));
                passed.add(v);
            }
        }
        Block start = new Block(inputs);
        Variable debug = new Variable();
        caller.setType(debug, Primitive.VOID);
        start.operations.add(new SpaceOperation(LLOp.DEBUG_START_TRACEBACK, List.of(scope.getOrDefault(evalue, evalue)), debug,
                InlinedFrames.line(raise), call.columns()));
        caller.inlined().set(debug, origin(body.inlined().of(raise)));
        start.closeblock(new Link(routed.args.stream().map(a -> scope.getOrDefault(a, a)).toList(), routed.target, null));
        return new Link(passed, start, routed.exitcase);
    }

    /** One of the caller's exception links, added to a copied block whose last operation can raise. */
    private Link callersHandler(Link handler, Map<Variable, Value> scope, Variable etype, Variable evalue) {
        scope.put(handler.lastException, etype);
        scope.put(handler.lastExcValue, evalue);
        Link l = Link.exceptional(mapped(handler, scope), handler.target, handler.exitcase, etype, evalue);
        l.line = handler.line;
        return l;
    }

    /** The arguments of one of the call block's links, with the caller's values as the copied block has them. */
    private List<Value> mapped(Link handler, Map<Variable, Value> scope) {
        List<Value> out = new ArrayList<>();
        for (Value a : handler.args) {
            out.add(a instanceof Variable v && scope.containsKey(v) ? scope.get(v) : a);
        }
        return out;
    }

    /** A link like {@code model} (normal or exceptional, same case) to {@code target}. */
    private static Link link(List<Value> args, Block target, Link model, Variable etype, Variable evalue) {
        return model.isException() ? Link.exceptional(args, target, model.exitcase, etype, evalue)
                : new Link(args, target, model.exitcase);
    }

    /** The passed-on values, then {@code last}: the arguments of a jump to the after-block. */
    private List<Value> passed(Map<Variable, Value> scope, Value last) {
        List<Value> out = new ArrayList<>();
        passon.forEach(v -> out.add(scope.get(v)));
        out.add(last);
        return out;
    }

    private Origin origin(Origin inner) {
        return inner == null ? new Origin(callee, List.of(site)) : inner.calledFrom(site);
    }

    /** A new variable standing for {@code v} (typed as in {@code from}) in the caller, recorded in {@code scope}. */
    private Variable fresh(Variable v, LowLevelGraph from, Map<Variable, Value> scope) {
        Variable copy = v.copy();
        caller.setType(copy, from.typeOf(v));
        scope.put(v, copy);
        return copy;
    }

    /** The variables of the call's block defined before the call and used after it or by its links. */
    private List<Variable> passon() {
        Set<Variable> before = new LinkedHashSet<>(block.inputargs);
        for (SpaceOperation op : block.operations.subList(0, index)) {
            before.add(op.result());
        }
        Set<Variable> used = new LinkedHashSet<>();
        for (SpaceOperation op : block.operations.subList(index + 1, block.operations.size())) {
            op.args().forEach(a -> addIfVariable(used, a));
        }
        addIfVariable(used, block.exitswitch);
        for (Link l : block.exits) {
            l.args.forEach(a -> addIfVariable(used, a));
        }
        used.retainAll(before);
        return new ArrayList<>(used);
    }

    private static void addIfVariable(Set<Variable> out, Value v) {
        if (v instanceof Variable var) {
            out.add(var);
        }
    }
}
