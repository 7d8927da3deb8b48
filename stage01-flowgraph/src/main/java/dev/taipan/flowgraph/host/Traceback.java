package dev.taipan.flowgraph.host;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Prints an uncaught exception the way CPython does: the chain of causes and contexts first,
 * each followed by its link sentence, then {@code Traceback (most recent call last):}, one
 * {@code File "...", line N, in name} entry per frame with the stripped source line, runs of
 * more than three identical entries folded into {@code [Previous line repeated N more times]},
 * and the {@code Name: message} line.
 */
final class Traceback {
    private Traceback() {}

    static String format(PyBaseException exc, String programModule) {
        StringBuilder sb = new StringBuilder();
        formatChain(sb, exc, programModule, new IdentityHashMap<>());
        return sb.toString();
    }

    private static void formatChain(StringBuilder sb, PyBaseException exc, String programModule,
                                    IdentityHashMap<PyBaseException, Boolean> seen) {
        seen.put(exc, true);
        if (exc.cause instanceof PyBaseException c && !seen.containsKey(c)) {
            formatChain(sb, c, programModule, seen);
            sb.append("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if (!exc.suppressContext && exc.context instanceof PyBaseException c && !seen.containsKey(c)) {
            formatChain(sb, c, programModule, seen);
            sb.append("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
        formatOne(sb, exc, programModule);
    }

    private static void formatOne(StringBuilder sb, PyBaseException exc, String programModule) {
        List<PyBaseException.TracebackEntry> tb = exc.traceback;
        if (!tb.isEmpty()) {
            sb.append("Traceback (most recent call last):\n");
            List<String> lines = new ArrayList<>();
            for (int i = tb.size() - 1; i >= 0; i--) {
                var e = tb.get(i);
                String entry = "  File \"" + e.code().source().name() + "\", line " + e.line() + ", in " + e.code().name() + "\n";
                String fileName = e.code().source().name();
                // like CPython's linecache, no source for code compiled from a string
                String src = fileName.startsWith("<") && fileName.endsWith(">") ? ""
                        : e.code().source().line(e.line()).strip();
                if (!src.isEmpty()) {
                    entry += "    " + src + "\n";
                }
                lines.add(entry);
            }
            String last = null;
            int repeat = 0;
            for (String l : lines) {
                if (l.equals(last)) {
                    repeat++;
                    if (repeat < 3) {
                        sb.append(l);
                    }
                    continue;
                }
                flushRepeat(sb, repeat);
                last = l;
                repeat = 0;
                sb.append(l);
            }
            flushRepeat(sb, repeat);
        }
        if (exc.syntaxError != null) {
            var se = exc.syntaxError;
            sb.append("  File \"").append(se.source().name()).append("\", line ").append(se.pos().line()).append('\n');
            String rendered = se.render();
            int nl = rendered.indexOf('\n');
            if (nl >= 0) {
                sb.append(rendered.substring(nl + 1)).append('\n');
            }
            sb.append(exc.type().name()).append(": ").append(se.msg()).append('\n');
            return;
        }
        sb.append(lastLine(exc, programModule)).append('\n');
    }

    private static void flushRepeat(StringBuilder sb, int repeat) {
        if (repeat >= 3) {
            int more = repeat - 2;
            sb.append("  [Previous line repeated ").append(more).append(" more time").append(more == 1 ? "" : "s")
                    .append("]\n");
        }
    }

    /** {@code Name: message}, or just {@code Name} when the message is empty. */
    static String lastLine(PyBaseException exc, String programModule) {
        PyType t = exc.type();
        String mod = t.moduleName();
        String name = mod == null || mod.equals("builtins") || mod.equals("__main__") || mod.equals(programModule)
                ? t.qualname() : mod + "." + t.qualname();
        String msg;
        try {
            msg = Ops.str(exc);
        } catch (PyException e) {
            msg = "<exception str() failed>";
        }
        msg += Suggestions.suffix(exc);
        return msg.isEmpty() ? name : name + ": " + msg;
    }
}
