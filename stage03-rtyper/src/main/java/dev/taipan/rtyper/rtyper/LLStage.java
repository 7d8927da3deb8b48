package dev.taipan.rtyper.rtyper;

import dev.taipan.annotator.AnnotateCommand;
import dev.taipan.annotator.Annotator;
import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.cli.ExecStage;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.rtyper.llannotation.LLTypeModule;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.llinterp.LLFatalError;
import dev.taipan.rtyper.llinterp.LLInterpreter;
import dev.taipan.rtyper.llinterp.SystemCalls;
import dev.taipan.rtyper.llinterp.Outcome;
import dev.taipan.rtyper.memory.Heap;
import dev.taipan.rtyper.transform.OptLevel;
import dev.taipan.rtyper.transform.Pipeline;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --stage=ll}: the program is imported, annotated from {@code entry_point}, rtyped, and
 * its low-level graphs run in the llinterp over native memory ({@code --checked}: the checked
 * heap). It must print exactly what {@code --stage=host} prints. A program that uses what the
 * rtyper does not translate yet is refused before it runs, with the line that needs it. Between
 * the rtyper and the llinterp run the graph passes of {@code --opt} ({@link Pipeline}; by default
 * all of them, ending with the exception transform, as a backend will see the graphs).
 */
public final class LLStage implements ExecStage {
    /** What {@code --opt} is when not given: the passes the backend will see, as PyPy's {@code -O2}. */
    public static final OptLevel DEFAULT_OPT = OptLevel.O2;

    @Override
    public String name() {
        return "ll";
    }

    @Override
    public String description() {
        return "low-level graphs of entry_point (rtyped), run by the llinterp over native memory";
    }

    @Override
    public int run(Path file, List<String> args, PrintStream out, PrintStream err, InputStream in) {
        return run(file, args, ExecOptions.DEFAULT, out, err, in);
    }

    @Override
    public int run(Path file, List<String> args, ExecOptions options, PrintStream out, PrintStream err, InputStream in) {
        return run(new HostInterpreter(out, err, in), file, args, options, out, err);
    }

    /** Runs FILE on {@code host} (its working directory, its streams); translation errors are thrown as {@code TaipanError}s. */
    public static int run(HostInterpreter host, Path file, List<String> args, ExecOptions options, PrintStream out,
                          PrintStream err) {
        LLTypeModule.install(host);   // a program may import the low level itself (stage 04's collectors do)
        Annotator ann = AnnotateCommand.annotateFile(host, file, "entry_point", true);
        RTyper rtyper = host.runInside(() -> {
            RTyper r = new RTyper(ann);
            r.specialize();
            return r;
        });
        var program = Pipeline.of(OptLevel.parse(options.opt(), DEFAULT_OPT)).run(rtyper.program(rtyper.graphs().getFirst()));
        return runProgram(program, host, file, args, options.checked(), out, err);
    }

    /**
     * Runs a low-level program's entry point in the llinterp, on the checked heap or the fast
     * one, as a process would run: argv made of FILE and ARGS, an uncaught exception reported on
     * {@code err}, a fatal error as an abort; the result is the exit status. Later stages run
     * their programs (the GC-transformed ones) through here too.
     */
    public static int runProgram(LowLevelProgram program, HostInterpreter host, Path file, List<String> args,
                                 boolean checked, PrintStream out, PrintStream err) {
        List<String> argv = new ArrayList<>();
        argv.add(file.toString());
        argv.addAll(args);
        try (Heap heap = checked ? Heap.checked() : Heap.fast()) {
            Outcome outcome = new LLInterpreter(program, heap, out,
                    new SystemCalls(host.workingDirectory(), out, err, System.in)).runMain(argv);
            if (outcome instanceof Outcome.Uncaught u) {
                out.flush();
                err.print(u.report());
            }
            return outcome.exitStatus();
        } catch (LLFatalError e) {
            out.flush();
            err.println("Fatal error in the low-level program: " + e.getMessage());
            return 134;   // what an aborted native program gives (128 + SIGABRT)
        }
    }
}
