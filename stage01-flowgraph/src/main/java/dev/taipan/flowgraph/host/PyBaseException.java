package dev.taipan.flowgraph.host;

import dev.taipan.flowgraph.bytecode.Code;
import java.util.ArrayList;
import java.util.List;

/**
 * An exception object (an instance of {@code BaseException} or of any subclass, built-in or
 * user-defined): {@code args}, the chaining links {@code __cause__}/{@code __context__}, a
 * {@code __dict__} for user attributes, and the traceback gathered while it propagates.
 */
public final class PyBaseException extends PyObject {

    /** One traceback line: a frame's code and the line it was executing. */
    record TracebackEntry(Code code, int line) {}

    private final PyType type;
    final PyDict dict = new PyDict();
    PyTuple args;
    PyObject cause = PySingleton.NONE;
    PyObject context = PySingleton.NONE;
    boolean suppressContext;
    /** Innermost frame first, as the exception passed through frames. */
    final List<TracebackEntry> traceback = new ArrayList<>();
    /** For a SyntaxError from the compiler: the error, rendered as CPython renders it. */
    dev.taipan.flowgraph.syntax.SyntaxError syntaxError;
    /** For an interpreter-raised NameError or AttributeError: the name ({@code name}), for Did-you-mean. */
    String missingName;
    /** The frame a NameError was raised in; the object an AttributeError was raised for ({@code obj}). */
    Frame nameFrame;
    PyObject attributeOwner;

    PyBaseException(PyType type, PyTuple args) {
        this.type = type;
        this.args = args;
    }

    @Override
    public PyType type() {
        return type;
    }

    @Override
    public PyDict dict() {
        return dict;
    }

    public List<PyObject> args() {
        return args.items();
    }

    PyObject firstArgOrNone() {
        return args.items.length > 0 ? args.items[0] : PySingleton.NONE;
    }

    @Override
    PyObject getSlot(String name) {
        return switch (name) {
            case "args" -> args;
            case "__cause__" -> cause;
            case "__context__" -> context;
            case "__suppress_context__" -> PyBool.of(suppressContext);
            case "__traceback__" -> PySingleton.NONE;
            case "value" -> type.isSubtypeOf(Types.STOP_ITERATION) ? firstArgOrNone() : null;
            case "code" -> type.isSubtypeOf(Types.SYSTEM_EXIT)
                    ? (args.items.length > 1 ? args : firstArgOrNone()) : null;
            case "name" -> missingName != null ? PyStr.of(missingName)
                    : type.isSubtypeOf(Types.NAME_ERROR) || type.isSubtypeOf(Types.ATTRIBUTE_ERROR) ? PySingleton.NONE : null;
            case "obj" -> type.isSubtypeOf(Types.ATTRIBUTE_ERROR) ? (attributeOwner == null ? PySingleton.NONE : attributeOwner) : null;
            case "errno" -> type.isSubtypeOf(Types.OS_ERROR) ? (args.items.length > 1 ? args.items[0] : PySingleton.NONE) : null;
            case "strerror" -> type.isSubtypeOf(Types.OS_ERROR) ? (args.items.length > 1 ? args.items[1] : PySingleton.NONE) : null;
            case "filename" -> type.isSubtypeOf(Types.OS_ERROR) ? (args.items.length > 2 ? args.items[2] : PySingleton.NONE) : null;
            default -> null;
        };
    }

    @Override
    boolean setSlot(String name, PyObject v) {
        switch (name) {
            case "args" -> args = v instanceof PyTuple t ? t : PyTuple.of(Ops.toList(v));
            case "__cause__" -> {
                cause = v;
                suppressContext = true;
            }
            case "__context__" -> context = v;
            case "__suppress_context__" -> suppressContext = Ops.truthy(v);
            case "__traceback__" -> { }
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    String str() {
        PyObject[] a = args.items;
        if (syntaxError != null) {
            return syntaxError.msg() + " (" + syntaxError.source().name() + ", line " + syntaxError.pos().line() + ")";
        }
        if (type.isSubtypeOf(Types.KEY_ERROR) && a.length == 1) {
            return Ops.repr(a[0]);
        }
        if (type.isSubtypeOf(Types.OS_ERROR) && a.length >= 2) {
            String s = "[Errno " + Ops.str(a[0]) + "] " + Ops.str(a[1]);
            return a.length > 2 ? s + ": " + Ops.repr(a[2]) : s;
        }
        return switch (a.length) {
            case 0 -> "";
            case 1 -> Ops.str(a[0]);
            default -> Ops.repr(args);
        };
    }

    @Override
    String repr() {
        PyObject[] a = args.items;
        if (a.length == 1) {
            return type.name() + "(" + Ops.repr(a[0]) + ")";
        }
        return type.name() + Ops.repr(args);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyObject p && Ops.eqBool(this, p);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(Ops.hash(this));
    }
}
