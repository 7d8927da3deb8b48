package dev.taipan.x86.gen;

import static dev.taipan.x86.asm.Imm.imm;
import static dev.taipan.x86.asm.Reg.RAX;
import static dev.taipan.x86.asm.Reg.RBP;
import static dev.taipan.x86.asm.Reg.RSP;
import static dev.taipan.x86.asm.Reg.R11;
import static dev.taipan.x86.asm.Xmm.XMM0;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.flowgraph.host.PyBool;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.x86.Exercised;
import dev.taipan.x86.asm.Assembler;
import dev.taipan.x86.asm.Cond;
import dev.taipan.x86.asm.Imm;
import dev.taipan.x86.asm.Label;
import dev.taipan.x86.asm.MachineCode;
import dev.taipan.x86.asm.Mem;
import dev.taipan.x86.asm.Operand;
import dev.taipan.x86.asm.Reg;
import dev.taipan.x86.asm.Symbol;
import dev.taipan.x86.asm.Width;
import dev.taipan.x86.asm.Xmm;
import dev.taipan.x86.regalloc.Location;
import dev.taipan.x86.regalloc.Move;
import dev.taipan.x86.regalloc.MoveEmitter;
import dev.taipan.x86.regalloc.ParallelMoveResolver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One low-level graph as machine code (PyPy's {@code funcgen.py} does this walk for C): the
 * blocks in reverse postorder, each variable in the home the {@link Frame} gave it, each
 * operation through {@link InstructionSelector}, each link as the parallel move of its arguments
 * into the target's homes (no jump when the target comes next), a comparison that only decides
 * the block's exit fused into its branch ({@code cmp; jl}), the epilogue copied to each return.
 */
final class FunctionCodegen {

    /** The scratch registers of the parallel moves (never an argument register, never a home). */
    static final Location MOVE_SCRATCH = new Location.Gpr(R11);
    static final Location FLOAT_MOVE_SCRATCH = new Location.Fpr(Xmm.XMM15);

    final LowLevelGraph graph;
    final Assembler asm = new Assembler();
    /** The variables' live intervals, which the frame was allocated from (kept for who draws them). */
    final LiveRanges ranges;
    final Frame frame;
    final Function<Prebuilt, String> prebuilt;
    final TextPool texts;
    final ExceptionLayout exceptions;
    private final List<Block> order;
    private final Variable returnVar;
    /** The comparisons fused into their block's branch, by block. */
    private final Map<Block, Fusion> fused = new IdentityHashMap<>();
    private final Map<Block, Label> labels = new IdentityHashMap<>();
    private final List<Runnable> outOfLine = new ArrayList<>();
    /** The parallel-move resolver, the reference unless an exercise names a student's. */
    private final ParallelMoveResolver resolver = Exercised.PARALLEL_MOVES.current();
    /** Who hears where each operation's code begins ({@code taipan view}'s line table). */
    private CodeListener listener = CodeListener.NONE;
    /**
     * Whether the frame is {@code rbp}'s ({@code push rbp; mov rbp, rsp}): only when a variable
     * lives in a frame word or a parameter arrives on the stack, which are then addressed from
     * {@code rbp}. Otherwise the callee-saved registers are pushed and popped, and {@code rbp}
     * is left alone.
     */
    private final boolean framePointer;
    /** The blocks that run before the prologue ({@link FramelessBlocks}). */
    private final Set<Block> frameless;
    /** While generating: whether the current block runs with the frame set up. */
    private boolean inFrame;

    FunctionCodegen(LowLevelGraph graph, Function<Prebuilt, String> prebuilt, TextPool texts, ExceptionLayout exceptions) {
        this.graph = graph;
        this.prebuilt = prebuilt;
        this.texts = texts;
        this.exceptions = exceptions;
        this.order = LiveRanges.order(graph.graph().startblock);
        List<Variable> returned = graph.graph().returnblock.inputargs;
        this.returnVar = returned.isEmpty() ? null : returned.getFirst();
        Set<Variable> unmaterialized = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Block b : order) {
            Fusion f = fusable(b);
            if (f != null) {
                fused.put(b, f);
                unmaterialized.add(f.compare().result());
                if (f.load() != null) {
                    unmaterialized.add(f.load().result());
                }
            }
        }
        this.ranges = new LiveRanges(graph, this::typeOf, order, unmaterialized);
        this.frame = Frame.allocate(ranges);
        List<Variable> params = graph.graph().startblock.inputargs;
        List<Location> regs = CallingConvention.registers(params.stream().map(this::typeOf).toList());
        boolean stackParams = false;
        for (int k = 0; k < params.size(); k++) {
            stackParams |= regs.get(k) == null && typeOf(params.get(k)) != Primitive.VOID;
        }
        this.framePointer = frame.hasSlots() || stackParams;
        this.frameless = stackParams ? Set.of() : FramelessBlocks.of(graph.graph(), order, frame);
    }

    /** Tells {@code listener} where each operation's code begins, as it is generated. */
    FunctionCodegen listen(CodeListener listener) {
        this.listener = listener;
        return this;
    }

    /** The graph's machine code, its calls and constants left as relocations for the linker. */
    MachineCode generate() {
        FunctionGraph fg = graph.graph();
        for (Block b : order) {
            labels.put(b, asm.newLabel(label(b)));
        }
        prologue(fg.startblock);
        InstructionSelector select = new InstructionSelector(this);
        for (int i = 0; i < order.size(); i++) {
            Block b = order.get(i);
            Block next = i + 1 < order.size() ? order.get(i + 1) : null;
            if (b == fg.returnblock) {
                continue;   // every link to it copies its epilogue (see jump)
            }
            asm.bind(labels.get(b));
            inFrame = !frameless.contains(b);
            if (b == fg.exceptblock) {
                asm.ud2();   // after the exception transform no link leads here: a graph raises by returning
                continue;
            }
            Fusion f = fused.get(b);
            for (SpaceOperation op : b.operations) {
                if (f == null || (op != f.compare() && op != f.load())) {
                    listener.operation(graph, asm.offset(), op);
                    select.select(op);
                }
            }
            if (f != null) {
                listener.operation(graph, asm.offset(), f.compare());   // the fused comparison is the branch
            }
            exits(b, f == null ? null : select.flags(f.compare(), f.load()), next);
        }
        listener.operation(graph, asm.offset(), null);
        outOfLine.forEach(Runnable::run);
        return asm.finish();
    }

    /**
     * Code the common path jumps over, placed after the function's blocks instead (a rare slow
     * path, such as the stack check's): the common path then falls through a branch not taken.
     */
    void outOfLine(Runnable code) {
        outOfLine.add(code);
    }

    private String label(Block b) {
        FunctionGraph fg = graph.graph();
        return b == fg.returnblock ? "return" : b == fg.exceptblock ? "except" : "block" + labels.size();
    }

    // ------------------------------------------------------------------ frame

    /**
     * The frame set up, unless the start block runs without it ({@link FramelessBlocks}), then
     * the parameters from where the caller put them into their homes, as one parallel move.
     */
    private void prologue(Block start) {
        if (!frameless.contains(start)) {
            setUpFrame();
        }
        List<Location> regs = CallingConvention.registers(start.inputargs.stream().map(this::typeOf).toList());
        Moves moves = new Moves();
        int stack = 0;
        for (int k = 0; k < start.inputargs.size(); k++) {
            Variable v = start.inputargs.get(k);
            if (typeOf(v) == Primitive.VOID) {
                continue;
            }
            Location from = regs.get(k) != null ? regs.get(k) : new Location.StackSlot(16 + 8 * stack++);
            Location home = frame.home(v);
            if (home != null) {
                moves.add(typeOf(v), home, from);
            }
        }
        moves.emit();
    }

    /** Where the result goes ({@code rax} or {@code xmm0}, by {@link #typeOf}), or null when it has no bits. */
    private Location resultRegister(Variable returned) {
        LowLevelType t = typeOf(returned);
        return t == Primitive.VOID ? null : t == Primitive.FLOAT ? new Location.Fpr(XMM0) : new Location.Gpr(RAX);
    }

    /**
     * With {@code rbp}: {@code push rbp; mov rbp, rsp; sub rsp, size} and the callee-saved
     * registers this function uses saved in their words. Without: those registers pushed, and a
     * pad word when their number is even, so that {@code rsp} is 16-byte aligned at each call.
     */
    private void setUpFrame() {
        if (framePointer) {
            asm.push(RBP);
            asm.mov(RBP, RSP);
            if (frame.size() > 0) {
                asm.sub(RSP, imm(frame.size()));
            }
            for (int k = 0; k < frame.calleeSaved().size(); k++) {
                asm.mov(frame.savedSlot(k), frame.calleeSaved().get(k));
            }
            return;
        }
        for (Reg r : frame.calleeSaved()) {
            asm.push(r);
        }
        if (frame.calleeSaved().size() % 2 == 0) {
            asm.sub(RSP, imm(8));
        }
    }

    /** The frame taken down, if the current block runs in it, and {@code ret}. */
    private void restoreAndReturn() {
        if (inFrame && framePointer) {
            for (int k = 0; k < frame.calleeSaved().size(); k++) {
                asm.mov(frame.calleeSaved().get(k), frame.savedSlot(k));
            }
            asm.mov(RSP, RBP);
            asm.pop(RBP);
        } else if (inFrame) {
            if (frame.calleeSaved().size() % 2 == 0) {
                asm.add(RSP, imm(8));
            }
            for (Reg r : frame.calleeSaved().reversed()) {
                asm.pop(r);
            }
        }
        asm.ret();
    }

    // ------------------------------------------------------------------ links

    /**
     * A comparison that only decides its block's exit, and the field load it may read from
     * memory directly ({@code cmp qword ptr [rip + exc_data], 0}; null when there is none).
     */
    record Fusion(SpaceOperation compare, SpaceOperation load) {
    }

    /**
     * The comparison whose only use is {@code b}'s bool switch, when it is the block's last
     * operation: then it needs no value, only flags, and the branch reads them ({@code cmp a, b;
     * jl target} instead of {@code setl; movzx; test; jne}), the compare-and-branch fusion of
     * every compiler since Fortran. When its first operand is a word field loaded just before it
     * and used nowhere else (the exception transform's test of {@code exc_data} after every call),
     * and its other operand, if any, is an immediate, the comparison reads the field itself.
     */
    private Fusion fusable(Block b) {
        if (!(b.exitswitch instanceof Variable s) || b.operations.isEmpty() || b.exits.size() != 2) {
            return null;
        }
        SpaceOperation last = b.operations.getLast();
        if (last.result() != s || !InstructionSelector.fusesWithBranch(last) || passed(b, s)) {
            return null;
        }
        if (b.operations.size() < 2) {
            return new Fusion(last, null);
        }
        SpaceOperation before = b.operations.get(b.operations.size() - 2);
        Variable loaded = before.result();
        // One memory operand per instruction: the other operand, if any, must be an immediate.
        boolean foldable = InstructionSelector.isWordFieldLoad(before, graph)
                && last.args().getFirst() == loaded && !passed(b, loaded)
                && (last.args().size() == 1
                    || last.args().get(1) instanceof Constant c && operand(c) instanceof Imm);
        return new Fusion(last, foldable ? before : null);
    }

    private static boolean passed(Block b, Variable v) {
        return b.exits.stream().anyMatch(l -> l.args.contains(v));
    }

    /**
     * The block's way out: one link, or a two-way switch as a branch. {@code flags}, when not
     * null, is the condition a fused comparison left in the flags (true: the {@code True}
     * exit); otherwise the switch variable is tested. A link with nothing to move jumps straight
     * to its target; the link to {@code next} falls through.
     */
    private void exits(Block b, Cond flags, Block next) {
        if (b.exits.isEmpty()) {
            asm.ud2();
            return;
        }
        if (b.exitswitch == null) {
            link(b.exits.getFirst(), next);
            return;
        }
        if (b.exitswitch instanceof Constant c) {
            boolean truth = truth(((LLConstant) c.value()).value());
            link(b.exits.stream().filter(l -> truth(l.exitcase) == truth).findFirst().orElseThrow(), next);
            return;
        }
        LowLevelType t = typeOf(b.exitswitch);
        if (b.exits.size() != 2 || !(t == Primitive.BOOL || t == Primitive.SIGNED)) {
            throw new NotSelectedError("a switch of " + b.exits.size() + " exits on a " + t, graph.name());
        }
        Link ifTrue = truth(b.exits.get(0).exitcase) ? b.exits.get(0) : b.exits.get(1);
        Link ifFalse = ifTrue == b.exits.get(0) ? b.exits.get(1) : b.exits.get(0);
        Cond cond = flags;
        if (cond == null) {
            switch (operand(b.exitswitch)) {
                case Reg r -> asm.test(r, r);
                case Operand o -> asm.cmp(o, imm(0));
            }
            cond = Cond.NE;
        }
        Moves toTrue = linkMoves(ifTrue);
        Moves toFalse = linkMoves(ifFalse);
        if (toFalse.isEmpty() && (ifTrue.target == next || !toTrue.isEmpty())) {
            branch(cond.negate(), ifFalse.target);
            toTrue.emit();
            jump(ifTrue.target, next);
        } else if (toTrue.isEmpty()) {
            branch(cond, ifTrue.target);
            toFalse.emit();
            jump(ifFalse.target, next);
        } else {
            // Both have moves: the one that can fall through into the next block goes last.
            boolean trueLast = ifFalse.target != next;
            Label taken = asm.newLabel();
            asm.j(trueLast ? cond : cond.negate(), taken);
            (trueLast ? toFalse : toTrue).emit();
            jump((trueLast ? ifFalse : ifTrue).target, null);
            asm.bind(taken);
            (trueLast ? toTrue : toFalse).emit();
            jump((trueLast ? ifTrue : ifFalse).target, next);
        }
    }

    private boolean truth(Object exitcase) {
        return switch (exitcase) {
            case Boolean bool -> bool;
            case PyBool bool -> bool == PyBool.TRUE;
            case Long n -> n != 0;
            case null, default -> throw new NotSelectedError("a switch case " + exitcase, graph.name());
        };
    }

    /**
     * A branch straight to {@code target} (a link with nothing to move); to the return block,
     * whose epilogue every other link copies, it is the epilogue itself.
     */
    private void branch(Cond cond, Block target) {
        if (target == graph.graph().returnblock) {
            Label skip = asm.newLabel();
            asm.j(cond.negate(), skip);
            restoreAndReturn();
            asm.bind(skip);
        } else {
            asm.j(cond, labels.get(target));
        }
    }

    private void link(Link l, Block next) {
        linkMoves(l).emit();
        jump(l.target, next);
    }

    /**
     * To {@code target}, unless it comes next. The return block is not jumped to but copied:
     * its epilogue is a few instructions, and the link's moves put the result straight into
     * {@code rax} (see {@link #linkMoves}).
     */
    private void jump(Block target, Block next) {
        if (target == graph.graph().returnblock) {
            restoreAndReturn();
        } else if (target != next) {
            asm.jmp(labels.get(target));
        }
    }

    /** The link's arguments into the target's homes, all at once. */
    private Moves linkMoves(Link l) {
        if (l.lastException != null || l.lastExcValue != null) {
            throw new NotSelectedError("an exception link (the graph was not exception-transformed)", graph.name());
        }
        Moves moves = new Moves();
        if (!inFrame && !frameless.contains(l.target) && l.target != graph.graph().returnblock) {
            moves.prologue = true;   // the link leaves the frameless blocks
        }
        for (int k = 0; k < l.args.size(); k++) {
            Variable v = l.target.inputargs.get(k);
            Location dst = l.target == graph.graph().returnblock ? resultRegister(v) : frame.home(v);
            if (dst != null) {
                moves.add(l.args.get(k), dst);
            }
        }
        return moves;
    }

    /**
     * A parallel move under construction: word moves and double moves (two register files,
     * sequentialized apart, each with its scratch), and the constants that are addresses of
     * symbols ({@code lea}), made last, when every source has been read.
     */
    final class Moves {
        private final List<Move> words = new ArrayList<>();
        private final List<Move> doubles = new ArrayList<>();
        private final List<Runnable> late = new ArrayList<>();
        /** Whether the frame is set up first, before any move writes a callee-saved register. */
        private boolean prologue;

        /** {@code dst := v}, {@code v} a variable or a constant. */
        void add(Value v, Location dst) {
            LowLevelType t = typeOf(v);
            if (t == Primitive.VOID) {
                return;   // a translation-time value: no bits
            }
            switch (v) {
                case Variable var -> {
                    Location src = frame.home(var);
                    if (src != null) {
                        add(t, dst, src);
                    }
                }
                case Constant c -> {
                    Long bits = constantBits((LLConstant) c.value());
                    if (bits != null && t != Primitive.FLOAT) {
                        words.add(Move.move(dst, new Location.Const(bits)));
                    } else {
                        late.add(() -> moveConstant(dst, c));
                    }
                }
            }
        }

        void add(LowLevelType t, Location dst, Location src) {
            (t == Primitive.FLOAT ? doubles : words).add(Move.move(dst, src));
        }

        boolean isEmpty() {
            return !prologue && late.isEmpty() && words.stream().allMatch(m -> m.dst().equals(m.src()))
                    && doubles.stream().allMatch(m -> m.dst().equals(m.src()));
        }

        void emit() {
            if (prologue) {
                setUpFrame();
            }
            MoveEmitter.emit(asm, resolver.sequentialize(words, MOVE_SCRATCH));
            MoveEmitter.emit(asm, resolver.sequentialize(doubles, FLOAT_MOVE_SCRATCH));
            late.forEach(Runnable::run);
        }
    }

    Moves moves() {
        return new Moves();
    }

    /** A constant into a home: through {@code rax} (and {@code movq} for a double). Changes no flags. */
    private void moveConstant(Location dst, Constant c) {
        switch (dst) {
            case Location.Gpr(Reg r) -> load(r, c);
            case Location.Fpr(Xmm x) -> loadFloat(x, c);
            case Location.StackSlot s -> {
                load(RAX, c);
                asm.mov(slot(s), RAX);
            }
            case Location.Const k -> throw new IllegalStateException("a constant as a destination");
        }
    }

    // ------------------------------------------------------------------ values

    /** The 64-bit word of a constant, when it is a number (null for addresses of symbols). */
    static Long constantBits(LLConstant k) {
        return switch (k.value()) {
            case null -> 0L;
            case Long n -> n;
            case Boolean bool -> bool ? 1L : 0L;
            case Character c -> (long) c;
            case Double d -> Double.doubleToRawLongBits(d);
            default -> null;
        };
    }

    Location home(Variable v) {
        Location home = frame.home(v);
        if (home == null) {
            throw new IllegalStateException("variable " + v + " of " + graph.name() + " has no home");
        }
        return home;
    }

    static Mem slot(Location.StackSlot s) {
        return Mem.at(Width.QWORD, RBP, s.offset());
    }

    /**
     * {@code v} as an instruction's source operand: its register, its frame word, or a constant
     * that fits a sign-extended 32-bit immediate; null when it must be made in a register first.
     */
    Operand operand(Value v) {
        return switch (v) {
            case Variable var -> switch (home(var)) {
                case Location.Gpr(Reg r) -> r;
                case Location.Fpr(Xmm x) -> x;
                case Location.StackSlot s -> slot(s);
                case Location.Const k -> throw new IllegalStateException("a constant home");
            };
            case Constant c -> {
                Long bits = constantBits((LLConstant) c.value());
                yield bits != null && bits == (int) (long) bits && typeOf(c) != Primitive.FLOAT ? Imm.imm(bits) : null;
            }
        };
    }

    /** {@code v}'s word as an operand, made in {@code scratch} when it is a constant no immediate can hold. */
    Operand operandOrLoad(Value v, Reg scratch) {
        Operand o = operand(v);
        if (o != null) {
            return o;
        }
        load(scratch, v);
        return scratch;
    }

    /** A register holding {@code v}'s word: its home, or {@code scratch} loaded with it. */
    Reg reg(Value v, Reg scratch) {
        if (v instanceof Variable var && home(var) instanceof Location.Gpr(Reg r)) {
            return r;
        }
        load(scratch, v);
        return scratch;
    }

    /** The register a result is computed in: its home when that is a register, else {@code scratch}. */
    Reg dest(Variable r, Reg scratch) {
        return home(r) instanceof Location.Gpr(Reg reg) ? reg : scratch;
    }

    /** The 64-bit word of {@code v} into {@code r}: a home's word, or a constant made there. */
    void load(Reg r, Value v) {
        switch (v) {
            case Variable var -> {
                switch (home(var)) {
                    case Location.Gpr(Reg h) when h.equals(r) -> { }
                    case Location.Gpr(Reg h) -> asm.mov(r, h);
                    case Location.Fpr(Xmm x) -> asm.movq(r, x);
                    case Location.StackSlot s -> asm.mov(r, slot(s));
                    case Location.Const k -> throw new IllegalStateException("a constant home");
                }
            }
            case Constant c -> loadConstant(r, (LLConstant) c.value());
        }
    }

    private void loadConstant(Reg r, LLConstant k) {
        Long bits = constantBits(k);
        if (bits != null) {
            asm.mov(bits == (int) (long) bits && bits >= 0 ? r.view(Width.DWORD) : r, imm(bits));
            return;
        }
        switch (k.value()) {
            case Prebuilt p -> asm.lea(r, new Mem.Rip(Width.QWORD, Symbol.symbol(prebuilt.apply(p))));
            case LowLevelGraph g -> asm.lea(r, new Mem.Rip(Width.QWORD, Symbol.symbol(g.name())));
            default -> throw new NotSelectedError("a constant " + k + " of type " + k.type(), graph.name());
        }
    }

    /** The result in {@code r} into its home (nothing when it was computed there). */
    void store(Variable v, Reg r) {
        switch (home(v)) {
            case Location.Gpr(Reg h) when h.equals(r) -> { }
            case Location.Gpr(Reg h) -> asm.mov(h, r);
            case Location.Fpr(Xmm x) -> asm.movq(x, r);
            case Location.StackSlot s -> asm.mov(slot(s), r);
            case Location.Const k -> throw new IllegalStateException("a constant home");
        }
    }

    /** A double into an SSE register: from its home, or its bits through {@code rax} (x86 has no float immediates). */
    void loadFloat(Xmm x, Value v) {
        switch (v) {
            case Variable var -> {
                switch (home(var)) {
                    case Location.Fpr(Xmm h) when h.equals(x) -> { }
                    case Location.Fpr(Xmm h) -> asm.movsd(x, h);
                    case Location.Gpr(Reg r) -> asm.movq(x, r);
                    case Location.StackSlot s -> asm.movsd(x, slot(s));
                    case Location.Const k -> throw new IllegalStateException("a constant home");
                }
            }
            case Constant c -> {
                load(RAX, c);
                asm.movq(x, RAX);
            }
        }
    }

    /** An SSE register holding {@code v}: its home, or {@code scratch} loaded with it. */
    Xmm floatReg(Value v, Xmm scratch) {
        if (v instanceof Variable var && home(var) instanceof Location.Fpr(Xmm x)) {
            return x;
        }
        loadFloat(scratch, v);
        return scratch;
    }

    /** {@code v} as an SSE instruction's source: its register or its frame word; a constant is made in {@code scratch}. */
    Operand floatOperand(Value v, Xmm scratch) {
        if (v instanceof Variable var && home(var) instanceof Location.StackSlot s) {
            return slot(s);
        }
        return floatReg(v, scratch);
    }

    Xmm floatDest(Variable r, Xmm scratch) {
        return home(r) instanceof Location.Fpr(Xmm x) ? x : scratch;
    }

    void storeFloat(Variable v, Xmm x) {
        switch (home(v)) {
            case Location.Fpr(Xmm h) when h.equals(x) -> { }
            case Location.Fpr(Xmm h) -> asm.movsd(h, x);
            case Location.Gpr(Reg r) -> asm.movq(r, x);
            case Location.StackSlot s -> asm.movsd(slot(s), x);
            case Location.Const k -> throw new IllegalStateException("a constant home");
        }
    }

    boolean hasHome(Variable v) {
        return v != null && frame.home(v) != null;
    }

    /**
     * {@code v}'s type, except for the returned variable, which has the signature's: a method
     * that returns a constant may have a {@code Void} return variable while its callers, through
     * the vtable's function type, expect the word the constant is.
     */
    LowLevelType typeOf(Value v) {
        return v == returnVar ? graph.signature().result() : graph.typeOf(v);
    }
}
