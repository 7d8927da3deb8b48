package dev.taipan.flowgraph.host;

/**
 * The eval loop's f-string family. {@code f"x={x!r:>8}"} compiles to the constant parts and one
 * FORMAT_VALUE per replacement field, then one BUILD_STRING that concatenates them all: no
 * {@code str.format} call and no intermediate strings. Each method returns the stack pointer
 * after the instruction.
 */
final class EvalFStrings {
    private EvalFStrings() {}

    /**
     * FORMAT_VALUE: {@code v -> str} or {@code v spec -> str}. The low two bits of the argument
     * are the conversion ({@code !s}, {@code !r}, {@code !a}), bit 4 says a format spec is on top.
     */
    static int formatValue(PyObject[] st, int sp, int flags) {
        PyObject spec = (flags & 4) != 0 ? st[--sp] : null;
        PyObject v = switch (flags & 3) {
            case 1 -> PyStr.of(Ops.str(st[sp - 1]));
            case 2 -> PyStr.of(Ops.repr(st[sp - 1]));
            case 3 -> PyStr.of(Ops.ascii(st[sp - 1]));
            default -> st[sp - 1];
        };
        st[sp - 1] = spec == null && v instanceof PyStr ? v
                : PyStr.of(Ops.format(v, spec == null ? "" : ((PyStr) spec).value));
        return sp;
    }

    /** BUILD_STRING: {@code s1 .. sn -> s1 + .. + sn}. */
    static int buildString(PyObject[] st, int sp, int n) {
        StringBuilder sb = new StringBuilder();
        sp -= n;
        for (int i = 0; i < n; i++) {
            sb.append(((PyStr) st[sp + i]).value);
        }
        st[sp] = PyStr.of(sb.toString());
        return sp + 1;
    }
}
