package dev.taipan.notebooks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Whether the Jupyter client that CI uses is here: Debian's {@code python3-nbclient},
 * {@code python3-nbformat} and {@code jupyter-client}, seen by {@code /usr/bin/python3} (the
 * system Python, not a pyenv one on PATH that lacks Debian's packages).
 */
final class Jupyter {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final boolean AVAILABLE = probe();

    private Jupyter() {
    }

    static boolean available() {
        return AVAILABLE;
    }

    /** Why the Jupyter path does not run, and how to make it run. */
    static String missing() {
        return "Jupyter's client is not installed (/usr/bin/python3 with nbclient, nbformat and jupyter_client;"
                + " on Debian: apt-get install python3-nbclient python3-nbformat jupyter-client)";
    }

    private static boolean probe() {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import nbclient, nbformat, jupyter_client")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
