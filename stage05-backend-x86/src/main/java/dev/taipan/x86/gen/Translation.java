package dev.taipan.x86.gen;

import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.cli.PhaseListener;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.gc.Collector;
import dev.taipan.gc.GcParams;
import dev.taipan.gc.GcStage;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.rtyper.LLStage;
import dev.taipan.rtyper.transform.OptLevel;
import dev.taipan.x86.link.LinkException;
import dev.taipan.x86.link.LinkedProgram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;

/**
 * An RPy program all the way to a static executable: stage 04's {@code GcStage.translate}
 * (import, flow, annotate, rtype, passes with the exception transform last, the GC transform with
 * the chosen collector), then this stage's {@link Backend} (codegen, link) and the ELF writer
 * (write). {@code phases} hears each phase as it ends, which {@code taipan translate} prints
 * as a line with its time.
 */
public final class Translation {

    private Translation() {
    }

    /**
     * Translates {@code file} into the executable {@code output}, with the collector {@code gc}
     * set up with {@code params} ({@link GcParams#NATIVE} unless options say otherwise).
     */
    public static void translate(HostInterpreter host, Path file, Path output, String gc, String opt, GcParams params,
                                 PhaseListener phases) {
        LinkedProgram linked = link(host, file, gc, opt, params, phases, List.of()).program();
        long start = System.nanoTime();
        try {
            linked.writeExecutable(output, Backend.entrySymbol());
            Files.setPosixFilePermissions(output, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        phases.ended("write", System.nanoTime() - start,
                String.format(Locale.ROOT, "%s (%,d bytes)", output, size(output)));
    }

    /**
     * A linked program, the low-level program it was made from (each function's signature), and
     * the name of its {@code main(argc, raw_argv)}, which {@code _start} calls.
     */
    public record Linked(LinkedProgram program, LowLevelProgram lowLevel) {
        public String main() {
            return lowLevel.entry().name();
        }

        /** The signature of the function {@code name}, or null if the program has none of that name. */
        public FuncType signature(String name) {
            LowLevelGraph g = lowLevel.byName().get(name);
            return g == null ? null : g.signature();
        }
    }

    /**
     * The same translation up to the linked program, for a loader rather than a file, with the
     * functions named {@code exports} kept callable from outside (see {@link GcStage}).
     */
    public static Linked link(HostInterpreter host, Path file, String gc, String opt, GcParams params,
                              PhaseListener phases, List<String> exports) {
        Collector collector = Collector.parse(gc);
        LowLevelProgram program = GcStage.translate(host, file, collector, OptLevel.parse(opt, LLStage.DEFAULT_OPT),
                params, phases, exports);
        try {
            return new Linked(Backend.link(program, phases, exports, CodeListener.NONE), program);
        } catch (LinkException e) {
            throw new TaipanError("x86 backend: " + e.getMessage(), e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
