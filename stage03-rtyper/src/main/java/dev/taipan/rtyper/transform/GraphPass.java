package dev.taipan.rtyper.transform;

import dev.taipan.rtyper.llgraph.LowLevelProgram;

/**
 * One graph-to-graph pass over a whole low-level program (PyPy's {@code translator/backendopt}
 * and {@code exceptiontransform.py}): what the rtyper made goes in, a program with the same
 * behaviour comes out, ready for the llinterp, the next pass or a backend. A pass may rewrite the
 * graphs it is given in place; the program it returns is the one to use from then on.
 */
public interface GraphPass {
    /** The name {@code taipan rtype --after=NAME} knows it by. */
    String name();

    /** What the pass does, in one line, for {@code --help} and the guide. */
    String description();

    LowLevelProgram apply(LowLevelProgram program);
}
