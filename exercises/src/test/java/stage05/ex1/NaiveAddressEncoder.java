package stage05.ex1;

import dev.taipan.x86.asm.AddressEncoder;
import dev.taipan.x86.asm.Addressing;
import dev.taipan.x86.asm.Mem;
import java.util.OptionalInt;

/**
 * A plausible wrong answer to stage05/ex1 for the self-check: the general forms of the manual's
 * tables, right bit for bit, and RIP-relative, but none of the escapes. An rsp or r12 base with
 * no index gets no SIB byte (so the processor reads the next byte as one), an rbp or r13 base
 * with no displacement gets none (so it is read as RIP-relative), and an index with no base is
 * not thought of at all. The special-case tests, the table and a program must take points off it.
 */
public final class NaiveAddressEncoder implements AddressEncoder {
    @Override
    public Addressing encode(int reg, Mem m) {
        return switch (m) {
            case Mem.Rip r -> new Addressing(0, 0, reg << 3 | 0b101, OptionalInt.empty(), 4, 0);
            case Mem.Based b -> {
                int base = b.base().number();
                int dispSize = b.disp() == 0 ? 0 : b.disp() == (byte) b.disp() ? 1 : 4;
                int mod = dispSize == 0 ? 0b00 : dispSize == 1 ? 0b01 : 0b10;
                if (b.index() == null) {
                    yield new Addressing(0, base >> 3, mod << 6 | reg << 3 | (base & 7), OptionalInt.empty(),
                            dispSize, b.disp());
                }
                int index = b.index().number();
                int sib = Integer.numberOfTrailingZeros(b.scale()) << 6 | (index & 7) << 3 | (base & 7);
                yield new Addressing(index >> 3, base >> 3, mod << 6 | reg << 3 | 0b100, OptionalInt.of(sib),
                        dispSize, b.disp());
            }
        };
    }
}
