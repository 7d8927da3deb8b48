package dev.taipan.gc.llmemory;

import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.rtyper.rtyper.LLStage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** A program run at {@code --stage=ll} as {@code taipan exec} runs it: its exit status and what it printed. */
record LLRun(int status, String out, String err) {

    static final Path PROGRAMS = Path.of("src/test/resources/llmemory");

    static LLRun of(Path file, boolean checked) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var o = new PrintStream(out, true, StandardCharsets.UTF_8);
        var e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int status = LLStage.run(new HostInterpreter(o, e, new ByteArrayInputStream(new byte[0])), file, List.of(),
                new ExecOptions(checked), o, e);
        return new LLRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static LLRun program(String name, boolean checked) {
        return of(PROGRAMS.resolve(name), checked);
    }
}
