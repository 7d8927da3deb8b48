package dev.taipan.flowgraph.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Inputs for the front end's robustness test: valid programs broken in the ways people break
 * programs (deleted spans, stray brackets and quotes, wrong indentation, truncation, tabs, odd
 * characters, lines swapped or doubled, one program's tail on another's head) and random token
 * soup. Deterministic for a given {@link Random}.
 */
public final class SourceMutator {

    /** Fragments a mutation may insert: tokens, half-tokens and whitespace that matter. */
    static final String[] VOCAB = {
        "(", ")", "[", "]", "{", "}", ":", ",", ";", ".", "=", "==", "+=", "**", "*", "->", "@",
        "'", "\"", "'''", "\"\"\"", "f'{", "}'", "f\"{x!r:>{w}}\"", "b'\\x", "\\", "\\\n", "#",
        "\n", "\n    ", "\n\t", "\t", "    ", "\r\n", "\f", "\u00a0", "\u20ac", "\0", "0x", "1e",
        "0o8", "1_", "1j", "012", "9" .repeat(40), ".5", "def ", "class ", "if ", "elif ", "else",
        "while ", "for ", " in ", "return", "yield", "lambda", "try:", "except", "finally:",
        "with ", " as ", "import ", "from ", "global ", "nonlocal ", "del ", "pass", "break",
        "continue", "raise", "assert ", "async ", "await ", "not ", " and ", " or ", " is ",
        "None", "True", "x", "self", "*args", "**kw", ":=", "print ", "match ", "case ",
    };

    /** A dense program using most of Python's syntax: the seed that is always there. */
    public static final String SEED_PROGRAM = """
            import sys
            from os import path as p, sep

            class Point(object):
                \"\"\"A point.\"\"\"
                count = 0

                def __init__(self, x, y=0, *rest, scale=1, **kw):
                    self.x, self.y = x * scale, y
                    Point.count += 1

                @property
                def norm(self):
                    return (self.x ** 2 + self.y ** 2) ** 0.5

                def __repr__(self):
                    return f"Point({self.x!r}, {self.y:.2f})"

            def gen(n):
                for i in range(n):
                    if i % 2 == 0 and not i > 10:
                        yield i
                    elif i < 0:
                        continue
                    else:
                        break
                else:
                    yield from [1, 2]

            def closure():
                total = 0
                def add(v):
                    nonlocal total
                    total += v
                    return total
                return add

            def tries(d):
                try:
                    x = d['k']
                except (KeyError, IndexError) as e:
                    raise ValueError("bad") from e
                except Exception:
                    raise
                else:
                    pass
                finally:
                    del d
                with open('f') as f, open('g') as g:
                    data = [c for line in f for c in line if c.isdigit()]
                squares = {k: v ** 2 for k, v in enumerate(data)}
                first, *middle, last = sorted(squares, key=lambda k: -k)
                assert first <= last, "order"
                return {*middle}, (1, 2.5e-3, 0xFF, 0b101, 0o17, 1_000), b"\\x00\\n", r"\\d+"

            x = [i if i else -i for i in range(10)][1:8:2]
            print(*x, sep=", ", end="\\n", **{})
            lambda a, b=2, *c, d, **e: a if b else c
            while x:
                x = x[1:]
            """;

    private final Random random;
    private final List<String> seeds;

    /** Mutates {@code seeds} (valid programs). */
    public SourceMutator(Random random, List<String> seeds) {
        this.random = random;
        this.seeds = List.copyOf(seeds);
    }

    /** A seed program broken one to three times. */
    public String mutant() {
        String s = seeds.get(random.nextInt(seeds.size()));
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            s = mutateOnce(s);
        }
        return s;
    }

    /** One to thirty fragments of {@link #VOCAB}, sometimes spaced. */
    public String tokenSoup() {
        StringBuilder sb = new StringBuilder();
        for (int k = 1 + random.nextInt(30); k > 0; k--) {
            sb.append(VOCAB[random.nextInt(VOCAB.length)]);
            if (random.nextInt(4) == 0) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    private String mutateOnce(String s) {
        if (s.isEmpty()) {
            return VOCAB[random.nextInt(VOCAB.length)];
        }
        int at = random.nextInt(s.length());
        List<String> lines = new ArrayList<>(s.lines().toList());
        int line = random.nextInt(lines.size());
        return switch (random.nextInt(8)) {
            case 0 -> s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + random.nextInt(12)));
            case 1 -> s.substring(0, at) + VOCAB[random.nextInt(VOCAB.length)] + s.substring(at);
            case 2 -> s.substring(0, at) + (char) (random.nextInt(3) == 0 ? random.nextInt(0x3000) : 32 + random.nextInt(95))
                    + s.substring(at + 1);
            case 3 -> {
                lines.add(line, lines.get(random.nextInt(lines.size())));
                yield String.join("\n", lines);
            }
            case 4 -> {
                String indent = switch (random.nextInt(4)) {
                    case 0 -> " ";
                    case 1 -> "\t";
                    case 2 -> "    ";
                    default -> "";
                };
                lines.set(line, random.nextBoolean() ? indent + lines.get(line) : lines.get(line).stripLeading());
                yield String.join("\n", lines);
            }
            case 5 -> s.substring(0, at);
            case 6 -> {
                String other = seeds.get(random.nextInt(seeds.size()));
                yield s.substring(0, at) + other.substring(random.nextInt(other.length()));
            }
            default -> {
                int other = random.nextInt(lines.size());
                String tmp = lines.get(line);
                lines.set(line, lines.get(other));
                lines.set(other, tmp);
                yield String.join("\n", lines);
            }
        };
    }
}
