package dev.taipan.x86.gen;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.x86.asm.Mem;
import dev.taipan.x86.asm.Reg;
import dev.taipan.x86.asm.Width;
import dev.taipan.x86.regalloc.Location;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The naive frame of one graph: every variable gets a word of its own below the saved
 * {@code rbp}, the k-th at {@code [rbp - 8k]}, for its whole life. Nothing is kept in a register
 * between two operations, so there is nothing to allocate and nothing to save around a call:
 * the baseline the register allocator of a later chapter is measured against (PyPy's JIT
 * backend calls these locations {@code FrameLoc}s).
 *
 * <pre>
 *   [rbp + 16 + 8i]   the (i+7)-th integer argument, pushed by the caller
 *   [rbp + 8]         return address
 *   [rbp]             the caller's rbp
 *   [rbp - 8]         variable 1
 *   ...
 *   [rbp - 8n]        variable n          (rsp = rbp - size, size a multiple of 16)
 * </pre>
 */
record Frame(Map<Variable, Integer> offsets, int size) {

    static Frame of(Iterable<Block> blocks) {
        Map<Variable, Integer> offsets = new IdentityHashMap<>();
        for (Block b : blocks) {
            b.inputargs.forEach(v -> add(offsets, v));
            for (SpaceOperation op : b.operations) {
                add(offsets, op.result());
            }
            for (Link l : b.exits) {
                add(offsets, l.lastException);
                add(offsets, l.lastExcValue);
            }
        }
        int bytes = offsets.size() * 8;
        return new Frame(offsets, (bytes + 15) & ~15);
    }

    private static void add(Map<Variable, Integer> offsets, Variable v) {
        if (v != null && !offsets.containsKey(v)) {
            offsets.put(v, -8 * (offsets.size() + 1));
        }
    }

    int offset(Variable v) {
        Integer off = offsets.get(v);
        if (off == null) {
            throw new IllegalStateException("variable " + v + " has no frame slot");
        }
        return off;
    }

    Mem slot(Variable v) {
        return Mem.at(Width.QWORD, Reg.RBP, offset(v));
    }

    Location location(Variable v) {
        return new Location.StackSlot(offset(v));
    }
}
