package dev.taipan.rtyper.memory;

/** What a load or store reads or writes: the checked heap compares it with the field's type. */
enum Kind {
    SIGNED("Signed", 8),
    UNSIGNED("Unsigned", 8),
    FLOAT("Float", 8),
    BOOL("Bool", 1),
    CHAR("Char", 1),
    PTR("Ptr", 8),
    ADDRESS("Address", 8),
    /** A raw access of a whole word ({@code raw_load}, {@code adr.signed[i]}): any word-sized field, or a raw block's word. */
    RAW_WORD("word", 8),
    /** A raw access of one byte ({@code adr.char[i]}). */
    RAW_BYTE("byte", 1);

    private final String pypyName;
    final int size;

    Kind(String pypyName, int size) {
        this.pypyName = pypyName;
        this.size = size;
    }

    @Override
    public String toString() {
        return pypyName;
    }
}
