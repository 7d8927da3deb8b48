package dev.taipan.x86.link;

import dev.taipan.x86.asm.Relocation;
import dev.taipan.x86.elf.Contents;
import dev.taipan.x86.elf.ElfLayout;
import dev.taipan.x86.elf.ProgramSection;
import dev.taipan.x86.elf.SectionSize;
import dev.taipan.x86.elf.Symbol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The static linker: input sections (functions, constants, globals, the stage 03 image) become
 * one program at final addresses. What {@code ld} does for a static executable, in three steps:
 *
 * <ol>
 *   <li><b>Place.</b> Each input goes after the previous one of its output section, at its
 *       alignment; from the four sizes {@link ElfLayout#plan} fixes every section's address, so
 *       every input, and every name it defines, now has an address.
 *   <li><b>Resolve.</b> Every relocation names a symbol; its address {@code S}, the addend
 *       {@code A} and the address of the field itself {@code P} give the value: {@code S + A} for
 *       {@code R_X86_64_64} (a pointer word, a {@code movabs}), {@code S + A - P} for
 *       {@code R_X86_64_PC32} and {@code PLT32} (a RIP-relative operand, a call). The addend
 *       already holds the {@code -4} of "counted from the end of the field" (see
 *       {@link Relocation}), so the linker knows nothing of instructions.
 *   <li><b>Write</b> the values into the bytes, little-endian, and hand the bytes, the layout and
 *       a symbol per definition to the ELF writer ({@link LinkedProgram#executable}).
 * </ol>
 *
 * <p>The addresses of the words that hold an absolute address ({@code R_X86_64_64}) are kept in
 * the result: everything else is position-independent (RIP-relative), so these words are all a
 * loader must patch to run the same bytes at another address (stage 05's in-process loader).
 *
 * <p>There is no PLT and no GOT: in a static executable at a fixed address a call reaches its
 * function directly, so {@code PLT32} is resolved exactly as {@code PC32}. Everything lies below
 * 2 GiB (the small code model), so a 32-bit displacement reaches every symbol; a displacement
 * that still does not fit (a wild addend) is an error, never a silently truncated address.
 */
public final class Linker {

    /**
     * Gaps between functions are filled with {@code int3} ({@code CC}): a jump that lands between
     * functions traps at once instead of sliding into the next one.
     */
    private static final byte TEXT_FILL = (byte) 0xCC;

    private Linker() {
    }

    /** Links the inputs, in order within each section; refuses undefined and duplicate symbols. */
    public static LinkedProgram link(List<InputSection> inputs) {
        var sizes = new EnumMap<ProgramSection, Long>(ProgramSection.class);
        var alignments = new EnumMap<ProgramSection, Long>(ProgramSection.class);
        for (ProgramSection s : ProgramSection.values()) {
            sizes.put(s, 0L);
            alignments.put(s, 1L);
        }
        long[] starts = new long[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            InputSection in = inputs.get(i);
            starts[i] = alignUp(sizes.get(in.section()), in.alignment());
            sizes.put(in.section(), starts[i] + in.size());
            alignments.merge(in.section(), in.alignment(), Math::max);
        }
        ElfLayout layout = ElfLayout.plan(size(sizes, alignments, ProgramSection.TEXT),
                size(sizes, alignments, ProgramSection.RODATA), size(sizes, alignments, ProgramSection.DATA),
                size(sizes, alignments, ProgramSection.BSS));

        var addresses = new LinkedHashMap<String, Long>();
        var definedIn = new LinkedHashMap<String, String>();
        var symbols = new ArrayList<Symbol>();
        for (int i = 0; i < inputs.size(); i++) {
            InputSection in = inputs.get(i);
            for (Definition d : in.definitions()) {
                long offset = starts[i] + d.offset();
                String where = in.section().sectionName() + "+0x" + Long.toHexString(offset);
                String previous = definedIn.putIfAbsent(d.name(), where);
                if (previous != null) {
                    throw new LinkException("symbol '" + d.name() + "' is defined twice: at " + previous + " and at " + where);
                }
                addresses.put(d.name(), layout.address(in.section(), offset));
                symbols.add(in.section() == ProgramSection.TEXT ? Symbol.function(d.name(), offset, d.size())
                        : Symbol.object(d.name(), in.section(), offset, d.size()));
            }
        }

        var bytes = new EnumMap<ProgramSection, byte[]>(ProgramSection.class);
        for (ProgramSection s : List.of(ProgramSection.TEXT, ProgramSection.RODATA, ProgramSection.DATA)) {
            bytes.put(s, new byte[Math.toIntExact(sizes.get(s))]);
        }
        Arrays.fill(bytes.get(ProgramSection.TEXT), TEXT_FILL);
        var absolute = new ArrayList<Long>();
        for (int i = 0; i < inputs.size(); i++) {
            InputSection in = inputs.get(i);
            if (!in.section().inFile()) {
                continue;
            }
            byte[] out = bytes.get(in.section());
            System.arraycopy(in.bytes(), 0, out, (int) starts[i], (int) in.size());
            for (Relocation r : in.relocations()) {
                long offset = starts[i] + r.offset();
                long at = layout.address(in.section(), offset);
                long value = resolve(r, at, addresses, in);
                if (r.kind() == Relocation.Kind.ABS64) {
                    absolute.add(at);
                }
                for (int b = 0; b < r.kind().size(); b++) {
                    out[(int) offset + b] = (byte) (value >>> (8 * b));
                }
            }
        }
        return new LinkedProgram(layout, new Contents(bytes.get(ProgramSection.TEXT), bytes.get(ProgramSection.RODATA),
                bytes.get(ProgramSection.DATA)), symbols, addresses, absolute);
    }

    /** The value of relocation {@code r} whose field is at address {@code p}. */
    private static long resolve(Relocation r, long p, Map<String, Long> addresses, InputSection in) {
        Long s = addresses.get(r.symbol());
        if (s == null) {
            throw new LinkException("undefined symbol '" + r.symbol() + "', referenced from " + in.describe(r.offset())
                    + " (" + r.kind() + ")");
        }
        return switch (r.kind()) {
            case ABS64 -> s + r.addend();
            case PC32, PLT32 -> {
                long displacement = s + r.addend() - p;
                if (displacement != (int) displacement) {
                    throw new LinkException(r.kind() + " reference from " + in.describe(r.offset()) + " to '"
                            + r.symbol() + "' (addend " + r.addend() + ") cannot reach it: displacement 0x"
                            + Long.toHexString(displacement) + " does not fit in 32 signed bits");
                }
                yield displacement;
            }
        };
    }

    private static SectionSize size(Map<ProgramSection, Long> sizes, Map<ProgramSection, Long> alignments,
                                    ProgramSection s) {
        return new SectionSize(sizes.get(s), alignments.get(s));
    }

    private static long alignUp(long n, long alignment) {
        return (n + alignment - 1) & -alignment;
    }
}
