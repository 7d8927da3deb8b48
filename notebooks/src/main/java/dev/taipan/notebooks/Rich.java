package dev.taipan.notebooks;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A value that knows how to look in a notebook: Jupyter's "MIME bundle", the same idea as
 * IPython's {@code _repr_mimebundle_}. The front end picks the richest type it can show (SVG
 * for a graph, HTML for a table) and falls back to {@code text/plain}, which every bundle has
 * and which is also what a console and the JUnit notebook runner see.
 *
 * <p>The kernel renders any cell value that is a {@code Rich} through its bundle, and anything
 * else through {@code toString} (for the host interpreter's objects that is Python's
 * {@code repr}).
 */
public interface Rich {

    /** MIME type to data: text for text types, base64 for images; always {@code text/plain}. */
    Map<String, String> mimeBundle();

    /** Monospaced text: a disassembly, a dump, a program's output. */
    record Text(String text) implements Rich {
        @Override
        public Map<String, String> mimeBundle() {
            return Map.of("text/plain", text);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** An HTML fragment (a table, a figure) with its plain-text form. */
    record Html(String html, String text) implements Rich {
        @Override
        public Map<String, String> mimeBundle() {
            return bundle("text/html", html, text);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** An SVG picture (a graph drawn by Graphviz) with its plain-text form. */
    record Svg(String svg, String text) implements Rich {
        @Override
        public Map<String, String> mimeBundle() {
            return bundle("image/svg+xml", svg, text);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A PNG image (a plot) with its plain-text form. */
    record Png(byte[] png, String text) implements Rich {
        @Override
        public Map<String, String> mimeBundle() {
            return bundle("image/png", Base64.getEncoder().encodeToString(png), text);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private static Map<String, String> bundle(String mime, String data, String text) {
        Map<String, String> b = new LinkedHashMap<>();
        b.put(mime, data);
        b.put("text/plain", text);
        return b;
    }
}
