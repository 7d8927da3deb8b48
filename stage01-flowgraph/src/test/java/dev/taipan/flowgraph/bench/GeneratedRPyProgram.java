package dev.taipan.flowgraph.bench;

/**
 * A large RPython-clean module for the flow space's throughput: a template of typical RPy
 * functions (a class with methods, loops with loop-carried variables, branches, calls,
 * try/except/finally, string formatting, list and dict work, an unrolled loop) repeated with
 * fresh names. Every function flows without a FlowingError.
 */
final class GeneratedRPyProgram {

    private static final String HEADER = """
            from rpython.rlib.unroll import unrolling_iterable
            DEBUG = False
            WEIGHTS = unrolling_iterable([1, 2, 3])
            """;

    private static final String TEMPLATE = """
            class Shape_N(object):
                def __init__(self, name, w, h):
                    self.name = name
                    self.w = w
                    self.h = h

                def area(self):
                    return self.w * self.h

                def describe(self):
                    return "%s %dx%d" % (self.name, self.w, self.h)

            def total_area_N(shapes):
                total = 0
                for s in shapes:
                    if s.w > 0 and s.h > 0:
                        total += s.area()
                    elif DEBUG:
                        print("skipped " + s.name)
                return total

            def collatz_N(n):
                steps = 0
                while n != 1:
                    if n % 2 == 0:
                        n = n // 2
                    else:
                        n = 3 * n + 1
                    steps += 1
                return steps

            def lookup_N(table, key, default):
                try:
                    value = table[key]
                except KeyError:
                    value = default
                except IndexError:
                    value = -default
                finally:
                    table["last"] = key
                return value

            def weighted_N(xs):
                acc = 0
                for w in WEIGHTS:
                    acc += w * len(xs)
                result = []
                i = 0
                while i < len(xs):
                    result.append(xs[i] * acc)
                    i += 1
                return result

            def main_N(n):
                shapes = [Shape_N("box", n, n + 1), Shape_N("flat", n, 0)]
                counts = {}
                for k in range(n):
                    counts[str(k)] = collatz_N(k + 1)
                return total_area_N(shapes) + lookup_N(counts, "3", 0) + len(weighted_N([1, 2]))
            """;

    private GeneratedRPyProgram() {}

    /** The module with {@code copies} copies of the template. */
    static String withCopies(int copies) {
        StringBuilder sb = new StringBuilder(HEADER);
        for (int copy = 0; copy < copies; copy++) {
            sb.append('\n').append(TEMPLATE.replace("_N", "_" + copy));
        }
        return sb.toString();
    }
}
