package dev.taipan.rtyper.llinterp;

import static dev.taipan.rtyper.llinterp.GraphBuilder.fn;
import static dev.taipan.rtyper.llinterp.GraphBuilder.of;
import static dev.taipan.rtyper.llinterp.GraphBuilder.signed;
import static dev.taipan.rtyper.llinterp.GraphBuilder.v;
import static dev.taipan.rtyper.lloperation.LLOp.CAST_BOOL_TO_INT;
import static dev.taipan.rtyper.lloperation.LLOp.DIRECT_CALL;
import static dev.taipan.rtyper.lloperation.LLOp.FLOAT_GT;
import static dev.taipan.rtyper.lloperation.LLOp.GETFIELD;
import static dev.taipan.rtyper.lloperation.LLOp.INDIRECT_CALL;
import static dev.taipan.rtyper.lloperation.LLOp.INT_ADD;
import static dev.taipan.rtyper.lloperation.LLOp.INT_LT;
import static dev.taipan.rtyper.lloperation.LLOp.INT_MUL;
import static dev.taipan.rtyper.lloperation.LLOp.MALLOC;
import static dev.taipan.rtyper.lloperation.LLOp.PTR_EQ;
import static dev.taipan.rtyper.lloperation.LLOp.SETFIELD;
import static dev.taipan.rtyper.lltype.Primitive.BOOL;
import static dev.taipan.rtyper.lltype.Primitive.FLOAT;
import static dev.taipan.rtyper.lltype.Primitive.SIGNED;
import static dev.taipan.rtyper.lltype.Primitive.VOID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.rtyper.image.FunctionRef;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.image.Section;
import dev.taipan.rtyper.llinterp.GraphBuilder.Catch;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Struct;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Direct and indirect calls, function pointers in memory, exceptions crossing calls. */
class CallsTest {

    private static final FuncType UNARY = new FuncType(List.of(SIGNED), SIGNED);
    private static final Ptr UNARY_PTR = new Ptr(UNARY);
    /** A vtable-like table of methods, prebuilt and read-only. */
    private static final Struct METHODS = Struct.of("methods", new Field("apply", UNARY_PTR));
    private static final GcStruct HOLDER = GcStruct.of("Holder", new Field("fn", UNARY_PTR));

    private final ToyProgram toy = new ToyProgram();

    private static LowLevelGraph times(String name, long k) {
        var g = new GraphBuilder(name, SIGNED, SIGNED);
        var b = g.start();
        b.jump(g.toReturn(b.op(INT_MUL, SIGNED, b.arg(0), signed(k))));
        return g.graph();
    }

    /** Arguments of several types pass into the callee's frame; the result comes back. */
    @ParameterizedTest
    @EnumSource(HeapKind.class)
    void directCallsPassEveryKindOfValue(HeapKind heap) {
        var pick = new GraphBuilder("pick", SIGNED, FLOAT, BOOL, SIGNED);
        var p = pick.start();
        var big = p.op(CAST_BOOL_TO_INT, SIGNED, p.op(FLOAT_GT, BOOL, p.arg(0), of(1.5, FLOAT)));
        p.jump(pick.toReturn(p.op(INT_ADD, SIGNED, p.op(INT_ADD, SIGNED, big, p.op(CAST_BOOL_TO_INT, SIGNED, p.arg(1))),
                p.arg(2))));
        var caller = new GraphBuilder("caller", SIGNED, SIGNED);
        var c = caller.start();
        c.jump(caller.toReturn(c.op(DIRECT_CALL, SIGNED, pick.fn(), of(2.0, FLOAT), of(true, BOOL), c.arg(0))));
        assertThat(Running.call(heap, toy.program(caller.graph(), pick.graph()), caller.graph(), 40L)).isEqualTo(42L);
    }

    /**
     * {@code methods.apply(x) + holder.fn(x)}: one function pointer prebuilt in the image (a
     * relocation naming the graph), one stored at run time; both called through indirect_call.
     */
    @ParameterizedTest
    @EnumSource(HeapKind.class)
    void functionPointersInMemoryAreCalledIndirectly(HeapKind heap) {
        LowLevelGraph twice = times("twice", 2);
        LowLevelGraph thrice = times("thrice", 3);
        Prebuilt methods = toy.database().convert("methods", () -> new Prebuilt(METHODS, Section.RODATA),
                m -> m.field("apply").set(new FunctionRef("twice", UNARY)));
        var g = new GraphBuilder("calls", SIGNED, SIGNED);
        var b = g.start();
        var apply = b.op(GETFIELD, UNARY_PTR, of(methods, new Ptr(METHODS)), v("apply"));
        var holder = b.op(MALLOC, new Ptr(HOLDER), v(HOLDER));
        b.op(SETFIELD, holder, v("fn"), fn(thrice));
        var stored = b.op(GETFIELD, UNARY_PTR, holder, v("fn"));
        var sum = b.op(INT_ADD, SIGNED, b.op(INDIRECT_CALL, SIGNED, apply, b.arg(0), v(null)),
                b.op(INDIRECT_CALL, SIGNED, stored, b.arg(0), v(List.of(twice, thrice))));
        b.jump(g.toReturn(sum));
        try (var run = new Running(heap, toy.program(g.graph(), twice, thrice))) {
            assertThat(run.interp.call(g.graph(), 7L)).isEqualTo(35L);
            assertThat(run.interp.addressOf(twice)).isNotZero().isNotEqualTo(run.interp.addressOf(thrice));
        }
    }

    /** {@code check(x)} raises ValueError for a negative x; its caller catches it (after a KeyError link that does not match). */
    @ParameterizedTest
    @EnumSource(HeapKind.class)
    void anExceptionRaisedByTheCalleeIsCaughtByTheCaller(HeapKind heap) {
        var check = new GraphBuilder("check", SIGNED, SIGNED);
        var s = check.start();
        s.branch(s.op(INT_LT, BOOL, s.arg(0), signed(0)), check.toRaise(toy.vtable("ValueError"), toy.instance("ValueError")),
                check.toReturn(s.arg(0)));
        var middle = new GraphBuilder("middle", SIGNED, SIGNED);
        var m = middle.start();
        m.jump(middle.toReturn(m.op(DIRECT_CALL, SIGNED, check.fn(), m.arg(0))));

        var caller = new GraphBuilder("caller", SIGNED, SIGNED);
        var c = caller.start();
        var r = c.op(DIRECT_CALL, SIGNED, middle.fn(), c.arg(0));
        var handled = caller.block(ToyExceptions.INSTANCE_PTR);
        c.catching(caller.toReturn(r),
                new Catch(toy.exceptions().vtable("KeyError"), e -> caller.toReturn(signed(-2))),
                new Catch(toy.exceptions().vtable("ValueError"), e -> handled.with(e.evalue())));
        var same = handled.op(PTR_EQ, BOOL, handled.arg(0), toy.instance("ValueError"));
        handled.jump(caller.toReturn(handled.op(INT_ADD, SIGNED, signed(-100), handled.op(CAST_BOOL_TO_INT, SIGNED, same))));

        var program = toy.program(caller.graph(), middle.graph(), check.graph());
        assertThat(Running.call(heap, program, caller.graph(), 5L)).isEqualTo(5L);
        assertThat(Running.call(heap, program, caller.graph(), -5L)).isEqualTo(-99L);
        try (var run = new Running(heap, program)) {
            assertThatThrownBy(() -> run.interp.call(middle.graph(), -1L))
                    .isInstanceOfSatisfying(LLException.class, e -> {
                        assertThat(e.etype()).isEqualTo(run.interp.addressOf(toy.exceptions().vtable("ValueError")));
                        assertThat(run.interp.report(e)).endsWith("ValueError\n");
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(HeapKind.class)
    void voidArgumentsAndResultsAreAllowed(HeapKind heap) {
        var nothing = new GraphBuilder("nothing", VOID, VOID);
        nothing.start().jump(nothing.toReturn(v(null)));
        var caller = new GraphBuilder("caller", SIGNED);
        var c = caller.start();
        c.op(DIRECT_CALL, nothing.fn(), v("ignored"));
        c.jump(caller.toReturn(signed(1)));
        assertThat(Running.call(heap, toy.program(caller.graph(), nothing.graph()), caller.graph())).isEqualTo(1L);
        assertThat(Running.call(heap, toy.program(nothing.graph()), nothing.graph(), (Object) null)).isNull();
    }
}
