package dev.taipan.flowgraph.host;

import static dev.taipan.flowgraph.host.SysModule.put;

/** The {@code time} module: wall clock, a monotonic performance counter, sleep. */
final class TimeModule {
    private TimeModule() {}

    static PyModule create() {
        PyDict d = new PyDict();
        PyModule m = new PyModule("time", d);
        put(d, "time", (a, k) -> new PyFloat(System.currentTimeMillis() / 1000.0));
        put(d, "time_ns", (a, k) -> PyInt.of(System.currentTimeMillis() * 1_000_000L));
        put(d, "perf_counter", (a, k) -> new PyFloat(System.nanoTime() / 1e9));
        put(d, "perf_counter_ns", (a, k) -> PyInt.of(System.nanoTime()));
        put(d, "monotonic", (a, k) -> new PyFloat(System.nanoTime() / 1e9));
        put(d, "process_time", (a, k) -> new PyFloat(System.nanoTime() / 1e9));
        put(d, "sleep", (a, k) -> {
            BArgs.count("sleep", a, k, 1, 1);
            double s = Arith.toDouble(a[0]);
            if (s < 0) {
                throw PyErrors.valueError("sleep length must be non-negative");
            }
            try {
                Thread.sleep((long) (s * 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw PyErrors.of(Types.KEYBOARD_INTERRUPT);
            }
            return PySingleton.NONE;
        });
        return m;
    }
}
