package dev.taipan.rtyper.rtyper;

import dev.taipan.annotator.Annotator;
import dev.taipan.annotator.Desc;
import dev.taipan.annotator.SomeValue;
import dev.taipan.annotator.SomeValue.SomePBC;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyInstance;
import dev.taipan.flowgraph.host.PyList;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.flowgraph.operation.HLOp;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.Primitive;
import java.util.ArrayList;
import java.util.List;

/**
 * The hints of {@code rpython.rlib.jit} at the low level. They mean nothing to the program (the
 * annotator types them without a graph: {@code promote(x)} is {@code x}, {@code we_are_jitted()}
 * False, the driver's methods None), but the JIT generator of stage 06 needs to find them in
 * the low-level graphs, so they stay there as operations the llinterp and the backends ignore,
 * as PyPy's rtyper keeps them:
 * <ul>
 *   <li>{@code driver.jit_merge_point(pc=pc, ...)}, {@code can_enter_jit}, {@code loop_header}:
 *       {@code jit_marker('jit_merge_point', driver, greens..., reds...)}, the driver the host
 *       object (a Void constant) and the variables in its order, greens first, so that the
 *       codewriter knows which value is which without the keywords;</li>
 *   <li>{@code promote(x)}, {@code promote_string(x)}, {@code hint(x, promote=True)}:
 *       {@code hint(x, 'promote')}, a copy of x that tells the tracer to make it a constant;</li>
 *   <li>{@code we_are_jitted()}: False (the JIT's copy of a graph will fold it to True);</li>
 *   <li>the decorators ({@code @elidable}, {@code @unroll_safe}, {@code @look_inside}, ...) ran at
 *       import time and left a marker attribute on the function, for stage 06 to read: nothing
 *       to do here.</li>
 * </ul>
 */
final class JitHints {
    private JitHints() { }

    /**
     * A JitDriver as {@code jit_marker} carries it: the host object (for stage 06) and what a
     * reader of the graph wants to see of it, never its address.
     */
    record Driver(PyInstance host, String name, List<String> greens, List<String> reds) {
        @Override
        public String toString() {
            return "JitDriver " + name + " greens=" + greens + " reds=" + (reds.isEmpty() ? "auto" : reds);
        }
    }

    /** The hint {@code hop} calls, or null if it calls something else. */
    static PyFunction hint(RTyper rtyper, HighLevelOp hop) {
        if (!(rtyper.annotation(hop.spaceop.args().getFirst()) instanceof SomePBC p) || p.descs().size() != 1) {
            return null;
        }
        PyFunction f = switch (p.descs().iterator().next()) {
            case Desc.FunctionDesc d -> d.pyobj();
            case Desc.MethodDesc m -> m.func().pyobj();
            default -> null;
        };
        return f != null && Annotator.isJitHint(f) ? f : null;
    }

    static Value translate(RTyper rtyper, HighLevelOp hop, PyFunction f) {
        return switch (f.name()) {
            case "jit_merge_point", "can_enter_jit", "loop_header" -> {
                hop.genop(LLOp.JIT_MARKER, marker(hop, f.name()), Primitive.VOID);
                yield rtyper.none();
            }
            case "promote", "promote_string" -> hintOf(hop, f.name());
            case "hint" -> hintOf(hop, "hint(" + String.join(", ", hop.keywords()) + ")");
            case "we_are_jitted" -> LLConstant.of(false, Primitive.BOOL);
            default -> throw hop.error("the JIT hint " + f.name() + "() has no low-level translation (jit_merge_point, "
                    + "can_enter_jit, loop_header, promote, promote_string, hint and we_are_jitted have)");
        };
    }

    /** {@code hint(x, 'what')}: the value itself, in the result's repr (the annotator made it x's). */
    private static Value hintOf(HighLevelOp hop, String what) {
        List<HighLevelOp.CallArg> args = hop.callArgs();
        if (args.isEmpty()) {
            throw hop.error("a JIT hint on a value needs the value");
        }
        HighLevelOp.CallArg x = args.getFirst();
        Value v = hop.convert(x.value(), x.repr(), hop.resultRepr);
        if (hop.resultRepr.lowleveltype() == Primitive.VOID) {
            return v;   // a value known now: nothing for the JIT to promote
        }
        return hop.genop(LLOp.HINT, List.of(v, LLConstant.voidOf(what)), hop.resultRepr.lowleveltype());
    }

    /**
     * The operands of {@code jit_marker}: what it marks, the driver, then the live variables
     * passed by keyword, in the driver's order of greens then reds (with {@code reds='auto'},
     * the greens, then the others as given).
     */
    private static List<Value> marker(HighLevelOp hop, String kind) {
        PyInstance host = driver(hop);
        Driver driver = new Driver(host, host.dict().getStr("name") instanceof PyStr n ? n.value() : "jitdriver",
                names(host, "greens"), names(host, "reds"));
        List<String> keywords = hop.keywords();
        List<HighLevelOp.CallArg> args = hop.callArgs();
        int npos = args.size() - keywords.size();
        if (npos != 0) {
            throw hop.error(kind + "() takes the driver's variables by keyword only");
        }
        List<String> order = new ArrayList<>(driver.greens());
        order.addAll(driver.reds());
        for (String k : keywords) {
            if (!order.contains(k)) {
                order.add(k);
            }
        }
        List<Value> out = new ArrayList<>(List.of(LLConstant.voidOf(kind), LLConstant.voidOf(driver)));
        for (String name : order) {
            int at = keywords.indexOf(name);
            if (at < 0) {
                throw hop.error(kind + "() does not pass '" + name + "', a variable of its JitDriver");
            }
            HighLevelOp.CallArg a = args.get(at);
            out.add(a.value());
        }
        return out;
    }

    /** The JitDriver whose method is called: a prebuilt instance, read from the attribute lookup. */
    private static PyInstance driver(HighLevelOp hop) {
        SpaceOperation getattr = hop.definition(hop.spaceop.args().getFirst());
        if (getattr != null && getattr.op() == HLOp.GETATTR && getattr.args().getFirst() instanceof Constant c
                && c.value() instanceof PyInstance driver) {
            return driver;
        }
        SomeValue s = hop.rtyper().annotation(hop.spaceop.args().getFirst());
        throw hop.error("a JitDriver's hints are called on a driver built at import time (a global), not on "
                + (s == null ? "a value" : "a value computed at run time"));
    }

    private static List<String> names(PyInstance driver, String attribute) {
        if (driver.dict().getStr(attribute) instanceof PyList l) {
            return l.items().stream().map(x -> x instanceof PyStr s ? s.value() : "").toList();
        }
        return List.of();   // reds='auto': the translator finds them
    }
}
