package dev.taipan.x86.view;

import dev.taipan.annotator.AnnotatedPictures;
import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.bytecode.Disassembler;
import dev.taipan.flowgraph.bytecode.Instruction;
import dev.taipan.flowgraph.cli.AnnotatedView;
import dev.taipan.flowgraph.cli.PhaseListener;
import dev.taipan.flowgraph.compiler.Compiler;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.GraphLabels;
import dev.taipan.flowgraph.flow.TranslationContext;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.HostSpace;
import dev.taipan.flowgraph.host.PyException;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyMethod;
import dev.taipan.flowgraph.host.PyModule;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.gc.Collector;
import dev.taipan.gc.GcParams;
import dev.taipan.gc.GcStage;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.rtyper.LLStage;
import dev.taipan.rtyper.rtyper.RtypeCommand;
import dev.taipan.rtyper.transform.OptLevel;
import dev.taipan.x86.gen.Backend;
import dev.taipan.x86.link.LinkException;
import dev.taipan.x86.link.LinkedProgram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Takes one function of a program through every stage and collects what each makes of it, as
 * the stages' own commands would show it: {@code dis}, {@code flowgraph}, {@code flowgraph
 * --annotated}, {@code rtype}, the graphs {@code translate} hands the backend, and the machine
 * code of the executable it writes. Each stage after the flow space starts from its own fresh
 * import of the file (the stages' public doors take a file), so the function is recognised in
 * each by its code object ({@link SourceFunction#owns}).
 *
 * <p>A small function called once is usually inlined into its caller; the backend's translation
 * keeps its graph anyway (an export, as for a function called from Java), so that its machine
 * code at the level asked for can be shown. Should that fail (the function reached another way),
 * and no {@code --opt} was given, it translates again at {@code --opt=0}, where every function
 * stays one, and the page says so.
 */
public final class Stages {

    private Stages() {
    }

    /** The tour of {@code function} (null: the file's first function) of {@code file}, under the collector {@code gc}. */
    public static Tour tour(Path file, String function, String gc, String opt) {
        Path path = file.toAbsolutePath();
        SourceFile source = SourceFile.read(path);
        Code module = Compiler.compile(source);   // a syntax error stops here, as CPython's file:line message
        List<SourceFunction> functions = SourceFunction.of(module);
        SourceFunction f = SourceFunction.choose(functions, function, file.toString());
        Collector collector = Collector.parse(gc);
        OptLevel level = OptLevel.parse(opt, LLStage.DEFAULT_OPT);

        HostInterpreter host = quietHost();
        PyModule imported;
        try {
            imported = host.importFile(path);
        } catch (PyException e) {
            throw new TaipanError("importing " + file + " failed:\n" + host.formatException(e));
        }
        List<StagePanel> graphs = new ArrayList<>();
        String name = path.getFileName().toString();
        graphs.add(stage("flow", "Flow graph", () -> {
            FunctionGraph g = host.runInside(() -> new TranslationContext(host).buildflowgraph(lookup(imported, f)));
            return StagePanel.drawn("flow", "Flow graph", "stage 01: the flow space's graph of the bytecode, "
                    + "as taipan flowgraph --function " + f.name() + " draws it",
                    Picture.of(List.of(g), GraphLabels.PLAIN).naming(path.toString(), name));
        }));
        graphs.add(stage("annotated", "Annotated", () -> annotated(host, imported, f, path)));
        List<String> names = new ArrayList<>();   // the function's low-level graphs, kept through the backend's passes
        graphs.add(stage("lowlevel", "Low-level graph", () -> {
            List<LowLevelGraph> ll = owned(RtypeCommand.rtype(path, null), f, "the rtyper");
            ll.forEach(g -> names.add(g.name()));
            return StagePanel.drawn("lowlevel", "Low-level graph", "stage 03: the rtyper's graph, every variable "
                    + "with its low-level type, before the graph passes (taipan rtype)", lowLevel(ll, path));
        }));

        List<MachineListing> machine = List.of();
        String machineProblem = null;
        String backend = "--gc=" + collector.gcName() + " --opt=" + level;
        try {
            LowLevelProgram program = exporting(path, collector, level, names);
            if (opt == null && level != OptLevel.O0 && owned(program, f).isEmpty()) {
                program = GcStage.translate(quietHost(), path, collector, OptLevel.O0, GcParams.NATIVE);
                backend = "--gc=" + collector.gcName() + " --opt=0 (at --opt=" + level + " " + f.name()
                        + " is inlined into its callers and has no code of its own)";
            }
            List<LowLevelGraph> gcGraphs = owned(program, f);
            if (gcGraphs.isEmpty()) {
                throw new TaipanError(f.name() + " has no graph of its own after the passes of --opt=" + level
                        + " (inlined into its callers, or never called from entry_point)");
            }
            graphs.add(StagePanel.drawn("gc", "GC-transformed", "stage 04: after the graph passes, the exception "
                    + "transform and the GC transform (" + backend + "): what the backend compiles", lowLevel(gcGraphs, path)));
            machine = machineCode(program, gcGraphs, f);
        } catch (TaipanError e) {
            graphs.add(StagePanel.missing("gc", "GC-transformed", e.render()));
            machineProblem = e.render();
        }
        return new Tour(source, f, functions.stream().map(SourceFunction::name).toList(), bytecode(f.code()),
                graphs, backend, machine, machineProblem);
    }

    /**
     * The program as the backend gets it, the function's graphs kept as graphs of their own
     * (exports) even where the passes inline every call of them, so that its optimised code can
     * be shown; without them if the backend's translation names its graphs otherwise.
     */
    private static LowLevelProgram exporting(Path path, Collector collector, OptLevel level, List<String> names) {
        try {
            return GcStage.translate(quietHost(), path, collector, level, GcParams.NATIVE, PhaseListener.NONE, names);
        } catch (TaipanError e) {
            return GcStage.translate(quietHost(), path, collector, level, GcParams.NATIVE);
        }
    }

    /** A stage's panel, or the error it stopped with. */
    private static StagePanel stage(String id, String title, Supplier<StagePanel> panel) {
        try {
            return panel.get();
        } catch (TaipanError e) {
            return StagePanel.missing(id, title, e.render());
        } catch (PyException e) {
            return StagePanel.missing(id, title, "error: " + e.getMessage());
        }
    }

    private static StagePanel annotated(HostInterpreter host, PyModule imported, SourceFunction f, Path path) {
        if (!(imported.get("entry_point") instanceof PyFunction entry)) {
            throw new TaipanError("the program has no entry_point: the annotator starts from one, and every stage after it");
        }
        AnnotatedView.Graphs shown = host.runInside(() ->
                new AnnotatedPictures().annotate(new TranslationContext(host), entry).of(lookup(imported, f)));
        if (shown.graphs().isEmpty()) {
            throw new TaipanError("the annotator never reaches " + f.name() + " from entry_point: it has no annotated graph");
        }
        return StagePanel.drawn("annotated", "Annotated", "stage 02: the annotator's types, one per variable "
                + "(taipan flowgraph --annotated)", Picture.of(shown.graphs(), shown.labels())
                .naming(path.toString(), path.getFileName().toString()));
    }

    private static Picture lowLevel(List<LowLevelGraph> graphs, Path path) {
        return Picture.of(graphs.stream().map(LowLevelGraph::graph).toList(), new RtypeCommand.Labels(graphs))
                .naming(path.toString(), path.getFileName().toString());
    }

    private static List<LowLevelGraph> owned(List<LowLevelGraph> graphs, SourceFunction f, String stage) {
        List<LowLevelGraph> mine = graphs.stream().filter(g -> f.owns(g.graph())).toList();
        if (mine.isEmpty()) {
            throw new TaipanError(stage + " never reaches " + f.name() + " from entry_point: it has no graph there");
        }
        return mine;
    }

    private static List<LowLevelGraph> owned(LowLevelProgram program, SourceFunction f) {
        return program.graphs().stream().filter(g -> f.owns(g.graph())).toList();
    }

    /** Code generation with a {@link LineTable} listening, the link, and the listings of the function's graphs. */
    private static List<MachineListing> machineCode(LowLevelProgram program, List<LowLevelGraph> graphs, SourceFunction f) {
        LineTable lines = new LineTable(f);
        LinkedProgram linked;
        try {
            linked = Backend.link(program, PhaseListener.NONE, graphs.stream().map(LowLevelGraph::name).toList(), lines);
        } catch (LinkException e) {
            throw new TaipanError("x86 backend: " + e.getMessage(), e);
        }
        List<String> symbols = graphs.stream().map(LowLevelGraph::name).filter(linked.addresses()::containsKey).toList();
        if (symbols.isEmpty()) {
            throw new TaipanError(f.name() + " is not reached from entry_point: the backend made no code of it");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("taipan-view-");
            return MachineListing.of(linked, symbols, lines, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(dir);
        }
    }

    /** {@code dis}'s text of the function alone, each instruction's row with its source line. */
    static List<Tour.BytecodeRow> bytecode(Code code) {
        List<Instruction> instructions = code.instructions();
        List<Tour.BytecodeRow> rows = new ArrayList<>();
        int next = 0;
        for (String text : Disassembler.instructions(code).lines().toList()) {
            boolean instruction = !text.isBlank() && next < instructions.size() && !text.startsWith("ExceptionTable:");
            rows.add(new Tour.BytecodeRow(text, instruction ? instructions.get(next++).line() : 0));
            if (text.startsWith("ExceptionTable:")) {
                next = instructions.size();   // the rest are the table's entries
            }
        }
        return rows;
    }

    /** {@code name} or {@code Class.method} in the imported module, as {@code taipan flowgraph --function} finds it. */
    private static PyFunction lookup(PyModule module, SourceFunction f) {
        String[] parts = f.name().split("\\.");
        PyObject o = module.get(parts[0]);
        for (int i = 1; o != null && i < parts.length; i++) {
            o = HostSpace.getattr(o, PyStr.of(parts[i]));
        }
        if (o instanceof PyMethod m) {
            o = m.function();
        }
        if (!(o instanceof PyFunction fn)) {
            throw new TaipanError(f.name() + " is not a function the imported module holds (a nested function?)");
        }
        return fn;
    }

    /** The program's import-time output is not the page's: it goes nowhere. */
    private static HostInterpreter quietHost() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new HostInterpreter(quiet, quiet, new ByteArrayInputStream(new byte[0]));
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover scratch directory is harmless
        }
    }
}
