package dev.taipan.flowgraph.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared corpus ({@code stage01-flowgraph/corpus}): the programs every stage must run with
 * the same output. Stage 01's tests run it on the host interpreter; a later stage depends on
 * stage 01's test-jar and runs the same programs through its own pipeline:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> corpus() {
 *     return Corpus.locate().programs(Corpus.Folder.RPY).stream().map(p ->
 *             DynamicTest.dynamicTest(p.name(), p.path().toUri(), () -> p.assertPasses(runMyStage(p))));
 * }
 * }</pre>
 *
 * The programs are files, not class-path resources, because they import helper modules next
 * to them and the support package from {@link #supportPath()}, exactly as on CPython.
 */
public final class Corpus {

    /** The two kinds of program (see {@code corpus/README.md}). */
    public enum Folder {
        /** RPy programs with an {@code entry_point}: run at every stage. */
        RPY("rpy"),
        /** Host-only Python, run as {@code __main__}: the host stage (and CPython) only. */
        PYTHON("python");

        private final String directory;

        Folder(String directory) {
            this.directory = directory;
        }

        public String directory() {
            return directory;
        }
    }

    /** Overrides where the corpus is, for a build that moves it: {@code -Dtaipan.corpus=DIR}. */
    public static final String LOCATION_PROPERTY = "taipan.corpus";
    private static final String MODULE = "stage01-flowgraph";

    private final Path root;

    private Corpus(Path root) {
        this.root = root;
    }

    /** The corpus of a given folder (holding {@code rpy/} and {@code python/}). */
    public static Corpus at(Path root) {
        return new Corpus(root.toAbsolutePath().normalize());
    }

    /**
     * Finds the corpus from the working directory, which Maven sets to the module under test:
     * {@code corpus/} in stage 01 itself, {@code ../stage01-flowgraph/corpus} from any other
     * stage, or the repository's {@code stage01-flowgraph/corpus} from the top.
     */
    public static Corpus locate() {
        String property = System.getProperty(LOCATION_PROPERTY);
        if (property != null) {
            return at(Path.of(property));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path own = dir.resolve("corpus");
            if (dir.getFileName() != null && dir.getFileName().toString().equals(MODULE) && isCorpus(own)) {
                return at(own);
            }
            Path sibling = dir.resolve(MODULE).resolve("corpus");
            if (isCorpus(sibling)) {
                return at(sibling);
            }
        }
        throw new IllegalStateException("cannot find " + MODULE + "/corpus from " + Path.of("").toAbsolutePath()
                + "; set -D" + LOCATION_PROPERTY + "=DIR");
    }

    private static boolean isCorpus(Path dir) {
        return Files.isDirectory(dir.resolve("rpy")) && Files.isDirectory(dir.resolve("python"));
    }

    public Path root() {
        return root;
    }

    /**
     * The folder holding the {@code rpython} support package ({@code rpython.rlib.jit}, ...),
     * which a runner puts on the import path (CPython: {@code PYTHONPATH}).
     */
    public Path supportPath() {
        return root.resolveSibling("src").resolve("main").resolve("resources");
    }

    /** Every program, {@code rpy/} first, each folder sorted by name. */
    public List<CorpusProgram> programs() {
        return Stream.of(Folder.values()).flatMap(f -> programs(f).stream()).toList();
    }

    /** The programs of one folder, sorted by name; {@code _*.py} are helper modules, not programs. */
    public List<CorpusProgram> programs(Folder folder) {
        try (Stream<Path> files = Files.list(root.resolve(folder.directory()))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".py"))
                    .filter(p -> !p.getFileName().toString().startsWith("_"))
                    .sorted()
                    .map(p -> CorpusProgram.read(folder, p))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root.resolve(folder.directory()), e);
        }
    }
}
