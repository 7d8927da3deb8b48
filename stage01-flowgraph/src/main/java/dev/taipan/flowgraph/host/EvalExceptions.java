package dev.taipan.flowgraph.host;

import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.bytecode.ExceptionEntry;

/**
 * The eval loop's exceptions family: raising, the handler protocol, {@code with}, and the
 * search for a handler when an instruction raises.
 *
 * <p>The search is static. Nothing is pushed on entering a {@code try}; when an instruction
 * raises, its pc is looked up in the code's exception table ({@link #unwind}), whose innermost
 * covering row gives the handler and the stack depth to cut back to. A handler then runs
 * PUSH_EXC_INFO (the exception becomes the one being handled, for a bare {@code raise} and for
 * {@code __context__}), CHECK_EXC_MATCH per {@code except} clause, and POP_EXCEPT on the way
 * out; {@code finally} bodies are copies on every exit path, ending in RERAISE when an
 * exception is passing through.
 */
final class EvalExceptions {
    private EvalExceptions() {}

    private static final String[] NO_KW = null;

    /**
     * An exception left the instruction at {@code opPc}: record where (the traceback entry, and
     * the exception being handled as its {@code __context__}) unless it is re-raised, then find
     * the handler. With none, the frame is finished and the exception leaves it.
     */
    static ExceptionEntry unwind(Frame f, PyException e, int opPc) {
        Code code = f.code;
        f.lastPc = opPc;
        if (!e.reraise) {
            PyBaseException exc = e.value();
            exc.traceback.add(new PyBaseException.TracebackEntry(code, code.lineAt(opPc)));
            PyBaseException handled = f.interp.handled;
            if (handled != null && handled != exc && exc.context == PySingleton.NONE) {
                exc.context = handled;
            }
        }
        e.reraise = false;
        ExceptionEntry h = code.handlerFor(opPc);
        if (h == null) {
            f.pc = code.length();
            f.sp = 0;
            throw e;
        }
        return h;
    }

    /** PUSH_EXC_INFO: {@code exc -> prev exc}, and {@code exc} is now the exception being handled. */
    static int pushExcInfo(Interp in, PyObject[] st, int sp) {
        PyObject exc = st[sp - 1];
        st[sp - 1] = in.handled == null ? PySingleton.NONE : in.handled;
        st[sp] = exc;
        in.handled = (PyBaseException) exc;
        return sp + 1;
    }

    /** POP_EXCEPT: {@code prev ->}, the exception handled before this handler began. */
    static int popExcept(Interp in, PyObject[] st, int sp) {
        PyObject prev = st[--sp];
        in.handled = prev instanceof PyBaseException e ? e : null;
        return sp;
    }

    /** CHECK_EXC_MATCH: {@code exc type -> exc bool}. */
    static void checkExcMatch(PyObject[] st, int sp) {
        st[sp - 1] = PyBool.of(Ops.exceptionMatches(st[sp - 2], st[sp - 1]));
    }

    /**
     * RAISE_VARARGS: a bare {@code raise} (0) re-raises the exception being handled;
     * {@code raise exc} (1); {@code raise exc from cause} (2).
     */
    static PyException raise(Interp in, PyObject[] st, int sp, int arg) {
        if (arg == 0) {
            if (in.handled == null) {
                return PyErrors.runtimeError("No active exception to reraise");
            }
            return new PyException(in.handled, true);
        }
        PyObject cause = arg == 2 ? st[sp - 1] : null;
        PyObject v = st[sp - arg];
        PyBaseException exc = Ops.makeException(v);
        if (cause != null) {
            exc.cause = cause == PySingleton.NONE ? PySingleton.NONE : Ops.makeException(cause);
            exc.suppressContext = true;
        }
        return new PyException(exc);
    }

    /** BEFORE_WITH: {@code mgr -> exit enter_result}, with {@code exit} bound to the manager. */
    static int beforeWith(PyObject[] st, int sp) {
        PyObject mgr = st[sp - 1];
        PyObject enter = Attr.lookupSpecial(mgr, "__enter__");
        PyObject exit = Attr.lookupSpecial(mgr, "__exit__");
        if (enter == null || exit == null) {
            throw PyErrors.typeError("'" + mgr.type().name() + "' object does not support the context manager protocol");
        }
        st[sp - 1] = exit;
        st[sp] = enter.call(new PyObject[0], NO_KW);
        return sp + 1;
    }

    /**
     * WITH_EXCEPT_START: {@code exit prev exc -> exit prev exc res}, where {@code res} is
     * {@code exit(type(exc), exc, None)}; a true {@code res} swallows the exception.
     */
    static int withExceptStart(PyObject[] st, int sp) {
        PyObject exc = st[sp - 1];
        PyObject exit = st[sp - 3];
        st[sp] = exit.call(new PyObject[] {exc.type(), exc, PySingleton.NONE}, NO_KW);
        return sp + 1;
    }
}
