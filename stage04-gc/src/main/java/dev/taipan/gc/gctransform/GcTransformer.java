package dev.taipan.gc.gctransform;

import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.gc.Collector;
import dev.taipan.gc.GcParams;
import dev.taipan.gc.layout.GcLayout;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lloperation.LowLevelOperation;
import dev.taipan.rtyper.lltype.ContainerType;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.transform.GraphAnalysis;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The GC transformer (PyPy's {@code gctransform/framework.py}): turns an exception-transformed
 * low-level program that allocates with {@code malloc} into one that allocates through a
 * collector written in RPy and keeps its roots where the collector finds them.
 *
 * <ol>
 *   <li>The collector's own graphs must never allocate in the GC heap (a collector that
 *       allocated while collecting would run itself): checked on every graph they reach.
 *   <li>For a generational collector, the write barriers: {@link WriteBarriers}.
 *   <li>The roots: {@link ShadowStackRoots}, around every {@code malloc} and every call that can
 *       reach one.
 *   <li>The data: {@link GcLayout} (type ids, their table, headers, static roots, the shadow
 *       stack's top).
 *   <li>The inline fast paths ({@link FastPaths}): a bump of the collector's pointer in place of
 *       the allocation's call, and the header test in front of the write barrier's; the calls
 *       stay in the slow branches.
 *   <li>Each {@code malloc(T)} becomes a call of the collector's {@code gc_malloc_fixedsize(id,
 *       size)} and a {@code cast_adr_to_ptr}; {@code malloc_varsize(T, n)} calls
 *       {@code gc_malloc_varsize(id, n)}. The root operations become loads and stores of the
 *       shadow stack ({@code raw_store(top, 8 * i, v)}, the top moved in {@code shadowstack.top}).
 *   <li>The program's entry first calls {@code gc_setup} with the tables' addresses.
 * </ol>
 */
public final class GcTransformer {
    private final Collector collector;
    private final GcEntryPoints entries;
    private final GcParams params;
    private final boolean writeBarriers;

    private final ShadowStackRoots roots;

    /** The transformer for {@code collector}, which the program's entry sets up with {@code params}. */
    public GcTransformer(Collector collector, GcEntryPoints entries, GcParams params) {
        this(collector, entries, params, collector.writeBarrier(), new ShadowStackRoots());
    }

    private GcTransformer(Collector collector, GcEntryPoints entries, GcParams params, boolean writeBarriers,
                          ShadowStackRoots roots) {
        this.roots = roots;
        this.collector = collector;
        this.entries = entries;
        this.params = params;
        this.writeBarriers = writeBarriers;
    }

    /** The same, without the write barriers its collector needs: a broken program, for the test that shows it breaks. */
    GcTransformer withoutWriteBarriers() {
        return new GcTransformer(collector, entries, params, false, roots);
    }

    /** The same, forgetting one live pointer at every call that can collect ({@link ShadowStackRoots#forgettingOneRoot()}). */
    GcTransformer forgettingOneRoot() {
        return new GcTransformer(collector, entries, params, writeBarriers,
                ShadowStackRoots.forgettingOneRoot());
    }

    public LowLevelProgram apply(LowLevelProgram program) {
        return transform(program).program();
    }

    /** The same, with the layout the program got (its {@link GcLayout#program()} is the result): for who reads the heap. */
    public GcLayout transform(LowLevelProgram program) {
        Set<LowLevelGraph> collectorGraphs = collectorGraphs();
        if (collector.moving()) {
            refuseAddressesAsIntegers(program);
        }
        if (writeBarriers) {
            program = new WriteBarriers(collectorGraphs).apply(program);
        }
        program = roots.apply(program);
        GcLayout layout = GcLayout.of(program, entries.prebuiltFlags());
        FastPaths fastPaths = new FastPaths(entries, layout.ids());
        for (LowLevelGraph g : layout.program().graphs()) {
            fastPaths.apply(g);
        }
        Lowering lowering = new Lowering(layout);
        for (LowLevelGraph g : layout.program().graphs()) {
            for (Block b : g.graph().iterblocks()) {
                b.operations = lowering.lower(g, b.operations);
            }
        }
        callSetupFirst(layout);
        return layout;
    }

    /**
     * The graphs the collector's entry points reach, checked: none contains a {@code malloc}.
     * They get no write barriers (the collector keeps its remembered set itself; a barrier in
     * the heap check would remember the checker).
     */
    private Set<LowLevelGraph> collectorGraphs() {
        Set<LowLevelGraph> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<LowLevelGraph> todo = new ArrayDeque<>(entries.all());
        seen.addAll(entries.all());
        while (!todo.isEmpty()) {
            LowLevelGraph g = todo.poll();
            for (Block b : g.graph().iterblocks()) {
                for (SpaceOperation op : b.operations) {
                    if (op.op() == LLOp.MALLOC || op.op() == LLOp.MALLOC_VARSIZE) {
                        throw new IllegalStateException("the collector " + collector.gcName() + " allocates in the GC heap, in "
                                + g.name() + " (line " + op.line() + "): a collector must allocate only raw memory");
                    }
                    List<LowLevelGraph> callees = GraphAnalysis.callees(op);
                    for (LowLevelGraph c : callees == null ? List.<LowLevelGraph>of() : callees) {
                        if (seen.add(c)) {
                            todo.add(c);
                        }
                    }
                }
            }
        }
        return seen;
    }

    /**
     * An object's address changes when a moving collector copies it, so code that uses one as a
     * number would compute wrong results: refused. (The identity hash of an instance, a dict
     * key, is {@code gc_identityhash}, which the collector keeps with the object.)
     */
    private void refuseAddressesAsIntegers(LowLevelProgram program) {
        for (LowLevelGraph g : program.graphs()) {
            for (Block b : g.graph().iterblocks()) {
                for (SpaceOperation op : b.operations) {
                    if (op.op() == LLOp.CAST_PTR_TO_INT) {
                        throw new TaipanError("--gc=" + collector.gcName() + " moves objects, but " + g.name()
                                + " uses an object's address as a number (line " + op.line() + "), which changes when the "
                                + "object moves; an identity hash is llop.gc_identityhash; or use --gc=none");
                    }
                }
            }
        }
    }

    /** A new start block for the entry graph: {@code gc_setup(...)}, then on to the old one. */
    private void callSetupFirst(GcLayout layout) {
        LowLevelGraph entry = layout.program().entry();
        Block old = entry.graph().startblock;
        List<Variable> args = new ArrayList<>();
        for (Variable v : old.inputargs) {
            Variable c = v.copy();
            entry.setType(c, entry.typeOf(v));
            args.add(c);
        }
        Block start = new Block(args);
        int line = old.operations.isEmpty() ? 0 : old.operations.getFirst().line();
        Emitter e = new Emitter(entry, start.operations, line);
        Variable typeInfo = e.itemZero(layout.typeInfo().type(), layout.typeInfo());
        Variable staticRoots = e.itemZero(layout.staticRoots().type(), layout.staticRoots());
        Variable shadowStack = e.add(LLOp.CAST_PTR_TO_ADR, Primitive.ADDRESS, pointer(layout.shadowStack().type(), layout.shadowStack()));
        e.call(entries.setup(), typeInfo, LLConstant.signed(layout.ids().idLimit()), staticRoots,
                LLConstant.signed(layout.staticRoots().length()), shadowStack, LLConstant.signed(params.heapMax()),
                LLConstant.signed(params.nurserySize()), LLConstant.of(params.stress(), Primitive.BOOL),
                LLConstant.of(params.heapCheck(), Primitive.BOOL));
        start.closeblock(new Link(new ArrayList<Value>(args), old, null));
        entry.graph().startblock = start;
    }

    private static Constant callee(LowLevelGraph g) {
        return LLConstant.of(g, new Ptr(g.signature()));
    }

    private static Constant pointer(ContainerType type, Object prebuilt) {
        return LLConstant.of(prebuilt, new Ptr(type));
    }

    /** Adds operations to a list, each result a new variable of the graph. */
    private record Emitter(LowLevelGraph g, List<SpaceOperation> ops, int line) {
        Variable add(LowLevelOperation op, LowLevelType type, Value... args) {
            Variable result = new Variable();
            g.setType(result, type);
            ops.add(new SpaceOperation(op, List.of(args), result, line));
            return result;
        }

        void addInto(LowLevelOperation op, Variable result, Value... args) {
            ops.add(new SpaceOperation(op, List.of(args), result, line));
        }

        Variable call(LowLevelGraph callee, Value... args) {
            List<Value> operands = new ArrayList<>();
            operands.add(callee(callee));
            operands.addAll(List.of(args));
            return add(LLOp.DIRECT_CALL, callee.signature().result(), operands.toArray(Value[]::new));
        }

        /** The address of item 0 of a prebuilt array: what the collector indexes from. */
        Variable itemZero(ContainerType arrayType, Object prebuilt) {
            Variable base = add(LLOp.CAST_PTR_TO_ADR, Primitive.ADDRESS, pointer(arrayType, prebuilt));
            return add(LLOp.ADR_ADD, Primitive.ADDRESS, base,
                    LLConstant.signed(Layout.itemsOffset((dev.taipan.rtyper.lltype.ArrayType) arrayType)));
        }
    }

    /** Step 4, block by block: the allocations and the root operations in terms of the collector and raw memory. */
    private final class Lowering {
        private final GcLayout layout;
        private final Constant shadowStack;

        Lowering(GcLayout layout) {
            this.layout = layout;
            this.shadowStack = pointer(GcLayout.SHADOWSTACK, layout.shadowStack());
        }

        List<SpaceOperation> lower(LowLevelGraph g, List<SpaceOperation> in) {
            List<SpaceOperation> out = new ArrayList<>();
            Variable released = null;   // where the slots of the last gc_pop_roots are
            for (SpaceOperation op : in) {
                Emitter e = new Emitter(g, out, op.line());
                switch (op.op()) {
                    case LLOp.MALLOC -> {
                        ContainerType t = allocated(op);
                        Variable adr = e.call(entries.mallocFixedsize(), LLConstant.signed(layout.ids().idOf(t)),
                                LLConstant.signed(layout.ids().info(t).sizeOf(0)));
                        e.addInto(LLOp.CAST_ADR_TO_PTR, op.result(), adr);
                    }
                    case LLOp.MALLOC_VARSIZE -> {
                        ContainerType t = allocated(op);
                        Variable adr = e.call(entries.mallocVarsize(), LLConstant.signed(layout.ids().idOf(t)), op.args().get(1));
                        e.addInto(LLOp.CAST_ADR_TO_PTR, op.result(), adr);
                    }
                    case LLOp.GC_IDENTITYHASH -> {
                        Variable adr = e.add(LLOp.CAST_PTR_TO_ADR, Primitive.ADDRESS, op.args().getFirst());
                        e.addInto(LLOp.DIRECT_CALL, op.result(), callee(entries.identityhash()), adr);
                    }
                    case GcOp.GC_WRITE_BARRIER -> {
                        Variable adr = e.add(LLOp.CAST_PTR_TO_ADR, Primitive.ADDRESS, op.args().getFirst());
                        e.addInto(LLOp.DIRECT_CALL, op.result(), callee(entries.writeBarrier()), adr);
                    }
                    case GcOp.GC_PUSH_ROOTS -> {
                        Variable top = e.add(LLOp.GETFIELD, Primitive.ADDRESS, shadowStack, LLConstant.voidOf("top"));
                        for (int k = 0; k < op.args().size(); k++) {
                            e.add(LLOp.RAW_STORE, Primitive.VOID, top, LLConstant.signed((long) Layout.WORD * k), op.args().get(k));
                        }
                        Variable raised = e.add(LLOp.ADR_ADD, Primitive.ADDRESS, top,
                                LLConstant.signed((long) Layout.WORD * op.args().size()));
                        e.add(LLOp.SETFIELD, Primitive.VOID, shadowStack, LLConstant.voidOf("top"), raised);
                    }
                    case GcOp.GC_POP_ROOTS -> {
                        Variable top = e.add(LLOp.GETFIELD, Primitive.ADDRESS, shadowStack, LLConstant.voidOf("top"));
                        released = e.add(LLOp.ADR_SUB, Primitive.ADDRESS, top,
                                LLConstant.signed(Layout.WORD * (Long) ((LLConstant) ((Constant) op.args().getFirst()).value()).value()));
                        e.add(LLOp.SETFIELD, Primitive.VOID, shadowStack, LLConstant.voidOf("top"), released);
                    }
                    case GcOp.GC_RESTORE_ROOT -> {
                        long k = (Long) ((LLConstant) ((Constant) op.args().getFirst()).value()).value();
                        e.addInto(LLOp.RAW_LOAD, op.result(), released, LLConstant.signed(Layout.WORD * k));
                    }
                    default -> out.add(op);
                }
            }
            return out;
        }

        private static ContainerType allocated(SpaceOperation op) {
            return (ContainerType) ((LLConstant) ((Constant) op.args().getFirst()).value()).value();
        }
    }

}
