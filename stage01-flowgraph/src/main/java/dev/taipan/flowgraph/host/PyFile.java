package dev.taipan.flowgraph.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;

/** What {@code open()} returns: a text file for reading or writing, usable with {@code with}. */
final class PyFile extends PyObject {
    final String name;
    final String mode;
    private BufferedReader reader;
    private Writer writer;
    boolean closed;

    PyFile(String name, String mode, BufferedReader reader, Writer writer) {
        this.name = name;
        this.mode = mode;
        this.reader = reader;
        this.writer = writer;
    }

    @Override
    public PyType type() {
        return Types.FILE;
    }

    private void checkOpen() {
        if (closed) {
            throw PyErrors.valueError("I/O operation on closed file.");
        }
    }

    private BufferedReader reader() {
        checkOpen();
        if (reader == null) {
            throw PyErrors.of(Types.OS_ERROR, "not readable");
        }
        return reader;
    }

    String read(long n) {
        try {
            BufferedReader r = reader();
            StringBuilder sb = new StringBuilder();
            int c;
            while ((n < 0 || sb.length() < n) && (c = r.read()) >= 0) {
                sb.append((char) c);
            }
            return sb.toString();
        } catch (IOException e) {
            throw PyErrors.of(Types.OS_ERROR, e.getMessage());
        }
    }

    String readline() {
        try {
            BufferedReader r = reader();
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = r.read()) >= 0) {
                sb.append((char) c);
                if (c == '\n') {
                    break;
                }
            }
            return sb.toString();
        } catch (IOException e) {
            throw PyErrors.of(Types.OS_ERROR, e.getMessage());
        }
    }

    PyObject readlineOrNull() {
        String s = readline();
        return s.isEmpty() ? null : PyStr.of(s);
    }

    void write(String s) {
        checkOpen();
        if (writer == null) {
            throw PyErrors.of(Types.OS_ERROR, "not writable");
        }
        try {
            writer.write(s);
        } catch (IOException e) {
            throw PyErrors.of(Types.OS_ERROR, e.getMessage());
        }
    }

    void flush() {
        try {
            if (writer != null) {
                writer.flush();
            }
        } catch (IOException e) {
            throw PyErrors.of(Types.OS_ERROR, e.getMessage());
        }
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (reader != null) {
                reader.close();
            }
            if (writer != null) {
                writer.close();
            }
        } catch (IOException e) {
            throw PyErrors.of(Types.OS_ERROR, e.getMessage());
        }
    }

    @Override
    PyObject getSlot(String n) {
        return switch (n) {
            case "name" -> PyStr.of(name);
            case "mode" -> PyStr.of(mode);
            case "closed" -> PyBool.of(closed);
            default -> null;
        };
    }

    @Override
    String repr() {
        return "<_io.TextIOWrapper name='" + name + "' mode='" + mode + "' encoding='UTF-8'>";
    }
}
