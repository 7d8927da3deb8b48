package dev.taipan.rtyper.llinterp;

import dev.taipan.flowgraph.host.lib.FloatFormat;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.memory.Heap;
import dev.taipan.rtyper.memory.HeapStrings;
import java.io.PrintStream;

/**
 * {@code debug_print} and {@code debug_assert}: the program's output, until part 2 prints RPy
 * strings through {@code os.write}, and its low-level invariants.
 */
sealed interface DebugInstr extends Instr {

    /** One argument of {@code debug_print}: a {@code Void} constant's text, or a value shown as Python's {@code print} shows it. */
    sealed interface Piece {
        String text(long[] frame);
    }

    record Text(String text) implements Piece {
        @Override
        public String text(long[] f) {
            return text;
        }
    }

    /** A value: integers in decimal, floats as Python's {@code repr}, {@code True}/{@code False}, a char as itself. */
    record Shown(Primitive type, int slot) implements Piece {
        @Override
        public String text(long[] f) {
            long bits = f[slot];
            return switch (type) {
                case SIGNED -> Long.toString(bits);
                case UNSIGNED -> Long.toUnsignedString(bits);
                case FLOAT -> FloatFormat.repr(Double.longBitsToDouble(bits));
                case BOOL -> bits != 0 ? "True" : "False";
                case CHAR -> String.valueOf((char) bits);
                case ADDRESS -> "0x" + Long.toHexString(bits);
                case VOID -> throw new IllegalStateException("a Void value has nothing to show");
            };
        }
    }

    /** A string, {@code Ptr(rpy_string)}, shown as its chars ({@code None} for null). */
    record ShownStr(Heap heap, int slot) implements Piece {
        @Override
        public String text(long[] f) {
            return f[slot] == 0 ? "None" : HeapStrings.read(heap, f[slot]);
        }
    }

    /** {@code debug_gc_log('kind', before, after, moved, nanos)}: a line of the collectors' log, if there is one. */
    record LogCollection(GcLog log, String kind, int before, int after, int moved, int nanos) implements DebugInstr {
        @Override
        public void exec(long[] f) {
            if (log != null) {
                log.collection(kind, f[before], f[after], f[moved], f[nanos]);
            }
        }
    }

    /** {@code debug_gc_heap('event', a, b, c)}: an item of a heap picture, if the log has a listener for them. */
    record HeapEvent(GcLog log, String event, int a, int b, int c) implements DebugInstr {
        @Override
        public void exec(long[] f) {
            if (log != null) {
                log.heapEvent(event, f[a], f[b], f[c]);
            }
        }
    }

    /** {@code debug_print(sep, end, values...)}: the values separated by {@code sep}, then {@code end}. */
    record Print(PrintStream out, String sep, String end, Piece[] pieces) implements DebugInstr {
        @Override
        public void exec(long[] f) {
            var sb = new StringBuilder();
            for (int k = 0; k < pieces.length; k++) {
                sb.append(k == 0 ? "" : sep).append(pieces[k].text(f));
            }
            out.print(sb.append(end));
        }
    }

    /** {@code jit_marker(...)}: a place the JIT of stage 06 reads; nothing happens when it runs. */
    record Nothing() implements DebugInstr {
        @Override
        public void exec(long[] f) {
        }
    }

    /** {@code debug_assert(cond, message)}: a false condition is a fatal error. */
    record Assert(int condition, String message) implements DebugInstr {
        @Override
        public void exec(long[] f) {
            if (f[condition] == 0) {
                throw new IllegalStateException("debug_assert failed: " + message);
            }
        }
    }
}
