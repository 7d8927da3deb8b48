package dev.taipan.annotator;

import dev.taipan.annotator.SomeValue.*;
import dev.taipan.flowgraph.host.PyStr;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code fmt % values} on strings. When the format is a constant (it almost always is), its
 * conversions are checked against the values, one by one, the way Python would check them at
 * run time: the count must agree, {@code %d} takes a number, {@code %x} an int, {@code %f} a
 * number, {@code %s} and {@code %r} anything printable. RPy's formatting has no
 * {@code %(name)s} mappings and no {@code *} widths in a constant format. A format known only at
 * run time is read at run time (stage 03's {@code rformat_runtime.py}), which may turn any value
 * into its str or its repr.
 */
final class Formatting {
    private Formatting() { }

    static SomeValue mod(Annotator ann, SomeValue format, SomeValue values) {
        if (format.konst() instanceof PyStr f) {
            List<Character> conversions = conversions(ann, f.value());
            List<SomeValue> args = values instanceof SomeTuple t ? t.items() : List.of(values);
            if (args.size() != conversions.size()) {
                throw Annotator.error(ann, "the format " + quote(f.value()) + " has " + conversions.size()
                        + " conversion" + (conversions.size() == 1 ? "" : "s") + " but gets " + args.size()
                        + " value" + (args.size() == 1 ? "" : "s"));
            }
            for (int i = 0; i < args.size(); i++) {
                if (conversions.get(i) == 's' || conversions.get(i) == 'r') {
                    Printing.text(ann, args.get(i), conversions.get(i) == 'r');
                }
                String wanted = accepts(conversions.get(i), args.get(i));
                if (wanted != null) {
                    throw Annotator.error(ann, "'%" + conversions.get(i) + "' in the format " + quote(f.value())
                            + " needs " + wanted + ", but gets " + Describe.article(args.get(i)));
                }
            }
        } else {
            // a format known only at run time may ask any value for its str() or its repr(): the
            // methods those call must be annotated now, as the rtyper's helpers will call them
            for (SomeValue a : values instanceof SomeTuple t ? t.items() : List.of(values)) {
                Printing.text(ann, a, false);
                Printing.text(ann, a, true);
            }
        }
        return new SomeString(false, null);
    }

    /** The conversion letters of a format, in order ({@code %%} is not one). */
    private static List<Character> conversions(Annotator ann, String f) {
        List<Character> out = new ArrayList<>();
        for (int i = 0; i < f.length(); i++) {
            if (f.charAt(i) != '%') {
                continue;
            }
            int j = i + 1;
            while (j < f.length() && "-+ #0123456789.".indexOf(f.charAt(j)) >= 0) {
                j++;
            }
            if (j >= f.length()) {
                throw Annotator.error(ann, "the format " + quote(f) + " ends in the middle of a conversion");
            }
            char c = f.charAt(j);
            if (c == '(' || c == '*') {
                throw Annotator.error(ann, "the format " + quote(f) + " uses '%" + c
                        + "', which RPy's formatting does not support");
            }
            if (c != '%') {
                out.add(c);
            }
            i = j;
        }
        return out;
    }

    /** Null if conversion {@code c} accepts {@code s}, else what it needs, in words. */
    private static String accepts(char c, SomeValue s) {
        boolean integer = s instanceof SomeInteger || s instanceof SomeBool;
        boolean number = integer || s instanceof SomeFloat;
        return switch (c) {
            case 'd', 'i', 'u', 'e', 'E', 'f', 'F', 'g', 'G' -> number ? null : "a number";
            case 'x', 'X', 'o' -> integer ? null : "an int";
            case 'c' -> integer || s instanceof SomeChar ? null : "an int or a one-character str";
            case 's', 'r' -> s instanceof SomeObject || s instanceof SomeBuiltin ? "a printable value" : null;
            default -> "a conversion RPy knows (d i u x X o e E f F g G c s r), not '%" + c + "'";
        };
    }

    private static String quote(String f) {
        return "'" + f.replace("\n", "\\n") + "'";
    }
}
