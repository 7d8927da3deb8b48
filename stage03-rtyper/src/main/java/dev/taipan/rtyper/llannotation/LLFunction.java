package dev.taipan.rtyper.llannotation;

import dev.taipan.annotator.Annotator;
import dev.taipan.annotator.SomeValue;
import dev.taipan.flowgraph.host.PyObject;
import java.util.List;

/**
 * A function of the low level that RPy helper files call: one of {@code lltype}'s
 * ({@link LLBuiltin}: {@code malloc}, {@code nullptr}, and the type constructors import time
 * uses), or an operation of the catalogue through {@code llop} ({@link LLOpCall}). Each says
 * what it does when the host runs it and how a call of it is annotated; the rtyper's
 * {@code LowLevelRules} says what the call becomes.
 */
public sealed interface LLFunction permits LLBuiltin, LLOpCall, LLGraphFunction {

    /** How Python code names it: {@code malloc}, {@code llop.int_floordiv}. */
    String pyName();

    /** A call on the host (import time, or a helper run untranslated). */
    PyObject callOnHost(PyObject[] args);

    /** The annotation of a call with these arguments; errors through {@link Annotator#error}. */
    SomeValue annotateCall(Annotator ann, List<SomeValue> args);
}
