package dev.taipan.flowgraph.flow;

import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.compiler.Compiler;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.HostSpace;
import dev.taipan.flowgraph.host.PyBaseException;
import dev.taipan.flowgraph.host.PyException;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.host.PyList;
import dev.taipan.flowgraph.host.PyModule;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PySingleton;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.flowgraph.syntax.SyntaxError;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code taipan exec --stage=flow FILE}: import FILE with the host interpreter (module-level
 * code runs there, in full Python), then call {@code entry_point([FILE, *ARGS])} through flow
 * graphs: every Python function it reaches is flowed on first call and run by the
 * {@link GraphInterpreter}. The exit status and the printing of uncaught exceptions follow
 * the host stage exactly, so that the two stages can be compared line for line.
 */
public final class FlowRunner {
    private final HostInterpreter host;
    private final PrintStream err;
    private final TranslationContext translator;
    private Consumer<FunctionGraph> onGraph = g -> { };

    public FlowRunner(HostInterpreter host, PrintStream err) {
        this.host = host;
        this.err = err;
        this.translator = new TranslationContext(host);
    }

    /** Sees every graph built (the corpus test runs checkgraph on each). */
    public FlowRunner onGraph(Consumer<FunctionGraph> action) {
        this.onGraph = action;
        return this;
    }

    public TranslationContext translator() {
        return translator;
    }

    /** Runs the program; returns its exit status. Problems in the program are printed, never thrown. */
    public int run(Path file, List<String> args) {
        SourceFile source;
        try {
            source = SourceFile.read(file.toAbsolutePath());
            Compiler.compile(source);     // a SyntaxError is reported as the host stage reports it
            if (!definesEntryPoint(source)) {
                err.println("taipan: " + file + ": the flow stage needs an RPy entry point, a top-level "
                        + "'def entry_point(argv)'; run it with --stage=host");
                return 2;
            }
        } catch (SyntaxError e) {
            return host.runProgram(file, args);    // the host prints it as CPython would
        } catch (TaipanError e) {
            err.println("taipan: " + e.getMessage());
            return 1;
        }
        PyModule module;
        try {
            module = host.importFile(file);
        } catch (PyException e) {
            err.print(host.formatException(e));
            return 1;
        }
        List<String> argv = new ArrayList<>();
        argv.add(file.toString());
        argv.addAll(args);
        try {
            return host.runInside(() -> runEntryPoint(module, argv));
        } catch (FlowingError e) {
            err.println(e.render());
            return 1;
        }
    }

    private int runEntryPoint(PyModule module, List<String> argv) {
        if (!(module.get("entry_point") instanceof PyFunction ep)) {
            err.println("taipan: entry_point is not a function");
            return 1;
        }
        List<PyObject> items = new ArrayList<>();
        for (String a : argv) {
            items.add(PyStr.of(a));
        }
        GraphInterpreter interp = new GraphInterpreter(translator);
        try {
            PyObject r = interp.call(ep, new PyObject[] {new PyList(items)}, null);
            return exitStatus(r);
        } catch (PyException e) {
            PyBaseException exc = e.value();
            if (exc.type().isSubtypeOf((dev.taipan.flowgraph.host.PyType) host.builtin("SystemExit"))) {
                List<PyObject> a = exc.args();
                return exitStatus(a.isEmpty() ? PySingleton.NONE : a.size() == 1 ? a.getFirst()
                        : new dev.taipan.flowgraph.host.PyTuple(a.toArray(new PyObject[0])));
            }
            err.print(host.formatException(e));
            return 1;
        } finally {
            for (FunctionGraph g : translator.graphs()) {
                onGraph.accept(g);
            }
        }
    }

    private int exitStatus(PyObject r) {
        if (r == PySingleton.NONE) {
            return 0;
        }
        if (r instanceof PyInt i) {
            return (int) i.longValue();
        }
        err.println(HostSpace.str(r));
        return 1;
    }

    /** A top-level {@code def entry_point(}, found as the host stage and the corpus tools find it. */
    private static final java.util.regex.Pattern ENTRY_POINT =
            java.util.regex.Pattern.compile("^def entry_point\\(", java.util.regex.Pattern.MULTILINE);

    static boolean definesEntryPoint(SourceFile source) {
        return ENTRY_POINT.matcher(source.text()).find();
    }
}
