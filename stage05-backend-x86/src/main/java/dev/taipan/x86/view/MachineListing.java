package dev.taipan.x86.view;

import dev.taipan.flowgraph.TaipanError;
import dev.taipan.x86.elf.ProgramSection;
import dev.taipan.x86.elf.Symbol;
import dev.taipan.x86.gen.Backend;
import dev.taipan.x86.link.LinkedProgram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function's machine code as rows a reader can follow, each tied to its source line by the
 * {@link LineTable}. Taipan has an encoder but no decoder, so the instructions are read back by
 * GNU {@code objdump -d -M intel} from the executable the program links to (its symbol table
 * names each function after its graph). Without objdump the rows are the raw bytes, cut where the
 * source line changes, and {@link #decoded} says so.
 */
record MachineListing(String symbol, List<Row> rows, boolean decoded) {

    /** One instruction (or, undecoded, a run of bytes) at {@code address}, from source line {@code line} (0: none). */
    record Row(long address, String bytes, String text, int line) {
        /** The instruction, or its bytes where there is no decoder. */
        String decodedText() {
            return text.isEmpty() ? bytes : text;
        }
    }

    /** {@code objdump}'s instruction line: address, bytes, then the instruction itself. */
    private static final Pattern OBJDUMP = Pattern.compile("^\\s*([0-9a-f]+):\\t([0-9a-f ]+?)\\s*\\t(.*)$");
    private static final int HEX_ROW = 16;

    /** The listings of the functions {@code symbols} of {@code linked}, written to a scratch executable in {@code dir} for objdump. */
    static List<MachineListing> of(LinkedProgram linked, List<String> symbols, LineTable lines, Path dir) {
        Path exe = dir.resolve("program");
        boolean objdump = onPath("objdump");
        if (objdump) {
            try {
                linked.writeExecutable(exe, Backend.entrySymbol());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<MachineListing> out = new ArrayList<>();
        for (String name : symbols) {
            Symbol s = linked.symbols().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            long start = linked.layout().address(ProgramSection.TEXT, s.offset());
            out.add(objdump ? disassembled(exe, name, start, lines)
                    : undecoded(linked, s, start, lines));
        }
        return out;
    }

    private static MachineListing disassembled(Path exe, String symbol, long start, LineTable lines) {
        List<Row> rows = new ArrayList<>();
        for (String l : run("objdump", "-d", "-M", "intel", "--insn-width=15", "--disassemble=" + symbol,
                exe.toString()).lines().toList()) {
            Matcher m = OBJDUMP.matcher(l);
            if (m.matches()) {
                long address = Long.parseLong(m.group(1), 16);
                rows.add(new Row(address, m.group(2), m.group(3).strip(), lines.lineAt(symbol, (int) (address - start))));
            }
        }
        if (rows.isEmpty()) {
            throw new TaipanError("objdump found no instructions for " + symbol + " in " + exe);
        }
        return new MachineListing(symbol, rows, true);
    }

    /** The bytes without a decoder: a row wherever the source line changes, at most {@link #HEX_ROW} bytes long. */
    private static MachineListing undecoded(LinkedProgram linked, Symbol s, long start, LineTable lines) {
        byte[] code = Arrays.copyOfRange(linked.contents().text(), (int) s.offset(), (int) (s.offset() + s.size()));
        List<Row> rows = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= code.length; i++) {
            if (i == code.length || i - from == HEX_ROW || lines.lineAt(s.name(), i) != lines.lineAt(s.name(), from)) {
                rows.add(new Row(start + from, HexFormat.ofDelimiter(" ").formatHex(code, from, i), "",
                        lines.lineAt(s.name(), from)));
                from = i;
            }
        }
        return new MachineListing(s.name(), rows, false);
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new TaipanError(String.join(" ", command) + " failed:\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new TaipanError("could not run " + command[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaipanError("interrupted while running " + command[0]);
        }
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
