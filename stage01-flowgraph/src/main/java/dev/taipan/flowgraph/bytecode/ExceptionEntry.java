package dev.taipan.flowgraph.bytecode;

/**
 * One row of a code object's exception table: an exception raised by an instruction at a byte
 * offset in {@code [start, end)} truncates the stack to {@code depth} items, pushes the
 * exception and continues at {@code handler}. Rows are ordered innermost first: the first row
 * that covers the offset wins. An offset no row covers propagates the exception to the caller.
 */
public record ExceptionEntry(int start, int end, int handler, int depth) {
    public boolean covers(int offset) {
        return start <= offset && offset < end;
    }
}
