package dev.taipan.gc.llmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.annotator.AnnotatorError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Misusing an address is an annotation error at the line that does it, in Python's terms, as
 * for any RPy code: an address moves by ints, compares with addresses, is read through its
 * typed accessors with int indexes, and the functions of {@code llmemory} take what PyPy's do.
 */
class AddressAnnotationErrorsTest {
    @TempDir
    Path dir;

    static final String HEADER = """
            from rpython.rtyper.lltypesystem.lltype import Signed, Struct, Ptr, GcStruct, malloc
            from rpython.rtyper.lltypesystem.llmemory import NULL, raw_malloc, raw_free, cast_adr_to_ptr, cast_ptr_to_adr
            NODE = Struct('NODE', ('x', Signed))
            BOX = GcStruct('BOX', ('x', Signed))


            def keep(x):
                return 0


            def entry_point(argv):
                adr = raw_malloc(16)
            """;   // the program's own line follows, line 13; a value it makes is used (else it is dead code)

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            x = adr + 1.5                        | Address + a float: an Address moves by an int number of bytes
            x = adr + adr                        | cannot add two Addresses: an Address moves by an int number of bytes
            x = 8 - adr                          | cannot subtract an Address from an int
            x = adr * 2                          | 'mul' is not an operation on Addresses: they are added to, subtracted and compared
            x = adr == 0                         | cannot compare an Address with an int: an Address compares with an Address
            x = adr.signed['a']                  | an index of adr.signed[i] is an int, not a str
            adr.signed[0] = 1.5                  | adr.signed[i] holds a Signed, not a float
            adr.char[0] = 65                     | adr.char[i] holds a Char, not an int
            x = adr.word[0]                      | an Address has no attribute 'word' (its typed accessors: signed, unsigned, address, float, char)
            raw_free(malloc(BOX))                | the address given to llmemory.raw_free() is an Address, not a Ptr(GcStruct BOX) (cast_ptr_to_adr(p) gives a pointer's address)
            x = raw_malloc(2.0)                  | the size given to llmemory.raw_malloc() is an int, not a float
            x = cast_adr_to_ptr(adr, NODE)       | cast_adr_to_ptr(adr, PTRTYPE) needs a pointer type known at translation time (Ptr(T)), not
            x = cast_ptr_to_adr(adr)             | cast_ptr_to_adr(p) takes a pointer, not an Address
            x = raw_malloc(8, 8)                 | raw_malloc() takes 1 argument, not 2: raw_malloc(size)
            """)
    void misuseIsAnAnnotationErrorAtItsLine(String line, String message) throws IOException {
        Path file = dir.resolve("prog.py");
        Files.writeString(file, HEADER + "    " + line + "\n    return " + (line.startsWith("x =") ? "keep(x)" : "0") + "\n");
        assertThatThrownBy(() -> LLRun.of(file, true)).isInstanceOfSatisfying(AnnotatorError.class, e -> {
            assertThat(e.line).isEqualTo(13);
            assertThat(e.render()).contains("prog.py:13: annotation error: " + message);
        });
    }
}
