package dev.taipan.rtyper.memory;

/** What a load or store reads or writes: the checked heap compares it with the field's type. */
enum Kind {
    SIGNED("Signed", 8),
    UNSIGNED("Unsigned", 8),
    FLOAT("Float", 8),
    BOOL("Bool", 1),
    CHAR("Char", 1),
    PTR("Ptr", 8);

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
