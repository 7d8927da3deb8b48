package dev.taipan.rtyper.llinterp;

import dev.taipan.rtyper.llgraph.InlinedFrames.Frame;
import java.util.List;

/**
 * The debug traceback of an exception-transformed graph ({@code debug_start_traceback},
 * {@code debug_record_traceback}, {@code debug_reraise_traceback}): each tells the
 * {@link TracebackRing} where the exception in slot {@code evalue} is: where the operation
 * stands ({@link dev.taipan.rtyper.llgraph.InlinedFrames#where}), this graph at its line, and the
 * frames of the callees it was inlined from, so that the report of an uncaught exception lists
 * the same frames as before the transform, when a Java exception unwinding the frames collected
 * them.
 */
sealed interface TracebackInstr extends Instr {

    record Start(TracebackRing ring, List<Frame> where, int evalue) implements TracebackInstr {
        @Override
        public void exec(long[] f) {
            ring.start(f[evalue], where);
        }
    }

    record Record(TracebackRing ring, List<Frame> where, int evalue) implements TracebackInstr {
        @Override
        public void exec(long[] f) {
            ring.record(f[evalue], where);
        }
    }

    record Reraise(TracebackRing ring, List<Frame> where, int evalue) implements TracebackInstr {
        @Override
        public void exec(long[] f) {
            ring.reraise(f[evalue], where);
        }
    }
}
