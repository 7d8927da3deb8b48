package dev.taipan.x86.link;

import dev.taipan.x86.elf.Contents;
import dev.taipan.x86.elf.ElfLayout;
import dev.taipan.x86.elf.ElfWriter;
import dev.taipan.x86.elf.Symbol;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A linked program: the layout, the final bytes of each section (every relocation applied), a
 * symbol per definition and every symbol's address. All that is left is to write it, or to load
 * it elsewhere: {@code absoluteWords} are the addresses of the 8-byte words holding an absolute
 * address, the only bytes that change when the program is moved.
 */
public record LinkedProgram(ElfLayout layout, Contents contents, List<Symbol> symbols, Map<String, Long> addresses,
                            List<Long> absoluteWords) {

    public LinkedProgram {
        symbols = List.copyOf(symbols);
        addresses = Map.copyOf(addresses);
        absoluteWords = List.copyOf(absoluteWords);
    }

    /** The final address of a symbol. */
    public long address(String symbol) {
        Long a = addresses.get(symbol);
        if (a == null) {
            throw new IllegalArgumentException("no symbol '" + symbol + "' in the linked program");
        }
        return a;
    }

    /** The executable's bytes, starting at the function {@code entry}. */
    public byte[] executable(String entry) {
        return ElfWriter.write(layout, contents, symbols, entry);
    }

    public void writeExecutable(Path file, String entry) throws IOException {
        ElfWriter.writeExecutable(file, layout, contents, symbols, entry);
    }
}
