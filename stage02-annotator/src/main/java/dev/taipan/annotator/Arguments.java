package dev.taipan.annotator;

import dev.taipan.annotator.SomeValue.*;
import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Binding a call's arguments to the callee's parameters, in annotations (PyPy's
 * {@code ArgumentsForTranslation}): positional arguments first, then keywords by name, then
 * the defaults (prebuilt constants, so their annotations are exact), and the extra positional
 * arguments of a {@code def f(a, *rest)} packed into one fixed-length tuple. The result lines
 * up with the input variables of the callee's start block. Since the flow space makes one
 * variable of {@code rest}, a tuple of one length per call site, the bookkeeper gives each
 * length its own copy of the graph ({@link Bookkeeper#graphFor}).
 */
public final class Arguments {
    private Arguments() { }

    /** Where one parameter's value comes from: argument {@code index} of the call, or the default {@code value}. */
    public sealed interface Source {
        record Arg(int index) implements Source { }

        record Default(PyObject value) implements Source { }
    }

    /**
     * How a call with {@code npos} positional arguments then {@code keywords} binds to the
     * callee's parameters: a source per parameter, and for a {@code *rest} parameter the
     * indexes of the arguments packed into its tuple (null if the callee has none). The
     * annotator binds annotations with it; the rtyper binds low-level values with the same plan,
     * so the two can never disagree.
     */
    public record Plan(List<Source> params, List<Integer> rest) { }

    /** The plan of a call of {@code f}; a call that cannot bind is an error from {@code error}. */
    public static Plan plan(PyFunction f, int npos, List<String> keywords, Function<String, RuntimeException> error) {
        Code code = f.code();
        int nparams = code.argCount();
        boolean star = code.hasFlag(Code.VARARGS);
        if (code.kwOnlyArgCount() > 0 || code.hasFlag(Code.VARKEYWORDS)) {
            throw error.apply("function '" + f.name() + "' has keyword-only or ** parameters, which RPy does not support");
        }
        List<String> names = code.varnames().subList(0, nparams);
        int nargs = npos + keywords.size();
        if (npos > nparams && !star) {
            throw error.apply("function '" + f.name() + "' takes " + nparams + " argument"
                    + (nparams == 1 ? "" : "s") + " but is called with " + nargs);
        }
        Source[] slots = new Source[nparams];
        for (int i = 0; i < Math.min(npos, nparams); i++) {
            slots[i] = new Source.Arg(i);
        }
        for (int k = 0; k < keywords.size(); k++) {
            int at = names.indexOf(keywords.get(k));
            if (at < 0) {
                throw error.apply("function '" + f.name() + "' has no parameter '" + keywords.get(k) + "'");
            }
            if (slots[at] != null) {
                throw error.apply("function '" + f.name() + "' gets two values for its argument '" + keywords.get(k) + "'");
            }
            slots[at] = new Source.Arg(npos + k);
        }
        List<PyObject> defaults = f.defaults();
        for (int i = 0; i < nparams; i++) {
            int di = i - (nparams - defaults.size());
            if (slots[i] == null && di >= 0) {
                slots[i] = new Source.Default(defaults.get(di));
            }
            if (slots[i] == null) {
                throw error.apply("function '" + f.name() + "' is called without its argument '" + names.get(i) + "'");
            }
        }
        List<Integer> rest = null;
        if (star) {
            rest = new ArrayList<>();
            for (int i = nparams; i < npos; i++) {
                rest.add(i);
            }
        }
        return new Plan(List.of(slots), rest);
    }

    /**
     * The start-block arguments of {@code f} for a call with {@code args}, whose last
     * {@code keywords.size()} are passed by keyword. {@code args} includes {@code self} for a method.
     * Defaults are prebuilt constants, so their annotations are exact.
     */
    static List<SomeValue> bind(Annotator ann, PyFunction f, List<SomeValue> args, List<String> keywords) {
        Plan plan = plan(f, args.size() - keywords.size(), keywords, message -> Annotator.error(ann, message));
        List<SomeValue> full = new ArrayList<>();
        for (Source s : plan.params()) {
            full.add(switch (s) {
                case Source.Arg(int i) -> args.get(i);
                case Source.Default(PyObject d) -> ann.bookkeeper.immutablevalue(d, ann);
            });
        }
        if (plan.rest() != null) {
            full.add(new SomeTuple(plan.rest().stream().map(i -> args.get(i).withoutConst()).toList()));
        }
        return full;
    }
}
