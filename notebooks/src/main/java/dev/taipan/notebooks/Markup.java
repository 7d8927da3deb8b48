package dev.taipan.notebooks;

import java.util.List;

/** The little HTML the notebooks need: escaping and tables (each with its text form). */
public final class Markup {
    private Markup() {
    }

    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A table: HTML for the notebook, aligned columns for text. Cells are shown with
     * {@code String.valueOf}, so host objects appear as their Python {@code repr}.
     */
    public static Rich.Html table(List<String> header, List<? extends List<?>> rows) {
        List<List<String>> cells = rows.stream().map(r -> r.stream().map(String::valueOf).toList()).toList();
        StringBuilder html = new StringBuilder("<table><thead><tr>");
        header.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (List<String> row : cells) {
            html.append("<tr>");
            row.forEach(c -> html.append("<td><code>").append(escape(c)).append("</code></td>"));
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        return new Rich.Html(html.toString(), textTable(header, cells));
    }

    private static String textTable(List<String> header, List<List<String>> rows) {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> row : rows) {
                width[i] = Math.max(width[i], i < row.size() ? row.get(i).length() : 0);
            }
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, header, width);
        for (int i = 0; i < width.length; i++) {
            sb.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        sb.append('\n');
        rows.forEach(r -> appendRow(sb, r, width));
        return sb.toString().stripTrailing();
    }

    private static void appendRow(StringBuilder sb, List<String> row, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            String c = i < row.size() ? row.get(i) : "";
            line.append(i == 0 ? "" : "  ").append(c).append(" ".repeat(width[i] - c.length()));
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }
}
