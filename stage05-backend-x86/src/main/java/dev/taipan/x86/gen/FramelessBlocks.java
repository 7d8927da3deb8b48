package dev.taipan.x86.gen;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.x86.regalloc.Location;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The blocks that run before the frame is set up: <em>shrink-wrapping</em>, as gcc and LLVM
 * place the prologue. A function's early blocks often need no frame at all: {@code fib}'s test
 * {@code n < 2} and its {@code return n} touch only {@code n}, in the register it arrived in,
 * and half of fib's calls end there. Saving the callee-saved registers and setting up the frame
 * only on the path that needs them makes each of those calls a few instructions and no memory
 * access.
 *
 * <p>A block needs the frame when it calls (the callee expects {@code rsp} 16-byte aligned, and
 * a value live across the call is in a callee-saved register), or when one of its values lives in
 * a callee-saved register (which must be saved before it is written) or a frame word. The
 * frameless blocks are the largest set of blocks that need no frame and are entered only from
 * each other (or are the start block): then no path leaves the frame and comes back, the
 * prologue goes on each link from a frameless block into one that needs the frame (before the
 * link's moves, which may write callee-saved registers), and a return from a frameless block is
 * a bare {@code ret}. The set is found by removing, until nothing changes, every candidate with
 * an entering link from outside it.
 */
final class FramelessBlocks {

    private FramelessBlocks() {
    }

    /** The frameless blocks of {@code graph}, whose variables live where {@code frame} says. */
    static Set<Block> of(FunctionGraph graph, List<Block> order, Frame frame) {
        Set<Block> frameless = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Block b : order) {
            if (b != graph.returnblock && b != graph.exceptblock && !needsFrame(b, frame)) {
                frameless.add(b);
            }
        }
        Map<Block, List<Link>> entering = graph.mkentrymap();
        boolean changed = true;
        while (changed) {
            changed = frameless.removeIf(b -> entering.getOrDefault(b, List.of()).stream().anyMatch(l -> !frameless.contains(l.prevblock)));
        }
        return frameless;
    }

    private static boolean needsFrame(Block b, Frame frame) {
        for (Variable v : b.inputargs) {
            if (framed(v, frame)) {
                return true;
            }
        }
        for (SpaceOperation op : b.operations) {
            if (InstructionSelector.calls(op) != InstructionSelector.Calls.NONE || framed(op.result(), frame)) {
                return true;
            }
            for (Value a : op.args()) {
                if (framed(a, frame)) {
                    return true;
                }
            }
        }
        if (framed(b.exitswitch, frame)) {
            return true;
        }
        for (Link l : b.exits) {
            for (Value a : l.args) {
                if (framed(a, frame)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code v} lives where only the frame can hold it: a callee-saved register or a frame word. */
    private static boolean framed(Value v, Frame frame) {
        if (!(v instanceof Variable var)) {
            return false;
        }
        return switch (frame.home(var)) {
            case null -> false;
            case Location.StackSlot s -> true;
            case Location.Gpr(var r) -> frame.calleeSaved().contains(r);
            case Location.Fpr x -> false;
            case Location.Const k -> false;
        };
    }
}
