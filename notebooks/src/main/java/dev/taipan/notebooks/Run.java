package dev.taipan.notebooks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A program's run on the host interpreter, as a notebook shows it: what it printed, its
 * traceback if it failed, and its exit status when that is not 0.
 */
public record Run(String stdout, String stderr, int status) implements Rich {

    /** The terminal's view: output, then errors, then a non-zero status. */
    public String text() {
        StringBuilder sb = new StringBuilder(stdout);
        if (!stderr.isEmpty() && !sb.isEmpty() && sb.charAt(sb.length() - 1) != '\n') {
            sb.append('\n');
        }
        sb.append(stderr);
        if (status != 0) {
            sb.append(sb.isEmpty() || sb.charAt(sb.length() - 1) == '\n' ? "" : "\n").append("[exit status ").append(status).append(']');
        }
        return sb.toString();
    }

    /** HTML keeps the two streams apart: errors in red, as Jupyter shows stderr. */
    @Override
    public Map<String, String> mimeBundle() {
        Map<String, String> b = new LinkedHashMap<>();
        StringBuilder html = new StringBuilder("<pre>").append(Markup.escape(stdout)).append("</pre>");
        if (!stderr.isEmpty() || status != 0) {
            html.append("<pre style=\"color:#b00000\">").append(Markup.escape(stderr));
            if (status != 0) {
                html.append("[exit status ").append(status).append(']');
            }
            html.append("</pre>");
        }
        b.put("text/html", html.toString());
        b.put("text/plain", text());
        return b;
    }

    @Override
    public String toString() {
        return text();
    }
}
