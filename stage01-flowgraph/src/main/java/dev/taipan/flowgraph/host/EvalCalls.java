package dev.taipan.flowgraph.host;

import java.util.List;

/**
 * The eval loop's calls-and-definitions family. Each call instruction takes the callee and its
 * arguments off the stack and leaves the result in the callee's slot; each method here returns
 * the stack pointer after that.
 *
 * <p>The general path builds an argument array (and keyword names) and lets the callee bind
 * them ({@link PyObject#call}). The fast path is the commonest call of all, a plain function
 * given exactly its positional parameters: the arguments are copied straight from the stack
 * into the new frame's locals, with no array and no binding. Calls through LOAD_METHOD get the
 * same, with the receiver as the first local, and {@code list.append} gets CPython 3.11's
 * dedicated shortcut.
 */
final class EvalCalls {
    private EvalCalls() {}

    private static final String[] NO_KW = null;
    private static final PyObject[] NO_ARGS = new PyObject[0];

    /** CALL: {@code f a1 .. an -> f(a1, .., an)}. */
    static int call(Frame f, PyObject[] st, int sp, int n) {
        sp -= n;
        PyObject fn = st[sp - 1];
        if (fn instanceof PyFunction pf && pf.takesExactly(n)) {
            st[sp - 1] = callDirect(f.interp, pf, null, st, sp, n);
        } else if (n == 0 && fn == Types.SUPER) {
            st[sp - 1] = Builtins.zeroArgSuper(f.interp);   // super() reads the caller's frame
        } else {
            st[sp - 1] = fn.call(copy(st, sp, n), NO_KW);
        }
        Eval.clear(st, sp, n);
        return sp;
    }

    /** CALL_KW: the last of the n arguments are passed by keyword, named by the tuple on top. */
    static int callKw(PyObject[] st, int sp, int n) {
        PyTuple kwnames = (PyTuple) st[--sp];
        sp -= n;
        st[sp - 1] = st[sp - 1].call(copy(st, sp, n), kwnames.asNames());
        Eval.clear(st, sp, n + 1);
        return sp;
    }

    /** CALL_METHOD: {@code callable self-or-NULL a1 .. an -> result}, after LOAD_METHOD. */
    static int callMethod(Frame f, PyObject[] st, int sp, int n) {
        sp -= n;
        PyObject self = st[sp - 1];
        PyObject fn = st[sp - 2];
        PyObject r;
        if (n == 1 && fn == TypeMethods.listAppend && self.getClass() == PyList.class) {
            ((PyList) self).items.add(st[sp]);     // CPython 3.11's CALL_NO_KW_LIST_APPEND
            r = PySingleton.NONE;
        } else if (self != null && fn instanceof PyFunction pf && pf.takesExactly(n + 1)) {
            r = callDirect(f.interp, pf, self, st, sp, n);
        } else if (self != null) {
            PyObject[] args = new PyObject[n + 1];
            args[0] = self;
            System.arraycopy(st, sp, args, 1, n);
            r = fn.call(args, NO_KW);
        } else {
            r = fn.call(copy(st, sp, n), NO_KW);
        }
        sp--;
        st[sp - 1] = r;
        Eval.clear(st, sp, n + 1);
        return sp;
    }

    /**
     * CALL_EX: {@code f(*args)} and {@code f(*args, **kwargs)} with the sequence (and mapping)
     * built on the stack, or, with flag 2, {@code f(a1, .., an, *rest)} with the n positional
     * arguments kept apart.
     */
    static int callEx(PyObject[] st, int sp, int flags) {
        if ((flags & 2) != 0) {
            int n = flags >> 2;
            PyObject rest = st[--sp];
            PyObject[] all = starArguments(st, sp - n, n, rest);
            sp -= n;
            Eval.clear(st, sp, n);
            st[sp - 1] = st[sp - 1].call(all, NO_KW);
            return sp;
        }
        PyObject kwargs = (flags & 1) != 0 ? st[--sp] : null;
        PyObject args = st[--sp];
        st[sp - 1] = callWithStarArgs(st[sp - 1], args, kwargs);
        return sp;
    }

    /**
     * MAKE_FUNCTION: {@code [defaults] [kwdefaults] [closure] code -> function}, the optional
     * operands present as the flags say (1, 2, 8); the function's globals are the frame's.
     */
    static int makeFunction(Frame f, PyObject[] st, int sp, int flags) {
        PyCode c = (PyCode) st[--sp];
        PyCell[] closure = null;
        if ((flags & 8) != 0) {
            PyTuple t = (PyTuple) st[--sp];
            closure = new PyCell[t.items.length];
            for (int i = 0; i < closure.length; i++) {
                closure[i] = (PyCell) t.items[i];
            }
        }
        PyDict kwdefaults = (flags & 2) != 0 ? (PyDict) st[--sp] : null;
        PyTuple defaults = (flags & 1) != 0 ? (PyTuple) st[--sp] : null;
        st[sp++] = new PyFunction(f.interp, c, f.globals, defaults, kwdefaults, closure);
        return sp;
    }

    /**
     * The fast path: a new frame whose first locals are {@code self} (when not null) and the n
     * arguments at {@code st[from]}, run at once.
     */
    private static PyObject callDirect(Interp in, PyFunction pf, PyObject self, PyObject[] st, int from, int n) {
        Frame callee = new Frame(in, pf.pycode, pf.globals, null, pf.closure);
        callee.function = pf;
        int first = 0;
        if (self != null) {
            callee.fast[first++] = self;
        }
        System.arraycopy(st, from, callee.fast, first, n);
        return in.execute(callee);
    }

    /**
     * The arguments of {@code f(a1, .., an, *rest)}: the n on the stack from {@code from}, then
     * rest's items. CPython names f in the error only when {@code *rest} is the sole argument.
     */
    private static PyObject[] starArguments(PyObject[] st, int from, int n, PyObject rest) {
        if (!Ops.isIterable(rest)) {
            throw PyErrors.typeError((n == 0 ? Ops.functionStr(st[from - 1]) + " argument after *" : "Value after *")
                    + " must be an iterable, not " + Ops.typeName(rest));
        }
        List<PyObject> items = rest instanceof PyTuple t ? List.of(t.items) : Ops.toList(rest);
        PyObject[] all = new PyObject[n + items.size()];
        System.arraycopy(st, from, all, 0, n);
        for (int i = 0; i < items.size(); i++) {
            all[n + i] = items.get(i);
        }
        return all;
    }

    /** {@code fn(*args, **kwargs)}: the positional sequence, then the mapping's string keys as keywords. */
    private static PyObject callWithStarArgs(PyObject fn, PyObject args, PyObject kwargs) {
        List<PyObject> pos = args instanceof PyTuple t ? List.of(t.items) : Ops.toList(args);
        if (kwargs == null || kwargs instanceof PyDict d && d.size() == 0) {
            return fn.call(pos.toArray(NO_ARGS), NO_KW);
        }
        PyDict kw = (PyDict) kwargs;
        PyObject[] all = new PyObject[pos.size() + kw.size()];
        String[] kwnames = new String[kw.size()];
        int i = 0;
        for (PyObject p : pos) {
            all[i++] = p;
        }
        int k = 0;
        for (var e : kw.map.entrySet()) {
            if (!(e.getKey() instanceof String s)) {
                throw PyErrors.typeError("keywords must be strings");
            }
            kwnames[k++] = s;
            all[i++] = e.getValue();
        }
        return fn.call(all, kwnames);
    }

    private static PyObject[] copy(PyObject[] st, int from, int n) {
        PyObject[] args = new PyObject[n];
        System.arraycopy(st, from, args, 0, n);
        return args;
    }
}
