package dev.taipan.annotator;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Functions that one call site may call (PyPy's call family): {@code f = g if c else h; f(x)}
 * puts {@code g} and {@code h} in one family. The rtyper calls them all through one
 * function pointer type, so they must agree on their signature: every call of one member
 * passes its arguments to every member of the same arity. Families merge (union-find).
 */
public final class CallFamily {
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

    /** The functions of the family, in the order the annotator met them. */
    public Set<Desc.FunctionDesc> members() {
        return java.util.Collections.unmodifiableSet(members);
    }

    void absorb(CallFamily other) {
        members.addAll(other.members);
        other.members.clear();
        other.forward = this;
    }
}
