package dev.taipan.x86.elf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.x86.elf.Executables.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The kernel loads what the writer writes: hand-encoded programs run, and do what their code says. */
class StaticExecutableTest {

    @TempDir
    Path dir;

    @BeforeEach
    void linux() {
        Executables.assumeLinuxX86_64();
    }

    @Test
    void exitStatusComesFromExitGroup() throws Exception {
        Path exe = Executables.save(dir, "exit42", HandProgram.exit42().file());
        Result r = Executables.run(dir, exe.toString());
        assertThat(r.status()).isEqualTo(42);
        assertThat(r.stdout()).isEmpty();
    }

    @ParameterizedTest(name = "RIP-relative: {0}")
    @ValueSource(booleans = {true, false})
    void writesAMessageFromReadOnlyData(boolean ripRelative) throws Exception {
        Path exe = Executables.save(dir, "hello", HandProgram.hello(ripRelative).file());
        Result r = Executables.run(dir, exe.toString());
        assertThat(r.stdout()).isEqualTo(HandProgram.MESSAGE);
        assertThat(r.status()).isZero();
    }

    @Test
    void dataIsWritableAndBssStartsAsZeros() throws Exception {
        Path exe = Executables.save(dir, "data", HandProgram.dataAndBss().file());
        Result r = Executables.run(dir, exe.toString());
        assertThat(r.status()).as("exit status (a fault would be 128 + a signal)").isEqualTo(42);
    }

    @Test
    void writeExecutableMarksTheFileExecutable() throws Exception {
        HandProgram.Built built = HandProgram.exit42().build();
        Path exe = dir.resolve("written");
        ElfWriter.writeExecutable(exe, built.layout(), new Contents(built.code().bytes(), new byte[0], new byte[0]),
                built.code().functions(), "_start");
        assertThat(Executables.run(dir, exe.toString()).status()).isEqualTo(42);
    }

    @Test
    void codeOnTheStackDoesNotRun() throws Exception {
        Path exe = Executables.save(dir, "stack", HandProgram.jumpToStack().file());
        Result r = Executables.run(dir, exe.toString());
        assertThat(r.status()).as("killed by SIGSEGV (128 + 11), not exit_group(7) from the stack").isEqualTo(139);
    }
}
