package dev.taipan.flowgraph.cli;

import dev.taipan.flowgraph.host.HostInterpreter;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --stage=host}: the host interpreter runs the bytecode concretely, with Python 3
 * semantics. It plays CPython's role in PyPy's toolchain, and every later stage is compared
 * against it.
 */
public final class HostStage implements ExecStage {
    @Override
    public String name() {
        return "host";
    }

    @Override
    public String description() {
        return "the host interpreter (Java, Python 3.11 semantics)";
    }

    @Override
    public int run(Path file, List<String> args, PrintStream out, PrintStream err, InputStream in) {
        return new HostInterpreter(out, err, in).runProgram(file, args);
    }
}
