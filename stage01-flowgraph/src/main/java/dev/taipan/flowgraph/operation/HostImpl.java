package dev.taipan.flowgraph.operation;

import dev.taipan.flowgraph.host.PyObject;

/** How a high-level operation runs on host objects: the flow space's folder and the graph interpreter call it. */
@FunctionalInterface
interface HostImpl {
    PyObject apply(PyObject[] args);
}
