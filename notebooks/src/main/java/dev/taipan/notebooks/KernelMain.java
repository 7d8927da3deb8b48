package dev.taipan.notebooks;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * The kernel process: {@code java ... dev.taipan.notebooks.KernelMain CONNECTION_FILE}, as
 * {@code kernel.json}'s {@code argv} says. Jupyter writes the connection file (ports and the
 * message-signing key) and starts one such JVM per open notebook.
 */
public final class KernelMain {
    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: KernelMain CONNECTION_FILE   (Jupyter starts the kernel; see notebooks/README.md)");
            System.exit(2);
        }
        var properties = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        var connection = new JupyterConnection(properties);
        TaipanKernel kernel = TaipanKernel.start();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        kernel.onStartup();
        connection.waitUntilClose();
        // A runaway program in a cell may have left a non-daemon thread behind; the kernel's
        // life ends with its connection regardless.
        System.exit(0);
    }
}
