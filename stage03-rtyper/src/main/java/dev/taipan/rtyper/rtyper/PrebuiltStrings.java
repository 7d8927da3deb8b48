package dev.taipan.rtyper.rtyper;

import dev.taipan.rtyper.image.Database;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.image.Section;
import dev.taipan.rtyper.lltype.Strings;
import java.util.HashMap;
import java.util.Map;

/**
 * The string constants of the image: a class's name, an exception's message, every {@code str}
 * constant the program uses. Strings are immutable, so equal constants share one prebuilt
 * {@code rpy_string} (as PyPy's database shares them); they go to read-only data, their hash
 * computed ({@link StrHash}).
 */
final class PrebuiltStrings {
    private final Database database;
    private final Map<String, Prebuilt> byText = new HashMap<>();

    PrebuiltStrings(Database database) {
        this.database = database;
    }

    /** The byte a char of a constant is at the low level, where a str holds chars 0..255. */
    static char byteOf(char c) {
        return c < 256 ? c : '?';
    }

    /** The prebuilt string holding {@code text}. */
    Prebuilt of(String text) {
        return byText.computeIfAbsent(text, t -> {
            Prebuilt p = new Prebuilt(Strings.STR, t.length(), Section.RODATA);
            for (int i = 0; i < t.length(); i++) {
                p.field(Strings.CHARS).item(i).set(byteOf(t.charAt(i)));
            }
            p.field(Strings.HASH).set(StrHash.of(t));   // read-only: ll_strhash could not cache it
            return database.convert(p, () -> p, q -> { });
        });
    }
}
