package dev.taipan.annotator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.flow.TranslationContext;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyModule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Typing rules for the library RPy programs use: the {@code math} and {@code os} modules, bytes
 * at the {@code os} boundary, {@code r_uint} constants, dict copies and defaults, {@code type()}
 * and class attributes that subclasses override. Each was found wanting by a corpus program or
 * by the soundness check.
 */
class LibraryTypingTest extends ProgramTest {
    @Test
    void mathTakesNumbersAndGivesFloatsOrIntsForRounding() throws IOException {
        String out = annotate("""
                import math

                def norm(x, y):
                    return math.sqrt(x * x + y * y)

                def cells(x):
                    return math.floor(x) + math.ceil(x)

                def entry_point(argv):
                    print("%.2f %d %s" % (norm(3, 4.0), cells(2.5), str(math.isnan(math.pi))))
                    return 0
                """);
        assertThat(out).contains("def norm(x: int, y: float) -> float").contains("def cells(x: float) -> int");
        assertThat(reject("""
                import math

                def entry_point(argv):
                    return int(math.sqrt(argv[0]))
                """).getMessage()).contains("math.sqrt() takes numbers, not a str");
    }

    @Test
    void osMovesBytesAndStrsCrossAsEncodeAndDecode() throws IOException {
        String out = annotate("""
                import os

                def save(path, text):
                    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o644)
                    n = os.write(fd, text.encode())
                    os.close(fd)
                    return n

                def load(path):
                    fd = os.open(path, os.O_RDONLY, 0)
                    data = os.read(fd, 100)
                    os.close(fd)
                    os.unlink(path)
                    return data

                def entry_point(argv):
                    save("/tmp/x", "hello")
                    data = load("/tmp/x")
                    first = data[0]
                    print(data.decode() + " " + str(first) + " " + (data + b"!")[1:].decode())
                    return 0
                """);
        assertThat(out).contains("def save(path: str, text: str) -> int").contains("def load(path: str) -> bytes");
        assertThat(reject("""
                import os

                def entry_point(argv):
                    os.write(1, "text")
                    return 0
                """).getMessage()).contains("os.write() takes bytes, not a str: write s.encode()");
    }

    @Test
    void anRUintConstantIsUnsigned() throws IOException {
        String out = annotate("""
                from rpython.rlib.rarithmetic import r_uint, intmask

                SEED = r_uint(2166136261)

                def seed():
                    return SEED

                def entry_point(argv):
                    print("%d" % intmask(seed() * r_uint(3)))
                    return 0
                """);
        assertThat(out).contains("def seed() -> r_uint");
    }

    @Test
    void dictCopiesUpdatesAndPopWithADefault() throws IOException {
        String out = annotate("""
                def copy(d):
                    return dict(d)

                def merged(a, b):
                    a.update(b)
                    return a

                def take(d, k):
                    return d.pop(k, 0.5)

                def entry_point(argv):
                    d = {"a": 1}
                    e = merged({}, copy(d))
                    print(str(take(e, "b")))
                    return 0
                """);
        assertThat(out).contains("def copy(d: dict[str, int]) -> dict[str, int]")
                .contains("def merged(a: dict[str, int], b: dict[str, int]) -> dict[str, int]")
                .contains("def take(d: dict[str, int], k: str) -> float");
    }

    /**
     * {@code in}, {@code remove}, {@code index} and {@code count} compare their argument with the
     * items: an instance of a sibling class widens the items to the common base (the rtyper
     * could not convert it otherwise); a number does not widen a list of ints.
     */
    @Test
    void searchingAListForASiblingWidensItsItemsToTheCommonBase() throws IOException {
        String out = annotate("""
                class Shape(object):
                    pass

                class Square(Shape):
                    pass

                class Circle(Shape):
                    pass

                def has(items):
                    return Circle() in items

                def drop(items):
                    items.remove(Circle())
                    return items

                def where(items):
                    return items.index(Circle()) + items.count(Circle())

                def numbers():
                    return [1, 2]

                def entry_point(argv):
                    a = [Square()]
                    b = [Square(), Square()]
                    c = [Square()]
                    n = numbers()
                    print(has(a), len(drop(b)), where(c), 1.5 in n)
                    return 0
                """);
        assertThat(out).contains("def has(items: list[Shape]) -> bool")
                .contains("def drop(items: list[Shape]) -> list[Shape]")
                .contains("def where(items: list[Shape]) -> int")
                .contains("def numbers() -> list[int]");
    }

    @Test
    void popLikeGetMakesItsKeyAKeyOfTheDict() throws IOException {
        String out = annotate("""
                def take(d, k):
                    return d.pop(k, 3)

                def entry_point(argv):
                    print(take({}, len(argv)))
                    return 0
                """);
        assertThat(out).contains("def take(d: dict[int, Never], k: int) -> int");
    }

    @Test
    void sumOfBoolsIsAnIntAndSumOfNothingIsZero() throws IOException {
        String out = annotate("""
                def count(flags):
                    return sum(flags)

                def nothing():
                    return sum([])

                def entry_point(argv):
                    print("%d %d" % (count([True, False]), nothing()))
                    return 0
                """);
        assertThat(out).contains("def count(flags: list[bool]) -> int").contains("def nothing() -> int");
    }

    @Test
    void enumerateCountsFromItsStartWhichMayBeNegative() throws IOException {
        Path f = dir.resolve("prog.py");
        Files.writeString(f, """
                def first(words, start):
                    for i, w in enumerate(words, start):
                        return i
                    return 0

                def count(words):
                    for i, w in enumerate(words):
                        return i
                    return 0

                def entry_point(argv):
                    print("%d" % (first(["a"], -1) + count(argv)))
                    return 0
                """);
        HostInterpreter host = new HostInterpreter(System.out, System.err, new ByteArrayInputStream(new byte[0]));
        PyModule module = host.importFile(f);
        host.runInside(() -> {
            Annotator ann = AnnotateCommand.annotateFrom(new TranslationContext(host), (PyFunction) module.get("entry_point"), true);
            var checked = ann.graphs().stream().filter(g -> g.name.equals("first") || g.name.equals("count")).toList();
            assertThat(checked).hasSize(2).allSatisfy(g -> assertThat(ann.returnAnnotation(g)).as(g.name)
                    .isEqualTo(new SomeValue.SomeInteger(g.name.equals("count"), false, null)));
            return null;
        });
    }

    @Test
    void theTypeOfAnInstanceIsAnyOfItsClassesAndAClassAttributeAnyOfItsValues() throws IOException {
        String out = annotate("""
                class Animal(object):
                    sound = "..."

                class Dog(Animal):
                    sound = "woof"

                class Puppy(Dog):
                    pass

                def kind(a):
                    return type(a)

                def noise(a):
                    return a.sound

                def entry_point(argv):
                    pets = [Animal(), Dog(), Puppy()]
                    for p in pets:
                        print(noise(p) + " " + str(kind(p) is Dog))
                    return 0
                """);
        assertThat(out).contains("def kind(a: Animal) -> type[Animal] | type[Dog] | type[Puppy]")
                .contains("def noise(a: Animal) -> str");
    }
}
