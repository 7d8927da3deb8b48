package dev.taipan.annotator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.annotator.SomeValue.SomeFloat;
import dev.taipan.annotator.SomeValue.SomeList;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the rtyper (stage 03) reads of a finished annotation, through public methods: call
 * families (one function pointer type each), the class attributes read through instances
 * (vtable slots), and whether a list is ever resized or stored into (a fixed array or a
 * resizable list). Frozen prebuilt objects ({@code _freeze_}) need nothing more: they are
 * annotated as prebuilt instances of their class.
 */
class RtyperSurfaceTest {
    @TempDir
    Path dir;

    @Test
    void functionsCalledFromOneSiteFormOneFamily() {
        Annotating a = Annotating.program(dir, """
                def double(n):
                    return 2 * n


                def square(n):
                    return n * n


                def alone(n):
                    return n


                def entry_point(argv):
                    f = double if len(argv) > 1 else square
                    print(f(3) + alone(1))
                    return 0
                """);
        List<List<String>> families = a.annotator.callFamilies().stream()
                .map(f -> f.members().stream().map(Desc.FunctionDesc::name).sorted().toList()).toList();
        assertThat(families).contains(List.of("double", "square"), List.of("alone"));
    }

    @Test
    void classAttributesReadThroughInstancesAreRecordedPerClass() {
        Annotating a = Annotating.program(dir, """
                class Shape:
                    sides = 0

                    def name(self):
                        return "shape"


                class Square(Shape):
                    sides = 4

                    def name(self):
                        return "square"


                def describe(s):
                    return "%s/%d" % (s.name(), s.sides)


                def entry_point(argv):
                    print(describe(Square()))
                    print(describe(Shape()))
                    return 0
                """);
        assertThat(a.classdef("Shape").readOnInstances()).containsExactlyInAnyOrder("name", "sides");
    }

    @Test
    void listsThatMeetShareTheirResizedAndMutatedFlags() {
        Annotating a = Annotating.program(dir, """
                def grow(xs):
                    xs.append(1.5)
                    return xs


                def entry_point(argv):
                    fixed = [0.5, 2.5]
                    fixed[0] = 1.0
                    other = [3.5]
                    both = grow(other) if len(argv) > 1 else fixed
                    print(both[0])
                    table = [1.0, 2.0]
                    print(table[1])
                    return 0
                """);
        SomeList grown = (SomeList) a.returns("grow");
        assertThat(grown.listdef().itemValue()).isInstanceOf(SomeFloat.class);
        assertThat(grown.listdef().resized()).isTrue();
        assertThat(grown.listdef().mutated()).as("fixed[0] = ... happened to a list that met this one").isTrue();
    }
}
