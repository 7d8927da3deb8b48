package dev.taipan.flowgraph.bench;

/**
 * A large, realistic Python module for throughput measurements: a template of typical RPy code
 * (classes, loops, comprehensions, try/except, string formatting, closures) repeated with fresh
 * names, padded to an exact number of lines so that a benchmark's score is lines per second.
 */
final class GeneratedProgram {

    private static final String TEMPLATE = """
            class Node_N(object):
                \"\"\"A binary tree node.\"\"\"
                def __init__(self, key, left=None, right=None):
                    self.key = key
                    self.left = left
                    self.right = right

                def insert(self, key):
                    if key < self.key:
                        if self.left is None:
                            self.left = Node_N(key)
                        else:
                            self.left.insert(key)
                    elif self.right is None:
                        self.right = Node_N(key)
                    else:
                        self.right.insert(key)

            def walk_N(node, out):
                while node is not None:
                    walk_N(node.left, out)
                    out.append(node.key * 2 + 1)
                    node = node.right
                return out

            def stats_N(items, scale=1.5, *rest, **options):
                total = sum([x * scale for x in items if x % 3 != 0])
                table = {str(i): (i, i ** 2) for i in range(len(items))}
                try:
                    ratio = total / len(items)
                except ZeroDivisionError as e:
                    ratio = 0.0
                finally:
                    options['seen'] = True
                label = "n=%d total=%.2f" % (len(items), total)
                return label, ratio, f"{total:>10.3f} {len(table)!r}", [k for k, v in table.items()]

            def make_counter_N(start):
                count = start
                def step(by=1):
                    nonlocal count
                    count += by
                    return count
                return lambda: step(2) + 0x1F - 0b101
            """;

    private GeneratedProgram() {}

    /** Exactly {@code lines} lines of valid Python (each ending with a newline). */
    static String ofLines(int lines) {
        String[] template = TEMPLATE.split("\n");
        StringBuilder sb = new StringBuilder(lines * 32);
        int written = 0;
        for (int copy = 0; written + template.length <= lines; copy++) {
            String suffix = "_" + copy;
            for (String line : template) {
                sb.append(line.replace("_N", suffix)).append('\n');
            }
            written += template.length;
        }
        for (; written < lines; written++) {
            sb.append("padding_").append(written).append(" = ").append(written).append('\n');
        }
        return sb.toString();
    }
}
