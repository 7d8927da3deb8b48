package dev.taipan.flowgraph.host;

import java.io.PrintStream;

/** {@code sys.stdout} and {@code sys.stderr}: text streams over the interpreter's Java streams. */
final class PyStream extends PyObject {
    final String name;
    final PrintStream stream;

    PyStream(String name, PrintStream stream) {
        this.name = name;
        this.stream = stream;
    }

    void write(String s) {
        stream.print(s);
    }

    void flush() {
        stream.flush();
    }

    @Override
    public PyType type() {
        return Types.FILE;
    }

    @Override
    PyObject getSlot(String n) {
        return switch (n) {
            case "name" -> PyStr.of(name);
            case "closed" -> PyBool.FALSE;
            default -> null;
        };
    }

    @Override
    String repr() {
        return "<_io.TextIOWrapper name='" + name + "' mode='w' encoding='utf-8'>";
    }
}
