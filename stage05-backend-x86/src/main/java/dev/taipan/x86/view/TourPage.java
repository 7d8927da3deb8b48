package dev.taipan.x86.view;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Tour} as one self-contained HTML page: the source on the left, the stages on the
 * right as tabs (bytecode, the four graphs as inline SVG, machine code), no file or network
 * resource besides the page itself, so it can be mailed, attached to a report or opened offline.
 *
 * <p>Every source line, bytecode row and machine instruction that comes from a line carries
 * {@code data-line="N"}; the page's few lines of script light up every element of a line when
 * one of them is pointed at, and keep it lit when clicked (click again to let go). So pointing at
 * {@code a, b = b, a + b} shows its bytecode and its instructions at once, and pointing at an
 * instruction shows the line it was made for; {@code page.html#show=machine} opens on a tab. The
 * script ends by marking
 * {@code <body data-ready="yes">}, which a headless browser's DOM shows it ran.
 */
public final class TourPage {

    private TourPage() {
    }

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
            header{padding:.6em 1.2em;background:#234;color:#fff}
            header h1{font-size:1.3em;margin:0}
            header p{margin:.3em 0 0;font-size:.85em;color:#cde}
            main{display:flex;gap:1em;padding:1em;align-items:flex-start}
            #source{flex:0 0 38%;position:sticky;top:0;max-height:100vh;overflow:auto}
            #stages{flex:1;min-width:0}
            h2{font-size:1em;margin:0 0 .4em}
            pre,table.asm{font-family:ui-monospace,monospace;font-size:12.5px;background:#fff;border:1px solid #ddd}
            pre{padding:.5em;margin:0;overflow:auto}
            pre span{display:block;white-space:pre}
            .ln{color:#999;display:inline-block;width:3em}
            .count{color:#7a7;float:right;padding-left:1em}
            nav{display:flex;flex-wrap:wrap;gap:.3em;margin-bottom:.5em}
            nav button{border:1px solid #bbb;background:#eee;padding:.3em .8em;cursor:pointer;border-radius:4px}
            nav button.active{background:#234;color:#fff;border-color:#234}
            .tab{display:none}.tab.active{display:block}
            .caption{font-size:.85em;color:#555;margin:.2em 0 .6em}
            .problem{background:#fff4f4;border-color:#e99}
            .scroll{overflow:auto}.svg{background:#fff;border:1px solid #ddd;overflow:auto}.svg svg{max-width:100%;height:auto}
            table.asm{border-collapse:collapse;width:100%}
            table.asm td{padding:0 .6em;white-space:pre}
            table.asm td.bytes{color:#888}table.asm td.line{color:#999;text-align:right}
            [data-line]{cursor:pointer}
            .hl{background:#ffe680 !important}
            """;

    private static final String SCRIPT = """
            (function () {
              var buttons = document.querySelectorAll('nav button');
              function show(id) {
                buttons.forEach(function (b) { b.classList.toggle('active', b.dataset.tab === id); });
                document.querySelectorAll('.tab').forEach(function (t) { t.classList.toggle('active', t.id === id); });
              }
              buttons.forEach(function (b) { b.addEventListener('click', function () { show(b.dataset.tab); }); });
              var pinned = null;
              function light(line, on) {
                document.querySelectorAll('[data-line="' + line + '"]').forEach(function (e) { e.classList.toggle('hl', on); });
              }
              document.querySelectorAll('[data-line]').forEach(function (e) {
                var line = e.dataset.line;
                e.addEventListener('mouseenter', function () { if (pinned === null) light(line, true); });
                e.addEventListener('mouseleave', function () { if (pinned === null) light(line, false); });
                e.addEventListener('click', function () {
                  if (pinned !== null) light(pinned, false);
                  pinned = pinned === line ? null : line;
                  if (pinned !== null) light(pinned, true);
                });
              });
              var asked = /^#show=([a-z]+)$/.exec(location.hash);   // page.html#show=machine opens on a tab
              if (asked && document.getElementById(asked[1])) show(asked[1]);
              document.body.dataset.ready = 'yes';
            })();
            """;

    /** The page. */
    public static String html(Tour tour) {
        String file = fileName(tour);
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>taipan view: ")
                .append(esc(tour.functionName())).append(" in ").append(esc(file)).append("</title>\n<style>")
                .append(STYLE).append("</style></head>\n<body>\n<header><h1>").append(esc(tour.functionName()))
                .append(" <small>in ").append(esc(file)).append("</small></h1>\n<p>through every stage of Taipan; ")
                .append("point at a line, a bytecode or an instruction to see what belongs together (click to keep it). ")
                .append("Functions of the file: ").append(esc(String.join(", ", tour.functions())))
                .append(". Backend: ").append(esc(tour.backend())).append(".</p></header>\n<main>\n");
        source(tour, sb);
        sb.append("<section id=\"stages\">\n<nav>");
        tab(sb, "bytecode", "Bytecode", true);
        for (StagePanel p : tour.graphs()) {
            tab(sb, p.id(), p.title(), false);
        }
        tab(sb, "machine", "Machine code", false);
        sb.append("</nav>\n");
        bytecode(tour, sb);
        for (StagePanel p : tour.graphs()) {
            graph(p, sb);
        }
        machine(tour, sb);
        sb.append("</section>\n</main>\n<script>").append(SCRIPT).append("</script>\n</body></html>\n");
        return sb.toString();
    }

    /**
     * The same tour as text, for a console or a notebook's plain view: the machine code in
     * address order, each source line printed above the instructions made for it, as
     * {@code objdump -S} interleaves them.
     */
    public static String text(Tour tour) {
        StringBuilder sb = new StringBuilder();
        sb.append(tour.functionName()).append(" in ").append(fileName(tour)).append(" (").append(tour.backend()).append(")\n");
        if (tour.machineProblem() != null) {
            return sb.append(tour.machineProblem()).append('\n').toString();
        }
        for (MachineListing listing : tour.machine()) {
            sb.append('\n').append(listing.symbol()).append(":\n");
            int shown = -1;
            for (MachineListing.Row r : listing.rows()) {
                if (r.line() != shown) {
                    sb.append(r.line() == 0 ? "  (no source line)"
                            : String.format(Locale.ROOT, "%4d  %s", r.line(), tour.source().line(r.line()).strip()))
                            .append('\n');
                    shown = r.line();
                }
                sb.append(String.format(Locale.ROOT, "        %6x:  %s", r.address(), r.decodedText())).append('\n');
            }
        }
        return sb.toString();
    }

    private static String fileName(Tour tour) {
        Path name = Path.of(tour.source().name()).getFileName();
        return name == null ? tour.source().name() : name.toString();
    }

    private static void source(Tour tour, StringBuilder sb) {
        Map<Integer, Integer> instructions = new HashMap<>();
        tour.machine().forEach(l -> l.rows().forEach(r -> instructions.merge(r.line(), 1, Integer::sum)));
        sb.append("<section id=\"source\"><h2>Source</h2><pre class=\"source\">");
        SourceFunction f = tour.function();
        for (int n = f.firstLine(); n <= f.lastLine(); n++) {
            Integer count = instructions.get(n);
            sb.append("<span class=\"src\" data-line=\"").append(n).append("\"><span class=\"ln\">").append(n)
                    .append("</span>").append(esc(tour.source().line(n)));
            if (count != null) {
                sb.append("<span class=\"count\">").append(count).append(count == 1 ? " instruction" : " instructions")
                        .append("</span>");
            }
            sb.append("</span>");
        }
        sb.append("</pre></section>\n");
    }

    private static void tab(StringBuilder sb, String id, String title, boolean active) {
        sb.append("<button data-tab=\"").append(id).append('"').append(active ? " class=\"active\"" : "").append('>')
                .append(esc(title)).append("</button>");
    }

    private static void bytecode(Tour tour, StringBuilder sb) {
        sb.append("<div class=\"tab active\" id=\"bytecode\"><p class=\"caption\">stage 01: the compiler's bytecode, "
                + "as taipan dis prints it (line, jump target, offset, opcode, argument)</p><pre class=\"bytecode\">");
        for (Tour.BytecodeRow r : tour.bytecode()) {
            sb.append(r.line() == 0 ? "<span>" : "<span data-line=\"" + r.line() + "\">").append(esc(r.text()))
                    .append("</span>");
        }
        sb.append("</pre></div>\n");
    }

    private static void graph(StagePanel p, StringBuilder sb) {
        sb.append("<div class=\"tab\" id=\"").append(p.id()).append("\">");
        if (p.problem() != null) {
            sb.append("<p class=\"caption\">this stage has no graph of the function:</p><pre class=\"problem\">")
                    .append(esc(p.problem())).append("</pre></div>\n");
            return;
        }
        sb.append("<p class=\"caption\">").append(esc(p.caption())).append("</p>");
        if (p.picture().svg() != null) {
            sb.append("<div class=\"svg\">").append(p.picture().svg()).append("</div>")
                    .append("<details><summary>as text</summary><pre>").append(esc(p.picture().text())).append("</pre></details>");
        } else {
            sb.append("<p class=\"caption\">Graphviz's dot is not installed (apt-get install graphviz): "
                    + "the graph as text</p><pre>").append(esc(p.picture().text())).append("</pre>");
        }
        sb.append("</div>\n");
    }

    private static void machine(Tour tour, StringBuilder sb) {
        sb.append("<div class=\"tab\" id=\"machine\">");
        if (tour.machineProblem() != null) {
            sb.append("<p class=\"caption\">the backend made no code of the function:</p><pre class=\"problem\">")
                    .append(esc(tour.machineProblem())).append("</pre></div>\n");
            return;
        }
        sb.append("<p class=\"caption\">stage 05: the function's x86-64 code in the executable taipan translate writes (")
                .append(esc(tour.backend())).append("), each instruction with the source line it was made for</p>");
        for (MachineListing listing : tour.machine()) {
            sb.append("<h2>").append(esc(listing.symbol())).append("</h2>");
            if (!listing.decoded()) {
                sb.append("<p class=\"caption\">objdump (GNU binutils) is not installed, and Taipan has no decoder of "
                        + "its own: the bytes in hex, cut where the source line changes (apt-get install binutils "
                        + "to read them as instructions)</p>");
            }
            sb.append("<div class=\"scroll\"><table class=\"asm\">");
            for (MachineListing.Row r : listing.rows()) {
                sb.append(r.line() == 0 ? "<tr>" : "<tr data-line=\"" + r.line() + "\">")
                        .append("<td class=\"addr\">").append(Long.toHexString(r.address())).append("</td><td class=\"bytes\">")
                        .append(esc(r.bytes())).append("</td><td class=\"insn\">").append(esc(r.text()))
                        .append("</td><td class=\"line\">").append(r.line() == 0 ? "" : "line " + r.line()).append("</td></tr>");
            }
            sb.append("</table></div>");
        }
        sb.append("</div>\n");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
