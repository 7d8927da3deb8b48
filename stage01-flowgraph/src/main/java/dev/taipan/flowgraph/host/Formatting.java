package dev.taipan.flowgraph.host;

import dev.taipan.flowgraph.host.lib.FormatSpec;
import dev.taipan.flowgraph.host.lib.PercentArg;
import dev.taipan.flowgraph.host.lib.PercentFormat;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The glue between the interpreter's objects and {@code host.lib}'s formatting: the
 * {@code format()} mini-language for the built-in values, and {@code %}-formatting, whose
 * operands the library sees through {@link PercentArg} (which calls back into
 * {@code __str__}, {@code __repr__}, {@code __index__} and {@code __float__}).
 */
final class Formatting {
    private Formatting() {}

    /** {@code format(v, spec)} for a value without its own {@code __format__}. */
    static String format(PyObject v, String spec) {
        return switch (v) {
            case PyStr s -> Lib.call(() -> FormatSpec.formatStr(s.value, spec));
            case PyBool b when spec.isEmpty() -> b.repr();
            case PyInt i -> Lib.call(() -> FormatSpec.formatInt(i.bigValue(), spec));
            case PyFloat f -> Lib.call(() -> FormatSpec.formatFloat(f.value, spec));
            default -> {
                if (!spec.isEmpty()) {
                    throw PyErrors.typeError("unsupported format string passed to " + Ops.typeName(v) + ".__format__");
                }
                yield Ops.str(v);
            }
        };
    }

    /** {@code fmt % args}. */
    static String percent(String fmt, PyObject args) {
        List<PercentArg> items = new ArrayList<>();
        if (args instanceof PyTuple t) {
            for (PyObject o : t.items) {
                items.add(arg(o));
            }
            return Lib.call(() -> PercentFormat.format(fmt, items));
        }
        items.add(arg(args));
        boolean mapping = !(args instanceof PyStr) && (args instanceof PyDict
                || !args.type().isBuiltin() && args.type().lookup("__getitem__") != null);
        if (mapping) {
            return Lib.call(() -> PercentFormat.format(fmt, items, key -> arg(Ops.getitem(args, PyStr.of(key)))));
        }
        return Lib.call(() -> PercentFormat.format(fmt, items));
    }

    static PercentArg arg(PyObject o) {
        return new PercentArg() {
            @Override
            public String str() {
                return Ops.str(o);
            }

            @Override
            public String repr() {
                return Ops.repr(o);
            }

            @Override
            public String ascii() {
                return Ops.ascii(o);
            }

            @Override
            public BigInteger integer() {
                if (o instanceof PyInt i) {
                    return i.bigValue();
                }
                if (!o.type().isBuiltin() && o.type().lookup("__index__") != null) {
                    return BigInteger.valueOf(Ops.index(o));
                }
                return null;
            }

            @Override
            public Double real() {
                if (o instanceof PyFloat f) {
                    return f.value;
                }
                if (o instanceof PyInt i) {
                    return i.doubleValue();
                }
                if (!o.type().isBuiltin() && o.type().lookup("__float__") != null) {
                    return Arith.toDouble(o);
                }
                return null;
            }

            @Override
            public String typeName() {
                return Ops.typeName(o);
            }
        };
    }
}
