package dev.taipan.gc.gctransform;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.gc.gctransform.GcEntryPoints.AllocFastPath;
import dev.taipan.gc.layout.GcHeader;
import dev.taipan.gc.layout.TypeIds;
import dev.taipan.gc.layout.TypeInfo;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.ContainerType;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.StructType;
import dev.taipan.rtyper.transform.GraphEdit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inline fast paths of allocation and of the write barrier (PyPy's framework GC transformer
 * inlines the same tests; its JIT reads {@code gc_adr_of_nursery_free} to emit them in machine
 * code). Almost every allocation fits in the nursery and almost every barrier finds its object
 * young or already remembered, so paying a call for them would make the common case the slow
 * one. Each rewrite cuts the block: a test, a fast block, the old call in a slow block, and
 * both joining the rest of the block.
 *
 * <pre>
 * free = getfield(GC, 'nursery_free')        new = adr_add(free, 24)
 * top  = getfield(GC, 'nursery_top')         fits = adr_le(new, top)
 *   fits:  setfield(GC, 'nursery_free', new); raw_store(free, 0, typeid); p = cast_adr_to_ptr(free)
 *   else:  gc_push_roots(..); p = malloc(Node) (the call); gc_pop_roots(..); gc_restore_root ...
 * </pre>
 *
 * <ul>
 *   <li>The collector's module names its bump pointer ({@code ALLOC_FAST_PATH}); the fields are
 *       those of its prebuilt {@code GC} instance, found by name through the inlined parents.
 *   <li>The memory between {@code free} and {@code top} is kept zero by the collector (it clears
 *       a space or nursery whole when it makes it), so the fast path writes the header (and the
 *       length of a var-sized object) and nothing else.
 *   <li>Only the slow branch can collect, so the shadow-stack pushes and reloads around the
 *       allocation move into it; the fast branch passes the pointers on unchanged.
 *   <li>A var-sized allocation computes its size inline, {@code fixed + n * itemsize} rounded to
 *       a word, behind a guard on {@code n} (unsigned, so a negative length fails too) that also
 *       keeps the product far from overflow; objects larger than the collector's {@code largest}
 *       (the generational nursery's large objects, allocated old) always take the call.
 *   <li>The write barrier: {@code if header & TRACK_YOUNG_PTRS: gc_write_barrier(obj)}, one load
 *       and a test when the object is young or already remembered.
 * </ul>
 * Under {@code --gc-stress} the collector keeps {@code free == top}, so every allocation takes
 * the call and collects, and the graphs are the same as without it.
 */
final class FastPaths {
    private final GcEntryPoints entries;
    private final TypeIds ids;

    FastPaths(GcEntryPoints entries, TypeIds ids) {
        this.entries = entries;
        this.ids = ids;
    }

    /** Rewrites every allocation and barrier of {@code g} that has a fast path. */
    void apply(LowLevelGraph g) {
        GraphEdit edit = new GraphEdit(g);
        for (Block b : List.copyOf(g.graph().iterblocks())) {   // not the blocks it adds: a slow block keeps its call
            for (Block rest = rewriteFirst(edit, b); rest != null; rest = rewriteFirst(edit, rest)) {
                // the rest of the block may hold more
            }
        }
    }

    /** Rewrites the first operation of {@code b} that has a fast path; the block of what followed it, or null if none has. */
    private Block rewriteFirst(GraphEdit edit, Block b) {
        for (int i = 0; i < b.operations.size(); i++) {
            SpaceOperation op = b.operations.get(i);
            if ((op.op() == LLOp.MALLOC || op.op() == LLOp.MALLOC_VARSIZE) && inline(op)) {
                return inlineMalloc(edit, b, i);
            }
            if (op.op() == GcOp.GC_WRITE_BARRIER && entries.writeBarrierFlag() != 0) {
                return inlineWriteBarrier(edit, b, i);
            }
        }
        return null;
    }

    /**
     * Whether {@code op}'s objects can come from the bump pointer: there is one, and the object
     * is not too large for it (when its length is a constant, known now to be too large or not).
     */
    private boolean inline(SpaceOperation op) {
        AllocFastPath fast = entries.allocFastPath();
        long known = knownLength(op);
        return fast != null && (op.op() == LLOp.MALLOC || known != -2)
                && ids.info(allocated(op)).sizeOf(Math.max(known, 0)) <= fast.largest();
    }

    /** The length of a {@code malloc_varsize} when it is a constant: -1 when it is not, -2 when it is negative or huge. */
    private static long knownLength(SpaceOperation op) {
        if (op.op() != LLOp.MALLOC_VARSIZE || !(op.args().get(1) instanceof Constant)) {
            return -1;
        }
        long n = longOf(op.args().get(1));
        return n < 0 || n > Integer.MAX_VALUE ? -2 : n;
    }

    private Block inlineMalloc(GraphEdit edit, Block b, int i) {
        SpaceOperation op = b.operations.get(i);
        int line = op.line();
        List<SpaceOperation> ops = b.operations;
        int first = i > 0 && ops.get(i - 1).op() == GcOp.GC_PUSH_ROOTS ? i - 1 : i;
        int last = i;
        if (last + 1 < ops.size() && ops.get(last + 1).op() == GcOp.GC_POP_ROOTS) {
            last++;
            while (last + 1 < ops.size() && ops.get(last + 1).op() == GcOp.GC_RESTORE_ROOT) {
                last++;
            }
        }
        List<SpaceOperation> call = List.copyOf(ops.subList(first, last + 1));
        Link toRest = edit.splitAfter(b, last);
        b.operations.subList(first, b.operations.size()).clear();

        // The fast path cannot collect: what the slow path reloads from the shadow stack is, on
        // the fast path, the very pointer it pushed.
        Map<Variable, Value> fastValues = new IdentityHashMap<>();
        if (first < i) {
            List<Value> pushed = call.getFirst().args();
            for (SpaceOperation r : call) {
                if (r.op() == GcOp.GC_RESTORE_ROOT) {
                    fastValues.put(r.result(), pushed.get((int) longOf(r.args().getFirst())));
                }
            }
        }

        AllocFastPath fast = entries.allocFastPath();
        TypeInfo info = ids.info(allocated(op));
        List<SpaceOperation> test = b.operations;
        Value gcFree = instanceField(edit, test, line, fast.free());
        Value gcTop = instanceField(edit, test, line, fast.top());
        Variable free = edit.add(test, LLOp.GETFIELD, Primitive.ADDRESS, line, gcFree, LLConstant.voidOf(fast.free()));
        Variable top = edit.add(test, LLOp.GETFIELD, Primitive.ADDRESS, line, gcTop, LLConstant.voidOf(fast.top()));
        Variable fits;
        Variable newFree;
        if (op.op() == LLOp.MALLOC || knownLength(op) >= 0) {
            long size = info.sizeOf(Math.max(knownLength(op), 0));
            newFree = edit.add(test, LLOp.ADR_ADD, Primitive.ADDRESS, line, free, LLConstant.signed(size));
            fits = edit.add(test, LLOp.ADR_LE, Primitive.BOOL, line, newFree, top);
        } else {
            Value n = op.args().get(1);
            long maxLength = info.itemSize() == 0 ? Long.MAX_VALUE : (fast.largest() - info.fixedSize()) / info.itemSize();
            Variable unsignedN = edit.add(test, LLOp.CAST_INT_TO_UINT, Primitive.UNSIGNED, line, n);
            Variable small = edit.add(test, LLOp.UINT_LE, Primitive.BOOL, line, unsignedN,
                    LLConstant.of(maxLength, Primitive.UNSIGNED));
            Variable items = edit.add(test, LLOp.INT_MUL, Primitive.SIGNED, line, n, LLConstant.signed(info.itemSize()));
            Variable unrounded = edit.add(test, LLOp.INT_ADD, Primitive.SIGNED, line, items,
                    LLConstant.signed(info.fixedSize() + Layout.WORD - 1));
            Variable size = edit.add(test, LLOp.INT_AND, Primitive.SIGNED, line, unrounded, LLConstant.signed(-Layout.WORD));
            newFree = edit.add(test, LLOp.ADR_ADD, Primitive.ADDRESS, line, free, size);
            Variable room = edit.add(test, LLOp.ADR_LE, Primitive.BOOL, line, newFree, top);
            // both tests in one switch: a length past the guard made a meaningless size, never read
            Variable both = edit.add(test, LLOp.INT_AND, Primitive.SIGNED, line,
                    edit.add(test, LLOp.CAST_BOOL_TO_INT, Primitive.SIGNED, line, small),
                    edit.add(test, LLOp.CAST_BOOL_TO_INT, Primitive.SIGNED, line, room));
            fits = edit.add(test, LLOp.INT_NE, Primitive.BOOL, line, both, LLConstant.signed(0));
        }

        List<SpaceOperation> carve = new ArrayList<>();
        edit.add(carve, LLOp.SETFIELD, Primitive.VOID, line, gcFree, LLConstant.voidOf(fast.free()), newFree);
        edit.add(carve, LLOp.RAW_STORE, Primitive.VOID, line, free, LLConstant.signed(0),
                LLConstant.signed(GcHeader.word(info.id(), 0)));
        if (op.op() == LLOp.MALLOC_VARSIZE) {
            edit.add(carve, LLOp.RAW_STORE, Primitive.VOID, line, free, LLConstant.signed(info.lengthOffset()), op.args().get(1));
        }
        Variable object = edit.add(carve, LLOp.CAST_ADR_TO_PTR, edit.graph().typeOf(op.result()), line, free);
        fastValues.put(op.result(), object);

        Block rest = toRest.target;
        Link toFast = carrying(edit, carve, GraphEdit.rename(toRest.args, fastValues), rest);
        Link toSlow = carrying(edit, call, toRest.args, rest);
        GraphEdit.branch(b, fits, toSlow, toFast);
        return rest;
    }

    private Block inlineWriteBarrier(GraphEdit edit, Block b, int i) {
        SpaceOperation op = b.operations.get(i);
        int line = op.line();
        Link toRest = edit.splitAfter(b, i);
        b.operations.removeLast();
        List<SpaceOperation> test = b.operations;
        Variable adr = edit.add(test, LLOp.CAST_PTR_TO_ADR, Primitive.ADDRESS, line, op.args().getFirst());
        Variable header = edit.add(test, LLOp.RAW_LOAD, Primitive.SIGNED, line, adr, LLConstant.signed(0));
        Variable flag = edit.add(test, LLOp.INT_AND, Primitive.SIGNED, line, header, LLConstant.signed(entries.writeBarrierFlag()));
        Variable tracked = edit.add(test, LLOp.INT_NE, Primitive.BOOL, line, flag, LLConstant.signed(0));
        Block rest = toRest.target;
        GraphEdit.branch(b, tracked, new Link(toRest.args, rest, null), carrying(edit, List.of(op), toRest.args, rest));
        return rest;
    }

    /**
     * The pointer through which field {@code name} of the collector's instance is reached: the
     * instance, or its part of the class that defines the field (parents are inlined first, as
     * {@code super}), as the rtyper reaches it.
     */
    private Value instanceField(GraphEdit edit, List<SpaceOperation> ops, int line, String name) {
        Value p = entries.gc();
        StructType s = (StructType) ((Ptr) ((LLConstant) ((Constant) p).value()).type()).to();
        while (s.fields().stream().noneMatch(f -> f.name().equals(name))) {
            if (s.fields().isEmpty() || !s.fields().getFirst().name().equals("super")) {
                throw new IllegalStateException("ALLOC_FAST_PATH names '" + name + "', which the collector's GC instance has not");
            }
            Field parent = s.fields().getFirst();
            s = (StructType) parent.type();
            p = edit.add(ops, LLOp.CAST_POINTER, new Ptr(s), line, p);
        }
        return p;
    }

    /**
     * A new block running {@code ops} and going to {@code target} with {@code exitArgs}; the
     * link to it, which brings it every variable it uses and does not define.
     */
    private static Link carrying(GraphEdit edit, List<SpaceOperation> ops, List<Value> exitArgs, Block target) {
        Set<Variable> defined = Collections.newSetFromMap(new IdentityHashMap<>());
        ops.forEach(op -> defined.add(op.result()));
        Set<Variable> needed = new LinkedHashSet<>();
        for (SpaceOperation op : ops) {
            op.args().forEach(a -> need(a, defined, needed));
        }
        exitArgs.forEach(a -> need(a, defined, needed));
        Map<Variable, Value> renamed = new IdentityHashMap<>();
        List<Variable> inputs = new ArrayList<>();
        for (Variable v : needed) {
            Variable c = edit.copy(v);
            renamed.put(v, c);
            inputs.add(c);
        }
        Block block = new Block(inputs);
        block.operations = new ArrayList<>(ops.stream().map(op -> op.withArgs(GraphEdit.rename(op.args(), renamed))).toList());
        block.closeblock(new Link(new ArrayList<>(GraphEdit.rename(exitArgs, renamed)), target, null));
        return new Link(new ArrayList<>(needed), block, null);
    }

    private static void need(Value a, Set<Variable> defined, Set<Variable> needed) {
        if (a instanceof Variable v && !defined.contains(v)) {
            needed.add(v);
        }
    }

    private static ContainerType allocated(SpaceOperation op) {
        return (ContainerType) ((LLConstant) ((Constant) op.args().getFirst()).value()).value();
    }

    private static long longOf(Value v) {
        return (Long) ((LLConstant) ((Constant) v).value()).value();
    }
}
