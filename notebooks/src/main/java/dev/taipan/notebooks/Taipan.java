package dev.taipan.notebooks;

import dev.taipan.annotator.AnnotateCommand;
import dev.taipan.annotator.AnnotatedPictures;
import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.bytecode.Disassembler;
import dev.taipan.flowgraph.cli.AnnotatedView;
import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.cli.PhaseListener;
import dev.taipan.flowgraph.compiler.Compiler;
import dev.taipan.flowgraph.flow.CheckGraph;
import dev.taipan.flowgraph.flow.FlowRunner;
import dev.taipan.flowgraph.flow.FlowingError;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.GraphDot;
import dev.taipan.flowgraph.flow.GraphText;
import dev.taipan.flowgraph.flow.Graphviz;
import dev.taipan.flowgraph.flow.TranslationContext;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.HostSpace;
import dev.taipan.flowgraph.host.PyException;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyMethod;
import dev.taipan.flowgraph.host.PyModule;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.flowgraph.syntax.AstDump;
import dev.taipan.flowgraph.syntax.Parser;
import dev.taipan.gc.Collector;
import dev.taipan.gc.GcParams;
import dev.taipan.gc.GcStage;
import dev.taipan.gc.gctransform.GcTransformer;
import dev.taipan.gc.gctransform.ShadowStackRoots;
import dev.taipan.gc.heapview.CollectionPicture;
import dev.taipan.gc.heapview.HeapRecorder;
import dev.taipan.gc.layout.GcLayout;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.llinterp.GcLog;
import dev.taipan.rtyper.llinterp.LLException;
import dev.taipan.rtyper.llinterp.LLInterpreter;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.memory.Heap;
import dev.taipan.rtyper.memory.HeapPicture;
import dev.taipan.rtyper.rtyper.LLStage;
import dev.taipan.rtyper.rtyper.RTyper;
import dev.taipan.rtyper.rtyper.RtypeCommand;
import dev.taipan.rtyper.transform.OptLevel;
import dev.taipan.rtyper.transform.Pipeline;
import dev.taipan.x86.elf.LayoutPicture;
import dev.taipan.x86.gen.LiveRangeChart;
import dev.taipan.x86.gen.Translation;
import dev.taipan.x86.gen.X86Stage;
import dev.taipan.x86.load.InProcess;
import dev.taipan.x86.load.NativeImage;
import dev.taipan.x86.view.Stages;
import dev.taipan.x86.view.Tour;
import dev.taipan.x86.view.TourPage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The notebook's vocabulary: static methods, imported into every cell, named after what the
 * chapter talks about, so that a cell reads like the text around it:
 *
 * <pre>{@code
 * var code = compile("""
 *     def f(x):
 *         return x + 1
 *     """);
 * dis(code)
 * }</pre>
 *
 * Each method is a thin door into a stage's public API (stage 01 today: parser, compiler,
 * disassembler, host interpreter, flow space). Python source given to a method is dedented first, so it can be indented with the
 * Java around it; programs are named {@code <cell>} in error messages.
 */
public final class Taipan {
    private static final String CELL = "<cell>";

    private Taipan() {
    }

    // ---------------------------------------------------------------- the front end

    /** The module's code object: what {@code taipan dis} prints and the host interpreter runs. */
    public static Code compile(String source) {
        return Compiler.compile(cell(source));
    }

    /**
     * The error message a broken program gets, shown on purpose: CPython's wording, position
     * and caret. The cell fails if the program compiles after all.
     */
    public static Rich.Text compileError(String source) {
        try {
            compile(source);
        } catch (TaipanError e) {
            return new Rich.Text(e.render());
        }
        throw new TaipanError("the program compiled; the cell expected a compile error");
    }

    /** The parse tree, one top-level statement per line, as CPython's {@code ast.dump} prints it. */
    public static Rich.Text ast(String source) {
        return new Rich.Text(String.join("\n",
                Parser.parse(cell(source)).body().stream().map(AstDump::dump).toList()));
    }

    /** The bytecode of a code object and of every code object nested in it. */
    public static Rich.Text dis(Code code) {
        return new Rich.Text(Disassembler.dis(code).stripTrailing());
    }

    /** The bytecode of a module's source text. */
    public static Rich.Text dis(String source) {
        return dis(compile(source));
    }

    /** The bytecode of a live function, as the host interpreter (and later the flow space) sees it. */
    public static Rich.Text dis(PyObject function) {
        if (function instanceof PyFunction f) {
            return dis(f.code());
        }
        throw new TaipanError("dis() needs a function, got " + function);
    }

    /** A code object's exception table as a table: what the static "try" looks like. */
    public static Rich.Html exceptionTable(Code code) {
        List<List<Object>> rows = code.exceptionTable().stream()
                .map(e -> List.<Object>of(e.start(), e.end(), e.handler(), e.depth()))
                .toList();
        return Markup.table(List.of("start", "end", "handler", "depth"), rows);
    }

    /** The code object called {@code name} (a function, class body or genexpr) in {@code code}'s tree. */
    public static Code codeOf(Code code, String name) {
        return codeObjects(code).stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new TaipanError("no code object named '" + name + "' in " + code));
    }

    /** {@code code} and every code object nested in its constants, depth first. */
    public static List<Code> codeObjects(Code code) {
        return nested(code).toList();
    }

    private static Stream<Code> nested(Code code) {
        return Stream.concat(Stream.of(code),
                code.consts().stream().filter(Code.class::isInstance).map(Code.class::cast).flatMap(Taipan::nested));
    }

    // ---------------------------------------------------------------- the host interpreter

    /**
     * Runs a program on the host interpreter, like {@code taipan exec --stage=host}: a program
     * with a top-level {@code entry_point} is imported and {@code entry_point([prog, *args])}
     * called. Its output is the cell's value. A program that fails fails the cell, with its
     * traceback; to show a failure on purpose, use {@link #fails}.
     */
    public static Run run(String source, String... args) {
        Run r = execute(source, args);
        if (r.status() != 0) {
            throw new ProgramFailed(lastLine(r.stderr()).orElse("the program exited with status " + r.status()), r.text());
        }
        return r;
    }

    /** Runs a program that is meant to fail, and shows how (its traceback, its exit status). */
    public static Run fails(String source, String... args) {
        Run r = execute(source, args);
        if (r.status() == 0) {
            throw new ProgramFailed("the program was expected to fail, but it succeeded",
                    r.text() + "\n(the program was expected to fail, but it exited with status 0)");
        }
        return r;
    }

    /**
     * Imports a module on the host interpreter and returns it: the live functions, classes
     * and prebuilt constants that import-time code left behind, which is where PyPy's
     * translation (and Taipan's flow space) starts. Anything the module prints appears in
     * the cell's output.
     */
    public static PyModule load(String source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        HostInterpreter host = host(out, err);
        try {
            return withProgramFile(source, host::importFile);
        } catch (PyException e) {
            throw new ProgramFailed(e.getMessage(), text(out) + text(err) + host.formatException(e).stripTrailing());
        } finally {
            System.out.print(text(out));
            System.err.print(text(err));
        }
    }

    private static Run execute(String source, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = withProgramFile(source, file -> host(out, err).runProgram(file, List.of(args)));
        return new Run(text(out), text(err), status);
    }

    /** A traceback's last line names the exception: what a failure's one-line summary says. */
    private static Optional<String> lastLine(String text) {
        return text.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b);
    }

    private static HostInterpreter host(ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return new HostInterpreter(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]));
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * The host interpreter runs files, so a cell's program becomes {@code prog.py} in a fresh
     * directory (the module is called {@code prog}); several notebooks may run at once.
     */
    private static <T> T withProgramFile(String source, Function<Path, T> action) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("taipan-cell");
            Path file = dir.resolve("prog.py");
            Files.writeString(file, dedent(source));
            return action.apply(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                deleteTree(dir);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }

    // ---------------------------------------------------------------- the flow space

    /**
     * The flow graph of the function {@code name} ({@code Class.method} allowed) defined in
     * {@code source}, as the translator sees it: the module is imported on the host
     * interpreter (its top-level code runs, in full Python), then the live function is flowed
     * by a {@link TranslationContext} and simplified, and {@link CheckGraph} checks the result.
     * A construct RPython forbids fails the cell with its {@link FlowingError}; to show one on
     * purpose, use {@link #flowingError}.
     */
    public static FunctionGraph flowgraph(String source, String name) {
        return flow(source, name, true);
    }

    /**
     * The same graph before the simplification passes: one block per instruction that forked
     * or merged, empty blocks, chains, {@code same_as}. Compare it with {@link #flowgraph}.
     */
    public static FunctionGraph rawFlowgraph(String source, String name) {
        return flow(source, name, false);
    }

    /**
     * What the flow space says about a function that uses something RPython forbids: its
     * {@code FlowingError} (file, line, source line, what and why). The cell fails if the
     * function flows after all.
     */
    public static Rich.Text flowingError(String source, String name) {
        try {
            flow(source, name, true);
        } catch (FlowingError e) {
            return new Rich.Text(e.render().replaceAll("^\\S*/(prog\\.py:)", "$1"));
        }
        throw new TaipanError("'" + name + "' flowed without error; the cell expected a FlowingError");
    }

    /**
     * Stage 02's verdict on a program with an {@code entry_point}, as {@code taipan annotate}
     * prints it: every reachable function's signature and every class's typed attributes.
     * A program the annotator rejects fails the cell; to show a rejection on purpose, use
     * {@link #annotationError}.
     */
    public static Rich.Text annotate(String source) {
        return new Rich.Text(withProgramFile(source, file -> AnnotateCommand.annotate(file, "entry_point")));
    }

    /** Why the annotator rejects a program (file:line, source line, why, call chain); the cell fails if it does not. */
    public static Rich.Text annotationError(String source) {
        try {
            annotate(source);
        } catch (TaipanError e) {
            return new Rich.Text(e.render().replaceAll("(?m)^\\S*/(prog\\.py:)", "$1"));
        }
        throw new TaipanError("the program annotated without error; the cell expected an annotation error");
    }

    /**
     * Stage 03: the low-level graphs of {@code function} (called with ints) and of everything it
     * calls, each variable with its low-level type, as {@code taipan rtype --function} prints
     * them. A program the rtyper cannot represent yet fails the cell with its error.
     */
    public static Rich.Text lowLevel(String source, String function) {
        return new Rich.Text(withProgramFile(source, file -> RtypeCommand.text(RtypeCommand.rtype(file, function))));
    }

    /**
     * The low-level graph of {@code function} alone (called with ints), after the graph passes of
     * {@code --opt=2} up to {@code pass} included, as {@code taipan rtype --after=PASS} prints
     * it: {@code "inline"}, {@code "malloc-removal"}, {@code "constfold"},
     * {@code "exceptiontransform"}; {@code "none"} for the rtyper's own graph.
     */
    public static Rich.Text lowLevel(String source, String function, String pass) {
        return new Rich.Text(withProgramFile(source, file -> {
            RTyper rtyper = RtypeCommand.rtyper(file, function);
            LowLevelGraph entry = graphNamed(rtyper, function);
            LowLevelProgram program = rtyper.program(entry);
            if (!pass.equals("none")) {
                program = Pipeline.of(OptLevel.O2).runThrough(program, pass);
            }
            LowLevelGraph shown = program.graphs().stream().filter(g -> g.name().equals(function)).findFirst().orElseThrow();
            return RtypeCommand.text(List.of(shown));
        }));
    }

    /**
     * Runs {@code function(args)} through its low-level graphs in the llinterp, over native
     * memory in checked mode: what it prints, then its result, or the last line of the
     * exception that escaped it.
     */
    public static Rich.Text runLowLevel(String source, String function, long... args) {
        return new Rich.Text(withProgramFile(source, file -> callLowLevel(file, function, args,
                (call, printed, result) -> printed + "-> " + result, (printed, raised) -> printed + raised)));
    }

    /**
     * Runs {@code function(args)} in the llinterp as {@link #runLowLevel} does, and draws the
     * object it returns as it lies in memory: one box per object, one row per field with its
     * offset and its bytes' value now, an arrow per pointer (a string's chars, a list's items
     * array with its spare room, an instance's vtable, a dict's index and entries). SVG where
     * Graphviz is installed, its {@code dot} text otherwise.
     */
    public static Rich memory(String source, String function, long... args) {
        String dot = withProgramFile(source, file -> callLowLevel(file, function, args, (call, printed, result) -> {
            if (!(call.entry.signature().result() instanceof Ptr p) || !(result instanceof Long address) || address == 0) {
                throw new TaipanError(function + " returned " + result + ", not an object in memory to draw");
            }
            return HeapPicture.dot(call.heap, address, p.to(), call.rtyper.heapTypes(call.heap, call.interp));
        }, (printed, raised) -> {
            throw new TaipanError(function + " raised " + raised + ": nothing to draw");
        }));
        return drawn("the memory " + function + " returns", dot, dot);
    }

    /** What {@code returned} makes of {@code function(args)}'s result and what it printed, or {@code raised} of an escaping exception's last line. */
    private static String callLowLevel(Path file, String function, long[] args, Returned returned, Raised raised) {
        RTyper rtyper = RtypeCommand.rtyper(file, function);
        LowLevelGraph entry = graphNamed(rtyper, function);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Heap heap = Heap.checked()) {
            LLInterpreter interp = new LLInterpreter(rtyper.program(entry), heap,
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            Object[] llArgs = java.util.Arrays.stream(args).boxed().toArray();
            try {
                Object r = interp.call(entry, llArgs);
                return returned.apply(new Call(rtyper, entry, heap, interp), text(out), r);
            } catch (LLException e) {
                return raised.apply(text(out), interp.report(e).lines().reduce((a, b) -> b).orElse(""));
            }
        }
    }

    private static LowLevelGraph graphNamed(RTyper rtyper, String function) {
        return rtyper.graphs().stream().filter(g -> g.name().equals(function)).findFirst()
                .orElseThrow(() -> new TaipanError("no low-level graph for " + function));
    }

    private record Call(RTyper rtyper, LowLevelGraph entry, Heap heap, LLInterpreter interp) {
    }

    private interface Returned {
        String apply(Call call, String printed, Object result);
    }

    private interface Raised {
        String apply(String printed, String lastLine);
    }

    /**
     * Runs a whole program at the low level, as {@code taipan exec --stage=ll --checked} does:
     * imported, annotated from {@code entry_point}, rtyped, and run in the llinterp over the
     * checked heap with {@code argv = [prog.py, *args]}. Its output, and its traceback and exit
     * status if it fails; a program the rtyper cannot translate yet fails the cell with the reason.
     */
    public static Run execLowLevel(String source, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = withProgramFile(source, file -> {
            var o = new PrintStream(out, true, StandardCharsets.UTF_8);
            var e = new PrintStream(err, true, StandardCharsets.UTF_8);
            return LLStage.run(new HostInterpreter(o, e, new ByteArrayInputStream(new byte[0])), file, List.of(args),
                    new ExecOptions(true), o, e);
        });
        return new Run(text(out), text(err), status);
    }

    /**
     * Translates a whole program to a static x86-64 executable under the collector {@code gc},
     * as {@code taipan exec --stage=x86 --gc=GC} does, and runs it as a process with
     * {@code argv = [prog.py, *args]}: its output, and its traceback and exit status if it fails.
     */
    public static Run execNative(String source, String gc, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = withProgramFile(source, file -> {
            var o = new PrintStream(out, true, StandardCharsets.UTF_8);
            var e = new PrintStream(err, true, StandardCharsets.UTF_8);
            return X86Stage.run(new HostInterpreter(o, e, new ByteArrayInputStream(new byte[0])), file, List.of(args),
                    new ExecOptions(false, null, gc, false, null), o, e, new ByteArrayInputStream(new byte[0]));
        });
        return new Run(text(out), text(err), status);
    }

    /**
     * Translates a whole program under {@code --gc=generational}, keeping {@code function}
     * callable, loads it into this JVM ({@code NativeImage}), runs its {@code main} once there (so
     * that its collector is set up; its output is dropped), then calls {@code function} with
     * {@code args} (Java numbers, booleans, characters) and returns its result: the machine code
     * a cell translated, called like a Java method. See {@code InProcess.call}.
     */
    public static Object callNative(String source, String function, Object... args) {
        return withProgramFile(source, file -> {
            var quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            HostInterpreter host = new HostInterpreter(quiet, quiet, new ByteArrayInputStream(new byte[0]));
            Translation.Linked linked = Translation.link(host, file, "generational", null, GcParams.NATIVE,
                    PhaseListener.NONE, List.of(function));
            try (NativeImage image = NativeImage.load(linked.program())) {
                InProcess.run(image, linked.main(), List.of(file.toString()), quiet, quiet, InputStream.nullInputStream());
                var out = new ByteArrayOutputStream();
                Object result = InProcess.call(image, function, linked.signature(function), List.of(args),
                        new PrintStream(out, true, StandardCharsets.UTF_8), quiet);
                System.out.print(text(out));
                return result;
            }
        });
    }

    /** Where a program's sections and segments lie in memory once translated (see {@code LayoutPicture}). */
    public static Rich.Text elfLayout(String source) {
        return new Rich.Text(withProgramFile(source, file -> {
            var quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            HostInterpreter host = new HostInterpreter(quiet, quiet, new ByteArrayInputStream(new byte[0]));
            return LayoutPicture.draw(Translation.link(host, file, "semispace", null, GcParams.NATIVE, PhaseListener.NONE,
                    List.of()).program().layout());
        }));
    }

    /**
     * The machine code of {@code function} in a program translated to an executable (under
     * {@code --gc=none}), disassembled by GNU {@code objdump} (Debian's {@code binutils}), each
     * instruction with its address and bytes; the executable's symbol table names every function
     * after its RPy function, so calls read {@code call ... <fib>}.
     */
    public static Rich.Text machineCode(String source, String function) {
        return new Rich.Text(withProgramFile(source, file -> {
            Path exe = file.resolveSibling("program");
            var quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            Translation.translate(new HostInterpreter(quiet, quiet, new ByteArrayInputStream(new byte[0])), file, exe,
                    "none", null, GcParams.NATIVE, PhaseListener.NONE);
            try {
                Process p = new ProcessBuilder("objdump", "-d", "--no-show-raw-insn", "-M", "intel",
                        "--disassemble=" + function, exe.toString()).redirectErrorStream(true).start();
                String listing = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                int start = listing.indexOf('<' + function + ">:");
                return start < 0 ? listing : listing.substring(listing.lastIndexOf('\n', start) + 1);
            } catch (IOException e) {
                return "objdump is not on the PATH (Debian's binutils): " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }));
    }

    /**
     * The register allocation of {@code function} as the backend makes it (the program
     * translated under {@code --gc=none}): a row per value with its home (a register, or a frame
     * word {@code [rbp-8k]}) and its live interval drawn as a bar under a ruler of the blocks'
     * entries ({@code |}) and the calls ({@code C}); see {@code LiveRangeChart}.
     */
    public static Rich.Text liveRanges(String source, String function) {
        return new Rich.Text(withProgramFile(source, file -> {
            var quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            LowLevelProgram program = GcStage.translate(new HostInterpreter(quiet, quiet, new ByteArrayInputStream(new byte[0])),
                    file, Collector.NONE, LLStage.DEFAULT_OPT, GcParams.NATIVE);
            LowLevelGraph graph = program.graphs().stream().filter(g -> g.name().equals(function)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no function " + function
                            + " after translation (inlined at its only call?)"));
            return LiveRangeChart.of(graph);
        }));
    }

    /**
     * One function through every stage, as {@code taipan view} shows it: the page (source,
     * bytecode, the four graphs, machine code, each line tied to its bytecode and instructions)
     * in a frame of its own, so that its style and script stay inside it. The plain-text form is
     * the machine code with each source line above the instructions made for it.
     */
    public static Rich.Html view(String source, String function) {
        Tour tour = withProgramFile(source, file -> Stages.tour(file, function, null, null));
        String page = TourPage.html(tour).replace("&", "&amp;").replace("\"", "&quot;");
        return new Rich.Html("<iframe sandbox=\"allow-scripts\" style=\"width:100%;height:640px;border:1px solid #ccc\" "
                + "srcdoc=\"" + page + "\"></iframe>", TourPage.text(tour));
    }

    /**
     * Runs a whole program at {@code --stage=gc --checked} under the collector {@code gc}
     * ({@code none}, {@code semispace}, {@code marksweep}, {@code generational}, {@code minimark}; with
     * {@code --gc-stress} when {@code stress}), with the collectors' log ({@code TAIPANLOG=gc}):
     * the program's output, then the first lines of the log (one per collection) and its summary.
     */
    public static Rich.Text collections(String source, String gc, boolean stress, String... args) {
        return collections(source, new ExecOptions(true, null, gc, stress, null), args);
    }

    /** The same without {@code --gc-stress}, with a nursery of {@code nursery} ({@code --nursery}, e.g. {@code 64k}). */
    public static Rich.Text collectionsWithNursery(String source, String gc, String nursery, String... args) {
        return collections(source, new ExecOptions(true, null, gc, false, null, nursery, false), args);
    }

    private static Rich.Text collections(String source, ExecOptions options, String... args) {
        return new Rich.Text(withProgramFile(source, file -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var o = new PrintStream(out, true, StandardCharsets.UTF_8);
            Path log = file.resolveSibling("gc.log");
            int status = GcStage.run(new HostInterpreter(o, o, new ByteArrayInputStream(new byte[0])), file, List.of(args),
                    options, o, o, GcLog.of("gc:" + log));
            try {
                List<String> lines = Files.readAllLines(log);
                List<String> collected = lines.subList(0, lines.size() - 1);
                String shown = String.join("\n", collected.subList(0, Math.min(8, collected.size())))
                        + (collected.size() > 8 ? "\n... (" + (collected.size() - 8) + " more collections)" : "");
                return text(out) + (status == 0 ? "" : "(exit status " + status + ")\n") + "---- TAIPANLOG=gc ----\n"
                        + (shown.isEmpty() ? "" : shown + "\n") + lines.getLast() + "\n";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    /**
     * The heap before and after collection number {@code n} (1 for the first) of a whole program
     * run at {@code --stage=gc --checked --gc-stress} under the collector {@code gc}: the walk the
     * collector's heap check makes on each side, drawn by {@link CollectionPicture} (young
     * objects yellow, old blue, prebuilt grey, the remembered set in red). SVG where Graphviz's
     * {@code dot} is installed, its text otherwise. A program with fewer collections fails the cell.
     */
    public static Rich heap(String source, String gc, int n, String... args) {
        String dot = withProgramFile(source, file -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var o = new PrintStream(out, true, StandardCharsets.UTF_8);
            HostInterpreter host = new HostInterpreter(o, o, new ByteArrayInputStream(new byte[0]));
            Collector collector = Collector.parse(gc);
            GcLayout layout = GcStage.translateWithLayout(host, file, collector, OptLevel.O0,
                    entries -> new GcTransformer(collector, entries, GcParams.INTERPRETED.withStress(true).withHeapCheck(true)));
            HeapRecorder recorder = new HeapRecorder(4 * n + 16);   // walks: a before and an after per collection, and some unpaired
            try (GcLog log = GcLog.recording(o, recorder)) {
                LLStage.runProgram(layout.program(), host, file, List.of(args), true, o, o, log);
            }
            List<HeapRecorder.Collection> collections = recorder.collections();
            if (collections.size() < n) {
                throw new TaipanError("the program made " + collections.size() + " collections under " + gc
                        + " --gc-stress, not " + n + ":\n" + text(out));
            }
            return new CollectionPicture(layout.ids(), 40).dot(collections.get(n - 1), gc + ", collection " + n);
        });
        return drawn("the heap around collection " + n, dot, dot);
    }

    /**
     * The low-level graph of {@code function} (called with ints) after the exception transform
     * ({@code --opt=0}: nothing inlined, so each call stays a call) and the shadow-stack roots of
     * stage 04: each call that can collect between {@code gc_push_roots} and
     * {@code gc_restore_root}s into new variables.
     */
    public static Rich.Text roots(String source, String function) {
        return new Rich.Text(withProgramFile(source, file -> {
            RTyper rtyper = RtypeCommand.rtyper(file, function);
            LowLevelProgram program = new ShadowStackRoots().apply(
                    Pipeline.of(OptLevel.O0).run(rtyper.program(graphNamed(rtyper, function))));
            return RtypeCommand.text(program.graphs().stream().filter(g -> g.name().equals(function)).toList());
        }));
    }

    /**
     * Stage 02's view of the flow graph of function {@code name} ({@code Class.method} allowed),
     * as {@code taipan flowgraph --annotated --function name} draws it: the program is annotated
     * from {@code entry_point}, and the graph the annotator reached is drawn with every
     * variable's type where it is defined and the blocks it never reached greyed; a function
     * specialised with {@code @specialize} shows each of its copies ({@code double[int]},
     * {@code double[str]}) side by side. SVG where Graphviz's {@code dot} is on the PATH, text
     * otherwise, like {@link #picture}. A program the annotator rejects fails the cell with its
     * error; a function it never reaches fails it too.
     */
    public static Rich annotatedFlowgraph(String source, String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        HostInterpreter host = host(out, err);
        try {
            return withProgramFile(source, file -> {
                PyModule module = host.importFile(file);
                return host.runInside(() -> {
                    AnnotatedView.Graphs shown = new AnnotatedPictures().annotate(new TranslationContext(host), function(module, "entry_point"))
                            .of(function(module, name));
                    if (shown.graphs().isEmpty()) {
                        throw new TaipanError("the annotator never reaches '" + name + "' from entry_point: "
                                + "it has no annotated graph");
                    }
                    FunctionGraph first = shown.graphs().getFirst();
                    String text = shortName(shown.graphs().stream().map(g -> GraphText.render(g, shown.labels()))
                            .collect(Collectors.joining("\n")).stripTrailing(), first);
                    return drawn("annotated flow graph of " + name,
                            shortName(GraphDot.render(shown.graphs(), shown.labels()), first), text);
                });
            });
        } catch (PyException e) {
            throw new ProgramFailed(e.getMessage(), text(out) + text(err) + host.formatException(e).stripTrailing());
        } finally {
            System.out.print(text(out));
            System.err.print(text(err));
        }
    }

    /**
     * A graph as a picture: SVG drawn by Graphviz's {@code dot} (stage 01's {@link GraphDot})
     * where {@code dot} is on the PATH, otherwise PyPy-style text ({@link GraphText}). The
     * plain-text form says which it is.
     */
    public static Rich picture(FunctionGraph graph) {
        return drawn("flow graph of " + graph.name, shortName(GraphDot.render(graph), graph), text(graph).text());
    }

    /** {@code dot} drawn as SVG by Graphviz where it is installed, else {@code text}; the plain-text form says which. */
    private static Rich drawn(String what, String dot, String text) {
        if (Graphviz.available()) {
            return new Rich.Svg(Graphviz.svg(dot), "[" + what + ", drawn as SVG by Graphviz's dot; as text:]\n" + text);
        }
        return new Rich.Text(text + "\n[drawn as text: Graphviz's dot is not on the PATH "
                + "(apt-get install graphviz, or brew install graphviz, for pictures)]");
    }

    /** Shows a graph now: {@link #picture}. */
    public static void show(FunctionGraph graph) {
        Display.show(picture(graph));
    }

    /** A graph in PyPy's text form, one block after the other: handy to read block arguments. */
    public static Rich.Text text(FunctionGraph graph) {
        return new Rich.Text(shortName(GraphText.render(graph).stripTrailing(), graph));
    }

    /** A cell's program is a file in a temporary directory: call it {@code prog.py} in pictures. */
    private static String shortName(String rendered, FunctionGraph graph) {
        String file = graph.code.source().name();
        Path name = Path.of(file).getFileName();
        return name == null ? rendered : rendered.replace(file, name.toString());
    }

    /**
     * Runs a program through its flow graphs, like {@code taipan exec --stage=flow}: the module
     * is imported on the host interpreter, then {@code entry_point([prog, *args])} runs on the
     * graph interpreter, each function flowed on its first call. A failing program fails the
     * cell, as with {@link #run}; its output must be what {@link #run} prints.
     */
    public static Run runFlow(String source, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = withProgramFile(source, file -> {
            HostInterpreter host = host(out, err);
            return new FlowRunner(host, new PrintStream(err, true, StandardCharsets.UTF_8)).run(file, List.of(args));
        });
        Run r = new Run(text(out), text(err), status);
        if (r.status() != 0) {
            throw new ProgramFailed(lastLine(r.stderr()).orElse("the program exited with status " + r.status()), r.text());
        }
        return r;
    }

    private static FunctionGraph flow(String source, String name, boolean simplify) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        HostInterpreter host = host(out, err);
        try {
            PyModule module = withProgramFile(source, host::importFile);
            return host.runInside(() -> {
                FunctionGraph g = new TranslationContext(host, simplify).buildflowgraph(function(module, name));
                CheckGraph.checkgraph(g);
                return g;
            });
        } catch (PyException e) {
            throw new ProgramFailed(e.getMessage(), text(out) + text(err) + host.formatException(e).stripTrailing());
        } finally {
            System.out.print(text(out));
            System.err.print(text(err));
        }
    }

    /** {@code name} or {@code Class.method} in the module, as {@code taipan flowgraph --function} finds it. */
    private static PyFunction function(PyModule module, String dotted) {
        String[] parts = dotted.split("\\.");
        PyObject o = module.get(parts[0]);
        try {
            for (int i = 1; o != null && i < parts.length; i++) {
                o = HostSpace.getattr(o, PyStr.of(parts[i]));
            }
        } catch (PyException e) {
            o = null;
        }
        if (o instanceof PyMethod m) {
            o = m.function();
        }
        if (!(o instanceof PyFunction f)) {
            throw new TaipanError("the program has no function '" + dotted + "'"
                    + (o == null ? "" : " (it is a " + o.type().name() + ")"));
        }
        return f;
    }

    // ---------------------------------------------------------------- display

    /** Shows a value now (the cell's own value is shown at its end). */
    public static void show(Object value) {
        Display.show(value);
    }

    /** A table of any values, shown as HTML. */
    public static Rich.Html table(List<String> header, List<? extends List<?>> rows) {
        return Markup.table(header, rows);
    }

    /** Raw HTML, for the odd figure. */
    public static Rich.Html html(String html) {
        return new Rich.Html(html, html.replaceAll("<[^>]*>", ""));
    }

    // ---------------------------------------------------------------- source text

    private static SourceFile cell(String source) {
        return SourceFile.of(CELL, dedent(source));
    }

    /**
     * Python's {@code textwrap.dedent}: removes the indentation common to all non-blank lines.
     * Java strips a text block's indentation only as far left as its closing quotes, so Python
     * indented with the Java around it would otherwise start with an "unexpected indent".
     */
    static String dedent(String source) {
        int common = source.lines().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return source.lines().map(l -> l.isBlank() ? "" : l.substring(common))
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
