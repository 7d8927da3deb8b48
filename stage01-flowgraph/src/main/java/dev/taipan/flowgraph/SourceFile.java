package dev.taipan.flowgraph;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A program text and the name it is reported under ({@code prog.py}, or {@code <string>} for
 * text typed into a notebook). Every position in Taipan (tokens, AST nodes, bytecode line
 * tables, flow-graph operations) points back into one of these, so any stage can quote the
 * offending source line in an error message without reading the file again.
 */
public record SourceFile(String name, String text) {

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

    /** The text of line {@code lineno} (1-based) without its line ending; "" when out of range. */
    public String line(int lineno) {
        List<String> lines = text.lines().toList();
        return lineno >= 1 && lineno <= lines.size() ? lines.get(lineno - 1) : "";
    }
}
