package dev.taipan.x86.load;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.taipan.x86.gen.Entries;
import dev.taipan.x86.gen.Runtime;
import dev.taipan.rtyper.lltype.FuncType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/**
 * A translated program's {@code main(argc, raw_argv)} run inside this JVM as if it were a
 * process: what {@code exec --stage=x86 --in-process} does.
 *
 * <ul>
 *   <li><b>Its own thread and stack.</b> The machine code runs on a platform thread made with a
 *       {@value #STACK_SIZE_MIB} MiB stack, and {@code rt_enter} lets it grow
 *       {@link Runtime#STACK_BUDGET} bytes, as {@code _start} does in an executable: the same
 *       recursion depth raises RecursionError in both, well before HotSpot's guard pages.
 *   <li><b>Pipes, not the JVM's descriptors.</b> The program's 1 and 2 are the write ends of two
 *       pipes (through the image's {@code rt_fds}); a Java thread per pipe copies what arrives to
 *       {@code out} and {@code err} while the program runs. Its 0 is a third pipe fed from
 *       {@code in}, or the JVM's own 0 when {@code in} is {@link System#in}.
 *   <li><b>The end.</b> {@code main}'s result, or an exception left pending (reported by the
 *       image's {@code rt_report_pending}, as {@code _start} does), or an exit
 *       ({@code debug_assert}) that {@code rt_exit} turned into a return of {@code rt_enter}: the
 *       JVM goes on in every case.
 * </ul>
 *
 * <p>The downcall is an ordinary one, not {@code Linker.Option.critical}: the thread is "in
 * native" while the program runs, so the JVM's own collector and safepoints go on without it
 * however long the program takes.
 */
public final class InProcess {
    static final int STACK_SIZE_MIB = 16;

    private InProcess() {
    }

    /**
     * Runs {@code image}'s {@code main} with {@code argv}; the program's output goes to
     * {@code out} and {@code err}; returns its exit status (0-255), as a process would have.
     */
    public static int run(NativeImage image, String main, List<String> argv, PrintStream out, PrintStream err,
                          InputStream in) {
        return onProgramThread(image, out, err, in, () -> runMain(image, main, argv));
    }

    /**
     * Calls the function {@code symbol} of an image whose {@code main} has run (so that its
     * collector is set up), with {@code args} as its {@code signature} types them: a
     * {@code Long} for {@code Signed}, {@code Unsigned} and {@code Address}, a {@code Double}
     * for {@code Float}, a {@code Boolean}, a {@code Character}. Returns its result the same
     * way ({@code null} for {@code Void}). An exception the function raises is reported on
     * {@code err} as an uncaught one would be, then thrown as a {@link ProgramRaised}.
     */
    public static Object call(NativeImage image, String symbol, FuncType signature, List<?> args, PrintStream out,
                              PrintStream err) {
        if (!image.defines(symbol)) {
            throw new IllegalArgumentException("the program has no function '" + symbol + "' (inlined everywhere, "
                    + "or never called from its entry point?)");
        }
        NativeArguments arguments = NativeArguments.of(symbol, signature, args);
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(report, true, StandardCharsets.UTF_8);
        Object[] result = new Object[1];
        int raised = onProgramThread(image, out, errors, InputStream.nullInputStream(), () -> {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment block = arena.allocate(8L * (Entries.BLOCK_WORDS + Entries.BLOCK_DOUBLES), 16);
                arguments.store(block);
                int exited = image.enter(image.address(symbol), block, Runtime.STACK_BUDGET);
                if (exited != 0) {
                    throw new ProgramRaised("the program exited with status " + (exited - Entries.EXITED));
                }
                result[0] = arguments.result(block);
                block.setAtIndex(JAVA_LONG, 0, 0);
                image.enter(image.address(Runtime.REPORT_PENDING), block, Runtime.STACK_BUDGET);
                return (int) block.getAtIndex(JAVA_LONG, 0);
            }
        });
        err.print(report.toString(StandardCharsets.UTF_8));
        err.flush();
        if (raised != 0) {
            throw new ProgramRaised(symbol + " raised an exception:\n" + report.toString(StandardCharsets.UTF_8));
        }
        return result[0];
    }

    /**
     * {@code body} on a thread of its own with a {@value #STACK_SIZE_MIB} MiB stack, the image's
     * descriptors 0, 1, 2 pointed at pipes for its duration (see the class comment).
     */
    private static int onProgramThread(NativeImage image, PrintStream out, PrintStream err, InputStream in,
                                       IntSupplier body) {
        out.flush();
        int[] stdout = Libc.pipe();
        int[] stderr = Libc.pipe();
        int[] stdin = in == System.in ? null : Libc.pipe();
        MemorySegment fds = image.word(Entries.FDS, 0).reinterpret(24);
        fds.setAtIndex(JAVA_LONG, 0, stdin == null ? 0 : stdin[0]);
        fds.setAtIndex(JAVA_LONG, 1, stdout[1]);
        fds.setAtIndex(JAVA_LONG, 2, stderr[1]);
        List<Thread> pumps = new ArrayList<>(List.of(pump(stdout[0], out), pump(stderr[0], err)));
        Thread feeder = stdin == null ? null : feed(in, stdin[1]);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int[] status = new int[1];
        Thread runner = Thread.ofPlatform().name("taipan-native-main").stackSize((long) STACK_SIZE_MIB << 20)
                .unstarted(() -> {
                    try {
                        status[0] = body.getAsInt();
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                });
        runner.start();
        try {
            runner.join();
            Libc.close(stdout[1]);
            Libc.close(stderr[1]);
            for (Thread p : pumps) {
                p.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadException("interrupted while the program ran in-process");
        } finally {
            fds.setAtIndex(JAVA_LONG, 0, 0);
            fds.setAtIndex(JAVA_LONG, 1, 1);
            fds.setAtIndex(JAVA_LONG, 2, 2);
            Libc.close(stdout[0]);
            Libc.close(stderr[0]);
            if (stdin != null) {
                Libc.close(stdin[0]);   // a feeder still writing gets EPIPE and ends (the JVM ignores SIGPIPE)
                feeder.interrupt();
            }
            out.flush();
            err.flush();
        }
        switch (failure.get()) {
            case null -> { }
            case RuntimeException r -> throw r;
            case Throwable t -> throw new LoadException("the program could not be run in-process: " + t);
        }
        return status[0];
    }

    /** On the program's thread: {@code main(argc, argv)}, then the pending exception's report. */
    private static int runMain(NativeImage image, String main, List<String> argv) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pointers = arena.allocate(ADDRESS, argv.size() + 1L);
            for (int i = 0; i < argv.size(); i++) {
                pointers.setAtIndex(ADDRESS, i, arena.allocateFrom(argv.get(i)));
            }
            MemorySegment block = arena.allocate(8L * (Entries.BLOCK_WORDS + Entries.BLOCK_DOUBLES), 16);
            block.setAtIndex(JAVA_LONG, 0, argv.size());
            block.setAtIndex(JAVA_LONG, 1, pointers.address());
            int exited = image.enter(image.address(main), block, Runtime.STACK_BUDGET);
            if (exited != 0) {
                return exited - Entries.EXITED;
            }
            // rt_report_pending(status): 1 and a traceback on stderr if an exception is pending
            exited = image.enter(image.address(Runtime.REPORT_PENDING), block, Runtime.STACK_BUDGET);
            return exited != 0 ? exited - Entries.EXITED : (int) (block.getAtIndex(JAVA_LONG, 0) & 0xff);
        }
    }

    /** A thread copying what arrives on {@code fd} to {@code to} until the pipe's write end closes. */
    private static Thread pump(int fd, PrintStream to) {
        return Thread.ofPlatform().daemon().name("taipan-native-pipe-" + fd).start(() -> {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment buffer = arena.allocate(1 << 16);
                byte[] bytes = new byte[(int) buffer.byteSize()];
                long n;
                while ((n = Libc.read(fd, buffer)) > 0) {
                    MemorySegment.copy(buffer, JAVA_BYTE, 0, bytes, 0, (int) n);
                    to.write(bytes, 0, (int) n);
                    to.flush();
                }
            }
        });
    }

    /** A thread writing {@code in} into the pipe's write end {@code fd}, then closing it: the program's stdin. */
    private static Thread feed(InputStream in, int fd) {
        return Thread.ofPlatform().daemon().name("taipan-native-stdin").start(() -> {
            try (Arena arena = Arena.ofConfined()) {
                byte[] chunk = new byte[1 << 16];
                MemorySegment buffer = arena.allocate(chunk.length);
                int n;
                while ((n = in.read(chunk)) > 0) {
                    MemorySegment.copy(chunk, 0, buffer, JAVA_BYTE, 0, n);
                    if (!Libc.writeAll(fd, buffer.asSlice(0, n))) {
                        break;
                    }
                }
            } catch (IOException ignored) {
                // the program gets the end of its input
            } finally {
                Libc.close(fd);
            }
        });
    }
}
