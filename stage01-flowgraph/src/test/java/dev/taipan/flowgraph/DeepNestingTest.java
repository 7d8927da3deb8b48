package dev.taipan.flowgraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.taipan.flowgraph.bytecode.CodeVerifier;
import dev.taipan.flowgraph.compiler.Compiler;
import dev.taipan.flowgraph.syntax.SyntaxError;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No input can overflow the Java stack of the front end: absurdly nested expressions are a
 * SyntaxError with a position, as CPython rejects them too, while nesting just under the bound
 * still compiles. Each case runs on a thread with the JVM's usual 1 MiB stack, so the bound is
 * proved safe where the CLI, the tests and the notebooks run the front end.
 */
class DeepNestingTest {

    private static final int UNDER = 900;
    private static final int OVER = 50_000;

    private static String program(String shape, int n) {
        return switch (shape) {
            case "sum" -> "x = " + "1 + ".repeat(n) + "1\n";
            case "not" -> "x = " + "not ".repeat(n) + "y\n";
            case "minus" -> "x = " + "-".repeat(n) + "y\n";
            case "power" -> "x = " + "2 ** ".repeat(n) + "2\n";
            case "ifexp" -> "x = " + "a if b else ".repeat(n) + "c\n";
            case "lambda" -> "f = " + "lambda: ".repeat(n) + "0\n";
            case "and" -> "x = " + "a and ".repeat(n) + "b\n";
            case "call" -> "x = f" + "(1)".repeat(n) + "\n";
            case "attr" -> "x = a" + ".b".repeat(n) + "\n";
            default -> throw new IllegalArgumentException(shape);
        };
    }

    private static <T> T onSmallStack(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = new Thread(null, () -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "small-stack", 1 << 20);
        t.start();
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw new AssertionError(e.getCause());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sum", "not", "minus", "power", "ifexp", "lambda", "and", "call", "attr"})
    void nestingUnderTheBoundCompiles(String shape) throws Exception {
        var code = onSmallStack(() -> Compiler.compile(SourceFile.of("deep.py", program(shape, UNDER))));
        CodeVerifier.verify(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sum", "not", "minus", "power", "ifexp", "lambda", "call", "attr"})
    void absurdNestingIsASyntaxErrorNotAStackOverflow(String shape) throws Exception {
        SyntaxError e = catchThrowableOfType(SyntaxError.class,
                () -> onSmallStack(() -> Compiler.compile(SourceFile.of("deep.py", program(shape, OVER)))));
        assertThat(e).isNotNull();
        assertThat(e.msg()).contains("too deeply nested");
        assertThat(e.pos().line()).isEqualTo(1);
    }
}
