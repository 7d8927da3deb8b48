package dev.taipan.rtyper.llinterp;

import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.rtyper.llgraph.InlinedFrames;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LowLevelOverflow;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * One low-level graph, compiled for the llinterp, and the loop that runs it: PyPy's
 * {@code LLFrame.eval}, without the dictionaries.
 *
 * <p>A call gets a frame, a {@code long[]} with one slot per variable of the graph (and one per
 * constant, filled from {@link #template}, so that every operand is a slot). Running a block
 * executes its instructions in order, then its {@link Exit} chooses a {@link Jump}, whose moves
 * pass the link's arguments into the next block's input slots. Reaching the return block
 * returns the word in its input slot; reaching the except block raises its two input words, the
 * exception's class and instance.
 *
 * <p>When an instruction raises an RPy exception ({@link LLException}, from a callee, or an
 * {@code _ovf} operation's overflow turned into {@code OverflowError}), the frame records its
 * graph and the operation's line in the exception's traceback (and, for an operation inlined from
 * a callee, the callee's frames it stands for); then, if the instruction is
 * the last of a block with exception links, the first link whose class matches is taken, with
 * the exception bound to its {@code last_exception} and {@code last_exc_value} variables;
 * otherwise the exception leaves the frame. An exception caught here and then passed to the
 * except block is a re-raise: it keeps its traceback, as in Python. Any other Java exception
 * from an instruction (undefined behaviour, a bad access in the checked heap, a failed
 * {@code debug_assert}) is a fatal error naming the operation.
 */
final class GraphCode {

    private final LowLevelGraph graph;
    private final Exceptions exceptions;
    private final TracebackRing ring;
    private final long[] template;
    private final int[] params;
    private final CodeBlock start;
    private final CodeBlock returnBlock;
    private final CodeBlock exceptBlock;
    private final int result;
    private final int etype;
    private final int evalue;

    GraphCode(LowLevelGraph graph, Exceptions exceptions, TracebackRing ring, long[] template, int[] params,
              CodeBlock start, CodeBlock returnBlock, CodeBlock exceptBlock, int result, int etype, int evalue) {
        this.graph = graph;
        this.exceptions = exceptions;
        this.ring = ring;
        this.template = template;
        this.params = params;
        this.start = start;
        this.returnBlock = returnBlock;
        this.exceptBlock = exceptBlock;
        this.result = result;
        this.etype = etype;
        this.evalue = evalue;
    }

    /** A fresh frame: the constants, and the words in the caller's slots {@code args} as the parameters. */
    long[] frame(long[] caller, int[] args) {
        long[] f = template.clone();
        for (int k = 0; k < args.length; k++) {
            f[params[k]] = caller[args[k]];
        }
        return f;
    }

    /** Runs the graph in frame {@code f}; returns the result word, or throws the RPy exception that leaves it. */
    long run(long[] f) {
        CodeBlock block = start;
        LLException caught = null;
        while (true) {
            Instr[] instrs = block.instrs;
            int i = 0;
            Jump next;
            try {
                for (; i < instrs.length; i++) {
                    instrs[i].exec(f);
                }
                next = block.exit.choose(f);
            } catch (PendingGuard.Exit e) {
                next = e.jump();   // an exception pending after a call inside a superblock: its way out
            } catch (RuntimeException e) {
                LLException raised = raised(e, block.operations[i]);
                Handler h = block.handlerFor(raised, i);
                if (h == null) {
                    throw raised;
                }
                h.bind(raised, f);
                caught = raised;
                next = h.jump();
            }
            next.move(f);
            block = next.target();
            if (Thread.currentThread().isInterrupted()) {
                // whoever runs the program gave up on it (the fuzzer's timeout): unwind every frame
                throw new CancellationException("the run was interrupted");
            }
            if (block == returnBlock) {
                return f[result];
            }
            if (block == exceptBlock) {
                throw raise(f, caught, next);
            }
        }
    }

    /** What {@code e}, thrown by the instruction of {@code op}, is in RPy terms: an exception, or a fatal error. */
    private LLException raised(RuntimeException e, SpaceOperation op) {
        switch (e) {
            case LLException x -> {
                x.passedThrough(where(op));
                return x;
            }
            case LowLevelOverflow _ -> {
                LLException x = exceptions.builtin("OverflowError");
                x.passedThrough(where(op));
                return x;
            }
            case LLFatalError x -> {
                x.passedThrough(where(op));
                throw x;
            }
            default -> {
                var fatal = new LLFatalError(graph.name() + ": " + op + ": " + e.getMessage(), e);
                fatal.passedThrough(where(op));
                throw fatal;
            }
        }
    }

    /** The except block was reached through {@code via}: raise its words, or re-raise what this frame caught. */
    private LLException raise(long[] f, LLException caught, Jump via) {
        if (caught != null && caught.etype() == f[etype] && caught.evalue() == f[evalue]) {
            return caught;
        }
        Traceback routed = ring.take(f[evalue]);
        if (routed != null) {   // an inlined raise, routed straight to this frame's handler, raised again
            return new LLException(f[etype], f[evalue], routed);
        }
        var e = new LLException(f[etype], f[evalue]);
        e.passedThrough(via.raisedAt());
        return e;
    }

    /** The frames {@code op} stands for: this graph's, and those of the callees it was inlined from. */
    private List<InlinedFrames.Frame> where(SpaceOperation op) {
        return graph.inlined().where(graph, op);
    }
}
