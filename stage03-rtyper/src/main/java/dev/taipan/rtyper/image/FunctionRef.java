package dev.taipan.rtyper.image;

import dev.taipan.rtyper.lltype.FuncType;
import java.util.Objects;

/**
 * A function named by its symbol, as a prebuilt pointer field holds it (a method slot in a
 * vtable, an entry of a function table). Its address is not known when the image is laid out:
 * the x86 backend places the code later, and the llinterp numbers its graphs. So the image keeps
 * a relocation naming the symbol, and whoever maps the image says what the address is.
 */
public record FunctionRef(String name, FuncType type) implements Pointee, Relocation.Target {

    public FunctionRef {
        Objects.requireNonNull(name, "symbol");
        Objects.requireNonNull(type, "type of " + name);
    }
}
