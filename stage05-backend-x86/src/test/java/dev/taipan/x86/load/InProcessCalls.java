package dev.taipan.x86.load;

import dev.taipan.flowgraph.cli.PhaseListener;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.gc.GcParams;
import dev.taipan.x86.gen.Translation;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The child JVM of {@link InProcessCallsTest}: {@code InProcessCalls FILE GC} translates FILE,
 * runs its {@code main} once in-process (the collector set up), then calls its functions from
 * Java and prints each result, what the function printed, and what it raised, one line each.
 */
public final class InProcessCalls {
    private InProcessCalls() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        var host = new HostInterpreter(System.out, System.err, InputStream.nullInputStream());
        Translation.Linked linked = Translation.link(host, file, args[1], null, GcParams.NATIVE, PhaseListener.NONE,
                List.of("fib", "norm2", "twice", "shout", "grow"));
        try (NativeImage image = NativeImage.load(linked.program())) {
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            int status = InProcess.run(image, linked.main(), List.of(file.toString()), print(out), print(err),
                    InputStream.nullInputStream());
            System.out.println("main -> " + status + " printing " + text(out));
            call(image, linked, "fib", 30L);
            call(image, linked, "fib", 10);
            call(image, linked, "norm2", 1.5, 2.0);
            call(image, linked, "twice", 21L);
            call(image, linked, "twice", -1L);
            call(image, linked, "twice", 4L);   // the image is usable again after an exception
            call(image, linked, "shout", 'a', 5L);
            call(image, linked, "grow", 200_000L);
            call(image, linked, "grow", 300_000L);   // the collector's heap survives between calls
            call(image, linked, "nosuch", 1L);
            call(image, linked, "fib", "ten");
        }
    }

    private static void call(NativeImage image, Translation.Linked linked, String f, Object... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        String result;
        try {
            result = String.valueOf(InProcess.call(image, f, linked.signature(f), List.of(args), print(out), print(err)));
        } catch (ProgramRaised | IllegalArgumentException e) {
            result = e.getClass().getSimpleName() + ": " + e.getMessage().lines().toList().getLast();
        }
        System.out.println(f + List.of(args) + " -> " + result + " printing " + text(out) + " erring "
                + err.toString(StandardCharsets.UTF_8).lines().count());
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return "[" + bytes.toString(StandardCharsets.UTF_8).strip().replace('\n', '|') + "]";
    }
}
