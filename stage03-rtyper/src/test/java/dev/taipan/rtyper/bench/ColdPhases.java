package dev.taipan.rtyper.bench;

import dev.taipan.annotator.AnnotateCommand;
import dev.taipan.annotator.Annotator;
import dev.taipan.flowgraph.flow.TranslationContext;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.rtyper.rtyper.RTyper;
import dev.taipan.rtyper.rtyper.RtypeCommand;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Where the time of a cold {@code taipan rtype FILE} goes: the phases of one run in a fresh
 * JVM, each timed once, in the order the command runs them (import on the host interpreter,
 * flow and annotate from {@code entry_point}, rtype, render the graphs as text). JMH measures
 * a warm JVM; this is the other half of the story, where class loading and the JIT's first
 * compilations are part of every phase. Run it in a JVM of its own, as the README shows.
 */
public final class ColdPhases {
    private ColdPhases() {}

    public static void main(String[] args) {
        long start = System.nanoTime();
        Path file = Path.of(args[0]);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        HostInterpreter host = new HostInterpreter(quiet, quiet, InputStream.nullInputStream());
        PyFunction entry = (PyFunction) host.importFile(file).get("entry_point");
        long imported = System.nanoTime();
        Annotator ann = host.runInside(() -> AnnotateCommand.annotateFrom(new TranslationContext(host), entry, true));
        long annotated = System.nanoTime();
        RTyper rtyper = host.runInside(() -> {
            RTyper r = new RTyper(ann);
            r.specialize();
            return r;
        });
        long rtyped = System.nanoTime();
        String text = RtypeCommand.text(rtyper.graphs());
        long rendered = System.nanoTime();
        System.out.printf("import %d ms, flow+annotate %d ms, rtype %d ms (%d graphs), text %d ms (%d lines)%n",
                ms(imported - start), ms(annotated - imported), ms(rtyped - annotated), rtyper.graphs().size(),
                ms(rendered - rtyped), text.lines().count());
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
