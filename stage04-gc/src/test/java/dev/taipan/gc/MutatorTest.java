package dev.taipan.gc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.host.HostInterpreter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The collectors against a model: {@code gc/mutator.py} runs a random stream of allocations,
 * links, drops and identity-keyed dict stores under {@code --gc-stress} (a collection at every
 * allocation) on the checked heap, and prints a checksum of its reachable graph after every
 * step; {@link Model} runs the same stream over Java objects, which no collector touches. Every
 * line must agree, for every collector: an object lost, moved without its pointers updated,
 * freed while reachable or given a wrong identity hash changes a checksum or fails the checked
 * heap at once.
 */
class MutatorTest {
    private static final int STEPS = 250;
    private static final long[] SEEDS = {7, 20261205, 987654321};

    @TestFactory
    Stream<DynamicTest> everyCollectorKeepsTheHeapTheModelKeeps() {
        return Arrays.stream(Collector.values()).flatMap(gc -> Arrays.stream(SEEDS)
                .mapToObj(seed -> dynamicTest(gc.gcName() + " seed " + seed, () -> check(gc, seed))));
    }

    private static void check(Collector gc, long seed) throws URISyntaxException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Path program = Path.of(MutatorTest.class.getResource("/gc/mutator.py").toURI());
        int status = GcStage.run(new HostInterpreter(out, out, new ByteArrayInputStream(new byte[0])), program,
                List.of(Long.toString(seed), Integer.toString(STEPS)), new ExecOptions(true, null, gc.gcName(), true, null),
                out, out);
        List<String> actual = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(status).as("exit status; output ends with %s", actual.subList(Math.max(0, actual.size() - 3), actual.size()))
                .isZero();
        assertThat(actual).containsExactlyElementsOf(Model.run(seed, STEPS));
    }

    /** mutator.py's stream over Java objects. */
    static final class Model {
        private static final long MODULUS = 2147483648L;
        private static final int ROOTS = 12;

        static final class Node {
            final long value;
            Node left;
            Node right;
            List<Node> items;
            String name = "";
            long seen;

            Node(long value) {
                this.value = value;
            }
        }

        static List<String> run(long seed, int steps) {
            long state = seed;
            Node[] roots = new Node[ROOTS];
            Map<Node, Long> keyed = new IdentityHashMap<>();
            List<String> lines = new ArrayList<>();
            for (int step = 0; step < steps; step++) {
                state = (state * 1103515245L + 12345L) % MODULUS;
                int op = (int) (state % 7);
                int i = (int) ((state / 7) % ROOTS);
                int j = (int) ((state / 97) % ROOTS);
                long v = (state / 1009) % 1000;
                Node r = roots[i];
                switch (op) {
                    case 0 -> roots[i] = new Node(v);
                    case 1 -> {
                        if (r != null) {
                            r.left = roots[j];
                        }
                    }
                    case 2 -> {
                        if (r != null) {
                            r.right = new Node(v);
                        }
                    }
                    case 3 -> roots[i] = null;
                    case 4 -> {
                        if (r != null && roots[j] != null) {
                            if (r.items == null) {
                                r.items = new ArrayList<>();
                            }
                            r.items.add(roots[j]);
                        }
                    }
                    case 5 -> {
                        if (r != null) {
                            r.name = "n" + v;
                        }
                    }
                    default -> {
                        if (r != null) {
                            keyed.put(r, v);
                        }
                    }
                }
                long found = roots[j] != null && keyed.containsKey(roots[j]) ? keyed.get(roots[j]) : -1;
                lines.add(step + " " + op + " " + checksum(roots, step + 1) + " " + found);
            }
            return lines;
        }

        private static long checksum(Node[] roots, long epoch) {
            long h = 0;
            List<Node> stack = new ArrayList<>();
            for (Node r : roots) {
                if (r != null) {
                    stack.add(r);
                }
            }
            java.util.Collections.reverse(stack);
            while (!stack.isEmpty()) {
                Node n = stack.removeLast();
                if (n.seen == epoch) {
                    continue;
                }
                n.seen = epoch;
                h = (h * 31 + n.value + n.name.length()) % MODULUS;
                if (n.items != null) {
                    for (int k = n.items.size() - 1; k >= 0; k--) {
                        stack.add(n.items.get(k));
                    }
                }
                if (n.right != null) {
                    stack.add(n.right);
                }
                if (n.left != null) {
                    stack.add(n.left);
                }
            }
            return h;
        }
    }
}
