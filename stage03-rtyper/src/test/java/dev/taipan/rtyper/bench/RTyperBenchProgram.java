package dev.taipan.rtyper.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A large RPy program for the rtyper's throughput, written only in what this part of stage 03
 * translates (stage 02's {@code AnnotatorBenchProgram} uses dicts, appends and formatting,
 * which come later). It is a sequence of <em>units</em>. Each has a small class hierarchy (a
 * base with a field, a class attribute and two methods, one with a default; two subclasses
 * overriding {@code area}, so a call through the base is a vtable call; {@code isinstance}),
 * then a varying selection of functions drawn from a dozen templates, each with its own
 * constants: {@code ovfcheck} in a loop that overflows, floor division and modulo, tuples
 * returned and unpacked, a list built from a literal then indexed, assigned and iterated, a
 * list of tuples iterated, a string indexed and iterated char by char, {@code try}/{@code except}
 * of {@code ZeroDivisionError} and {@code IndexError}, defaults and keyword calls,
 * {@code *args}, a choice of two functions through one variable, a float loop, a linked list
 * of instances walked with {@code is not None}, {@code r_uint} hashing. Each unit's {@code run}
 * calls them and one function of an earlier unit; {@code entry_point} calls every unit's
 * {@code run} and prints a checksum, so the whole program is reachable, rtypes, and runs at
 * {@code --stage=host} and {@code --stage=ll} with the same output. A fixed seed makes the
 * text the same on every run.
 */
public final class RTyperBenchProgram {

    private static final String HEADER = "from rpython.rlib.rarithmetic import ovfcheck, intmask, r_uint\n";

    private static final String CLASSES = """
            class Shape$N(object):
                sides = $C

                def __init__(self, size):
                    self.size = size

                def area(self):
                    return self.size * $C

                def grow(self, k=$C):
                    self.size = self.size + k
                    return self.area()


            class Square$N(Shape$N):
                sides = 4

                def area(self):
                    return self.size * self.size


            class Rect$N(Shape$N):
                sides = 4

                def __init__(self, size, width):
                    Shape$N.__init__(self, size)
                    self.width = width

                def area(self):
                    return self.size * self.width + $B


            def total_area$N(n):
                shapes = [Shape$N(n), Square$N(n + 1), Rect$N(n, $C)]
                total = 0
                for s in shapes:
                    total += s.area() + s.sides
                    if isinstance(s, Rect$N):
                        total += s.width
                return total + shapes[1].grow() + shapes[2].grow(k=$A)
            """;

    /** One optional function: its text and how {@code run} calls it (with {@code n} an int). */
    private record Template(String name, String text, String call) {}

    private static final List<Template> TEMPLATES = List.of(
            new Template("mix", """
                    def mix$N(n):
                        acc = $A
                        big = 1
                        for i in range(1, n + 40):
                            try:
                                big = ovfcheck(big * $C)
                                big = ovfcheck(big + i)
                            except OverflowError:
                                big = big // $B + 1
                            acc = (acc + big % 1000003) % 1000003 - i // 3
                        return acc
                    """, "mix$N(n)"),
            new Template("pairs", """
                    def divmod$N(a, b):
                        return a // b, a % b


                    def pairs$N(n):
                        q, r = divmod$N(n * $A - $B, $C)
                        x, y, z = (q, r, q - r)
                        return x + y * z
                    """, "pairs$N(n)"),
            new Template("lists", """
                    def lists$N(n):
                        xs = [n, $A, $B, n * 2, $C]
                        xs[n % 5] = xs[0] + 1
                        total = 0
                        for x in xs:
                            total += x
                        return total + xs[-1] * xs[2] + len(xs)
                    """, "lists$N(n)"),
            new Template("chars", """
                    def chars$N(s, n):
                        count = 0
                        for ch in s:
                            if ch == "o" or ch == "l":
                                count += 1
                        i = 0
                        while i < len(s):
                            if s[i] == s[n % len(s)]:
                                count += i
                            i += 1
                        return count
                    """, "chars$N(\"hello world $N\", n) + chars$N(\"xylophone\", n + $C)"),
            new Template("safe", """
                    def safe$N(xs, i, d):
                        try:
                            return xs[i] // d
                        except ZeroDivisionError:
                            return -$A
                        except IndexError:
                            return -$B
                    """, "safe$N([n, $A, $B], n % 4, n % 3) + safe$N([1], 0, 0) + safe$N([1, 2], -3, 1)"),
            new Template("scaled", """
                    def scaled$N(x, factor=$A, offset=$B):
                        return x * factor + offset
                    """, "scaled$N(n) + scaled$N(n, $C) + scaled$N(n, offset=1) + scaled$N(x=n, factor=2, offset=0)"),
            new Template("choose", """
                    def inc$N(x):
                        return x + $A


                    def dec$N(x):
                        return x - $B


                    def choose$N(n):
                        f = inc$N if n % 2 == 0 else dec$N
                        return f(n) + f(n + 1)
                    """, "choose$N(n) + choose$N(n + 1)"),
            new Template("floats", """
                    def floats$N(n):
                        x = 0.0
                        for i in range(n):
                            x = x * 0.5 + float(i) / $C
                        return int(x * 100.0)
                    """, "floats$N(n)"),
            new Template("chain", """
                    class Node$N(object):
                        def __init__(self, value, next):
                            self.value = value
                            self.next = next


                    def chain$N(n):
                        head = None
                        for i in range(n):
                            head = Node$N(i * $A, head)
                        total = 0
                        node = head
                        while node is not None:
                            total += node.value
                            node = node.next
                        return total
                    """, "chain$N(n)"),
            new Template("hash", """
                    def hash$N(n):
                        h = r_uint($B)
                        for i in range(n):
                            h = h * r_uint(1000003) ^ r_uint(i)
                        return intmask(h >> 40)
                    """, "hash$N(n)"),
            new Template("collatz", """
                    def collatz$N(n):
                        steps = 0
                        while n != 1 and steps < 500:
                            if n % 2 == 0:
                                n = n // 2
                            else:
                                n = 3 * n + 1
                            steps += 1
                        return steps
                    """, "collatz$N(n + $A)"),
            new Template("table", """
                    def table$N(n):
                        rows = [(1, $A), (n, 2), ($B, n + 3)]
                        total = 0
                        for a, b in rows:
                            total += a * b - a % $C
                        return total
                    """, "table$N(n)"),
            new Template("total", """
                    def total$N(*items):
                        s = 0
                        for x in items:
                            s += x
                        return s
                    """, "total$N() + total$N(n) + total$N(n, $A, $B)"));

    private RTyperBenchProgram() {}

    /** Writes the program of about {@code args[0]} lines (default 10,000) to {@code args[1]}, or stdout. */
    public static void main(String[] args) throws IOException {
        String program = generate(args.length > 0 ? Integer.parseInt(args[0]) : 10_000);
        if (args.length > 1) {
            Files.writeString(Path.of(args[1]), program);
        } else {
            System.out.print(program);
        }
    }

    /** The program, units added until it has at least {@code lines} lines. */
    public static String generate(int lines) {
        return build(lines, Integer.MAX_VALUE);
    }

    /** The program of exactly {@code units} units (the same first units as {@link #generate}). */
    public static String ofUnits(int units) {
        return build(Integer.MAX_VALUE, units);
    }

    private static String build(int lines, int maxUnits) {
        Random random = new Random(2026);
        StringBuilder body = new StringBuilder();
        List<String> calls = new ArrayList<>();      // per unit: one call of one of its functions
        int units = 0;
        long bodyLines = 0;
        int budget = lines - 20;                     // header and entry_point
        while (units < maxUnits && (units == 0 || bodyLines + units < budget)) {
            String unit = unit(units, random, calls);
            body.append(unit);
            bodyLines += unit.lines().count();
            units++;
        }
        StringBuilder sb = new StringBuilder("# A generated RPy program: the rtyper's benchmark (").append(units)
                .append(" units).\n").append(HEADER).append('\n');
        sb.append(body);
        sb.append("\ndef entry_point(argv):\n    n = 7 + len(argv)\n    total = 0\n");
        for (int u = 0; u < units; u++) {
            sb.append("    total += run").append(u).append("(n)\n");
        }
        sb.append("    print(\"checksum\", total)\n    return 0\n\n\n");
        sb.append("if __name__ == '__main__':\n    import sys\n    sys.exit(entry_point(sys.argv))\n");
        return sb.toString();
    }

    /** One unit: its classes, a random half or more of the templates, and its {@code run}. */
    private static String unit(int n, Random random, List<String> calls) {
        Map<String, String> vars = Map.of("$N", Integer.toString(n), "$A", Integer.toString(3 + random.nextInt(40)),
                "$B", Integer.toString(1 + random.nextInt(90)), "$C", Integer.toString(2 + random.nextInt(7)));
        StringBuilder sb = new StringBuilder("\n# unit ").append(n).append("\n\n").append(fill(CLASSES, vars));
        List<String> mine = new ArrayList<>();
        for (Template t : TEMPLATES) {
            if (random.nextInt(3) > 0) {
                sb.append("\n\n").append(fill(t.text(), vars));
                mine.add(fill(t.call(), vars));
            }
        }
        sb.append("\n\ndef run").append(n).append("(n):\n");
        sb.append("    acc = total_area").append(n).append("(n)\n");
        for (String call : mine) {
            sb.append("    acc += ").append(call).append('\n');
        }
        if (!calls.isEmpty()) {
            sb.append("    acc += ").append(calls.get(random.nextInt(calls.size()))).append("   # an earlier unit\n");
        }
        sb.append("    return acc % 1000003\n");
        calls.add(mine.isEmpty() ? "total_area" + n + "(n + 1)" : mine.get(random.nextInt(mine.size())));
        return sb.toString();
    }

    private static String fill(String template, Map<String, String> vars) {
        String out = template;
        for (var e : vars.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }
}
