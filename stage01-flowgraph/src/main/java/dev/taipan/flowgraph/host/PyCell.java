package dev.taipan.flowgraph.host;

/**
 * A closure cell: one variable shared between a function and the functions nested in it. The
 * flow space reads a function's cells as constants (PyPy treats closure contents as frozen
 * once import time is over).
 */
public final class PyCell extends PyObject {
    PyObject contents;

    PyCell() {}

    PyCell(PyObject contents) {
        this.contents = contents;
    }

    /** The value, or null when the variable is unbound. */
    public PyObject contents() {
        return contents;
    }

    @Override
    public PyType type() {
        return Types.CELL;
    }

    @Override
    PyObject getSlot(String name) {
        if (name.equals("cell_contents")) {
            if (contents == null) {
                throw PyErrors.valueError("Cell is empty");
            }
            return contents;
        }
        return null;
    }

    @Override
    String repr() {
        return "<cell at " + Ops.address(this) + ": "
                + (contents == null ? "empty" : contents.type().name() + " object at " + Ops.address(contents)) + ">";
    }
}
