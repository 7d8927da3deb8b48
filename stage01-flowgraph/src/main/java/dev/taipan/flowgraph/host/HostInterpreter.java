package dev.taipan.flowgraph.host;

import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.TaipanError;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The host interpreter: Taipan's stand-in for CPython. It runs programs (module-level code in
 * full Python, and RPy programs untranslated through their {@code entry_point}), and it imports
 * modules for later stages, which start from the live objects it leaves behind: the
 * {@link PyModule}'s functions, classes and prebuilt instances.
 *
 * <p>Programs run on a thread of their own with a large Java stack, so that Python's recursion
 * limit (1000 frames) is reached long before Java's stack is exhausted.
 */
public final class HostInterpreter {
    private static final long STACK_SIZE = 2L << 30;

    /** The thread running the program, while one runs; see {@link #interrupt}. */
    private volatile Thread running;

    private final Interp interp;
    private String programModule = "__main__";

    /** Where the program's standard output goes: a later stage that runs it prints there too. */
    public PrintStream out() {
        return interp.out;
    }

    public HostInterpreter(PrintStream out, PrintStream err, InputStream in) {
        this.interp = new Interp(out, err, in);
        interp.sys.dict.putStr("path", new PyList(new ArrayList<>(List.of(PyStr.of(Importer.RESOURCE_PREFIX)))));
    }

    /** Relative file names ({@code open}, {@code os.open}) resolve against this directory. */
    public void setWorkingDirectory(Path dir) {
        interp.workingDirectory = dir.toAbsolutePath();
    }

    /** The directory relative file names resolve against (a later stage's system calls use it too). */
    public Path workingDirectory() {
        return interp.workingDirectory;
    }

    /**
     * Runs FILE like {@code taipan exec --stage=host FILE ARGS...}: a file with a top-level
     * {@code def entry_point} is imported as a module named after the file (so its
     * {@code if __name__ == '__main__':} block does not run) and {@code entry_point([FILE, *ARGS])}
     * is called, its int result being the exit status; any other file runs as {@code __main__}
     * with {@code sys.argv = [FILE, *ARGS]}, exit status 0. SystemExit is honoured. An uncaught
     * exception prints a CPython-style traceback to err and gives 1, as does a SyntaxError.
     * Never throws for a problem in the user's program.
     */
    public int runProgram(Path file, List<String> args) {
        try {
            return onBigStack("taipan-host", () -> runProgramOnThisThread(file, args));
        } finally {
            interp.out.flush();
            interp.err.flush();
        }
    }

    /**
     * Stops the program this interpreter is running, as Ctrl-C stops CPython: the next
     * backward jump (every loop has one) raises KeyboardInterrupt in it. A notebook's interrupt
     * button calls this. Does nothing when no program runs.
     */
    public void interrupt() {
        Thread t = running;
        if (t != null) {
            t.interrupt();
        }
    }

    /**
     * Runs {@code work} on a thread with a {@link #STACK_SIZE} Java stack, so that Python's
     * recursion limit, not the JVM's stack, stops deep recursion; whatever it throws is
     * rethrown here.
     */
    private <T> T onBigStack(String name, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, name, STACK_SIZE);
        running = t;
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the host interpreter ran", e);
        } finally {
            running = null;
        }
        switch (failure.get()) {
            case null -> {
                return result.get();
            }
            case RuntimeException re -> throw re;
            case Error er -> throw er;
            default -> throw new IllegalStateException(failure.get());
        }
    }

    private int runProgramOnThisThread(Path file, List<String> args) {
        interp.enter();
        List<String> argv = new ArrayList<>();
        argv.add(file.toString());
        argv.addAll(args);
        SysModule.setArgv(interp.sys, argv);
        addProgramDirectory(file);
        SourceFile source;
        try {
            source = SourceFile.read(file.toAbsolutePath());
        } catch (TaipanError e) {
            interp.err.println("taipan: " + e.getMessage());
            return 1;
        }
        try {
            PyCode code = Importer.compile(source);
            if (definesEntryPoint(source)) {
                programModule = moduleName(file);
                PyModule m = interp.importer.execModule(programModule, source, null);
                PyObject ep = m.get("entry_point");
                PyObject r = ep.call(new PyObject[] {new PyList(new ArrayList<>(Ops.toList(interp.sys.dict.getStr("argv"))))},
                        null);
                return exitStatus(r);
            }
            PyDict globals = new PyDict();
            globals.putStr("__name__", PyStr.of("__main__"));
            globals.putStr("__file__", PyStr.of(file.toString()));
            globals.putStr("__doc__", PySingleton.NONE);
            globals.putStr("__package__", PySingleton.NONE);
            interp.modules.putStr("__main__", new PyModule("__main__", globals));
            interp.runModuleCode(code, globals);
            return 0;
        } catch (PyException e) {
            return uncaught(e);
        } finally {
            interp.out.flush();
            interp.err.flush();
        }
    }

    /** A top-level {@code def entry_point(}, found as the corpus tools find it (decorators allowed). */
    private static final java.util.regex.Pattern ENTRY_POINT =
            java.util.regex.Pattern.compile("^def entry_point\\(", java.util.regex.Pattern.MULTILINE);

    private static boolean definesEntryPoint(SourceFile source) {
        return ENTRY_POINT.matcher(source.text()).find();
    }

    private static String moduleName(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".py") ? n.substring(0, n.length() - 3) : n;
    }

    private void addProgramDirectory(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        PyList path = (PyList) interp.sys.dict.getStr("path");
        path.items.add(0, PyStr.of(dir.toString()));
    }

    private int exitStatus(PyObject code) {
        if (code == PySingleton.NONE) {
            return 0;
        }
        if (code instanceof PyInt i) {
            return (int) i.longValue();
        }
        interp.err.println(Ops.str(code));
        return 1;
    }

    private int uncaught(PyException e) {
        PyBaseException exc = e.value();
        if (exc.type().isSubtypeOf(Types.SYSTEM_EXIT)) {
            PyObject code = exc.args.items.length == 0 ? PySingleton.NONE
                    : exc.args.items.length == 1 ? exc.args.items[0] : exc.args;
            interp.out.flush();
            return exitStatus(code);
        }
        interp.out.flush();
        interp.err.print(Traceback.format(exc, programModule));
        return 1;
    }

    /**
     * Imports FILE as a module named after it (its {@code __main__} block does not run) and
     * returns it: the live objects later stages start from. Python errors raised at import time
     * propagate as {@link PyException}.
     */
    public PyModule importFile(Path file) {
        return onBigStack("taipan-host-import", () -> {
            interp.enter();
            addProgramDirectory(file);
            programModule = moduleName(file);
            return interp.importer.execModule(moduleName(file), SourceFile.read(file.toAbsolutePath()), null);
        });
    }

    /**
     * Calls a Python callable (a function from {@link #importFile}'s module, a class...) on a
     * thread with the interpreter's large stack, for a caller outside the interpreter (a test,
     * a tool). Code already running inside {@link #runInside} (the annotator calling a
     * memo-specialised function at translation time) calls the object directly. Python
     * exceptions propagate as {@link PyException}.
     */
    public PyObject call(PyObject callable, List<PyObject> args) {
        return onBigStack("taipan-host-call", () -> {
            interp.enter();
            return callable.call(args.toArray(new PyObject[0]), null);
        });
    }

    /**
     * Runs Java code as the interpreter would run Python: on a thread with its large stack and
     * with this interpreter current, so that {@link HostSpace} and calls of host objects work.
     * The graph interpreter runs flow graphs this way. Exceptions propagate.
     */
    public <T> T runInside(Supplier<T> body) {
        return onBigStack("taipan-host-inside", () -> {
            interp.enter();
            try {
                return body.get();
            } finally {
                interp.out.flush();
                interp.err.flush();
            }
        });
    }

    /** A name in this interpreter's builtins ({@code len}, {@code BaseException}, ...), or null. */
    public PyObject builtin(String name) {
        return interp.builtinsDict.getStr(name);
    }

    /** Python's {@code import} statement, run now in this interpreter, for a function's globals. */
    public PyObject importName(String name, PyDict globals, PyObject fromlist, int level) {
        return interp.importer.importName(name, globals, fromlist, level);
    }

    /**
     * Makes {@code name} importable in this interpreter as a module written in Java, whose
     * attributes {@code attributes} makes when it is first imported (CPython's extension
     * modules): how a later stage offers Python code objects of its own
     * ({@link PyExtensionObject}), as stage 03 offers {@code rpython.rtyper.lltypesystem.lltype} to
     * its RPy helpers. Only this interpreter sees it. A name already added keeps its first
     * module. The package holding it (here {@code rpython.rtyper.lltypesystem}) must be
     * importable as usual.
     */
    public void addExtensionModule(String name, Supplier<Map<String, PyObject>> attributes) {
        interp.extensionModules.putIfAbsent(name, attributes);
    }

    /** {@code from module import name}, run now in this interpreter. */
    public PyObject importFrom(PyObject module, String name) {
        return interp.importer.importFrom(module, name);
    }

    /**
     * {@code getattr(obj, name)} with Python's full lookup (descriptors, class attributes,
     * {@code __getattr__}), for later stages reading prebuilt objects; AttributeError propagates
     * as {@link PyException}.
     */
    public static PyObject getattr(PyObject obj, String name) {
        return Attr.get(obj, name);
    }

    /** Python's {@code repr(obj)}, for messages that quote a prebuilt constant. */
    public static String repr(PyObject obj) {
        return Ops.repr(obj);
    }

    /** The formatted traceback of an exception from {@link #importFile}, as CPython prints it. */
    public String formatException(PyException e) {
        return Traceback.format(e.value(), programModule);
    }
}
