package dev.taipan.notebooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A notebook file as the tests read it: its cells, in order, straight from the {@code .ipynb}
 * JSON (nbformat 4), without Jupyter.
 */
record Notebook(Path path, JsonObject json, List<Cell> cells) {

    /** One cell: its index in the notebook, its type ("code", "markdown"), its source text. */
    record Cell(int index, String type, String source, JsonObject json) {
    }

    /** The notebooks folder: this module's base directory, where surefire runs the tests. */
    static Path folder() {
        return Path.of("").toAbsolutePath();
    }

    /** Every chapter notebook, {@code NN-name.ipynb}, in chapter order. */
    static List<Notebook> all() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.ipynb"))
                    .sorted()
                    .map(Notebook::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Notebook read(Path path) {
        try {
            JsonObject json = JsonParser.parseString(Files.readString(path)).getAsJsonObject();
            List<Cell> cells = new ArrayList<>();
            JsonArray array = json.getAsJsonArray("cells");
            for (int i = 0; i < array.size(); i++) {
                JsonObject cell = array.get(i).getAsJsonObject();
                cells.add(new Cell(i, cell.get("cell_type").getAsString(), source(cell.get("source")), cell));
            }
            return new Notebook(path, json, List.copyOf(cells));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** nbformat stores a source as one string or as a list of lines (each with its newline). */
    private static String source(JsonElement source) {
        if (source.isJsonArray()) {
            StringBuilder sb = new StringBuilder();
            source.getAsJsonArray().forEach(line -> sb.append(line.getAsString()));
            return sb.toString();
        }
        return source.getAsString();
    }

    String name() {
        return path.getFileName().toString();
    }

    List<Cell> codeCells() {
        return cells.stream().filter(c -> c.type().equals("code")).toList();
    }
}
