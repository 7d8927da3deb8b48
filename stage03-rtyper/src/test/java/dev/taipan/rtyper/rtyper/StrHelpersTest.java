package dev.taipan.rtyper.rtyper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.taipan.annotator.Annotator;
import dev.taipan.annotator.AnnotatorError;
import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.flow.TranslationContext;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyModule;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.rtyper.llannotation.LLTypeModule;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llinterp.LLInterpreter;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.memory.Heap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations on strs, each a helper of {@code rpython/rtyper/rstr.py} over interior
 * pointers: a program that applies every one to a grid of strings (empty, one char, quotes,
 * escapes, negative and out-of-range slice bounds and steps, ints from 0 to the smallest word,
 * literals int() accepts and refuses) prints the same lines on the host and at the low level,
 * on the checked heap.
 */
class StrHelpersTest {
    @TempDir
    Path dir;

    @Test
    void everyStrOperationAgreesWithTheHostOnAGridOfInputs() throws Exception {
        Path grid;
        try (InputStream in = StrHelpersTest.class.getResourceAsStream("/rstr/grid.py")) {
            grid = Files.write(dir.resolve("grid.py"), in.readAllBytes());
        }
        String host = onHost(grid);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int status = LLStage.run(interpreter(o, e), grid, List.of(), new ExecOptions(true), o, e);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(status).isZero();
        assertThat(host.lines().count()).isGreaterThan(1000);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(host);
    }

    private static HostInterpreter interpreter(PrintStream out, PrintStream err) {
        return new HostInterpreter(out, err, new ByteArrayInputStream(new byte[0]));
    }

    private static String onHost(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        HostInterpreter host = interpreter(o, o);
        PyFunction entry = (PyFunction) host.importFile(file).get("entry_point");
        host.call(entry, List.of(new dev.taipan.flowgraph.host.PyList(List.of(PyStr.of("grid.py")))));
        return out.toString(StandardCharsets.UTF_8);
    }

    static final String INTERIOR = """
            from rpython.rtyper.lltypesystem.lltype import Signed, Char, STR, GcStruct, Struct, Ptr, malloc
            from rpython.rtyper.lltypesystem.lloperation import llop

            INNER = Struct('INNER', ('a', Signed))
            OUTER = GcStruct('OUTER', ('inner', INNER))


            def ll_letters(n):
                s = malloc(STR, n)
                chars = s.chars
                i = 0
                while i < len(chars):
                    chars[i] = llop.cast_int_to_char(Char, 97 + i)
                    i += 1
                return s


            def ll_sum(n):
                s = ll_letters(n)
                total = 0
                i = 0
                while i < len(s.chars):
                    total += llop.cast_char_to_int(Signed, s.chars[i])
                    i += 1
                return total


            def ll_store_int(n):
                s = malloc(STR, 1)
                s.chars[0] = n
                return s


            def ll_inner(n):
                p = malloc(OUTER)
                return p.inner
            """;

    private RTyper rtyper(PyModule[] module) throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        HostInterpreter host = new HostInterpreter(quiet, quiet, new ByteArrayInputStream(new byte[0]));
        LLTypeModule.install(host);
        module[0] = host.importFile(Files.writeString(dir.resolve("interior.py"), INTERIOR));
        RTyper rtyper = new RTyper(new Annotator(new TranslationContext(host)));
        host.runInside(rtyper::specialize);
        return rtyper;
    }

    @Test
    void theCharsOfAStringAreReachedThroughAnInteriorPointer() throws Exception {
        PyModule[] m = new PyModule[1];
        RTyper rtyper = rtyper(m);
        LowLevelGraph sum = rtyper.helper((PyFunction) m[0].get("ll_sum"), Primitive.SIGNED);
        try (Heap heap = Heap.checked()) {
            assertThat(new LLInterpreter(rtyper.program(sum), heap, System.out).call(sum, 3L)).isEqualTo(97L + 98 + 99);
        }
        LowLevelGraph letters = rtyper.helper((PyFunction) m[0].get("ll_letters"), Primitive.SIGNED);
        List<LLOp> ops = letters.graph().iterblocks().stream().flatMap(b -> b.operations.stream())
                .map(op -> (LLOp) op.op()).toList();
        assertThat(ops).contains(LLOp.MALLOC_VARSIZE, LLOp.GETINTERIORARRAYSIZE, LLOp.SETINTERIORFIELD)
                .doesNotContain(LLOp.GETFIELD, LLOp.GETARRAYSIZE);
    }

    @Test
    void aWrongItemOrAnInlinedStructIsAnAnnotationError() throws Exception {
        PyModule[] m = new PyModule[1];
        RTyper rtyper = rtyper(m);
        AnnotatorError e = catchThrowableOfType(AnnotatorError.class,
                () -> rtyper.helper((PyFunction) m[0].get("ll_store_int"), Primitive.SIGNED));
        assertThat(e.getMessage()).contains("an item of GcStruct rpy_string.chars holds a Char, not an int");
        AnnotatorError inner = catchThrowableOfType(AnnotatorError.class,
                () -> rtyper.helper((PyFunction) m[0].get("ll_inner"), Primitive.SIGNED));
        assertThat(inner.getMessage()).contains("field 'inner' of GcStruct OUTER inlines a Struct INNER");
    }
}
