package dev.taipan.flowgraph.host;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The state of one interpreter: PyPy's object space and execution context in one. It holds
 * the builtins, {@code sys}, the module table and the import machinery, and per thread of
 * execution the stack of frames, the recursion depth and the exception being handled (for a
 * bare {@code raise} and for {@code __context__}).
 */
final class Interp {
    final PrintStream out;
    final PrintStream err;
    final InputStream in;
    /** {@code sys.stdin}; {@code input()} reads through it too, so the two never disagree. */
    final PyFile stdin;
    final PyDict builtinsDict = new PyDict();
    final PyModule builtinsModule;
    final PyDict modules = new PyDict();
    final Importer importer;
    final PyModule sys;
    final PyObject buildClass;
    /** The extension modules a later stage added ({@link HostInterpreter#addExtensionModule}), made when first imported. */
    final Map<String, Supplier<Map<String, PyObject>>> extensionModules = new HashMap<>();
    Path workingDirectory = Path.of("").toAbsolutePath();

    /**
     * The interpreter running Python code on this thread, like CPython's thread state. Only
     * the host's own run-time machinery reads it (zero-argument {@code super()} and
     * {@code types.FunctionType} find the caller's interpreter here); the translation
     * toolchain never does: it holds its host explicitly ({@code TranslationContext.host()}).
     */
    private static final ThreadLocal<Interp> CURRENT = new ThreadLocal<>();

    int depth;
    int recursionLimit = 1000;
    Frame current;
    PyBaseException handled;

    Interp(PrintStream out, PrintStream err, InputStream in) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.stdin = new PyFile("<stdin>", "r", new java.io.BufferedReader(
                new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)), null);
        TypeMethods.install();
        Builtins.fill(this, builtinsDict);
        builtinsModule = new PyModule("builtins", builtinsDict);
        buildClass = builtinsDict.getStr("__build_class__");
        modules.putStr("builtins", builtinsModule);
        sys = SysModule.create(this);
        modules.putStr("sys", sys);
        importer = new Importer(this);
    }

    /** The interpreter running on this thread (for the two built-ins above). */
    static Interp current() {
        Interp in = CURRENT.get();
        if (in == null) {
            throw new IllegalStateException("no host interpreter is running on this thread");
        }
        return in;
    }

    void enter() {
        CURRENT.set(this);
    }

    /** Runs a frame to its end (or next yield), with recursion accounting and the frame chain. */
    PyObject execute(Frame f) {
        if (depth >= recursionLimit) {
            throw PyErrors.recursion();
        }
        depth++;
        f.back = current;
        current = f;
        try {
            return Eval.run(f);
        } catch (StackOverflowError e) {
            throw PyErrors.recursion();
        } finally {
            current = f.back;
            depth--;
        }
    }

    /** Runs a module's code with {@code globals} as its namespace. */
    PyObject runModuleCode(PyCode code, PyDict globals) {
        if (globals.getStr("__builtins__") == null) {
            globals.putStr("__builtins__", builtinsModule);
        }
        return execute(new Frame(this, code, globals, globals, null));
    }

    /** sys.stdout's write, honouring a replaced sys.stdout. */
    void writeStdout(String s) {
        PyObject so = sys.dict.getStr("stdout");
        if (so instanceof PyStream ps) {
            ps.write(s);
        } else {
            Attr.callMethod(so, "write", PyStr.of(s));
        }
    }

    Path resolve(String path) {
        return workingDirectory.resolve(path);
    }
}
