package dev.taipan.x86.elf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.x86.elf.Executables.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The symbol table at work: objdump names the functions and calls, gdb stops at a function by
 * name and reads a data object by name, and the processes are well-formed enough for valgrind
 * to run them instruction by instruction.
 */
class DebugToolsTest {

    @TempDir
    Path dir;

    @Test
    void objdumpNamesFunctionsAndCallTargets() throws Exception {
        Executables.assumeTool("objdump");
        HandProgram program = HandProgram.exit42();
        HandProgram.Built built = program.build();
        Path exe = Executables.save(dir, "exit42", program.file());
        Result r = Executables.run(dir, "objdump", "-d", exe.toString());
        assertThat(r.status()).as(r.stderr()).isZero();
        String start = Long.toHexString(built.code().addressOf("_start"));
        String exitWith = Long.toHexString(built.code().addressOf("exit_with"));
        assertThat(r.stdout())
                .contains("0000000000" + start + " <_start>:")
                .contains("0000000000" + exitWith + " <exit_with>:")
                .containsPattern("e8 [0-9a-f ]+\\s+call\\s+" + exitWith + " <exit_with>")
                .containsPattern("syscall");
    }

    @Test
    void gdbStopsAtAFunctionByName() throws Exception {
        Executables.assumeLinuxX86_64();
        Executables.assumeTool("gdb");
        HandProgram program = HandProgram.exit42();
        long exitWith = program.build().code().addressOf("exit_with");
        Path exe = Executables.save(dir, "exit42", program.file());
        Result r = Executables.run(dir, "gdb", "-batch", "-nx", "-ex", "break exit_with", "-ex", "run",
                "-ex", "print $rdi", "-ex", "continue", exe.toString());
        assertThat(r.stdout())
                .contains("Breakpoint 1, 0x" + String.format("%016x", exitWith) + " in exit_with ()")
                .contains("$1 = 42")
                .contains("exited with code 052"); // gdb prints the status in octal
    }

    @Test
    void gdbReadsADataObjectByNameBeforeAndAfterTheStore() throws Exception {
        Executables.assumeLinuxX86_64();
        Executables.assumeTool("gdb");
        Path exe = Executables.save(dir, "data", HandProgram.dataAndBss().file());
        // Three instructions into _start: load counter, add 2, store it back.
        Result r = Executables.run(dir, "gdb", "-batch", "-nx", "-ex", "break _start", "-ex", "run",
                "-ex", "print (long) counter", "-ex", "stepi 3", "-ex", "print (long) counter", exe.toString());
        assertThat(r.stdout()).contains("in _start ()").contains("$1 = 40").contains("$2 = 42");
    }

    @Test
    void valgrindRunsTheProcess() throws Exception {
        Executables.assumeLinuxX86_64();
        Executables.assumeTool("valgrind");
        Path exe = Executables.save(dir, "hello", HandProgram.hello(true).file());
        Result r = Executables.run(dir, "valgrind", "--tool=none", "--error-exitcode=99", exe.toString());
        assertThat(r.stderr()).contains("Nulgrind").doesNotContain("unhandled instruction")
                .doesNotContain("Fatal");
        assertThat(r.stdout()).isEqualTo(HandProgram.MESSAGE);
        assertThat(r.status()).isZero();
    }
}
