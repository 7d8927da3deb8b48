package dev.taipan.x86.load;

import dev.taipan.flowgraph.cli.PhaseListener;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.gc.GcParams;
import dev.taipan.x86.gen.Translation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The child JVM of {@link InProcessSafepointTest}: {@code InProcessSafepoint FILE} runs FILE's
 * {@code main} in-process; the program prints {@code ready} and then blocks reading its stdin.
 * While it is blocked inside machine code, this JVM collects its own garbage
 * ({@code System.gc()}, which needs every Java thread at a safepoint), and only then gives the
 * program its input. A downcall that kept its thread from reaching safepoints would make the
 * collection wait for the program, and the program wait for its input: this process would never
 * end.
 */
public final class InProcessSafepoint {
    private InProcessSafepoint() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path file = Path.of(args[0]);
        var host = new HostInterpreter(System.out, System.err, InputStream.nullInputStream());
        Translation.Linked linked = Translation.link(host, file, "generational", null, GcParams.NATIVE, PhaseListener.NONE,
                List.of());
        var feed = new PipedOutputStream();
        var stdin = new PipedInputStream(feed);
        var out = new ByteArrayOutputStream();
        PrintStream programOut = new PrintStream(out, true, StandardCharsets.UTF_8);
        int[] status = new int[1];
        try (NativeImage image = NativeImage.load(linked.program())) {
            Thread run = Thread.ofPlatform().start(() -> status[0] = InProcess.run(image, linked.main(),
                    List.of(file.toString()), programOut, System.err, stdin));
            while (!out.toString(StandardCharsets.UTF_8).contains("ready")) {
                Thread.sleep(10);   // waiting for an event, not for a time: the program flushes "ready" before it reads
            }
            System.gc();
            System.out.println("collected while the program waited in machine code");
            feed.write("hello".getBytes(StandardCharsets.UTF_8));
            feed.close();
            run.join();
        }
        System.out.println("program printed " + out.toString(StandardCharsets.UTF_8).strip().replace('\n', '|')
                + ", status " + status[0]);
    }
}
