package dev.taipan.x86.elf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.x86.elf.Executables.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** binutils' readelf reads our files as the static executables they claim to be, with our layout. */
class ReadelfTest {

    @TempDir
    Path dir;

    @BeforeEach
    void readelf() {
        Executables.assumeTool("readelf");
    }

    private Readelf readelf(String name, byte[] file) throws Exception {
        Path exe = Executables.save(dir, name, file);
        Result r = Executables.run(dir, "readelf", "-W", "-h", "-l", "-S", "-s", exe.toString());
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(r.stderr()).as("readelf's warnings").isEmpty();
        return Readelf.parse(r.stdout());
    }

    @Test
    void headerSaysStaticX86_64Executable() throws Exception {
        HandProgram program = HandProgram.exit42();
        HandProgram.Built built = program.build();
        Readelf elf = readelf("exit42", program.file());
        assertThat(elf.header()).containsEntry("Class", "ELF64")
                .containsEntry("Machine", "Advanced Micro Devices X86-64")
                .containsEntry("OS/ABI", "UNIX - System V")
                .containsEntry("Entry point address", "0x" + Long.toHexString(built.code().addressOf("_start")));
        assertThat(elf.header().get("Type")).startsWith("EXEC");
        assertThat(elf.segments()).extracting(Readelf.Segment::type).containsExactly("LOAD", "LOAD", "GNU_STACK");
    }

    @Test
    void noInterpreterAndNoDynamicSection() throws Exception {
        Path exe = Executables.save(dir, "hello", HandProgram.hello(true).file());
        Result r = Executables.run(dir, "readelf", "-W", "-l", "-d", exe.toString());
        assertThat(r.stdout()).doesNotContain("INTERP").doesNotContain("DYNAMIC")
                .contains("There is no dynamic section in this file.");
    }

    @Test
    void textAndRodataAreOneReadExecuteSegment() throws Exception {
        HandProgram program = HandProgram.hello(true);
        ElfLayout layout = program.build().layout();
        Readelf elf = readelf("hello", program.file());
        Readelf.Segment code = elf.segments().get(0);
        assertThat(code.flags()).isEqualTo("R E");
        assertThat(code.offset()).isZero();
        assertThat(code.address()).isEqualTo(ElfLayout.BASE);
        assertThat(code.fileSize()).isEqualTo(code.memorySize())
                .isEqualTo(layout.placement(ProgramSection.RODATA).endAddress() - ElfLayout.BASE);
        assertThat(elf.segmentSections().get(0)).isEqualTo(".text .rodata");
        assertThat(elf.section(".text").flags()).isEqualTo("AX");
        assertThat(elf.section(".rodata").flags()).isEqualTo("A");
        assertThat(elf.section(".rodata").address()).isEqualTo(layout.address(ProgramSection.RODATA, 0));
        assertThat(elf.symbols().get("message"))
                .isEqualTo(new Readelf.Sym(layout.address(ProgramSection.RODATA, 0), HandProgram.MESSAGE.length(),
                        "OBJECT", "GLOBAL", "2"));
    }

    @Test
    void dataAndBssAreOneReadWriteSegmentOnItsOwnPage() throws Exception {
        HandProgram program = HandProgram.dataAndBss();
        HandProgram.Built built = program.build();
        ElfLayout layout = built.layout();
        Readelf elf = readelf("data", program.file());
        Readelf.Segment data = elf.segments().get(1);
        assertThat(data.type()).isEqualTo("LOAD");
        assertThat(data.flags()).isEqualTo("RW ");
        assertThat(data.align()).isEqualTo(ElfLayout.PAGE);
        assertThat(data.offset() % data.align()).isEqualTo(data.address() % data.align());
        assertThat(data.address() % ElfLayout.PAGE).isZero();
        assertThat(data.address()).isGreaterThanOrEqualTo(elf.segments().get(0).address() + elf.segments().get(0).memorySize());
        assertThat(data.fileSize()).isEqualTo(16);
        assertThat(data.memorySize()).isEqualTo(layout.placement(ProgramSection.BSS).endAddress() - data.address());
        assertThat(elf.segmentSections().get(1)).isEqualTo(".data .bss");
        assertThat(elf.section(".data")).extracting(Readelf.Section::type, Readelf.Section::flags)
                .containsExactly("PROGBITS", "WA");
        assertThat(elf.section(".bss")).extracting(Readelf.Section::type, Readelf.Section::flags, Readelf.Section::size)
                .containsExactly("NOBITS", "WA", HandProgram.ZEROS);
        assertThat(elf.symbols()).containsEntry("_start",
                new Readelf.Sym(layout.address(ProgramSection.TEXT, 0), built.code().bytes().length, "FUNC", "GLOBAL", "1"))
                .containsEntry("counter", new Readelf.Sym(layout.address(ProgramSection.DATA, 0), 8, "OBJECT", "GLOBAL", "3"))
                .containsEntry("filler", new Readelf.Sym(layout.address(ProgramSection.DATA, 8), 8, "OBJECT", "GLOBAL", "3"))
                .containsEntry("zeros", new Readelf.Sym(layout.address(ProgramSection.BSS, 0), HandProgram.ZEROS,
                        "OBJECT", "GLOBAL", "4"));
    }

    @Test
    void theStackIsNotExecutable() throws Exception {
        Readelf elf = readelf("exit42", HandProgram.exit42().file());
        assertThat(elf.segments().get(2)).extracting(Readelf.Segment::type, Readelf.Segment::flags)
                .containsExactly("GNU_STACK", "RW ");
    }

    @Test
    void sectionsAreTheSevenExpected() throws Exception {
        Readelf elf = readelf("data", HandProgram.dataAndBss().file());
        assertThat(elf.sections()).extracting(Readelf.Section::name)
                .containsExactly(".text", ".rodata", ".data", ".bss", ".symtab", ".strtab", ".shstrtab");
        assertThat(elf.sections()).extracting(Readelf.Section::type)
                .containsExactly("PROGBITS", "PROGBITS", "PROGBITS", "NOBITS", "SYMTAB", "STRTAB", "STRTAB");
    }
}
