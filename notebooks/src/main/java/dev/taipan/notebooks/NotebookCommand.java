package dev.taipan.notebooks;

import dev.taipan.flowgraph.TaipanError;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code taipan notebook}: Jupyter on the {@code notebooks/} folder with the Taipan kernel, and
 * {@code taipan notebook install} to add the kernel to the user's Jupyter for good.
 *
 * <p>The command lives here, not in a stage, because the kernel does: stage 01 must not depend
 * on the notebooks module. The {@code taipan} launcher runs this one command from the notebooks
 * jar (whose class path carries every stage) and every other command from the highest stage's
 * jar; {@link NotebookCommands} registers it through the same {@code CommandProvider} service
 * as every stage's commands.
 */
@Command(name = "notebook", mixinStandardHelpOptions = true,
        description = {"Open the notebooks in Jupyter (JupyterLab, or the classic Notebook) with the Taipan kernel.",
                "The kernel spec comes from the build (notebooks/target/jupyter), so nothing is installed;"
                        + " 'taipan notebook install' installs it into your Jupyter for other front ends (VS Code...)."},
        subcommands = NotebookCommand.Install.class)
final class NotebookCommand implements Callable<Integer> {
    /** Jupyter front ends, preferred first; each is an executable on PATH when installed. */
    private static final List<String> FRONT_ENDS = List.of("jupyter-lab", "jupyter-notebook");

    @Option(names = "--no-browser", description = "Start the server without opening a browser.")
    boolean noBrowser;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path folder = notebooksFolder();
        Path jupyterPath = folder.resolve("target/jupyter");
        if (!Files.exists(jupyterPath.resolve("kernels").resolve(KernelSpec.NAME).resolve("kernel.json"))) {
            throw new TaipanError("the kernel spec is missing from " + jupyterPath + ": build first (./mvnw package)");
        }
        Optional<Path> frontEnd = FRONT_ENDS.stream().map(NotebookCommand::onPath).flatMap(Optional::stream).findFirst();
        if (frontEnd.isEmpty()) {
            spec.commandLine().getErr().println("""
                    taipan notebook: Jupyter is not installed (no jupyter-lab or jupyter-notebook on PATH).
                    Install one of:
                        pip install jupyterlab                  (any system; or pipx install jupyterlab)
                        sudo apt-get install jupyter-notebook   (Debian, Ubuntu)
                    or open the .ipynb files in VS Code's Jupyter extension after 'taipan notebook install'.""");
            return 1;
        }
        List<String> command = new ArrayList<>(List.of(frontEnd.get().toString()));
        if (noBrowser) {
            command.add("--no-browser");
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(folder.toFile()).inheritIO();
        String existing = System.getenv("JUPYTER_PATH");
        pb.environment().put("JUPYTER_PATH",
                jupyterPath + (existing == null || existing.isEmpty() ? "" : File.pathSeparator + existing));
        return pb.start().waitFor();
    }

    /** {@code taipan notebook install}: a kernel spec in the user's Jupyter data directory. */
    @Command(name = "install", mixinStandardHelpOptions = true,
            description = {"Install the Taipan kernel into your Jupyter (per user), for JupyterLab, Notebook or VS Code.",
                    "The kernel runs this checkout's jars: install again after moving the checkout."})
    static final class Install implements Callable<Integer> {
        @Option(names = "--dir", paramLabel = "KERNELS_DIR",
                description = "The kernels directory to install into (default: your Jupyter's, as 'jupyter kernelspec list' shows it:"
                        + " $JUPYTER_DATA_DIR/kernels, else ~/.local/share/jupyter/kernels on Linux,"
                        + " ~/Library/Jupyter/kernels on macOS, %%APPDATA%%\\jupyter\\kernels on Windows).")
        Path dir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Path kernels = dir != null ? dir : userKernelsDirectory();
            Path file = KernelSpec.write(kernels.resolve(KernelSpec.NAME), System.getProperty("java.class.path"));
            spec.commandLine().getOut().println("installed the kernel \"" + KernelSpec.DISPLAY_NAME + "\": " + file);
            return 0;
        }
    }

    /** Jupyter's per-user data directory (jupyter_core's rules), plus {@code kernels}. */
    static Path userKernelsDirectory() {
        String dataDir = System.getenv("JUPYTER_DATA_DIR");
        if (dataDir != null && !dataDir.isEmpty()) {
            return Path.of(dataDir, "kernels");
        }
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("mac")) {
            return home.resolve("Library/Jupyter/kernels");
        }
        if (os.contains("win")) {
            return Path.of(System.getenv("APPDATA"), "jupyter", "kernels");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg == null || xdg.isEmpty() ? home.resolve(".local/share") : Path.of(xdg)).resolve("jupyter/kernels");
    }

    /** {@code notebooks/}: two levels above this module's jar ({@code notebooks/target/notebooks.jar}). */
    static Path notebooksFolder() {
        try {
            Path location = Path.of(NotebookCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .map(d -> Path.of(d, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
