package dev.taipan.flowgraph.host;

import dev.taipan.flowgraph.bytecode.Code;
import java.util.List;

/**
 * A Python function: code plus the environment it was created in. This is the object the flow
 * space starts from (PyPy's {@code FunctionDesc}): it reads the {@link #code()}, takes
 * {@link #globals()} and the {@link #closure()} cells' contents as constants, uses
 * {@link #defaults()} to fill missing arguments, and reads decorator markers such as
 * {@code _annspecialcase_} from {@link #dict()}.
 *
 * <p>A call binds the arguments into a fresh {@link Frame} ({@link ArgBinder}) and runs it, or,
 * for a generator function, wraps the frame in a {@link PyGenerator} without running it.
 */
public final class PyFunction extends PyObject {
    final Interp interp;
    final PyCode pycode;
    final Code code;
    final PyDict globals;
    PyTuple defaults;
    PyDict kwdefaults;
    final PyCell[] closure;
    String name;
    String qualname;
    PyObject doc;
    PyObject module;
    private final PyDict dict = new PyDict();
    /** Arguments can be copied straight into the frame (no defaults needed, no * or **). */
    private final boolean simple;
    private final boolean generator;

    PyFunction(Interp interp, PyCode pycode, PyDict globals, PyTuple defaults, PyDict kwdefaults, PyCell[] closure) {
        this.interp = interp;
        this.pycode = pycode;
        this.code = pycode.code;
        this.globals = globals;
        this.defaults = defaults;
        this.kwdefaults = kwdefaults;
        this.closure = closure;
        this.name = code.name();
        this.qualname = code.qualname();
        this.doc = code.hasFlag(Code.FUNCTION) && !code.consts().isEmpty() && code.consts().get(0) instanceof String
                ? pycode.consts[0] : PySingleton.NONE;
        PyObject m = globals.getStr("__name__");
        this.module = m == null ? PySingleton.NONE : m;
        this.generator = code.hasFlag(Code.GENERATOR);
        this.simple = code.kwOnlyArgCount() == 0 && !code.hasFlag(Code.VARARGS) && !code.hasFlag(Code.VARKEYWORDS);
    }

    /** A positional call with exactly this many arguments needs no binding and makes no generator. */
    boolean takesExactly(int nargs) {
        return simple && nargs == code.argCount() && !generator;
    }

    public Code code() {
        return code;
    }

    public PyDict globals() {
        return globals;
    }

    /** The positional defaults (empty when none). */
    public List<PyObject> defaults() {
        return defaults == null ? List.of() : defaults.items();
    }

    /** The keyword-only defaults by name (empty when none). */
    public java.util.Map<String, PyObject> kwdefaults() {
        java.util.Map<String, PyObject> m = new java.util.LinkedHashMap<>();
        if (kwdefaults != null) {
            kwdefaults.map.forEach((k, v) -> m.put(k.toString(), v));
        }
        return m;
    }

    /** The closure cells, in the order of the code's freevars (empty when none). */
    public List<PyCell> closure() {
        return closure == null ? List.of() : List.of(closure);
    }

    public String name() {
        return name;
    }

    public String qualname() {
        return qualname;
    }

    @Override
    public PyDict dict() {
        return dict;
    }

    @Override
    public PyType type() {
        return Types.FUNCTION;
    }

    @Override
    public PyObject call(PyObject[] args, String[] kwnames) {
        Frame f = new Frame(interp, pycode, globals, null, closure);
        f.function = this;
        if (simple && kwnames == null && args.length == code.argCount()) {
            System.arraycopy(args, 0, f.fast, 0, args.length);
        } else {
            ArgBinder.bind(this, f.fast, args, kwnames);
        }
        if (code.hasFlag(Code.GENERATOR)) {
            return new PyGenerator(f);
        }
        return interp.execute(f);
    }

    /** {@code call([self, *args])} without building the joined array when binding is trivial. */
    PyObject callWithSelf(PyObject self, PyObject[] args, String[] kwnames) {
        if (kwnames == null && takesExactly(args.length + 1)) {
            Frame f = new Frame(interp, pycode, globals, null, closure);
            f.function = this;
            f.fast[0] = self;
            System.arraycopy(args, 0, f.fast, 1, args.length);
            return interp.execute(f);
        }
        return call(Ops.prepend(self, args), kwnames);
    }

    @Override
    PyObject getSlot(String n) {
        return switch (n) {
            case "__name__" -> PyStr.of(name);
            case "__qualname__" -> PyStr.of(qualname);
            case "__doc__" -> doc;
            case "__module__" -> module;
            case "__code__" -> pycode;
            case "__globals__" -> globals;
            case "__defaults__" -> defaults == null ? PySingleton.NONE : defaults;
            case "__kwdefaults__" -> kwdefaults == null ? PySingleton.NONE : kwdefaults;
            case "__closure__" -> closure == null ? PySingleton.NONE : new PyTuple((PyObject[]) closure);
            case "__dict__" -> dict;
            default -> null;
        };
    }

    @Override
    boolean setSlot(String n, PyObject v) {
        switch (n) {
            case "__name__" -> name = Ops.str(v);
            case "__qualname__" -> qualname = Ops.str(v);
            case "__doc__" -> doc = v;
            case "__module__" -> module = v;
            case "__defaults__" -> {
                if (v != PySingleton.NONE && !(v instanceof PyTuple)) {
                    throw PyErrors.typeError("__defaults__ must be set to a tuple object");
                }
                defaults = v == PySingleton.NONE ? null : (PyTuple) v;
            }
            case "__kwdefaults__" -> {
                if (v != PySingleton.NONE && !(v instanceof PyDict)) {
                    throw PyErrors.typeError("__kwdefaults__ must be set to a dict object");
                }
                kwdefaults = v == PySingleton.NONE ? null : (PyDict) v;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    String repr() {
        return "<function " + qualname + " at " + Ops.address(this) + ">";
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
