package dev.taipan.x86.gen;

import dev.taipan.x86.link.InputSection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The constant texts the generated code writes ({@code print}'s separators and literal
 * pieces, the uncaught-exception report's words), each once in {@code .rodata} under a symbol
 * of its own, {@code text.N}. UTF-8, as the llinterp's output stream encodes them.
 */
final class TextPool {
    private final Map<String, String> symbols = new LinkedHashMap<>();

    /** The symbol of {@code text}'s bytes. */
    String symbol(String text) {
        return symbols.computeIfAbsent(text, t -> "text." + symbols.size());
    }

    static int length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    List<InputSection> sections() {
        List<InputSection> out = new ArrayList<>();
        symbols.forEach((text, name) -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.add(InputSection.rodata(name, bytes.length == 0 ? new byte[1] : bytes, 1));
        });
        return out;
    }
}
