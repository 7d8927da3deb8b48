package dev.taipan.flowgraph.flow;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A value known only at run time, defined exactly once in a graph: as an input argument of one
 * block, or as the result of one operation (SSA with block arguments, no phi nodes).
 *
 * <p>A variable born from a Python local keeps the local's name: {@code x_3} is "a value of
 * {@code x}", {@code v12} an unnamed temporary (PyPy's convention). Numbers are handed out
 * lazily, the first time a variable is printed, so they follow reading order. Identity is what
 * counts: two variables are equal only if they are the same object.
 */
public final class Variable implements Value {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private String prefix;
    private int nr = -1;

    /** An unnamed temporary, {@code vN}. */
    public Variable() {
        this.prefix = "v";
    }

    /** A variable holding a value of the Python local {@code name}. */
    public Variable(String name) {
        this.prefix = name == null ? "v" : name + "_";
    }

    /** A fresh variable with the same name (for the next block's input arguments). */
    public Variable copy() {
        Variable v = new Variable();
        v.prefix = prefix;
        return v;
    }

    /** Names an unnamed variable after the local it is stored into (STORE_FAST). */
    void rename(String name) {
        if (prefix.equals("v")) {
            prefix = name + "_";
        }
    }

    /** The Python local this variable holds a value of, or null for a temporary. */
    public String localName() {
        return prefix.equals("v") ? null : prefix.substring(0, prefix.length() - 1);
    }

    /** {@code x_3} or {@code v12}. */
    public String name() {
        if (nr < 0) {
            nr = COUNTER.getAndIncrement();
        }
        return prefix + nr;
    }

    /** The name without its number: {@code x_} or {@code v}. */
    public String prefix() {
        return prefix;
    }

    @Override
    public String toString() {
        return name();
    }
}
