package dev.taipan.x86.view;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code taipan view FILE [--function F] [-o PAGE]}: one function through every stage, as one
 * self-contained HTML page ({@link TourPage}); the page's path is printed, so a terminal can
 * open it.
 */
@Command(name = "view", mixinStandardHelpOptions = true,
        description = "Write one HTML page that shows a function at every stage: source, bytecode, flow graph, "
                + "annotated graph, low-level graph, GC-transformed graph and machine code, tied to the source lines.")
public final class ViewCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The RPy program (with entry_point, for the stages after the flow space).")
    Path file;

    @Option(names = "--function", paramLabel = "NAME",
            description = "The function to follow (Class.method allowed; default: the first function in the file).")
    String function;

    @Option(names = {"-o", "--output"}, paramLabel = "PAGE", description = "The page (default: FILE with .html for .py).")
    Path output;

    @Option(names = "--gc", paramLabel = "NAME", description = "The collector: none, marksweep, semispace, generational, minimark.")
    String gc;

    @Option(names = "--opt", paramLabel = "LEVEL",
            description = "The graph passes before the backend: 0, 1 or 2 (default 2, or 0 when the function is inlined at 2).")
    String opt;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Tour tour = Stages.tour(file, function, gc, opt);
        String name = file.getFileName().toString();
        Path page = output != null ? output
                : file.resolveSibling((name.endsWith(".py") ? name.substring(0, name.length() - 3) : name) + ".html");
        Files.writeString(page, TourPage.html(tour));
        spec.commandLine().getOut().println(page + ": " + tour.functionName() + " through every stage");
        return 0;
    }
}
