package dev.taipan.flowgraph.flow;

import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The graphs a picture of a program shows: the entry function's, then those of every Python
 * function that appears as a constant in a graph already found (a direct call, a function
 * passed along, an unrolled table of functions), and of the {@code __init__} and methods of
 * classes that appear as constants. Calls through a variable (a method of an instance) need the
 * annotator (stage 02) to be resolved; the methods of constant classes stand in for them.
 */
public final class Reachable {
    private Reachable() {}

    public static List<FunctionGraph> from(TranslationContext t, PyFunction entry) {
        List<FunctionGraph> out = new ArrayList<>();
        Set<PyFunction> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<PyFunction> todo = new ArrayDeque<>();
        todo.add(entry);
        seen.add(entry);
        while (!todo.isEmpty()) {
            FunctionGraph g = t.buildflowgraph(todo.poll());
            out.add(g);
            for (SpaceOperation op : g.operations()) {
                for (Value v : op.args()) {
                    if (v instanceof Constant(Object o) && o instanceof PyObject p) {
                        for (PyFunction f : functionsOf(p)) {
                            if (seen.add(f)) {
                                todo.add(f);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The flowable functions a constant stands for: itself, or a user class's methods. */
    static List<PyFunction> functionsOf(PyObject o) {
        List<PyFunction> out = new ArrayList<>();
        if (o instanceof PyFunction f && !f.code().hasFlag(Code.GENERATOR)) {
            out.add(f);
        } else if (o instanceof PyType t && !t.isBuiltin()) {
            for (PyType c : t.mro()) {
                if (c.isBuiltin()) {
                    continue;
                }
                for (PyObject v : c.dictView().values()) {
                    if (v instanceof PyFunction f && !f.code().hasFlag(Code.GENERATOR)) {
                        out.add(f);
                    }
                }
            }
        }
        return out;
    }
}
