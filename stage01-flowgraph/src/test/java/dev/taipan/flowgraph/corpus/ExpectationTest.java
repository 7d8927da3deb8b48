package dev.taipan.flowgraph.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.flowgraph.corpus.Expectation.ExpectedError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The expectation format of corpus/README.md, and the judge: it must be able to say no. */
class ExpectationTest {

    @TempDir
    Path dir;

    @Test
    void expectLinesAreTheWholeStdoutDroppingExactlyOneSpace() {
        Expectation e = Expectation.parse("""
                print(1)  # expect: 1
                # expect:   indented
                # expect:
                # expect:\s
                #expect:no space
                """);
        assertThat(e.stdout()).containsExactly("1", "  indented", "", "", "no space");
        assertThat(e.stdoutText()).isEqualTo("1\n  indented\n\n\nno space\n");
        assertThat(e.exit()).isZero();
        assertThat(e.args()).isEmpty();
        assertThat(e.error()).isEmpty();
    }

    @Test
    void argsAreSplitOnWhitespaceAndExitIsRead() {
        Expectation e = Expectation.parse("# args: 7  apples\t-3\n# exit: 3\n");
        assertThat(e.args()).containsExactly("7", "apples", "-3");
        assertThat(e.exit()).isEqualTo(3);
    }

    @Test
    void argsAndExitMustStartTheLine() {
        Expectation e = Expectation.parse("x = 1  # args: a b\ny = 2  # exit: 4\n");
        assertThat(e.args()).isEmpty();
        assertThat(e.exit()).isZero();
    }

    @Test
    void errorGivesItsLineTheMessageAndExitStatusOne() {
        Expectation e = Expectation.parse("""
                def f():
                    raise ValueError("bad")  # error: ValueError: bad \s
                f()
                """);
        assertThat(e.error()).contains(new ExpectedError(2, "ValueError: bad"));
        assertThat(e.exit()).isEqualTo(1);
        assertThat(e.problems()).isEmpty();
    }

    @Test
    void laterExitOverridesTheErrorsStatusAsInTheCPythonRunner() {
        assertThat(Expectation.parse("# exit: 2\nboom()  # error: NameError: x\n").exit()).isEqualTo(1);
        assertThat(Expectation.parse("boom()  # error: NameError: x\n# exit: 2\n").exit()).isEqualTo(2);
    }

    @Test
    void twoErrorsAreAProblemInTheProgram() {
        Expectation e = Expectation.parse("a  # error: A: 1\nb  # error: B: 2\n");
        assertThat(e.problems()).containsExactly("more than one '# error:'");
        assertThat(e.error()).contains(new ExpectedError(2, "B: 2"));
    }

    @Test
    void linesAreNumberedLikePythonsSplitlines() {
        // A form feed ends a line for str.splitlines(), as in the CPython runner.
        Expectation e = Expectation.parse("a = 1\f\r\nraise X  # error: X\n");
        assertThat(e.error().map(ExpectedError::line)).contains(3);
        assertThat(PythonText.splitLines("a\r\nb\rc\u2028d\n")).containsExactly("a", "b", "c", "d");
        assertThat(PythonText.splitLines("")).isEmpty();
        assertThat(PythonText.splitLines("\n\n")).containsExactly("", "");
    }

    @Test
    void recursionErrorNeedsOnlyAPrefix() {
        var recursion = new ExpectedError(1, "RecursionError: maximum recursion depth exceeded");
        assertThat(recursion.matchesLastLine("RecursionError: maximum recursion depth exceeded while calling a Python object")).isTrue();
        assertThat(recursion.matchesLastLine("RecursionError: something else")).isFalse();
        var key = new ExpectedError(1, "KeyError: 'k'");
        assertThat(key.matchesLastLine("KeyError: 'k'")).isTrue();
        assertThat(key.matchesLastLine("KeyError: 'k' and more")).isFalse();
    }

    // ----- the judge -----

    private CorpusProgram program(String folder, String source) throws IOException {
        Path sub = Files.createDirectories(dir.resolve(folder));
        Path file = Files.writeString(sub.resolve("prog.py"), source);
        return CorpusProgram.read(folder.equals("rpy") ? Corpus.Folder.RPY : Corpus.Folder.PYTHON, file);
    }

    private static String traceback(Path file, int line) {
        return "Traceback (most recent call last):\n"
                + "  File \"" + file + "\", line 9, in <module>\n    f()\n"
                + "  File \"" + file + "\", line " + line + ", in f\n    g()\n"
                + "  File \"/somewhere/else/lib.py\", line 1, in g\n    raise KeyError('k')\n"
                + "KeyError: 'k'\n";
    }

    @Test
    void aMatchingRunPasses() throws IOException {
        CorpusProgram p = program("python", "print('a')  # expect: a\nf()  # error: KeyError: 'k'\n");
        Outcome outcome = new Outcome("a\n", traceback(p.path(), 2), 1);
        assertThat(p.check(outcome)).isEmpty();
        p.assertPasses(outcome);
    }

    @Test
    void wrongStdoutFailsWithTheFirstDifferenceAndADiff() throws IOException {
        CorpusProgram p = program("python", "# expect: one\n# expect: two\n# expect: three\n");
        Outcome outcome = new Outcome("one\nTWO\nthree\nfour\n", "", 0);
        assertThat(p.check(outcome)).containsExactly("stdout line 2: expected 'two', got 'TWO'");
        assertThatThrownBy(() -> p.assertPasses(outcome))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("python/prog.py failed:")
                .hasMessageContaining("  one\n- two\n+ TWO\n  three\n+ four\n")
                .satisfies(t -> assertThat(((AssertionFailedError) t).getActual().getValue()).isEqualTo("one\nTWO\nthree\nfour\n"));
    }

    @Test
    void missingOutputAndMissingFinalNewlineAreFailures() throws IOException {
        CorpusProgram p = program("python", "# expect: one\n# expect: two\n");
        assertThat(p.check(new Outcome("one\n", "", 0))).containsExactly("stdout line 2: expected 'two', got <end of output>");
        assertThat(p.check(new Outcome("one\ntwo", "", 0))).containsExactly("stdout differs in line endings");
    }

    @Test
    void wrongExitStatusIsReportedWithTheLastStderrLine() throws IOException {
        CorpusProgram p = program("python", "# exit: 3\n");
        assertThat(p.check(new Outcome("", "Traceback...\nNameError: name 'x' is not defined\n", 1)))
                .containsExactly("exit status 1, expected 3 (stderr: NameError: name 'x' is not defined)");
    }

    @Test
    void wrongErrorMessageOrLineIsReported() throws IOException {
        CorpusProgram p = program("python", "\nf()  # error: KeyError: 'k'\n");
        Outcome elsewhere = new Outcome("", traceback(p.path(), 5), 1);
        assertThat(p.check(elsewhere)).containsExactly("error raised at line 5, expected line 2");
        Outcome otherError = new Outcome("", traceback(p.path(), 2).replace("KeyError: 'k'\n", "KeyError: 'j'\n"), 1);
        assertThat(p.check(otherError)).containsExactly("error: expected \"KeyError: 'k'\", got \"KeyError: 'j'\"");
        Outcome noTraceback = new Outcome("", "KeyError: 'k'\n", 1);
        assertThat(p.check(noTraceback)).containsExactly("error raised at line None (no traceback frame in the program), expected line 2");
    }

    @Test
    void framesAreFoundByRelativeNameToo() throws IOException {
        CorpusProgram p = program("python", "f()  # error: KeyError: 'k'\n");
        String relative = traceback(p.path(), 1).replace(p.path().toString(), "prog.py");
        assertThat(p.check(new Outcome("", relative, 1))).isEmpty();
        assertThat(new Outcome("", relative, 1).innermostFrameLine(dir.resolve("other.py"))).isEmpty();
    }

    @Test
    void programsInTheWrongFolderAreProblems() throws IOException {
        assertThat(program("rpy", "print(1)\n").problems())
                .containsExactly("rpy program without a top-level 'def entry_point(argv)'");
        assertThat(program("python", "def entry_point(argv):\n    return 0\n").problems())
                .containsExactly("python program with an entry_point (belongs in rpy/)");
        assertThat(program("rpy", "def entry_point(argv):\n    return 0\n").check(new Outcome("", "", 0))).isEmpty();
    }

    @Test
    void theCorpusIsFoundAndWellFormed() {
        Corpus corpus = Corpus.locate();
        List<CorpusProgram> programs = corpus.programs();
        assertThat(programs).hasSizeGreaterThanOrEqualTo(60);
        assertThat(programs).allSatisfy(p -> assertThat(p.problems()).as(p.name()).isEmpty());
        assertThat(programs).extracting(CorpusProgram::name)
                .contains("rpy/bf_interp.py", "python/generators.py")
                .doesNotContain("python/_helper_shapes.py")
                .isEqualTo(programs.stream().map(CorpusProgram::name).sorted((a, b) ->
                        a.startsWith("rpy/") == b.startsWith("rpy/") ? a.compareTo(b) : a.startsWith("rpy/") ? -1 : 1).toList());
        assertThat(corpus.programs(Corpus.Folder.RPY)).hasSizeGreaterThanOrEqualTo(30);
        assertThat(corpus.supportPath().resolve("rpython/rlib/jit.py")).isRegularFile();
        assertThat(programs).filteredOn(p -> p.expectation().error().isPresent()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(programs).filteredOn(p -> !p.expectation().args().isEmpty()).isNotEmpty();
    }

    @Test
    void anAbsentExpectationDefaultsToSilentSuccess() {
        assertThat(Expectation.parse("x = 1\n")).isEqualTo(new Expectation(List.of(), List.of(), 0, Optional.empty(), List.of()));
    }
}
