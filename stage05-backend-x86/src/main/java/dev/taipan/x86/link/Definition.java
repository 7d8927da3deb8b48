package dev.taipan.x86.link;

/**
 * A name an input section defines: {@code size} bytes at {@code offset} in it. In {@code .text}
 * it names a function, elsewhere a data object; a size of 0 makes it a label (a section's start,
 * say) that tools print but that owns no bytes.
 */
public record Definition(String name, long offset, long size) {

    public Definition {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a definition needs a name");
        }
        if (offset < 0 || size < 0) {
            throw new IllegalArgumentException("definition " + name + ": negative offset or size (" + offset + ", "
                    + size + ")");
        }
    }
}
