package dev.taipan.rtyper.rtyper;

import static dev.taipan.rtyper.lloperation.LLOp.*;

import dev.taipan.annotator.SomeValue;
import dev.taipan.annotator.SomeValue.SomeBool;
import dev.taipan.annotator.SomeValue.SomeChar;
import dev.taipan.annotator.SomeValue.SomeDict;
import dev.taipan.annotator.SomeValue.SomeFloat;
import dev.taipan.annotator.SomeValue.SomeInteger;
import dev.taipan.annotator.SomeValue.SomeList;
import dev.taipan.annotator.SomeValue.SomeString;
import dev.taipan.annotator.SomeValue.SomeTuple;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.host.HostSpace;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.rtyper.llannotation.LLGraphFunction;
import dev.taipan.rtyper.llannotation.LLHostFunction;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Strings;
import dev.taipan.rtyper.rtyper.LowLevelHelpers.Helper;
import dev.taipan.rtyper.rtyper.Repr.ConstantRepr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code fmt % args} with a format known only at run time ({@code ("%." + str(p) + "f") % x}):
 * the format is read by RPy helpers while the program runs ({@code rformat_runtime.py}, after
 * CPython's {@code PyUnicode_Format}), and the rtyper contributes what it still knows, the static
 * type of each argument. It emits one call per argument, in order, of the helper for that
 * type ({@code ll_fmt_int}, {@code ll_fmt_float}, {@code ll_fmt_str}, ...) over one formatter
 * state, and {@code ll_fmt_finish} at the end; each call reads the format up to the next
 * specifier and converts its argument, or raises CPython's TypeError when the type char does
 * not fit the type. The conversions are those of the constant formats ({@link StringFormatting}:
 * {@code ll_int2dec}, {@code ll_int2base}, {@code ll_percent_float}), so both give one text.
 *
 * <p>An argument of any other type (an instance, a container, a str that may be None) can only
 * be {@code %s}, {@code %r} or {@code %a}; which one is known only at run time, so its helper is
 * handed both conversions as constant functions ({@code fmt_str} and {@code fmt_repr} of
 * {@code rformat_runtime.py}, annotated for the argument's type and rtyped by the program's own
 * rules, as {@link ItemFunctions} does for container items) and calls the one the format asks for.
 */
final class RuntimeFormatting {
    private static final String RUNTIME = "rpython.rtyper.rformat_runtime";

    private final RTyper rtyper;
    /** One host object per graph: {@code ll_fmt_object} is annotated once per pair of constants. */
    private final Map<LowLevelGraph, LLHostFunction> functions = new HashMap<>();

    RuntimeFormatting(RTyper rtyper) {
        this.rtyper = rtyper;
    }

    Value format(HighLevelOp hop, List<HighLevelOp.CallArg> values) {
        SomeValue args = rtyper.annotation(hop.spaceop.args().get(1));
        if (args instanceof SomeDict) {
            throw hop.error("a format known only at run time with a dict ('%(name)s' % d) has no low-level translation: "
                    + "name the values in a tuple");
        }
        List<SomeValue> annotations = args instanceof SomeTuple t ? t.items() : List.of(args);
        if (args instanceof SomeTuple t && !(hop.argReprs.get(1) instanceof Repr.TupleRepr)) {
            if (!t.items().isEmpty()) {
                throw hop.error("a format known only at run time with a prebuilt tuple of values has no low-level "
                        + "translation: build the tuple in the '%' expression");
            }
            values = List.of();   // fmt % (): the empty tuple is a constant, no value
        }
        Value fmt = hop.inputarg(Repr.STR, 0);
        // CPython takes a lone list as a mapping: a format that uses none of it is no error
        Value st = hop.gendirectcall(helper("ll_fmt_start"), fmt, LLConstant.of(args instanceof SomeList, Primitive.BOOL));
        for (int i = 0; i < values.size(); i++) {
            convert(hop, st, values.get(i), annotations.get(i));
        }
        return hop.gendirectcall(helper("ll_fmt_finish"), st);
    }

    /** The call that reads the format up to the specifier of {@code a} and converts it. */
    private void convert(HighLevelOp hop, Value st, HighLevelOp.CallArg a, SomeValue s) {
        Repr r = a.repr();
        switch (s) {
            case SomeBool b -> hop.gendirectcall(helper("ll_fmt_bool"), st, hop.convert(a.value(), r, Repr.BOOL));
            case SomeInteger i when i.unsigned() ->
                    hop.gendirectcall(helper("ll_fmt_uint"), st, hop.convert(a.value(), r, Repr.UNSIGNED));
            case SomeInteger i -> hop.gendirectcall(helper("ll_fmt_int"), st, hop.convert(a.value(), r, Repr.SIGNED));
            case SomeFloat f -> hop.gendirectcall(helper("ll_fmt_float"), st, hop.convert(a.value(), r, Repr.FLOAT));
            case SomeChar c -> hop.gendirectcall(helper("ll_fmt_str"), st, hop.convert(a.value(), r, Repr.STR));
            case SomeString str when !str.canBeNone() ->
                    hop.gendirectcall(helper("ll_fmt_str"), st, hop.convert(a.value(), r, Repr.STR));
            default -> {
                if (r instanceof ConstantRepr(var k) && k instanceof PyObject o) {
                    hop.gendirectcall(helper("ll_fmt_constant"), st, string(HostSpace.str(o)), string(HostSpace.repr(o)),
                            string(o.type().name()));
                } else if (r instanceof Repr.InstanceRepr || ContainerText.isContainer(r) || r == Repr.STR) {
                    hop.gendirectcall(helper("ll_fmt_object"), function(hop, s, r, "fmt_str"),
                            function(hop, s, r, "fmt_repr"), st, a.value(), typeName(hop, a.value(), r));
                } else {
                    throw hop.error("'%' of a " + r.lowleveltype() + " in a format known only at run time has no "
                            + "low-level translation");
                }
            }
        }
    }

    /** type(x).__name__ for the errors: an instance's from its vtable (its real class, or NoneType). */
    private Value typeName(HighLevelOp hop, Value x, Repr r) {
        return switch (r) {
            case Repr.InstanceRepr i -> {
                ClassRepr root = rtyper.classes.root;
                Value obj = i.cls() == root ? x : hop.genop(CAST_POINTER, List.of(x), root.instancePtr());
                yield hop.gendirectcall(helper("ll_class_name"), obj, string("NoneType"));
            }
            case Repr.ListRepr l -> string("list");
            case Repr.TupleRepr t -> string("tuple");
            case Repr.DictRepr d -> string("dict");
            default -> string("str");
        };
    }

    /** {@code fmt_str} or {@code fmt_repr} (their {@code _or_none} twins for a value that may be None) as a constant. */
    private Value function(HighLevelOp hop, SomeValue s, Repr r, String name) {
        SomeValue item = s.withoutConst();
        String fn = item.canBeNone() ? name + "_or_none" : name;
        LowLevelGraph g = rtyper.helpers.graph(rtyper.helpers.function(new Helper(RUNTIME, fn)), List.of(item),
                List.of(r.lowleveltype()), "called by the rtyper for '%' " + hop.spaceop.opname() + " of a " + r.lowleveltype());
        return LLConstant.voidOf(functions.computeIfAbsent(g, LLGraphFunction::host));
    }

    private Value string(String text) {
        return LLConstant.of(rtyper.strings.of(text), Strings.PTR);
    }

    private static Helper helper(String name) {
        return new Helper(RUNTIME, name);
    }
}
