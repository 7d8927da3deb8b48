package dev.taipan.gc;

import dev.taipan.annotator.AnnotateCommand;
import dev.taipan.annotator.Annotator;
import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.cli.ExecStage;
import dev.taipan.flowgraph.cli.PhaseListener;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.gc.gctransform.GcEntryPoints;
import dev.taipan.gc.gctransform.GcTransformer;
import dev.taipan.gc.layout.GcLayout;
import dev.taipan.rtyper.llannotation.LLTypeModule;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.llinterp.GcLog;
import dev.taipan.rtyper.rtyper.LLStage;
import dev.taipan.rtyper.rtyper.RTyper;
import dev.taipan.rtyper.transform.ExceptionTransform;
import dev.taipan.rtyper.transform.GraphPass;
import dev.taipan.rtyper.transform.Inlining;
import dev.taipan.rtyper.transform.OptLevel;
import dev.taipan.rtyper.transform.Pipeline;
import dev.taipan.rtyper.transform.ReachableGraphs;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code --stage=gc}: the program as {@code ll} runs it, with its collector ({@code --gc}):
 * rtyped, the collector's entry points rtyped into it, entered through {@link ProcessEntry}
 * (argv built through the collector), the graph passes of {@code --opt} (the
 * exception transform always: the GC transformer needs it), then the GC transformer, and the
 * llinterp runs the result. It must print exactly what {@code --stage=host} prints, under every
 * collector, also with {@code --gc-stress}.
 */
public final class GcStage implements ExecStage {

    @Override
    public String name() {
        return "gc";
    }

    @Override
    public String description() {
        return "low-level graphs with a garbage collector written in RPy (--gc=...), run by the llinterp";
    }

    @Override
    public int run(Path file, List<String> args, PrintStream out, PrintStream err, InputStream in) {
        return run(file, args, ExecOptions.DEFAULT, out, err, in);
    }

    @Override
    public int run(Path file, List<String> args, ExecOptions options, PrintStream out, PrintStream err, InputStream in) {
        return run(new HostInterpreter(out, err, in), file, args, options, out, err);
    }

    /** Runs FILE on {@code host}, logging as {@code TAIPANLOG} says; translation errors are thrown as {@code TaipanError}s. */
    public static int run(HostInterpreter host, Path file, List<String> args, ExecOptions options, PrintStream out,
                          PrintStream err) {
        return run(host, file, args, options, out, err, GcLog.fromEnvironment());
    }

    /** The same, with the collectors' log {@code log} (null: none). */
    public static int run(HostInterpreter host, Path file, List<String> args, ExecOptions options, PrintStream out,
                          PrintStream err, GcLog log) {
        Collector collector = Collector.parse(options.gc());
        return LLStage.runProgram(translate(host, file, collector, OptLevel.parse(options.opt(), LLStage.DEFAULT_OPT),
                GcParams.of(options, GcParams.INTERPRETED)), host, file, args, options.checked(), out, err, log);
    }

    /** The program of FILE with its collector, set up with {@code params}, ready for the llinterp. */
    public static LowLevelProgram translate(HostInterpreter host, Path file, Collector collector, OptLevel level,
                                            GcParams params) {
        return translate(host, file, collector, level, params, PhaseListener.NONE, List.of());
    }

    /**
     * The same, keeping the functions named {@code exports} as graphs of their own even where
     * inlining leaves them uncalled: PyPy's "secondary entry points", functions called from
     * outside the program (stage 05 calls them from Java). Each phase is told to {@code phases}
     * as it ends ({@code taipan translate} prints them).
     */
    public static LowLevelProgram translate(HostInterpreter host, Path file, Collector collector, OptLevel level,
                                            GcParams params, PhaseListener phases, List<String> exports) {
        return translateWithLayout(host, file, collector, level,
                entries -> new GcTransformer(collector, entries, params), phases, exports).program();
    }

    /** The same, with the GC transformer {@code transformer} makes of the collector's entry points. */
    public static LowLevelProgram translate(HostInterpreter host, Path file, Collector collector, OptLevel level,
                                            Function<GcEntryPoints, GcTransformer> transformer) {
        return translateWithLayout(host, file, collector, level, transformer).program();
    }

    /** The same, with the layout the program got: its type ids, for who reads the heap (the heap pictures). */
    public static GcLayout translateWithLayout(HostInterpreter host, Path file, Collector collector, OptLevel level,
                                               Function<GcEntryPoints, GcTransformer> transformer) {
        return translateWithLayout(host, file, collector, level, transformer, PhaseListener.NONE, List.of());
    }

    /**
     * The whole front half of a translation, phase by phase, each told to {@code phases} as it
     * ends: <b>import</b> (the module's top level runs on the host interpreter), <b>flow</b> and
     * <b>annotate</b> from {@code main} and the collector's entry points (interleaved, since the
     * annotator flows each function when it first reaches it: flow is the time spent building
     * graphs, annotate the rest), <b>rtype</b> (with the helpers it annotates and flows on the
     * way), the graph <b>passes</b> of {@code level}, and the <b>gc transform</b>. The functions
     * named {@code exports} keep their graphs through the passes.
     */
    public static GcLayout translateWithLayout(HostInterpreter host, Path file, Collector collector, OptLevel level,
                                               Function<GcEntryPoints, GcTransformer> transformer,
                                               PhaseListener phases, List<String> exports) {
        long start = System.nanoTime();
        LLTypeModule.install(host);
        PyFunction entryPoint = AnnotateCommand.importFunction(host, file, "entry_point");
        long imported = System.nanoTime();
        phases.ended("import", imported - start, file.getFileName().toString());

        ProcessEntry.Annotated process = ProcessEntry.annotate(host, entryPoint);
        Annotator ann = process.annotator();
        GcEntryPoints.Annotated annotated = GcEntryPoints.annotate(ann, host, collector);
        long annotatedAt = System.nanoTime();
        long flow = ann.translator().flowNanos();
        phases.ended("flow", flow, String.format(Locale.ROOT, "%,d graphs", ann.graphs().size()));
        phases.ended("annotate", annotatedAt - imported - flow,
                String.format(Locale.ROOT, "%,d classes", ann.classdefs().size()));

        RTyper rtyper = host.runInside(() -> {
            RTyper r = new RTyper(ann);
            r.specialize();
            return r;
        });
        GcEntryPoints entries = annotated.lowLevel(rtyper);
        LowLevelProgram rtyped = rtyper.program(rtyper.lowLevel(process.main()));
        long rtypedAt = System.nanoTime();
        phases.ended("rtype", rtypedAt - annotatedAt,
                String.format(Locale.ROOT, "%,d low-level graphs", rtyped.graphs().size()));

        List<LowLevelGraph> roots = new ArrayList<>(entries.all());
        for (String name : exports) {
            LowLevelGraph g = rtyped.byName().get(name);
            if (g == null) {
                throw new TaipanError("no function '" + name + "' in " + file.getFileName()
                        + " is called from its entry point: the program has no graph of it");
            }
            roots.add(g);
        }
        Pipeline pipeline = passes(level, roots);
        LowLevelProgram program = pipeline.run(rtyped);
        long passedAt = System.nanoTime();
        phases.ended("passes", passedAt - rtypedAt, "--opt=" + level + ": "
                + pipeline.passes().stream().map(GraphPass::name).collect(Collectors.joining(", ")));

        GcLayout layout = transformer.apply(entries).transform(program);
        phases.ended("gc transform", System.nanoTime() - passedAt, "--gc=" + collector.gcName());
        return layout;
    }

    /**
     * The passes of {@code level}, which end with the exception transform even at
     * {@code --opt=none}; after inlining, the graphs nothing calls any more are dropped, keeping
     * the collector's entry points ({@code roots}), which the GC transformer will call.
     */
    private static Pipeline passes(OptLevel level, List<LowLevelGraph> roots) {
        List<GraphPass> all = new ArrayList<>();
        for (GraphPass pass : Pipeline.of(level).passes()) {
            all.add(pass);
            if (pass instanceof Inlining) {
                all.add(new ReachableGraphs(roots));
            }
        }
        if (all.stream().noneMatch(ExceptionTransform.class::isInstance)) {
            all.add(new ExceptionTransform());
        }
        return new Pipeline(all);
    }
}
