package dev.taipan.rtyper.rtyper;

import dev.taipan.flowgraph.flow.Value;

/**
 * {@code x.method(args)} on a str, a list or a dict (PyPy's {@code rtype_method_*} of
 * {@code rstr}, {@code rlist}, {@code rdict}): the annotator named the method
 * ({@code "list.append"}), the call's first argument is the object itself
 * ({@link Repr.BuiltinMethodRepr}), and each kind of container has its rules, most of them a
 * {@code direct_call} of a helper written in RPy.
 */
final class MethodCalls {
    private MethodCalls() { }

    static Value call(RTyper rtyper, HighLevelOp hop, Repr.BuiltinMethodRepr m) {
        if (OsRules.handlesMethod(m.name())) {
            return OsRules.method(hop, m);   // str.encode, bytes.decode
        }
        String kind = m.name().substring(0, m.name().indexOf('.'));
        switch (kind) {   // each kind of container adds its case here: case "list" -> { return ListRules.method(...); }
            case "str" -> { return StrRules.method(rtyper, hop, m); }
            case "list" -> { return ListRules.method(rtyper, hop, m); }
            case "dict" -> { return DictRules.method(rtyper, hop, m); }
            default -> throw hop.error(m.name() + "() has no low-level translation in this part (part 2 brings the "
                    + "methods of strs, lists and dicts)");
        }
    }
}
