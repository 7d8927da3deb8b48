package dev.taipan.x86.gen;

import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.gc.Collector;
import dev.taipan.gc.GcStage;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.rtyper.LLStage;
import dev.taipan.rtyper.transform.OptLevel;
import dev.taipan.x86.link.LinkException;
import dev.taipan.x86.link.LinkedProgram;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * An RPy program all the way to a static executable: stage 04's {@code GcStage.translate}
 * (flow, annotate, rtype, passes, the exception transform, the GC transform with the chosen
 * collector), then this stage's {@link Backend} (code generation, link) and the ELF writer.
 * {@code phases}, when not null, gets one line per phase with its time, as
 * {@code taipan translate} prints them.
 */
public final class Translation {

    private Translation() {
    }

    /**
     * Translates {@code file} into the executable {@code output}, with the collector {@code gc}
     * bounded by {@code heapMax} ({@code --heap-max}, null for no limit), collecting at every
     * allocation when {@code stress} ({@code --gc-stress}).
     */
    public static void translate(HostInterpreter host, Path file, Path output, String gc, String opt, String heapMax,
                                 boolean stress, PrintStream phases) {
        long t0 = System.nanoTime();
        Collector collector = Collector.parse(gc);
        LowLevelProgram program = GcStage.translate(host, file, collector, OptLevel.parse(opt, LLStage.DEFAULT_OPT),
                GcStage.parseSize(heapMax), stress, false);
        long t1 = System.nanoTime();
        phase(phases, "flow, annotate, rtype, passes, gc transform (--gc=" + collector.gcName() + ")", t0, t1);
        LinkedProgram linked;
        try {
            linked = Backend.link(program);
        } catch (LinkException e) {
            throw new TaipanError("x86 backend: " + e.getMessage(), e);
        }
        long t2 = System.nanoTime();
        phase(phases, "codegen and link (" + program.graphs().size() + " functions)", t1, t2);
        try {
            linked.writeExecutable(output, Backend.entrySymbol());
            Files.setPosixFilePermissions(output, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        phase(phases, "write " + output + " (" + size(output) + " bytes)", t2, System.nanoTime());
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void phase(PrintStream phases, String what, long from, long to) {
        if (phases != null) {
            phases.printf("%-70s %6d ms%n", what, (to - from) / 1_000_000);
        }
    }
}
