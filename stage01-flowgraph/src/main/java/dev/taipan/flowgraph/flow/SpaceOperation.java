package dev.taipan.flowgraph.flow;

import dev.taipan.flowgraph.operation.Op;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One operation of a block: {@code result = op(args...)}, where {@code op} is an entry of a
 * catalogue ({@link dev.taipan.flowgraph.operation.HLOp} from the flow space, the low-level
 * operations from stage 03 on), and the source position it came from
 * (its line, and the columns of the expression as {@link dev.taipan.flowgraph.bytecode.Code#packColumns}
 * packs them), so that errors and pictures speak of the user's program.
 */
public record SpaceOperation(Op op, List<Value> args, Variable result, int line, int columns) {
    public SpaceOperation {
        args = List.copyOf(args);
    }

    /** An operation whose columns are unknown. */
    public SpaceOperation(Op op, List<Value> args, Variable result, int line) {
        this(op, args, result, line, dev.taipan.flowgraph.bytecode.Code.NO_COLUMNS);
    }

    /** The operation's name, as pictures and text show it. */
    public String opname() {
        return op.opname();
    }

    /** The same operation with other arguments (simplification passes rename). */
    public SpaceOperation withArgs(List<Value> newArgs) {
        return new SpaceOperation(op, newArgs, result, line, columns);
    }

    @Override
    public String toString() {
        return result + " = " + op.opname() + "(" + args.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }
}
