package dev.taipan.notebooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Runs notebook cells: Java code, evaluated by JShell inside this JVM, with the project's jars
 * on the class path. The Jupyter kernel and the JUnit notebook runner both use it, so a cell
 * that passes in CI passes in the browser.
 *
 * <p>A cell may hold several snippets (declarations, statements, expressions); JShell's own
 * completeness analysis splits it, exactly as the {@code jshell} tool splits typed input. The
 * cell's value, like a Python notebook's, is that of its last snippet when that is an
 * expression ({@code dis(code)}, {@code x}), and nothing after a declaration or a statement.
 * Unlike {@code jshell}, a cell stops at its first failing snippet: a notebook is read top to
 * bottom, and a later snippet would only report the consequences.
 */
public final class CellEvaluator implements AutoCloseable {

    /** What every Taipan notebook can use without importing it. */
    public static final List<String> TAIPAN_IMPORTS = List.of(
            "import java.util.*;",
            "import dev.taipan.flowgraph.bytecode.*;",
            "import dev.taipan.flowgraph.host.*;",
            "import dev.taipan.flowgraph.flow.*;",
            "import static dev.taipan.notebooks.Taipan.*;");

    private final JShell jshell;
    private final LiveExecutionControl engine;
    /** Whether a cell is being evaluated (Jupyter's "busy"); guarded by this evaluator's lock. */
    private boolean busy;

    /**
     * @param classPath the class path javac compiles cells against (the kernel's own, so that
     *                  compile-time and run-time classes agree)
     * @param imports   snippets run once at startup
     */
    public CellEvaluator(String classPath, List<String> imports) {
        LiveExecutionControl[] created = new LiveExecutionControl[1];
        this.jshell = JShell.builder()
                .executionEngine(LiveExecutionControl.provider(CellEvaluator.class.getClassLoader(), created), Map.of())
                .build();
        this.engine = created[0];
        jshell.addToClasspath(classPath);
        for (String snippet : imports) {
            eval(snippet);
        }
    }

    /** An evaluator for Taipan's notebooks, compiling against this JVM's class path. */
    public static CellEvaluator forTaipan() {
        return new CellEvaluator(System.getProperty("java.class.path"), TAIPAN_IMPORTS);
    }

    /**
     * Runs a cell. Returns the value of its last snippet when that is an expression (null for
     * a declaration, a statement, a void call, or a null value); throws {@link CellError} when
     * a snippet does not compile, throws, or is interrupted.
     */
    public Object eval(String cell) {
        synchronized (this) {
            busy = true;
        }
        try {
            return evalCell(cell);
        } finally {
            synchronized (this) {
                busy = false;
                engine.forgetStop();
            }
        }
    }

    private Object evalCell(String cell) {
        SourceCodeAnalysis analysis = jshell.sourceCodeAnalysis();
        List<Snippet> declared = new ArrayList<>();
        Object value = null;
        String remaining = cell;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete()) {
                throw new CellError.CompileError("the cell ends in the middle of a statement",
                        "the cell ends in the middle of a statement (a missing ')', '}' or ';'?):\n"
                                + indent(remaining.strip()));
            }
            value = evalSnippet(info.source(), declared);
            remaining = info.remaining();
        }
        checkResolved(declared);
        return value;
    }

    private Object evalSnippet(String source, List<Snippet> declared) {
        if (engine.stopRequested()) {
            throw new CellError.Interrupted();      // stopped before this snippet: define nothing more
        }
        Object value = null;
        for (SnippetEvent event : jshell.eval(source)) {
            if (engine.stopRequested()) {
                throw new CellError.Interrupted();
            }
            if (event.causeSnippet() != null) {
                continue;   // an earlier snippet updated because of this one; not this cell's result
            }
            Snippet snippet = event.snippet();
            if (event.status() == Snippet.Status.REJECTED) {
                throw compileError(source, snippet);
            }
            if (event.exception() != null) {
                throw uncaught(event.exception());
            }
            declared.add(snippet);
            value = valueOf(snippet);
        }
        return value;
    }

    /**
     * The live object an expression snippet produced. JShell stores an expression's value in a
     * variable ({@code $3}) or, when the expression names a variable, in that one; reading it
     * through the engine yields the object, not its string.
     */
    private Object valueOf(Snippet snippet) {
        VarSnippet holder = switch (snippet) {
            case VarSnippet v when v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND -> v;
            case ExpressionSnippet e -> jshell.variables()
                    .filter(v -> v.name().equals(e.name()) && jshell.status(v).isActive())
                    .findFirst().orElse(null);
            default -> null;
        };
        if (holder == null) {
            return null;
        }
        jshell.varValue(holder);
        return engine.lastValue();
    }

    /**
     * A method or class of this cell that still refers to something nobody defined. JShell
     * accepts such declarations (they may be completed later, as at a prompt); a notebook is
     * read top to bottom, so by the end of the cell it is a mistake.
     */
    private void checkResolved(List<Snippet> declared) {
        for (Snippet snippet : declared) {
            if (snippet instanceof DeclarationSnippet decl
                    && (jshell.status(decl) == Snippet.Status.RECOVERABLE_DEFINED
                        || jshell.status(decl) == Snippet.Status.RECOVERABLE_NOT_DEFINED)) {
                List<String> missing = jshell.unresolvedDependencies(decl).toList();
                throw new CellError.CompileError(decl.name() + " refers to undefined " + missing,
                        decl.name() + " refers to " + String.join(", ", missing)
                                + ", defined neither in this cell nor above it:\n" + indent(snippet.source().strip()));
            }
        }
    }

    private CellError compileError(String source, Snippet snippet) {
        List<Diag> errors = jshell.diagnostics(snippet).filter(Diag::isError).toList();
        if (errors.isEmpty()) {
            return new CellError.CompileError("rejected by JShell", "JShell rejected this snippet:\n" + indent(source));
        }
        StringBuilder report = new StringBuilder();
        for (Diag d : errors) {
            String message = d.getMessage(Locale.ROOT);
            report.append("error: ").append(message).append('\n').append(pointAt(source, d)).append('\n');
        }
        return new CellError.CompileError(firstLine(errors.getFirst().getMessage(Locale.ROOT)), report.toString().stripTrailing());
    }

    private CellError uncaught(JShellException e) {
        Throwable thrown = engine.takeLastException();
        if (e instanceof UnresolvedReferenceException unresolved) {
            var decl = unresolved.getSnippet();
            String missing = String.join(", ", jshell.unresolvedDependencies(decl).toList());
            return new CellError.CompileError(decl.name() + " refers to undefined " + missing,
                    decl.name() + " cannot run: it refers to " + missing + ", which is not defined");
        }
        if (thrown == null && e instanceof EvalException ee) {
            thrown = new RuntimeException(ee.getExceptionClassName() + ": " + ee.getMessage());
        }
        return new CellError.UncaughtException(thrown == null ? e : thrown);
    }

    /** The source line of a diagnostic with a caret under the offending characters. */
    private static String pointAt(String source, Diag d) {
        int start = (int) Math.max(0, Math.min(d.getStartPosition(), source.length()));
        int end = (int) Math.max(start + 1, Math.min(d.getEndPosition(), source.length()));
        int lineStart = source.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = source.indexOf('\n', start);
        if (lineEnd < 0) {
            lineEnd = source.length();
        }
        end = Math.min(end, Math.max(lineEnd, start + 1));
        return "    " + source.substring(lineStart, lineEnd) + "\n    " + " ".repeat(start - lineStart) + "^".repeat(end - start);
    }

    private static String indent(String text) {
        return text.lines().map(l -> "    " + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /**
     * Stops the cell being evaluated (from another thread: Jupyter's control channel), wherever
     * it is: its code running (JShell stops it), or the cell still being compiled, or between
     * two snippets (the engine remembers the stop, and code that would start after it does not
     * start). Either way the cell ends in {@link CellError.Interrupted}: a stopped JShell
     * {@code eval} returns as if it had completed, so the evaluator asks the engine whether it
     * was stopped. With no cell being evaluated there is nothing to stop, and the interrupt is
     * dropped, as an idle Python kernel drops Ctrl-C; it must not stop the next cell.
     */
    public synchronized void interrupt() {
        if (busy) {
            jshell.stop();
        }
    }

    /** Whether a cell is being evaluated: an {@link #interrupt} now stops it. */
    synchronized boolean busy() {
        return busy;
    }

    /**
     * Jupyter's {@code is_complete}: "complete", "incomplete" (with the indent for the next
     * line) or "invalid", for consoles that decide whether Enter runs the cell.
     */
    public boolean isComplete(String code) {
        String remaining = code;
        SourceCodeAnalysis analysis = jshell.sourceCodeAnalysis();
        while (true) {
            var info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == Completeness.EMPTY) {
                return true;
            }
            if (!info.completeness().isComplete()) {
                return false;
            }
            remaining = info.remaining();
        }
    }

    /** Completions at {@code cursor}: the candidates and where the replaced text starts. */
    public Completions complete(String code, int cursor) {
        int[] anchor = new int[1];
        List<String> candidates = jshell.sourceCodeAnalysis().completionSuggestions(code, cursor, anchor).stream()
                .sorted((a, b) -> Boolean.compare(b.matchesType(), a.matchesType()))
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .toList();
        return new Completions(candidates, anchor[0], cursor);
    }

    /** Replacement candidates for the code between {@code start} and {@code end}. */
    public record Completions(List<String> candidates, int start, int end) {
    }

    @Override
    public void close() {
        jshell.close();
    }
}
