package dev.taipan.flowgraph.host;

import dev.taipan.flowgraph.bytecode.Code;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds a call's arguments to a function's parameters, in one place: positional arguments,
 * keywords, defaults, keyword-only parameters, {@code *args} and {@code **kwargs}, with
 * CPython's TypeError messages. The frame's fast locals are laid out as the code says:
 * positional parameters, keyword-only ones, then {@code *args}, then {@code **kwargs}.
 */
final class ArgBinder {
    private ArgBinder() {}

    static void bind(PyFunction fn, PyObject[] fast, PyObject[] args, String[] kwnames) {
        Code code = fn.code;
        int argc = code.argCount();
        int kwonly = code.kwOnlyArgCount();
        int posonly = code.posOnlyArgCount();
        boolean varargs = code.hasFlag(Code.VARARGS);
        boolean varkw = code.hasFlag(Code.VARKEYWORDS);
        int nkw = kwnames == null ? 0 : kwnames.length;
        int npos = args.length - nkw;
        List<String> varnames = code.varnames();

        int n = Math.min(npos, argc);
        System.arraycopy(args, 0, fast, 0, n);
        if (varargs) {
            PyObject[] extra = new PyObject[Math.max(0, npos - argc)];
            System.arraycopy(args, n, extra, 0, extra.length);
            fast[argc + kwonly] = extra.length == 0 ? PyTuple.EMPTY : new PyTuple(extra);
        } else if (npos > argc) {
            throw tooManyPositional(fn, npos, nkw, args, kwnames);
        }
        PyDict kwdict = null;
        if (varkw) {
            kwdict = new PyDict();
            fast[argc + kwonly + (varargs ? 1 : 0)] = kwdict;
        }
        List<String> posonlyPassedByKeyword = null;
        for (int i = 0; i < nkw; i++) {
            String name = kwnames[i];
            PyObject value = args[npos + i];
            int slot = -1;
            for (int j = posonly; j < argc + kwonly; j++) {
                if (varnames.get(j).equals(name)) {
                    slot = j;
                    break;
                }
            }
            if (slot >= 0) {
                if (fast[slot] != null) {
                    throw PyErrors.typeError(fn.qualname + "() got multiple values for argument '" + name + "'");
                }
                fast[slot] = value;
            } else if (kwdict != null) {
                kwdict.putStr(name, value);
            } else {
                for (int j = 0; j < posonly; j++) {
                    if (varnames.get(j).equals(name)) {
                        if (posonlyPassedByKeyword == null) {
                            posonlyPassedByKeyword = new ArrayList<>();
                        }
                        posonlyPassedByKeyword.add(name);
                    }
                }
                if (posonlyPassedByKeyword == null) {
                    throw PyErrors.typeError(fn.qualname + "() got an unexpected keyword argument '" + name + "'");
                }
            }
        }
        if (posonlyPassedByKeyword != null) {
            throw PyErrors.typeError(fn.qualname + "() got some positional-only arguments passed as keyword arguments: '"
                    + String.join(", ", posonlyPassedByKeyword) + "'");
        }
        if (npos < argc) {
            PyObject[] defaults = fn.defaults == null ? new PyObject[0] : fn.defaults.items;
            int firstDefault = argc - defaults.length;
            List<String> missing = null;
            for (int j = npos; j < argc; j++) {
                if (fast[j] == null) {
                    if (j >= firstDefault) {
                        fast[j] = defaults[j - firstDefault];
                    } else {
                        if (missing == null) {
                            missing = new ArrayList<>();
                        }
                        missing.add(varnames.get(j));
                    }
                }
            }
            if (missing != null) {
                throw missing(fn, missing, "positional");
            }
        }
        if (kwonly > 0) {
            List<String> missing = null;
            for (int j = argc; j < argc + kwonly; j++) {
                if (fast[j] == null) {
                    PyObject d = fn.kwdefaults == null ? null : fn.kwdefaults.getStr(varnames.get(j));
                    if (d != null) {
                        fast[j] = d;
                    } else {
                        if (missing == null) {
                            missing = new ArrayList<>();
                        }
                        missing.add(varnames.get(j));
                    }
                }
            }
            if (missing != null) {
                throw missing(fn, missing, "keyword-only");
            }
        }
    }

    private static PyException missing(PyFunction fn, List<String> names, String kind) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sb.append(names.size() == 2 ? " and " : i == names.size() - 1 ? ", and " : ", ");
            }
            sb.append('\'').append(names.get(i)).append('\'');
        }
        return PyErrors.typeError(fn.qualname + "() missing " + names.size() + " required " + kind + " argument"
                + (names.size() == 1 ? "" : "s") + ": " + sb);
    }

    private static PyException tooManyPositional(PyFunction fn, int given, int nkw, PyObject[] args, String[] kwnames) {
        Code code = fn.code;
        int argc = code.argCount();
        int ndefaults = fn.defaults == null ? 0 : fn.defaults.items.length;
        String takes;
        if (ndefaults > 0) {
            takes = "from " + (argc - ndefaults) + " to " + argc + " positional arguments";
        } else {
            takes = argc + " positional argument" + (argc == 1 ? "" : "s");
        }
        int kwonlyGiven = 0;
        for (int i = 0; i < nkw; i++) {
            int idx = code.varnames().indexOf(kwnames[i]);
            if (idx >= argc && idx < argc + code.kwOnlyArgCount()) {
                kwonlyGiven++;
            }
        }
        String given1 = given + " positional argument" + (given == 1 ? "" : "s");
        if (kwonlyGiven > 0) {
            return PyErrors.typeError(fn.qualname + "() takes " + takes + " but " + given1 + " (and " + kwonlyGiven
                    + " keyword-only argument" + (kwonlyGiven == 1 ? "" : "s") + ") were given");
        }
        return PyErrors.typeError(fn.qualname + "() takes " + takes + " but " + given + (given == 1 ? " was" : " were")
                + " given");
    }
}
