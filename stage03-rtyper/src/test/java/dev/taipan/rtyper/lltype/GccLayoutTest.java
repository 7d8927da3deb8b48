package dev.taipan.rtyper.lltype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layout is C's: for a few hundred random struct and array shapes, every size, alignment
 * and offset {@link Layout} computes equals what gcc's {@code sizeof}, {@code _Alignof} and
 * {@code offsetof} say of the same type written in C. One C file declares them all and prints
 * one line per fact; the test compiles it, runs it and compares line by line.
 *
 * <p>How the types are written in C: a Gc object's header is a leading {@code long} member
 * (only in the root of a hierarchy: a subclass's first member is its parent's struct, header
 * included); an inlined array is {@code struct { long length; T items[]; }} (a GNU extension
 * lets such a struct end another one); every pointer is a {@code void *}.
 */
class GccLayoutTest {

    private static final long SEED = 20_250_303;
    private static final int INDEX = 3;

    @Test
    void layoutsAgreeWithGcc(@TempDir Path dir) throws Exception {
        assumeTrue(gccAvailable(), "gcc is not installed: the layout is not checked against C (install gcc to run this test)");
        var types = new RandomShapes(SEED).generate(320, 60).all();
        var names = new IdentityHashMap<ContainerType, String>();
        for (ContainerType t : types) {
            names.put(t, "T" + names.size());
        }

        Map<String, Long> expected = new LinkedHashMap<>();
        var c = new StringBuilder("#include <stdio.h>\n#include <stddef.h>\n\n");
        var main = new StringBuilder("int main(void) {\n");
        for (ContainerType t : types) {
            String name = names.get(t);
            c.append(declaration(t, name, names));
            facts(t, name, expected, main);
        }
        c.append(main).append("    return 0;\n}\n");

        Map<String, Long> gcc = parse(compileAndRun(dir, c.toString()));
        var mismatches = new ArrayList<String>();
        expected.forEach((key, value) -> {
            if (!value.equals(gcc.get(key))) {
                mismatches.add(key + ": Layout says " + value + ", gcc says " + gcc.get(key));
            }
        });
        assertThat(gcc.keySet()).as("facts printed by the C program").isEqualTo(expected.keySet());
        assertThat(mismatches).as("see %s", dir.resolve("layouts.c")).isEmpty();
        assertThat(types).hasSizeGreaterThanOrEqualTo(300);
        assertThat(expected).hasSizeGreaterThan(2000);
    }

    /** Records each fact Layout states about {@code t} and the C statement that prints gcc's. */
    private static void facts(ContainerType t, String name, Map<String, Long> expected, StringBuilder main) {
        String ctype = "struct " + name;
        fact(name + " size", Layout.sizeOf(t), "sizeof(" + ctype + ")", expected, main);
        fact(name + " align", Layout.alignmentOf(t), "_Alignof(" + ctype + ")", expected, main);
        switch (t) {
            case StructType s -> {
                fieldFacts(s, name, ctype, new ArrayList<>(), 0, expected, main);
                s.arrayField().ifPresent(arr -> {
                    var array = (Array) arr.type();
                    long base = Layout.offsetOf(s, arr.name());
                    String member = arr.name();
                    fact(name + " length", Layout.lengthOffset(s), offsetof(ctype, member + ".length"), expected, main);
                    fact(name + " items", base + Layout.itemsOffset(array), offsetof(ctype, member + ".items"), expected, main);
                    fact(name + " item" + INDEX, base + Layout.itemOffset(array, INDEX),
                            offsetof(ctype, member + ".items[" + INDEX + "]"), expected, main);
                    fact(name + " sizeof(n=" + INDEX + ")", Layout.sizeOf(s, INDEX),
                            offsetof(ctype, member + ".items[" + INDEX + "]"), expected, main);
                });
            }
            case ArrayType a -> {
                fact(name + " length", Layout.lengthOffset(a), offsetof(ctype, "length"), expected, main);
                fact(name + " items", Layout.itemsOffset(a), offsetof(ctype, "items"), expected, main);
                fact(name + " itemsize", Layout.itemSize(a), "sizeof(((" + ctype + " *)0)->items[0])", expected, main);
                fact(name + " sizeof(n=" + INDEX + ")", Layout.sizeOf(a, INDEX),
                        offsetof(ctype, "items[" + INDEX + "]"), expected, main);
            }
            case FuncType f -> throw new AssertionError(f);
        }
    }

    /** The offset of every field, and of the fields of inlined structs through their paths. */
    private static void fieldFacts(StructType s, String name, String ctype, List<String> path, long base,
                                   Map<String, Long> expected, StringBuilder main) {
        StructType at = s;
        for (String step : path) {
            at = (StructType) at.field(step).type();
        }
        for (Field field : at.fields()) {
            var fieldPath = new ArrayList<>(path);
            fieldPath.add(field.name());
            String member = String.join(".", fieldPath);
            long offset = Layout.offsetOf(s, fieldPath.toArray(String[]::new));
            fact(name + " ." + member, offset, offsetof(ctype, member), expected, main);
            if (field.type() instanceof StructType) {
                fieldFacts(s, name, ctype, fieldPath, offset, expected, main);
            }
        }
    }

    private static String offsetof(String ctype, String member) {
        return "offsetof(" + ctype + ", " + member + ")";
    }

    private static void fact(String key, long value, String cExpression, Map<String, Long> expected, StringBuilder main) {
        expected.put(key, value);
        main.append("    printf(\"%s %zu\\n\", \"").append(key).append("\", (size_t)(").append(cExpression).append("));\n");
    }

    private static String declaration(ContainerType t, String name, Map<ContainerType, String> names) {
        var sb = new StringBuilder("struct ").append(name).append(" {\n");
        switch (t) {
            case StructType s -> {
                if (s instanceof GcStruct g && g.parent() == null) {
                    sb.append("    long gc_header;\n");
                }
                for (Field f : s.fields()) {
                    sb.append("    ").append(member(f.type(), f.name(), names)).append(";\n");
                }
            }
            case ArrayType a -> {
                if (a.isGc()) {
                    sb.append("    long gc_header;\n");
                }
                sb.append("    long length;\n    ").append(member(a.item(), "items[]", names)).append(";\n");
            }
            case FuncType f -> throw new AssertionError(f);
        }
        return sb.append("};\n").toString();
    }

    private static String member(LowLevelType type, String name, Map<ContainerType, String> names) {
        return switch (type) {
            case Primitive p -> switch (p) {
                case SIGNED -> "long " + name;
                case UNSIGNED -> "unsigned long " + name;
                case FLOAT -> "double " + name;
                case BOOL -> "_Bool " + name;
                case CHAR -> "char " + name;
                case ADDRESS -> "char *" + name;   // llmemory.Address: an untyped machine address
                case VOID -> throw new AssertionError("Void has no C member");
            };
            case Ptr _ -> "void *" + name;
            case StructType s -> "struct " + names.get(s) + " " + name;
            case Array a -> "struct { long length; " + member(a.item(), "items[]", names) + "; } " + name;
            case GcArray a -> throw new AssertionError("a GcArray is never inlined: " + a);
            case FuncType f -> throw new AssertionError(f);
        };
    }

    private static String compileAndRun(Path dir, String source) throws IOException, InterruptedException {
        Path c = dir.resolve("layouts.c");
        Path exe = dir.resolve("layouts");
        Files.writeString(c, source);
        run(dir, "gcc", "-std=gnu11", "-w", "-o", exe.toString(), c.toString());
        return run(dir, exe.toString());
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s failed:%n%s", command[0], out).isZero();
        return out;
    }

    private static Map<String, Long> parse(String output) {
        Map<String, Long> facts = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            int space = line.lastIndexOf(' ');
            facts.put(line.substring(0, space), Long.parseLong(line.substring(space + 1)));
        }
        return facts;
    }

    private static boolean gccAvailable() {
        try {
            return new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
