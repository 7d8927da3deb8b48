package dev.taipan.annotator;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.taipan.annotator.SomeValue.SomeList;
import dev.taipan.annotator.SomeValue.SomeString;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.TranslationContext;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyModule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Test support for the contracts: a program annotated from {@code entry_point(argv)} as
 * {@code taipan annotate} does it, keeping the {@link Annotator} so that a test can look at the
 * annotation of any graph or class, not only at the printed report.
 */
final class Annotating {
    final Annotator annotator;
    /** What {@code taipan annotate} prints: the signatures, then the classes. */
    final String report;

    private Annotating(Path dir, String source) {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        HostInterpreter host = new HostInterpreter(quiet, quiet, new ByteArrayInputStream(new byte[0]));
        annotator = new Annotator(new TranslationContext(host));
        PyModule module;
        try {
            module = host.importFile(Files.writeString(dir.resolve("prog.py"), source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        report = host.runInside(() -> {
            ListDef argv = new ListDef(annotator, false);
            argv.item.value = new SomeString(false, null);
            annotator.annotate((PyFunction) module.get("entry_point"), List.of(new SomeList(argv)));
            return AnnotateCommand.report(annotator);
        });
    }

    /** {@code source} (in prog.py under {@code dir}) annotated completely. */
    static Annotating program(Path dir, String source) {
        return new Annotating(dir, source);
    }

    /** The error the annotator gives for {@code source}; fails the test if there is none. */
    static AnnotatorError rejection(Path dir, String source) {
        AnnotatorError e = catchThrowableOfType(AnnotatorError.class, () -> program(dir, source));
        if (e == null) {
            throw new AssertionError("the annotator accepted the program, but it must be rejected:\n" + source);
        }
        return e;
    }

    /** The graph of the function shown as {@code name} in the report ({@code Node.__init__}, {@code f}). */
    FunctionGraph graph(String name) {
        return annotator.graphs().stream().filter(g -> annotator.displayName(g).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no function '" + name + "' was annotated; the report:\n" + report));
    }

    /** What {@code name} returns. */
    SomeValue returns(String name) {
        return annotator.returnAnnotation(graph(name));
    }

    /** The class {@code name}, as the program uses it. */
    ClassDef classdef(String name) {
        return annotator.classdefs().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no class '" + name + "' was seen; the report:\n" + report));
    }
}
