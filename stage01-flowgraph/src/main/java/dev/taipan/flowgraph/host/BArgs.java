package dev.taipan.flowgraph.host;

/**
 * Argument parsing for functions written in Java: binds positional and keyword arguments to a
 * list of parameter names, as {@code PyArg_ParseTupleAndKeywords} does for CPython's C code.
 */
final class BArgs {
    private BArgs() {}

    /**
     * Binds {@code args} to {@code names}; the first {@code required} names must be given.
     * Missing optional parameters are null in the result.
     */
    static PyObject[] parse(String fname, PyObject[] args, String[] kwnames, int required, String... names) {
        int nkw = kwnames == null ? 0 : kwnames.length;
        int npos = args.length - nkw;
        if (npos > names.length) {
            throw tooMany(fname, names.length, required, npos);
        }
        PyObject[] out = new PyObject[names.length];
        System.arraycopy(args, 0, out, 0, npos);
        for (int i = 0; i < nkw; i++) {
            int slot = -1;
            for (int j = 0; j < names.length; j++) {
                if (names[j].equals(kwnames[i])) {
                    slot = j;
                    break;
                }
            }
            if (slot < 0) {
                throw PyErrors.typeError(fname + "() got an unexpected keyword argument '" + kwnames[i] + "'");
            }
            if (out[slot] != null) {
                throw PyErrors.typeError("argument for " + fname + "() given by name ('" + kwnames[i]
                        + "') and position (" + (slot + 1) + ")");
            }
            out[slot] = args[npos + i];
        }
        for (int j = 0; j < required; j++) {
            if (out[j] == null) {
                if (required == names.length && nkw == 0) {
                    throw PyErrors.typeError(fname + "() takes " + (required == 1 ? "exactly one argument"
                            : "exactly " + required + " arguments") + " (" + npos + " given)");
                }
                throw PyErrors.typeError(fname + "() missing required argument '" + names[j] + "' (pos " + (j + 1) + ")");
            }
        }
        return out;
    }

    /** Positional arguments only, between {@code min} and {@code max} of them. */
    static void count(String fname, PyObject[] args, String[] kwnames, int min, int max) {
        if (kwnames != null && kwnames.length > 0) {
            throw PyErrors.typeError(fname + "() takes no keyword arguments");
        }
        int n = args.length;
        if (n < min || n > max) {
            if (min == max) {
                throw PyErrors.typeError(fname + "() takes " + (min == 0 ? "no arguments" : min == 1
                        ? "exactly one argument" : "exactly " + min + " arguments") + " (" + n + " given)");
            }
            if (n < min) {
                throw PyErrors.typeError(fname + " expected at least " + min + " argument" + (min == 1 ? "" : "s")
                        + ", got " + n);
            }
            throw PyErrors.typeError(fname + " expected at most " + max + " argument" + (max == 1 ? "" : "s")
                    + ", got " + n);
        }
    }

    private static PyException tooMany(String fname, int max, int required, int given) {
        if (max == 0) {
            return PyErrors.typeError(fname + "() takes no arguments (" + given + " given)");
        }
        if (max == required) {
            return PyErrors.typeError(fname + "() takes exactly " + (max == 1 ? "one argument" : max + " arguments")
                    + " (" + given + " given)");
        }
        return PyErrors.typeError(fname + "() takes at most " + max + " argument" + (max == 1 ? "" : "s") + " ("
                + given + " given)");
    }

    static String str(String fname, PyObject o) {
        if (o instanceof PyStr s) {
            return s.value;
        }
        throw PyErrors.typeError(fname + "() argument must be str, not " + o.type().name());
    }
}
