package dev.taipan.flowgraph.host;

import dev.taipan.flowgraph.host.lib.PyLibError;
import java.util.function.Supplier;

/** Calls into {@code host.lib} and turns its {@link PyLibError}s into Python exceptions. */
final class Lib {
    private Lib() {}

    static <T> T call(Supplier<T> body) {
        try {
            return body.get();
        } catch (PyLibError e) {
            throw PyErrors.of(exceptionType(e.pythonType()), e.getMessage());
        }
    }

    static PyType exceptionType(String name) {
        for (PyType t : Types.EXCEPTIONS) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return Types.SYSTEM_ERROR;
    }
}
