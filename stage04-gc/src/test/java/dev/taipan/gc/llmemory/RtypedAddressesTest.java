package dev.taipan.gc.llmemory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.rtyper.rtyper.RtypeCommand;
import org.junit.jupiter.api.Test;

/**
 * What {@code taipan rtype} shows of a program over addresses: each use is one operation of
 * the catalogue, by its PyPy name, with {@code Address} variables.
 */
class RtypedAddressesTest {

    @Test
    void theRawWalkIsLoadsAndAddressAdditions() {
        String text = RtypeCommand.text(RtypeCommand.rtype(LLRun.PROGRAMS.resolve("bump_allocator.py"), null));
        String walk = text.substring(text.indexOf("graph walk_raw(head_0: Address) -> Signed"));
        walk = walk.substring(0, walk.indexOf("\n\n"));
        assertThat(walk)
                .contains("v5: Bool = adr_ne(adr_4, NULL)          # line 69")
                .contains("v15: Signed = raw_load(adr_13, 0)       # line 70")
                .contains("v17: Address = adr_add(adr_13, 8)       # line 71")
                .contains("v18: Float = raw_load(v17, 0)           # line 71")
                .contains("v20: Char = raw_load(adr_13, 16)        # line 72")
                .contains("v25: Address = raw_load(v24, 0)         # line 73");
        assertThat(text)
                .containsPattern("Address = raw_malloc\\(size_\\d+\\) +# line 22")
                .containsPattern("Ptr\\(Struct NODE\\) = cast_adr_to_ptr\\(adr_\\d+\\) +# line 44")
                .containsPattern("Void = setfield\\(v\\d+, 'next', head_\\d+\\) +# line 48")
                .containsPattern("Void = raw_memcopy\\(v\\d+, v\\d+, 32\\) +# line 88")
                .containsPattern("Void = raw_memclear\\(v\\d+, 32\\) +# line 91")
                .containsPattern("Signed = adr_delta\\(v\\d+, v\\d+\\) +# line 34")
                .containsPattern("Bool = adr_gt\\(v\\d+, v\\d+\\) +# line 27")
                .containsPattern("Address = cast_ptr_to_adr\\(v\\d+\\) +# line 108")
                .containsPattern("Void = raw_free\\(v\\d+\\) +# line 112");
    }
}
