package dev.taipan.rtyper.rtyper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.rtyper.image.FunctionRef;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classes at the low level: the two structs of each class, the numbering, the prebuilt vtables, and the graphs over them. */
class ClassesTest {
    @TempDir
    Path dir;

    static final String SHAPES = """
            class Shape:
                kind = 1

                def __init__(self, n):
                    self.n = n

                def area(self):
                    return self.n

                def scale(self, k):
                    return self.n * k


            class Square(Shape):
                kind = 2

                def __init__(self, n, side):
                    Shape.__init__(self, n)
                    self.side = side

                def area(self):
                    return self.side * self.side


            class Circle(Shape):
                pass


            def make(n):
                if n > 0:
                    return Square(n, 3)
                if n < -5:
                    return Circle(n)
                return Shape(n)


            def f(n):
                s = make(n)
                t = s.area() + s.scale(2) + s.kind
                if isinstance(s, Square):
                    t += s.side
                if s is None or s == make(0) or not s:
                    return 0
                return t
            """;

    private RTyper rtyper(String source, String function) throws IOException {
        return RtypeCommand.rtyper(Files.writeString(dir.resolve("prog.py"), source), function);
    }

    static LowLevelGraph graph(RTyper r, String name) {
        return r.graphs().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    static List<SpaceOperation> ops(LowLevelGraph g) {
        return g.graph().iterblocks().stream().flatMap(b -> b.operations.stream()).toList();
    }

    static List<SpaceOperation> ops(LowLevelGraph g, LLOp op) {
        return ops(g).stream().filter(o -> o.op() == op).toList();
    }

    static Object constant(SpaceOperation op, int i) {
        return ((LLConstant) ((Constant) op.args().get(i)).value()).value();
    }

    private static ClassRepr cls(RTyper r, String name) {
        return r.classes.all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void anInstanceStructInlinesItsParentFirstThenItsOwnFields() throws IOException {
        RTyper r = rtyper(SHAPES, "f");
        ClassRepr shape = cls(r, "Shape");
        ClassRepr square = cls(r, "Square");
        assertThat(shape.instance.fields()).containsExactly(new Field("super", ClassRepr.OBJECT),
                new Field("n", Primitive.SIGNED));
        assertThat(square.instance.fields()).containsExactly(new Field("super", shape.instance),
                new Field("side", Primitive.SIGNED));
        assertThat(square.instance.startsWith(ClassRepr.OBJECT)).isTrue();
        assertThat(ClassRepr.OBJECT.fields()).containsExactly(new Field("typeptr", new Ptr(ClassRepr.OBJECT_VTABLE)));
    }

    @Test
    void aVtableInlinesItsParentsThenOneSlotPerAttributeReadOnInstances() throws IOException {
        RTyper r = rtyper(SHAPES, "f");
        ClassRepr shape = cls(r, "Shape");
        ClassRepr square = cls(r, "Square");
        assertThat(ClassRepr.OBJECT_VTABLE.fields()).extracting(Field::name)
                .containsExactly("subclassrange_min", "subclassrange_max", "name");
        assertThat(shape.vtable.fields().getFirst()).isEqualTo(new Field("super", ClassRepr.OBJECT_VTABLE));
        FuncType area = new FuncType(List.of(shape.instancePtr()), Primitive.SIGNED);
        assertThat(shape.vtable.fields()).contains(new Field("area", new Ptr(area)), new Field("kind", Primitive.SIGNED));
        assertThat(square.vtable.fields()).containsExactly(new Field("super", shape.vtable));
    }

    @Test
    void classesAreNumberedDepthFirstSoThatSubclassesAreARange() throws IOException {
        RTyper r = rtyper(SHAPES, "f");
        ClassRepr shape = cls(r, "Shape");
        for (ClassRepr c : r.classes.all()) {
            boolean inRange = shape.min <= c.min && c.min < shape.max;
            assertThat(inRange).as(c.name()).isEqualTo(c.isSubclassOf(shape));
            assertThat(c.min).isLessThan(c.max);
        }
        ClassRepr arithmetic = r.classes.builtin("ArithmeticError");
        ClassRepr zero = r.classes.builtin("ZeroDivisionError");
        assertThat(arithmetic.min <= zero.min && zero.min < arithmetic.max).isTrue();
        assertThat(cls(r, "Square").max - cls(r, "Square").min).isEqualTo(1);
    }

    @Test
    void eachClassHasOnePrebuiltVtableWithItsOwnMethodsAndValues() throws IOException {
        RTyper r = rtyper(SHAPES, "f");
        ClassRepr shape = cls(r, "Shape");
        ClassRepr square = cls(r, "Square");
        ClassRepr circle = cls(r, "Circle");
        assertThat(((FunctionRef) square.vtableField(shape, "area").get()).name()).isEqualTo("Square.area");
        assertThat(((FunctionRef) shape.vtableField(shape, "area").get()).name()).isEqualTo("Shape.area");
        assertThat(((FunctionRef) circle.vtableField(shape, "area").get()).name()).isEqualTo("Shape.area");
        assertThat(square.vtableField(shape, "kind").get()).isEqualTo(2L);
        assertThat(circle.vtableField(shape, "kind").get()).isEqualTo(1L);
        assertThat(square.vtableField(r.classes.root, "subclassrange_min").get()).isEqualTo(square.min);
        Prebuilt name = (Prebuilt) square.vtableField(r.classes.root, "name").get();
        assertThat(name.length()).isEqualTo("Square".length());
        assertThat(name.field("chars").item(0).get()).isEqualTo('S');
        assertThat(r.graphs().stream().map(LowLevelGraph::name)).contains("Square.area", "Shape.area");
    }

    @Test
    void instantiationMallocsSetsTheTypeptrAndCallsInit() throws IOException {
        RTyper r = rtyper(SHAPES, "f");
        LowLevelGraph make = graph(r, "make");
        List<SpaceOperation> mallocs = ops(make, LLOp.MALLOC);
        assertThat(mallocs).extracting(op -> constant(op, 0))
                .containsExactlyInAnyOrder(cls(r, "Square").instance, cls(r, "Circle").instance, cls(r, "Shape").instance);
        List<SpaceOperation> typeptrs = ops(make, LLOp.SETFIELD);
        assertThat(typeptrs).hasSize(3).allSatisfy(op -> assertThat(constant(op, 1)).isEqualTo("typeptr"));
        assertThat(typeptrs).extracting(op -> constant(op, 2)).contains(cls(r, "Square").vtablePrebuilt);
        assertThat(ops(make, LLOp.DIRECT_CALL)).extracting(op -> ((LowLevelGraph) constant(op, 0)).name())
                .containsExactlyInAnyOrder("Square.__init__", "Shape.__init__", "Shape.__init__");
        // Square.__init__ calls Shape.__init__ on itself, seen as a Shape: an upcast
        LowLevelGraph init = graph(r, "Square.__init__");
        assertThat(ops(init, LLOp.CAST_POINTER)).hasSize(1);
        assertThat(ops(init, LLOp.SETFIELD)).extracting(op -> constant(op, 1)).containsExactly("side");
    }

    @Test
    void aMethodWithOverridesIsCalledThroughItsVtableSlotAnOtherDirectly() throws IOException {
        RTyper r = rtyper(SHAPES, "f");
        LowLevelGraph f = graph(r, "f");
        List<SpaceOperation> indirect = ops(f, LLOp.INDIRECT_CALL);
        assertThat(indirect).hasSize(1);
        SpaceOperation call = indirect.getFirst();
        assertThat(f.typeOf(call.args().getFirst())).isEqualTo(new Ptr(new FuncType(List.of(cls(r, "Shape").instancePtr()),
                Primitive.SIGNED)));
        @SuppressWarnings("unchecked")
        List<LowLevelGraph> targets = (List<LowLevelGraph>) constant(call, call.args().size() - 1);
        assertThat(targets).extracting(LowLevelGraph::name).containsExactlyInAnyOrder("Square.area", "Shape.area");
        assertThat(ops(f, LLOp.GETFIELD)).extracting(op -> constant(op, 1)).contains("typeptr", "area", "kind", "side",
                "subclassrange_min");
        assertThat(ops(f, LLOp.DIRECT_CALL)).extracting(op -> ((LowLevelGraph) constant(op, 0)).name())
                .contains("Shape.scale", "make");
        // every method in the slot takes a Shape; the override casts it down on entry
        LowLevelGraph override = graph(r, "Square.area");
        assertThat(override.signature()).isEqualTo(new FuncType(List.of(cls(r, "Shape").instancePtr()), Primitive.SIGNED));
        Block start = override.graph().startblock;
        assertThat(start.operations).extracting(SpaceOperation::op).containsExactly(LLOp.CAST_POINTER);
        assertThat(override.typeOf(start.operations.getFirst().result())).isEqualTo(cls(r, "Square").instancePtr());
    }

    @Test
    void isinstanceIsOneUnsignedComparisonOfTheSubclassRange() throws IOException {
        RTyper r = rtyper(SHAPES, "f");
        LowLevelGraph f = graph(r, "f");
        ClassRepr square = cls(r, "Square");
        assertThat(ops(f, LLOp.INT_SUB)).extracting(op -> constant(op, 1)).contains(square.min);
        assertThat(ops(f, LLOp.UINT_LT)).extracting(op -> constant(op, 1)).contains(square.max - square.min);
    }

    @Test
    void identityEqualityAndTruthOfInstancesArePointerOperations() throws IOException {
        LowLevelGraph f = graph(rtyper(SHAPES, "f"), "f");
        assertThat(ops(f, LLOp.PTR_ISZERO)).hasSize(1);
        assertThat(ops(f, LLOp.PTR_EQ)).hasSize(1);
        assertThat(ops(f, LLOp.PTR_NONZERO)).hasSize(1);
    }

    @Test
    void isinstanceOfAValueThatMayBeNoneReadsTheVtableOnlyWhereItIsNot() throws IOException {
        RTyper r = rtyper("""
                class A:
                    pass


                class B(A):
                    pass


                def maybe(n):
                    if n > 1:
                        return B()
                    if n > 0:
                        return A()
                    return None


                def check(n):
                    if isinstance(maybe(n), B):
                        return 1
                    return 0
                """, "check");
        LowLevelGraph check = graph(r, "check");
        WellFormed.check(check);
        Block start = check.graph().startblock;
        assertThat(start.operations.getLast().op()).isEqualTo(LLOp.PTR_NONZERO);
        assertThat(start.operations).extracting(SpaceOperation::op).doesNotContain(LLOp.GETFIELD);
        assertThat(start.exits.get(0).args.getLast()).isEqualTo(LLConstant.of(false, Primitive.BOOL));
        assertThat(ops(check, LLOp.UINT_LT)).hasSize(1);
    }

    @Test
    void aClassAttributeIsTheInitialValueOfTheInstanceFieldOfItsName() throws IOException {
        RTyper r = rtyper("""
                class Counter:
                    count = 5

                    def bump(self):
                        self.count += 1
                        return self.count


                def f(n):
                    return Counter().bump()
                """, "f");
        List<SpaceOperation> stores = ops(graph(r, "f"), LLOp.SETFIELD);
        assertThat(stores).extracting(op -> constant(op, 1)).containsExactly("typeptr", "count");
        assertThat(constant(stores.get(1), 2)).isEqualTo(5L);
    }

    @Test
    void aSlotTakesItsTypeFromTheMethodsThatReturnNotFromOneThatAlwaysRaises() throws IOException {
        RTyper r = rtyper("""
                class Op:
                    def run(self, x):
                        raise NotImplementedError


                class Neg(Op):
                    def run(self, x):
                        return -x


                class Twice(Op):
                    def run(self, x):
                        return 2 * x


                def go(n):
                    op = Neg() if n > 0 else Twice()
                    return op.run(n)
                """, "go");
        r.graphs().forEach(WellFormed::check);
        ClassRepr op = cls(r, "Op");
        assertThat(op.slots.get("run")).isEqualTo(new Ptr(new FuncType(List.of(op.instancePtr(), Primitive.SIGNED),
                Primitive.SIGNED)));
        SpaceOperation call = ops(graph(r, "go"), LLOp.INDIRECT_CALL).getFirst();
        @SuppressWarnings("unchecked")
        List<LowLevelGraph> targets = (List<LowLevelGraph>) constant(call, call.args().size() - 1);
        assertThat(targets).extracting(LowLevelGraph::name).containsExactly("Neg.run", "Op.run", "Twice.run");
        assertThat(graph(r, "go").typeOf(call.result())).isEqualTo(Primitive.SIGNED);
    }

    @Test
    void everyGraphIsWellFormedAndFullyTyped() throws IOException {
        RTyper r = rtyper(SHAPES, "f");
        r.graphs().forEach(WellFormed::check);
        for (LowLevelGraph g : r.graphs()) {
            for (Block b : g.graph().iterblocks()) {
                for (SpaceOperation op : b.operations) {
                    if (op.op() == LLOp.GETFIELD || op.op() == LLOp.SETFIELD) {
                        assertThat(g.typeOf(op.args().getFirst())).as(op.toString()).isInstanceOf(Ptr.class);
                    }
                }
            }
        }
    }
}
