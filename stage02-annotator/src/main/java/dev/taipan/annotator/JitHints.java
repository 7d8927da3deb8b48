package dev.taipan.annotator;

import dev.taipan.annotator.SomeValue.*;
import dev.taipan.flowgraph.host.PyBool;
import java.util.List;

/**
 * The JIT hints of {@code rpython.rlib.jit} as the annotator sees them: no-ops for the program's
 * types. {@code promote(x)} is {@code x}; {@code we_are_jitted()} is the constant False;
 * {@code jit_merge_point(...)} and friends return None.
 */
final class JitHints {
    private JitHints() { }

    static SomeValue call(String name, List<SomeValue> args) {
        return switch (name) {
            case "promote", "promote_string", "hint", "assert_green", "record_known_result" ->
                    args.isEmpty() ? new SomeNone() : args.getFirst();
            case "we_are_jitted" -> new SomeBool(PyBool.FALSE);
            default -> new SomeNone();
        };
    }
}
