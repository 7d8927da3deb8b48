package dev.taipan.x86.asm;

/**
 * A name defined outside the code being assembled (a function of another compilation unit, a
 * constant in the image's read-only data) plus a byte offset into it. The assembler writes zeros
 * where its address goes and records a {@link Relocation}; whoever places the code and the symbol
 * in memory fills the bytes in.
 */
public record Symbol(String name, long addend) implements Target {

    public Symbol {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a symbol needs a name");
        }
    }

    public static Symbol symbol(String name) {
        return new Symbol(name, 0);
    }

    @Override
    public String toString() {
        return addend == 0 ? name : name + (addend < 0 ? "" : "+") + addend;
    }
}
