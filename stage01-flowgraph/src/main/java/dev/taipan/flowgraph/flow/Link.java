package dev.taipan.flowgraph.flow;

import java.util.ArrayList;
import java.util.List;

/**
 * A control-flow edge: it passes {@link #args} to the {@link #target} block's input arguments
 * (one per input argument: this is how SSA values cross blocks, instead of phi nodes).
 *
 * <p>{@link #exitcase} says when the link is taken: null for the only exit of a block;
 * {@code True}/{@code False} (host bools) when the block switches on a variable; for a block
 * that ends with {@link Constant#LAST_EXCEPTION}, null on the first link (no exception) and an
 * exception class on the others. An exception link also carries two fresh variables,
 * {@link #lastException} (the class of the exception caught) and {@link #lastExcValue} (the
 * exception object): they are defined by taking the link, not by any operation, which is why
 * they live on the link. The handler gets them as ordinary arguments, and the annotator can
 * type {@code lastExcValue} from the exit case (an instance of that class).
 */
public final class Link {
    public List<Value> args;
    public Block target;
    public Block prevblock;
    public final Object exitcase;
    public Variable lastException;
    public Variable lastExcValue;
    /**
     * The source line of the instruction that ended the block with this link (a {@code return},
     * a jump, a branch), or 0: it lets a later stage point at a bare {@code return x}, which
     * has no operation of its own to carry a line.
     */
    public int line;

    public Link(List<? extends Value> args, Block target, Object exitcase) {
        this.args = new ArrayList<>(args);
        this.target = target;
        this.exitcase = exitcase;
    }

    /** An exception link: taken when the block's last operation raises an instance of {@code exitcase}. */
    public static Link exceptional(List<? extends Value> args, Block target, Object exitcase,
                                   Variable lastException, Variable lastExcValue) {
        Link l = new Link(args, target, exitcase);
        l.lastException = lastException;
        l.lastExcValue = lastExcValue;
        return l;
    }

    public boolean isException() {
        return lastException != null;
    }

    @Override
    public String toString() {
        return "link(" + args + " -> " + target + (exitcase == null ? "" : ", case " + Constant.of(exitcase)) + ")";
    }
}
