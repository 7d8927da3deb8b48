package dev.taipan.flowgraph.bytecode;

import dev.taipan.flowgraph.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * A code object: the compiled form of a module, class body, function, lambda or generator
 * expression. Immutable. Everything a consumer needs is here; nothing refers back to the AST.
 *
 * <p>Frame layout: {@code varnames.size()} fast locals (arguments first, in the order
 * positional, keyword-only, *args, **kwargs), then {@code cellvars.size() + freevars.size()}
 * cells; LOAD_DEREF's argument indexes cellvars followed by freevars. A cell variable that is
 * also an argument is copied into its cell by the code's first instructions, so consumers need
 * no special case. Names in {@code varnames} may repeat: the loop variable of an inlined
 * comprehension gets its own slot even when the enclosing code has a local of the same name.
 *
 * <p>A function's code (a def or a lambda) has its docstring, or None, as {@code consts[0]}: the
 * function's {@code __doc__} is {@code consts[0]} when that is a str. Module and class bodies
 * store their docstring as {@code __doc__} instead.
 *
 * @param code  instructions, {@link Opcode#SIZE} bytes each (see {@link Opcode})
 * @param lines source line of each instruction, indexed by {@code offset / Opcode.SIZE}
 * @param columns the columns of the expression each instruction comes from, on its line (start
 *                and end, packed by {@link #packColumns}), as CPython 3.11's {@code co_positions};
 *                null when unknown (code not made by the compiler)
 */
public record Code(
        String name,
        String qualname,
        SourceFile source,
        int firstLine,
        int argCount,
        int posOnlyArgCount,
        int kwOnlyArgCount,
        int flags,
        List<String> varnames,
        List<String> cellvars,
        List<String> freevars,
        List<String> names,
        List<Object> consts,
        byte[] code,
        int[] lines,
        List<ExceptionEntry> exceptionTable,
        int stackSize,
        int[] columns) {

    /** A code object without column information. */
    public Code(String name, String qualname, SourceFile source, int firstLine, int argCount, int posOnlyArgCount,
                int kwOnlyArgCount, int flags, List<String> varnames, List<String> cellvars, List<String> freevars,
                List<String> names, List<Object> consts, byte[] code, int[] lines,
                List<ExceptionEntry> exceptionTable, int stackSize) {
        this(name, qualname, source, firstLine, argCount, posOnlyArgCount, kwOnlyArgCount, flags, varnames, cellvars,
                freevars, names, consts, code, lines, exceptionTable, stackSize, null);
    }

    /** No column known. */
    public static final int NO_COLUMNS = -1;

    /** Packs a start column and an end column (exclusive; -1 when the expression ends on a later line). */
    public static int packColumns(int start, int end) {
        return start < 0 || start > 0xFFFE ? NO_COLUMNS : start << 16 | (end < 0 || end > 0xFFFE ? 0xFFFF : end);
    }

    /** The start column of packed columns, or -1. */
    public static int startColumn(int packed) {
        return packed == NO_COLUMNS ? -1 : packed >>> 16;
    }

    /** The end column of packed columns, or -1. */
    public static int endColumn(int packed) {
        return packed == NO_COLUMNS || (packed & 0xFFFF) == 0xFFFF ? -1 : packed & 0xFFFF;
    }

    /** The packed columns of the instruction at {@code offset} ({@link #NO_COLUMNS} when unknown). */
    public int columnsAt(int offset) {
        return columns == null ? NO_COLUMNS : columns[offset / Opcode.SIZE];
    }

    /** The function takes {@code *args}. */
    public static final int VARARGS = 0x04;
    /** The function takes {@code **kwargs}. */
    public static final int VARKEYWORDS = 0x08;
    /** Calling the function creates a generator. */
    public static final int GENERATOR = 0x20;
    /** A function body (fast locals), as opposed to a module or class body (LOAD_NAME). */
    public static final int FUNCTION = 0x100;

    public boolean hasFlag(int flag) {
        return (flags & flag) != 0;
    }

    public int length() {
        return code.length;
    }

    public Opcode opcodeAt(int offset) {
        return Opcode.of(code[offset] & 0xff);
    }

    public int argAt(int offset) {
        return (code[offset + 1] & 0xff) | (code[offset + 2] & 0xff) << 8 | (code[offset + 3] & 0xff) << 16;
    }

    public int lineAt(int offset) {
        return lines[offset / Opcode.SIZE];
    }

    public Instruction instructionAt(int offset) {
        return new Instruction(offset, opcodeAt(offset), argAt(offset), lineAt(offset));
    }

    public List<Instruction> instructions() {
        List<Instruction> out = new ArrayList<>(code.length / Opcode.SIZE);
        for (int pc = 0; pc < code.length; pc += Opcode.SIZE) {
            out.add(instructionAt(pc));
        }
        return out;
    }

    /** The innermost exception-table row covering {@code offset}, or null. */
    public ExceptionEntry handlerFor(int offset) {
        for (ExceptionEntry e : exceptionTable) {
            if (e.covers(offset)) {
                return e;
            }
        }
        return null;
    }

    /** Name of cell slot {@code i}: cellvars first, then freevars. */
    public String cellName(int i) {
        return i < cellvars.size() ? cellvars.get(i) : freevars.get(i - cellvars.size());
    }

    /** Number of parameters, including *args and **kwargs. */
    public int totalArgCount() {
        return argCount + kwOnlyArgCount + (hasFlag(VARARGS) ? 1 : 0) + (hasFlag(VARKEYWORDS) ? 1 : 0);
    }

    @Override
    public String toString() {
        return "<code object " + qualname + " at " + source.name() + ":" + firstLine + ">";
    }
}
