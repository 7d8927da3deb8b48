package dev.taipan.annotator;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Functions that one call site may call (PyPy's call family): {@code f = g if c else h; f(x)}
 * puts {@code g} and {@code h} in one family. The rtyper will call them all through one
 * function pointer type, so they must agree on their signature: every call of one member
 * passes its arguments to every member of the same arity. Families merge (union-find).
 */
final class CallFamily {
    final Set<Desc.FunctionDesc> members = new LinkedHashSet<>();
    private CallFamily forward;

    CallFamily(Desc.FunctionDesc first) {
        members.add(first);
    }

    CallFamily find() {
        CallFamily f = this;
        while (f.forward != null) {
            f = f.forward;
        }
        return f;
    }

    void absorb(CallFamily other) {
        members.addAll(other.members);
        other.members.clear();
        other.forward = this;
    }
}
