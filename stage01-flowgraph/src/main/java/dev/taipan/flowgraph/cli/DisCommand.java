package dev.taipan.flowgraph.cli;

import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.bytecode.Disassembler;
import dev.taipan.flowgraph.compiler.Compiler;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code taipan dis FILE}: compile a module and print its bytecode, like Python's {@code dis}. */
@Command(name = "dis", mixinStandardHelpOptions = true,
        description = "Compile a Python file and disassemble its bytecode, nested code objects included.")
final class DisCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The Python source file.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(Disassembler.dis(Compiler.compile(SourceFile.read(file))));
        return 0;
    }
}
