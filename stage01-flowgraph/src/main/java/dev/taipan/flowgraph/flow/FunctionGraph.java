package dev.taipan.flowgraph.flow;

import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.host.PyFunction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flow graph of one function: a start block taking the function's parameters, a return
 * block (one input argument: the value returned) and an except block (two: the class and the
 * value of the exception that escapes). Every block reachable from the start block belongs to
 * the graph; there is no separate list of blocks to keep in sync.
 *
 * <p>The graph remembers the host function and the code it came from, so that its operations'
 * line numbers lead back to the source text.
 */
public final class FunctionGraph {
    public final String name;
    public Block startblock;
    public final Block returnblock;
    public final Block exceptblock;
    public final PyFunction func;
    public final Code code;
    /** How many blocks {@link #iterblocks} found last time: the size its next walk starts with. */
    private int blockCount = 16;

    public FunctionGraph(String name, Block startblock, PyFunction func, Code code) {
        this.name = name;
        this.startblock = startblock;
        this.returnblock = new Block(List.of(new Variable("result")));
        this.exceptblock = new Block(List.of(new Variable("etype"), new Variable("evalue")));
        this.func = func;
        this.code = code;
    }

    /**
     * A copy of this graph with new blocks, links and variables (PyPy's {@code copygraph}), for
     * a pass that must read a graph as it was while it rewrites the graph itself (the inliner
     * putting a recursive function into itself). Constants and operations' kinds are shared.
     * {@code vars} and {@code links} receive each original's copy, so that a later stage can
     * carry over what it keeps beside the graph (low-level types, inlined frames).
     */
    public FunctionGraph copygraph(Map<Variable, Variable> vars, Map<Link, Link> links) {
        FunctionGraph g = new FunctionGraph(name, null, func, code);
        Map<Block, Block> blocks = new IdentityHashMap<>();
        blocks.put(returnblock, g.returnblock);
        blocks.put(exceptblock, g.exceptblock);
        copyVariables(returnblock.inputargs, g.returnblock.inputargs, vars);
        copyVariables(exceptblock.inputargs, g.exceptblock.inputargs, vars);
        List<Block> originals = iterblocks();
        for (Block b : originals) {
            if (!blocks.containsKey(b)) {
                blocks.put(b, new Block(b.inputargs.stream().map(v -> vars.computeIfAbsent(v, Variable::copy)).toList()));
            }
        }
        for (Block b : originals) {
            Block c = blocks.get(b);
            for (SpaceOperation op : b.operations) {
                c.operations.add(new SpaceOperation(op.op(), op.args().stream().map(a -> copied(a, vars)).toList(),
                        vars.computeIfAbsent(op.result(), Variable::copy), op.line(), op.columns()));
            }
            c.exitswitch = b.exitswitch == null ? null : copied(b.exitswitch, vars);
            List<Link> exits = new ArrayList<>();
            for (Link l : b.exits) {
                Variable etype = l.lastException == null ? null : vars.computeIfAbsent(l.lastException, Variable::copy);
                Variable evalue = l.lastExcValue == null ? null : vars.computeIfAbsent(l.lastExcValue, Variable::copy);
                Link k = Link.exceptional(l.args.stream().map(a -> copied(a, vars)).toList(), blocks.get(l.target), l.exitcase,
                        etype, evalue);   // a normal link when there are none
                k.line = l.line;
                links.put(l, k);
                exits.add(k);
            }
            c.closeblock(exits);
        }
        g.startblock = blocks.get(startblock);
        return g;
    }

    private static void copyVariables(List<Variable> from, List<Variable> to, Map<Variable, Variable> vars) {
        for (int i = 0; i < from.size(); i++) {
            vars.put(from.get(i), to.get(i));
        }
    }

    private static Value copied(Value v, Map<Variable, Variable> vars) {
        return v instanceof Variable var ? vars.computeIfAbsent(var, Variable::copy) : v;
    }

    /** The blocks reachable from the start block, depth first, the start block first. */
    public List<Block> iterblocks() {
        // sized for the count found last time: a pass walks the same graph again and again
        Set<Block> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>(blockCount));
        List<Block> out = new ArrayList<>(blockCount);
        ArrayDeque<Block> todo = new ArrayDeque<>();
        todo.push(startblock);
        while (!todo.isEmpty()) {
            Block b = todo.pop();
            if (!seen.add(b)) {
                continue;
            }
            out.add(b);
            for (int i = b.exits.size() - 1; i >= 0; i--) {
                todo.push(b.exits.get(i).target);
            }
        }
        blockCount = out.size();
        return out;
    }

    public List<Link> iterlinks() {
        List<Link> out = new ArrayList<>();
        for (Block b : iterblocks()) {
            out.addAll(b.exits);
        }
        return out;
    }

    /** For every block, the links that enter it (PyPy's {@code mkentrymap}); the start block gets none. */
    public Map<Block, List<Link>> mkentrymap() {
        Map<Block, List<Link>> map = new IdentityHashMap<>();
        for (Block b : iterblocks()) {
            map.computeIfAbsent(b, k -> new ArrayList<>());
            for (Link l : b.exits) {
                map.computeIfAbsent(l.target, k -> new ArrayList<>()).add(l);
            }
        }
        return map;
    }

    /** Every operation of the graph, in block order. */
    public List<SpaceOperation> operations() {
        List<SpaceOperation> out = new ArrayList<>();
        for (Block b : iterblocks()) {
            out.addAll(b.operations);
        }
        return out;
    }

    /** Distinct operation names, in order of appearance (handy in tests). */
    public Set<String> opnames() {
        Set<String> out = new LinkedHashSet<>();
        for (SpaceOperation op : operations()) {
            out.add(op.opname());
        }
        return out;
    }

    @Override
    public String toString() {
        return "<FunctionGraph " + name + ">";
    }
}
