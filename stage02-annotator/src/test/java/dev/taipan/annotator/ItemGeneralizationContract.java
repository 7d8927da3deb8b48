package dev.taipan.annotator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.taipan.annotator.SomeValue.SomeBool;
import dev.taipan.annotator.SomeValue.SomeFloat;
import dev.taipan.annotator.SomeValue.SomeInteger;
import dev.taipan.annotator.SomeValue.SomeList;
import dev.taipan.annotator.SomeValue.SomeString;
import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.grading.Points;
import dev.taipan.flowgraph.host.PyFloat;
import dev.taipan.flowgraph.host.PyInt;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link Exercised#ITEM_GENERALIZATION} must do, whoever wrote it: an item grows by union
 * and holds no constant, its readers are flowed again when (and only when) it grows, and two
 * items that meet become one (union-find), with every reader that saw a narrower value flowed
 * again. Run here against {@link ListItem.Reference}; the exercises module runs the same tests
 * against a student's class ({@code exercises/stage02/ex3}). The unit tests call the component
 * directly, or through {@link ListItem}, which reports an item that cannot have one type; the
 * last tests annotate programs whose lists, dicts and attributes depend on it.
 */
@Timeout(20)
class ItemGeneralizationContract {
    @TempDir
    Path dir;

    private static ItemGeneralization items() {
        return Exercised.ITEM_GENERALIZATION.current();
    }

    /** A fresh item holding {@code s} (no readers yet). */
    private static ListItem item(SomeValue s) {
        ListItem i = new ListItem(null, "list");
        i.value = s;
        return i;
    }

    /** A block that read an item: what the annotator would flow again. */
    private static Position reader() {
        return new Position(null, new Block(List.of()));
    }

    private static final SomeInteger INT = new SomeInteger(false, false, null);
    private static final SomeInteger NONNEG = new SomeInteger(true, false, null);
    private static final SomeFloat FLOAT = new SomeFloat(null);
    private static final SomeString STR = new SomeString(false, null);

    @Test
    @Points(2)
    void anItemGrowsByUnionAndHoldsNoConstant() {
        ListItem i = item(SomeValue.IMPOSSIBLE);
        items().generalize(i, new SomeInteger(true, false, PyInt.of(1)));
        assertThat(i.value()).as("[1]: the list's items change at run time, 1 is not a constant").isEqualTo(NONNEG);
        items().generalize(i, new SomeInteger(true, false, PyInt.of(2)));
        assertThat(i.value()).isEqualTo(NONNEG);
        items().generalize(i, new SomeFloat(PyFloat.of(0.5)));
        assertThat(i.value()).isEqualTo(FLOAT);
    }

    @Test
    @Points(3)
    void theReadersAreFlowedAgainWhenTheItemGrowsAndOnlyThen() {
        ListItem i = item(SomeValue.IMPOSSIBLE);
        Position r1 = reader();
        Position r2 = reader();
        i.readers().add(r1);
        i.readers().add(r2);
        assertThat(items().generalize(i, NONNEG)).as("from nothing to int").contains(r1, r2);
        assertThat(items().generalize(i, new SomeInteger(true, false, PyInt.of(5))))
                .as("5 is already covered: flowing the readers again would never end a loop").isEmpty();
        assertThat(items().generalize(i, INT)).as("may now be negative").contains(r1, r2);
        assertThat(items().generalize(i, new SomeBool(null))).as("a bool is an int").isEmpty();
    }

    @Test
    @Points(2)
    void aStrInAListOfIntIsRejected() {
        ListItem i = item(SomeValue.IMPOSSIBLE);
        i.generalize(null, INT);
        AnnotatorError e = catchThrowableOfType(AnnotatorError.class, () -> i.generalize(null, STR));
        assertThat(e).as("ListItem reports an item that ends at the top").isNotNull();
        assertThat(e.getMessage()).contains("list of int gets a str");
    }

    @Test
    @Points(3)
    void mergedItemsAreOne() {
        ListItem a = item(INT);
        ListItem b = item(FLOAT);
        items().merge(a, b);
        assertThat(a.find()).as("one representative").isSameAs(b.find());
        assertThat(a.value()).isEqualTo(FLOAT);
        assertThat(b.value()).isEqualTo(FLOAT);
        ListDef da = new ListDef(null, false);
        ListDef db = new ListDef(null, false);
        items().merge(da.item, db.item);
        assertThat(new SomeList(da)).as("lists whose items are one are the same list annotation")
                .isEqualTo(new SomeList(db));
        items().generalize(db.item, STR);
        assertThat(da.itemValue()).as("what one list gets, the other gets").isEqualTo(STR);
    }

    @Test
    @Points(2)
    void aMergeKeepsTheReadersOfBoth() {
        ListItem a = item(NONNEG);
        ListItem b = item(NONNEG);
        Position ra = reader();
        Position rb = reader();
        a.readers().add(ra);
        b.readers().add(rb);
        items().merge(a, b);
        assertThat(items().generalize(b, FLOAT)).as("growing the merged item later").contains(ra, rb);
        assertThat(a.readers()).contains(ra, rb);
    }

    @Test
    @Points(2)
    void everyReaderThatSawANarrowerValueIsFlowedAgain() {
        ListItem floats = item(FLOAT);
        ListItem ints = item(INT);
        Position readsFloats = reader();
        Position readsInts = reader();
        floats.readers().add(readsFloats);
        ints.readers().add(readsInts);
        assertThat(items().merge(floats, ints)).as("the ints' reader, though the first item did not grow")
                .contains(readsInts);
        ListItem ints2 = item(INT);
        ListItem floats2 = item(FLOAT);
        Position readsInts2 = reader();
        ints2.readers().add(readsInts2);
        assertThat(items().merge(ints2, floats2)).as("the reader of the item that grew").contains(readsInts2);
    }

    @Test
    @Points(1)
    void mergingItemsThatAreAlreadyOneChangesNothing() {
        ListItem a = item(INT);
        ListItem b = item(INT);
        assertThat(items().merge(a, a)).isEmpty();
        items().merge(a, b);
        assertThat(items().merge(b, a)).as("merged already").isEmpty();
        assertThat(items().merge(a, b)).isEmpty();
        assertThat(a.find()).isSameAs(b.find());
    }

    @Test
    @Points(2)
    void itemsMergeThroughTheirRepresentatives() {
        ListItem a = item(INT);
        ListItem b = item(new SomeBool(null));
        ListItem c = item(FLOAT);
        items().merge(a, b);
        items().merge(b, c);      // b is no longer a representative
        assertThat(a.find()).isSameAs(b.find()).isSameAs(c.find());
        assertThat(a.value()).isEqualTo(FLOAT);
        ListItem d = item(STR);
        AnnotatorError e = catchThrowableOfType(AnnotatorError.class, () -> c.merge(d));
        assertThat(e).as("a list of float meeting a list of str").isNotNull();
        assertThat(e.getMessage()).contains("list of float gets a str");
    }

    @Test
    @Points(2)
    void aListCreatedEmptyAndAppendedIntsIsAListOfInt() {
        Annotating a = Annotating.program(dir, """
                def build(n):
                    xs = []
                    i = 0
                    while i < n:
                        xs.append(i * 2)
                        i += 1
                    return xs

                def entry_point(argv):
                    xs = build(len(argv))
                    print(xs[0])
                    return 0
                """);
        assertThat(a.report).contains("def build(n: int) -> list[int]");
    }

    @Test
    @Points(3)
    void twoListsMeetingInAVariableShareOneItem() {
        Annotating a = Annotating.program(dir, """
                def first(xs):
                    return xs[0]

                def entry_point(argv):
                    a = [1]
                    b = [2]
                    if len(argv) > 1:
                        c = a
                    else:
                        c = b
                    c.append(3)
                    b.append(2.5)
                    print(first(a))
                    return 0
                """);
        assertThat(a.report).as("a, b and c are one list annotation: b's float reaches a")
                .contains("def first(xs: list[float]) -> float");
    }

    @Test
    @Points(2)
    void anIntListReceivingAFloatBecomesAListOfFloat() {
        Annotating a = Annotating.program(dir, """
                def first(xs):
                    return xs[0]

                def entry_point(argv):
                    xs = [1, 2]
                    n = first(xs)
                    xs.append(0.5)
                    print(n)
                    return 0
                """);
        assertThat(a.report).as("first read ints before the float came: it is flowed again")
                .contains("def first(xs: list[float]) -> float");
    }

    @Test
    @Points(2)
    void aReaderOfTheAbsorbedListSeesTheMergedItem() {
        Annotating a = Annotating.program(dir, """
                def first(xs):
                    return xs[0]

                def head(xs):
                    return xs[0]

                def entry_point(argv):
                    floats = [0.5]
                    ints = [1]
                    n = head(ints)
                    m = first(floats)
                    k = first(ints)
                    print(n + m + k)
                    return 0
                """);
        // head read the ints' item; then the ints meet the floats in first's parameter, and the
        // merged item (the floats', which does not grow) is a float: head must be flowed again
        assertThat(a.report).contains("def head(xs: list[float]) -> float");
    }

    @Test
    @Points(2)
    void aListOfIntGettingAStrIsRejectedWhereTheStrArrives() {
        AnnotatorError e = Annotating.rejection(dir, """
                def entry_point(argv):
                    lst = [1, 2]
                    lst.append("three")
                    return 0
                """);
        assertThat(e.getMessage()).contains("list of int gets a str");
        assertThat(e.line).isEqualTo(3);
    }

    @Test
    @Points(2)
    void aLoopThatReadsAndAppendsReachesAFixpoint() {
        Annotating a = Annotating.program(dir, """
                def fib_list(n):
                    xs = [0, 1]
                    i = 2
                    while i < n:
                        xs.append(xs[i - 1] + xs[i - 2])
                        i += 1
                    return xs

                def entry_point(argv):
                    print(len(fib_list(10)))
                    return 0
                """);
        assertThat(a.report).contains("def fib_list(n: int) -> list[int]");
    }

    @Test
    @Points(1)
    void dictValuesAndAttributesAreSharedItemsToo() {
        Annotating a = Annotating.program(dir, """
                class Point:
                    def __init__(self):
                        self.x = 0

                def value(d):
                    return d["a"]

                def entry_point(argv):
                    p = Point()
                    p.x = 1.5
                    d = {"a": 1}
                    d["b"] = 2.5
                    print(value(d))
                    return int(p.x)
                """);
        assertThat(a.report).contains("def value(d: dict[str, float]) -> float").contains("class Point:\n    x: float\n");
    }
}
