package dev.taipan.flowgraph.host;

/**
 * A generator: a suspended {@link Frame}. The eval loop is re-entrant: YIELD_VALUE saves the
 * program counter and stack pointer in the frame and <em>returns</em> from the loop, and
 * resuming calls the loop again on the same frame, which continues at the saved pc with the
 * sent value pushed. That is how CPython and PyPy run generators: no thread, no copied Java
 * stack, and a generator costs one frame object.
 */
public final class PyGenerator extends PyObject {
    final Frame frame;
    private boolean started;
    private boolean running;
    private boolean finished;
    private PyObject returnValue = PySingleton.NONE;

    PyGenerator(Frame frame) {
        this.frame = frame;
    }

    @Override
    public PyType type() {
        return Types.GENERATOR;
    }

    /** The next yielded value, or null when the generator returned (its value is kept). */
    PyObject resume(PyObject sent, PyException toThrow) {
        if (running) {
            throw PyErrors.valueError("generator already executing");
        }
        if (finished) {
            if (toThrow != null) {
                throw toThrow;
            }
            returnValue = PySingleton.NONE;
            return null;
        }
        if (!started && toThrow == null && sent != PySingleton.NONE) {
            throw PyErrors.typeError("can't send non-None value to a just-started generator");
        }
        if (!started && toThrow != null) {
            finished = true;
            throw toThrow;
        }
        if (started && toThrow == null) {
            frame.stack[frame.sp++] = sent;
        }
        frame.pendingThrow = toThrow;
        running = true;
        PyObject v;
        try {
            v = frame.interp.execute(frame);
        } catch (PyException e) {
            finished = true;
            if (e.matches(Types.STOP_ITERATION)) {
                PyException re = PyErrors.runtimeError("generator raised StopIteration");
                re.value().cause = e.value();
                re.value().context = e.value();
                throw re;
            }
            throw e;
        } finally {
            running = false;
            started = true;
        }
        if (frame.yielded) {
            frame.yielded = false;
            return v;
        }
        finished = true;
        returnValue = v;
        return null;
    }

    PyObject next() {
        return resume(PySingleton.NONE, null);
    }

    PyObject returnValue() {
        return returnValue;
    }

    /** {@code send(v)}: the next value, or StopIteration carrying the return value. */
    PyObject send(PyObject v) {
        PyObject r = resume(v, null);
        if (r == null) {
            throw PyErrors.of(Types.STOP_ITERATION, returnValue);
        }
        return r;
    }

    PyObject throwInto(PyException e) {
        PyObject r = resume(PySingleton.NONE, e);
        if (r == null) {
            throw PyErrors.of(Types.STOP_ITERATION, returnValue);
        }
        return r;
    }

    void close() {
        if (!started || finished) {
            finished = true;
            return;
        }
        try {
            PyObject r = resume(PySingleton.NONE, PyErrors.of(Types.GENERATOR_EXIT));
            if (r != null) {
                throw PyErrors.runtimeError("generator ignored GeneratorExit");
            }
        } catch (PyException e) {
            if (!e.matches(Types.GENERATOR_EXIT) && !e.matches(Types.STOP_ITERATION)) {
                throw e;
            }
        }
    }

    @Override
    PyObject getSlot(String name) {
        return switch (name) {
            case "__name__" -> PyStr.of(frame.code.name());
            case "__qualname__" -> PyStr.of(frame.code.qualname());
            case "gi_running" -> PyBool.of(running);
            case "gi_frame" -> finished ? PySingleton.NONE : new PyFrameObject(frame);
            case "gi_code" -> frame.pycode;
            default -> null;
        };
    }

    @Override
    String repr() {
        return "<generator object " + frame.code.qualname() + " at " + Ops.address(this) + ">";
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
