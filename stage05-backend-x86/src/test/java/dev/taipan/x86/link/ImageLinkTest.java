package dev.taipan.x86.link;

import static dev.taipan.x86.asm.Reg.RAX;
import static dev.taipan.x86.asm.Reg.RDI;
import static dev.taipan.x86.asm.Reg.RDX;
import static dev.taipan.x86.asm.Reg.RSI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.rtyper.image.Database;
import dev.taipan.rtyper.image.FunctionRef;
import dev.taipan.rtyper.image.Image;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.image.Relocation;
import dev.taipan.rtyper.lltype.Array;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Struct;
import dev.taipan.rtyper.lltype.StructType;
import dev.taipan.rtyper.lltype.Strings;
import dev.taipan.rtyper.rtyper.RTyper;
import dev.taipan.rtyper.rtyper.RtypeCommand;
import dev.taipan.x86.asm.Assembler;
import dev.taipan.x86.asm.MachineCode;
import dev.taipan.x86.asm.Mem;
import dev.taipan.x86.asm.Symbol;
import dev.taipan.x86.asm.Width;
import dev.taipan.x86.elf.Executables;
import dev.taipan.x86.elf.ProgramSection;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stage 03 image, made by the rtyper from a program with a prebuilt instance that holds a
 * prebuilt string, placed by the linker: every pointer word in the file holds its target's final
 * address, and machine code that follows the pointers finds the string.
 */
class ImageLinkTest {

    private static final String TEXT = "hello from the image\n";
    private static final String SOURCE = """
            class Greeting(object):
                def __init__(self, text, count):
                    self.text = text
                    self.count = count

            HELLO = Greeting("%s", 3)

            def f(n):
                return len(HELLO.text) + HELLO.count + n
            """.formatted(TEXT.replace("\n", "\\n"));

    @TempDir
    Path dir;

    private Image image;
    private Prebuilt hello;

    @BeforeEach
    void rtype() throws Exception {
        RTyper rtyper = RtypeCommand.rtyper(Files.writeString(dir.resolve("prog.py"), SOURCE), "f");
        image = rtyper.program(rtyper.graphs().stream().filter(g -> g.name().equals("f")).findFirst().orElseThrow())
                .image();
        hello = image.objects().stream()
                .filter(p -> p.type().isGc() && p.type() instanceof StructType s && s.name().endsWith("Greeting"))
                .findFirst().orElseThrow(() -> new AssertionError("no prebuilt Greeting in " + image.objects()));
    }

    /**
     * _start: rax := HELLO.text (a pointer word the linker filled), write(1, rax.chars, rax.length),
     * exit_group(HELLO.count).
     */
    private MachineCode start(ImageInput input) {
        String helloSymbol = input.symbol(hello);
        long chars = Layout.offsetOf(Strings.STR, Strings.CHARS)
                + Layout.itemOffset((Array) Strings.STR.field(Strings.CHARS).type(), 0);
        return Programs.assemble(asm -> {
            asm.mov(RAX, Mem.rip(Width.QWORD, new Symbol(helloSymbol, hello.field("text").offset())));
            asm.mov(RDX, Mem.qword(RAX, (int) Layout.lengthOffset(Strings.STR)));
            asm.lea(RSI, Mem.qword(RAX, (int) chars));
            Programs.writeStdout(asm);
            asm.mov(RDI, Mem.rip(Width.QWORD, new Symbol(helloSymbol, hello.field("count").offset())));
            Programs.exitWithRdi(asm);
        });
    }

    /** The program's inputs: _start, a trap for each function the image points to, the image. */
    private List<InputSection> inputs(ImageInput input) {
        var inputs = new ArrayList<InputSection>();
        inputs.add(InputSection.function("_start", start(input)));
        for (String function : functionsReferenced()) {
            inputs.add(InputSection.function(function, Programs.assemble(Assembler::ud2)));
        }
        inputs.addAll(input.sections());
        return inputs;
    }

    private Set<String> functionsReferenced() {
        var names = new LinkedHashSet<String>();
        for (Relocation r : image.relocations()) {
            if (r.target() instanceof FunctionRef f) {
                names.add(f.name());
            }
        }
        return names;
    }

    @Test
    void everyPointerWordInTheFileHoldsItsTargetsFinalAddress() {
        ImageInput input = ImageInput.of(image, "image");
        LinkedProgram linked = Linker.link(inputs(input));
        byte[] file = linked.executable("_start");

        assertThat(image.relocations()).as("the instance points to its string and its vtable").hasSizeGreaterThanOrEqualTo(2);
        for (Relocation r : image.relocations()) {
            ProgramSection section = ProgramSection.of(r.section());
            long fileOffset = linked.layout().placement(section).fileOffset()
                    + (linked.address(ImageInput.label("image", r.section())) - linked.layout().placement(section).address())
                    + r.offset();
            long expected = switch (r.target()) {
                case Relocation.Address a -> linked.address(ImageInput.label("image", a.section())) + a.offset();
                case FunctionRef f -> linked.address(f.name());
            };
            assertThat(ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong((int) fileOffset))
                    .as("pointer word %s", r).isEqualTo(expected);
        }
        // HELLO.text in particular points to the prebuilt string, named by its own symbol
        Prebuilt text = (Prebuilt) hello.field("text").get();
        Image.Placement at = image.placement(hello);
        ByteBuffer section = ByteBuffer.wrap(at.section() == dev.taipan.rtyper.image.Section.DATA
                ? linked.contents().data() : linked.contents().rodata()).order(ByteOrder.LITTLE_ENDIAN);
        long sectionStart = linked.layout().placement(ProgramSection.of(at.section())).address();
        long helloAddress = linked.address(input.symbol(hello));
        assertThat(section.getLong((int) (helloAddress - sectionStart + hello.field("text").offset())))
                .isEqualTo(linked.address(input.symbol(text)));
        assertThat(input.symbol(text)).contains("rpy_string");
    }

    @Test
    void codeFollowsTheImagesPointersAtRunTime() throws Exception {
        Executables.assumeLinuxX86_64();
        LinkedProgram linked = Linker.link(inputs(ImageInput.of(image, "image")));
        Executables.Result r = Executables.run(dir, Executables.save(dir, "image", linked.executable("_start")).toString());
        assertThat(r.stdout()).isEqualTo(TEXT);
        assertThat(r.status()).isEqualTo(3);
    }

    @Test
    void readelfNamesTheImagesObjects() throws Exception {
        Executables.assumeLinuxX86_64();
        Executables.assumeTool("readelf");
        ImageInput input = ImageInput.of(image, "image");
        LinkedProgram linked = Linker.link(inputs(input));
        Path exe = Executables.save(dir, "image", linked.executable("_start"));
        var elf = dev.taipan.x86.elf.Readelf.parse(
                Executables.run(dir, "readelf", "-W", "-h", "-l", "-S", "-s", exe.toString()).stdout());
        var helloSym = elf.symbols().get(input.symbol(hello));
        assertThat(helloSym.type()).isEqualTo("OBJECT");
        assertThat(helloSym.value()).isEqualTo(linked.address(input.symbol(hello)));
        assertThat(helloSym.size()).isEqualTo(hello.size());
    }

    @Test
    void aFunctionTheImagePointsToIsResolvedToItsSymbolAndMustBeEmitted() {
        // a method table, as a vtable holds one: one word pointing to a function by its symbol
        var fn = new FuncType(List.of(Primitive.SIGNED), Primitive.SIGNED);
        var table = Struct.of("methods", new Field("greet", new Ptr(fn)));
        var db = new Database();
        db.convert("methods", () -> new Prebuilt(table, dev.taipan.rtyper.image.Section.RODATA),
                p -> p.field("greet").set(new FunctionRef("Greeting.greet", fn)));
        ImageInput input = ImageInput.of(db.layout(), "image");
        var start = InputSection.function("_start", Programs.assemble(Assembler::ud2));

        var inputs = new ArrayList<>(input.sections());
        inputs.add(start);
        assertThatThrownBy(() -> Linker.link(inputs))
                .isInstanceOf(LinkException.class)
                .hasMessageStartingWith("undefined symbol 'Greeting.greet', referenced from image.rodata.0.methods+0x0");

        inputs.add(InputSection.function("Greeting.greet", Programs.add()));
        LinkedProgram linked = Linker.link(inputs);
        assertThat(ByteBuffer.wrap(linked.contents().rodata()).order(ByteOrder.LITTLE_ENDIAN).getLong(0))
                .isEqualTo(linked.address("Greeting.greet"));
    }
}
