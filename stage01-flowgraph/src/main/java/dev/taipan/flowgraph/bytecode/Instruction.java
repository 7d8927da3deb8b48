package dev.taipan.flowgraph.bytecode;

/** One decoded instruction: its byte offset, opcode, argument and source line. */
public record Instruction(int offset, Opcode opcode, int arg, int line) {
    public int next() {
        return offset + Opcode.SIZE;
    }
}
