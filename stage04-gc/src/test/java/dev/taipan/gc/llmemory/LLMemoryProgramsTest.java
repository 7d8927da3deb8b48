package dev.taipan.gc.llmemory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * RPy programs over raw addresses, run at {@code ll} as the collectors will be: a bump
 * allocator over a {@code raw_malloc}ed arena gives the same output on the fast and the checked
 * heap, and the mistakes a collector makes (reading memory it freed, running off a block,
 * writing into read-only prebuilt data, freeing twice) stop the checked run at once, with the
 * access and what is wrong with it.
 */
class LLMemoryProgramsTest {

    static final String BUMP_ALLOCATOR = """
            sizes: 32 0 8 16 24
            used: 320 of 320
            typed sum: 285
            raw walk: 285 22.5 jihgfedcba
            copy: 81 4.5 j True
            cleared: 0 0.0 False True
            after a raw store: -7
            order: True 32 True True
            int round trip: True True
            box: 0 40 2 42
            """;

    @ParameterizedTest(name = "checked={0}")
    @ValueSource(booleans = {false, true})
    void aBumpAllocatorOverARawArenaRunsOnBothHeaps(boolean checked) {
        LLRun run = LLRun.program("bump_allocator.py", checked);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo(BUMP_ALLOCATOR);
        assertThat(run.status()).isZero();
    }

    @ParameterizedTest(name = "checked={0}")
    @ValueSource(booleans = {false, true})
    void theReadmeExampleRunsWithAddressesInAListAndATuple(boolean checked) {
        LLRun run = LLRun.program("readme_example.py", checked);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("16 8 45\n3 16 True\n");
    }

    @Test
    void readingFreedMemoryFailsAtOnce() {
        LLRun run = LLRun.program("use_after_free.py", true);
        assertThat(run.out()).isEqualTo("before: 42\n");
        assertThat(run.err()).startsWith("Fatal error in the low-level program: entry_point: ")
                .contains("raw_load(").contains(": load of word at offset 8 of a raw block (size 64): "
                        + "it was freed by raw_free (use after free)\n")
                .contains("use_after_free.py\", line 10, in entry_point");
        assertThat(run.status()).isEqualTo(134);
    }

    @Test
    void theFastHeapKeepsFreedMemoryMappedSoAStaleReadDoesNotCrash() {
        LLRun run = LLRun.program("use_after_free.py", false);
        assertThat(run.out()).startsWith("before: 42\nafter: ");   // stale bytes, as in C; but the JVM lives
        assertThat(run.status()).isZero();
    }

    @Test
    void runningOffTheEndOfARawBlockFails() {
        LLRun run = LLRun.program("off_the_end.py", true);
        assertThat(run.err()).contains("raw_store(").contains(
                ": store of word at offset 24 of a raw block (size 24): out of bounds\n")
                .contains("off_the_end.py\", line 10, in entry_point");
        assertThat(run.status()).isEqualTo(134);
    }

    @Test
    void aStoreIntoReadOnlyPrebuiltDataThroughAnAddressFails() {
        LLRun run = LLRun.program("rodata_store.py", true);
        assertThat(run.err()).contains(": store of word at offset 8 of a prebuilt GcStruct rpy_string of length 5 "
                + "(size 29): the object is read-only (prebuilt in RODATA)\n")
                .contains("rodata_store.py\", line 9, in entry_point");
        assertThat(run.status()).isEqualTo(134);
    }

    @ParameterizedTest(name = "checked={0}")
    @ValueSource(booleans = {false, true})
    void freeingTwiceFailsOnBothHeaps(boolean checked) {
        LLRun run = LLRun.program("double_free.py", checked);
        assertThat(run.err()).containsPattern("raw_free of 0x[0-9a-f]+: "
                + (checked ? "the raw block there \\(size 16\\) was freed already" : "no live raw block starts there"))
                .contains("double_free.py\", line 12, in entry_point")
                .contains("double_free.py\", line 6, in release");
        assertThat(run.status()).isEqualTo(134);
    }
}
