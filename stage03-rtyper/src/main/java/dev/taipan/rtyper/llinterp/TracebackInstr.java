package dev.taipan.rtyper.llinterp;

import dev.taipan.rtyper.llgraph.LowLevelGraph;

/**
 * The debug traceback of an exception-transformed graph ({@code debug_start_traceback},
 * {@code debug_record_traceback}, {@code debug_reraise_traceback}): each tells the
 * {@link PendingException} where the exception in slot {@code evalue} is, this graph at the
 * operation's line, so that the report of an uncaught exception lists the same frames as before
 * the transform, when a Java exception unwinding the frames collected them.
 */
sealed interface TracebackInstr extends Instr {

    record Start(PendingException pending, LowLevelGraph graph, int line, int evalue) implements TracebackInstr {
        @Override
        public void exec(long[] f) {
            pending.start(f[evalue], graph, line);
        }
    }

    record Record(PendingException pending, LowLevelGraph graph, int line, int evalue) implements TracebackInstr {
        @Override
        public void exec(long[] f) {
            pending.record(f[evalue], graph, line);
        }
    }

    record Reraise(PendingException pending, LowLevelGraph graph, int line, int evalue) implements TracebackInstr {
        @Override
        public void exec(long[] f) {
            pending.reraise(f[evalue], graph, line);
        }
    }
}
