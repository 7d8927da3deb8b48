package dev.taipan.rtyper.llinterp;

import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.rtyper.llgraph.InlinedFrames.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * The RPy functions an exception went through, innermost first, as it unwinds the llinterp's
 * frames: each frame adds the graph and the source line of the operation the exception left by
 * (a call, an {@code _ovf} operation) or of the link that raised it. Printed as CPython prints a
 * traceback, outermost first, with the source line when the graph came from a file, and runs of
 * more than three identical entries (a deep recursion) folded into
 * {@code [Previous line repeated N more times]}.
 *
 * <p>PyPy's translated programs keep a similar ring buffer ({@code debug_traceback}) to print
 * an "RPython traceback" when an exception escapes; here it is Python's own format, so that the
 * llinterp's report reads like the host interpreter's.
 */
final class Traceback {

    private final List<Frame> entries = new ArrayList<>();

    /** The frames of one place the exception passed, innermost first (one, or more for inlined code). */
    void add(List<Frame> where) {
        entries.addAll(where);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** {@code Traceback (most recent call last):} and one entry per frame, each line ending in a newline. */
    String format() {
        return format(true);
    }

    /**
     * The report of an exception the program did not catch, as CPython's: the frames of the
     * program's own functions only. The support library's RPy code (the package {@code rpython}:
     * the rtyper's helpers, a collector raising {@code MemoryError}, the process's {@code main})
     * plays the part of CPython's C code, which a Python traceback never shows.
     */
    String formatForUser() {
        return format(false);
    }

    private String format(boolean supportCode) {
        var sb = new StringBuilder("Traceback (most recent call last):\n");
        String last = null;
        int repeats = 0;
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (!supportCode && isSupportCode(entries.get(i))) {
                continue;
            }
            String entry = format(entries.get(i));
            if (entry.equals(last)) {
                repeats++;
                if (repeats < 3) {
                    sb.append(entry);
                }
                continue;
            }
            folded(sb, repeats);
            sb.append(entry);
            last = entry;
            repeats = 0;
        }
        folded(sb, repeats);
        return sb.toString();
    }

    private static boolean isSupportCode(Frame e) {
        var f = e.graph().graph().func;
        return f != null && f.globals().getStr("__name__") instanceof PyStr module
                && (module.value().equals("rpython") || module.value().startsWith("rpython."));
    }

    private static void folded(StringBuilder sb, int repeats) {
        if (repeats >= 3) {
            int more = repeats - 2;
            sb.append("  [Previous line repeated ").append(more).append(more == 1 ? " more time]\n" : " more times]\n");
        }
    }

    /** A graph built by hand has no source: it is named by its low-level name, in no file. */
    private static String format(Frame e) {
        Code code = e.graph().graph().code;
        if (code == null) {
            return "  File \"<low-level>\", line " + e.line() + ", in " + e.graph().name() + "\n";
        }
        String file = code.source().name();
        String entry = "  File \"" + file + "\", line " + e.line() + ", in " + code.name() + "\n";
        String source = file.startsWith("<") ? "" : code.source().line(e.line()).strip();
        return source.isEmpty() ? entry : entry + "    " + source + "\n";
    }
}
