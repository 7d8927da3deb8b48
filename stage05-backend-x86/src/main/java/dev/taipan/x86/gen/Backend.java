package dev.taipan.x86.gen;

import dev.taipan.flowgraph.cli.PhaseListener;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.llgraph.ExceptionData;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.StructType;
import dev.taipan.rtyper.transform.ReachableGraphs;
import dev.taipan.x86.asm.MachineCode;
import dev.taipan.x86.link.ImageInput;
import dev.taipan.x86.link.InputSection;
import dev.taipan.x86.link.LinkedProgram;
import dev.taipan.x86.link.Linker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The whole program as an executable: each graph it reaches through {@link FunctionCodegen} into
 * an input section named after the graph (so {@code objdump -d} and {@code gdb} speak the
 * program's names), the image of prebuilt objects through {@link ImageInput}, the {@link Runtime}'s
 * routines and {@code _start}, the texts {@code print} writes; the {@link Linker} places and
 * resolves them. The program's entry must be a process's {@code main(argc, raw_argv)}, which
 * stage 04's {@code GcStage.translate} makes.
 */
public final class Backend {
    /** The prefix of the image's symbols ({@code image.data.5.Greeting}). */
    static final String IMAGE = "image";

    private Backend() {
    }

    /** Generates and links {@code program}; its entry is called by {@code _start}. */
    public static LinkedProgram link(LowLevelProgram program) {
        return link(program, PhaseListener.NONE);
    }

    /**
     * The same, telling {@code phases} about the two phases: <b>codegen</b>, a function at a time
     * (its progress told after each), and <b>link</b>.
     */
    public static LinkedProgram link(LowLevelProgram program, PhaseListener phases) {
        return link(program, phases, List.of(), CodeListener.NONE);
    }

    /**
     * The same, with code also for the functions named {@code exports}, which nothing in the
     * program may call, telling {@code listener} where each operation's machine code begins
     * ({@code taipan view}).
     */
    public static LinkedProgram link(LowLevelProgram program, PhaseListener phases, List<String> exports,
                                     CodeListener listener) {
        long start = System.nanoTime();
        LowLevelGraph entry = program.entry();
        // a Void result: every path of the entry raises, so _start only ever reports an exception
        if (!entry.signature().args().equals(List.of(Primitive.SIGNED, Primitive.ADDRESS))
                || entry.signature().result() != Primitive.SIGNED && entry.signature().result() != Primitive.VOID) {
            throw new NotSelectedError("an entry that is not main(argc, raw_argv) -> Signed (" + entry.signature() + ")",
                    entry.name());
        }
        ImageInput image = ImageInput.of(program.image(), IMAGE);
        ExceptionLayout exceptions = exceptionLayout(program.exceptions(), image);
        TextPool texts = new TextPool();
        List<InputSection> inputs = new ArrayList<>();
        // code only for what the entry and the image reach, as PyPy's database: GcStage's passes
        // drop the graphs inlined at every call, a program made another way may still hold them
        List<LowLevelGraph> graphs = ReachableGraphs.of(program, exports.stream().map(program.byName()::get).toList());
        Runtime runtime = new Runtime(texts, exceptions);
        inputs.addAll(runtime.sections(entry.name()));
        long bytes = 0;
        for (int i = 0; i < graphs.size(); i++) {
            LowLevelGraph g = graphs.get(i);
            MachineCode code = new FunctionCodegen(g, image::symbol, texts, exceptions).listen(listener).generate();
            bytes += code.bytes().length;
            inputs.add(InputSection.function(g.name(), code));
            phases.progress("codegen", i + 1, graphs.size());
        }
        long generated = System.nanoTime();
        phases.ended("codegen", generated - start,
                String.format(Locale.ROOT, "%,d functions, %,d bytes of code", graphs.size(), bytes));
        inputs.addAll(image.sections());
        inputs.addAll(texts.sections());
        LinkedProgram linked = Linker.link(inputs);
        phases.ended("link", System.nanoTime() - generated, String.format(Locale.ROOT, "%,d symbols", linked.symbols().size()));
        return linked;
    }

    /** The entry symbol of every executable this backend writes. */
    public static String entrySymbol() {
        return Entries.START;
    }

    /**
     * The words of {@code exc_data} and of the exception classes the generated code reads, or
     * null for a program that was not exception-transformed (then nothing is ever pending).
     */
    private static ExceptionLayout exceptionLayout(ExceptionData data, ImageInput image) {
        Prebuilt excData = data.pendingException();
        if (excData == null) {
            return null;
        }
        StructType exc = (StructType) excData.type();
        StructType vtable = (StructType) ((Ptr) exc.field("exc_type").type()).to();
        Prebuilt recursion = data.recursionError();
        StructType instance = recursion == null ? (StructType) ((Ptr) exc.field("exc_value").type()).to()
                : (StructType) recursion.type();
        Prebuilt base = data.vtable("BaseException");
        StructType baseInstance = (StructType) data.instance("BaseException").type();
        return new ExceptionLayout(image.symbol(excData),
                (int) Layout.offsetOf(exc, "exc_type"), (int) Layout.offsetOf(exc, "exc_value"),
                recursion == null ? null : image.symbol(recursion), nested(instance, "typeptr"),
                nested(vtable, "name"), nested(vtable, "subclassrange_min"), nested(vtable, "subclassrange_max"),
                image.symbol(base), nested(baseInstance, "message"));
    }

    /**
     * The offset of the field {@code name} in {@code s} or in its first field, recursively: a
     * subclass's struct begins with its base class's ({@code super}), so the root's fields
     * ({@code typeptr}, a vtable's {@code name}) are at the start of every instance or vtable.
     */
    static int nested(StructType s, String name) {
        long offset = 0;
        StructType at = s;
        while (true) {
            if (at.fields().stream().anyMatch(f -> f.name().equals(name))) {
                return Math.toIntExact(offset + Layout.offsetOf(at, name));
            }
            Field first = at.fields().getFirst();
            if (!(first.type() instanceof StructType inner)) {
                throw new IllegalStateException(s + " has no field '" + name + "' along its first fields");
            }
            offset += Layout.offsetOf(at, first.name());
            at = inner;
        }
    }
}
