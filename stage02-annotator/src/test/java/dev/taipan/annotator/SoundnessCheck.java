package dev.taipan.annotator;

import dev.taipan.flowgraph.corpus.CorpusProgram;
import dev.taipan.flowgraph.corpus.Outcome;
import dev.taipan.flowgraph.corpus.StageRun;
import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.GraphInterpreter;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.TranslationContext;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.HostSpace;
import dev.taipan.flowgraph.host.PyException;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.host.PyList;
import dev.taipan.flowgraph.host.PyModule;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyStr;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The soundness check: annotate a program, then run {@code entry_point} through the very graphs
 * the annotator annotated (a call runs the specialised copy the annotator chose at that call
 * site, see {@link Annotator#calledGraph}) while the graph interpreter reports every value bound
 * to every variable; each value must be {@link Contains#contains contained} in the variable's
 * annotation. A value outside it is a place where the annotator's claim about the program is
 * false: exactly what a later stage, which trusts the annotations to lay out memory, would
 * miscompile. A call the annotator never saw reach its callee is reported too.
 *
 * <p>The run is a real run, output and all, so the test also checks the program's expected
 * output: the annotated graphs must still be the program.
 */
final class SoundnessCheck {

    /** One variable that took a value outside its annotation (the first such value; how often it happened). */
    record Violation(String function, String variable, int line, String annotation, String value, int times) {
        @Override
        public String toString() {
            return "%s, line %d: %s is %s but took %s%s".formatted(function, line, variable, annotation, value,
                    times > 1 ? " (" + times + " times)" : "");
        }
    }

    /** What one run found: the program's outcome and what was checked. */
    record Result(Outcome outcome, List<Violation> violations, long bindings, int variables, int graphs) { }

    private SoundnessCheck() { }

    static Result run(CorpusProgram program) throws InterruptedException {
        return run(program, ann -> { });
    }

    /** {@code tamper} may change the annotations before the run (the negative tests do). */
    static Result run(CorpusProgram program, Consumer<Annotator> tamper) throws InterruptedException {
        Watch watch = new Watch();
        Outcome outcome = StageRun.capture(program, "annotated", (host, err, p) -> {
            PyModule module;
            try {
                module = host.importFile(p.path());
            } catch (PyException e) {
                err.print(host.formatException(e));
                return 1;
            }
            List<PyObject> argv = new ArrayList<>();
            argv.add(PyStr.of(p.path().toString()));
            p.expectation().args().forEach(a -> argv.add(PyStr.of(a)));
            return host.runInside(() -> {
                PyFunction entry = (PyFunction) module.get("entry_point");
                watch.ann = AnnotateCommand.annotateFrom(new TranslationContext(host), entry, entry.name().equals("entry_point"));
                tamper.accept(watch.ann);
                return runEntryPoint(host, err, watch, entry, argv);
            });
        });
        Set<FunctionGraph> graphs = Collections.newSetFromMap(new IdentityHashMap<>());
        watch.graphOf.values().forEach(graphs::add);
        return new Result(outcome, watch.violations(), watch.bindings, watch.graphOf.size(), graphs.size());
    }

    private static int runEntryPoint(HostInterpreter host, PrintStream err, Watch watch, PyFunction entry, List<PyObject> argv) {
        GraphInterpreter interp = new GraphInterpreter(watch::link, watch::bound);
        try {
            PyObject status = interp.call(entry, new PyObject[] {new PyList(argv)}, null);
            return status instanceof PyInt i ? (int) i.longValue() : 0;
        } catch (PyException e) {
            err.print(host.formatException(e));
            return 1;
        }
    }

    private static final class Escaped {
        final PyObject first;
        int times = 1;

        Escaped(PyObject first) {
            this.first = first;
        }
    }

    /** The linker and observer of one run, and what they saw. */
    private static final class Watch {
        Annotator ann;
        long bindings;
        /** Every variable seen, with its graph. */
        final Map<Variable, FunctionGraph> graphOf = new IdentityHashMap<>();
        /** Per variable out of its annotation: the first value that escaped it, and how many did. */
        final Map<Variable, Escaped> bad = new LinkedHashMap<>();
        final List<Violation> unseenCalls = new ArrayList<>();

        FunctionGraph link(SpaceOperation site, PyFunction f) {
            if (ann.typedWithoutGraph(f)) {
                return null;     // a JIT hint or a memo function: run by the host, as the annotator assumed
            }
            FunctionGraph g = ann.calledGraph(site, f);
            if (g == null) {
                unseenCalls.add(new Violation("?", "call of " + f.name(), site == null ? 0 : site.line(),
                        "never seen by the annotator", "a call", 1));
            }
            return g;    // null: the host runs it, so the check goes on past the report
        }

        void bound(FunctionGraph g, Variable v, PyObject value) {
            bindings++;
            graphOf.putIfAbsent(v, g);
            Escaped seen = bad.get(v);
            if (seen != null) {
                seen.times++;
            } else if (!Contains.contains(ann.binding(v), value)) {
                bad.put(v, new Escaped(value));
            }
        }

        List<Violation> violations() {
            List<Violation> out = new ArrayList<>(unseenCalls);
            bad.forEach((v, seen) -> {
                FunctionGraph g = graphOf.get(v);
                String value = HostSpace.repr(seen.first);
                out.add(new Violation(ann.displayName(g), v.name(), lineOf(g, v),
                        describe(ann.binding(v)),
                        value.length() > 80 ? value.substring(0, 77) + "..." : value, seen.times));
            });
            return out;
        }

        /** The annotation in Python's words, with what they leave out: non-negative, the constant. */
        private static String describe(SomeValue s) {
            String nonneg = s instanceof SomeValue.SomeInteger i && i.nonneg() ? " (nonneg)" : "";
            return Describe.pyType(s) + nonneg
                    + (s.konst() == null || s instanceof SomeValue.SomePBC ? "" : " (constant " + HostSpace.repr(s.konst()) + ")");
        }

        /** The line of the operation that defines {@code v}, or of the first operation of the block it enters. */
        private static int lineOf(FunctionGraph g, Variable v) {
            for (Block b : g.iterblocks()) {
                for (SpaceOperation op : b.operations) {
                    if (op.result() == v || b.inputargs.contains(v)) {
                        return op.line();
                    }
                }
            }
            return g.code == null ? 0 : g.code.firstLine();
        }
    }
}
