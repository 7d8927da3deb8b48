package dev.taipan.x86.gen;

import static dev.taipan.x86.asm.Imm.imm;
import static dev.taipan.x86.asm.Reg.RAX;
import static dev.taipan.x86.asm.Reg.RDI;
import static dev.taipan.x86.asm.Reg.RDX;
import static dev.taipan.x86.asm.Reg.RSI;
import static dev.taipan.x86.asm.Reg.RSP;

import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Strings;
import dev.taipan.x86.asm.Assembler;
import dev.taipan.x86.asm.Cond;
import dev.taipan.x86.asm.Label;
import dev.taipan.x86.asm.Mem;
import dev.taipan.x86.asm.Reg;
import dev.taipan.x86.asm.Symbol;
import dev.taipan.x86.asm.Width;
import java.util.List;

/**
 * {@code debug_print(sep, end, values...)}, the {@code print} of this part, as a sequence of
 * {@code write(1, ...)}s: what is known at translation time (the separators, {@code end}, the
 * Void texts and constant values) is joined into one constant text per run, and each run-time
 * value goes through a runtime routine ({@code rt_print_int}, {@code rt_print_str}, ...).
 * Nothing is buffered: each piece is a system call, correct and slow (buffering is for the
 * speed chapter). The llinterp's {@code DebugInstr.Print} is the meaning.
 */
final class PrintSelector {
    private final FunctionCodegen gen;
    private final Assembler asm;
    private final StringBuilder pending = new StringBuilder();

    PrintSelector(FunctionCodegen gen) {
        this.gen = gen;
        this.asm = gen.asm;
    }

    void print(List<Value> args) {
        String sep = text(args.get(0));
        String end = text(args.get(1));
        for (int k = 2; k < args.size(); k++) {
            if (k > 2) {
                pending.append(sep);
            }
            piece(args.get(k));
        }
        pending.append(end);
        flush();
    }

    private void piece(Value v) {
        LowLevelType t = gen.typeOf(v);
        if (v instanceof Constant c) {
            LLConstant k = (LLConstant) c.value();
            String known = switch (k.value()) {
                case String s when t == Primitive.VOID -> s;
                case Long n when t == Primitive.SIGNED -> Long.toString(n);
                case Long n when t == Primitive.UNSIGNED -> Long.toUnsignedString(n);
                case Boolean b -> b ? "True" : "False";
                case Character ch -> String.valueOf(ch);
                case null -> t.equals(Strings.PTR) ? "None" : null;
                default -> null;
            };
            if (known != null) {
                pending.append(known);
                return;
            }
        }
        flush();
        switch (t) {
            case Primitive p when p == Primitive.SIGNED -> routine(Runtime.PRINT_INT, v);
            case Primitive p when p == Primitive.UNSIGNED -> routine(Runtime.PRINT_UINT, v);
            case Primitive p when p == Primitive.BOOL -> {
                Label isTrue = asm.newLabel();
                Label done = asm.newLabel();
                gen.load(RAX, v);
                asm.test(RAX, RAX);
                asm.j(Cond.NE, isTrue);
                write("False");
                asm.jmp(done);
                asm.bind(isTrue);
                write("True");
                asm.bind(done);
            }
            case Primitive p when p == Primitive.CHAR -> {
                // the char's byte, written from a word below the stack pointer (16 bytes keep rsp aligned for the call)
                Reg c = gen.reg(v, RAX);
                asm.sub(RSP, imm(16));
                asm.mov(Mem.at(Width.BYTE, RSP, 0), c.view(Width.BYTE));
                asm.mov(RDI.view(Width.DWORD), imm(1));
                asm.mov(RSI, RSP);
                asm.mov(RDX.view(Width.DWORD), imm(1));
                asm.call(Symbol.symbol(Runtime.WRITE));
                asm.add(RSP, imm(16));
            }
            case LowLevelType s when s.equals(Strings.PTR) -> routine(Runtime.PRINT_STR, v);
            default -> throw new NotSelectedError("print of a " + t, gen.graph.name());
        }
    }

    private void routine(String name, Value v) {
        gen.load(RDI, v);
        asm.call(Symbol.symbol(name));
    }

    private void flush() {
        if (!pending.isEmpty()) {
            write(pending.toString());
            pending.setLength(0);
        }
    }

    private void write(String text) {
        asm.mov(RDI.view(Width.DWORD), imm(1));
        asm.lea(RSI, new Mem.Rip(Width.QWORD, Symbol.symbol(gen.texts.symbol(text))));
        asm.mov(RDX.view(Width.DWORD), imm(TextPool.length(text)));
        asm.call(Symbol.symbol(Runtime.WRITE));
    }

    private String text(Value v) {
        if (v instanceof Constant(LLConstant(String s, var t)) && t == Primitive.VOID) {
            return s;
        }
        throw new NotSelectedError("print with a separator " + v, gen.graph.name());
    }
}
