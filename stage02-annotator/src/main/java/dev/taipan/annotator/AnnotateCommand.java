package dev.taipan.annotator;

import dev.taipan.annotator.SomeValue.*;
import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.TranslationContext;
import dev.taipan.flowgraph.host.*;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code taipan annotate FILE [--entry NAME]}: the signatures and classes the annotator infers. */
@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = "Infer the type of every variable reachable from the entry point; print signatures and classes.")
public final class AnnotateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The RPy program.")
    Path file;

    @Option(names = "--entry", paramLabel = "NAME", description = "Start here (default: entry_point, called with list[str]).")
    String entry = "entry_point";

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(annotate(file, entry));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The report for FILE; throws a {@link TaipanError} for a program the annotator rejects. */
    public static String annotate(Path file, String entry) {
        return report(annotateFile(file, entry, entry.equals("entry_point")));
    }

    /**
     * FILE imported on a quiet host interpreter of its own and annotated from its function
     * {@code function} (see {@link #annotateFrom}); what a later stage's command starts from.
     * A missing file or function, an import that fails and a rejected program are
     * {@link TaipanError}s.
     */
    public static Annotator annotateFile(Path file, String function, boolean entryPoint) {
        PrintStream quiet = new PrintStream(new java.io.ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return annotateFile(new HostInterpreter(quiet, quiet, new ByteArrayInputStream(new byte[0])), file, function,
                entryPoint);
    }

    /**
     * The same on {@code host}: what the program prints while it is imported goes where the
     * host prints (a stage that runs the program shows it, as CPython would).
     */
    public static Annotator annotateFile(HostInterpreter host, Path file, String function, boolean entryPoint) {
        PyFunction f = importFunction(host, file, function);
        return host.runInside(() -> annotateFrom(new TranslationContext(host), f, entryPoint));
    }

    /** Imports FILE on {@code host} and returns its function {@code function}; a clear error if it cannot. */
    public static PyFunction importFunction(HostInterpreter host, Path file, String function) {
        if (!Files.isRegularFile(file)) {
            throw new TaipanError("cannot read " + file + (Files.isDirectory(file) ? ": it is a directory" : ": no such file"));
        }
        PyModule module;
        try {
            module = host.importFile(file);
        } catch (PyException e) {
            throw new TaipanError("importing " + file + " failed:\n" + host.formatException(e));
        }
        if (!(module.get(function) instanceof PyFunction f)) {
            throw new TaipanError(file + " has no function '" + function + "'");
        }
        return f;
    }

    /**
     * Annotates everything reachable from {@code f}: an RPy entry point is called with
     * {@code argv: list[str]} (PyPy's convention), any other function with ints. Graphs already
     * built in {@code translator} are not flowed again. Also what {@code flowgraph --annotated}
     * runs ({@link AnnotatedPictures}).
     */
    public static Annotator annotateFrom(TranslationContext translator, PyFunction f, boolean entryPoint) {
        Annotator ann = new Annotator(translator);
        List<SomeValue> args = new ArrayList<>();
        if (entryPoint) {
            ListDef argv = new ListDef(ann, false);
            argv.item.generalize(ann, new SomeString(false, null));
            args.add(new SomeList(argv));
        } else {
            for (int i = 0; i < f.code().argCount(); i++) {
                args.add(new SomeInteger());
            }
        }
        FunctionGraph g = ann.annotate(f, args);
        if (entryPoint) {
            requireExitStatus(ann.returnAnnotation(g), f);
        }
        return ann;
    }

    /** Refuses an entry point {@code f} whose result, {@code result}, is no exit status: C's {@code main} returns an int. */
    public static void requireExitStatus(SomeValue result, PyFunction f) {
        if (!(result instanceof SomeInteger || result instanceof SomeBool || result instanceof SomeImpossibleValue)) {
            throw new AnnotatorError("entry_point must return an int (the exit status), but returns "
                    + Describe.article(result.withoutConst()), f.code().source(), f.code().firstLine(), List.of());
        }
    }

    static String report(Annotator ann) {
        StringBuilder sb = new StringBuilder();
        for (FunctionGraph g : ann.graphs()) {
            sb.append("def ").append(ann.displayName(g)).append('(');
            List<String> params = new ArrayList<>();
            for (int i = 0; i < g.startblock.inputargs.size(); i++) {
                var v = g.startblock.inputargs.get(i);
                String n = g.code != null && i < g.code.varnames().size() ? g.code.varnames().get(i) : v.name();
                params.add(n + ": " + Describe.pyType(ann.binding(v).withoutConst()));
            }
            sb.append(String.join(", ", params)).append(") -> ")
                    .append(Describe.pyType(ann.returnAnnotation(g).withoutConst())).append('\n');
        }
        ann.bookkeeper.memoTables.forEach((f, table) -> {
            SomeValue result = SomeValue.IMPOSSIBLE;
            List<String> calls = new ArrayList<>();
            for (var e : table.entrySet()) {
                result = ann.union(result, ann.bookkeeper.immutablevalue(e.getValue(), ann));
                calls.add("(" + String.join(", ", e.getKey().stream().map(AnnotateCommand::shortRepr).toList()) + ")");
            }
            List<String> params = f.pyobj().code().varnames().subList(0, f.pyobj().code().argCount());
            sb.append("def ").append(f.name()).append('(').append(String.join(", ", params)).append(") -> ")
                    .append(Describe.pyType(result.withoutConst())).append("   # @specialize.memo, run by the translator for ")
                    .append(String.join(" ", calls)).append('\n');
        });
        for (ClassDef c : ann.classdefs()) {
            if (c.pytype.isBuiltin() || c.pytype.dictView().get("__module__") instanceof PyStr m
                    && m.value().startsWith("rpython.")) {
                continue;
            }
            sb.append("class ").append(c.name()).append(c.base != null ? "(" + c.base.name() + ")" : "").append(":\n");
            if (c.attrs.isEmpty()) {
                sb.append("    pass\n");
            }
            c.attributes().forEach((k, v) -> sb.append("    ").append(k).append(": ")
                    .append(Describe.pyType(v.withoutConst())).append('\n'));
        }
        var never = ann.neverReached();
        if (!never.isEmpty()) {
            sb.append("# never reached (no path from the entry point gets here; translation leaves them out):\n");
            never.forEach((g, lines) -> {
                for (int line : lines) {
                    String text = g.code.source().line(line);
                    sb.append("#   ").append(g.code.source().name()).append(':').append(line)
                            .append(" in ").append(ann.displayName(g)).append(": ")
                            .append(text == null ? "" : text.strip()).append('\n');
                }
            });
        }
        return sb.toString();
    }

    /** A memo argument as the program names it: a class or function by its name, anything else by repr. */
    private static String shortRepr(PyObject o) {
        return switch (o) {
            case PyType t -> t.name();
            case PyFunction f -> f.name();
            default -> HostSpace.repr(o);
        };
    }
}
