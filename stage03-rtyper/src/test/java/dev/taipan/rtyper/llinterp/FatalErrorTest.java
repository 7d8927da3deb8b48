package dev.taipan.rtyper.llinterp;

import static dev.taipan.rtyper.llinterp.GraphBuilder.of;
import static dev.taipan.rtyper.llinterp.GraphBuilder.signed;
import static dev.taipan.rtyper.llinterp.GraphBuilder.v;
import static dev.taipan.rtyper.lloperation.LLOp.CAST_POINTER;
import static dev.taipan.rtyper.lloperation.LLOp.DEBUG_ASSERT;
import static dev.taipan.rtyper.lloperation.LLOp.DIRECT_CALL;
import static dev.taipan.rtyper.lloperation.LLOp.INDIRECT_CALL;
import static dev.taipan.rtyper.lloperation.LLOp.INT_ADD;
import static dev.taipan.rtyper.lloperation.LLOp.INT_FLOORDIV;
import static dev.taipan.rtyper.lloperation.LLOp.INT_LT;
import static dev.taipan.rtyper.lltype.Primitive.BOOL;
import static dev.taipan.rtyper.lltype.Primitive.FLOAT;
import static dev.taipan.rtyper.lltype.Primitive.SIGNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.flowgraph.operation.HLOp;
import dev.taipan.rtyper.image.FunctionRef;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.image.Section;
import dev.taipan.rtyper.lloperation.UndefinedBehaviorError;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Struct;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What no correct low-level program does stops it with an LLFatalError that says what and where. */
class FatalErrorTest {

    private final ToyProgram toy = new ToyProgram();

    @Test
    void undefinedBehaviourIsFatal() {
        var g = new GraphBuilder("divide", SIGNED, SIGNED, SIGNED);
        var b = g.start();
        g.at(4);
        b.jump(g.toReturn(b.op(INT_FLOORDIV, SIGNED, b.arg(0), b.arg(1))));
        assertThatThrownBy(() -> Running.call(HeapKind.FAST, toy.program(g.graph()), g.graph(), 1L, 0L))
                .isInstanceOf(LLFatalError.class)
                .hasCauseInstanceOf(UndefinedBehaviorError.class)
                .hasMessageContaining("int_floordiv(1, 0): division by zero")
                .hasMessageContaining("line 4, in divide");
    }

    @Test
    void aFalseDebugAssertIsFatal() {
        var g = new GraphBuilder("positive", SIGNED, SIGNED);
        var b = g.start();
        b.op(DEBUG_ASSERT, b.op(INT_LT, BOOL, signed(0), b.arg(0)), v("x > 0"));
        b.jump(g.toReturn(b.arg(0)));
        var program = toy.program(g.graph());
        assertThat(Running.call(HeapKind.FAST, program, g.graph(), 3L)).isEqualTo(3L);
        assertThatThrownBy(() -> Running.call(HeapKind.FAST, program, g.graph(), -3L))
                .isInstanceOf(LLFatalError.class)
                .hasMessageContaining("debug_assert failed: x > 0");
    }

    @Test
    void aCallThroughANullFunctionPointerIsFatal() {
        var unary = new Ptr(new FuncType(List.of(SIGNED), SIGNED));
        var g = new GraphBuilder("callNull", SIGNED, SIGNED);
        var b = g.start();
        b.jump(g.toReturn(b.op(INDIRECT_CALL, SIGNED, of(null, unary), b.arg(0), v(null))));
        assertThatThrownBy(() -> Running.call(HeapKind.FAST, toy.program(g.graph()), g.graph(), 1L))
                .isInstanceOf(LLFatalError.class)
                .hasMessageContaining("call through a null function pointer");
    }

    /** {@code def forever(n): return forever(n + 1)}: stopped at a fixed depth, its traceback folded. */
    @Test
    void aRunawayRecursionIsFatalAtAFixedDepth() {
        var g = new GraphBuilder("forever", SIGNED, SIGNED);
        var b = g.start();
        g.at(2);
        b.jump(g.toReturn(b.op(DIRECT_CALL, SIGNED, g.fn(), b.op(INT_ADD, SIGNED, b.arg(0), signed(1)))));
        assertThatThrownBy(() -> Running.call(HeapKind.FAST, toy.program(g.graph()), g.graph(), 0L))
                .isInstanceOf(LLFatalError.class)
                .hasMessageContaining("stack overflow: more than " + CallStack.MAX_DEPTH + " nested low-level calls")
                .hasMessageContaining("[Previous line repeated " + (CallStack.MAX_DEPTH - 3) + " more times]");
    }

    @Test
    void aGraphThatIsNotLowLevelIsRefusedWhenFirstCalled() {
        var g = new GraphBuilder("highLevel", SIGNED, SIGNED);
        var b = g.start();
        var r = new Variable();
        g.graph().setType(r, SIGNED);
        b.block().operations.add(new SpaceOperation(HLOp.ADD, List.of(b.arg(0), b.arg(0)), r, 1));
        b.jump(g.toReturn(r));
        var caller = new GraphBuilder("caller", SIGNED, SIGNED);
        var c = caller.start();
        c.jump(caller.toReturn(c.op(DIRECT_CALL, SIGNED, g.fn(), c.arg(0))));
        var program = toy.program(caller.graph(), g.graph());
        assertThatThrownBy(() -> Running.call(HeapKind.FAST, program, g.graph(), 1L))
                .isInstanceOf(LLFatalError.class)
                .hasMessageContaining("cannot run highLevel")
                .hasMessageContaining("add is not a low-level operation");
        assertThatThrownBy(() -> Running.call(HeapKind.FAST, program, caller.graph(), 1L))
                .isInstanceOf(LLFatalError.class)
                .hasMessageContaining("caller: ")
                .hasMessageContaining("cannot run highLevel");
    }

    @Test
    void anOperandOfTheWrongTypeIsRefused() {
        var g = new GraphBuilder("mixed", SIGNED, FLOAT);
        var b = g.start();
        b.jump(g.toReturn(b.op(INT_ADD, SIGNED, b.arg(0), signed(1))));
        assertThatThrownBy(() -> Running.call(HeapKind.FAST, toy.program(g.graph()), g.graph(), 1.0))
                .isInstanceOf(LLFatalError.class)
                .hasMessageContaining("int_add (Signed, Signed) -> Signed: operand 1 is a Float");
    }

    @Test
    void aResultOfTheWrongTypeIsRefused() {
        var g = new GraphBuilder("floaty", SIGNED, SIGNED);
        var b = g.start();
        b.jump(g.toReturn(b.op(INT_ADD, FLOAT, b.arg(0), signed(1))));
        assertThatThrownBy(() -> Running.call(HeapKind.FAST, toy.program(g.graph()), g.graph(), 1L))
                .isInstanceOf(LLFatalError.class)
                .hasMessageContaining("is a Float, not a Signed");
    }

    @Test
    void aCastBetweenUnrelatedStructsIsRefused() {
        var g = new GraphBuilder("cast", SIGNED, ToyExceptions.INSTANCE_PTR);
        var b = g.start();
        b.op(CAST_POINTER, new Ptr(ToyExceptions.STR), b.arg(0));
        b.jump(g.toReturn(signed(0)));
        assertThatThrownBy(() -> Running.call(HeapKind.FAST, toy.program(g.graph()), g.graph(), (Object) null))
                .isInstanceOf(LLFatalError.class)
                .hasMessageContaining("cast_pointer from a Ptr(GcStruct Exception) to a Ptr(GcStruct rpy_string)");
    }

    @Test
    void anImageNamingAnUnknownFunctionIsRefused() {
        var type = new FuncType(List.of(), SIGNED);
        Struct table = Struct.of("table", new Field("f", new Ptr(type)));
        toy.database().convert("table", () -> new Prebuilt(table, Section.RODATA), t -> t.field("f").set(new FunctionRef("missing", type)));
        var g = new GraphBuilder("main", SIGNED);
        g.start().jump(g.toReturn(signed(0)));
        var program = toy.program(g.graph());
        assertThatThrownBy(() -> new Running(HeapKind.FAST, program))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("function missing that is not in the program");
    }
}
