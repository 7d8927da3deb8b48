package dev.taipan.annotator;

import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyType;

/**
 * A description of a prebuilt constant the program uses (PyPy's {@code desc}): the annotator
 * reasons about these, not about the host objects themselves.
 */
public sealed interface Desc {
    PyObject pyobj();

    /** A Python function; its graph and signature live in the {@link Bookkeeper}. */
    record FunctionDesc(PyFunction pyobj) implements Desc {
        public String name() {
            return pyobj.name();
        }
    }

    /** A class; calling it makes an instance of its {@link ClassDef}. */
    record ClassDesc(PyType pyobj) implements Desc { }

    /** A function looked up on an instance of {@code selfClass}: calling it passes the instance first. */
    record MethodDesc(FunctionDesc func, ClassDef selfClass) implements Desc {
        public PyObject pyobj() {
            return func.pyobj();
        }
    }

    /** Any other prebuilt object used as a constant: a module, a frozen instance. */
    record FrozenDesc(PyObject pyobj) implements Desc { }
}
