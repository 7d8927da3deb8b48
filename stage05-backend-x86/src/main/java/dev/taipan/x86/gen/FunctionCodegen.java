package dev.taipan.x86.gen;

import static dev.taipan.x86.asm.Imm.imm;
import static dev.taipan.x86.asm.Reg.RAX;
import static dev.taipan.x86.asm.Reg.RBP;
import static dev.taipan.x86.asm.Reg.RCX;
import static dev.taipan.x86.asm.Reg.RDI;
import static dev.taipan.x86.asm.Reg.RDX;
import static dev.taipan.x86.asm.Reg.RSI;
import static dev.taipan.x86.asm.Reg.RSP;
import static dev.taipan.x86.asm.Reg.R8;
import static dev.taipan.x86.asm.Reg.R9;
import static dev.taipan.x86.asm.Reg.R11;

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
import dev.taipan.x86.asm.Assembler;
import dev.taipan.x86.asm.Cond;
import dev.taipan.x86.asm.Label;
import dev.taipan.x86.asm.MachineCode;
import dev.taipan.x86.asm.Mem;
import dev.taipan.x86.asm.Reg;
import dev.taipan.x86.asm.Symbol;
import dev.taipan.x86.asm.Width;
import dev.taipan.x86.asm.Xmm;
import dev.taipan.x86.regalloc.Location;
import dev.taipan.x86.regalloc.Move;
import dev.taipan.x86.regalloc.MoveEmitter;
import dev.taipan.x86.regalloc.ParallelMoves;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One low-level graph as machine code, the naive way (PyPy's {@code funcgen.py} does this
 * walk for C): a System V prologue that stores the arguments into the {@link Frame}, each block
 * at a label, each operation through {@link InstructionSelector}, each link as the parallel move
 * of its arguments into the target's input slots followed by a {@code jmp}, the return block
 * as the epilogue. The operations only ever hold values in caller-saved scratch registers, so
 * the callee-saved ones ({@code rbx}, {@code r12}..{@code r15}) are never touched and need no
 * saving.
 */
final class FunctionCodegen {

    /** System V's integer argument registers, in order. */
    static final List<Reg> INT_ARGS = List.of(RDI, RSI, RDX, RCX, R8, R9);
    /** The scratch register of the parallel moves (never an argument register, never a value's home). */
    static final Reg MOVE_SCRATCH = R11;

    final LowLevelGraph graph;
    final Assembler asm = new Assembler();
    final Frame frame;
    final Function<Prebuilt, String> prebuilt;
    final TextPool texts;
    final ExceptionLayout exceptions;
    private final Map<Block, Label> labels = new IdentityHashMap<>();

    FunctionCodegen(LowLevelGraph graph, Function<Prebuilt, String> prebuilt, TextPool texts, ExceptionLayout exceptions) {
        this.graph = graph;
        this.prebuilt = prebuilt;
        this.texts = texts;
        this.exceptions = exceptions;
        this.frame = Frame.of(graph.graph().iterblocks());
    }

    /** The graph's machine code, its calls and constants left as relocations for the linker. */
    MachineCode generate() {
        FunctionGraph fg = graph.graph();
        List<Block> blocks = fg.iterblocks();
        for (Block b : blocks) {
            labels.put(b, asm.newLabel(label(b)));
        }
        prologue(fg.startblock);
        InstructionSelector select = new InstructionSelector(this);
        for (Block b : blocks) {
            asm.bind(labels.get(b));
            if (b == fg.returnblock) {
                epilogue(b);
                continue;
            }
            if (b == fg.exceptblock) {
                asm.ud2();   // after the exception transform no link leads here: a graph raises by returning
                continue;
            }
            for (SpaceOperation op : b.operations) {
                select.select(op);
            }
            exits(b);
        }
        return asm.finish();
    }

    private String label(Block b) {
        FunctionGraph fg = graph.graph();
        return b == fg.returnblock ? "return" : b == fg.exceptblock ? "except" : "block" + labels.size();
    }

    // ------------------------------------------------------------------ frame

    /** {@code push rbp; mov rbp, rsp; sub rsp, size}, then each argument from its register or the caller's frame into its slot. */
    private void prologue(Block start) {
        asm.push(RBP);
        asm.mov(RBP, RSP);
        if (frame.size() > 0) {
            asm.sub(RSP, imm(frame.size()));
        }
        int ints = 0;
        int floats = 0;
        int stack = 0;
        for (Variable v : start.inputargs) {
            LowLevelType t = graph.typeOf(v);
            if (t == Primitive.VOID) {
                continue;
            }
            if (t == Primitive.FLOAT && floats < 8) {
                asm.movsd(frame.slot(v), new Xmm(floats++));
            } else if (t != Primitive.FLOAT && ints < INT_ARGS.size()) {
                asm.mov(frame.slot(v), INT_ARGS.get(ints++));
            } else {
                asm.mov(RAX, Mem.at(Width.QWORD, RBP, 16 + 8 * stack++));
                asm.mov(frame.slot(v), RAX);
            }
        }
    }

    /**
     * The return block: its one input is the result, in {@code rax} or {@code xmm0}. The type is
     * the signature's: a method that returns a constant may have a {@code Void} return variable
     * while its callers, through the vtable's function type, expect the word (the llinterp
     * copies the word whatever the variable's type, so both must).
     */
    private void epilogue(Block ret) {
        if (!ret.inputargs.isEmpty()) {
            Variable v = ret.inputargs.getFirst();
            LowLevelType t = graph.signature().result();
            if (t == Primitive.FLOAT) {
                asm.movsd(new Xmm(0), frame.slot(v));
            } else if (t != Primitive.VOID) {
                asm.mov(RAX, frame.slot(v));
            }
        }
        asm.mov(RSP, RBP);
        asm.pop(RBP);
        asm.ret();
    }

    // ------------------------------------------------------------------ links

    /** The block's way out: one link, or a bool (or truth-of-an-integer) switch as test and branch. */
    private void exits(Block b) {
        if (b.exits.isEmpty()) {
            asm.ud2();
            return;
        }
        if (b.exitswitch == null) {
            link(b.exits.getFirst());
            return;
        }
        if (b.exitswitch instanceof Constant c) {
            boolean truth = truth(((LLConstant) c.value()).value());
            link(b.exits.stream().filter(l -> truth(l.exitcase) == truth).findFirst().orElseThrow());
            return;
        }
        LowLevelType t = graph.typeOf(b.exitswitch);
        if (b.exits.size() != 2 || !(t == Primitive.BOOL || t == Primitive.SIGNED)) {
            throw new NotSelectedError("a switch of " + b.exits.size() + " exits on a " + t, graph.name());
        }
        Link ifTrue = truth(b.exits.get(0).exitcase) ? b.exits.get(0) : b.exits.get(1);
        Link ifFalse = ifTrue == b.exits.get(0) ? b.exits.get(1) : b.exits.get(0);
        Label taken = asm.newLabel();
        asm.cmp(frame.slot((Variable) b.exitswitch), imm(0));
        asm.j(Cond.NE, taken);
        link(ifFalse);
        asm.bind(taken);
        link(ifTrue);
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
     * The link's arguments into the target's input slots, all at once: the variables as parallel
     * moves (a loop that rotates its variables makes cycles), then the constants, whose
     * destinations nothing reads any more by then; then the jump.
     */
    private void link(Link l) {
        if (l.lastException != null || l.lastExcValue != null) {
            throw new NotSelectedError("an exception link (the graph was not exception-transformed)", graph.name());
        }
        List<Move> moves = new ArrayList<>();
        List<Runnable> constants = new ArrayList<>();
        for (int k = 0; k < l.args.size(); k++) {
            Variable dst = l.target.inputargs.get(k);
            Value src = l.args.get(k);
            if (graph.typeOf(src) == Primitive.VOID) {
                continue;   // a translation-time value: no bits (a Void target of a real word still gets it, see epilogue)
            }
            if (src instanceof Variable v) {
                moves.add(Move.move(frame.location(dst), frame.location(v)));
            } else {
                constants.add(() -> {
                    load(RAX, src);
                    asm.mov(frame.slot(dst), RAX);
                });
            }
        }
        MoveEmitter.emit(asm, ParallelMoves.sequentialize(moves, new Location.Gpr(MOVE_SCRATCH)));
        constants.forEach(Runnable::run);
        asm.jmp(labels.get(l.target));
    }

    // ------------------------------------------------------------------ values

    /** The 64-bit word of {@code v} into {@code r}: a slot's word, or a constant made there. */
    void load(Reg r, Value v) {
        switch (v) {
            case Variable var -> asm.mov(r, frame.slot(var));
            case Constant c -> loadConstant(r, (LLConstant) c.value());
        }
    }

    private void loadConstant(Reg r, LLConstant k) {
        switch (k.value()) {
            case null -> asm.mov(r.view(Width.DWORD), imm(0));
            case Long n -> asm.mov(r, imm(n));
            case Boolean bool -> asm.mov(r.view(Width.DWORD), imm(bool ? 1 : 0));
            case Character c -> asm.mov(r.view(Width.DWORD), imm(c));
            case Double d -> asm.mov(r, imm(Double.doubleToRawLongBits(d)));
            case Prebuilt p -> asm.lea(r, new Mem.Rip(Width.QWORD, Symbol.symbol(prebuilt.apply(p))));
            case LowLevelGraph g -> asm.lea(r, new Mem.Rip(Width.QWORD, Symbol.symbol(g.name())));
            default -> throw new NotSelectedError("a constant " + k + " of type " + k.type(), graph.name());
        }
    }

    /** A double into an SSE register: from its slot, or its bits through {@code rax} (x86 has no float immediates). */
    void loadFloat(Xmm x, Value v) {
        switch (v) {
            case Variable var -> asm.movsd(x, frame.slot(var));
            case Constant c -> {
                load(RAX, c);
                asm.movq(x, RAX);
            }
        }
    }

    void store(Variable v, Reg r) {
        asm.mov(frame.slot(v), r);
    }

    LowLevelType typeOf(Value v) {
        return graph.typeOf(v);
    }
}
