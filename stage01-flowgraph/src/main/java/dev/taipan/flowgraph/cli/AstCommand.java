package dev.taipan.flowgraph.cli;

import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.syntax.AstDump;
import dev.taipan.flowgraph.syntax.Parser;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code taipan ast FILE}: the parse tree in the shape of CPython's {@code ast.dump}, one
 * top-level statement per line, so that it can be compared with
 * {@code python3 -c "import ast; print(ast.dump(ast.parse(open(FILE).read())))"}.
 */
@Command(name = "ast", mixinStandardHelpOptions = true,
        description = "Parse a Python file and print its abstract syntax tree (like ast.dump).")
final class AstCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The Python source file.")
    Path file;

    @Option(names = "--positions", description = "Show each node's line:col-endline:endcol.")
    boolean positions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        for (var statement : Parser.parse(SourceFile.read(file)).body()) {
            out.println(AstDump.dump(statement, positions));
        }
        return 0;
    }
}
