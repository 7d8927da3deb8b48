package dev.taipan.annotator;

import dev.taipan.annotator.SomeValue.*;
import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Binding a call's arguments to the callee's parameters, in annotations (PyPy's
 * {@code ArgumentsForTranslation}): positional arguments first, then keywords by name, then
 * the defaults (prebuilt constants, so their annotations are exact), and the extra positional
 * arguments of a {@code def f(a, *rest)} packed into one fixed-length tuple. The result lines
 * up with the input variables of the callee's start block. Since the flow space makes one
 * variable of {@code rest}, a tuple of one length per call site, the bookkeeper gives each
 * length its own copy of the graph ({@link Bookkeeper#graphFor}).
 */
final class Arguments {
    private Arguments() { }

    /**
     * The start-block arguments of {@code f} for a call with {@code args}, whose last
     * {@code keywords.size()} are passed by keyword. {@code args} includes {@code self} for a method.
     */
    static List<SomeValue> bind(Annotator ann, PyFunction f, List<SomeValue> args, List<String> keywords) {
        Code code = f.code();
        int nparams = code.argCount();
        boolean star = code.hasFlag(Code.VARARGS);
        if (code.kwOnlyArgCount() > 0 || code.hasFlag(Code.VARKEYWORDS)) {
            throw Annotator.error(ann, "function '" + f.name() + "' has keyword-only or ** parameters, "
                    + "which RPy does not support");
        }
        List<String> names = code.varnames().subList(0, nparams);
        int npos = args.size() - keywords.size();
        if (npos > nparams && !star) {
            throw Annotator.error(ann, "function '" + f.name() + "' takes " + nparams + " argument"
                    + (nparams == 1 ? "" : "s") + " but is called with " + args.size());
        }
        SomeValue[] slots = new SomeValue[nparams];
        for (int i = 0; i < Math.min(npos, nparams); i++) {
            slots[i] = args.get(i);
        }
        for (int k = 0; k < keywords.size(); k++) {
            int at = names.indexOf(keywords.get(k));
            if (at < 0) {
                throw Annotator.error(ann, "function '" + f.name() + "' has no parameter '" + keywords.get(k) + "'");
            }
            if (slots[at] != null) {
                throw Annotator.error(ann, "function '" + f.name() + "' gets two values for its argument '"
                        + keywords.get(k) + "'");
            }
            slots[at] = args.get(npos + k);
        }
        List<PyObject> defaults = f.defaults();
        List<SomeValue> full = new ArrayList<>();
        for (int i = 0; i < nparams; i++) {
            int di = i - (nparams - defaults.size());
            if (slots[i] == null && di >= 0) {
                slots[i] = ann.bookkeeper.immutablevalue(defaults.get(di), ann);
            }
            if (slots[i] == null) {
                throw Annotator.error(ann, "function '" + f.name() + "' is called without its argument '"
                        + names.get(i) + "'");
            }
            full.add(slots[i]);
        }
        if (star) {
            List<SomeValue> rest = npos > nparams ? args.subList(nparams, npos) : List.of();
            full.add(new SomeTuple(rest.stream().map(SomeValue::withoutConst).toList()));
        }
        return full;
    }
}
