package dev.taipan.annotator;

import dev.taipan.annotator.SomeValue.*;
import dev.taipan.flowgraph.host.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code @specialize.memo()}: a function the translator runs itself, once per combination of
 * its (prebuilt constant) arguments, instead of translating it. Each argument may be one of a
 * few known constants (a set of PBCs, a bool, a literal); the bookkeeper keeps the table from
 * each combination to the host result, which later stages turn into a lookup, and the call's
 * annotation is the union of the results' annotations (one result keeps its constant).
 * This is how RPy code builds per-class or per-function tables at translation time.
 */
final class Memo {
    private Memo() { }

    static boolean isMemo(Desc.FunctionDesc f) {
        return f.pyobj().dict() != null && f.pyobj().dict().getStr("_annspecialcase_") instanceof PyStr t
                && t.value().equals("specialize:memo");
    }

    static SomeValue call(Annotator ann, Desc.FunctionDesc f, List<SomeValue> args) {
        List<List<PyObject>> choices = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            choices.add(constants(ann, f, i, args.get(i)));
        }
        Map<List<PyObject>, PyObject> table = ann.bookkeeper.memoTables.computeIfAbsent(f, k -> new LinkedHashMap<>());
        SomeValue r = SomeValue.IMPOSSIBLE;
        for (List<PyObject> combination : product(choices)) {
            PyObject result = table.get(combination);
            if (result == null) {
                try {
                    result = f.pyobj().call(combination.toArray(PyObject[]::new), null);
                } catch (PyException e) {
                    throw Annotator.error(ann, "@specialize.memo function '" + f.name() + "' raised "
                            + e.value().type().name() + " when the translator called it: " + e.getMessage());
                }
                table.put(combination, result);
            }
            r = ann.union(r, ann.bookkeeper.immutablevalue(result, ann));
        }
        return r;
    }

    /** Every constant the argument may be; an error for a value only known at run time. */
    private static List<PyObject> constants(Annotator ann, Desc.FunctionDesc f, int i, SomeValue s) {
        List<PyObject> out = new ArrayList<>();
        switch (s) {
            case SomePBC p -> {
                p.descs().forEach(d -> out.add(d.pyobj()));
                if (p.canBeNone()) {
                    out.add(PySingleton.NONE);
                }
            }
            case SomeNone n -> out.add(PySingleton.NONE);
            case SomeBool b when b.konst() == null -> out.addAll(List.of(PyBool.FALSE, PyBool.TRUE));
            default -> {
                if (s.konst() == null) {
                    String param = f.pyobj().code().varnames().get(i);
                    throw Annotator.error(ann, "@specialize.memo function '" + f.name() + "' is called with "
                            + Describe.article(s) + " for '" + param + "' that is not a constant: the translator "
                            + "runs a memo function itself, so its arguments must be prebuilt constants");
                }
                out.add(s.konst());
            }
        }
        return out;
    }

    private static List<List<PyObject>> product(List<List<PyObject>> choices) {
        List<List<PyObject>> out = new ArrayList<>();
        out.add(List.of());
        for (List<PyObject> c : choices) {
            List<List<PyObject>> next = new ArrayList<>();
            for (List<PyObject> prefix : out) {
                for (PyObject o : c) {
                    List<PyObject> l = new ArrayList<>(prefix);
                    l.add(o);
                    next.add(l);
                }
            }
            out = next;
        }
        return out;
    }
}
