package dev.taipan.annotator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A large RPy program for the annotator's throughput: about {@code lines} lines of the code RPy
 * programs are made of. It is a sequence of <em>units</em>; each has a small class hierarchy
 * (a base with attributes and methods, two subclasses overriding {@code weight}, so calls
 * through the base go to a family of overrides), then a varying selection of functions drawn
 * from a dozen templates (loops with loop-carried variables, a sieve over a list of bools,
 * word counting in a dict, a binary search, a stack machine, float arithmetic, a linked list
 * walked with {@code is not None}, str formatting and joining, a {@code try}/{@code except
 * KeyError}, chars), each with its own constants, and a {@code run} function calling them and
 * one function of an earlier unit. {@code entry_point} calls every unit's {@code run} and prints
 * a checksum, so the whole program is reachable, annotates, and runs on the host (and CPython).
 * A fixed seed makes the text the same on every run.
 */
public final class AnnotatorBenchProgram {

    private static final String CLASSES = """
            class Item$N(object):
                def __init__(self, name, size):
                    self.name = name
                    self.size = size
                    self.tags = []

                def weight(self):
                    return self.size * $A

                def describe(self):
                    return "%s:%d" % (self.name, self.weight())

                def tag(self, t):
                    self.tags.append(t)
                    return len(self.tags)


            class Box$N(Item$N):
                def __init__(self, name, size, depth):
                    Item$N.__init__(self, name, size)
                    self.depth = depth

                def weight(self):
                    return self.size * self.depth + $B


            class Bag$N(Item$N):
                def __init__(self, name, size, items):
                    Item$N.__init__(self, name, size)
                    self.items = items

                def weight(self):
                    total = 0
                    for x in self.items:
                        total += x
                    return total + self.size


            def total_weight$N(items):
                total = 0
                for it in items:
                    if it.size > $C:
                        total += it.weight()
                    else:
                        total -= 1
                return total


            def render$N(items):
                parts = []
                for it in items:
                    parts.append(it.describe())
                return ", ".join(parts)
            """;

    /** One optional function: its text and how {@code run} calls it (with {@code n} an int). */
    private record Template(String name, String text, String call) {}

    private static final List<Template> TEMPLATES = List.of(
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
                    """, "collatz$N(n + $C)"),
            new Template("sieve", """
                    def sieve$N(limit):
                        flags = []
                        for i in range(limit + 1):
                            flags.append(i >= 2)
                        count = 0
                        p = 2
                        while p <= limit:
                            if flags[p]:
                                count += 1
                                m = p * p
                                while m <= limit:
                                    flags[m] = False
                                    m += p
                            p += 1
                        return count
                    """, "sieve$N($A + n)"),
            new Template("search", """
                    def search$N(xs, key):
                        lo = 0
                        hi = len(xs) - 1
                        while lo <= hi:
                            mid = (lo + hi) // 2
                            if xs[mid] == key:
                                return mid
                            elif xs[mid] < key:
                                lo = mid + 1
                            else:
                                hi = mid - 1
                        return -1
                    """, "search$N([1, 3, $B, $A * 10, 1000], n % 5)"),
            new Template("lookup", """
                    def lookup$N(table, key):
                        try:
                            return table[key]
                        except KeyError:
                            return -$A
                    """, "lookup$N({\"k$N\": n, \"m\": $B}, \"k$N\") + lookup$N({\"m\": n}, \"z\")"),
            new Template("mean", """
                    def mean$N(xs):
                        if len(xs) == 0:
                            return 0.0
                        s = 0.0
                        for x in xs:
                            s += float(x) * $C.5
                        return s / len(xs)
                    """, "int(mean$N([n, $A, $B]))"),
            new Template("machine", """
                    def machine$N(code):
                        stack = []
                        pc = 0
                        while pc < len(code):
                            op = code[pc]
                            if op == 0:
                                stack.append(code[pc + 1])
                                pc += 2
                            elif op == 1:
                                b = stack.pop()
                                a = stack.pop()
                                stack.append(a + b)
                                pc += 1
                            elif op == 2:
                                b = stack.pop()
                                a = stack.pop()
                                stack.append(a * b % 1000003)
                                pc += 1
                            else:
                                pc += 1
                        if len(stack) == 0:
                            return 0
                        return stack[len(stack) - 1]
                    """, "machine$N([0, n, 0, $A, 1, 0, $B, 2])"),
            new Template("words", """
                    def words$N(text):
                        counts = {}
                        for w in text.split(" "):
                            if w in counts:
                                counts[w] += 1
                            else:
                                counts[w] = 1
                        best = ""
                        best_n = 0
                        for w in counts.keys():
                            if counts[w] > best_n:
                                best = w
                                best_n = counts[w]
                        return best
                    """, "len(words$N(\"a b$N a c \" + str(n)))"),
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
            new Template("caesar", """
                    def caesar$N(s, shift):
                        out = []
                        for ch in s:
                            if ch.isalpha():
                                out.append(chr((ord(ch) - 97 + shift) % 26 + 97))
                            else:
                                out.append(ch)
                        return "".join(out)
                    """, "len(caesar$N(\"hello w$N\", n + $C))"),
            new Template("table", """
                    def table$N(n):
                        rows = []
                        for i in range(n):
                            row = []
                            for j in range(n):
                                row.append((i * j + $B) % $A)
                            rows.append(row)
                        total = 0
                        for row in rows:
                            for x in row:
                                total += x
                        return total
                    """, "table$N(n % 6 + 2)"),
            new Template("pad", """
                    def pad$N(name, width):
                        s = name.strip()
                        if len(s) >= width:
                            return s
                        return s + "." * (width - len(s))
                    """, "len(pad$N(\" x$N \", n % 9 + $C))"),
            new Template("clamp", """
                    def clamp$N(x, lo, hi):
                        if x < lo:
                            return lo
                        if x > hi:
                            return hi
                        return x
                    """, "clamp$N(n * $A, $C, $B * 10)"));

    private AnnotatorBenchProgram() {}

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
        Random random = new Random(2026);
        StringBuilder body = new StringBuilder();
        List<String> calls = new ArrayList<>();      // per unit: one call of one of its functions
        int units = 0;
        int budget = lines - 20;                     // header and entry_point
        while (units == 0 || body.toString().lines().count() + 2 * units < budget) {
            body.append(unit(units, random, calls));
            units++;
        }
        StringBuilder sb = new StringBuilder("# A generated RPy program: the annotator's benchmark (").append(units)
                .append(" units).\n\n");
        sb.append(body);
        sb.append("\ndef entry_point(argv):\n    n = 7\n    if len(argv) > 1:\n        n = int(argv[1])\n    total = 0\n");
        for (int u = 0; u < units; u++) {
            sb.append("    total += run").append(u).append("(n)\n");
        }
        sb.append("    print(\"checksum %d\" % total)\n    return 0\n\n\n");
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
        sb.append("    items = [Item").append(n).append("(\"a\", n), Box").append(n).append("(\"b\", n + 1, ")
                .append(vars.get("$A")).append("), Bag").append(n).append("(\"c\", 2, [n, ").append(vars.get("$B")).append("])]\n");
        sb.append("    acc = items[0].tag(\"x\") + total_weight").append(n).append("(items) + len(render").append(n)
                .append("(items))\n");
        for (String call : mine) {
            sb.append("    acc += ").append(call).append('\n');
        }
        if (!calls.isEmpty()) {
            sb.append("    acc += ").append(calls.get(random.nextInt(calls.size()))).append("   # an earlier unit\n");
        }
        sb.append("    return acc % 1000003\n");
        calls.add(mine.isEmpty() ? "total_weight" + n + "([Item" + n + "(\"d\", n)])" : mine.get(random.nextInt(mine.size())));
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
