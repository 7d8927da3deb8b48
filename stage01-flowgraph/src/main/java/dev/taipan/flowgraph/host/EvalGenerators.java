package dev.taipan.flowgraph.host;

/**
 * The eval loop's generators family: {@code yield from}. (A plain {@code yield} needs nothing
 * more than the loop itself: it saves pc and stack pointer in the frame and returns; see
 * {@link PyGenerator}.)
 *
 * <p>{@code yield from it} keeps {@code it} on the stack and runs YIELD_FROM once per value:
 * send the value in; if the sub-iterator yields, this generator yields the same value and
 * leaves its pc <em>on</em> YIELD_FROM, so that resuming it sends the next value in; when the
 * sub-iterator finishes, its return value replaces it on the stack and execution moves on.
 */
final class EvalGenerators {
    private EvalGenerators() {}

    /**
     * YIELD_FROM's step: sends {@code v} into the sub-iterator at {@code st[sp - 1]}. Returns
     * what it yielded, or null when it finished (its return value then replaced it).
     */
    static PyObject send(PyObject[] st, int sp, PyObject v) {
        PyObject sub = st[sp - 1];
        if (sub instanceof PyGenerator g) {
            PyObject r = g.resume(v, null);
            if (r == null) {
                st[sp - 1] = g.returnValue();
            }
            return r;
        }
        if (v == PySingleton.NONE) {
            PyObject r = Ops.next(sub);
            if (r == null) {
                st[sp - 1] = PySingleton.NONE;
            }
            return r;
        }
        return Attr.callMethod(sub, "send", v);
    }

    /**
     * An exception thrown into this generator while it is suspended in YIELD_FROM goes to the
     * sub-generator first, as a send would. Returns what the sub-generator yielded, or null
     * when it finished (its return value replaced it); rethrows when there is no
     * sub-generator to take the exception or it is GeneratorExit (which closes it).
     */
    static PyObject throwInto(PyObject[] st, int sp, PyException p) {
        if (!(st[sp - 1] instanceof PyGenerator g)) {
            throw p;
        }
        if (p.matches(Types.GENERATOR_EXIT)) {
            g.close();
            throw p;
        }
        PyObject r = g.resume(PySingleton.NONE, p);
        if (r == null) {
            st[sp - 1] = g.returnValue();
        }
        return r;
    }
}
