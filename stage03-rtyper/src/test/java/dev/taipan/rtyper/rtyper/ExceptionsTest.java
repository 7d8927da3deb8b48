package dev.taipan.rtyper.rtyper;

import static dev.taipan.rtyper.rtyper.ClassesTest.constant;
import static dev.taipan.rtyper.rtyper.ClassesTest.graph;
import static dev.taipan.rtyper.rtyper.ClassesTest.ops;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.llgraph.ExceptionData;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.llinterp.LLException;
import dev.taipan.rtyper.llinterp.LLInterpreter;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.memory.Heap;
import dev.taipan.rtyper.memory.MappedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exceptions at the low level: instances like any other, exception links with vtables, checks that raise. */
class ExceptionsTest {
    @TempDir
    Path dir;

    private static final String PROGRAM = """
            from rpython.rlib.rarithmetic import ovfcheck


            class MyError(Exception):
                pass


            class Oops(ValueError):
                pass


            def oops(n):
                if n == 7:
                    raise Oops("seven")
                return n


            def add(a, b):
                return ovfcheck(a + b)


            def g(n):
                try:
                    if n > 3:
                        raise MyError()
                    x = ovfcheck(n * 2)
                    y = 10 // n
                    z = add(x, y)
                except MyError:
                    return -1
                except (OverflowError, ZeroDivisionError):
                    return -2
                return z


            def h(n):
                if n < 0:
                    raise ValueError("negative")
                return 100 % n


            def main(n):
                return g(n) + h(n) + oops(n)
            """;

    private RTyper rtyper() throws IOException {
        return RtypeCommand.rtyper(Files.writeString(dir.resolve("prog.py"), PROGRAM), "main");
    }

    private static List<Block> raising(LowLevelGraph g) {
        return g.graph().iterblocks().stream().filter(Block::canRaise).toList();
    }

    @Test
    void everyGraphIsWellFormedAndTheGraphOfOvfcheckIsGone() throws IOException {
        RTyper r = rtyper();
        r.graphs().forEach(WellFormed::check);
        assertThat(r.graphs()).extracting(LowLevelGraph::name).containsExactlyInAnyOrder("main", "g", "h", "add", "oops",
                "ll_int_py_div_zer[int, int]", "ll_int_py_div[int, int]", "ll_int_py_mod_zer[int, int]",
                "ll_int_py_mod[int, int]");
    }

    @Test
    void ovfcheckOfAnOperationIsItsOverflowCheckingTwin() throws IOException {
        RTyper r = rtyper();
        assertThat(ops(graph(r, "add"), LLOp.INT_ADD_OVF)).hasSize(1);
        assertThat(ops(graph(r, "add"), LLOp.INT_ADD)).isEmpty();
        assertThat(ops(graph(r, "g"), LLOp.INT_MUL_OVF)).hasSize(1);
        assertThat(ops(graph(r, "g"), LLOp.DIRECT_CALL)).isNotEmpty();
    }

    @Test
    void aBlockThatCanStillRaiseKeepsItsExceptionLinksWithTheVtableAsExitCase() throws IOException {
        RTyper r = rtyper();
        LowLevelGraph g = graph(r, "g");
        List<Block> blocks = raising(g);
        // int_mul_ovf, the call of the helper of // and the call of add: the comparison n > 3
        // cannot raise and lost its links
        assertThat(blocks).extracting(b -> b.operations.getLast().op())
                .containsExactlyInAnyOrder(LLOp.INT_MUL_OVF, LLOp.DIRECT_CALL, LLOp.DIRECT_CALL);
        ClassRepr root = r.classes.root;
        for (Block b : blocks) {
            for (Link l : b.exits.subList(1, b.exits.size())) {
                LLConstant exitcase = (LLConstant) l.exitcase;
                assertThat(exitcase.value()).isEqualTo(r.classes.builtin("BaseException").vtablePrebuilt);
                assertThat(g.typeOf(l.lastException)).isEqualTo(root.vtablePtr());
                assertThat(g.typeOf(l.lastExcValue)).isEqualTo(root.instancePtr());
            }
        }
    }

    @Test
    void exceptionMatchIsTheRangeCheckOfTheRaisedInstancesClass() throws IOException {
        RTyper r = rtyper();
        LowLevelGraph g = graph(r, "g");
        ClassRepr my = r.classes.all().stream().filter(c -> c.name().equals("MyError")).findFirst().orElseThrow();
        ClassRepr overflow = r.classes.builtin("OverflowError");
        ClassRepr zero = r.classes.builtin("ZeroDivisionError");
        assertThat(ops(g, LLOp.INT_SUB)).filteredOn(op -> op.args().get(1) instanceof Constant)
                .extracting(op -> constant(op, 1)).contains(my.min, overflow.min, zero.min);
        assertThat(ops(g, LLOp.INT_OR)).hasSize(1);   // the tuple (OverflowError, ZeroDivisionError)
    }

    @Test
    void aDivisorOfZeroRaisesZeroDivisionErrorFromTheHelperToTheHandlerOrTheCaller() throws IOException {
        RTyper r = rtyper();
        ClassRepr zero = r.classes.builtin("ZeroDivisionError");
        // in g, inside the try: the helper's call keeps the links to the handler
        LowLevelGraph g = graph(r, "g");
        Block division = raising(g).stream().filter(b -> PtrAndHelpersTest.callee(b.operations.getLast()).startsWith("ll_int_py_div_zer"))
                .findFirst().orElseThrow();
        assertThat(division.exits.subList(1, division.exits.size())).allMatch(l -> l.target != g.graph().exceptblock);
        // in h, no try: the helper's exception leaves h as it left the helper
        LowLevelGraph h = graph(r, "h");
        assertThat(ops(h, LLOp.DIRECT_CALL)).extracting(PtrAndHelpersTest::callee).containsExactly("ll_int_py_mod_zer[int, int]");
        assertThat(raising(h)).isEmpty();
        // the helper checks, and raises an instance of ZeroDivisionError with its message
        LowLevelGraph helper = graph(r, "ll_int_py_mod_zer[int, int]");
        assertThat(ops(helper, LLOp.INT_EQ)).hasSize(1);
        Link raise = helper.graph().iterlinks().stream().filter(l -> l.target == helper.graph().exceptblock).findFirst()
                .orElseThrow();
        assertThat(((LLConstant) ((Constant) raise.args.getFirst()).value()).value()).isEqualTo(zero.vtablePrebuilt);
        assertThat(helper.typeOf(raise.args.get(1))).isEqualTo(r.classes.root.instancePtr());
    }

    @Test
    void raiseOfABuiltinExceptionStoresItsConstantMessage() throws IOException {
        RTyper r = rtyper();
        LowLevelGraph h = graph(r, "h");
        assertThat(ops(h, LLOp.SETFIELD)).extracting(op -> constant(op, 1)).containsExactly("typeptr", "message");
        Prebuilt message = (Prebuilt) constant(ops(h, LLOp.SETFIELD).get(1), 2);
        assertThat(message.length()).isEqualTo("negative".length());
        // a class of the program that keeps BaseException's __init__ takes its message the same way
        LowLevelGraph oops = graph(r, "oops");
        assertThat(ops(oops, LLOp.SETFIELD)).extracting(op -> constant(op, 1)).containsExactly("typeptr", "message");
    }

    @Test
    void aUserExceptionIsAnInstanceWithItsFieldsRaisedWithItsOwnVtable() throws IOException {
        RTyper r = RtypeCommand.rtyper(Files.writeString(dir.resolve("user.py"), """
                class E(Exception):
                    def __init__(self, code):
                        self.code = code


                def risky(n):
                    if n == 2:
                        raise E(n * 10)
                    return n


                def main(n):
                    try:
                        r = risky(n)
                    except E as e:
                        return e.code
                    finally:
                        print(n)
                    return r
                """), "main");
        r.graphs().forEach(WellFormed::check);
        ClassRepr e = r.classes.all().stream().filter(c -> c.name().equals("E")).findFirst().orElseThrow();
        assertThat(e.parent).isSameAs(r.classes.builtin("Exception"));
        LowLevelGraph risky = graph(r, "risky");
        Link raise = risky.graph().iterlinks().stream().filter(l -> l.target == risky.graph().exceptblock).findFirst()
                .orElseThrow();
        // E has no subclass: type(e) is known now, its vtable a constant
        assertThat(((LLConstant) ((Constant) raise.args.getFirst()).value()).value()).isEqualTo(e.vtablePrebuilt);
        LowLevelGraph main = graph(r, "main");
        assertThat(raising(main)).hasSize(1);
        assertThat(ops(main, LLOp.GETFIELD)).extracting(op -> constant(op, 1)).contains("code");
        assertThat(ops(main, LLOp.DEBUG_PRINT)).hasSize(3);   // finally: on the normal path, in the handler, when re-raising
    }

    @Test
    void theExceptionDataReadsClassesAndMessagesFromTheMappedImage() throws IOException {
        RTyper r = rtyper();
        LowLevelProgram program = r.program(graph(r, "main"));
        ExceptionData data = program.exceptions();
        assertThat(program.entry().name()).isEqualTo("main");
        try (Heap heap = Heap.checked()) {
            MappedImage image = heap.map(program.image(), f -> 0x1000L);
            long zero = image.addressOf(data.vtable("ZeroDivisionError"));
            long arithmetic = image.addressOf(data.vtable("ArithmeticError"));
            long value = image.addressOf(data.vtable("ValueError"));
            assertThat(data.isSubclass(heap, zero, arithmetic)).isTrue();
            assertThat(data.isSubclass(heap, arithmetic, zero)).isFalse();
            assertThat(data.isSubclass(heap, value, arithmetic)).isFalse();
            assertThat(data.describe(heap, zero, image.addressOf(data.instance("ZeroDivisionError"))))
                    .isEqualTo("ZeroDivisionError");
        }
        // an instance the helper of % allocated, its message prebuilt in the image
        try (Heap heap = Heap.checked()) {
            LLInterpreter interp = new LLInterpreter(program, heap, System.out);
            LLException e = catchThrowableOfType(LLException.class, () -> interp.call(graph(r, "h"), 0L));
            assertThat(data.describe(heap, e.etype(), e.evalue())).isEqualTo("ZeroDivisionError: integer modulo by zero");
        }
    }
}
