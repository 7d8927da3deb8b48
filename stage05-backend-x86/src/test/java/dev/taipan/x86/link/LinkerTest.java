package dev.taipan.x86.link;

import static dev.taipan.x86.asm.Imm.imm;
import static dev.taipan.x86.asm.Reg.EAX;
import static dev.taipan.x86.asm.Reg.RAX;
import static dev.taipan.x86.asm.Reg.RDI;
import static dev.taipan.x86.asm.Reg.RDX;
import static dev.taipan.x86.asm.Reg.RSI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.x86.asm.MachineCode;
import dev.taipan.x86.asm.Mem;
import dev.taipan.x86.asm.Relocation;
import dev.taipan.x86.asm.Symbol;
import dev.taipan.x86.asm.Width;
import dev.taipan.x86.elf.ElfLayout;
import dev.taipan.x86.elf.Executables;
import dev.taipan.x86.elf.ProgramSection;
import dev.taipan.x86.elf.Readelf;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Programs assembled with the Assembler, linked, written and run: calls, RIP-relative data, pointer words. */
class LinkerTest {

    private static final String MESSAGE = "linked by Taipan\n";
    private static final byte[] MESSAGE_BYTES = MESSAGE.getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    /** _start calls add(2, 40) through a PLT32 relocation and exits with the result. */
    private static List<InputSection> callAdd() {
        MachineCode start = Programs.assemble(asm -> {
            asm.mov(RDI.view(Width.DWORD), imm(2));
            asm.mov(RSI.view(Width.DWORD), imm(40));
            asm.call(Symbol.symbol("add"));
            asm.mov(RDI, RAX);
            Programs.exitWithRdi(asm);
        });
        return List.of(InputSection.function("add", Programs.add()), InputSection.function("_start", start));
    }

    @Test
    void startCallsAFunctionAndExitsWithItsResult() throws Exception {
        LinkedProgram linked = Linker.link(callAdd());

        // the call's rel32 is add - (the address after the call), read back from the final bytes
        long start = linked.address("_start");
        long add = linked.address("add");
        int callAt = 10;   // two 5-byte movs, then e8 rel32
        byte[] text = linked.contents().text();
        int textStart = (int) (start - linked.layout().placement(ProgramSection.TEXT).address());
        assertThat(text[textStart + callAt] & 0xFF).isEqualTo(0xE8);
        assertThat(le32(text, textStart + callAt + 1)).isEqualTo((int) (add - (start + callAt + 5)));
        assertThat(start % InputSection.FUNCTION_ALIGNMENT).isZero();
        // the gap between add (5 bytes) and _start is int3, not zeros
        assertThat(text[5] & 0xFF).isEqualTo(0xCC);

        Executables.assumeLinuxX86_64();
        Path exe = Executables.save(dir, "add", linked.executable("_start"));
        assertThat(Executables.run(dir, exe.toString()).status()).isEqualTo(42);
    }

    @Test
    void readelfShowsAFunctionSymbolPerInput() throws Exception {
        Executables.assumeLinuxX86_64();
        Executables.assumeTool("readelf");
        LinkedProgram linked = Linker.link(callAdd());
        Path exe = Executables.save(dir, "add", linked.executable("_start"));
        Readelf elf = Readelf.parse(Executables.run(dir, "readelf", "-W", "-h", "-l", "-S", "-s", exe.toString()).stdout());
        assertThat(elf.symbols().get("add")).isEqualTo(new Readelf.Sym(linked.address("add"), 5, "FUNC", "GLOBAL", "1"));
        assertThat(elf.symbols().get("_start").value()).isEqualTo(linked.address("_start"));
        assertThat(elf.header().get("Entry point address")).isEqualTo("0x" + Long.toHexString(linked.address("_start")));
    }

    @Test
    void aFunctionWritesAMessageFromRodataThroughRipRelativeLea() throws Exception {
        MachineCode start = Programs.assemble(asm -> {
            asm.call(Symbol.symbol("print"));
            asm.xor(EAX, EAX);
            asm.mov(RDI, RAX);
            Programs.exitWithRdi(asm);
        });
        MachineCode print = Programs.printMessage("message", MESSAGE_BYTES.length);
        assertThat(print.relocations()).containsExactly(new Relocation(3, Relocation.Kind.PC32, "message", -4));
        LinkedProgram linked = Linker.link(List.of(InputSection.function("_start", start),
                InputSection.function("print", print), InputSection.rodata("message", MESSAGE_BYTES, 1)));

        // lea rsi, [rip + d]: d counts from the end of the 7-byte instruction to the message
        long printAt = linked.address("print");
        int offset = (int) (printAt - linked.layout().placement(ProgramSection.TEXT).address());
        assertThat(le32(linked.contents().text(), offset + 3)).isEqualTo((int) (linked.address("message") - (printAt + 7)));
        assertThat(linked.contents().rodata()).isEqualTo(MESSAGE_BYTES);

        Executables.assumeLinuxX86_64();
        Path exe = Executables.save(dir, "print", linked.executable("_start"));
        Executables.Result r = Executables.run(dir, exe.toString());
        assertThat(r.stdout()).isEqualTo(MESSAGE);
        assertThat(r.status()).isZero();
    }

    @Test
    void aDataWordHoldsTheAbsoluteAddressOfARodataString() throws Exception {
        MachineCode start = Programs.assemble(asm -> {
            asm.mov(RSI, Mem.rip(Width.QWORD, Symbol.symbol("pointer")));   // load the word, not its address
            asm.mov(RDX.view(Width.DWORD), imm(MESSAGE_BYTES.length));
            Programs.writeStdout(asm);
            asm.mov(RDI.view(Width.DWORD), imm(7));
            Programs.exitWithRdi(asm);
        });
        LinkedProgram linked = Linker.link(List.of(InputSection.function("_start", start),
                InputSection.rodata("unused", new byte[3], 1),   // so the message does not start .rodata
                InputSection.rodata("message", MESSAGE_BYTES, 8),
                InputSection.data("pointer", new byte[8], 8,
                        List.of(new Relocation(0, Relocation.Kind.ABS64, "message", 0)))));

        long message = linked.address("message");
        assertThat(message).isEqualTo(linked.layout().placement(ProgramSection.RODATA).address() + 8);
        assertThat(ByteBuffer.wrap(linked.contents().data()).order(ByteOrder.LITTLE_ENDIAN).getLong(0)).isEqualTo(message);
        // and in the file, where the kernel will map it
        byte[] file = linked.executable("_start");
        long dataOffset = linked.layout().placement(ProgramSection.DATA).fileOffset();
        assertThat(ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong((int) dataOffset)).isEqualTo(message);

        Executables.assumeLinuxX86_64();
        Executables.Result r = Executables.run(dir, Executables.save(dir, "pointer", file).toString());
        assertThat(r.stdout()).isEqualTo(MESSAGE);
        assertThat(r.status()).isEqualTo(7);
    }

    @Test
    void anAddendPointsInsideASymbol() {
        LinkedProgram linked = Linker.link(List.of(InputSection.function("_start", Programs.assemble(asm -> asm.ret())),
                InputSection.rodata("table", new byte[32], 8),
                InputSection.data("third", new byte[8], 8, List.of(new Relocation(0, Relocation.Kind.ABS64, "table", 16)))));
        assertThat(ByteBuffer.wrap(linked.contents().data()).order(ByteOrder.LITTLE_ENDIAN).getLong(0))
                .isEqualTo(linked.address("table") + 16);
    }

    @Test
    void anUndefinedSymbolIsNamedWithItsReference() {
        MachineCode start = Programs.assemble(asm -> {
            asm.nop();
            asm.call(Symbol.symbol("print_int"));
        });
        assertThatThrownBy(() -> Linker.link(List.of(InputSection.function("_start", start))))
                .isInstanceOf(LinkException.class)
                .hasMessage("undefined symbol 'print_int', referenced from _start+0x2 (PLT32)");
    }

    @Test
    void aSymbolDefinedTwiceIsRefused() {
        assertThatThrownBy(() -> Linker.link(List.of(InputSection.function("f", Programs.add()),
                InputSection.rodata("f", new byte[1], 1))))
                .isInstanceOf(LinkException.class)
                .hasMessage("symbol 'f' is defined twice: at .text+0x0 and at .rodata+0x0");
    }

    @Test
    void aDisplacementThatDoesNotFitIsAnErrorNotATruncation() {
        var far = new Relocation(3, Relocation.Kind.PC32, "message", 1L << 31);
        var code = new InputSection(ProgramSection.TEXT, new byte[8], 8, 16, List.of(new Definition("f", 0, 8)),
                List.of(far));
        assertThatThrownBy(() -> Linker.link(List.of(code, InputSection.rodata("message", new byte[1], 1))))
                .isInstanceOf(LinkException.class)
                .hasMessageStartingWith("PC32 reference from f+0x3 to 'message' (addend 2147483648) cannot reach it")
                .hasMessageEndingWith("does not fit in 32 signed bits");
    }

    @Test
    void inputsAreAlignedAndTheSectionKeepsTheLargestAlignment() {
        LinkedProgram linked = Linker.link(List.of(InputSection.function("_start", Programs.assemble(asm -> asm.ret())),
                InputSection.rodata("a", new byte[1], 1), InputSection.rodata("b", new byte[8], 64),
                InputSection.bss("z1", 3, 1), InputSection.bss("z2", 8, 16)));
        ElfLayout.Placement rodata = linked.layout().placement(ProgramSection.RODATA);
        assertThat(rodata.alignment()).isEqualTo(64);
        assertThat(linked.address("a")).isEqualTo(rodata.address());
        assertThat(linked.address("b")).isEqualTo(rodata.address() + 64);
        assertThat(rodata.size()).isEqualTo(72);
        assertThat(linked.address("z2") - linked.address("z1")).isEqualTo(16);
        assertThat(linked.layout().placement(ProgramSection.BSS).size()).isEqualTo(24);
    }

    static int le32(byte[] bytes, int at) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(at);
    }
}
