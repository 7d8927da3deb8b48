package dev.taipan.flowgraph.flow;

import java.util.ArrayList;
import java.util.List;

/**
 * A basic block: input arguments, a straight list of operations, and how it ends. The
 * {@link #exitswitch} says which exit to take: null (one exit), a variable (one exit per
 * value, {@code False} and {@code True}), or {@link Constant#LAST_EXCEPTION} (the last
 * operation may raise: the first exit is the normal one, the others one per exception class).
 * The return block and the except block of a graph have no operations and no exits.
 *
 * <p>Mutable, like PyPy's: the flow space fills blocks while it interprets, closes them, and
 * may later turn a block into a plain link to a more general one; the simplification passes
 * rewrite them.
 */
public final class Block {
    public List<Variable> inputargs;
    public List<SpaceOperation> operations = new ArrayList<>();
    public Value exitswitch;
    public List<Link> exits = new ArrayList<>();

    public Block(List<Variable> inputargs) {
        this.inputargs = new ArrayList<>(inputargs);
    }

    /** Ends the block with these exits. */
    public void closeblock(List<Link> links) {
        exits = new ArrayList<>(links);
        for (Link l : links) {
            l.prevblock = this;
        }
    }

    public void closeblock(Link... links) {
        closeblock(List.of(links));
    }

    /** Whether the last operation is covered by exception links. */
    public boolean canRaise() {
        return Constant.LAST_EXCEPTION.equals(exitswitch);
    }

    /** The operation whose exceptions the exception links catch. */
    public SpaceOperation raisingOp() {
        return operations.getLast();
    }

    /** Input arguments and operation results: every variable this block defines. */
    public List<Variable> getVariables() {
        List<Variable> out = new ArrayList<>(inputargs);
        for (SpaceOperation op : operations) {
            out.add(op.result());
        }
        return out;
    }

    @Override
    public String toString() {
        return "block@" + Integer.toHexString(System.identityHashCode(this)) + inputargs;
    }
}
