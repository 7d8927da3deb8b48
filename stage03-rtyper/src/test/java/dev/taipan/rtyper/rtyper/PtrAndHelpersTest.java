package dev.taipan.rtyper.rtyper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.taipan.annotator.Annotator;
import dev.taipan.annotator.AnnotatorError;
import dev.taipan.annotator.SomeValue.SomeInteger;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.TranslationContext;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyModule;
import dev.taipan.rtyper.llannotation.LLTypeModule;
import dev.taipan.rtyper.llannotation.LowLevelTypeObject;
import dev.taipan.rtyper.llannotation.SomePtr;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llinterp.LLInterpreter;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.GcArray;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.memory.Heap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Helpers written in RPy over pointers: a helper file builds its types at import time with
 * {@code lltype}, the annotator types its pointers as {@code SomePtr} (fields, arrays, null,
 * identity), the rtyper turns them into memory operations, and the llinterp runs the result on
 * the checked heap. A wrong field is an annotation error at the helper's own line.
 */
class PtrAndHelpersTest {
    @TempDir
    Path dir;

    static final String POINTS = """
            from rpython.rtyper.lltypesystem.lltype import Signed, Float, Bool, Char, Ptr, GcStruct, GcArray
            from rpython.rtyper.lltypesystem.lltype import malloc, nullptr
            from rpython.rtyper.lltypesystem.lloperation import llop

            INTS = GcArray(Signed)
            POINT = GcStruct('POINT', ('x', Signed), ('scale', Float), ('seen', Bool), ('tag', Char),
                             ('items', Ptr(INTS)))


            def ll_make(n):
                p = malloc(POINT)
                p.x = n
                p.scale = 0.5
                p.seen = True
                p.tag = 'a'
                a = malloc(INTS, n)
                i = 0
                while i < n:
                    a[i] = i * i
                    i += 1
                p.items = a
                return p


            def ll_sum(p):
                total = 0
                a = p.items
                i = 0
                while i < len(a):
                    total += a[i]
                    i += 1
                if p.seen and p.tag == 'a':
                    total += p.x
                return total


            def ll_demo(n):
                p = ll_make(n)
                if not p:
                    return -1
                if p == nullptr(POINT):
                    return -2
                return ll_sum(p) + llop.cast_float_to_int(Signed, p.scale * 10.0)


            def ll_length(a):
                return len(a)


            def ll_alloc(T, n):
                return malloc(T, n)


            def ll_wrong(n):
                p = malloc(POINT)
                p.z = n
                return p


            SQUARES = GcStruct('SQUARES', ('x', Signed), ('items', Ptr(INTS)))


            def ll_readme(n):
                # the example of the chapter's "Helpers in RPy"
                p = malloc(SQUARES)
                p.x = n
                p.items = malloc(INTS, n + 1)
                p.items[0] = llop.int_mul(Signed, n, n)
                return p


            def ll_readme_check(n):
                p = ll_readme(n)
                return p.items[0] + len(p.items) * 1000
            """;

    private HostInterpreter host;
    private PyModule helpers;

    /** An rtyper with no program, and the helper file imported where it can see lltype. */
    private RTyper rtyper() throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        host = new HostInterpreter(quiet, quiet, new ByteArrayInputStream(new byte[0]));
        LLTypeModule.install(host);
        helpers = host.importFile(Files.writeString(dir.resolve("points.py"), POINTS));
        RTyper rtyper = new RTyper(new Annotator(new TranslationContext(host)));
        host.runInside(rtyper::specialize);
        return rtyper;
    }

    private PyFunction function(String name) {
        return (PyFunction) helpers.get(name);
    }

    /** The name of the graph a {@code direct_call} calls. */
    static String callee(SpaceOperation op) {
        return op.op() == LLOp.DIRECT_CALL && op.args().getFirst() instanceof Constant(LLConstant(LowLevelGraph g, var t))
                ? g.name() : "";
    }

    @Test
    void aHelperOverPointersIsAnnotatedWithSomePtrAndRunsInTheLLInterp() throws Exception {
        RTyper rtyper = rtyper();
        LowLevelGraph demo = rtyper.helper(function("ll_demo"), Primitive.SIGNED);
        GcStruct point = (GcStruct) ((LowLevelTypeObject) helpers.get("POINT")).lowLevelType();

        Annotator ann = rtyper.annotator();
        FunctionGraph make = ann.graphs().stream().filter(g -> ann.displayName(g).equals("ll_make[int]")).findFirst()
                .orElseThrow();
        FunctionGraph sum = ann.graphs().stream().filter(g -> ann.displayName(g).startsWith("ll_sum[")).findFirst()
                .orElseThrow();
        assertThat(ann.returnAnnotation(make)).isEqualTo(new SomePtr(new Ptr(point)));
        assertThat(ann.binding(sum.startblock.inputargs.getFirst())).isEqualTo(new SomePtr(new Ptr(point)));
        assertThat(ann.displayName(sum)).isEqualTo("ll_sum[Ptr(GcStruct POINT)]");
        assertThat(ann.returnAnnotation(sum)).isEqualTo(new SomeInteger());

        LowLevelGraph make2 = rtyper.graphs().stream().filter(g -> g.name().equals("ll_make[int]")).findFirst().orElseThrow();
        assertThat(ops(make2)).contains(LLOp.MALLOC, LLOp.MALLOC_VARSIZE, LLOp.SETFIELD, LLOp.SETARRAYITEM);
        LowLevelGraph sum2 = rtyper.graphs().stream().filter(g -> g.name().startsWith("ll_sum[")).findFirst().orElseThrow();
        assertThat(ops(sum2)).contains(LLOp.GETFIELD, LLOp.GETARRAYITEM, LLOp.GETARRAYSIZE);
        assertThat(ops(demo)).contains(LLOp.PTR_NONZERO, LLOp.PTR_EQ, LLOp.CAST_FLOAT_TO_INT);
        rtyper.graphs().forEach(WellFormed::check);

        try (Heap heap = Heap.checked()) {
            LLInterpreter interp = new LLInterpreter(rtyper.program(demo), heap, System.out);
            assertThat(interp.call(demo, 4L)).isEqualTo(0L + 1 + 4 + 9 + 4 + 5);
            assertThat(interp.call(demo, 0L)).isEqualTo(0L + 5);
        }
    }

    @Test
    void theChaptersExampleRuns() throws Exception {
        RTyper rtyper = rtyper();
        LowLevelGraph check = rtyper.helper(function("ll_readme_check"), Primitive.SIGNED);
        try (Heap heap = Heap.checked()) {
            assertThat(new LLInterpreter(rtyper.program(check), heap, System.out).call(check, 7L)).isEqualTo(49L + 8000);
        }
    }

    @Test
    void aFieldThatDoesNotExistIsAnAnnotationErrorAtTheHelpersLine() throws Exception {
        RTyper rtyper = rtyper();
        AnnotatorError e = catchThrowableOfType(AnnotatorError.class, () -> rtyper.helper(function("ll_wrong"), Primitive.SIGNED));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("GcStruct POINT has no field 'z' (its fields: x, scale, seen, tag, items)");
        assertThat(e.line).isEqualTo(56);
        assertThat(e.render()).contains("points.py:56:", "p.z = n", "in function ll_wrong", "called from Java");
    }

    @Test
    void aHelperIsSpecialisedPerLowLevelTypeOfItsArguments() throws Exception {
        RTyper rtyper = rtyper();
        Ptr ints = new Ptr(new GcArray(Primitive.SIGNED));
        Ptr chars = new Ptr(new GcArray(Primitive.CHAR));
        LowLevelGraph a = rtyper.helper(function("ll_length"), ints);
        LowLevelGraph b = rtyper.helper(function("ll_length"), chars);
        assertThat(rtyper.helper(function("ll_length"), ints)).isSameAs(a);
        assertThat(List.of(a.name(), b.name())).containsExactly("ll_length[Ptr(GcArray(Signed))]",
                "ll_length[Ptr(GcArray(Char))]");
        assertThat(b.signature().args()).containsExactly(chars);
    }

    @Test
    void aTypeIsPassedToAHelperAsAVoidConstantAndChoosesItsGraph() throws Exception {
        RTyper rtyper = rtyper();
        GcArray ints = new GcArray(Primitive.SIGNED);
        LowLevelHelpers.Helper alloc = new LowLevelHelpers.Helper("points", "ll_alloc");
        LowLevelGraph g = host.runInside(() -> {
            LowLevelGraph made = rtyper.helpers.graph(alloc, List.of(LLConstant.voidOf(ints), LLConstant.signed(3)),
                    List.of(Primitive.VOID, Primitive.SIGNED), "test");
            rtyper.specializeMore();
            return made;
        });
        assertThat(g.name()).isEqualTo("ll_alloc[GcArray(Signed), int]");
        assertThat(g.signature().args()).containsExactly(Primitive.VOID, Primitive.SIGNED);
        assertThat(g.signature().result()).isEqualTo(new Ptr(ints));
        assertThat(ops(g)).containsExactly(LLOp.MALLOC_VARSIZE);
        WellFormed.check(g);
    }

    private static List<LLOp> ops(LowLevelGraph g) {
        return g.graph().iterblocks().stream().flatMap(b -> b.operations.stream()).map(op -> (LLOp) op.op()).toList();
    }
}
