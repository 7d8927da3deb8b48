package dev.taipan.x86.gen;

import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.rtyper.llgraph.InlinedFrames.Frame;
import java.util.List;

/**
 * The text of a traceback entry, made at translation time: the native traceback ring records
 * only which entry (a pointer to this text in {@code .rodata}), never a line number to format
 * at run time. The same text as the llinterp's {@code Traceback} writes, with the source line,
 * and the same rule for the support library's frames ({@code rpython.*}), which a user's report
 * never shows.
 */
final class TracebackText {

    private TracebackText() {
    }

    /** The entries of the frames of one place, innermost first; the support library's are left out. */
    static List<String> entries(List<Frame> where) {
        return where.stream().filter(f -> !isSupportCode(f)).map(TracebackText::entry).toList();
    }

    private static boolean isSupportCode(Frame e) {
        var f = e.graph().graph().func;
        return f != null && f.globals().getStr("__name__") instanceof PyStr module
                && (module.value().equals("rpython") || module.value().startsWith("rpython."));
    }

    private static String entry(Frame e) {
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
