package dev.taipan.flowgraph.cli;

import dev.taipan.flowgraph.TaipanError;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code taipan exec [--stage=STAGE] FILE [ARGS...]}: run a program at a chosen stage of the
 * pipeline. The same program must give the same output at every stage (the shared corpus is
 * the proof), so this one command, with one {@code --stage} value per stage, is how a user
 * watches a program travel down the pipeline. The stages are {@link ExecStage} plug-ins.
 *
 * <p>Everything after FILE belongs to the program, options included ({@code taipan exec
 * prog.py --verbose} gives the program {@code --verbose}), exactly as with {@code python3
 * prog.py --verbose}; so parsing stops at the first positional argument. The exit status is
 * the program's.
 */
@Command(name = "exec", mixinStandardHelpOptions = true,
        modelTransformer = ExecCommand.DynamicModel.class,
        description = "Run a Python program at a stage of the pipeline. A file with a top-level "
                + "entry_point(argv) is imported and entry_point([FILE, ARGS...]) gives the exit "
                + "status; any other file runs as __main__.")
final class ExecCommand implements Callable<Integer> {

    static final String DEFAULT_STAGE = "host";

    @Option(names = "--stage", paramLabel = "STAGE", defaultValue = DEFAULT_STAGE,
            completionCandidates = StageNames.class,
            description = "Where to run it: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String stage;

    @Option(names = "--checked",
            description = "Validate every load and store against its allocation (stages with a heap: ll and later).")
    boolean checked;

    @Option(names = "--opt", paramLabel = "LEVEL",
            description = "The graph passes before the stage runs the program: none, 0 (the exception transform), "
                    + "1 (and constant folding), 2 (and inlining, malloc removal; the default). Stages ll and later.")
    String opt;

    @Option(names = "--gc", paramLabel = "GC",
            description = "The garbage collector: none, marksweep, semispace, generational, minimark (stages gc and later).")
    String gc;

    @Option(names = "--gc-stress",
            description = "Collect at every allocation, to catch a pointer the collector was not told about (stages gc and later).")
    boolean gcStress;

    @Option(names = "--heap-max", paramLabel = "SIZE",
            description = "The most the GC heap may grow to, e.g. 64m; then MemoryError (stages gc and later).")
    String heapMax;

    @Option(names = "--nursery", paramLabel = "SIZE",
            description = "The young generation's size, e.g. 1m, for generational and minimark "
                    + "(default: 256k in the llinterp, 4m in an executable).")
    String nursery;

    @Option(names = "--in-process",
            description = "Run the machine code inside this JVM (through java.lang.foreign) instead of as a process (stage x86).")
    boolean inProcess;

    @Parameters(index = "0", paramLabel = "FILE", description = "The Python program.")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", arity = "0..*",
            description = "Arguments for the program (sys.argv[1:]), passed untouched.")
    List<String> args = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ExecStage chosen = stages().get(stage);
        if (chosen == null) {
            throw new TaipanError("unknown stage '" + stage + "' for exec; available stages: "
                    + String.join(", ", stages().keySet()));
        }
        if (Files.isDirectory(file)) {
            throw new TaipanError("cannot run " + file + ": it is a directory");
        }
        if (!Files.isRegularFile(file)) {
            throw new TaipanError("cannot run " + file + ": no such file");
        }
        var cli = spec.commandLine();
        // Program output is buffered like CPython's stdout on a pipe; stderr is not.
        var out = new PrintStream(new WriterOutputStream(cli.getOut()), false, StandardCharsets.UTF_8);
        var err = new PrintStream(new WriterOutputStream(cli.getErr()), true, StandardCharsets.UTF_8);
        try {
            return chosen.run(file, List.copyOf(args), new ExecOptions(checked, opt, gc, gcStress, heapMax, nursery, inProcess), out, err,
                    System.in);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static Map<String, ExecStage> stages() {
        return ExecStage.all();
    }

    /** The stage names for {@code --help}. */
    static final class StageNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return stages().keySet().iterator();
        }
    }

    /**
     * Makes picocli stop parsing options at FILE, so that the program's own options reach it,
     * and lists the stages found on the class path under the help. Picocli has no annotation
     * for either (the stages are only known at run time), hence a model transformer.
     */
    static final class DynamicModel implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            spec.parser().stopAtPositional(true);
            List<String> footer = new ArrayList<>(List.of("", "Stages:"));
            stages().values().forEach(s -> footer.add(String.format("  %-6s %s", s.name(), s.description())));
            spec.usageMessage().footer(footer.toArray(String[]::new));
            return spec;
        }
    }
}
