package dev.taipan.annotator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.flow.TranslationContext;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyException;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyList;
import dev.taipan.flowgraph.host.PyModule;
import dev.taipan.flowgraph.operation.HLOp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every typing rule checks what it accepts. The test walks the operation catalogue: for each
 * operation that Python source can spell on one or two values, and every pair of basic
 * values (an int, a bool, a float, a char, a str, bytes, None, a tuple, a list, a dict, an
 * instance, a function), it annotates {@code f(x, y)} applying the operation, and runs the same
 * program in the host interpreter. The annotator may reject what Python accepts (RPy is a
 * subset), but whatever Python rejects with a TypeError the annotator must reject too, with an
 * {@link AnnotatorError} and never a Java exception. Before this test, {@code len(argv) < "a"}
 * annotated as a bool and failed only when it ran.
 */
class OperationRulesTest {
    @TempDir
    Path dir;

    private final HostInterpreter host = new HostInterpreter(new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(new ByteArrayOutputStream()), new ByteArrayInputStream(new byte[0]));
    private int cases;

    private static final Map<String, String> SAMPLES = new LinkedHashMap<>();

    static {
        SAMPLES.put("int", "7");
        SAMPLES.put("bool", "True");
        SAMPLES.put("float", "2.5");
        SAMPLES.put("char", "'c'");
        SAMPLES.put("str", "'abc'");
        SAMPLES.put("bytes", "b'ab'");
        SAMPLES.put("None", "None");
        SAMPLES.put("tuple", "(1, 2)");
        SAMPLES.put("list", "[1, 2]");
        SAMPLES.put("dict", "{1: 2}");
        SAMPLES.put("instance", "A()");
        SAMPLES.put("function", "g");
    }

    /** The body of {@code f(x, y)} that performs each operation, as Python spells it. */
    private static final Map<HLOp, String> BINARY = new EnumMap<>(HLOp.class);
    private static final Map<HLOp, String> UNARY = new EnumMap<>(HLOp.class);

    static {
        String[][] binary = {
            {"ADD", "+"}, {"SUB", "-"}, {"MUL", "*"}, {"TRUEDIV", "/"}, {"FLOORDIV", "//"},
            {"MOD", "%"}, {"POW", "**"}, {"LSHIFT", "<<"}, {"RSHIFT", ">>"}, {"AND_", "&"}, {"OR_", "|"},
            {"XOR", "^"},
        };
        for (String[] b : binary) {
            BINARY.put(HLOp.valueOf(b[0]), "return x " + b[1] + " y");
            BINARY.put(HLOp.valueOf("INPLACE_" + b[0].replace("_", "")), "x " + b[1] + "= y\n    return x");
        }
        String[][] comparisons = {
            {"EQ", "=="}, {"NE", "!="}, {"LT", "<"}, {"LE", "<="}, {"GT", ">"}, {"GE", ">="}, {"IS_", "is"},
            {"IS_NOT", "is not"},
        };
        for (String[] c : comparisons) {
            BINARY.put(HLOp.valueOf(c[0]), "return x " + c[1] + " y");
        }
        BINARY.put(HLOp.CONTAINS, "return y in x");
        BINARY.put(HLOp.GETITEM, "return x[y]");
        BINARY.put(HLOp.SETITEM, "x[y] = y\n    return 0");
        BINARY.put(HLOp.DELITEM, "del x[y]\n    return 0");
        UNARY.put(HLOp.POS, "return +x");
        UNARY.put(HLOp.NEG, "return -x");
        UNARY.put(HLOp.INVERT, "return ~x");
        UNARY.put(HLOp.NOT_, "return not x");
        UNARY.put(HLOp.BOOL, "if x:\n        return 1\n    return 0");
        UNARY.put(HLOp.ITER, "for v in x:\n        return 1\n    return 0");
        UNARY.put(HLOp.LEN, "return len(x)");
        UNARY.put(HLOp.HASH, "return hash(x)");
    }

    @Test
    void whatPythonRejectsWithATypeErrorTheAnnotatorRejects() throws Exception {
        List<String> unsound = new ArrayList<>();
        int accepted = 0;
        int rejected = 0;
        for (var op : BINARY.entrySet()) {
            for (String x : SAMPLES.keySet()) {
                for (String y : SAMPLES.keySet()) {
                    Verdict v = check(op.getValue(), SAMPLES.get(x), SAMPLES.get(y));
                    if (v.annotated) {
                        accepted++;
                    } else {
                        rejected++;
                    }
                    if (v.annotated && v.typeErrorOnHost) {
                        unsound.add(op.getKey() + "(" + x + ", " + y + ")");
                    }
                }
            }
        }
        for (var op : UNARY.entrySet()) {
            for (String x : SAMPLES.keySet()) {
                Verdict v = check(op.getValue(), SAMPLES.get(x), "0");
                if (v.annotated && v.typeErrorOnHost) {
                    unsound.add(op.getKey() + "(" + x + ")");
                }
            }
        }
        assertThat(unsound).as("operations the annotator types although Python raises TypeError").isEmpty();
        // both answers occur: the walk really exercises the rules
        assertThat(accepted).isGreaterThan(300);
        assertThat(rejected).isGreaterThan(1000);
    }

    @Test
    void theWalkCoversEveryOperationThatSourceCanSpellOnValues() {
        List<HLOp> walked = new ArrayList<>(BINARY.keySet());
        walked.addAll(UNARY.keySet());
        // the rest are built by the flow space from other syntax (calls, displays, attributes,
        // f-strings, except clauses), which the corpus and the other tests cover; '@' is
        // refused by the front end
        List<HLOp> elsewhere = List.of(HLOp.MATMUL, HLOp.INPLACE_MATMUL, HLOp.SIMPLE_CALL, HLOp.CALL_ARGS, HLOp.NEWLIST, HLOp.NEWTUPLE,
                HLOp.NEWDICT, HLOp.NEWSET, HLOp.NEWSLICE, HLOp.GETATTR, HLOp.SETATTR, HLOp.DELATTR, HLOp.NEXT,
                HLOp.STR, HLOp.REPR, HLOp.ASCII, HLOp.FORMAT, HLOp.TYPE, HLOp.EXCEPTION_MATCH, HLOp.SAME_AS);
        for (HLOp op : HLOp.values()) {
            assertThat(walked.contains(op) || elsewhere.contains(op)).as(op + " is walked or covered elsewhere").isTrue();
        }
    }

    private record Verdict(boolean annotated, boolean typeErrorOnHost) { }

    private Verdict check(String body, String x, String y) throws Exception {
        String program = """
                class A:
                    pass


                def g():
                    return 1


                def f(x, y):
                    %s


                def entry_point(argv):
                    f(%s, %s)
                    return 0
                """.formatted(body, x, y);
        // one host for the whole walk, one module per case
        Path file = dir.resolve("case" + cases++ + ".py");
        Files.writeString(file, program);
        PyModule module = host.importFile(file);
        PyFunction entry = (PyFunction) module.get("entry_point");
        boolean annotated = host.runInside(() -> {
            try {
                AnnotateCommand.annotateFrom(new TranslationContext(host), entry, true);
                return true;
            } catch (AnnotatorError e) {
                return false;
            }
        });
        // then the program runs, on the same host (annotating runs none of its code)
        try {
            host.call(entry, List.of(new PyList()));
            return new Verdict(annotated, false);
        } catch (PyException e) {
            return new Verdict(annotated, e.value().type().name().equals("TypeError"));
        }
    }
}
