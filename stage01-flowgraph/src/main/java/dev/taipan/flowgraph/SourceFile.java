package dev.taipan.flowgraph;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A program text and the name it is reported under ({@code prog.py}, or {@code <string>} for
 * text typed into a notebook). Every position in Taipan (tokens, AST nodes, bytecode line
 * tables, flow-graph operations) points back into one of these, so any stage can quote the
 * offending source line in an error message without reading the file again.
 *
 * <p>A value, equal by name and text, but a class rather than a record: it keeps where each line
 * starts, found once, since quoting is not only for errors. The x86 backend writes the text of
 * every traceback entry of every inlined frame at translation time, tens of thousands of quotes
 * for a 10,000-line program, and splitting the whole text for each made the translation
 * quadratic in the size of the file.
 */
public final class SourceFile {
    private final String name;
    private final String text;
    /** The offset of each line's first character; a line ends where the next begins, less its line break. */
    private final int[] lineStarts;

    public SourceFile(String name, String text) {
        this.name = name;
        this.text = text;
        this.lineStarts = lineStarts(text);
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    /** Reads a UTF-8 program text (Python 3's default source encoding). */
    public static SourceFile read(Path path) {
        if (Files.isDirectory(path)) {
            throw new TaipanError("cannot read " + path + ": it is a directory");
        }
        try {
            return new SourceFile(path.toString(), Files.readString(path));
        } catch (NoSuchFileException e) {
            throw new TaipanError("cannot read " + path + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new TaipanError("cannot read " + path + ": permission denied", e);
        } catch (CharacterCodingException e) {
            throw new TaipanError("cannot read " + path + ": not UTF-8 text (Python source must be UTF-8)", e);
        } catch (IOException e) {
            throw new TaipanError("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    public static SourceFile of(String name, String text) {
        return new SourceFile(name, text);
    }

    /**
     * The text of line {@code lineno} (1-based) without its line ending; "" when out of range.
     * Lines end as {@link String#lines} ends them: at {@code \n}, {@code \r} or {@code \r\n}.
     */
    public String line(int lineno) {
        if (lineno < 1 || lineno > lineStarts.length) {
            return "";
        }
        int start = lineStarts[lineno - 1];
        int end = lineno < lineStarts.length ? lineStarts[lineno] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(start, end);
    }

    /** A line starts at the beginning and after each line break; a text that ends with one has no empty line after it. */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            starts.add(i);
            while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                i++;
            }
            if (i < text.length()) {
                i += text.startsWith("\r\n", i) ? 2 : 1;
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceFile other && name.equals(other.name) && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + text.hashCode();
    }

    @Override
    public String toString() {
        return "SourceFile[name=" + name + ", text=" + text + "]";
    }
}
