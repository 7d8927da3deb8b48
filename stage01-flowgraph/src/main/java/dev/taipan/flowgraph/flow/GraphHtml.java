package dev.taipan.flowgraph.flow;

import dev.taipan.flowgraph.host.PyFunction;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One self-contained HTML page for a program: an index of its graphs, then each graph as a
 * picture (inline SVG, when Graphviz is installed) and as text, where every call of a function
 * whose graph is on the page links to that graph. With the annotator's {@link GraphLabels} the
 * page is the annotated view: titles name specialised copies, pictures and text carry types.
 */
public final class GraphHtml {
    private GraphHtml() {}

    public static String render(String title, List<FunctionGraph> graphs, boolean withSvg) {
        return render(title, graphs, withSvg, GraphLabels.PLAIN);
    }

    public static String render(String title, List<FunctionGraph> graphs, boolean withSvg, GraphLabels labels) {
        Map<PyFunction, String> anchors = new IdentityHashMap<>();
        for (int i = 0; i < graphs.size(); i++) {
            if (graphs.get(i).func != null) {
                anchors.putIfAbsent(graphs.get(i).func, "g" + i);   // a specialised function: its first copy
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em}pre{background:#f6f6f6;padding:1em;"
                        + "overflow:auto}a{color:#0645ad}.svg svg{max-width:100%;height:auto}</style></head><body>\n");
        sb.append("<h1>Flow graphs of ").append(esc(title)).append("</h1>\n<ul>\n");
        for (int i = 0; i < graphs.size(); i++) {
            sb.append("<li><a href=\"#g").append(i).append("\">").append(esc(labels.title(graphs.get(i)))).append("</a></li>\n");
        }
        sb.append("</ul>\n");
        for (int i = 0; i < graphs.size(); i++) {
            FunctionGraph g = graphs.get(i);
            sb.append("<h2 id=\"g").append(i).append("\">").append(esc(labels.title(g))).append("</h2>\n");
            if (withSvg) {
                String svg = Graphviz.svg(GraphDot.render(g, labels));
                sb.append("<div class=\"svg\">").append(svg.substring(Math.max(0, svg.indexOf("<svg")))).append("</div>\n");
            }
            sb.append("<pre>").append(linkCalls(GraphText.render(g, labels), anchors)).append("</pre>\n");
        }
        return sb.append("</body></html>\n").toString();
    }

    /** Escapes the text, then turns {@code (function f)} of a graph on the page into a link. */
    private static String linkCalls(String text, Map<PyFunction, String> anchors) {
        String out = esc(text);
        for (var e : anchors.entrySet()) {
            String shown = esc(Constant.of(e.getKey()).toString());
            out = out.replace(shown, "<a href=\"#" + e.getValue() + "\">" + shown + "</a>");
        }
        return out;
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
