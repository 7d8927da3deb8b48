package dev.taipan.x86.gen;

import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.cli.PhasePrinter;
import dev.taipan.flowgraph.cli.Progress;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.gc.GcParams;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code taipan translate FILE [-o OUT] [--gc=...] [--opt=...] [--heap-max=SIZE] [--nursery=SIZE] [--gc-stress]}: an RPy
 * program as a static x86-64 executable, one line per phase on stdout as it ends, and a progress
 * bar on stderr during code generation when stderr is a terminal ({@link PhasePrinter}).
 */
@Command(name = "translate", mixinStandardHelpOptions = true,
        description = "Translate an RPy program (with entry_point) into a static x86-64 Linux executable.")
public final class TranslateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The RPy program.")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "The executable (default: FILE without .py).")
    Path output;

    @Option(names = "--gc", paramLabel = "NAME", description = "The collector: none, marksweep, semispace, generational, minimark.")
    String gc;

    @Option(names = "--opt", paramLabel = "LEVEL", description = "The graph passes: none, 0, 1 or 2 (default 2).")
    String opt;

    @Option(names = "--heap-max", paramLabel = "SIZE", description = "The collector's heap limit, e.g. 64m (default: none).")
    String heapMax;

    @Option(names = "--nursery", paramLabel = "SIZE",
            description = "The young generation's size for generational and minimark, e.g. 1m (default: 4m).")
    String nursery;

    @Option(names = "--gc-stress", description = "A collection at every allocation (for testing the collector).")
    boolean gcStress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var cli = spec.commandLine();
        String name = file.getFileName().toString();
        Path exe = output != null ? output
                : file.resolveSibling(name.endsWith(".py") ? name.substring(0, name.length() - 3) : name + ".out");
        HostInterpreter host = new HostInterpreter(System.out, System.err, System.in);
        GcParams params = GcParams.of(new ExecOptions(false, opt, gc, gcStress, heapMax, nursery, false), GcParams.NATIVE);
        Translation.translate(host, file, exe, gc, opt, params,
                new PhasePrinter(cli.getOut(), cli.getErr(), Progress.onTerminal()));
        return 0;
    }
}
