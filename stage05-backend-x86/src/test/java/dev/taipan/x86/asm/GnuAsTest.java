package dev.taipan.x86.asm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The encoder against GNU {@code as --64}: every form of {@link Forms} (tens of thousands of
 * instructions) is assembled by both, in one {@code as} run, and the two {@code .text}
 * sections must be equal byte for byte, and the relocations equal entry for entry. The
 * assembler is an independent oracle here: it reads the Intel-syntax text, not our operands.
 *
 * <p>Where the two could legitimately differ, ours follows {@code as}'s choice (the shortest
 * encoding, see {@link Assembler}); the only pseudo-prefix in the text is {@code {disp32}} on
 * the near jumps to labels, which {@code as} would otherwise shorten.
 */
class GnuAsTest {

    @TempDir
    static Path dir;

    private static Forms forms;
    private static MachineCode ours;
    private static int[] starts;
    private static byte[] theirs;
    private static Path object;

    @BeforeAll
    static void assembleBoth() throws Exception {
        assumeTrue(onPath("as") && onPath("objcopy") && onPath("readelf"),
                "GNU binutils (as, objcopy, readelf) not installed: the encoder is not compared with as");
        Assembler asm = new Assembler();
        forms = new Forms(asm).all();
        List<Forms.Case> cases = forms.cases();
        starts = new int[cases.size() + 1];
        StringBuilder text = new StringBuilder(".intel_syntax noprefix\n.text\n");
        for (int i = 0; i < cases.size(); i++) {
            starts[i] = asm.offset();
            cases.get(i).emit().accept(asm);
            text.append(cases.get(i).text()).append('\n');
        }
        starts[cases.size()] = asm.offset();
        ours = asm.finish();

        Path source = dir.resolve("forms.s");
        object = dir.resolve("forms.o");
        Path binary = dir.resolve("forms.bin");
        Files.writeString(source, text);
        run("as", "--64", "-o", object.toString(), source.toString());
        run("objcopy", "-O", "binary", "-j", ".text", object.toString(), binary.toString());
        theirs = Files.readAllBytes(binary);
    }

    @Test
    void everyFormEncodesAsGnuAsDoes() {
        byte[] mine = ours.bytes();
        if (!java.util.Arrays.equals(mine, theirs)) {
            fail(describeDifferences(mine));
        }
        assertThat(forms.cases()).hasSizeGreaterThan(50_000);
    }

    @Test
    void relocationsAreTheOnesGnuAsWrites() throws Exception {
        String listing = run("readelf", "-rW", object.toString());
        // 000000000000006b  0000000500000004 R_X86_64_PLT32  0000000000000000 taipan_fn - 4
        Pattern line = Pattern.compile("^([0-9a-f]{16})\\s+([0-9a-f]{16})\\s+\\S+\\s+[0-9a-f]+\\s+(\\S+) ([+-]) ([0-9a-f]+)$");
        Set<Relocation> expected = new HashSet<>();
        for (String l : listing.lines().toList()) {
            Matcher m = line.matcher(l.strip());
            if (m.matches()) {
                int type = (int) (Long.parseUnsignedLong(m.group(2), 16) & 0xffff_ffffL);
                // readelf prints the addend in hex, its sign apart
                long addend = Long.parseLong(m.group(5), 16) * (m.group(4).equals("-") ? -1 : 1);
                expected.add(new Relocation((int) Long.parseLong(m.group(1), 16), kind(type), m.group(3), addend));
            }
        }
        assertThat(expected).as("relocations in as's object").hasSizeGreaterThanOrEqualTo(12);
        assertThat(new HashSet<>(ours.relocations())).isEqualTo(expected);
    }

    /**
     * The table {@link AddressEncodingContract} grades with, so that grading needs no binutils:
     * its instructions assembled by {@code as}, split at the lengths of ours (which the test above
     * holds to {@code as}'s), must be the recorded lines. When they are not (the contract's cases
     * changed, or a new {@code as} encodes differently), the table {@code as} gives is written to
     * {@code target/addressing.expected} to compare and copy over the resource.
     */
    @Test
    void theRecordedAddressingTableIsWhatGnuAsWrites() throws Exception {
        List<Forms.Case> cases = AddressEncodingContract.tableCases();
        StringBuilder text = new StringBuilder(".intel_syntax noprefix\n.text\n");
        cases.forEach(c -> text.append(c.text()).append('\n'));
        Path source = dir.resolve("addressing.s");
        Path addressingObject = dir.resolve("addressing.o");
        Path binary = dir.resolve("addressing.bin");
        Files.writeString(source, text);
        run("as", "--64", "-o", addressingObject.toString(), source.toString());
        run("objcopy", "-O", "binary", "-j", ".text", addressingObject.toString(), binary.toString());
        byte[] asBytes = Files.readAllBytes(binary);

        Map<String, String> fromAs = new LinkedHashMap<>();
        StringBuilder file = new StringBuilder("""
                # The addressing table of AddressEncodingContract (stage05/ex1): each instruction as
                # GNU as --64 encodes it, its bytes, a tab, the Intel-syntax text. Written from as's
                # output by GnuAsTest, which checks it on every run where binutils is installed.
                """);
        int at = 0;
        for (Forms.Case c : cases) {
            Assembler asm = new Assembler();
            c.emit().accept(asm);
            int end = Math.min(asBytes.length, at + asm.finish().bytes().length);
            String hex = CodeBuffer.hex(asBytes, at, end);
            fromAs.put(c.text(), hex);
            file.append(hex).append('\t').append(c.text()).append('\n');
            at = end;
        }
        List<Map.Entry<String, String>> recorded = List.copyOf(AddressEncodingContract.recordedTable().entrySet());
        if (at != asBytes.length || !List.copyOf(fromAs.entrySet()).equals(recorded)) {
            Path fresh = Path.of("target", "addressing.expected");
            Files.writeString(fresh, file);
            fail("the recorded x86/addressing.expected is not what as writes for AddressEncodingContract's cases; "
                    + "as's table is in " + fresh.toAbsolutePath() + ": compare, and copy it to src/test/resources/x86/");
        }
    }

    private static Relocation.Kind kind(int elfType) {
        for (Relocation.Kind k : Relocation.Kind.values()) {
            if (k.elfType() == elfType) {
                return k;
            }
        }
        throw new AssertionError("as wrote relocation type " + elfType + ", which the encoder does not know");
    }

    /**
     * The first instructions whose bytes differ. Up to the first difference in length both
     * streams are aligned at our instruction boundaries, so each difference names one line.
     */
    private static String describeDifferences(byte[] mine) {
        List<String> lines = new ArrayList<>();
        List<Forms.Case> cases = forms.cases();
        for (int i = 0; i < cases.size() && lines.size() < 40; i++) {
            int from = starts[i];
            int to = starts[i + 1];
            if (to > theirs.length || !java.util.Arrays.equals(mine, from, to, theirs, from, to)) {
                lines.add(cases.get(i).text() + "\n    ours: " + CodeBuffer.hex(mine, from, to)
                        + "\n    as:   " + CodeBuffer.hex(theirs, from, Math.min(theirs.length, to))
                        + " | " + CodeBuffer.hex(theirs, Math.min(theirs.length, to), Math.min(theirs.length, to + 3))
                        + " (the bytes after the bar are as's next ones)");
                if (!sameLengthHere(mine, i)) {
                    lines.add("(lengths differ from here on; later lines are not compared)");
                    break;
                }
            }
        }
        return "encodings differ from GNU as (" + mine.length + " bytes ours, " + theirs.length + " as's):\n"
                + String.join("\n", lines);
    }

    /** Whether our instruction i ends where as's does: the next instruction starts with the same bytes. */
    private static boolean sameLengthHere(byte[] mine, int i) {
        int end = starts[i + 1];
        int probe = Math.min(end + 4, Math.min(mine.length, theirs.length));
        return java.util.Arrays.equals(mine, end, probe, theirs, end, probe);
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n"
                    + output.lines().limit(40).reduce("", (a, b) -> a + b + "\n"));
        }
        return output;
    }
}
