package dev.taipan.x86.gen;

import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.cli.ExecStage;
import dev.taipan.flowgraph.cli.PhaseListener;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.gc.GcParams;
import dev.taipan.x86.load.InProcess;
import dev.taipan.x86.load.NativeImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --stage=x86}: the program translated to a static executable in a temporary directory
 * and run as a process of its own, its standard output, error and exit status passed through.
 * Its {@code argv[0]} is the program's path, as at every other stage (bash's {@code exec -a}
 * sets it), so a program prints the same here as under {@code --stage=host}.
 */
public final class X86Stage implements ExecStage {

    @Override
    public String name() {
        return "x86";
    }

    @Override
    public String description() {
        return "a static x86-64 executable with its collector (--gc=...), run as a process";
    }

    @Override
    public int run(Path file, List<String> args, PrintStream out, PrintStream err, InputStream in) {
        return run(file, args, ExecOptions.DEFAULT, out, err, in);
    }

    @Override
    public int run(Path file, List<String> args, ExecOptions options, PrintStream out, PrintStream err, InputStream in) {
        if (options.checked()) {
            throw new TaipanError("--checked is the llinterp's; a native executable has no checked heap");
        }
        return run(new HostInterpreter(out, err, in), file, args, options, out, err, in);
    }

    /** Translates FILE on {@code host} and runs it in {@code host}'s working directory. */
    public static int run(HostInterpreter host, Path file, List<String> args, ExecOptions options, PrintStream out,
                          PrintStream err, InputStream in) {
        if (options.inProcess()) {
            return runInProcess(host, file, args, options, out, err, in);
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("taipan-x86-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path exe = dir.resolve(stem(file));
        try {
            Translation.translate(host, file, exe, options.gc(), options.opt(), GcParams.of(options, GcParams.NATIVE),
                    PhaseListener.NONE);
            return execute(exe, file.toString(), args, host.workingDirectory(), out, err, in);
        } finally {
            try {
                Files.deleteIfExists(exe);
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // a temporary file left behind is no reason to fail the run
            }
        }
    }

    /**
     * {@code --in-process}: the linked program loaded into this JVM ({@link NativeImage}) and its
     * {@code main} run there ({@link InProcess}). The program's relative paths are the JVM's
     * working directory's, the one thing a process of its own would have differently.
     */
    private static int runInProcess(HostInterpreter host, Path file, List<String> args, ExecOptions options,
                                    PrintStream out, PrintStream err, InputStream in) {
        Translation.Linked linked = Translation.link(host, file, options.gc(), options.opt(),
                GcParams.of(options, GcParams.NATIVE), PhaseListener.NONE, List.of());
        List<String> argv = new ArrayList<>();
        argv.add(file.toString());
        argv.addAll(args);
        try (NativeImage image = NativeImage.load(linked.program())) {
            return InProcess.run(image, linked.main(), argv, out, err, in);
        }
    }

    /** Runs {@code exe} with {@code argv[0] = argv0}; the streams are copied while it runs. */
    static int execute(Path exe, String argv0, List<String> args, Path workingDirectory, PrintStream out, PrintStream err,
                       InputStream in) {
        List<String> command = new ArrayList<>(List.of("/bin/bash", "-c", "exec -a \"$0\" \"$@\"", argv0,
                exe.toAbsolutePath().toString()));
        command.addAll(args);
        out.flush();
        Process p;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
            if (in == System.in) {
                builder.redirectInput(ProcessBuilder.Redirect.INHERIT);   // the terminal, or whatever the JVM was given
            }
            p = builder.start();
        } catch (IOException x) {
            throw new TaipanError("cannot run " + exe + ": " + x.getMessage(), x);
        }
        try {
            Thread o = pump(p.getInputStream(), out);
            Thread e = pump(p.getErrorStream(), err);
            Thread i = Thread.ofPlatform().daemon().start(() -> {
                try (OutputStream stdin = p.getOutputStream()) {
                    if (in != System.in) {
                        in.transferTo(stdin);
                    }
                } catch (IOException ignored) {
                    // the program closed its stdin, or ended
                }
            });
            int status = p.waitFor();
            o.join();
            e.join();
            i.interrupt();
            out.flush();
            err.flush();
            return status;
        } catch (InterruptedException x) {
            p.destroyForcibly();   // a caller that gives up (a timeout) must not leave the process running
            Thread.currentThread().interrupt();
            throw new TaipanError("interrupted while running " + exe, x);
        }
    }

    private static Thread pump(InputStream from, PrintStream to) {
        return Thread.ofPlatform().daemon().start(() -> {
            try {
                byte[] buf = new byte[8192];
                int n;
                while ((n = from.read(buf)) > 0) {
                    to.write(buf, 0, n);
                    to.flush();
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".py") ? name.substring(0, name.length() - 3) : name + ".out";
    }
}
